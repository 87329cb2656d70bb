// The one way every provider talks HTTP: authenticated request, paced under the provider's limit,
// bounded waits on rate limits, provider error envelopes turned into NodeApiErrors that carry no secret.
import { NodeApiError, sleep } from 'n8n-workflow';
import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';

import { certainlyNotSent, isTimeout, markOutcomeUnknown, networkErrorCode } from './outcome';
import { DEFAULT_REQUEST_OPTIONS, readRequestOptions } from './requestOptions';
import { limiterFor, paceIntervalMs, readBudgetHeaders } from './limiter';
import type { BudgetReading, Pace, RateLimitHeaderNames } from './limiter';

export type RequestContext =
	| IExecuteFunctions
	| IHookFunctions
	| ILoadOptionsFunctions
	| IWebhookFunctions;

export interface ProviderError {
	/** One sentence for the user, in the provider's words where it has some. */
	message: string;
	/** How to fix it. */
	hint?: string;
	code?: string;
	details?: unknown;
	requestId?: string;
}

/** What the common error envelope `{ error: { code, message, details, request_id } }` carries. */
export interface ErrorEnvelope {
	message: string;
	code?: string;
	details?: unknown;
	requestId?: string;
	/** The `error` object itself, for provider-specific extras. */
	fields: IDataObject;
}

/**
 * Reads `{ error: { code, message, details, request_id } }`, `{ error: "text" }`, `{ message }` or a
 * short plain-text body; anything else gives a neutral message.
 */
export function readErrorEnvelope(body: unknown): ErrorEnvelope {
	const object = body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : undefined;
	const error = object?.error;
	if (error && typeof error === 'object' && !Array.isArray(error)) {
		const fields = error as IDataObject;
		return {
			message: typeof fields.message === 'string' ? fields.message : 'The request was not accepted',
			code: typeof fields.code === 'string' ? fields.code : undefined,
			details: fields.details,
			requestId: typeof fields.request_id === 'string' ? fields.request_id : undefined,
			fields,
		};
	}
	if (typeof error === 'string' && error.trim() !== '') return { message: error.trim(), fields: {} };
	if (typeof object?.message === 'string' && object.message.trim() !== '') {
		return { message: object.message.trim(), fields: {} };
	}
	if (typeof body === 'string' && body.trim() !== '' && body.length < 300) return { message: body.trim(), fields: {} };
	return { message: 'The request was not accepted', fields: {} };
}

export interface ProviderHttp {
	/** Shown in messages, e.g. "IAGENTE SDR". */
	displayName: string;
	credentialType: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Turns a failed response into the provider's own message, code and request id. */
	describeError(statusCode: number, body: unknown, headers: Record<string, unknown>): ProviderError;
	/**
	 * The credential fields that are secrets, scrubbed from every error text. When absent, every
	 * credential text of 6+ characters that is not a URL is treated as secret.
	 */
	secretFields?: string[];
	/** Provider-specific rate-limit headers, read when Retry-After / X-RateLimit-Reset say nothing. */
	waitHintMs?(headers: Record<string, unknown>, nowMs: number): number | undefined;
	/** The documented rate (default of "Max Requests per Minute") and default items in flight. */
	pace: Pace;
	/** How the provider spells its budget headers, read on every response (see limiter.ts). */
	rateLimitHeaders?: RateLimitHeaderNames;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's base URL, starting with "/". */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | FormData;
	headers?: Record<string, string>;
	/**
	 * Whether repeating the request cannot cause a second effect (reads, or sends that carry an
	 * idempotency key). Only such requests are retried on a 503; any request is retried on a 429.
	 */
	safeToRepeat?: boolean;
	itemIndex?: number;
}

export interface RetryPolicy {
	enabled: boolean;
	/** Most seconds the node may spend waiting for one request, across all its retries. */
	maxWaitSeconds: number;
	maxRetries: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { enabled: true, maxWaitSeconds: 60, maxRetries: 5 };

/** Indirection so tests can observe waits without spending real time. */
export const timing = {
	sleep: async (ms: number): Promise<void> => await sleep(ms),
	now: (): number => Date.now(),
	random: (): number => Math.random(),
};

export interface ApiResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, unknown>;
	body: T;
}

export function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (key.toLowerCase() === wanted) {
			return Array.isArray(value) ? String(value[0]) : value === undefined ? undefined : String(value);
		}
	}
	return undefined;
}

/**
 * How long the provider asked us to wait, in ms: `Retry-After` (seconds or an HTTP date) first,
 * then `X-RateLimit-Reset` (epoch seconds, or seconds from now when small). Undefined when neither says.
 */
