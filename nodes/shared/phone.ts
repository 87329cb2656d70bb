// Phone numbers: read what the person wrote, once, then format per provider. The rule is that the
// output is the number the input denotes, or a refusal that says why; never a guess that changes it.

/** Every area code (DDD) in use in Brazil (Anatel plan). */
const VALID_DDDS = new Set<string>(
	(
		'11 12 13 14 15 16 17 18 19 21 22 24 27 28 31 32 33 34 35 37 38 41 42 43 44 45 46 47 48 49 51 53 54 55 ' +
		'61 62 63 64 65 66 67 68 69 71 73 74 75 77 79 81 82 83 84 85 86 87 88 89 91 92 93 94 95 96 97 98 99'
	).split(' '),
);

/**
 * Long-distance carrier codes (CSP) Brazil's numbering plan uses after the trunk 0, as libphonenumber
 * knows them: "0 21 11 99999-9999" is carrier 21, area code 11. Other two digits after the 0 are
 * not read as a carrier, so a slip such as "0 85 15 6529-7593" is refused, not sent to DDD 15.
 */
const CARRIER_CODES = new Set<string>(['12', '14', '15', '21', '22', '23', '25', '31', '41', '43', '55', '65', '99']);

/**
 * Country calling codes with the national number lengths a number can have there, and `*` where
 * a leading 0 is the trunk prefix, dialled only inside the country (so "+44 (0)20 …" is +44 20 …). Derived from libphonenumber's metadata;
 * test/shared/phone.test.ts fails when the pinned libphonenumber-js says otherwise. Only these two
 * facts are kept: this package ships no numbering plans, so a foreign number is checked for its
 * country code and length, and otherwise sent as written.
 */
const COUNTRY_TABLE =
	'1:7.10 7:10.14 20:8.9.10* 27:5.6.7.8.9.10* 30:10.11.12 31:5.6.7.8.9.10.11* 32:8.9* 33:9* 34:9 36:8.9 ' +
	'39:6.7.8.9.10.11.12 40:6.9* 41:9.12* 43:4.5.6.7.8.9.10.11.12.13* 44:7.9.10* 45:8 46:6.7.8.9.10.12* 47:5.8 ' +
	'48:6.7.8.9.10 49:4.5.6.7.8.9.10.11.12.13.14.15* 51:8.9* 52:10 53:6.7.8.10* 54:10.11* 55:8.9.10.11* ' +
	'56:9.10.11 57:8.10.11* 58:10* 60:8.9.10* 61:5.6.7.8.9.10.12* 62:7.8.9.10.11.12.13.14.15.16.17* ' +
	'63:6.8.9.10.11.12.13* 64:5.6.7.8.9.10* 65:8.10.11 66:8.9.10.13* 81:8.9.10.11.12.13.14.15.16.17* ' +
	'82:5.6.8.9.10.11.12.13.14* 84:7.8.9.10* 86:7.8.9.10.11.12* 90:7.10.12.13* 91:8.9.10.11.12.13* ' +
	'92:8.9.10.11.12* 93:9* 94:9* 95:6.7.8.9.10* 98:4.5.6.7.10* 211:9* 212:9* 213:8.9* 216:8 218:9* 220:7.9 ' +
	'221:9 222:8 223:8 224:8.9 225:10 226:8 227:8 228:8 229:10 230:7.8.10 231:7.8.9* 232:8* 233:8.9* ' +
	'234:10.11.12.13.14* 235:8 236:8 237:8.9 238:7 239:7 240:9 241:7.8 242:9 243:7.8.9.10* 244:9 245:7.9 ' +
	'246:7 247:5.6 248:7 249:9* 250:8.9* 251:9* 252:6.7.8.9* 253:8 254:7.8.9.10* 255:9* 256:9* 257:8 258:8.9 ' +
	'260:9* 261:9* 262:9* 263:7.9.10* 264:8.9* 265:7.9* 266:8 267:7.8.10 268:8.9 269:7 290:4.5 291:7* 297:7 ' +
	'298:6 299:6 350:8 351:9 352:4.5.6.7.8.9.10.11 353:7.8.9.10* 354:7.9 355:6.7.8.9* 356:8 357:8 ' +
	'358:5.6.7.8.9.10.11.12* 359:6.7.8.9.12* 370:8* 371:8 372:7.8.10 373:8* 374:8* 375:6.7.8.9.10.11* ' +
	'376:6.8.9 377:8.9* 378:8.10 380:9.10* 381:6.7.8.9.10.11.12* 382:8.9* 383:8.9.10.11.12* 385:7.8.9* ' +
	'386:5.6.7.8* 387:8.9* 389:8* 420:9.10.11.12 421:6.7.9* 423:7.9* 500:5 501:7.11 502:8.11 503:7.8.11 ' +
	'504:8.11 505:8 506:8.10 507:7.8.10.11 508:6.9* 509:8 590:9* 591:8.9* 592:7 593:8.9.10.11* 594:9* ' +
	'595:6.7.8.9.10.11* 596:9* 597:6.7 598:4.5.6.7.8.9.10.11.12.13* 599:7.8 670:7.8 672:6 673:7 674:7 ' +
	'675:7.8 676:5.7 677:5.7 678:5.7 679:7.11 680:7 681:6.9 682:5 683:4.7 685:5.6.7.10 686:5.8* 687:6 ' +
	'688:5.6.7 689:6.8.9 690:4.5.6.7 691:7 692:7 800:8 808:8 850:8.10* 852:5.6.7.8.9.11 853:7.8 ' +
	'855:8.9.10* 856:8.9.10* 870:9.12 878:12 880:6.7.8.9.10* 881:9.10 882:7.8.9.10.11.12 ' +
	'883:8.9.10.11.12 886:7.8.9.10.11* 888:11 960:7.10 961:7.8* 962:8.9* 963:8.9* 964:8.9.10* 965:7.8 ' +
	'966:9.10* 967:7.8.9* 968:7.8.9 970:8.9.10* 971:5.6.7.8.9.10.11.12* 972:7.8.9.10.11.12* 973:8 ' +
	'974:7.8.9.11 975:7.8 976:8.9.10* 977:8.10.11* 979:9 992:9 993:8 994:9* 995:9* 996:9.10* 998:9';

