// Every send and create of the four nodes, against a local provider that fails on purpose, with
// n8n's Retry On Fail off and on: what the provider processed is counted per input item. No item
// may be processed twice; an idempotent send (Superlead) may be repeated, always with the same key.
import nock from 'nock';

import { timing } from '../../nodes/shared/http';
import { runNode } from '../harness';
import { startFailingServer } from '../../dev/test-support/failingServer';
import type { Action, FailingServer, Received } from '../../dev/test-support/failingServer';
import { ITEMS, SEND_AND_WAIT_OPERATIONS, SEND_OPERATIONS, marker, nodeSetup } from './operations';
import type { SendOperation } from './operations';
import { printFigures } from '../../dev/test-support/figures';

interface Scenario {
	name: string;
	/** What happens to the first request that carries item 1. */
	action: Action;
	/** The provider did not process that request (it may safely go again). */
	notProcessed: boolean;
	/** The failure leaves the outcome unknown for a send without idempotency key. */
	unknownOutcome: boolean;
}

const SCENARIOS: Scenario[] = [
	{ name: 'success', action: { kind: 'ok' }, notProcessed: false, unknownOutcome: false },
	{ name: '429 with Retry-After', action: { kind: 'rateLimited', retryAfter: '2' }, notProcessed: true, unknownOutcome: false },
	{ name: '429 without Retry-After', action: { kind: 'rateLimited' }, notProcessed: true, unknownOutcome: false },
	{ name: '503', action: { kind: 'unavailable' }, notProcessed: true, unknownOutcome: true },
	{ name: 'connection reset before any response', action: { kind: 'reset', processed: true }, notProcessed: false, unknownOutcome: true },
	{ name: 'no answer after the provider accepted', action: { kind: 'hangAfterAccept' }, notProcessed: false, unknownOutcome: true },
];

// The client's timeout where the provider never answers. It runs in real time and the failing server
// shares the test's event loop: on a loaded machine 0.25 s sometimes ran out before the server had even
// read the request (it then looked never sent). 1 s keeps that margin on a busy CI machine.
const TIMEOUT_SECONDS = 1;
const figures = { runs: 0, items: 0, requests: 0, processed: 0, duplicates: 0, repeatsWithSameKey: 0 };

let server: FailingServer;
const waits: number[] = [];
const realTiming = { ...timing };

beforeAll(async () => {
	// test/setup.ts turns real connections off for nock; this suite talks to its own loopback server.
	nock.enableNetConnect('127.0.0.1');
	server = await startFailingServer();
	timing.random = () => 0.5;
});

afterAll(async () => {
	Object.assign(timing, realTiming);
	await server.close();
	nock.disableNetConnect();
	// The figures docs/reliability.md quotes.
	printFigures('reliability figures', figures);
});

beforeEach(() => {
	server.reset();
	waits.length = 0;
	// test/setup.ts gives every test a fresh fake clock; waits are recorded on top of it.
	const fakeSleep = timing.sleep;
	timing.sleep = async (ms: number) => {
		waits.push(ms);
		await fakeSleep(ms);
	};
});

const haystack = (request: Omit<Received, 'action' | 'processed'>) => `${request.path} ${JSON.stringify(request.body)}`;
const carries = (request: Omit<Received, 'action' | 'processed'>, i: number) => haystack(request).includes(marker(i));

function planFor(scenario: Scenario, target = 1) {
	let fired = false;
	return (request: Omit<Received, 'action' | 'processed'>): Action => {
		if (!fired && request.method !== 'GET' && carries(request, target)) {
			fired = true;
			return scenario.action;
		}
		return { kind: 'ok' };
	};
}

