// Client-side pacing of requests to one provider account. Module-level and in memory on purpose:
// every execution in this n8n process that uses the same credential and base URL shares one pace,
// so ten executions at once stay under the provider's limit together. Other processes (queue-mode
// workers) have their own pace; the provider's 429 + Retry-After remains the fallback there.

/** How the limiter reads and spends time; http.ts passes its `timing`, so tests use a fake clock. */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

/** A provider's documented limit and how many requests a node keeps in flight by default. */
export interface Pace {
	/** The provider's documented rate, as requests per minute. */
	requestsPerMinute: number;
	/** Items a node works on at once, unless the user sets "Max Concurrent Requests". */
	maxConcurrent: number;
}

/**
 * Share of the configured rate actually used. Requests leave evenly spaced, but the provider sees
 * them after a variable delay (network, a busy event loop): a 5 % margin keeps its window from
 * ever seeing one too many.
 */
export const PACE_MARGIN = 0.95;

/** Milliseconds between two request starts for a rate in requests per minute. */
export function paceIntervalMs(requestsPerMinute: number): number {
	return 60_000 / (requestsPerMinute * PACE_MARGIN);
}

interface Waiter {
	intervalMs: number;
	start: () => void;
}

/** Share of an interval a request may leave early, to make up for a timer that fired late. */
export const PACE_TOLERANCE = 0.25;

/**
 * Evenly spaced request starts (a GCRA): callers queue in order and one loop lets the next one go
 * when its theoretical start time is reached. The theoretical times advance by one interval per
 * request, and a request may leave up to a quarter interval before its time, so a timer that fires
 * late (a busy process) costs no throughput, while a stall never lets a burst through: two starts
 * are never closer than three quarters of an interval, and any window of the provider's (per
 * second, per 10 s, per minute) sees at most its share of the rate plus a quarter request.
 * A 429 holds the whole queue until the provider's wait is over.
 */
export class PaceLimiter {
	private readonly queue: Waiter[] = [];
	private draining = false;
	/** When the next request would ideally start. */
	private theoreticalStart = Number.NEGATIVE_INFINITY;
	private pausedUntil = 0;

	/** Resolves when this caller may send. */
	async acquire(intervalMs: number, clock: Clock): Promise<void> {
		await new Promise<void>((start) => {
			this.queue.push({ intervalMs, start });
			if (!this.draining) void this.drain(clock);
		});
	}

	/** Nobody sends before `untilMs`: the provider said "too many requests" and how long to wait. */
	pause(untilMs: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, untilMs);
	}

	private async drain(clock: Clock): Promise<void> {
		this.draining = true;
		let now = clock.now();
		while (this.queue.length > 0) {
			const next = this.queue[0];
			const due = Math.max(this.theoreticalStart - next.intervalMs * PACE_TOLERANCE, this.pausedUntil);
			// Timers cannot wait less than 1 ms: within it, the caller goes now.
			if (due - now >= 1) {
				await clock.sleep(due - now);
				// A clock that did not move (a test's) counts as having reached the time waited for.
				// Then look again: a 429 may have paused the queue meanwhile.
				now = Math.max(clock.now(), due);
				continue;
			}
			this.queue.shift();
			this.theoreticalStart = Math.max(this.theoreticalStart, now) + next.intervalMs;
			next.start();
			now = Math.max(clock.now(), now);
		}
		this.draining = false;
	}
}

const limiters = new Map<string, PaceLimiter>();

/** The one limiter for a provider account in this process, keyed by credential type, ID and base URL. */
export function limiterFor(credentialType: string, credentialId: string, baseUrl: string): PaceLimiter {
	const key = `${credentialType}\u0000${credentialId}\u0000${baseUrl}`;
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new PaceLimiter();
		limiters.set(key, limiter);
	}
	return limiter;
}

/** Forgets every pace: for tests, which share one process and one clock between many runs. */
export function resetLimiters(): void {
	limiters.clear();
}
