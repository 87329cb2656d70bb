// Addressing rules Superlead operations share: phones as E.164, BSUIDs untouched.
import type { IExecuteFunctions } from 'n8n-workflow';

import { toE164 } from '../../shared/phone';
import { inputError, requirePhone } from '../../shared/validation';

/** A WhatsApp Business-scoped user ID, e.g. BR.13491208655302741918 (the webhooks' fromUserId). */
export const BSUID_PATTERN = /^[A-Z]{2}\.\d+$/;

/** Superlead's pattern for lead phones. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export function isBsuid(value: string): boolean {
	return BSUID_PATTERN.test(value);
}

/**
 * A phone as Superlead wants it (E.164). Brazilian numbers may be written in any common way and
 * get the 9th digit when it is missing; a number with another country code (+1, +351…) is kept
 * as long as it is valid E.164 (Superlead's lead pattern: 7 to 15 digits).
 */
export function readPhone(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const result = toE164(value, { minForeignDigits: 7 });
	if (result.ok) return result.value;
	if (result.foreign) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${String(value).trim()}" is not a valid international number`,
			'Write it as + country code + number, e.g. +5511999999999 or +351912345678.',
		);
	}
	return requirePhone(ctx, itemIndex, field, value, 'e164');
}

/** The message recipient: a BSUID passes through untouched, anything else is read as a phone. */
export function readRecipient(ctx: IExecuteFunctions, itemIndex: number, value: unknown): { to: string; isPhone: boolean } {
	const text = typeof value === 'string' ? value.trim() : value;
	if (typeof text === 'string' && isBsuid(text)) return { to: text, isPhone: false };
	if (typeof text === 'string' && /^[A-Za-z]{2}\./.test(text)) {
		throw inputError(
			ctx,
			itemIndex,
			'To',
			`"${text}" looks like a BSUID but is not one`,
			'A BSUID is two capital letters, a dot and digits, e.g. BR.13491208655302741918. WhatsApp usernames cannot be messaged.',
		);
	}
	return { to: readPhone(ctx, itemIndex, 'To', text), isPhone: true };
}