export function requestedWaitMs(headers: Record<string, unknown>, nowMs: number): number | undefined {
	const retryAfter = headerValue(headers, 'retry-after');
	if (retryAfter !== undefined && retryAfter.trim() !== '') {
		const trimmed = retryAfter.trim();
		if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
		const date = Date.parse(trimmed);
		if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
	}
	const reset = headerValue(headers, 'x-ratelimit-reset');
	if (reset !== undefined && /^\d+(\.\d+)?$/.test(reset.trim())) {
		const value = Number(reset.trim());
		// Epoch seconds are ~1.7e9; small values are "seconds from now".
		if (value > 1e9) return Math.max(0, Math.ceil(value * 1000 - nowMs));
		return Math.ceil(value * 1000);
	}
	return undefined;
}

/** Capped exponential backoff with full jitter: attempt 0 → up to 1 s, 1 → 2 s, … capped at 30 s. */
export function backoffMs(attempt: number, random: number): number {
	const ceiling = Math.min(30_000, 1000 * 2 ** attempt);
	return Math.max(250, Math.round(ceiling * random));
}

/** Replaces every credential value found in a text, so no secret leaks into an error. */
export function redact(
	text: string,
	credentials: ICredentialDataDecryptedObject | undefined,
	secretFields?: string[],
): string {
	if (!credentials) return text;
	let result = text;
	const values = secretFields ? secretFields.map((field) => credentials[field]) : Object.values(credentials);
	for (const value of values) {
		if (typeof value === 'string' && value.length >= 6 && !/^https?:\/\//.test(value)) {
			result = result.split(value).join('[redacted]');
		}
	}
	return result;
}

/** The budget headers of a response in the provider's spelling, when it has any. */
function readBudget(provider: ProviderHttp, headers: Record<string, unknown>): BudgetReading | undefined {
	if (!provider.rateLimitHeaders) return undefined;
	return readBudgetHeaders((name) => headerValue(headers, name), provider.rateLimitHeaders, timing.now());
}

/** Reads, and writes that carry an idempotency key, may be repeated without a second effect. */
function safeToRepeat(request: ApiRequest): boolean {
	return request.safeToRepeat ?? request.method === 'GET';
}

/** The item's Request Options (checked: a bad value is an input error, not a silent default). */
function readItemOptions(
	ctx: RequestContext,
	itemIndex: number | undefined,
	provider: ProviderHttp,
): { retry: RetryPolicy; timeoutMs: number; requestsPerMinute: number } {
	const execute = ctx as IExecuteFunctions;
	if (itemIndex === undefined || typeof execute.getInputData !== 'function') {
		// Outside an item (pickers, webhook registration): the provider's documented pace.
		return { retry: DEFAULT_RETRY_POLICY, timeoutMs: DEFAULT_REQUEST_OPTIONS.timeoutMs, requestsPerMinute: provider.pace.requestsPerMinute };
	}
	const options = readRequestOptions(execute, itemIndex);
	return {
		retry: {
			enabled: options.retryOnRateLimit,
			maxWaitSeconds: options.maxRateLimitWaitSeconds,
			maxRetries: DEFAULT_RETRY_POLICY.maxRetries,
		},
		timeoutMs: options.timeoutMs,
		// "Max Requests per Minute", else the provider's documented rate.
		requestsPerMinute: options.maxRequestsPerMinute ?? provider.pace.requestsPerMinute,
	};
}

/** The credential's ID is what the pace is shared by; without one (never in n8n), its name. */
function credentialIdOf(ctx: RequestContext, credentialType: string): string {
	const details = ctx.getNode().credentials?.[credentialType];
	return details?.id ?? details?.name ?? '';
}

/**
 * The credential of each node run, read once: n8n makes a new context object for every run (and
 * every Retry On Fail try, picker call, webhook call), so a cache keyed by that object never
 * outlives the run and never mixes credentials. Both reads it replaces (ours and n8n's inside
 * httpRequestWithAuthentication) resolved the credential for item 0 of the same run.
 */
const credentialsOfRun = new WeakMap<object, Map<string, Promise<ICredentialDataDecryptedObject>>>();

export async function readCredentials(ctx: RequestContext, credentialType: string): Promise<ICredentialDataDecryptedObject> {
	let byType = credentialsOfRun.get(ctx);
	if (!byType) {
		byType = new Map();
		credentialsOfRun.set(ctx, byType);
	}
	let read = byType.get(credentialType);
	if (!read) {
		read = ctx.getCredentials(credentialType) as Promise<ICredentialDataDecryptedObject>;
		byType.set(credentialType, read);
		const cache = byType;
		const current = read;
		// A failed read is not kept: the next request reads again, as it always did.
		read.catch(() => {
			if (cache.get(credentialType) === current) cache.delete(credentialType);
		});
	}
	return await read;
}

