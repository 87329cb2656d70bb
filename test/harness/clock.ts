// A fake clock for the `timing` indirection of nodes/shared/http.ts: waits cost no real time, yet
// time still moves forward in order, so paced requests keep their spacing on this clock.
import { sleep } from 'n8n-workflow';

import { timing } from '../../nodes/shared/http';
import { PACE_TOLERANCE } from '../../nodes/shared/limiter';

interface Timer {
	due: number;
	order: number;
	resolve: () => void;
}

export class FakeClock {
	private current: number;
	private timers: Timer[] = [];
	private order = 0;
	private scheduled = false;

	constructor(start = Date.parse('2026-11-21T12:00:00Z')) {
		this.current = start;
	}

	now = (): number => this.current;

	sleep = async (ms: number): Promise<void> =>
		await new Promise<void>((resolve) => {
			this.timers.push({ due: this.current + Math.max(0, ms), order: this.order++, resolve });
			this.schedule();
		});

	/** The process was busy for `ms`: time moves on and the timers due meanwhile fire late, together. */
	stall(ms: number): void {
		this.current += ms;
	}

	/** Fires the earliest timer once the code that is running has settled, then the next one. */
	private schedule(): void {
		if (this.scheduled) return;
		this.scheduled = true;
		// A real macrotask (n8n-workflow's sleep is a timer): pending I/O and microtasks run first.
		void sleep(0).then(() => {
			this.scheduled = false;
			if (this.timers.length === 0) return;
			this.timers.sort((a, b) => a.due - b.due || a.order - b.order);
			const timer = this.timers.shift() as Timer;
			this.current = Math.max(this.current, timer.due);
			timer.resolve();
			if (this.timers.length > 0) this.schedule();
		});
	}
}

/** Points `timing` at a fresh fake clock and returns it. */
export function useFakeClock(start?: number): FakeClock {
	const clock = new FakeClock(start);
	timing.now = clock.now;
	timing.sleep = clock.sleep;
	return clock;
}

/**
 * What is wrong with a series of request starts for a pace of one per `intervalMs` (empty when
 * nothing is): two starts closer than the limiter allows, or more starts since the first than the
 * rate allows (the limiter lets a request leave a quarter interval early, never more).
 */
export function paceViolations(starts: number[], intervalMs: number): string[] {
	const sorted = [...starts].sort((a, b) => a - b);
	const problems: string[] = [];
	for (let n = 1; n < sorted.length; n++) {
		const gap = sorted[n] - sorted[n - 1];
		if (gap < intervalMs * (1 - PACE_TOLERANCE) - 1) problems.push(`starts ${n - 1} and ${n} only ${gap} ms apart`);
		const since = sorted[n] - sorted[0];
		if (since < (n - PACE_TOLERANCE) * intervalMs - 1) problems.push(`start ${n} came ${since} ms after the first: above the pace`);
	}
	return problems;
}
