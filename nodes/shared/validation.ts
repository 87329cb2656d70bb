// Input checks that run before any request: each failure names the field, the item and the fix.
import { NodeOperationError, jsonParse } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { listEntries } from './lists';
import { formatBrazilianPhone, parseBrazilianPhone, toDialNumber } from './phone';
import type { PhoneFormat, PhoneParseOptions } from './phone';

/**
 * The error for bad input: the message says what is wrong with which field, the description
 * says how to fix it, and the item index travels with it so n8n highlights the item.
 */
export function inputError(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	problem: string,
	fix: string,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${field}: ${problem} [item ${itemIndex}]`, {
		description: fix,
		itemIndex,
	});
}

const PHONE_FIX =
	'Use a Brazilian number with area code (DDD), for example 11999999999, (11) 99999-9999 or +55 11 99999-9999.';

/**
 * A short, safe picture of a value for an error message: never throws (circular objects, BigInt,
 * hostile toString), at most 40 characters, invisible characters (such as the bidi marks WhatsApp
 * puts around numbers) shown as \u{…} so the user can see why the text was refused.
 */
export function describeValue(value: unknown): string {
	let text: string | undefined;
	if (typeof value === 'string') text = value.slice(0, 41);
	else if (typeof value === 'bigint' || typeof value === 'symbol') text = value.toString();
	else if (typeof value === 'function') text = 'a function';
	else {
		try {
			text = JSON.stringify(value) ?? String(value);
		} catch {
			text = Array.isArray(value) ? 'a list' : 'an object';
		}
	}
	const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
	return shown.replace(/\p{Cf}/gu, (char) => `\\u{${char.codePointAt(0)?.toString(16).toUpperCase()}}`);
}

/** Parses one Brazilian number or throws an error naming the field, the item and the value. */
export function requirePhone(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	format: PhoneFormat,
): string {
	const parsed = parseBrazilianPhone(value);
	if (!parsed.ok) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${describeValue(value)}" is not a valid Brazilian phone number: ${parsed.reason}`,
			PHONE_FIX,
		);
	}
	return formatBrazilianPhone(parsed.phone, format);
}

/** A number for a call button: a phone (Brazilian or + country code) or a 0800-style number. */
export function requireDialNumber(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const result = toDialNumber(value);
	if (result.ok) return result.value;
	throw inputError(
		ctx,
		itemIndex,
		field,
		`"${describeValue(value)}" is not a phone number: ${result.reason}`,
		'Use a number like +55 11 99999-9999, +351 912 345 678 or 0800 123 4567.',
	);
}

export interface PhoneListOptions extends PhoneParseOptions {
	/** Refuse landlines, for channels that cannot reach them (SMS, RCS). Default: allowed. */
	mobileOnly?: boolean;
	/** Drop repeated numbers (after formatting), keeping the first. */
	unique?: boolean;
}

/** Parses a list of numbers (array or comma/newline-separated text), rejecting the first bad one. */
export function requirePhoneList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	format: PhoneFormat,
	options: PhoneListOptions = {},
): string[] {
	const entries = listEntries(value);
	if (entries.length === 0) {
		throw inputError(ctx, itemIndex, field, 'no phone number was given', PHONE_FIX);
	}
	const phones = entries.map((entry, position) => {
		const parsed = parseBrazilianPhone(entry, options);
		if (!parsed.ok) {
			throw inputError(
				ctx,
				itemIndex,
				field,
				`entry ${position + 1} "${describeValue(entry)}" is not a valid Brazilian phone number: ${parsed.reason}`,
				PHONE_FIX,
			);
		}
		const formatted = formatBrazilianPhone(parsed.phone, format);
		if (options.mobileOnly && parsed.phone.kind === 'landline') {
			throw inputError(
				ctx,
				itemIndex,
				field,
				`entry ${position + 1} "${formatted}" is a landline, which cannot receive this message`,
				'Use mobile numbers (9 digits after the DDD, starting with 9).',
			);
		}
		return formatted;
	});
	return options.unique ? [...new Set(phones)] : phones;
}

function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'boolean') return 'true/false';
	if (typeof value === 'number') return 'not a finite number';
	if (typeof value === 'object') return 'an object';
	return `of type ${typeof value}`;
}