interface Country {
	lengths: number[];
	trunkZero: boolean;
}

const COUNTRIES = new Map<string, Country>(
	COUNTRY_TABLE.split(' ').map((entry) => {
		const [code, rest] = entry.split(':');
		const trunkZero = rest.endsWith('*');
		const lengths = (trunkZero ? rest.slice(0, -1) : rest).split('.').map(Number);
		return [code, { lengths, trunkZero }];
	}),
);

/** The COUNTRY_TABLE text, for the test that keeps it in step with libphonenumber's metadata. */
export const COUNTRY_TABLE_FOR_TESTS = COUNTRY_TABLE;

/** Longer texts are refused unread: no phone number needs more, and hostile input stays cheap. */
export const MAX_PHONE_TEXT_LENGTH = 64;

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

/**
 * Why a number was refused, for callers and tests that group refusals: `input` (not text, empty,
 * too long), `characters` (letters or signs that are not part of a number), `country`, `length`,
 * `area-code`, `carrier`, `number` (the digits after the area code), `written-form` (the digits could fit, but
 * not the way they are grouped or put in parentheses) and `ambiguous` (two readings).
 */
export type PhoneRefusal =
	| 'input'
	| 'characters'
	| 'country'
	| 'length'
	| 'area-code'
	| 'carrier'
	| 'number'
	| 'written-form'
	| 'ambiguous';

export type PhoneParseResult =
	| { ok: true; phone: BrazilianPhone }
	| { ok: false; reason: string; refusal: PhoneRefusal };

type Refused = { ok: false; reason: string; refusal: PhoneRefusal };

function refuse(refusal: PhoneRefusal, reason: string): Refused {
	return { ok: false, reason, refusal };
}

