// Client-side pacing of requests to one provider account. Module-level and in memory on purpose:
// every execution in this n8n process that uses the same credential and base URL shares one pace,
// so ten executions at once stay under the provider's limit together. Other processes (queue-mode
// workers, another tool on the same key) are seen only through the provider's budget headers on
// every response: when they show requests this process did not make, the pace shrinks to this
// process's share of the window (see AccountBudget below and docs/performance.md).

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

/** How a provider spells its budget headers (lower-case names); each transport states its own. */
export interface RateLimitHeaderNames {
	/** Requests allowed per window: `x-ratelimit-limit` (HighLevel: `x-ratelimit-max`). */
	limit: string;
	/** Requests left in the current window. */
	remaining: string;
	/** The window's length in ms, where the provider says it (HighLevel: `x-ratelimit-interval-milliseconds`). */
	windowMs?: string;
	/** When the current window ends: epoch seconds, or seconds from now when small. */
	reset?: string;
	/** Requests left today (HighLevel: `x-ratelimit-daily-remaining`). */
	dailyRemaining?: string;
}

/** The `X-RateLimit-Limit` / `-Remaining` / `-Reset` spelling most APIs use. */
export const STANDARD_RATE_LIMIT_HEADERS: RateLimitHeaderNames = {
	limit: 'x-ratelimit-limit',
	remaining: 'x-ratelimit-remaining',
	reset: 'x-ratelimit-reset',
};

/** What one response says about the account's budget. */
export interface BudgetReading {
	limit: number;
	remaining: number;
	windowMs?: number;
	/** Time until the window ends, when the provider says (a fixed window). */
	resetInMs?: number;
	dailyRemaining?: number;
}

const wholeNumber = (text: string | undefined): number | undefined => {
	const value = text === undefined ? Number.NaN : Number(text.trim());
	return text !== undefined && text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : undefined;
};

/**
 * Reads a response's budget headers in the provider's spelling (`header` looks one up by its
 * lower-case name). Undefined unless both the limit and what remains of it are there and make sense.
 */
export function readBudgetHeaders(
	header: (name: string) => string | undefined,
	names: RateLimitHeaderNames,
	nowMs: number,
): BudgetReading | undefined {
	const limit = wholeNumber(header(names.limit));
	const remaining = wholeNumber(header(names.remaining));
	if (limit === undefined || remaining === undefined || limit < 1) return undefined;
	const reading: BudgetReading = { limit, remaining: Math.min(remaining, limit) };
	const windowMs = names.windowMs ? wholeNumber(header(names.windowMs)) : undefined;
	if (windowMs !== undefined && windowMs > 0) reading.windowMs = windowMs;
	const reset = names.reset ? wholeNumber(header(names.reset)) : undefined;
	if (reset !== undefined) {
		// Epoch seconds are ~1.7e9; small values are seconds from now.
		reading.resetInMs = reset > 1e9 ? Math.max(0, reset * 1000 - nowMs) : reset * 1000;
	}
	const daily = names.dailyRemaining ? wholeNumber(header(names.dailyRemaining)) : undefined;
	if (daily !== undefined) reading.dailyRemaining = daily;
	return reading;
}

/** Horizons checked within a sliding window (a quarter window apart). */
const HORIZON_STEPS = 4;
/** The least of the capacity a process keeps, however full the window is of others' requests. */
const MIN_SHARE = 1 / 8;
/** How fast a process below its share grows back: this share of the capacity per window. */
const SHARE_GROWTH = 0.5;
/** After a 429 the rate halves (the multiplicative decrease) … */
export const RATE_CUT = 0.5;
/** … and never below this share of the pace. */
export const MIN_RATE_FACTOR = 1 / 32;
/** Window assumed for the additive increase when no response said how long the window is. */
const DEFAULT_WINDOW_MS = 60_000;