function successFor(operation: SendOperation) {
	let n = 0;
	return () => {
		n++;
		switch (operation.provider) {
			case 'ligueLead':
				return { status: 201, body: { message: 'accepted', data: { campaign_id: `camp-${n}`, accepted_at: '2026-11-21T12:00:00Z' } } };
			case 'superlead':
				return { status: 201, body: { id: `msg_${n}`, status: 'accepted' } };
			case 'leadway':
				return { status: 201, body: { messageId: `m${n}`, contact: { id: `ct${n}` }, note: { id: `n${n}` } } };
			case 'iagenteSdr':
				return { status: 201, body: { data: { id: n } } };
		}
	};
}

// Items one after another (Max Concurrent Requests 1), and side by side: with several in flight,
// the items after a failing one may already be on their way, and still none may go out twice.
const CONCURRENCY = [1, 5];

const cases = SEND_OPERATIONS.flatMap((operation) =>
	SCENARIOS.flatMap((scenario) =>
		[false, true].flatMap((retryOnFail) => CONCURRENCY.map((concurrency) => ({ operation, scenario, retryOnFail, concurrency }))),
	),
);

describe.each(cases)('$operation.name: $scenario.name, Retry On Fail $retryOnFail, $concurrency at once', ({ operation, scenario, retryOnFail, concurrency }) => {
	it('processes no item twice and reports every item honestly', async () => {
		server.plan = planFor(scenario);
		server.success = successFor(operation);
		const { items, error } = await runNode(
			nodeSetup(
				operation.provider,
				server.url,
				{ ...operation.parameters, requestOptions: { timeout: '={{ $json.timeout }}', maxConcurrentRequests: concurrency, maxRequestsPerMinute: 1_000_000 } },
				retryOnFail ? { retryOnFail: { maxTries: 3, waitBetweenTries: 1 } } : {},
			),
			// A short timeout only where the provider will not answer (the request of item 1, or the one
			// shared request, which goes out with item 0's options), so no real wait is long.
			ITEMS.map((item, i) => ({
				...item,
				timeout: scenario.action.kind === 'hangAfterAccept' && i === (operation.shared ? 0 : 1) ? TIMEOUT_SECONDS : 30,
			})),
		);

		const writes = server.received.filter((request) => request.method !== 'GET');
		const processed = ITEMS.map((_, i) => writes.filter((request) => request.processed && carries(request, i)).length);
		const sentFor = ITEMS.map((_, i) => writes.filter((request) => carries(request, i)));
		figures.runs++;
		figures.items += ITEMS.length;
		figures.requests += server.received.length;
		figures.processed += processed.reduce((a, b) => a + b, 0);
		figures.duplicates += processed.filter((count) => count > 1).length;

		// The one rule: nothing is processed twice.
		expect(processed.every((count) => count <= 1)).toBe(true);

		const recovers = !scenario.unknownOutcome || (operation.idempotent && (scenario.notProcessed || retryOnFail));
		if (recovers) {
			expect(error).toBeUndefined();
			expect(processed).toEqual([1, 1, 1]);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		} else {
			// The item whose outcome is unknown fails, says so, and was sent once at most.
			expect(error?.message).toMatch(/did not answer|error 503/);
			if (operation.idempotent) {
				expect(error?.description).toContain('Check the Base URL');
			} else {
				expect(error?.description).toContain('The outcome is unknown');
				expect(sentFor[1]).toHaveLength(1);
			}
			expect(error?.context?.itemIndex).toBe(operation.shared ? 0 : 1);
			if (operation.shared) {
				// One request carried all three items: all were processed, or none.
				expect(processed).toEqual(scenario.notProcessed ? [0, 0, 0] : [1, 1, 1]);
			} else if (concurrency === 1) {
				// Items before it went out once; the node stopped before the items after it.
				expect(processed).toEqual([1, scenario.notProcessed ? 0 : 1, 0]);
			} else {
				// Item 2 may have been on its way already (once at most, by the rule above).
				expect(processed.slice(0, 2)).toEqual([1, scenario.notProcessed ? 0 : 1]);
			}
		}

		if (scenario.action.kind === 'rateLimited') {
			// The 429 was waited out (2 s asked, or the first backoff step), on the fake clock. The pace is
			// set far above the provider's here (pacing has its own tests), so its waits stay below 100 ms.
			expect(waits.filter((ms) => ms >= 100)).toEqual([scenario.action.retryAfter ? 2000 : 500]);
			expect(sentFor[1]).toHaveLength(2);
		}
		if (operation.idempotent) {
			// A repeat carries the key of the first try, so the provider recognises it.
			for (const requests of sentFor) {
				const keys = new Set(requests.map((request) => request.headers['idempotency-key']));
				expect(keys.size).toBe(requests.length === 0 ? 0 : 1);
				if (requests.length > 1) figures.repeatsWithSameKey++;
			}
		}
	});
});

