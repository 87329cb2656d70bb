import metadata from 'libphonenumber-js/metadata.max.json';

import { listEntries, splitList } from '../../nodes/shared/lists';
import {
	COUNTRY_TABLE_FOR_TESTS,
	formatBrazilianPhone,
	parseBrazilianPhone,
	toDialNumber,
	toE164,
} from '../../nodes/shared/phone';

function e164(raw: unknown): string {
	const parsed = parseBrazilianPhone(raw);
	if (!parsed.ok) throw new Error(`expected ${String(raw)} to parse: ${parsed.reason}`);
	return formatBrazilianPhone(parsed.phone, 'e164');
}

function reason(raw: unknown): string {
	const parsed = parseBrazilianPhone(raw);
	if (parsed.ok) throw new Error(`expected ${String(raw)} to be rejected`);
	return parsed.reason;
}

describe('parseBrazilianPhone', () => {
	it.each([
		['11999999999'],
		['(11) 99999-9999'],
		['+55 11 99999-9999'],
		['+55 (11) 9 9999-9999'],
		['5511999999999'],
		['011 99999-9999'],
		['0 21 11 99999-9999'],
		['0055 11 99999 9999'],
		['  11.99999.9999  '],
		[11999999999],
	])('reads %p as the mobile +5511999999999', (raw) => {
		expect(e164(raw)).toBe('+5511999999999');
	});

	it('adds the missing 9th digit to an old 8-digit mobile and says so', () => {
		const parsed = parseBrazilianPhone('(21) 8888-7777');
		expect(parsed).toEqual({
			ok: true,
			phone: { ddd: '21', subscriber: '988887777', kind: 'mobile', ninthDigitAdded: true },
		});
	});

	it('keeps a landline as 8 digits', () => {
		const parsed = parseBrazilianPhone('+55 11 3333-4444');
		expect(parsed).toEqual({
			ok: true,
			phone: { ddd: '11', subscriber: '33334444', kind: 'landline', ninthDigitAdded: false },
		});
	});

	it('reads DDD 55 (Rio Grande do Sul) written nationally without confusing it with the country code', () => {
		expect(e164('55 99999-1234')).toBe('+5555999991234');
	});

	it.each([
		['', 'it is empty'],
		['abc', 'it contains letters'],
		['+1 415 555 2671', 'it has the country code +1, not +55 (Brazil)'],
		['99999', 'it has too few digits (expected area code + number)'],
		['551199999999999', 'it has too many digits: 11 follow the area code 11, but a number has 8 (landline) or 9 (mobile)'],
		['(20) 99999-9999', '"20" is not a Brazilian area code (DDD)'],
		['11 89999-9999', 'a 9-digit number must start with 9 (mobile)'],
		['11 1999-9999', 'the number after the area code cannot start with 0 or 1'],
	])('rejects %p: %s', (raw, why) => {
		expect(reason(raw)).toBe(why);
	});

	it('lets 9 digits that do not start with 9 through only when a provider asks for it', () => {
		expect(reason('11888888888')).toBe('a 9-digit number must start with 9 (mobile)');
		expect(parseBrazilianPhone('11888888888', { allowAnyNineDigits: true })).toEqual({
			ok: true,
			phone: { ddd: '11', subscriber: '888888888', kind: 'mobile', ninthDigitAdded: false },
		});
	});

	it('rejects values that are not text', () => {
		expect(reason({})).toBe('it is not text');
		expect(reason(undefined)).toBe('it is not text');
	});

	// Shapes from issue 8: each used to come out as a different, valid-looking number.
	it.each([
		['(+49) 89 515111', 'it has the country code +49, not +55 (Brazil)'],
		["'+351 912 345 678", 'it has the country code +351, not +55 (Brazil)'],
		['📞 +1 416 555 1234', 'it has the country code +1, not +55 (Brazil)'],
		['\u202a+44 20 7946 0958\u202c', 'it has the country code +44, not +55 (Brazil)'],
	])('reads the + in %p as a country code, not as a Brazilian area code', (raw, why) => {
		expect(reason(raw)).toBe(why);
	});

	it.each([
		["'+55 11 99999-9999"],
		['\u202a+55 11 99999-9999\u202c'],
		['\u2066(11) 99999-9999\u2069'],
		['\u200e+55 11\u200e 99999-9999'],
		['\ufeff11 99999-9999'],
		['📱 +55 (11) 99999-9999'],
		['(+55) 11 99999-9999'],
		['+55 (0) 11 99999-9999'],
		['+55 011 99999-9999'],
		['11 99999-9999 ✅'],
		['+55\u00a011\u00a099999\u20139999'],
	])('reads %p, decoration and invisible marks aside, as +5511999999999', (raw) => {
		expect(e164(raw)).toBe('+5511999999999');
	});

	it('takes the way a number is written as evidence and refuses when the digits then do not fit', () => {
		// "(55)" is an area code: with 10 digits after it, it is a slip, not +55 98 8251-2345.
		expect(reason('(55) 98825-12345')).toBe(
			'it has too many digits: 10 follow the area code 55, but a number has 8 (landline) or 9 (mobile)',
		);
		// "011" is 0 + area code 11, not 0 + carrier code 11 + area code 98.
		expect(reason('011 98765-43210')).toBe(
			'it has too many digits: 10 follow the area code 11, but a number has 8 (landline) or 9 (mobile)',
		);
		expect(reason('55 98825-12345')).toBe(
			'it has too many digits: 10 follow the area code 55, but a number has 8 (landline) or 9 (mobile)',
		);
		// "(55)" followed by a whole Brazilian number: the error shows the other reading.
		expect(reason('(55) 11 99999-9999')).toBe(
			'it has too many digits: 11 follow the area code 55, but a number has 8 (landline) or 9 (mobile) (if the number is +5511999999999, write it that way)',
		);
		expect(reason('1 1 99999-9999')).toBe(
			'the area code "11" is split by a space or sign; write it as (11) 99999-9999 or +55 11 99999-9999',
		);
	});

	it('keeps the unformatted 12-digit 55 + DDD + 8 digits (the WhatsApp form without the 9th digit)', () => {
		expect(e164('559882512345')).toBe('+5598982512345');
		expect(e164('551133334444')).toBe('+551133334444');
	});

	it('reads a carrier code only where one is in use', () => {
		expect(e164('0 21 11 99999-9999')).toBe('+5511999999999');
		expect(reason('0 85 15 6529-7593')).toBe(
			'"85" after the 0 is not a long-distance carrier code (12, 14, 15, 21, 22, 23, 25, 31, 41, 43, 55, 65, 99)',
		);
	});

	it('refuses an input with two plausible readings and shows both', () => {
		expect(reason('(11) 7670-3055')).toBe(
			'it can be read as +551176703055 (an 8-digit radio line) or as +5511976703055 (a mobile without its 9th digit); write all 9 digits if it is a mobile',
		);
		expect(reason('0055 65 8868 1532')).toBe(
			'it can be read as +5565988681532 (0055 as +55) or as +6588681532 (00 + carrier code 55); write it with + and the country code so it has one reading',
		);
	});

	it.each([
		[Number.NaN, 'it is not a finite number'],
		[Number.POSITIVE_INFINITY, 'it is not a finite number'],
		[11.5, 'it is a number with decimals, a sign or too many digits to be exact; give the phone as text'],
		[-11999999999, 'it is a number with decimals, a sign or too many digits to be exact; give the phone as text'],
		[1e21, 'it is a number with decimals, a sign or too many digits to be exact; give the phone as text'],
		[null, 'it is not text'],
		[true, 'it is not text'],
		[['11999999999'], 'it is not text'],
		[Symbol('phone'), 'it is not text'],
		['9'.repeat(65), 'it is longer than 64 characters'],
		['1'.repeat(10_000_000), 'it is longer than 64 characters'],
		['   ', 'it is empty'],
		['\u202a\u202c', 'it is empty'],
		['(-)', 'it has no digits'],
		['11 99999#9999', 'it contains "#" between the digits'],
		['１１ ９９９９９-９９９９', 'it contains "１", which is not a digit 0–9'],
		['11 +99999-9999', 'it has a "+" that is not at the start of the number'],
		['((11) 99999-9999', 'it has a parenthesis inside parentheses'],
		['11) 99999-9999', 'it has a ")" without its "("'],
	])('refuses %p without throwing: %s', (raw, why) => {
		expect(reason(raw)).toBe(why);
	});

	it('reads a circular object, a BigInt and an object whose toString throws without throwing', () => {
		const circular: Record<string, unknown> = {};
		circular.self = circular;
		const hostile = { toString: () => { throw new Error('boom'); } };
		expect(reason(circular)).toBe('it is not text');
		expect(reason(hostile)).toBe('it is not text');
		expect(e164(BigInt('5511999999999'))).toBe('+5511999999999');
	});
});