export interface PhoneParseOptions {
	/**
	 * Accept 9 digits after the DDD that do not start with 9. No such mobile exists in Brazil's
	 * numbering plan, but some providers accept them (LigueLead's own docs use 11888888888).
	 */
	allowAnyNineDigits?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Reading the written form: digits, where the gaps between them are, what is in parentheses.

interface Written {
	digits: string;
	/** Bit i set: a space, sign or parenthesis stands between digit i-1 and digit i. */
	gaps: number;
	/** Digit ranges [start, end) written in parentheses. */
	parens: Array<[number, number]>;
	plus: boolean;
}

function isSeparatorCode(code: number): boolean {
	return (
		code === 32 || code === 9 || code === 46 || code === 45 || code === 47 || code === 160 ||
		(code >= 0x2000 && code <= 0x200a) || (code >= 0x2010 && code <= 0x2015) ||
		code === 0x202f || code === 0x205f || code === 0x2212 || code === 0x3000 || code === 0xff0d
	);
}

/** Invisible format characters (bidi marks WhatsApp wraps numbers in, zero-width spaces, BOM). */
function isInvisibleCode(code: number): boolean {
	return (
		code === 0xad || code === 0x061c || code === 0x180e || (code >= 0x200b && code <= 0x200f) ||
		(code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x206f) || code === 0xfeff
	);
}

/** No phone number has more digits (E.164 allows 15, plus 00 + carrier + trunk); the gaps fit in 31 bits. */
const MAX_DIGITS = 24;

const LETTER = /\p{L}/u;
const OTHER_DIGIT = /\p{N}/u;

/**
 * One pass over the text. Decoration before and after the number (a spreadsheet apostrophe, an
 * emoji, quotes) is not part of it; a "+" or "(" just before the digits is. Between the digits
 * only spaces, dots, dashes, slashes and parentheses may stand.
 */
function scan(text: string): Written | Refused {
	let digits = '';
	let gaps = 0;
	const parens: Array<[number, number]> = [];
	let plus = false;
	let pendingGap = false;
	let openAt = -1;
	// Once "(" or "+" or a digit is seen, decoration may only come after the last digit.
	let started = false;
	let decorationAfter = '';
	let onlySpaces = true;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		let other = '';
		if (code >= 48 && code <= 57) {
			if (decorationAfter) return refuse('characters', `it contains "${decorationAfter}" between the digits`);
			if (digits.length === MAX_DIGITS) return refuse('length', `it has more than ${MAX_DIGITS} digits`);
			if (pendingGap && digits.length > 0) gaps |= 1 << digits.length;
			digits += text[i];
			pendingGap = false;
			started = true;
			onlySpaces = false;
			continue;
		}
		if (isSeparatorCode(code)) {
			pendingGap = true;
			continue;
		}
		if (isInvisibleCode(code)) continue;
		onlySpaces = false;
		if (code === 40 || code === 41 || code === 43) {
			if (decorationAfter) return refuse('characters', `it contains "${decorationAfter}" between the digits`);
			started = true;
			if (code === 43) {
				if (digits.length > 0 || plus) return refuse('characters', 'it has a "+" that is not at the start of the number');
				plus = true;
			} else if (code === 40) {
				if (openAt !== -1) return refuse('characters', 'it has a parenthesis inside parentheses');
				openAt = digits.length;
				pendingGap = true;
			} else {
				if (openAt === -1) return refuse('characters', 'it has a ")" without its "("');
				if (digits.length > openAt) parens.push([openAt, digits.length]);
				openAt = -1;
				pendingGap = true;
			}
			continue;
		}
		if (code < 128) {
			if ((code | 32) >= 97 && (code | 32) <= 122) return refuse('characters', 'it contains letters');
			other = text[i];
		} else {
			const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
			other = wide ? text.slice(i, i + 2) : text[i];
			if (wide) i++;
			if (LETTER.test(other)) return refuse('characters', 'it contains letters');
			if (OTHER_DIGIT.test(other)) return refuse('characters', `it contains "${other}", which is not a digit 0–9`);
		}
		if (digits.length > 0) decorationAfter ||= other;
		else if (started) return refuse('characters', `it contains "${other}" between the digits`);
	}
	if (digits.length === 0) return refuse('input', onlySpaces ? 'it is empty' : 'it has no digits');
	if (openAt !== -1) return refuse('characters', 'it has a "(" without its ")"');
	return { digits, gaps, parens, plus };
}

// ---------------------------------------------------------------------------------------------
// Brazilian readings. A reading splits the digits into prefix parts (international "00", country
// code "55", trunk "0", carrier code) and DDD + subscriber; the written form must agree with it,
// and its lengths and digits must be valid. A reading is four start positions (-1: absent); the
// subscriber runs from DDD + 2 to the end. Refusals are codes until one must be shown.

interface Reading {
	country: number;
	trunk: number;
	carrier: number;
	ddd: number;
}

function hasGapInside(written: Written, start: number, end: number): boolean {
	for (let i = start + 1; i < end; i++) if (written.gaps & (1 << i)) return true;
	return false;
}

