import { sleep } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { PACE_MARGIN, PaceLimiter, limiterFor, paceIntervalMs } from '../../nodes/shared/limiter';
import { MAX_CONCURRENT_LIMIT, readRequestOptions } from '../../nodes/shared/requestOptions';
import { readConcurrency, runPool } from '../../nodes/shared/scheduler';
import { FakeClock, paceViolations } from '../harness/clock';

/** A promise the test resolves by hand, to finish tasks in any order it likes. */
function gate() {
	let open: () => void = () => {};
	const promise = new Promise<void>((resolve) => (open = resolve));
	return { promise, open };
}

const settle = async () => await sleep(0);

describe('runPool', () => {
	it('keeps at most the limit running, starts in input order and returns results by index', async () => {
		const gates = Array.from({ length: 6 }, gate);
		const started: number[] = [];
		let running = 0;
		let mostRunning = 0;
		const pool = runPool(
			6,
			3,
			async (index) => {
				started.push(index);
				running++;
				mostRunning = Math.max(mostRunning, running);
				await gates[index].promise;
				running--;
				return `result ${index}`;
			},
			false,
		);
		await settle();
		expect(started).toEqual([0, 1, 2]);
		// Finishing out of order frees a slot for the next index each time.
		gates[2].open();
		await settle();
		gates[0].open();
		await settle();
		expect(started).toEqual([0, 1, 2, 3, 4]);
		for (const g of gates) g.open();
		const settled = await pool;
		expect(mostRunning).toBe(3);
		expect(settled).toEqual(Array.from({ length: 6 }, (_, index) => ({ ok: true, value: `result ${index}` })));
	});

	it('with stopOnError starts nothing after a failure, and lets what was running finish', async () => {
		const gates = Array.from({ length: 5 }, gate);
		const started: number[] = [];
		const pool = runPool(
			5,
			2,
			async (index) => {
				started.push(index);
				await gates[index].promise;
				if (index === 0) throw new Error('item 0 failed');
				return index;
			},
			true,
		);
		await settle();
		gates[0].open();
		await settle();
		gates[1].open();
		const settled = await pool;
		expect(started).toEqual([0, 1]);
		expect(settled[0]).toEqual({ ok: false, error: new Error('item 0 failed') });
		expect(settled[1]).toEqual({ ok: true, value: 1 });
		expect(settled.slice(2)).toEqual([undefined, undefined, undefined]);
	});

	it('without stopOnError runs every item and keeps each failure apart', async () => {
		const settled = await runPool(
			4,
			4,
			async (index) => {
				if (index % 2 === 1) throw new Error(`odd ${index}`);
				return index;
			},
			false,
		);
		expect(settled.map((entry) => entry?.ok)).toEqual([true, false, true, false]);
	});
});

describe('readConcurrency', () => {
	const withOptions = (requestOptions: unknown) =>
		({ getNodeParameter: () => requestOptions, getNode: () => ({ name: 'Node' }) }) as unknown as IExecuteFunctions;

	it('takes "Max Concurrent Requests" when set', () => {
		expect(readConcurrency(withOptions({ maxConcurrentRequests: 3 }), 5)).toBe(3);
		expect(readConcurrency(withOptions({ maxConcurrentRequests: MAX_CONCURRENT_LIMIT }), 5)).toBe(MAX_CONCURRENT_LIMIT);
	});

	it("falls back to the provider's default when the option is absent", () => {
		expect(readConcurrency(withOptions({}), 5)).toBe(5);
	});

	it('refuses a value that makes no sense, naming the option, instead of picking another number', () => {
		for (const value of [0, 2.7, 5000, '4']) {
			expect(() => readRequestOptions(withOptions({ maxConcurrentRequests: value }), 0)).toThrow(
				/^Max Concurrent Requests: .* is not a whole number from 1 to 100 \[item 0\]$/,
			);
		}
		expect(() => readRequestOptions(withOptions({ maxRequestsPerMinute: -5 }), 0)).toThrow(
			/^Max Requests per Minute: -5 is not a number from 1 to 1000000 \[item 0\]$/,
		);
	});
});

describe('PaceLimiter', () => {
	it('spaces request starts by the interval, with a margin under the configured rate', async () => {
		const clock = new FakeClock(0);
		const limiter = new PaceLimiter();
		const interval = paceIntervalMs(60);
		expect(interval).toBeCloseTo(60_000 / (60 * PACE_MARGIN), 6);
		expect(interval).toBeGreaterThan(1000);
		const starts: number[] = [];
		await Promise.all(
			Array.from({ length: 20 }, async () => {
				await limiter.acquire(interval, clock);
				starts.push(clock.now());
			}),
		);
		expect(starts).toHaveLength(20);
		expect(paceViolations(starts, interval)).toEqual([]);
		// Never more than 60 starts in any 60 s window, wherever the window begins.
		for (const start of starts) expect(starts.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(60);
	});

	it('holds every caller during a pause, including those already waiting for a slot', async () => {
		const clock = new FakeClock(0);
		const limiter = new PaceLimiter();
		const starts: number[] = [];
		const callers = Array.from({ length: 4 }, async () => {
			await limiter.acquire(1000, clock);
			starts.push(clock.now());
		});
		// Each caller reserved its slot on the call: the first 0, the others 1000, 2000 and 3000, and
		// they are asleep until then when the provider's 429 arrives.
		limiter.pause(10_000);
		await Promise.all(callers);
		expect(starts[0]).toBe(0);
		expect(starts.slice(1).every((t) => t >= 10_000)).toBe(true);
		expect(paceViolations(starts.slice(1), 1000)).toEqual([]);
	});

	it('lets no burst through when a busy process wakes late callers all at once', async () => {
		const clock = new FakeClock(0);
		const limiter = new PaceLimiter();
		await limiter.acquire(1000, clock);
		const starts: number[] = [];
		const callers = Array.from({ length: 3 }, async () => {
			await limiter.acquire(1000, clock);
			starts.push(clock.now());
		});
		// Slots 1000, 2000 and 3000 are reserved; then nothing runs for 5 s, so all three are overdue.
		clock.stall(5000);
		await Promise.all(callers);
		expect(starts[0]).toBe(5000);
		expect(paceViolations(starts, 1000)).toEqual([]);
	});

	it('is one limiter per credential and base URL, shared by whoever asks for it', () => {
		const a = limiterFor('iagenteSdrApi', 'cred-1', 'https://a.example.com');
		expect(limiterFor('iagenteSdrApi', 'cred-1', 'https://a.example.com')).toBe(a);
		expect(limiterFor('iagenteSdrApi', 'cred-2', 'https://a.example.com')).not.toBe(a);
		expect(limiterFor('iagenteSdrApi', 'cred-1', 'https://b.example.com')).not.toBe(a);
	});
});
