// Items run side by side through the real n8n execution (harness), with the pace shared per
// credential. Request starts are read on the fake clock when n8n applies the credential, which
// happens right before the request leaves, so the spacing seen here is the spacing on the wire.
import type { ICredentialDataDecryptedObject, ICredentialType, IHttpRequestOptions, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { IagenteSdrApi } from '../../credentials/IagenteSdrApi.credentials';
import { SuperleadApi } from '../../credentials/SuperleadApi.credentials';
import { timing } from '../../nodes/shared/http';
import { PaceLimiter, paceIntervalMs } from '../../nodes/shared/limiter';
import { runNode } from '../harness';
import { paceViolations } from '../harness/clock';
import { API_KEY, BASE, BASE_PATH, setup } from '../iagenteSdr/fixtures';
import { BASE_PATH as LIGUELEAD_PATH, api as ligueLeadApi, setup as ligueLeadSetup } from '../ligueLead/fixtures';
import { API_KEY as SUPERLEAD_KEY, BASE as SUPERLEAD_BASE, setup as superleadSetup } from '../superlead/fixtures';

let starts: number[] = [];

class TimedIagenteSdrApi extends IagenteSdrApi {
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		starts.push(timing.now());
		return await super.authenticate(credentials, requestOptions);
	}
}

const timedCredentials = (baseUrl = `${BASE}${BASE_PATH}`) => ({
	iagenteSdrApi: { type: TimedIagenteSdrApi, data: { apiKey: API_KEY, baseUrl, authHeader: 'bearer' } },
});

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
	starts = [];
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
	jest.restoreAllMocks();
});

const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } });
const phones = (count: number) => Array.from({ length: count }, (_, n) => ({ phone: `1199999${String(n).padStart(4, '0')}` }));
const e164 = (n: number) => `551199999${String(n).padStart(4, '0')}`;

const sendText = (requestOptions: INodeParameters = {}, extra = {}) =>
	setup(
		{
			resource: 'whatsAppMessage',
			operation: 'send',
			sendTo: 'phone',
			phone: '={{ $json.phone }}',
			messageType: 'text',
			text: 'Oi',
			requestOptions,
		},
		{ credentials: timedCredentials(), ...extra },
	);