describe('toE164', () => {
	const read = (raw: unknown) => toE164(raw, { minForeignDigits: 7 });

	it.each([
		['(+49) 89 515111', '+4989515111'],
		["'+351 912 345 678", '+351912345678'],
		['📞 +1 416 555 1234', '+14165551234'],
		['\u202a+1 (416) 555-1234\u202c', '+14165551234'],
		['+44 (0)20 7946 0958', '+442079460958'],
		['+44 020 7946 0958', '+442079460958'],
		['+39 06 6988 1234', '+390669881234'],
		['+55 11 99999-9999', '+5511999999999'],
		['(11) 99999-9999', '+5511999999999'],
	])('keeps %p as %p', (raw, value) => {
		expect(read(raw)).toEqual({ ok: true, value });
	});

	it.each([
		['+39 (0)6 6988 1234', '"(0)" after +39 can be read as +390669881234 or as +39669881234; write the number without "(0)"'],
		['+999 1234 5678', '"+999" does not start with a country code'],
		['+44 20 7946 09', 'a number with the country code +44 has 7, 9, 10 digits after it, not 8'],
		['+1 199 999 9999', 'after +1 the area code must start with 2 to 9'],
		['+4 4 20 7946 0958', 'the country code +44 is split by a space or sign'],
		['0049 89 515111', 'it has a country code other than 55 (Brazil) after 00; write a number abroad as + and its country code'],
	])('refuses %p: %s', (raw, reason) => {
		expect(read(raw)).toMatchObject({ ok: false, foreign: true, reason });
	});

	it('keeps the provider minimum for numbers abroad', () => {
		expect(toE164('+290 1234', { minForeignDigits: 8 })).toEqual({
			ok: false,
			foreign: true,
			refusal: 'length',
			reason: 'it is not an international number (+ country code and 8 to 15 digits)',
		});
		expect(toE164('+290 1234', { minForeignDigits: 7 })).toEqual({ ok: true, value: '+2901234' });
	});
});

