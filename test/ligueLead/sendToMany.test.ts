// "Send to Many in One Campaign": the items' phones share requests of up to 10,000 phones.
import nock from 'nock';

import { runNode } from '../harness';
import { BASE_PATH, accepted, api, setup } from './fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const phoneOf = (n: number) => `119${String(n).padStart(8, '0')}`;

const smsToMany = (extra: Record<string, unknown> = {}) => ({
	resource: 'sms',
	operation: 'send',
	title: 'Black Friday',
	message: '={{ $json.message }}',
	phones: '={{ $json.phone }}',
	options: { sendToMany: true },
	...extra,
});

describe('LigueLead send to many in one campaign', () => {
	it('sends 25,000 one-phone SMS items in 3 requests and tells each item its campaign', async () => {
		const bodies: Array<{ title: string; message: string; phones: string[] }> = [];
		let campaign = 0;
		api()
			.post(`${BASE_PATH}/sms`, (body) => {
				bodies.push(body);
				return true;
			})
			.times(3)
			.reply(202, () => accepted(`campaign-${++campaign}`));

		const input = Array.from({ length: 25_000 }, (_, n) => ({ phone: phoneOf(n), message: 'Ofertas até 50% hoje' }));
		const { items, error } = await runNode(setup(smsToMany()), input);

		expect(error).toBeUndefined();
		expect(bodies.map((body) => body.phones.length)).toEqual([10_000, 10_000, 5_000]);
		expect(bodies.every((body) => body.title === 'Black Friday' && body.message === 'Ofertas até 50% hoje')).toBe(true);
		expect(bodies.flatMap((body) => body.phones)).toEqual(input.map((entry) => entry.phone));
		expect(items).toHaveLength(25_000);
		expect(items.every((item, index) => (item.pairedItem as { item: number }).item === index)).toBe(true);
		expect(items[0].json).toMatchObject({ campaign_id: 'campaign-1', phones: [phoneOf(0)], recipients: 1, campaignRecipients: 10_000 });
		expect(items[10_000].json).toMatchObject({ campaign_id: 'campaign-2', phones: [phoneOf(10_000)] });
		expect(items[24_999].json).toMatchObject({ campaign_id: 'campaign-3', campaignRecipients: 5_000, estimatedCredits: 1 });
		// 25,000 items through n8n-core's real WorkflowExecute: a few seconds on a quiet machine, over 30 s (jest's
		// default here) when CI's machine is busy. The assertions say what must hold; the deadline is only a guard.
	}, 180_000);

	it('sends items with different messages in separate campaigns and keeps output in input order', async () => {
		api()
			.post(`${BASE_PATH}/sms`, { title: 'Black Friday', message: 'Oferta A', phones: ['11900000000', '11900000002'] })
			.reply(202, accepted('campaign-a'));
		api()
			.post(`${BASE_PATH}/sms`, { title: 'Black Friday', message: 'Oferta B', phones: ['11900000001'] })
			.reply(202, accepted('campaign-b'));

		const { items } = await runNode(setup(smsToMany()), [
			{ phone: phoneOf(0), message: 'Oferta A' },
			{ phone: phoneOf(1), message: 'Oferta B' },
			{ phone: phoneOf(2), message: 'Oferta A' },
		]);
		expect(items.map((item) => [item.json.campaign_id, item.json.phones, item.pairedItem])).toEqual([
			['campaign-a', ['11900000000'], { item: 0 }],
			['campaign-b', ['11900000001'], { item: 1 }],
			['campaign-a', ['11900000002'], { item: 2 }],
		]);
	});

	it('sends one request per item when the option is off', async () => {
		api().post(`${BASE_PATH}/sms`, { title: 'Black Friday', message: 'Oferta', phones: ['11900000000'] }).reply(202, accepted('c1'));
		api().post(`${BASE_PATH}/sms`, { title: 'Black Friday', message: 'Oferta', phones: ['11900000001'] }).reply(202, accepted('c2'));

		const { items } = await runNode(setup(smsToMany({ options: {} })), [
			{ phone: phoneOf(0), message: 'Oferta' },
			{ phone: phoneOf(1), message: 'Oferta' },
		]);
		expect(items.map((item) => item.json.campaign_id)).toEqual(['c1', 'c2']);
	});

	it('keeps each item whole in one campaign when items carry many phones', async () => {
		const bodies: Array<{ phones: string[] }> = [];
		api()
			.post(`${BASE_PATH}/sms`, (body) => {
				bodies.push(body);
				return true;
			})
			.times(2)
			.reply(202, (_uri, body) => accepted(`campaign-${(body as { phones: string[] }).phones.length}`));

		const block = (start: number, count: number) => Array.from({ length: count }, (_, n) => phoneOf(start + n));
		const { items } = await runNode(setup(smsToMany({ phones: '={{ $json.phones }}' })), [
			{ phones: block(0, 6_000), message: 'Oferta' },
			{ phones: block(6_000, 6_000), message: 'Oferta' },
			{ phones: block(12_000, 4_000), message: 'Oferta' },
		]);
		expect(bodies.map((body) => body.phones.length)).toEqual([10_000, 6_000]);
		expect(items.map((item) => [item.json.campaign_id, item.json.recipients])).toEqual([
			['campaign-10000', 6_000],
			['campaign-6000', 6_000],
			['campaign-10000', 4_000],
		]);
	});

	it('gives every item of a failed shared request the error, under Continue On Fail', async () => {
		api().post(`${BASE_PATH}/sms`).reply(402, { error: 'Insufficient credits' });

		const { items } = await runNode(setup(smsToMany(), { continueOnFail: true }), [
			{ phone: phoneOf(0), message: 'Oferta' },
			{ phone: phoneOf(1), message: 'Oferta' },
		]);
		expect(items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['LigueLead error 402: Insufficient credits', { item: 0 }],
			['LigueLead error 402: Insufficient credits', { item: 1 }],
		]);
	});

	it('stops after a failed request without sending the later campaigns, one request at a time', async () => {
		api().post(`${BASE_PATH}/sms`, (body) => body.message === 'Oferta A').reply(500, { error: 'Internal error' });
		const unmatched: string[] = [];
		const noMatch = (request: { path?: string }) => unmatched.push(String(request.path));
		nock.emitter.on('no match', noMatch);

		const { error } = await runNode(setup(smsToMany({ requestOptions: { maxConcurrentRequests: 1 } })), [
			{ phone: phoneOf(0), message: 'Oferta A' },
			{ phone: phoneOf(1), message: 'Oferta B' },
		]);
		nock.emitter.removeListener('no match', noMatch);
		expect(error?.message).toBe('LigueLead error 500: Internal error');
		expect(error?.context?.itemIndex).toBe(0);
		expect(unmatched).toEqual([]);
	});

	it('with several requests at once, lets the campaign already on its way finish and fails with the first', async () => {
		api().post(`${BASE_PATH}/sms`, (body) => body.message === 'Oferta A').reply(500, { error: 'Internal error' });
		api().post(`${BASE_PATH}/sms`, (body) => body.message === 'Oferta B').reply(202, accepted('campaign-b'));

		const { error } = await runNode(setup(smsToMany()), [
			{ phone: phoneOf(0), message: 'Oferta A' },
			{ phone: phoneOf(1), message: 'Oferta B' },
		]);
		expect(error?.message).toBe('LigueLead error 500: Internal error');
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('gathers voice sends with the same audio into one request', async () => {
		api()
			.post(`${BASE_PATH}/voice`, {
				title: 'Lembrete',
				voice_upload_id: 436514,
				phones: ['11900000000', '1133334444'],
			})
			.reply(202, accepted('voice-campaign', 'Voice'));

		const { items } = await runNode(
			setup({
				resource: 'voice',
				operation: 'send',
				title: 'Lembrete',
				audio: { __rl: true, mode: 'id', value: '436514' },
				phones: '={{ $json.phone }}',
				options: { sendToMany: true },
			}),
			[{ phone: phoneOf(0) }, { phone: '(11) 3333-4444' }],
		);
		expect(items).toEqual([
			{
				json: {
					campaign_id: 'voice-campaign',
					accepted_at: '2025-12-29T18:34:38.961Z',
					message: 'Voice accepted successfully',
					voice_upload_id: 436514,
					phones: ['11900000000'],
					recipients: 1,
					campaignRecipients: 2,
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					campaign_id: 'voice-campaign',
					accepted_at: '2025-12-29T18:34:38.961Z',
					message: 'Voice accepted successfully',
					voice_upload_id: 436514,
					phones: ['1133334444'],
					recipients: 1,
					campaignRecipients: 2,
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it('with Retry On Fail, re-sends only the campaign that failed, not the ones already accepted', async () => {
		const phones = (from: number) => Array.from({ length: 5_000 }, (_, n) => phoneOf(from + n)).join(',');
		const sizes: number[] = [];
		api()
			.post(`${BASE_PATH}/sms`, (body) => {
				sizes.push(body.phones.length);
				return true;
			})
			.reply(202, accepted('campaign-1'))
			.post(`${BASE_PATH}/sms`, (body) => {
				sizes.push(body.phones.length);
				return true;
			})
			// A 429 means LigueLead processed nothing; the node's own 429 wait is off, so Retry On Fail
			// is what sends it again. (A 5xx leaves the outcome unknown and is never re-sent:
			// test/reliability/retriesAndDuplicates.test.ts.)
			.reply(429, { error: 'Too many requests' })
			.post(`${BASE_PATH}/sms`, (body) => {
				sizes.push(body.phones.length);
				return true;
			})
			.reply(202, accepted('campaign-2'));

		const input = [0, 5_000, 10_000].map((from) => ({ phone: phones(from), message: 'Oferta' }));
		const { items, error } = await runNode(
			setup(smsToMany({ requestOptions: { retryOnRateLimit: false } }), { retryOnFail: { maxTries: 2, waitBetweenTries: 1 } }),
			input,
		);
		expect(error).toBeUndefined();
		// Try 1: items 0+1 in one request (accepted), item 2 fails. Try 2: only item 2 again.
		expect(sizes).toEqual([10_000, 5_000, 5_000]);
		expect(items.map((item) => item.json.campaign_id)).toEqual(['campaign-1', 'campaign-1', 'campaign-2']);
	});
});