// Why the written form rules a reading out.
const SPLIT_IDD = 1;
const SPLIT_COUNTRY = 2;
const SPLIT_CARRIER = 3;
const SPLIT_DDD = 4;
const PAREN_COUNTRY = 5;
const PAREN_OTHER = 6;
const GLUED = 7;

/**
 * Whether the way the number is written allows this reading (0) or why not. `parens: false`
 * leaves parentheses out, to tell whether they alone rule the reading out.
 */
function formProblem(written: Written, r: Reading, parens = true): number {
	if (r.country === 2 && hasGapInside(written, 0, 2)) return SPLIT_IDD;
	if (r.country !== -1 && hasGapInside(written, r.country, r.country + 2)) return SPLIT_COUNTRY;
	if (r.carrier !== -1 && hasGapInside(written, r.carrier, r.carrier + 2)) return SPLIT_CARRIER;
	if (hasGapInside(written, r.ddd, r.ddd + 2)) return SPLIT_DDD;
	if (parens) {
		for (const [start, end] of written.parens) {
			const allowed =
				(start === r.country && r.country === 0 && end === 2 && written.plus) ||
				(start === r.trunk && (end === r.trunk + 1 || end === r.ddd + 2)) ||
				(start === r.ddd && end === r.ddd + 2);
			if (!allowed) return start === r.country && !written.plus ? PAREN_COUNTRY : PAREN_OTHER;
		}
	}
	// An area code glued to a subscriber number written in groups ("011 98765-43210" read as
	// 0 + carrier 11 + 98 + 765-43210) is a re-reading to make the length fit, not what was written.
	const dddEnd = r.ddd + 2;
	if (r.ddd > 0 && !(written.gaps & (1 << dddEnd)) && hasGapInside(written, dddEnd, written.digits.length)) return GLUED;
	return 0;
}

function formProblemText(written: Written, r: Reading, problem: number): string {
	const { digits } = written;
	const part = (at: number, name: string) => `the ${name} "${digits.slice(at, at + 2)}" is split by a space or sign`;
	if (problem === SPLIT_IDD) return part(0, 'international prefix');
	if (problem === SPLIT_COUNTRY) return part(r.country, 'country code');
	if (problem === SPLIT_CARRIER) return part(r.carrier, 'carrier code');
	if (problem === SPLIT_DDD) return part(r.ddd, 'area code');
	if (problem === GLUED) return `the area code ${digits.slice(r.ddd, r.ddd + 2)} would be joined to a number written in groups`;
	const paren = written.parens.find(([start, end]) => !(start === r.ddd && end === r.ddd + 2)) ?? written.parens[0];
	const inside = digits.slice(paren[0], paren[1]);
	return problem === PAREN_COUNTRY
		? `"(${inside})" in parentheses is an area code, not the country code`
		: `"(${inside})" in parentheses is not an area code`;
}

// Why the digits rule a reading out, in the order they are checked: the refusal shown is the one
// from the reading that got furthest.
const TOO_FEW = 1;
const TOO_MANY = 2;
const BAD_DDD = 3;
const BAD_CARRIER = 4;
const NINE_NOT_9 = 5;
const STARTS_0_OR_1 = 6;
const RADIO_OR_MOBILE = 7;

const STAGE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 2, 5: 3, 6: 3, 7: 3 };

/** The phone this reading gives, or why the digits rule it out. */
function checkReading(written: Written, r: Reading, options: PhoneParseOptions): BrazilianPhone | number {
	const { digits } = written;
	const length = digits.length - r.ddd - 2;
	if (length < 8) return TOO_FEW;
	if (length > 9) return TOO_MANY;
	const ddd = digits.slice(r.ddd, r.ddd + 2);
	if (!VALID_DDDS.has(ddd)) return BAD_DDD;
	if (r.carrier !== -1 && !CARRIER_CODES.has(digits.slice(r.carrier, r.carrier + 2))) return BAD_CARRIER;
	let subscriber = digits.slice(r.ddd + 2);
	const first = subscriber[0];
	let ninthDigitAdded = false;
	if (length === 9) {
		if (first !== '9' && !options.allowAnyNineDigits) return NINE_NOT_9;
	} else {
		if (first === '0' || first === '1') return STARTS_0_OR_1;
		// 8 digits starting with 7 are still valid radio (SME) lines: with or without a 9, two numbers.
		if (first === '7') return RADIO_OR_MOBILE;
		// An 8-digit mobile (6, 8, 9) without its mandatory 9th digit is the same line: without the
		// 9 nothing is delivered, and no 8-digit number starting so exists. Landlines (2–5) keep 8.
		if (first >= '6') {
			subscriber = `9${subscriber}`;
			ninthDigitAdded = true;
		}
	}
	return { ddd, subscriber, kind: subscriber.length === 9 ? 'mobile' : 'landline', ninthDigitAdded };
}

