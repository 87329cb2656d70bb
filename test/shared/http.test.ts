import nock from 'nock';

import { backoffMs, redact, requestedWaitMs, timing } from '../../nodes/shared/http';
import { runNode } from '../harness';
import { API_KEY, BASE, BASE_PATH, setup } from '../iagenteSdr/fixtures';

const now = Date.parse('2026-11-21T12:00:00Z');

describe('requestedWaitMs', () => {
	it('reads Retry-After in seconds and as an HTTP date', () => {
		expect(requestedWaitMs({ 'Retry-After': '7' }, now)).toBe(7000);
		expect(requestedWaitMs({ 'retry-after': 'Sat, 21 Nov 2026 12:00:30 GMT' }, now)).toBe(30_000);
	});

	it('reads X-RateLimit-Reset as epoch seconds or as seconds from now', () => {
		expect(requestedWaitMs({ 'x-ratelimit-reset': String(now / 1000 + 12) }, now)).toBe(12_000);
		expect(requestedWaitMs({ 'X-RateLimit-Reset': '3' }, now)).toBe(3000);
	});

	it('says nothing when no header says anything', () => {
		expect(requestedWaitMs({}, now)).toBeUndefined();
		expect(requestedWaitMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
	});
});

describe('backoffMs', () => {
	it('grows exponentially, is capped at 30 s and never drops below 250 ms', () => {
		expect(backoffMs(0, 1)).toBe(1000);
		expect(backoffMs(3, 1)).toBe(8000);
		expect(backoffMs(10, 1)).toBe(30_000);
		expect(backoffMs(2, 0)).toBe(250);
	});
});

describe('redact', () => {
	it('removes every credential value from a text, but not URLs', () => {
		expect(
			redact('key sk_live_abcdef failed at https://x.example.com', {
				apiKey: 'sk_live_abcdef',
				baseUrl: 'https://x.example.com',
			}),
		).toBe('key [redacted] failed at https://x.example.com');
	});

	it('scrubs only the named secret fields when a provider names them', () => {
		expect(redact('token abcdef123 for location loc123456', { token: 'abcdef123', locationId: 'loc123456' }, ['token'])).toBe(
			'token [redacted] for location loc123456',
		);
	});
});

describe('apiRequest through a node', () => {
	let sleeps: number[];

	beforeEach(() => {
		nock.cleanAll();
		nock.disableNetConnect();
		sleeps = [];
		let clock = now;
		jest.spyOn(timing, 'sleep').mockImplementation(async (ms: number) => {
			sleeps.push(ms);
			clock += ms;
		});
		jest.spyOn(timing, 'now').mockImplementation(() => clock);
		jest.spyOn(timing, 'random').mockReturnValue(0.5);
	});

	afterEach(() => {
		jest.restoreAllMocks();
		expect(nock.pendingMocks()).toEqual([]);
	});

	// A pace far above the requests made here, so every wait seen is a rate-limit wait (pacing has its own tests).
	const unpaced = { maxRequestsPerMinute: 600_000 };
	const getLead = (requestOptions = {}) =>
		runNode(setup({ resource: 'lead', operation: 'get', leadId: '7', requestOptions: { ...unpaced, ...requestOptions } }));
	const sendText = () =>
		runNode(
			setup({
				resource: 'whatsAppMessage',
				operation: 'send',
				sendTo: 'phone',
				phone: '11999999999',
				messageType: 'text',
				text: 'Oi',
				requestOptions: unpaced,
			}),
		);

	it('waits what Retry-After asks on a 429 and then succeeds', async () => {
		nock(BASE)
			.get(`${BASE_PATH}/leads/7`)
			.reply(429, { error: { code: 'rate_limited', message: 'Too many requests' } }, { 'Retry-After': '2' })
			.get(`${BASE_PATH}/leads/7`)
			.reply(200, { data: { id: 7 } });
		const { items, error } = await getLead();
		expect(error).toBeUndefined();
		expect(sleeps).toEqual([2000]);
		expect(items).toEqual([{ json: { id: 7 }, pairedItem: { item: 0 } }]);
	});

	it('retries a send on 429, because a 429 means nothing was sent', async () => {
		nock(BASE)
			.post(`${BASE_PATH}/whatsapp/messages`)
			.reply(429, {}, { 'Retry-After': '1' })
			.post(`${BASE_PATH}/whatsapp/messages`, { phone: '5511999999999', type: 'text', text: 'Oi' })
			.reply(201, { data: { id: 'm1', status: 'queued' } });
		const { items, error } = await sendText();
		expect(error).toBeUndefined();
		expect(sleeps).toEqual([1000]);
		expect(items[0].json).toEqual({ id: 'm1', status: 'queued' });
	});

	it('uses capped exponential backoff with jitter when the provider gives no wait', async () => {
		nock(BASE)
			.get(`${BASE_PATH}/leads/7`)
			.times(2)
			.reply(429, {})
			.get(`${BASE_PATH}/leads/7`)
			.reply(200, { id: 7 });
		const { error } = await getLead();
		expect(error).toBeUndefined();
		expect(sleeps).toEqual([500, 1000]);
	});

	it('gives up with a rate-limit error when the provider asks for more than the max wait', async () => {
		nock(BASE).get(`${BASE_PATH}/leads/7`).reply(429, { error: { message: 'Slow down' } }, { 'Retry-After': '120' });
		const { error } = await getLead({ maxRateLimitWait: 60 });
		expect(sleeps).toEqual([]);
		expect(error?.message).toBe('IAGENTE SDR error 429: Slow down');
		expect(error?.description).toContain('raise "Max Wait on Rate Limit (Seconds)"');
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('does not retry at all when "Retry on Rate Limit" is off', async () => {
		nock(BASE).get(`${BASE_PATH}/leads/7`).reply(429, {}, { 'Retry-After': '1' });
		const { error } = await getLead({ retryOnRateLimit: false });
		expect(sleeps).toEqual([]);
		expect(error?.description).toContain('Turn on "Retry on Rate Limit"');
	});

	it('retries a read on 503 but never a send, whose outcome is unknown', async () => {
		nock(BASE)
			.get(`${BASE_PATH}/leads/7`)
			.reply(503, {})
			.get(`${BASE_PATH}/leads/7`)
			.reply(200, { id: 7 });
		expect((await getLead()).error).toBeUndefined();

		nock(BASE).post(`${BASE_PATH}/whatsapp/messages`).reply(503, { error: { message: 'Unavailable' } });
		const { error } = await sendText();
		expect(error?.message).toBe('IAGENTE SDR error 503: Unavailable');
		expect(sleeps).toEqual([500]);
	});

	it('never puts the API key in an error, even when the provider echoes it', async () => {
		nock(BASE)
			.get(`${BASE_PATH}/leads/7`)
			.reply(401, { error: { code: 'unauthorized', message: `Invalid key ${API_KEY}` } });
		const { error } = await getLead();
		expect(error?.message).toBe('IAGENTE SDR error 401: Invalid key [redacted]');
		expect(JSON.stringify(error)).not.toContain(API_KEY);
		expect(error?.description).toContain('Check the API key');
	});
});
