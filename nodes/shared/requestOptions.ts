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

interface NumberRule {
	min: number;
	max: number;
	/** Whether `min` itself is allowed. */
	minInclusive: boolean;
	whole?: boolean;
	/** What the number counts, e.g. "seconds"; shown in the message. */
	unit?: string;
	/** What removing the option gives, shown in the fix. */
	fallback: string;
}

/** One option's number, checked against its rule; a bad value is refused, never replaced. */
function numberOption(ctx: IExecuteFunctions, itemIndex: number, label: string, value: unknown, rule: NumberRule): number {
	const ok =
		typeof value === 'number' &&
		Number.isFinite(value) &&
		(rule.minInclusive ? value >= rule.min : value > rule.min) &&
		value <= rule.max &&
		(!rule.whole || Number.isInteger(value));
	if (!ok) {
		const shown = typeof value === 'string' ? `"${describeValue(value)}"` : describeValue(value);
		const kind = `${rule.whole ? 'whole ' : ''}number${rule.unit ? ` of ${rule.unit}` : ''}`;
		throw inputError(
			ctx,
			itemIndex,
			label,
			`${shown} is not a ${kind} ${rule.minInclusive ? `from ${rule.min} to ${rule.max}` : `above ${rule.min} and at most ${rule.max}`}`,
			`Set "${label}" in Request Options to a ${rule.whole ? 'whole ' : ''}number ${rule.minInclusive ? `from ${rule.min}` : `above ${rule.min}`} up to ${rule.max}, or remove the option to use ${rule.fallback}.`,
		);
	}
	return value as number;
}

/**
 * Each item's checked Request Options, per node run (n8n makes a new context object for every run):
 * the router checks them before anything is sent and every request of the item reads them again, and
 * n8n's getNodeParameter costs tens of µs for this collection. A value that fails its check is never
 * kept, so it is refused again each time, as before.
 */
const optionsOfRun = new WeakMap<object, Map<number, RequestOptions>>();

/** The item's Request Options; every option that is set is checked, none is replaced by a default. */
export function readRequestOptions(ctx: IExecuteFunctions, itemIndex: number): RequestOptions {
	let byItem = optionsOfRun.get(ctx);
	if (!byItem) {
		byItem = new Map();
		optionsOfRun.set(ctx, byItem);
	}
	const known = byItem.get(itemIndex);
	if (known) return { ...known };
	const options = checkRequestOptions(ctx, itemIndex);
	byItem.set(itemIndex, options);
	return { ...options };
}

function checkRequestOptions(ctx: IExecuteFunctions, itemIndex: number): RequestOptions {
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
		result.maxRateLimitWaitSeconds = numberOption(ctx, itemIndex, 'Max Wait on Rate Limit (Seconds)', options.maxRateLimitWait, {
			min: 0,
			max: MAX_RATE_LIMIT_WAIT_SECONDS,
			minInclusive: true,
			unit: 'seconds',
			fallback: 'the default',
		});
	}
	if (options.timeout !== undefined) {
		result.timeoutMs = Math.ceil(
			numberOption(ctx, itemIndex, 'Request Timeout (Seconds)', options.timeout, {
				min: 0,
				max: MAX_TIMEOUT_SECONDS,
				minInclusive: false,
				unit: 'seconds',
				fallback: 'the default',
			}) * 1000,
		);
	}
	if (options.maxRequestsPerMinute !== undefined) {
		result.maxRequestsPerMinute = numberOption(ctx, itemIndex, 'Max Requests per Minute', options.maxRequestsPerMinute, {
			min: 1,
			max: 1_000_000,
			minInclusive: true,
			fallback: "the provider's documented rate",
		});
	}
	if (options.maxConcurrentRequests !== undefined) {
		result.maxConcurrentRequests = numberOption(ctx, itemIndex, 'Max Concurrent Requests', options.maxConcurrentRequests, {
			min: 1,
			max: MAX_CONCURRENT_LIMIT,
			minInclusive: true,
			whole: true,
			fallback: "the provider's default",
		});
	}
	return result;
}
