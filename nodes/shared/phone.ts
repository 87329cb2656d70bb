// Brazilian phone numbers: parse any common written form once, then format per provider.

/** Every area code (DDD) in use in Brazil (Anatel plan). */
const VALID_DDDS = new Set<number>([
	11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43,
	44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77,
	79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
]);

export type PhoneFormat = 'national' | 'e164' | 'digits55';

export interface BrazilianPhone {
	/** Two-digit area code, e.g. "11". */
	ddd: string;
	/** Subscriber number: 9 digits for mobiles, 8 for landlines. */
	subscriber: string;
	kind: 'mobile' | 'landline';
	/** True when an 8-digit mobile number was written without the mandatory leading 9 and it was added. */
	ninthDigitAdded: boolean;
}

export type PhoneParseResult =
	| { ok: true; phone: BrazilianPhone }
	| { ok: false; reason: string };

function fail(reason: string): PhoneParseResult {
	return { ok: false, reason };
}

/**
 * Reads a Brazilian number written in any common way: `11999999999`, `(11) 99999-9999`,
 * `+55 11 99999-9999`, `5511999999999`, `011 99999-9999`, `0 21 11 99999-9999` (carrier code),
 * `0055 11 …`. Landlines (8 digits starting 2–5) are accepted; an old 8-digit mobile
 * (starting 6–9) gets its mandatory 9th digit added, because without it nothing is delivered.
 */
export interface PhoneParseOptions {
	/**
	 * Accept 9 digits after the DDD that do not start with 9. No such mobile exists in Brazil's
	 * numbering plan, but some providers accept them (LigueLead's own docs use 11888888888).
	 */
	allowAnyNineDigits?: boolean;
}

export function parseBrazilianPhone(raw: unknown, options: PhoneParseOptions = {}): PhoneParseResult {
	if (typeof raw === 'number' && Number.isFinite(raw)) raw = String(raw);
	if (typeof raw !== 'string') return fail('it is not text');
	const text = raw.trim();
	if (text === '') return fail('it is empty');
	if (/[a-z]/i.test(text)) return fail('it contains letters');
	const hasPlus = text.startsWith('+');
	let digits = text.replace(/\D/g, '');

	if (hasPlus) {
		if (!digits.startsWith('55')) {
			return fail('it has a country code other than +55 (Brazil)');
		}
		digits = digits.slice(2);
	} else if (digits.startsWith('00')) {
		digits = digits.slice(2);
		if (!digits.startsWith('55')) return fail('it has a country code other than 55 (Brazil)');
		digits = digits.slice(2);
	} else if (digits.startsWith('0')) {
		digits = digits.slice(1);
		// 0 + carrier selection code (2 digits) + DDD + number
		if (digits.length === 12 || digits.length === 13) digits = digits.slice(2);
	} else if ((digits.length === 12 || digits.length === 13) && digits.startsWith('55')) {
		digits = digits.slice(2);
	}

	if (digits.length < 10) return fail('it has too few digits (expected area code + number)');
	if (digits.length > 11) return fail('it has too many digits');

	const ddd = digits.slice(0, 2);
	if (!VALID_DDDS.has(Number(ddd))) return fail(`"${ddd}" is not a Brazilian area code (DDD)`);
	let subscriber = digits.slice(2);
	let ninthDigitAdded = false;

	if (subscriber.length === 9) {
		if (subscriber[0] !== '9' && !options.allowAnyNineDigits) {
			return fail('a 9-digit number must start with 9 (mobile)');
		}
	} else {
		const first = subscriber[0];
		if (first === '0' || first === '1') return fail('the number after the area code cannot start with 0 or 1');
		if (first >= '6') {
			subscriber = `9${subscriber}`;
			ninthDigitAdded = true;
		}
	}

	return {
		ok: true,
		phone: {
			ddd,
			subscriber,
			kind: subscriber.length === 9 ? 'mobile' : 'landline',
			ninthDigitAdded,
		},
	};
}

export function formatBrazilianPhone(phone: BrazilianPhone, format: PhoneFormat): string {
	const national = `${phone.ddd}${phone.subscriber}`;
	if (format === 'national') return national;
	if (format === 'e164') return `+55${national}`;
	return `55${national}`;
}

export type E164Result = { ok: true; value: string } | { ok: false; reason: string; foreign: boolean };

/**
 * E.164 for providers that also reach numbers abroad: a number written with "+" and a country code
 * other than 55 is kept (digits only) when it has `minForeignDigits` to 15 digits; anything else must
 * read as a Brazilian number and becomes +55….
 */
export function toE164(raw: unknown, options: { minForeignDigits: number }): E164Result {
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (text.startsWith('+') && !text.replace(/[\s().-]/g, '').startsWith('+55')) {
		const digits = text.replace(/\D/g, '');
		const valid = !/[a-z]/i.test(text) && !digits.startsWith('0') && digits.length >= options.minForeignDigits && digits.length <= 15;
		return valid
			? { ok: true, value: `+${digits}` }
			: { ok: false, foreign: true, reason: `it is not an international number (+ country code and ${options.minForeignDigits} to 15 digits)` };
	}
	const parsed = parseBrazilianPhone(text);
	if (!parsed.ok) return { ok: false, foreign: false, reason: parsed.reason };
	return { ok: true, value: formatBrazilianPhone(parsed.phone, 'e164') };
}