function checkText(written: Written, r: Reading, code: number): Refused {
	const { digits } = written;
	const ddd = digits.slice(r.ddd, r.ddd + 2);
	const subscriber = digits.slice(r.ddd + 2);
	switch (code) {
		case TOO_FEW:
			return refuse('length', 'it has too few digits (expected area code + number)');
		case TOO_MANY:
			return refuse(
				'length',
				`it has too many digits: ${subscriber.length} follow the area code ${ddd}, but a number has 8 (landline) or 9 (mobile)`,
			);
		case BAD_DDD:
			return refuse('area-code', `"${ddd}" is not a Brazilian area code (DDD)`);
		case BAD_CARRIER:
			return refuse(
				'carrier',
				`"${digits.slice(r.carrier, r.carrier + 2)}" after the 0 is not a long-distance carrier code (${[...CARRIER_CODES].join(', ')})`,
			);
		case NINE_NOT_9:
			return refuse('number', 'a 9-digit number must start with 9 (mobile)');
		case STARTS_0_OR_1:
			return refuse('number', 'the number after the area code cannot start with 0 or 1');
		default:
			return refuse(
				'ambiguous',
				`it can be read as +55${ddd}${subscriber} (an 8-digit radio line) or as +55${ddd}9${subscriber} (a mobile without its 9th digit); write all 9 digits if it is a mobile`,
			);
	}
}

function reading(country: number, trunk: number, carrier: number, ddd: number): Reading {
	return { country, trunk, carrier, ddd };
}

function brazilianReadings(written: Written): Reading[] {
	const { digits } = written;
	const afterCountry = (at: number): Reading[] =>
		digits[at + 2] === '0' ? [reading(at, at + 2, -1, at + 3)] : [reading(at, -1, -1, at + 2)];
	if (written.plus) return afterCountry(0);
	if (digits.startsWith('0055')) return afterCountry(2);
	if (digits[0] === '0') return [reading(-1, 0, -1, 1), reading(-1, 0, 1, 3)];
	if (digits.startsWith('55')) return [reading(0, -1, -1, 2), reading(-1, -1, -1, 0)];
	return [reading(-1, -1, -1, 0)];
}

function e164Of(phone: BrazilianPhone): string {
	return `+55${phone.ddd}${phone.subscriber}`;
}

function readBrazilian(written: Written, options: PhoneParseOptions): PhoneParseResult {
	let found: BrazilianPhone | undefined;
	let second: BrazilianPhone | undefined;
	let best: Reading | undefined;
	let bestCode = 0;
	let blocked: Reading | undefined;
	let blockedBy = 0;
	let otherReading: BrazilianPhone | undefined;
	for (const r of brazilianReadings(written)) {
		const problem = formProblem(written, r);
		const checked = checkReading(written, r, options);
		if (problem !== 0) {
			if (!blocked) {
				blocked = r;
				blockedBy = problem;
			}
			if (typeof checked !== 'number' && formProblem(written, r, false) === 0) otherReading ??= checked;
		} else if (typeof checked !== 'number') {
			if (!found) found = checked;
			else if (e164Of(found) !== e164Of(checked)) second = checked;
		} else if (!best || STAGE[checked] > STAGE[bestCode]) {
			best = r;
			bestCode = checked;
		}
	}
	if (found && !second) return { ok: true, phone: found };
	if (found && second) {
		return refuse(
			'ambiguous',
			`it can be read as ${e164Of(found)} or as ${e164Of(second)}; write it with +55 and the area code so it has one reading`,
		);
	}
	if (best) {
		const refused = checkText(written, best, bestCode);
		if (otherReading) refused.reason += ` (if the number is ${e164Of(otherReading)}, write it that way)`;
		return refused;
	}
	const why = blocked ? formProblemText(written, blocked, blockedBy) : 'its digits do not read as area code + number';
	return refuse('written-form', `${why}; write it as (11) 99999-9999 or +55 11 99999-9999`);
}

