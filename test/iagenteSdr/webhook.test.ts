import nock from 'nock';

import { runNode } from '../harness';
import { API_KEY, BASE, BASE_PATH, setup } from './fixtures';

const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } });
const created = {
	data: {
		id: 5,
		name: 'Meu Webhook',
		url: 'https://meusite.com/webhook',
		events: ['lead.created', 'lead.qualified', 'message.received'],
		signing_secret: 'whsec_example_placeholder',
	},
};

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

describe('IAGENTE SDR webhook', () => {
	const createParameters = {
		resource: 'webhook',
		operation: 'create',
		name: 'Meu Webhook',
		url: 'https://meusite.com/webhook',
		events: ['lead.created', 'lead.qualified', 'message.received'],
	};

	it('creates the documented webhook and hides the signing secret by default', async () => {
		api()
			.post(`${BASE_PATH}/webhooks`, {
				name: 'Meu Webhook',
				url: 'https://meusite.com/webhook',
				events: ['lead.created', 'lead.qualified', 'message.received'],
			})
			.reply(201, created);
		const { items, error } = await runNode(setup(createParameters));
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { ...created.data, signing_secret: '[hidden: turn on "Include Signing Secret in Output"]' },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('outputs the signing secret when asked to', async () => {
		api().post(`${BASE_PATH}/webhooks`).reply(201, created);
		const { items } = await runNode(setup({ ...createParameters, includeSecret: true }));
		expect(items[0].json.signing_secret).toBe('whsec_example_placeholder');
	});

	it('refuses a webhook whose events expression resolves to an empty list, before sending', async () => {
		const { error } = await runNode(setup({ ...createParameters, events: '={{ [] }}' }));
		expect(error?.message).toBe('Events: no event was chosen [item 0]');
	});

	it('refuses a URL that is not a web address before sending', async () => {
		const { error } = await runNode(setup({ ...createParameters, url: 'meusite' }));
		expect(error?.message).toBe('URL: "meusite" is not a web address [item 0]');
	});

	it('gets many webhooks, one item each, without their secrets', async () => {
		api()
			.get(`${BASE_PATH}/webhooks`)
			.reply(200, { data: [created.data, { id: 6, name: 'Outro', url: 'https://x.example.com', events: [] }] });
		const { items } = await runNode(setup({ resource: 'webhook', operation: 'getAll' }));
		expect(items).toEqual([
			{ json: { ...created.data, signing_secret: '[hidden: turn on "Include Signing Secret in Output"]' }, pairedItem: { item: 0 } },
			{ json: { id: 6, name: 'Outro', url: 'https://x.example.com', events: [] }, pairedItem: { item: 0 } },
		]);
	});

	it('asks IAGENTE SDR to send a test event', async () => {
		api().post(`${BASE_PATH}/webhooks/5/test`).reply(200, { data: { delivered: true, status_code: 200 } });
		const { items } = await runNode(setup({ resource: 'webhook', operation: 'test', webhookId: '5' }));
		expect(items).toEqual([{ json: { delivered: true, status_code: 200 }, pairedItem: { item: 0 } }]);
	});

	it('deletes a webhook', async () => {
		api().delete(`${BASE_PATH}/webhooks/5`).reply(204);
		const { items } = await runNode(setup({ resource: 'webhook', operation: 'delete', webhookId: '5' }));
		expect(items).toEqual([{ json: { deleted: true, id: '5' }, pairedItem: { item: 0 } }]);
	});
});
