// Superlead over the shared HTTP layer: base URL from the credential, its error envelope and a
// hint for every documented error code.
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IHttpRequestMethods, JsonObject } from 'n8n-workflow';

import { apiRequest, readErrorEnvelope } from '../shared/http';
import { STANDARD_RATE_LIMIT_HEADERS } from '../shared/limiter';
import type { ProviderError, ProviderHttp, RequestContext } from '../shared/http';

/** What to do about each code of Superlead's documented error table. */
export const ERROR_HINTS: Record<string, string> = {
	invalid_request:
		'Superlead found a field it does not accept; the details name it. Compare the node fields with the Superlead API reference.',
	invalid_api_key:
		'Check the API key in the Superlead credential: it must be a current key (sl_live_…) created in the Superlead panel under Integrações → API.',
	lead_not_found:
		'Superlead only messages existing leads of your company. Create the lead first (Lead → Create), or turn on "Create Lead If Missing" on Send.',
	message_not_found: 'Check the message ID: it must be the "id" Superlead returned when the message was sent.',
	idempotency_conflict:
		'This Idempotency-Key was already used with a different message, or the first request with it is still running. If you set your own key, make it unique per message; if the key is automatic, the same item of this execution was sent before with different content: run the workflow again as a new execution, or wait a few seconds and retry.',
	lead_already_exists:
		'A lead with this phone already exists in your company: message it directly, or look it up with Lead → Get by Phone.',
	funnel_not_configured: 'Set up the funnel stages in the Superlead panel, then try again.',
	no_active_connection: 'Connect (or reconnect) your WhatsApp number in the Superlead panel, then try again.',
	connection_expired: 'Your WhatsApp connection is no longer authorised: reconnect the number in the Superlead panel.',
	channel_capability_unsupported:
		"Your company's WhatsApp connection type cannot do this; use another message type or change the connection in the Superlead panel.",
	outside_24h_window:
		'The lead has not written to you in the last 24 hours, so free-form messages are not delivered. Send an approved template instead (Message Type: Template).',
	template_not_found:
		'Check the template name and language: pick it from the list (it is loaded from GET /v1/templates), and use the exact language code it was approved in (e.g. pt_BR).',
	template_params_invalid:
		'The template variables do not match the approved template: give one Body Variable per placeholder, in order, in the approved format and language.',
	recipient_unavailable:
		'This number cannot receive this WhatsApp message right now (no WhatsApp account, or it blocked the business). Check the number or reach the lead another way.',
	media_unsupported:
		'WhatsApp could not fetch or process the media: use a public, direct link (no login or redirect page), a supported format, and a file within the size limit for its type.',
	message_blocked:
		'Meta blocked this message (spam or ecosystem limits). Send less to this recipient and review your quality rating in WhatsApp Manager.',
	rate_limit_exceeded:
		'Superlead allows 60 requests per minute per API key. Wait the time in Retry-After, or spread the sends (e.g. a Loop Over Items node with a Wait).',
	channel_rate_limit: 'WhatsApp is throttling your number: send more slowly and try again later.',
	channel_error: 'The messaging provider returned an unexpected error; Superlead was notified. Try again later.',
	internal_error: 'Superlead had an internal error and was notified. Try again later.',
};

/** For codes Superlead adds later: what the HTTP status alone says. */
const STATUS_HINTS: Record<number, string> = {
	400: ERROR_HINTS.invalid_request,
	401: ERROR_HINTS.invalid_api_key,
	403: 'This API key may not do this; check its permissions in the Superlead panel.',
	404: 'Check the ID or phone number: Superlead has no such record in your company.',
	409: 'Superlead reports a conflict with an earlier request; see the message above.',
	422: 'Superlead could not process this request; see the message above.',
	429: ERROR_HINTS.rate_limit_exceeded,
	500: ERROR_HINTS.internal_error,
	502: ERROR_HINTS.channel_error,
	503: 'Superlead is temporarily unavailable. Try again later.',
};

export function describeSuperleadError(statusCode: number, body: unknown): ProviderError {
	const { message, code, details, requestId, fields } = readErrorEnvelope(body);
	let hint = (code !== undefined ? ERROR_HINTS[code] : undefined) ?? STATUS_HINTS[statusCode];
	const upstream = fields.upstream_code;
	if (typeof upstream === 'number' || typeof upstream === 'string') {
		hint = `${hint ?? ''} WhatsApp (Meta) error code: ${String(upstream)}.`.trim();
	}
	return { message, code, details, requestId, hint };
}

export const superlead: ProviderHttp = {
	displayName: 'Superlead',
	credentialType: 'superleadApi',
	baseUrl: (credentials) => String(credentials.baseUrl || 'https://api.superlead.app'),
	describeError: (statusCode, body) => describeSuperleadError(statusCode, body),
	// 60 requests per minute (documented); five items at once keep that pace at any latency.
	pace: { requestsPerMinute: 60, maxConcurrent: 5 },
	// "headers X-RateLimit-*": Limit and Remaining, and Reset when it comes.
	rateLimitHeaders: STANDARD_RATE_LIMIT_HEADERS,
};

export interface SuperleadRequestOptions {
	body?: IDataObject;
	qs?: IDataObject;
	headers?: Record<string, string>;
	itemIndex?: number;
	/** Whether a repeat cannot cause a second effect (reads, or sends carrying an Idempotency-Key). */
	safeToRepeat?: boolean;
}

export async function superleadRequest<T = IDataObject>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: SuperleadRequestOptions = {},
): Promise<T> {
	const response = await apiRequest<T>(ctx, superlead, { method, path, ...options });
	return response.body;
}

/** Like superleadRequest, but a 404 answer gives undefined instead of an error. */
export async function superleadFind<T = IDataObject>(
	ctx: RequestContext,
	path: string,
	options: SuperleadRequestOptions = {},
): Promise<T | undefined> {
	try {
		return await superleadRequest<T>(ctx, 'GET', path, options);
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') return undefined;
		// NodeApiError hands an existing NodeApiError back unchanged.
		throw new NodeApiError(ctx.getNode(), error as JsonObject, { itemIndex: options.itemIndex });
	}
}

/** Records arrive bare or wrapped in `data`. */
export function unwrapRecord(body: unknown): IDataObject {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const data = (body as IDataObject).data;
		if (data && typeof data === 'object' && !Array.isArray(data)) return data as IDataObject;
		return body as IDataObject;
	}
	return { result: body as IDataObject[keyof IDataObject] } as IDataObject;
}

/** The template list's shape is not published: accept a bare array or `data` / `templates`. */
export function toTemplateList(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	const object = (body ?? {}) as IDataObject;
	for (const key of ['data', 'templates', 'items', 'results']) {
		if (Array.isArray(object[key])) return object[key] as IDataObject[];
	}
	return [];
}