// ---------------------------------------------------------------------------------------------
// Entry points.

type Read =
	| { ok: true; brazil: true; phone: BrazilianPhone }
	| { ok: true; brazil: false; e164: string; countryCode: string }
	| Refused;

function textOf(raw: unknown): string | Refused {
	if (typeof raw === 'string') {
		if (raw.length > MAX_PHONE_TEXT_LENGTH) {
			return refuse('input', `it is longer than ${MAX_PHONE_TEXT_LENGTH} characters`);
		}
		return raw;
	}
	if (typeof raw === 'number') {
		if (!Number.isFinite(raw)) return refuse('input', 'it is not a finite number');
		if (!Number.isSafeInteger(raw) || raw < 0) {
			return refuse('input', 'it is a number with decimals, a sign or too many digits to be exact; give the phone as text');
		}
		return String(raw);
	}
	if (typeof raw === 'bigint') return raw < BigInt(0) ? refuse('input', 'it is a negative number') : textOf(raw.toString());
	return refuse('input', 'it is not text');
}

function countryCodeOf(digits: string): string | undefined {
	for (let length = 1; length <= 3 && length <= digits.length; length++) {
		const code = digits.slice(0, length);
		if (COUNTRIES.has(code)) return code;
	}
	return undefined;
}

function readForeign(written: Written, code: string): Read {
	const { digits } = written;
	const country = COUNTRIES.get(code) as Country;
	if (hasGapInside(written, 0, code.length)) {
		return refuse('written-form', `the country code +${code} is split by a space or sign`);
	}
	let national = digits.slice(code.length);
	const parenAfterCode = written.parens.find(([start]) => start === code.length);
	for (const [start, end] of written.parens) {
		if (start === 0 && end !== code.length) {
			return refuse('written-form', `"(+${digits.slice(0, end)})" in parentheses is not a country code`);
		}
	}
	if (national.startsWith('0')) {
		if (country.trunkZero) {
			// The trunk 0 is dialled only inside the country: +44 (0)20 … and +44 020 … are +44 20 ….
			national = national.slice(1);
			if (national.startsWith('0')) {
				return refuse('number', `a number after +${code} does not start with 0 once its trunk 0 is dropped`);
			}
		} else if (parenAfterCode && parenAfterCode[1] === code.length + 1) {
			return refuse(
				'ambiguous',
				`"(0)" after +${code} can be read as +${code}${national} or as +${code}${national.slice(1)}; write the number without "(0)"`,
			);
		}
	}
	if (!isPossibleLength(code, national)) {
		return refuse(
			'length',
			code === '1' && country.lengths.includes(national.length)
				? 'after +1 the area code must start with 2 to 9'
				: `a number with the country code +${code} has ${country.lengths.join(', ')} digits after it, not ${national.length}`,
		);
	}
	return { ok: true, brazil: false, e164: `+${code}${national}`, countryCode: code };
}

function read(raw: unknown, options: PhoneParseOptions, brazilOnly: boolean): Read {
	const text = textOf(raw);
	if (typeof text !== 'string') return text;
	const written = scan(text);
	if ('ok' in written) return written;
	if (written.plus && !written.digits.startsWith('55')) {
		const code = countryCodeOf(written.digits);
		if (code === undefined) {
			return refuse('country', `"+${written.digits.slice(0, 3)}" does not start with a country code`);
		}
		if (brazilOnly) return refuse('country', `it has the country code +${code}, not +55 (Brazil)`);
		return readForeign(written, code);
	}
	if (!written.plus && written.digits.startsWith('00') && !written.digits.startsWith('0055')) {
		return refuse('country', 'it has a country code other than 55 (Brazil) after 00; write a number abroad as + and its country code');
	}
	const result = readBrazilian(written, options);
	// Dialled from Brazil, 00 is followed by a carrier code, and 55 is one: "0055 65 8868 1532" is
	// also +65 8868 1532 (Singapore). When the rest is a possible foreign number, there are two readings.
	if (!written.plus && written.digits.startsWith('0055')) {
		const abroad = possibleForeign(written.digits.slice(4));
		if (abroad !== undefined && !result.ok) {
			return refuse(result.refusal, `${result.reason}; if it is ${abroad} (00 + carrier code 55), write it that way`);
		}
		if (abroad !== undefined && result.ok) {
			return refuse(
				'ambiguous',
				`it can be read as ${e164Of(result.phone)} (0055 as +55) or as ${abroad} (00 + carrier code 55); write it with + and the country code so it has one reading`,
			);
		}
	}
	return result.ok ? { ok: true, brazil: true, phone: result.phone } : result;
}