/**
 * The text of a field as written: a string, or a finite number's digits; empty when unset. An
 * object, a list or true/false (usually an expression that picked a whole record) is refused
 * rather than sent as "[object Object]" or "1,2".
 */
export function textValue(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	throw inputError(
		ctx,
		itemIndex,
		field,
		`it is ${kindOf(value)}, not text`,
		`Give "${field}" one text value. In an expression, pick a single field of the data (e.g. {{ $json.name }}), not a whole object or list.`,
	);
}

/**
 * A JSON field, parsed. n8n itself throws a bare parser message for invalid JSON in a JSON
 * parameter; this names the field and the item instead.
 */
export function readJsonParameter(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: string,
	field: string,
	example: string,
): unknown {
	const invalid = (reason: string) =>
		inputError(ctx, itemIndex, field, 'it is not valid JSON', `${reason.slice(0, 120)}. Check the quotes, commas and brackets, e.g. ${example}.`);
	let raw: unknown;
	try {
		raw = ctx.getNodeParameter(name, itemIndex);
	} catch (error) {
		throw invalid(error instanceof Error ? error.message : String(error));
	}
	if (typeof raw !== 'string') return raw;
	try {
		return jsonParse<unknown>(raw);
	} catch (error) {
		throw invalid(error instanceof Error ? error.message : String(error));
	}
}

export function requireText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: unknown,
	options: { maxLength?: number; minLength?: number } = {},
): string {
	const text = textValue(ctx, itemIndex, field, value);
	const min = options.minLength ?? 1;
	if (text.trim().length < min) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			min <= 1 ? 'it is empty' : `it must have at least ${min} characters`,
			`Fill in "${field}".`,
		);
	}
	checkMaxLength(ctx, itemIndex, field, text, options.maxLength);
	return text;
}

export function checkMaxLength(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	text: string | undefined,
	maxLength: number | undefined,
): void {
	if (text === undefined || maxLength === undefined) return;
	const length = [...text].length;
	if (length > maxLength) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`it has ${length} characters, more than the ${maxLength} allowed`,
			`Shorten "${field}" to at most ${maxLength} characters.`,
		);
	}
}

export function checkRange(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: number,
	min: number,
	max: number,
): number {
	if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`${describeValue(value)} is outside the allowed range`,
			`Use a number between ${min} and ${max}.`,
		);
	}
	return value;
}

/** "Limit" of a Get Many: a whole number from 1 (an expression could give 0, -1 or 2.5). */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = ctx.getNodeParameter('limit', itemIndex, 50) as unknown;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
		throw inputError(
			ctx,
			itemIndex,
			'Limit',
			`${describeValue(value)} is not a whole number from 1`,
			'Set "Limit" to how many records to return (1 or more), or turn on "Return All".',
		);
	}
	return value;
}

export function checkCount(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	count: number,
	min: number,
	max: number,
): void {
	if (count < min || count > max) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`it has ${count} entries`,
			min === max
				? `Give exactly ${min}.`
				: min === 0
					? `Give at most ${max}.`
					: `Give between ${min} and ${max}.`,
		);
	}
}

export function checkUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	value: string,
): string {
	const trimmed = value.trim();
	let valid = false;
	try {
		const url = new URL(trimmed);
		valid = url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		valid = false;
	}
	if (!valid) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`"${describeValue(value)}" is not a web address`,
			'Use a full public URL starting with https://.',
		);
	}
	return trimmed;
}

/** Keeps only the keys whose values were actually filled in (n8n sends '' for untouched strings). */
export function compact<T extends Record<string, unknown>>(object: T): Partial<T> {
	const result: Partial<T> = {};
	for (const [key, value] of Object.entries(object)) {
		if (value === undefined || value === null || value === '') continue;
		if (Array.isArray(value) && value.length === 0) continue;
		(result as Record<string, unknown>)[key] = value;
	}
	return result;
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/** One email address, trimmed, or an error naming the field and the item. */
export function requireEmail(ctx: IExecuteFunctions, itemIndex: number, field: string, raw: unknown): string {
	const email = textValue(ctx, itemIndex, field, raw).trim();
	if (!EMAIL.test(email)) {
		throw inputError(ctx, itemIndex, field, `"${email.slice(0, 60)}" is not an email address`, 'Use an address like name@company.com.');
	}
	return email;
}
