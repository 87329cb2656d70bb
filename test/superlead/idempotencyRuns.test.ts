// Superlead's automatic Idempotency-Key against a provider that processes each key once (as
// Superlead documents): Retry On Fail repeats a send with the same key, so one message goes out;
// a second run of the node in the same execution (an AI Agent calling the tool again) gets its
// own key, so a deliberate repeat goes out too (issue 18).
import nock from 'nock';

import { idempotencyKey } from '../../nodes/shared/idempotency';
import { startFailingServer } from '../../dev/test-support/failingServer';
import type { FailingServer } from '../../dev/test-support/failingServer';
import { runNode } from '../harness';
import { credentials, setup } from './fixtures';

let server: FailingServer;

beforeAll(async () => {
	// test/setup.ts turns real connections off for nock; this suite talks to its own loopback server.
	nock.enableNetConnect('127.0.0.1');
	server = await startFailingServer();
});

afterAll(async () => {
	await server.close();
	nock.disableNetConnect();
});

beforeEach(() => {
	server.reset();
	server.plan = () => ({ kind: 'ok' });
	let n = 0;
	server.success = () => ({ status: 201, body: { id: `msg_${++n}`, status: 'accepted' } });
});

const BODY = { type: 'text', text: { body: 'Oi de novo' }, to: '+5511999999999' };

const sendSetup = (extra: Parameters<typeof setup>[1] = {}) =>
	setup(
		{ resource: 'message', operation: 'send', to: '11999999999', messageType: 'text', text: 'Oi de novo' },
		{ credentials: credentials({ baseUrl: server.url }), ...extra },
	);

const messageRequests = () => server.received.filter((request) => request.method === 'POST' && request.path === '/v1/messages');

describe('Superlead automatic Idempotency-Key and runs of the node', () => {
	it('Retry On Fail: the provider processed the first try but the connection broke; the retry carries the same key, one message', async () => {
		server.plan = (_request, n) => (n === 0 ? { kind: 'reset', processed: true } : { kind: 'ok' });

		const { items, error } = await runNode(sendSetup({ retryOnFail: { maxTries: 2, waitBetweenTries: 0 } }));

		expect(error).toBeUndefined();
		const sends = messageRequests();
		expect(sends).toHaveLength(2);
		expect(sends[1].headers['idempotency-key']).toBe(sends[0].headers['idempotency-key']);
		expect(sends.map((request) => request.body)).toEqual([BODY, BODY]);
		expect(sends.filter((request) => request.processed)).toHaveLength(1);
		// The first run of a node keeps the key it had before runs were counted.
		expect(sends[0].headers['idempotency-key']).toBe(
			idempotencyKey({ executionId: 'execution-1', nodeId: 'node-1', itemIndex: 0, payload: BODY }, 'n8n-superlead'),
		);
		expect(items).toEqual([{ json: { id: 'msg_1', status: 'accepted' }, pairedItem: { item: 0 } }]);
	});

	it('two runs of the node in one execution with the same text: two keys, two messages', async () => {
		const { runs, error } = await runNode(sendSetup({ runs: 2 }));

		expect(error).toBeUndefined();
		const sends = messageRequests();
		expect(sends).toHaveLength(2);
		expect(sends.map((request) => request.body)).toEqual([BODY, BODY]);
		expect(sends[1].headers['idempotency-key']).not.toBe(sends[0].headers['idempotency-key']);
		expect(sends.filter((request) => request.processed)).toHaveLength(2);
		expect(runs).toEqual([
			[{ json: { id: 'msg_1', status: 'accepted' }, pairedItem: { item: 0 } }],
			[{ json: { id: 'msg_2', status: 'accepted' }, pairedItem: { item: 0 } }],
		]);
	});

	it('two runs, the first retried by Retry On Fail: still exactly two messages', async () => {
		server.plan = (_request, n) => (n === 0 ? { kind: 'reset', processed: true } : { kind: 'ok' });

		const { runs, error } = await runNode(sendSetup({ runs: 2, retryOnFail: { maxTries: 2, waitBetweenTries: 0 } }));

		expect(error).toBeUndefined();
		const keys = messageRequests().map((request) => request.headers['idempotency-key']);
		expect(keys).toHaveLength(3);
		expect(keys[1]).toBe(keys[0]);
		expect(keys[2]).not.toBe(keys[0]);
		expect(messageRequests().filter((request) => request.processed)).toHaveLength(2);
		expect(runs.map((items) => items.map((item) => item.json.id))).toEqual([['msg_1'], ['msg_2']]);
	});
});