/** The E.164 form of digits that start with a country code and have a length possible there. */
function possibleForeign(digits: string): string | undefined {
	const code = countryCodeOf(digits);
	if (code === undefined) return undefined;
	const national = digits.slice(code.length);
	return isPossibleLength(code, national) ? `+${digits}` : undefined;
}

function isPossibleLength(code: string, national: string): boolean {
	// North American area codes start with 2–9: +1 1… and +1 0… are not numbers.
	if (code === '1' && national[0] < '2') return false;
	return (COUNTRIES.get(code) as Country).lengths.includes(national.length);
}

/**
 * Reads a Brazilian number written in any common way: `11999999999`, `(11) 99999-9999`,
 * `+55 11 99999-9999`, `5511999999999`, `011 99999-9999`, `0 21 11 99999-9999` (carrier code),
 * `0055 11 …`, with invisible marks, a spreadsheet apostrophe or an emoji around it. Landlines (8
 * digits starting 2–5) are accepted; an old 8-digit mobile (starting 6, 8 or 9) gets its mandatory
 * 9th digit; 8 digits starting with 7 are refused, as they are also a valid radio line. The grouping is evidence: "(55)" is an area code and "011 …" is 0 + area code 11, so when
 * the digits then do not fit, the number is refused rather than re-read to make them fit.
 */
export function parseBrazilianPhone(raw: unknown, options: PhoneParseOptions = {}): PhoneParseResult {
	const result = read(raw, options, true);
	if (!result.ok) return result;
	if (!result.brazil) return refuse('country', `it has the country code +${result.countryCode}, not +55 (Brazil)`);
	return { ok: true, phone: result.phone };
}

export function formatBrazilianPhone(phone: BrazilianPhone, format: PhoneFormat): string {
	const national = `${phone.ddd}${phone.subscriber}`;
	if (format === 'national') return national;
	if (format === 'e164') return `+55${national}`;
	return `55${national}`;
}

export type E164Result =
	| { ok: true; value: string }
	| { ok: false; reason: string; refusal: PhoneRefusal; foreign: boolean };

/**
 * E.164 for providers that also reach numbers abroad: a number written with "+" (anywhere before
 * its digits) and a country code other than 55 is kept as written, when its country code exists
 * and its length is possible there and it has `minForeignDigits` to 15 digits; "(0)" after the
 * country code is dropped where 0 is the trunk prefix. Anything else must read as a Brazilian
 * number and becomes +55….
 */
export function toE164(raw: unknown, options: { minForeignDigits: number }): E164Result {
	const result = read(raw, {}, false);
	if (!result.ok) return { ...result, foreign: result.refusal === 'country' || isForeignText(raw) };
	if (result.brazil) return { ok: true, value: formatBrazilianPhone(result.phone, 'e164') };
	const count = result.e164.length - 1;
	if (count < options.minForeignDigits || count > 15) {
		return {
			ok: false,
			foreign: true,
			refusal: 'length',
			reason: `it is not an international number (+ country code and ${options.minForeignDigits} to 15 digits)`,
		};
	}
	return { ok: true, value: result.e164 };
}

function isForeignText(raw: unknown): boolean {
	if (typeof raw !== 'string' || raw.length > MAX_PHONE_TEXT_LENGTH) return false;
	const written = scan(raw);
	return !('ok' in written) && written.plus && !written.digits.startsWith('55');
}

/**
 * A number for a call button: any phone {@link toE164} reads, or a Brazilian non-geographic
 * number (0800, 0300, 0500, 0900, or 3003/400x capital numbers) as its digits.
 */
export function toDialNumber(raw: unknown): E164Result {
	const result = toE164(raw, { minForeignDigits: 7 });
	if (result.ok || result.foreign || typeof raw !== 'string' || raw.length > MAX_PHONE_TEXT_LENGTH) return result;
	const written = scan(raw);
	if ('ok' in written || written.plus) return result;
	if (/^0[3589]00\d{6,7}$/.test(written.digits) || /^(?:300|400)\d{5}$/.test(written.digits)) {
		return { ok: true, value: written.digits };
	}
	return result;
}
