// Leadway (HighLevel / LeadConnector API v2) over the shared HTTP layer: base URL and location from
// the credential, HighLevel's `{statusCode, message}` envelopes, its rate-limit headers.
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { apiRequest, headerValue, readCredentials } from '../shared/http';
import type { ProviderError, ProviderHttp, RequestContext } from '../shared/http';

export const CREDENTIAL_TYPE = 'leadwayApi';
export const DEFAULT_BASE_URL = 'https://services.leadconnectorhq.com';

/** HighLevel's burst window when the response does not say (100 requests per 10 s). */
const DEFAULT_INTERVAL_MS = 10_000;

const SCOPES_HINT =
	'Scopes this node uses: contacts.readonly, contacts.write, conversations/message.readonly, conversations/message.write, locations/templates.readonly, opportunities.readonly, opportunities.write; for calendars and users: calendars.readonly, calendars/events.readonly, calendars/events.write, users.readonly.';

const HINTS: Record<number, string> = {
	400: 'Leadway rejected the request; the message above names the field. Check it in the node.',
	401: `Leadway needs a sub-account (location) token: a Private Integration Token created in the sub-account's Settings → Private Integrations, or a location OAuth access token, sent as "Authorization: Bearer". Agency (company) tokens, expired OAuth tokens and legacy v1 API keys are refused. ${SCOPES_HINT}`,
	403: `The token cannot access this location or lacks a scope. Check that the Location ID in the credential is the token's own sub-account. ${SCOPES_HINT}`,
	404: 'Nothing with this ID exists in the location of the credential. Check the ID and the Location ID.',
	422: 'Leadway could not process a field; the list above names each one.',
	429: 'Leadway allows 100 requests per 10 seconds and 200,000 per day for each location.',
	500: 'Leadway had an internal error; try again later.',
	502: 'Leadway is not answering right now; try again later.',
	503: 'Leadway is not answering right now; try again later.',
};

/** Turns HighLevel's `{statusCode, message (string or list), error}` into one readable message. */
export function describeLeadwayError(
	statusCode: number,
	body: unknown,
	headers: Record<string, unknown> = {},
): ProviderError {
	let message = 'The request was not accepted';
	let code: string | undefined;
	let details: unknown;
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const envelope = body as IDataObject;
		const raw = envelope.message ?? envelope.msg;
		if (Array.isArray(raw)) {
			const parts = raw.map((part) => (typeof part === 'string' ? part : JSON.stringify(part)));
			if (parts.length > 0) message = parts.join('; ');
		} else if (typeof raw === 'string' && raw.trim() !== '') {
			message = raw.trim();
		}
		if (typeof envelope.error === 'string' && envelope.error !== '') code = envelope.error;
		if (envelope.errors !== undefined) details = envelope.errors;
	} else if (typeof body === 'string' && body.trim() !== '' && body.length < 300) {
		message = body.trim();
	}

	let hint = HINTS[statusCode];
	if (statusCode === 429 && headerValue(headers, 'x-ratelimit-daily-remaining') === '0') {
		hint = 'The daily limit of this location (200,000 requests) is used up; it resets the next day. Spread the work over more days or ask Leadway for a higher limit.';
	}
	const requestId = headerValue(headers, 'x-request-id');
	return { message, code, details, requestId, hint };
}

/**
 * HighLevel says nothing in Retry-After; it sends its window (`X-RateLimit-Interval-Milliseconds`)
 * and how many requests are left in it (`X-RateLimit-Remaining`). With the daily quota gone, waiting
 * cannot help: an infinite wait makes the shared layer give up at once. A 429 that carries the whole
 * burst trio is handled by the account budget (limiter.ts); this hint is for one that lacks
 * `X-RateLimit-Max`: with none left, wait one window.
 */
export function leadwayWaitHintMs(headers: Record<string, unknown>): number | undefined {
	if (headerValue(headers, 'x-ratelimit-daily-remaining')?.trim() === '0') return Number.POSITIVE_INFINITY;
	const remaining = headerValue(headers, 'x-ratelimit-remaining');
	if (remaining === undefined || Number(remaining) > 0) return undefined;
	const interval = Number(headerValue(headers, 'x-ratelimit-interval-milliseconds'));
	return Number.isFinite(interval) && interval > 0 ? Math.ceil(interval) : DEFAULT_INTERVAL_MS;
}

export const leadway: ProviderHttp = {
	displayName: 'Leadway',
	credentialType: CREDENTIAL_TYPE,
	secretFields: ['accessToken'],
	baseUrl: (credentials) => String(credentials.baseUrl || DEFAULT_BASE_URL),
	describeError: (statusCode, body, headers) => describeLeadwayError(statusCode, body, headers),
	waitHintMs: (headers) => leadwayWaitHintMs(headers),
	// HighLevel's burst limit, 100 requests per 10 s per location, evenly spaced: 600 per minute.
	// Five in flight reach it up to ~500 ms of latency.
	pace: { requestsPerMinute: 600, maxConcurrent: 5 },
	// HighLevel's spelling, on every response: the burst window's size, what is left of it and its
	// length, and what is left of the day.
	rateLimitHeaders: {
		limit: 'x-ratelimit-max',
		remaining: 'x-ratelimit-remaining',
		windowMs: 'x-ratelimit-interval-milliseconds',
		dailyRemaining: 'x-ratelimit-daily-remaining',
	},
};

export interface LeadwayRequestOptions {
	body?: IDataObject | FormData;
	qs?: IDataObject;
	itemIndex?: number;
	safeToRepeat?: boolean;
}

export async function leadwayRequest<T = IDataObject>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: LeadwayRequestOptions = {},
): Promise<T> {
	const response = await apiRequest<T>(ctx, leadway, { method, path, ...options });
	return response.body;
}

/** The sub-account every request works in, from the credential. */
export async function getLocationId(ctx: RequestContext, itemIndex?: number): Promise<string> {
	const credentials = await readCredentials(ctx, CREDENTIAL_TYPE);
	const locationId = String(credentials.locationId ?? '').trim();
	if (locationId === '') {
		throw new NodeOperationError(ctx.getNode(), 'Location ID: the Leadway credential has none', {
			itemIndex,
			description:
				'Open the Leadway credential and fill in the Location ID (the sub-account ID shown in Settings → Business Profile, or in the address bar after /location/).',
		});
	}
	return locationId;
}

/** HighLevel wraps single records (`{contact: {...}}`); returns the inner object when present. */
export function unwrap(body: unknown, key: string): IDataObject {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const inner = (body as IDataObject)[key];
		if (inner && typeof inner === 'object' && !Array.isArray(inner)) return inner as IDataObject;
		return body as IDataObject;
	}
	return {};
}