/**
 * What this process knows of one account's budget, from its own request starts and the budget
 * headers of every response. Pure: the caller passes the times.
 *
 * - **Share**: the headers say how many requests the window holds (`limit − remaining`); this
 *   process knows how many of them it sent. When the window holds more than that, other clients
 *   (workers, another tool) use the key: this process takes its share of the window (its own ÷
 *   all), and gives back what the window holds above the limit, instead of sending at the full rate.
 *   With a reset time (a fixed window), what remains is spread over the time left.
 * - **429 (AIMD)**: a 429 that still comes halves this process's rate; it grows back linearly by
 *   half the rate per window (after one cut: the full rate one window later). 429s of requests
 *   already on their way when the rate was cut count as the same event.
 */
export class AccountBudget {
	/** Starts of this process's requests, oldest first; those before `head` have left the window. */
	private readonly starts: number[] = [];
	private head = 0;
	private windowMs = DEFAULT_WINDOW_MS;
	/** Fewest ms between two starts that this process's share of the window allows (0: alone). */
	private shareIntervalMs = 0;
	private cutFactor = 1;
	/** Others' requests in the window, as the responses of the last quarter window showed them. */
	private readonly othersSeen: Array<{ at: number; others: number }> = [];
	private observedAt = Number.NEGATIVE_INFINITY;
	private cutAt = Number.NEGATIVE_INFINITY;

	/** One request of this process started (starts come in time order). */
	recordStart(at: number): void {
		this.starts.push(at);
		this.head = this.firstAfter(at - this.windowMs);
		// Forget what left the window, in one go once it is half the list.
		if (this.head > 1024 && this.head * 2 > this.starts.length) {
			this.starts.splice(0, this.head);
			this.head = 0;
		}
	}

