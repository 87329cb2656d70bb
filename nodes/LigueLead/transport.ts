// LigueLead over the shared HTTP layer: base URL from the credential, its error envelope, its lists.
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { apiRequest, headerValue } from '../shared/http';
import { STANDARD_RATE_LIMIT_HEADERS } from '../shared/limiter';
import type { ProviderError, ProviderHttp, RequestContext } from '../shared/http';

export const DEFAULT_BASE_URL = 'https://api.liguelead.com.br/v1';

const HINTS: Record<number, string> = {
	400: 'LigueLead rejected the request; check the fields named above.',
	401: 'Check the API Token and App ID in the LigueLead credential (client area → Integrations → API Token).',
	402: 'The LigueLead account has no credits left for this send; top it up in the client area.',
	403: 'This App ID may not use this product or resource (for example RCS not enabled, or an agent or template of another app).',
	404: 'Check the ID: no audio upload, template or agent with it exists for this App ID.',
	413: 'The file is too large; audio uploads may have at most 50 MB.',
	415: 'LigueLead accepts only MP3 (audio/mpeg) or WAV (audio/wav) audio.',
	422: 'LigueLead rejected a field value; the details above name it.',
	429: 'LigueLead allows 600,000 requests per minute and 10,000 concurrent requests per API token.',
	500: 'LigueLead had an internal error; try again later.',
	502: 'LigueLead is temporarily unreachable; try again later.',
	503: 'LigueLead is temporarily unavailable; try again later.',
};

const REQUEST_ID_HEADERS = ['x-request-id', 'x-amzn-requestid', 'x-amz-cf-id'];

function fieldErrors(list: unknown[]): { message: string; details: unknown[] } {
	const parts = list.map((entry) => {
		if (entry && typeof entry === 'object') {
			const { field, message } = entry as IDataObject;
			if (field !== undefined && message !== undefined) return `${String(field)}: ${String(message)}`;
			if (message !== undefined) return String(message);
		}
		return String(entry);
	});
	return { message: parts.join('; '), details: list };
}

/**
 * LigueLead answers `{ "error": "text" }`, `{ "error": [{ "field", "message" }] }`, `{ "message" }`,
 * or plain text/HTML from a gateway.
 */
export function describeLigueLeadError(
	statusCode: number,
	body: unknown,
	headers: Record<string, unknown> = {},
): ProviderError {
	let message = 'The request was not accepted';
	let details: unknown;
	let code: string | undefined;
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const object = body as IDataObject;
		const error = object.error ?? object.errors;
		if (typeof error === 'string' && error.trim() !== '') {
			message = error;
		} else if (Array.isArray(error) && error.length > 0) {
			({ message, details } = fieldErrors(error));
		} else if (error && typeof error === 'object' && typeof (error as IDataObject).message === 'string') {
			message = (error as IDataObject).message as string;
		} else if (typeof object.message === 'string' && object.message.trim() !== '') {
			message = object.message;
		}
		if (typeof object.code === 'string') code = object.code;
	} else if (typeof body === 'string') {
		const text = body.trim();
		// Gateways answer with HTML pages: keep only short, readable text.
		if (text !== '' && text.length < 300 && !text.startsWith('<')) message = text;
	}
	let requestId: string | undefined;
	for (const name of REQUEST_ID_HEADERS) {
		requestId = headerValue(headers, name);
		if (requestId) break;
	}
	return { message, code, details, requestId, hint: HINTS[statusCode] };
}

export const ligueLead: ProviderHttp = {
	displayName: 'LigueLead',
	credentialType: 'ligueLeadApi',
	baseUrl: (credentials) => String(credentials.baseUrl || DEFAULT_BASE_URL),
	describeError: (statusCode, body, headers) => describeLigueLeadError(statusCode, body, headers),
	// LigueLead documents 600,000 requests per minute and 10,000 concurrent per token: the pace
	// never binds in practice, so ten items at once is what makes bulk per-item sends fast.
	pace: { requestsPerMinute: 600_000, maxConcurrent: 10 },
	// X-RateLimit-Limit, -Remaining and -Reset (epoch seconds) on every response ("API limits").
	rateLimitHeaders: STANDARD_RATE_LIMIT_HEADERS,
};

export async function ligueLeadRequest<T = IDataObject>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: { body?: IDataObject | FormData; qs?: IDataObject; itemIndex?: number } = {},
): Promise<T> {
	const response = await apiRequest<T>(ctx, ligueLead, { method, path, ...options });
	return response.body;
}

/** Single records arrive wrapped in `data` (upload, send) or bare. */
export function unwrapData(body: unknown): IDataObject {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const data = (body as IDataObject).data;
		if (data && typeof data === 'object' && !Array.isArray(data)) return data as IDataObject;
		return body as IDataObject;
	}
	return { result: body as IDataObject[keyof IDataObject] } as IDataObject;
}

/** Lists arrive as a bare array or as `{ data: [...] }` (the docs do not show the shape). */
export function toRecords(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	const data = (body as IDataObject | undefined)?.data;
	if (Array.isArray(data)) return data as IDataObject[];
	const nested = (data as IDataObject | undefined)?.data;
	if (Array.isArray(nested)) return nested as IDataObject[];
	return [];
}
