// How many items a node works on at once. The router hands each item to this pool; the pace of
// the requests themselves is kept by the limiter in http.ts, so polls and retries are paced too.
import type { IExecuteFunctions } from 'n8n-workflow';

import { readRequestOptions } from './requestOptions';

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `task` for 0 … count-1, starting them in index order with at most `limit` running at once.
 * With `stopOnError`, no task starts after one failed (those already running finish), exactly as
 * a sequential loop that stops at the first failure, apart from what was already in flight.
 * Returns each index's outcome; indexes that never started are undefined.
 */
export async function runPool<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
	stopOnError: boolean,
): Promise<Array<Settled<T> | undefined>> {
	const settled: Array<Settled<T> | undefined> = new Array<Settled<T> | undefined>(count);
	let next = 0;
	let stopped = false;
	const worker = async () => {
		while (!stopped && next < count) {
			const index = next++;
			try {
				settled[index] = { ok: true, value: await task(index) };
			} catch (error) {
				settled[index] = { ok: false, error };
				if (stopOnError) stopped = true;
			}
		}
	};
	const workers = Math.max(1, Math.min(limit, count));
	await Promise.all(Array.from({ length: workers }, worker));
	return settled;
}

/** "Max Concurrent Requests" from the node's Request Options (first item), else the provider's default. */
export function readConcurrency(ctx: IExecuteFunctions, fallback: number): number {
	try {
		return readRequestOptions(ctx, 0).maxConcurrentRequests ?? fallback;
	} catch {
		// Item 0's options were already refused with the rest of its input (Continue On Fail).
		return fallback;
	}
}
