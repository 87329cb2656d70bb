// Reads and checks the node's Request Options for one item, so a typo in them stops the node
// before anything is sent instead of silently becoming a default.
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { describeValue, inputError } from './validation';

export interface RequestOptions {
	retryOnRateLimit: boolean;
	/** Most seconds spent waiting on rate limits for one request, across its retries. */
	maxRateLimitWaitSeconds: number;
	/** How long one request may take before the node stops waiting. */
	timeoutMs: number;
	/** "Max Requests per Minute"; undefined: the provider's documented rate. */
	maxRequestsPerMinute?: number;
	/** "Max Concurrent Requests"; undefined: the provider's default. */
	maxConcurrentRequests?: number;
}

export const DEFAULT_REQUEST_OPTIONS: RequestOptions = {
	retryOnRateLimit: true,
	maxRateLimitWaitSeconds: 60,
	timeoutMs: 60_000,
};

export const MAX_TIMEOUT_SECONDS = 600;
export const MAX_RATE_LIMIT_WAIT_SECONDS = 900;
/** Most items in flight a user may ask for: beyond it a provider's own concurrency caps apply first. */
export const MAX_CONCURRENT_LIMIT = 100;

function seconds(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
	value: unknown,
	range: { min: number; max: number; minInclusive: boolean },
): number {
	const ok =
		typeof value === 'number' &&
		Number.isFinite(value) &&
		(range.minInclusive ? value >= range.min : value > range.min) &&
		value <= range.max;
	if (!ok) {
		const shown = typeof value === 'string' ? `"${describeValue(value)}"` : describeValue(value);
		throw inputError(
			ctx,
			itemIndex,
			label,
			`${shown} is not a number of seconds between ${range.min} and ${range.max}`,
			`Set "${label}" in Request Options to a number ${range.minInclusive ? `from ${range.min}` : `above ${range.min}`} up to ${range.max}, or remove the option to use the default.`,
		);
	}
	return value as number;
}

function count(ctx: IExecuteFunctions, itemIndex: number, label: string, value: unknown, max: number, whole: boolean): number {
	const ok = typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= max && (!whole || Number.isInteger(value));
	if (!ok) {
		const shown = typeof value === 'string' ? `"${describeValue(value)}"` : describeValue(value);
		throw inputError(
			ctx,
			itemIndex,
			label,
			`${shown} is not a ${whole ? 'whole ' : ''}number from 1 to ${max}`,
			`Set "${label}" in Request Options to a ${whole ? 'whole ' : ''}number from 1 up to ${max}, or remove the option to use the provider's default.`,
		);
	}
	return value as number;
}

/** The item's Request Options; every option that is set is checked, none is replaced by a default. */
export function readRequestOptions(ctx: IExecuteFunctions, itemIndex: number): RequestOptions {
	const raw = ctx.getNodeParameter('requestOptions', itemIndex, {}) as unknown;
	const options = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as IDataObject;
	const result = { ...DEFAULT_REQUEST_OPTIONS };
	if (options.retryOnRateLimit !== undefined) {
		if (typeof options.retryOnRateLimit !== 'boolean') {
			throw inputError(ctx, itemIndex, 'Retry on Rate Limit', `${describeValue(options.retryOnRateLimit)} is not true or false`, 'Turn "Retry on Rate Limit" on or off in Request Options.');
		}
		result.retryOnRateLimit = options.retryOnRateLimit;
	}
	if (options.maxRateLimitWait !== undefined) {
		result.maxRateLimitWaitSeconds = seconds(ctx, itemIndex, 'Max Wait on Rate Limit (Seconds)', options.maxRateLimitWait, {
			min: 0,
			max: MAX_RATE_LIMIT_WAIT_SECONDS,
			minInclusive: true,
		});
	}
	if (options.timeout !== undefined) {
		result.timeoutMs = Math.ceil(
			seconds(ctx, itemIndex, 'Request Timeout (Seconds)', options.timeout, { min: 0, max: MAX_TIMEOUT_SECONDS, minInclusive: false }) * 1000,
		);
	}
	if (options.maxRequestsPerMinute !== undefined) {
		result.maxRequestsPerMinute = count(ctx, itemIndex, 'Max Requests per Minute', options.maxRequestsPerMinute, 1_000_000, false);
	}
	if (options.maxConcurrentRequests !== undefined) {
		result.maxConcurrentRequests = count(ctx, itemIndex, 'Max Concurrent Requests', options.maxConcurrentRequests, MAX_CONCURRENT_LIMIT, true);
	}
	return result;
}