const waitCases = SEND_AND_WAIT_OPERATIONS.flatMap((operation) =>
	SCENARIOS.flatMap((scenario) => [false, true].map((retryOnFail) => ({ operation, scenario, retryOnFail }))),
);

describe.each(waitCases)('$operation.name: $scenario.name, Retry On Fail $retryOnFail', ({ operation, scenario, retryOnFail }) => {
	it('sends its one message at most once, then waits', async () => {
		server.plan = planFor(scenario, 0);
		server.success = successFor(operation);
		const { items, error, run } = await runNode(
			nodeSetup(
				operation.provider,
				server.url,
				{ ...operation.parameters, requestOptions: { timeout: scenario.action.kind === 'hangAfterAccept' ? TIMEOUT_SECONDS : 30 } },
				retryOnFail ? { retryOnFail: { maxTries: 3, waitBetweenTries: 1 } } : {},
			),
			ITEMS,
		);
		const writes = server.received.filter((request) => request.method !== 'GET' && carries(request, 0));
		const processed = writes.filter((request) => request.processed).length;
		figures.runs++;
		figures.items += 1;
		figures.requests += server.received.length;
		figures.processed += processed;
		if (processed > 1) figures.duplicates++;
		// Only the first item is sent (as in n8n's own Send and Wait), and at most once.
		expect(server.received.some((request) => carries(request, 1) || carries(request, 2))).toBe(false);
		expect(processed).toBeLessThanOrEqual(1);

		const recovers = !scenario.unknownOutcome || (operation.idempotent && (scenario.notProcessed || retryOnFail));
		if (recovers) {
			expect(error).toBeUndefined();
			expect(run.status).toBe('waiting');
			expect(processed).toBe(1);
			expect(items).toHaveLength(1);
		} else {
			expect(run.status).not.toBe('waiting');
			expect(error?.message).toMatch(/did not answer|error 503/);
			if (!operation.idempotent) {
				expect(error?.description).toContain('The outcome is unknown');
				expect(writes).toHaveLength(1);
			}
			expect(processed).toBe(scenario.notProcessed ? 0 : 1);
		}
		if (operation.idempotent) {
			expect(new Set(writes.map((request) => request.headers['idempotency-key'])).size).toBe(writes.length === 0 ? 0 : 1);
			if (writes.length > 1) figures.repeatsWithSameKey++;
		}
	});
});

describe('a connection that is refused', () => {
	it('is known not to have reached the provider: not "unknown", so Retry On Fail may send it again', async () => {
		const closed = await startFailingServer();
		const url = closed.url;
		await closed.close();
		const whatsApp = SEND_OPERATIONS.find((operation) => operation.name === 'IAGENTE SDR WhatsApp send') as SendOperation;
		const { error } = await runNode(
			nodeSetup('iagenteSdr', url, whatsApp.parameters, { retryOnFail: { maxTries: 2, waitBetweenTries: 1 } }),
			[ITEMS[0]],
		);
		expect(error?.message).toBe('IAGENTE SDR did not answer (the connection was refused) for POST /whatsapp/messages');
		expect(error?.description).toContain('Check the Base URL');
		expect(error?.context?.outcomeUnknown).toBeUndefined();
	});
});