describe('toDialNumber', () => {
	it('takes phones and Brazilian non-geographic numbers as written, and nothing else', () => {
		expect(toDialNumber('0800 123 4567')).toEqual({ ok: true, value: '08001234567' });
		expect(toDialNumber('4004-0001')).toEqual({ ok: true, value: '40040001' });
		expect(toDialNumber('+44 (0)20 7946 0958')).toEqual({ ok: true, value: '+442079460958' });
		expect(toDialNumber('(11) 99999-9999')).toEqual({ ok: true, value: '+5511999999999' });
		expect(toDialNumber('011 98765-43210')).toMatchObject({ ok: false, foreign: false });
	});
});

describe('the country table', () => {
	it('matches the pinned libphonenumber-js metadata (codes, possible lengths, trunk 0)', () => {
		type Entry = [string, string, string, number[], unknown, string | 0, unknown, string | 0];
		const data = metadata as unknown as {
			country_calling_codes: Record<string, string[]>;
			countries: Record<string, Entry>;
			nonGeographic: Record<string, Entry>;
		};
		const codes = [...new Set([...Object.keys(data.country_calling_codes), ...Object.keys(data.nonGeographic)])];
		const entries = codes
			.sort((a, b) => Number(a) - Number(b))
			.map((code) => {
				const regions = code in data.nonGeographic ? [data.nonGeographic[code]] : data.country_calling_codes[code].map((region) => data.countries[region]);
				const lengths = [...new Set(regions.flatMap((region) => region[3]))].sort((a, b) => a - b);
				const [main] = regions;
				const forParsing = main[7] ? new RegExp(`^(?:${main[7]})`).exec('0') : null;
				const trunkZero = main[5] === '0' || forParsing?.[0] === '0';
				return `${code}:${lengths.join('.')}${trunkZero ? '*' : ''}`;
			});
		expect(COUNTRY_TABLE_FOR_TESTS).toBe(entries.join(' '));
	});
});

describe('formatBrazilianPhone', () => {
	it('formats per provider: national, E.164 and 55 + digits', () => {
		const parsed = parseBrazilianPhone('(11) 99999-9999');
		if (!parsed.ok) throw new Error('parse failed');
		expect(formatBrazilianPhone(parsed.phone, 'national')).toBe('11999999999');
		expect(formatBrazilianPhone(parsed.phone, 'e164')).toBe('+5511999999999');
		expect(formatBrazilianPhone(parsed.phone, 'digits55')).toBe('5511999999999');
	});
});

describe('splitList', () => {
	it('splits commas, semicolons and new lines and flattens arrays', () => {
		expect(splitList('11999999999, 21988887777;\n31977776666\r\n')).toEqual([
			'11999999999',
			'21988887777',
			'31977776666',
		]);
		expect(splitList(['11999999999', ['21988887777', 31977776666], null])).toEqual([
			'11999999999',
			'21988887777',
			'31977776666',
		]);
		expect(splitList('  ')).toEqual([]);
	});

	it('reads a list that contains itself, a very deep list and hostile values without throwing', () => {
		const circular: unknown[] = ['11999999999'];
		circular.push(circular);
		expect(splitList(circular)).toEqual(['11999999999']);
		let deep: unknown = '21988887777';
		for (let i = 0; i < 100000; i++) deep = [deep];
		expect(splitList(deep)).toEqual(['21988887777']);
		const hostile = { toString: () => { throw new Error('boom'); } };
		expect(splitList([hostile, Object.create(null)])).toEqual(['[object Object]', '[object Object]']);
		expect(listEntries(['11999999999', { a: 1 }, 5])).toEqual(['11999999999', { a: 1 }, 5]);
		const same = ['1'];
		expect(splitList([same, same])).toEqual(['1', '1']);
	});
});