/**
 * Sends one request with the provider credential, in the pace shared by every execution using the
 * same credential and base URL. Retries a 429 (the provider did not process it) and a 503 on a
 * request that is safe to repeat, waiting what the provider asked, within the policy; a 429 makes
 * every request on that credential wait. Anything else that fails becomes a NodeApiError with the
 * provider's message and a hint.
 */
export async function apiRequest<T = unknown>(
	ctx: RequestContext,
	provider: ProviderHttp,
	request: ApiRequest,
	policy?: RetryPolicy,
): Promise<ApiResponse<T>> {
	const itemOptions = readItemOptions(ctx, request.itemIndex, provider);
	const retry = policy ?? itemOptions.retry;
	const intervalMs = paceIntervalMs(itemOptions.requestsPerMinute);
	const credentials = await readCredentials(ctx, provider.credentialType);
	const base = provider.baseUrl(credentials).replace(/\/+$/, '');
	const credentialId = credentialIdOf(ctx, provider.credentialType);
	const limiter = limiterFor(provider.credentialType, credentialId, base);
	// Handed to n8n so it does not read (database read + decryption in n8n) the credential again per
	// request; a copy per request, as each of n8n's own reads is.
	const credentialOptions = (): IAdditionalCredentialOptions => ({
		credentialsDecrypted: {
			id: credentialId,
			name: ctx.getNode().credentials?.[provider.credentialType]?.name ?? '',
			type: provider.credentialType,
			data: { ...credentials },
		},
	});
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${base}${request.path}`,
		json: !(request.body instanceof FormData),
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// Without it a provider that accepts the connection and never answers holds the workflow for
		// n8n's global axios default (5 minutes on a server; none where it is not set, e.g. the harness).
		timeout: itemOptions.timeoutMs,
	};
	if (request.qs && Object.keys(request.qs).length > 0) options.qs = request.qs;
	if (request.body !== undefined) options.body = request.body;
	if (request.headers) options.headers = { ...request.headers };

	const safe = safeToRepeat(request);
	let waitedMs = 0;
	for (let attempt = 0; ; attempt++) {
		let response: IN8nHttpFullResponse;
		await limiter.acquire(intervalMs, timing);
		const startedAt = timing.now();
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				provider.credentialType,
				options,
				credentialOptions(),
			)) as IN8nHttpFullResponse;
		} catch (error) {
			throw networkFailure(ctx, provider, request, error, credentials, safe, itemOptions.timeoutMs);
		}
		const statusCode = Number(response.statusCode);
		const headers = (response.headers ?? {}) as Record<string, unknown>;
		// The account's budget, on every response: what other clients of the key leave to this process.
		const budget = readBudget(provider, headers);
		if (budget) limiter.budget.observe(budget, startedAt, Math.max(provider.pace.requestsPerMinute, itemOptions.requestsPerMinute));
		if (statusCode < 400) {
			return { statusCode, headers, body: response.body as T };
		}

		const retryable = statusCode === 429 || (statusCode === 503 && safe);
		if (retryable && retry.enabled && attempt < retry.maxRetries) {
			const told = requestedWaitMs(headers, timing.now());
			// A 429 whose budget headers say the window frees up as it goes (no Retry-After, no reset,
			// daily quota left): this process halves its rate and holds off one interval at the new
			// rate, not a whole window.
			const adaptive = statusCode === 429 && told === undefined && budget !== undefined && budget.dailyRemaining !== 0;
			const asked = adaptive
				? limiter.budget.rateLimited(startedAt, timing.now(), intervalMs)
				: (told ?? provider.waitHintMs?.(headers, timing.now()));
			const wait = asked ?? backoffMs(attempt, timing.random());
			if (waitedMs + wait <= retry.maxWaitSeconds * 1000) {
				waitedMs += wait;
				// Too many requests on this account: everyone using it waits, not only this request
				// (the wait happens in the next acquire). A 503 concerns this request alone.
				if (statusCode === 429) limiter.pause(timing.now() + wait);
				else await timing.sleep(wait);
				continue;
			}
		}
		throw httpFailure(ctx, provider, request, statusCode, response.body, headers, credentials, {
			retried: attempt,
			waitedMs,
			retryable,
			retryEnabled: retry.enabled,
		});
	}
}

function httpFailure(
	ctx: RequestContext,
	provider: ProviderHttp,
	request: ApiRequest,
	statusCode: number,
	body: unknown,
	headers: Record<string, unknown>,
	credentials: ICredentialDataDecryptedObject,
	retryInfo: { retried: number; waitedMs: number; retryable: boolean; retryEnabled: boolean },
): NodeApiError {
	const info = provider.describeError(statusCode, body, headers);
	const parts: string[] = [];
	if (info.hint) parts.push(info.hint);
	if (info.code) parts.push(`Code: ${info.code}.`);
	if (info.details !== undefined) parts.push(`Details: ${JSON.stringify(info.details)}.`);
	if (info.requestId) parts.push(`Request ID: ${info.requestId}.`);
	if (retryInfo.retryable) {
		parts.push(
			retryInfo.retryEnabled
				? `Gave up after ${retryInfo.retried} retries and ${Math.round(retryInfo.waitedMs / 1000)} s of waiting; raise "Max Wait on Rate Limit (Seconds)" in the node's Request Options to wait longer.`
				: 'Turn on "Retry on Rate Limit" in the node\'s Request Options to wait and retry automatically.',
		);
	}
	const message = redact(`${provider.displayName} error ${statusCode}: ${info.message}`, credentials, provider.secretFields);
	// A 5xx on a send without idempotency key may come after the provider processed it (a gateway
	// timing out, a crash after the write): the outcome is unknown and it must not be repeated blindly.
	const unknown = statusCode >= 500 && !safeToRepeat(request);
	if (unknown) {
		parts.push(unknownOutcomeText(provider.displayName));
	}
	const description = redact(parts.join(' '), credentials, provider.secretFields);
	// n8n saves errorResponse with the execution: what the provider sent back is scrubbed here too.
	const errorResponse: JsonObject = {
		httpCode: String(statusCode),
		message,
		...(info.code ? { code: redact(info.code, credentials, provider.secretFields) } : {}),
		...(info.requestId ? { requestId: redact(info.requestId, credentials, provider.secretFields) } : {}),
	};
	const waitMs = requestedWaitMs(headers, timing.now());
	const error = new NodeApiError(ctx.getNode(), errorResponse, {
		message,
		description,
		httpCode: String(statusCode),
		itemIndex: request.itemIndex,
		...(statusCode === 429
			? { failure: { cause: 'rate-limited' as const, ...(waitMs !== undefined ? { retryAfterMs: waitMs } : {}) } }
			: {}),
	});
	return unknown ? markOutcomeUnknown(error) : error;
}