	/** Index of the first kept start after `time` (binary search: the list is sorted). */
	private firstAfter(time: number): number {
		let low = this.head;
		let high = this.starts.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (this.starts[middle] <= time) low = middle + 1;
			else high = middle;
		}
		return low;
	}

	/** This process's starts in (from, to]. */
	private ownBetween(from: number, to: number): number {
		return Math.max(0, this.firstAfter(to) - this.firstAfter(from));
	}

	/**
	 * Takes in the budget headers of a response to a request that started at `startedAt`.
	 * `accountRequestsPerMinute` is the rate the account is known to allow (the documented one, or
	 * the user's "Max Requests per Minute" when higher): with it, a window the headers do not state
	 * is `limit ÷ rate` (60 per minute: 60 s).
	 */
	observe(reading: BudgetReading, startedAt: number, accountRequestsPerMinute: number): void {
		const windowMs = reading.windowMs ?? (reading.limit * 60_000) / accountRequestsPerMinute;
		this.windowMs = windowMs;
		const used = reading.limit - reading.remaining;
		const fixedWindow = reading.resetInMs !== undefined && reading.resetInMs > 0 && reading.resetInMs <= windowMs;
		const since = fixedWindow ? startedAt + (reading.resetInMs as number) - windowMs : startedAt - windowMs;
		const own = this.ownBetween(since, startedAt);
		if (used <= own) {
			// Nobody else in the window: the pace alone decides.
			this.shareIntervalMs = 0;
			this.othersSeen.length = 0;
			return;
		}
		// Its share: its own ÷ all the window holds; or, when the others send less now than the window
		// shows (one of them finished), its own ÷ all sent over the last quarter window, so it takes
		// over their part before their requests leave the window.
		let share = Math.max(own, 1) / used;
		const others = used - own;
		this.othersSeen.push({ at: startedAt, others });
		while (this.othersSeen.length > 1 && this.othersSeen[1].at <= startedAt - windowMs / 4) this.othersSeen.shift();
		const then = this.othersSeen[0];
		if (startedAt - then.at >= windowMs / 8) {
			// Their arrivals = the change of their count + what left the window (taken as even).
			const othersRate = Math.max(0, (others - then.others) / (startedAt - then.at) + others / windowMs);
			const ownRate = this.ownBetween(startedAt - windowMs / 4, startedAt) / (windowMs / 4);
			share = Math.max(share, ownRate / (ownRate + othersRate));
		}
		const capacity = reading.limit * PACE_MARGIN;
		let ratePerMs: number;
		if (fixedWindow) {
			// What remains of this window, spread over the time left, in this process's share.
			ratePerMs = (share * Math.max(reading.remaining - (reading.limit - capacity), 0)) / (reading.resetInMs as number);
		} else {
			// A sliding window: the window `h` from now holds what it holds now, minus what leaves it by
			// then, plus what is sent meanwhile. Others' requests are taken to leave over time as this
			// process's own do, in proportion, so this process's part of what leaves is its own.
			// The rate is the highest that keeps every horizon within the capacity.
			ratePerMs = Number.POSITIVE_INFINITY;
			for (let step = 1; step <= HORIZON_STEPS; step++) {
				const horizon = (windowMs * step) / HORIZON_STEPS;
				const leaving = this.ownBetween(startedAt - windowMs, startedAt - windowMs + horizon);
				ratePerMs = Math.min(ratePerMs, (share * (capacity - used) + leaving) / horizon);
			}
		}
		// Never stop altogether: a window full of others' requests frees up as it slides.
		ratePerMs = Math.max(ratePerMs, (MIN_SHARE * capacity) / windowMs);
		// Above the share: down to it at once. Below it: back up linearly, by half the limit per window,
		// so that one reading does not make it jump.
		const current = this.shareIntervalMs > 0 ? 1 / this.shareIntervalMs : Number.POSITIVE_INFINITY;
		const grown = current + ((SHARE_GROWTH * capacity) / windowMs / windowMs) * Math.max(0, startedAt - this.observedAt);
		this.observedAt = startedAt;
		this.shareIntervalMs = 1 / Math.min(ratePerMs, grown);
	}

	/**
	 * A 429 for a request that started at `startedAt`: halves the rate (once for every request that
	 * was already on its way) and returns how long this process should hold off: one interval at the
	 * new rate, not a whole window.
	 */
	rateLimited(startedAt: number, now: number, intervalMs: number): number {
		if (startedAt >= this.cutAt) {
			this.cutFactor = Math.max(MIN_RATE_FACTOR, this.factor(now) * RATE_CUT);
			this.cutAt = now;
		}
		return this.intervalFor(intervalMs, now);
	}

	/** Share of the rate allowed now: cut by 429s, growing back to 1 over one window. */
	private factor(now: number): number {
		if (this.cutFactor >= 1) return 1;
		const grown = this.cutFactor + ((now - this.cutAt) / this.windowMs) * (1 - RATE_CUT);
		if (grown >= 1) this.cutFactor = 1;
		return Math.min(1, grown);
	}

	/** The interval between two starts: the caller's pace, or this process's share, after any 429 cut. */
	intervalFor(intervalMs: number, now: number): number {
		return Math.max(intervalMs, this.shareIntervalMs) / this.factor(now);
	}
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
 * The interval is the caller's pace, or longer when the account budget says so. A 429 with a
 * `Retry-After` holds the whole queue until the provider's wait is over.
 */
export class PaceLimiter {
	private readonly queue: Waiter[] = [];
	private draining = false;
	/** When the previous request would ideally have started; the next one is an interval later. */
	private lastTheoreticalStart = Number.NEGATIVE_INFINITY;
	private pausedUntil = 0;
	/** What the provider's budget headers and 429s taught this process about the account. */
	readonly budget = new AccountBudget();

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
			const intervalMs = this.budget.intervalFor(next.intervalMs, now);
			const due = Math.max(this.lastTheoreticalStart + intervalMs * (1 - PACE_TOLERANCE), this.pausedUntil);
			// Timers cannot wait less than 1 ms: within it, the caller goes now.
			if (due - now >= 1) {
				await clock.sleep(due - now);
				// A clock that did not move (a test's) counts as having reached the time waited for.
				// Then look again: a 429 may have paused the queue meanwhile.
				now = Math.max(clock.now(), due);
				continue;
			}
			this.queue.shift();
			this.lastTheoreticalStart = Math.max(this.lastTheoreticalStart + intervalMs, now);
			this.budget.recordStart(now);
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
