// What the Superlead Trigger checks on every request, as pure functions: the HMAC signature (with
// an optional signed timestamp) and which events start the workflow.
import type { IDataObject } from 'n8n-workflow';

import { isWithinWindow, verifyHmac } from '../shared/signature';
import type { SignatureEncoding } from '../shared/signature';
import { configuredSecret, hasHeader, singleHeader } from '../shared/webhook';

export const STATUS_EVENT = 'whatsapp.message.status';
export const DEFAULT_INCOMING_EVENTS = 'whatsapp.message.received';
export const DEFAULT_SIGNATURE_HEADER = 'x-superlead-signature';

export interface SignatureSettings {
	secret: string;
	header: string;
	encoding: SignatureEncoding;
	/** "optional": `sha256=` may precede the digest; "required": it must; "none": it must not. */
	prefix: 'optional' | 'required' | 'none';
	/** When set, this header carries the timestamp, and the signed string is `<timestamp>.<raw body>`. */
	timestampHeader: string;
	toleranceSeconds: number;
}

export type SignatureResult = { ok: true } | { ok: false; reason: string };

/** The bytes that are signed: the raw body, preceded by `<timestamp>.` when a timestamp is used. */
export function signedPayload(rawBody: Buffer, timestamp?: string): Buffer {
	if (timestamp === undefined) return rawBody;
	return Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), rawBody]);
}

export function checkSignature(
	settings: SignatureSettings,
	headers: unknown,
	rawBody: Buffer,
	nowMs: number,
): SignatureResult {
	if (!configuredSecret(settings.secret)) return { ok: false, reason: 'no signing secret in the credential' };
	if (!hasHeader(headers, settings.header)) return { ok: false, reason: 'missing signature' };
	// A repeated header is refused: picking one of several values would be a guess.
	const signature = singleHeader(headers, settings.header)?.trim();
	if (!signature) return { ok: false, reason: 'invalid signature' };

	let timestamp: string | undefined;
	if (settings.timestampHeader.trim() !== '') {
		if (!hasHeader(headers, settings.timestampHeader)) return { ok: false, reason: 'missing timestamp' };
		timestamp = singleHeader(headers, settings.timestampHeader)?.trim();
		if (!timestamp) return { ok: false, reason: 'timestamp outside the tolerance window' };
		if (!isWithinWindow(timestamp, nowMs, settings.toleranceSeconds)) {
			return { ok: false, reason: 'timestamp outside the tolerance window' };
		}
	}

	const hasPrefix = signature.toLowerCase().startsWith('sha256=');
	if (settings.prefix === 'required' && !hasPrefix) return { ok: false, reason: 'invalid signature' };
	if (settings.prefix === 'none' && hasPrefix) return { ok: false, reason: 'invalid signature' };
	const valid = verifyHmac({
		secret: settings.secret,
		payload: signedPayload(rawBody, timestamp),
		signature,
		encoding: settings.encoding,
		prefix: hasPrefix ? 'sha256=' : '',
	});
	return valid ? { ok: true } : { ok: false, reason: 'invalid signature' };
}

export type EventKind = 'incomingMessage' | 'messageStatus' | 'other';

/** The event name: `event`, else `type`, else `event_type` at the top of the body. */
export function eventName(body: IDataObject): string {
	for (const key of ['event', 'type', 'event_type']) {
		if (typeof body[key] === 'string' && body[key] !== '') return body[key] as string;
	}
	return '';
}

export function splitNames(list: string): string[] {
	return list
		.split(/[,\n]/)
		.map((name) => name.trim())
		.filter((name) => name !== '');
}

export function eventKind(name: string, incomingNames: string[]): EventKind {
	if (name === STATUS_EVENT) return 'messageStatus';
	if (incomingNames.includes(name)) return 'incomingMessage';
	return 'other';
}

/** A status event's status: `status`, else `data.status`, `message.status` or `payload.status`. */
export function eventStatus(body: IDataObject): string | undefined {
	const places: unknown[] = [body, body.data, body.message, body.payload];
	for (const place of places) {
		if (place && typeof place === 'object' && typeof (place as IDataObject).status === 'string') {
			return ((place as IDataObject).status as string).toLowerCase();
		}
	}
	return undefined;
}

export interface EventFilter {
	events: string[];
	statuses: string[];
	incomingNames: string[];
}

/** Undefined when the event starts the workflow; otherwise why it is ignored. */
export function ignoreReason(body: IDataObject, filter: EventFilter): string | undefined {
	const name = eventName(body);
	const kind = eventKind(name, filter.incomingNames);
	if (!filter.events.includes(kind)) return `event "${name}" is not selected`;
	if (kind === 'messageStatus') {
		const status = eventStatus(body);
		// An unreadable status is let through rather than lost.
		if (status !== undefined && !filter.statuses.includes(status)) return `status "${status}" is not selected`;
	}
	return undefined;
}
