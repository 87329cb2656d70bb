// SMS encoding and size: GSM-7 vs UCS-2, parts, and what a message costs.

// GSM 03.38 basic character set (one septet each).
const GSM7_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// Extension table: each costs two septets (escape + char).
const GSM7_EXTENDED = '^{}\\[~]|€\f';

const BASIC = new Set([...GSM7_BASIC]);
const EXTENDED = new Set([...GSM7_EXTENDED]);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSize {
	encoding: SmsEncoding;
	/** Characters as the user sees them. */
	characters: number;
	/** Parts the network splits the message into (concatenated SMS). */
	parts: number;
	/** Characters that forced UCS-2 (accents like ã, õ, ç are not in GSM-7), at most 10 listed. */
	nonGsmCharacters: string[];
}

export function smsEncoding(text: string): SmsEncoding {
	for (const char of text) {
		if (!BASIC.has(char) && !EXTENDED.has(char)) return 'UCS-2';
	}
	return 'GSM-7';
}

/** Parts per the GSM standard: 160/153 septets for GSM-7, 70/67 UTF-16 units for UCS-2. */
export function smsSize(text: string): SmsSize {
	const encoding = smsEncoding(text);
	const nonGsm: string[] = [];
	let units = 0;
	if (encoding === 'GSM-7') {
		for (const char of text) units += EXTENDED.has(char) ? 2 : 1;
	} else {
		units = text.length; // UTF-16 code units
		for (const char of text) {
			if (!BASIC.has(char) && !EXTENDED.has(char) && !nonGsm.includes(char) && nonGsm.length < 10) {
				nonGsm.push(char);
			}
		}
	}
	const single = encoding === 'GSM-7' ? 160 : 70;
	const multi = encoding === 'GSM-7' ? 153 : 67;
	const parts = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / multi);
	return { encoding, characters: [...text].length, parts, nonGsmCharacters: nonGsm };
}

/**
 * LigueLead's documented price: 1 credit for the first 160 characters, +1 for every further
 * 152 characters (max 1,600 characters).
 */
export function ligueLeadSmsCredits(text: string): number {
	const length = [...text].length;
	if (length === 0) return 0;
	if (length <= 160) return 1;
	return 1 + Math.ceil((length - 160) / 152);
}
