// IAGENTE SDR over the shared HTTP layer: base URL from the credential, its error envelope, its lists.
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { apiRequest, readErrorEnvelope } from '../shared/http';
import type { ProviderError, ProviderHttp, RequestContext } from '../shared/http';
import type { Page } from '../shared/pagination';

const HINTS: Record<number, string> = {
	400: 'Check the fields of the node against the message above.',
	401: 'Check the API key in the IAGENTE SDR credential (and the "Send Key As" header choice).',
	403: 'This API key may not access this resource; check its permissions in the IAGENTE SDR panel.',
	404: 'Check the ID: no record with it exists for this API key.',
	409: 'A record with these details already exists.',
	422: 'IAGENTE SDR rejected a field; the details above name it.',
	429: 'IAGENTE SDR allows 60 requests per minute and 10,000 per day per key.',
	500: 'IAGENTE SDR had an internal error; try again later.',
};

export function describeIagenteError(statusCode: number, body: unknown): ProviderError {
	const { message, code, details, requestId } = readErrorEnvelope(body);
	return { message, code, details, requestId, hint: HINTS[statusCode] };
}

export const iagenteSdr: ProviderHttp = {
	displayName: 'IAGENTE SDR',
	credentialType: 'iagenteSdrApi',
	secretFields: ['apiKey'],
	baseUrl: (credentials) => String(credentials.baseUrl ?? 'https://homolog.sdrbot.ai/api/v1'),
	describeError: (statusCode, body) => describeIagenteError(statusCode, body),
	// 60 requests per minute per key (documented); five items at once keep that pace at any latency.
	pace: { requestsPerMinute: 60, maxConcurrent: 5 },
	// "The headers X-RateLimit-Limit and X-RateLimit-Remaining show your current usage" (no reset documented).
	rateLimitHeaders: { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining' },
};

export async function iagenteRequest<T = IDataObject>(
	ctx: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: { body?: IDataObject; qs?: IDataObject; itemIndex?: number } = {},
): Promise<T> {
	const response = await apiRequest<T>(ctx, iagenteSdr, { method, path, ...options });
	return response.body;
}

/** Single records arrive either bare or wrapped in `data`. */
export function unwrapRecord(body: unknown): IDataObject {
	if (body && typeof body === 'object' && !Array.isArray(body)) {
		const data = (body as IDataObject).data;
		if (data && typeof data === 'object' && !Array.isArray(data)) return data as IDataObject;
		return body as IDataObject;
	}
	return { result: body as IDataObject[keyof IDataObject] } as IDataObject;
}

/** Lists arrive as `{ data: [...], meta: { total_pages } }` or as a bare array. */
export function toPage(body: unknown): Page {
	if (Array.isArray(body)) return { records: body as IDataObject[], totalPages: 1 };
	const object = (body ?? {}) as IDataObject;
	const data = Array.isArray(object.data) ? (object.data as IDataObject[]) : [];
	const meta = object.meta as IDataObject | undefined;
	const totalPages = typeof meta?.total_pages === 'number' ? meta.total_pages : 1;
	return { records: data, totalPages };
}