/** Most request starts found in any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
	return Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + windowMs).length));
}

describe('scheduler through the node', () => {
	it('keeps output order and pairedItem of the input while answers come back in reverse', async () => {
		const count = 5;
		const waiting: Array<() => void> = [];
		let arrived = 0;
		api()
			.post(`${BASE_PATH}/whatsapp/messages`)
			.times(count)
			.reply(async (_uri, body) => {
				arrived++;
				// Hold every answer until all five requests are in flight, then answer the last first.
				await new Promise<void>((resolve) => {
					waiting.push(resolve);
					if (waiting.length === count) for (const release of [...waiting].reverse()) release();
				});
				return [201, { id: `m-${(body as { phone: string }).phone}` }];
			});
		const { items, error } = await runNode(sendText({ maxConcurrentRequests: 5, maxRequestsPerMinute: 600_000 }), phones(count));
		expect(error).toBeUndefined();
		expect(arrived).toBe(count);
		expect(items).toEqual(
			Array.from({ length: count }, (_, n) => ({ json: { id: `m-${e164(n)}` }, pairedItem: { item: n } })),
		);
	});

	it('never starts requests faster than the pace, with five items in flight (default 60 per minute)', async () => {
		api().post(`${BASE_PATH}/whatsapp/messages`).times(12).reply(201, { id: 'm' });
		const { items, error } = await runNode(sendText(), phones(12));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(12);
		expect(starts).toHaveLength(12);
		expect(paceViolations(starts, paceIntervalMs(60))).toEqual([]);
		expect(busiestWindow(starts, 60_000)).toBeLessThanOrEqual(60);
	});

	it('follows "Max Requests per Minute" when the user lowers it', async () => {
		api().post(`${BASE_PATH}/whatsapp/messages`).times(4).reply(201, { id: 'm' });
		await runNode(sendText({ maxRequestsPerMinute: 6 }), phones(4));
		expect(starts).toHaveLength(4);
		expect(paceViolations(starts, paceIntervalMs(6))).toEqual([]);
		expect(starts[3] - starts[0]).toBeGreaterThanOrEqual(3 * 10_000 * 0.9);
	});

	it('shares one pace between executions running at once on the same credential', async () => {
		api().post(`${BASE_PATH}/whatsapp/messages`).times(15).reply(201, { id: 'm' });
		const runs = await Promise.all(
			['execution-a', 'execution-b', 'execution-c'].map((executionId) =>
				runNode(sendText({}, { executionId }), phones(5)),
			),
		);
		expect(runs.map((run) => run.items.length)).toEqual([5, 5, 5]);
		expect(starts).toHaveLength(15);
		expect(paceViolations(starts, paceIntervalMs(60))).toEqual([]);
	});

	it('keeps a separate pace for another account (another base URL)', async () => {
		api().post(`${BASE_PATH}/whatsapp/messages`).reply(201, { id: 'a' });
		nock('https://other.example.com').post(`${BASE_PATH}/whatsapp/messages`).reply(201, { id: 'b' });
		await Promise.all([
			runNode(sendText(), phones(1)),
			runNode(sendText({}, { credentials: timedCredentials(`https://other.example.com${BASE_PATH}`) }), phones(1)),
		]);
		expect(starts).toHaveLength(2);
		expect(starts[1] - starts[0]).toBeLessThan(paceIntervalMs(60));
	});

	it('on a 429 makes every request on the credential wait what the provider asked, then sends them all', async () => {
		const pause = jest.spyOn(PaceLimiter.prototype, 'pause');
		let startsBeforePause = -1;
		let pauseEnd = 0;
		pause.mockImplementation(function (this: PaceLimiter, untilMs: number) {
			startsBeforePause = starts.length;
			pauseEnd = untilMs;
			pause.mockRestore();
			this.pause(untilMs);
		});
		let answered = 0;
		let answered429At = 0;
		api()
			.post(`${BASE_PATH}/whatsapp/messages`)
			.reply(() => {
				answered++;
				answered429At = timing.now();
				return [429, { error: { code: 'rate_limited', message: 'Too many requests' } }, { 'Retry-After': '30' }];
			})
			.post(`${BASE_PATH}/whatsapp/messages`)
			.times(20)
			.reply(() => {
				answered++;
				return [201, { id: 'm' }];
			});
		const { items, error } = await runNode(sendText({ maxRequestsPerMinute: 600 }), phones(20));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(20);
		expect(answered).toBe(21);
		expect(pauseEnd).toBeGreaterThanOrEqual(answered429At + 30_000);
		// Requests already on their way when the 429 came back could not be held; every later one was,
		// the retried request and the items that were waiting for their slot alike.
		const later = starts.slice(startsBeforePause);
		expect(later.length).toBeGreaterThan(10);
		expect(later.every((t) => t >= pauseEnd)).toBe(true);
		expect(paceViolations(later, paceIntervalMs(600))).toEqual([]);
	});

	it('with Continue On Fail isolates the failed item and keeps the others in order', async () => {
		api()
			.post(`${BASE_PATH}/whatsapp/messages`)
			.times(4)
			.reply((_uri, body) => {
				const phone = (body as { phone: string }).phone;
				return phone === e164(2)
					? [422, { error: { code: 'invalid_phone', message: 'Not on WhatsApp' } }]
					: [201, { id: `m-${phone}` }];
			});
		const { items, error } = await runNode(
			sendText({ maxConcurrentRequests: 4 }, { continueOnFail: true }),
			phones(4),
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(items[2].json).toMatchObject({ error: 'IAGENTE SDR error 422: Not on WhatsApp', httpCode: '422' });
		expect(items[3].json).toEqual({ id: `m-${e164(3)}` });
	});

	it('without Continue On Fail fails with the first failed item in input order', async () => {
		api()
			.post(`${BASE_PATH}/whatsapp/messages`)
			.times(3)
			.reply((_uri, body) => {
				const phone = (body as { phone: string }).phone;
				return phone === e164(0) ? [201, { id: 'm0' }] : [422, { error: { message: `Rejected ${phone}` } }];
			});
		const { items, error } = await runNode(sendText({ maxConcurrentRequests: 3 }), phones(3));
		expect(items).toEqual([]);
		expect(error?.message).toBe(`IAGENTE SDR error 422: Rejected ${e164(1)}`);
		expect(error?.context?.itemIndex).toBe(1);
	});

	it('with Retry On Fail, items that went out beside the failed one are not sent again', async () => {
		// One interceptor per item that succeeds: a second send of any of them finds no match and fails the run.
		for (const n of [0, 1, 3, 4]) {
			api().post(`${BASE_PATH}/whatsapp/messages`, { phone: e164(n), type: 'text', text: 'Oi' }).once().reply(201, { id: `m${n}` });
		}
		api()
			.post(`${BASE_PATH}/whatsapp/messages`, { phone: e164(2), type: 'text', text: 'Oi' })
			.reply(422, { error: { code: 'channel_busy', message: 'Try again' } })
			.post(`${BASE_PATH}/whatsapp/messages`, { phone: e164(2), type: 'text', text: 'Oi' })
			.reply(201, { id: 'm2' });
		const { items, error } = await runNode(
			sendText({ maxConcurrentRequests: 5 }, { retryOnFail: { maxTries: 2, waitBetweenTries: 1 } }),
			phones(5),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([0, 1, 2, 3, 4].map((n) => ({ json: { id: `m${n}` }, pairedItem: { item: n } })));
	});
});

describe('scheduler through the node: batches and polling', () => {
	it('sends LigueLead SMS campaigns (send to many off) side by side, output in input order', async () => {
		const count = 4;
		const waiting: Array<() => void> = [];
		ligueLeadApi()
			.post(`${LIGUELEAD_PATH}/sms`)
			.times(count)
			.reply(async (_uri, body) => {
				await new Promise<void>((resolve) => {
					waiting.push(resolve);
					if (waiting.length === count) for (const release of [...waiting].reverse()) release();
				});
				return [202, { message: 'SMS accepted successfully', data: { campaign_id: `c-${(body as { phones: string[] }).phones[0]}` } }];
			});
		const { items, error } = await runNode(
			ligueLeadSetup({ resource: 'sms', operation: 'send', title: 'Oferta', message: 'Oi', phones: '={{ $json.phone }}', options: { sendToMany: false } }),
			phones(count),
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.campaign_id, item.pairedItem])).toEqual(
			Array.from({ length: count }, (_, n) => [`c-1199999${String(n).padStart(4, '0')}`, { item: n }]),
		);
	});

	it('paces Superlead status checks with the sends, in one queue for the API key', async () => {
		const superleadStarts: Array<{ at: number; method: string }> = [];
		// This credential sets the same header as Superlead's and notes the time.
		const real = new SuperleadApi();
		class TimedSuperleadApi implements ICredentialType {
			name = real.name;
			displayName = real.displayName;
			properties = real.properties;
			authenticate = async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions) => {
				superleadStarts.push({ at: timing.now(), method: String(requestOptions.method) });
				return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), Authorization: `Bearer ${credentials.apiKey}` } };
			};
		}
		const superlead = nock(SUPERLEAD_BASE, { reqheaders: { authorization: `Bearer ${SUPERLEAD_KEY}` } });
		superlead.post('/v1/messages').times(3).reply(201, (_uri, body) => ({ id: `msg-${(body as { to: string }).to}`, status: 'accepted' }));
		superlead.get(/\/v1\/messages\/msg-/).times(3).reply(200, (uri) => ({ id: uri.split('/').pop(), status: 'delivered' }));
		const { items, error } = await runNode(
			superleadSetup(
				{ resource: 'message', operation: 'send', to: '={{ $json.phone }}', messageType: 'text', text: 'Oi', waitForFinalStatus: true, statusTimeout: 60, pollInterval: 1 },
				{ credentials: { superleadApi: { type: TimedSuperleadApi, data: { apiKey: SUPERLEAD_KEY, baseUrl: SUPERLEAD_BASE, webhookSecret: 'example-secret' } } } },
			),
			phones(3),
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.status)).toEqual(['delivered', 'delivered', 'delivered']);
		expect(superleadStarts.map((start) => start.method).sort()).toEqual(['GET', 'GET', 'GET', 'POST', 'POST', 'POST']);
		expect(paceViolations(superleadStarts.map((start) => start.at), paceIntervalMs(60))).toEqual([]);
	});
});