function unknownOutcomeText(provider: string): string {
	return `The outcome is unknown: ${provider} may or may not have processed it. It is not sent again automatically (neither by the node nor by Retry On Fail) so nothing goes out twice; check in ${provider} before running it again.`;
}

const CODE_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was closed before an answer',
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be looked up',
	EPIPE: 'the connection was closed while sending',
};

function networkFailure(
	ctx: RequestContext,
	provider: ProviderHttp,
	request: ApiRequest,
	error: unknown,
	credentials: ICredentialDataDecryptedObject,
	safe: boolean,
	timeoutMs: number,
): NodeApiError {
	const code = networkErrorCode(error);
	const timedOut = isTimeout(error);
	const reason = timedOut
		? `no answer within ${timeoutMs / 1000} s`
		: code !== undefined
			? (CODE_WORDS[code] ?? 'network error')
			: error instanceof Error
				? error.message
				: String(error);
	const message = redact(
		`${provider.displayName} did not answer (${reason}) for ${request.method} ${request.path}`,
		credentials,
		provider.secretFields,
	);
	// Only a request that never left (refused, unknown host) is known not to have been processed.
	const unknown = !safe && !certainlyNotSent(error);
	// The raw code goes in the description only: n8n swaps any message naming a socket code for its
	// generic "you can retry the request immediately" text, which is wrong for a send of unknown outcome.
	const description = [
		unknown ? unknownOutcomeText(provider.displayName) : 'Check the Base URL in the credential and the network, then run the node again.',
		timedOut ? 'If the provider is often this slow, raise "Request Timeout (Seconds)" in the node\'s Request Options.' : '',
		code !== undefined && !timedOut ? `Network error code: ${code}.` : '',
	]
		.filter(Boolean)
		.join(' ');
	const failure = new NodeApiError(
		ctx.getNode(),
		// Not under `code`, for the same reason.
		{ message, networkCode: timedOut ? 'TIMEOUT' : (code ?? 'NETWORK_ERROR') },
		{ message, description, itemIndex: request.itemIndex },
	);
	return unknown ? markOutcomeUnknown(failure) : failure;
}
