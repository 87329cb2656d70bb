import { splitList } from '../../nodes/shared/lists';
import { formatBrazilianPhone, parseBrazilianPhone } from '../../nodes/shared/phone';

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
		['+1 415 555 2671', 'it has a country code other than +55 (Brazil)'],
		['99999', 'it has too few digits (expected area code + number)'],
		['551199999999999', 'it has too many digits'],
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
});
