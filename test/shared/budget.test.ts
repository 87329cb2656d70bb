// The account budget across processes (issue 15): budget headers in each provider's spelling, the
// share of a window a process takes when others use the key, and the cut after a 429.
import { STANDARD_RATE_LIMIT_HEADERS, AccountBudget, PaceLimiter, paceIntervalMs, readBudgetHeaders } from '../../nodes/shared/limiter';
import { headerValue } from '../../nodes/shared/http';
import { iagenteSdr } from '../../nodes/IagenteSdr/transport';
import { leadway } from '../../nodes/Leadway/transport';
import { ligueLead } from '../../nodes/LigueLead/transport';
import { superlead } from '../../nodes/Superlead/transport';
import type { RateLimitHeaderNames } from '../../nodes/shared/limiter';
import { FakeClock } from '../harness/clock';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const read = (headers: Record<string, string>, names: RateLimitHeaderNames | undefined) =>
	readBudgetHeaders((name) => headerValue(headers, name), names as RateLimitHeaderNames, NOW);

describe('budget headers, in each provider spelling', () => {
	it('reads HighLevel (Leadway): max, remaining, window length and what is left of the day', () => {
		expect(
			read(
				{
					'X-RateLimit-Max': '100',
					'X-RateLimit-Remaining': '37',
					'X-RateLimit-Interval-Milliseconds': '10000',
					'X-RateLimit-Limit-Daily': '200000',
					'X-RateLimit-Daily-Remaining': '199000',
				},
				leadway.rateLimitHeaders,
			),
		).toEqual({ limit: 100, remaining: 37, windowMs: 10_000, dailyRemaining: 199_000 });
	});

	it('reads IAGENTE SDR: limit and remaining only (no reset is documented)', () => {
		expect(read({ 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': '30' }, iagenteSdr.rateLimitHeaders)).toEqual({
			limit: 60,
			remaining: 12,
		});
	});

	it('reads Superlead and LigueLead: limit, remaining and the reset as epoch seconds or seconds from now', () => {
		expect(superlead.rateLimitHeaders).toBe(STANDARD_RATE_LIMIT_HEADERS);
		expect(ligueLead.rateLimitHeaders).toBe(STANDARD_RATE_LIMIT_HEADERS);
		expect(read({ 'X-RateLimit-Limit': '60', 'X-RateLimit-Remaining': '5', 'X-RateLimit-Reset': String(NOW / 1000 + 20) }, STANDARD_RATE_LIMIT_HEADERS)).toEqual({
			limit: 60,
			remaining: 5,
			resetInMs: 20_000,
		});
		expect(read({ 'X-RateLimit-Limit': '60', 'X-RateLimit-Remaining': '5', 'X-RateLimit-Reset': '7' }, STANDARD_RATE_LIMIT_HEADERS)?.resetInMs).toBe(7000);
	});

	it('reads nothing when the limit or the remaining count is missing or not a number', () => {
		expect(read({ 'x-ratelimit-remaining': '0' }, leadway.rateLimitHeaders)).toBeUndefined();
		expect(read({ 'x-ratelimit-max': '100' }, leadway.rateLimitHeaders)).toBeUndefined();
		expect(read({ 'x-ratelimit-limit': 'many', 'x-ratelimit-remaining': '3' }, STANDARD_RATE_LIMIT_HEADERS)).toBeUndefined();
		expect(read({ 'x-ratelimit-limit': '0', 'x-ratelimit-remaining': '0' }, STANDARD_RATE_LIMIT_HEADERS)).toBeUndefined();
		expect(read({}, STANDARD_RATE_LIMIT_HEADERS)).toBeUndefined();
	});
});

/** A budget that started `count` requests evenly over `spanMs`, ending at `end`. */
function budgetWithStarts(count: number, spanMs: number, end: number): AccountBudget {
	const budget = new AccountBudget();
	for (let n = 0; n < count; n++) budget.recordStart(end - spanMs + ((n + 1) * spanMs) / count);
	return budget;
}

const PACE = paceIntervalMs(600); // HighLevel's 100 per 10 s, as the node paces it

describe('AccountBudget: the share of a window', () => {
	it('alone on the key (the window holds only its own requests), leaves the pace as it is', () => {
		const budget = budgetWithStarts(40, 4000, NOW);
		budget.observe({ limit: 100, remaining: 60, windowMs: 10_000 }, NOW, 600);
		expect(budget.intervalFor(PACE, NOW)).toBe(PACE);
	});

	it('with two others sending as much as itself, takes about a third of the capacity', () => {
		// A steady state: 30 of its own in the last 10 s, 90 in the window.
		const budget = budgetWithStarts(30, 10_000, NOW);
		budget.observe({ limit: 100, remaining: 10, windowMs: 10_000 }, NOW, 600);
		const rate = 10_000 / budget.intervalFor(PACE, NOW);
		expect(rate).toBeGreaterThan(100 * 0.95 * (30 / 90) * 0.8);
		expect(rate).toBeLessThanOrEqual(100 * 0.95 * (30 / 90) * 1.05);
	});

	it('early in a window shared with others, spreads what remains instead of sending at the full rate', () => {
		// 2 s into the job: 20 of its own, 60 in the window (two others as fast). The pace alone would
		// send 95 per 10 s; its share keeps all three under the capacity when the window slides.
		const budget = budgetWithStarts(20, 2000, NOW);
		budget.observe({ limit: 100, remaining: 40, windowMs: 10_000 }, NOW, 600);
		const perWindow = 10_000 / budget.intervalFor(PACE, NOW);
		expect(perWindow).toBeLessThan(95 / 2);
		expect(3 * perWindow * 0.8 + 60).toBeLessThanOrEqual(100);
	});

	it('with a reset time, spreads its share of what remains over the time left', () => {
		const budget = budgetWithStarts(10, 20_000, NOW);
		// 60 per minute, 20 in this window of which 10 its own, 40 left (37 within the margin), 30 s to go.
		budget.observe({ limit: 60, remaining: 40, resetInMs: 30_000 }, NOW, 60);
		const interval = budget.intervalFor(paceIntervalMs(60), NOW);
		expect(interval).toBeCloseTo(30_000 / ((10 / 20) * (40 - 3)), 0);
	});

	it('infers a window the headers do not state from the limit and the rate (60 per minute: 60 s)', () => {
		// Own starts 50 s ago still count: the window is 60 s long.
		const budget = new AccountBudget();
		budget.recordStart(NOW - 50_000);
		budget.recordStart(NOW);
		budget.observe({ limit: 60, remaining: 58 }, NOW, 60);
		expect(budget.intervalFor(1000, NOW)).toBe(1000);
		// A scaled-down account, 60 per 6 s: the start 50 s ago is out of the window, so one is someone else's.
		budget.observe({ limit: 60, remaining: 58 }, NOW, 600);
		expect(budget.intervalFor(100, NOW)).toBeGreaterThan(100);
	});

	it('keeps a minimum share however full the window is of others', () => {
		const budget = budgetWithStarts(1, 1, NOW);
		budget.observe({ limit: 100, remaining: 0, windowMs: 10_000 }, NOW, 600);
		expect(budget.intervalFor(PACE, NOW)).toBeLessThanOrEqual(10_000 / (100 * 0.95 * (1 / 8)) + 1);
	});

	it('drops the share at once when the window holds only its own requests again', () => {
		const budget = budgetWithStarts(30, 10_000, NOW);
		budget.observe({ limit: 100, remaining: 10, windowMs: 10_000 }, NOW, 600);
		const shared = budget.intervalFor(PACE, NOW);
		// 1 s later the window holds only its own requests: the share is gone at once.
		budget.recordStart(NOW + 1000);
		budget.observe({ limit: 100, remaining: 72, windowMs: 10_000 }, NOW + 1000, 600);
		expect(budget.intervalFor(PACE, NOW + 1000)).toBe(PACE);
		expect(shared).toBeGreaterThan(PACE);
	});
});

describe('AccountBudget: a 429 that still comes (AIMD)', () => {
	it('halves the rate, once for requests that were already on their way, and grows back within a window', () => {
		const budget = budgetWithStarts(10, 1000, NOW);
		budget.observe({ limit: 100, remaining: 90, windowMs: 10_000 }, NOW, 600);
		expect(budget.intervalFor(PACE, NOW)).toBe(PACE);
		const hold = budget.rateLimited(NOW - 200, NOW, PACE);
		expect(hold).toBeCloseTo(PACE * 2, 6);
		// Another 429 for a request that left before the cut: the same event, no second cut.
		expect(budget.rateLimited(NOW - 100, NOW + 10, PACE)).toBeLessThan(PACE * 2);
		// A 429 for a request sent after the cut: cut again.
		expect(budget.rateLimited(NOW + 20, NOW + 50, PACE)).toBeGreaterThan(PACE * 3.5);
		// Linear growth by half the rate per window: from a quarter, three quarters one window later,
		// the full pace half a window after that.
		expect(budget.intervalFor(PACE, NOW + 50 + 10_000)).toBeCloseTo(PACE / 0.75, 0);
		expect(budget.intervalFor(PACE, NOW + 50 + 15_000)).toBe(PACE);
	});

	it('never cuts below a thirty-second of the pace', () => {
		const budget = new AccountBudget();
		let at = NOW;
		for (let n = 0; n < 20; n++) {
			budget.rateLimited(at, at, 100);
			at += 1;
		}
		expect(budget.intervalFor(100, at)).toBeLessThanOrEqual(100 * 32 + 1);
	});
});

describe('PaceLimiter with a budget', () => {
	it('spaces starts by the share when the headers show others on the key', async () => {
		const clock = new FakeClock(0);
		const limiter = new PaceLimiter();
		await limiter.acquire(100, clock);
		// The window holds 60 requests, one of them this process's: others use the key heavily.
		limiter.budget.observe({ limit: 100, remaining: 40, windowMs: 10_000 }, 0, 600);
		const starts: number[] = [];
		await Promise.all(
			Array.from({ length: 3 }, async () => {
				await limiter.acquire(100, clock);
				starts.push(clock.now());
			}),
		);
		const interval = limiter.budget.intervalFor(100, clock.now());
		expect(interval).toBeGreaterThan(100);
		for (let n = 1; n < starts.length; n++) expect(starts[n] - starts[n - 1]).toBeGreaterThanOrEqual(interval * 0.75 - 1);
	});
});
