import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { loadOptionsContext, runNode } from '../harness';
import { LigueLead } from '../../nodes/LigueLead/LigueLead.node';
import { BASE_PATH, api, binaryFile, credentials, setup, withBinaryInput } from './fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
	jest.restoreAllMocks();
});

const AGENT = '7b3c1e90-4d2a-4f11-9c8e-2a5b6d0f3e47';
const TEMPLATE = '449dff4b-08c0-40a6-aa18-86dc6f9745bd';
const AGENTS = [
	{ id: AGENT, app_id: 'example-app-id-0001', status: 'approved', sender_name: 'Loja Exemplo', rejection_reason: null },
	{ id: '0f0e0d0c-0b0a-4909-8807-060504030201', app_id: 'example-app-id-0001', status: 'pending', sender_name: 'Loja Nova', rejection_reason: null },
];

describe('LigueLead RCS: agents and templates', () => {
	it('gets many agents, only the approved ones when asked', async () => {
		api().get(`${BASE_PATH}/rcs/agents`).reply(200, AGENTS);
		const { items } = await runNode(setup({ resource: 'rcs', operation: 'getAllAgents', returnAll: true, onlyApproved: true }));
		expect(items).toEqual([{ json: AGENTS[0], pairedItem: { item: 0 } }]);
	});

	it('gets many templates up to the limit', async () => {
		api()
			.get(`${BASE_PATH}/rcs/templates`)
			.reply(200, { data: [{ id: TEMPLATE, title: 'Pedido enviado', agent_id: AGENT }, { id: 'b', title: 'Outro' }] });
		const { items } = await runNode(setup({ resource: 'rcs', operation: 'getAllTemplates', returnAll: false, limit: 1 }));
		expect(items).toEqual([{ json: { id: TEMPLATE, title: 'Pedido enviado', agent_id: AGENT }, pairedItem: { item: 0 } }]);
	});

	it('lists agents in the picker and marks the ones that cannot send', async () => {
		api().get(`${BASE_PATH}/rcs/agents`).reply(200, { data: AGENTS });
		const context = loadOptionsContext({ node: LigueLead, credentials: credentials(), parameters: { resource: 'rcs', operation: 'send' } });
		const result = await new LigueLead().methods.listSearch.searchAgents.call(context);
		expect(result).toEqual({
			results: [
				{ name: 'Loja Exemplo', value: AGENT },
				{ name: 'Loja Nova (pending: cannot send)', value: '0f0e0d0c-0b0a-4909-8807-060504030201' },
			],
		});
	});

	it('filters the uploads picker by the search text', async () => {
		api().get(`${BASE_PATH}/voice/uploads`).reply(200, { data: [{ id: 1, title: 'Lembrete' }, { id: 2, title: 'Cobrança' }] });
		const context = loadOptionsContext({ node: LigueLead, credentials: credentials(), parameters: { resource: 'voice', operation: 'send' } });
		const result = await new LigueLead().methods.listSearch.searchUploads.call(context, 'cobr');
		expect(result).toEqual({ results: [{ name: 'Cobrança (#2)', value: '2' }] });
	});
});

const rcsSend = (extra: Record<string, unknown> = {}) => ({
	resource: 'rcs',
	operation: 'send',
	phones: '11999999999, (21) 98888-8888',
	...extra,
});

describe('LigueLead RCS: send', () => {
	it('checks every item before sending: a landline on item 1 means no RCS goes out, not even item 0', async () => {
		const { items, error } = await runNode(
			setup(
				rcsSend({
					phones: '={{ $json.phone }}',
					sendAs: 'template',
					templateId: { __rl: true, mode: 'list', value: TEMPLATE },
				}),
			),
			[{ phone: '11999999999' }, { phone: '(11) 3333-4444' }],
		);
		expect(items).toEqual([]);
		expect(error?.message).toContain('[item 1]');
	});

	it('sends a template with its variables and no agent', async () => {
		api()
			.post(`${BASE_PATH}/rcs`, {
				phones: ['11999999999', '21988888888'],
				template_id: TEMPLATE,
				template_variables: [
					{ key: '1', value: 'Maria' },
					{ key: '2', value: 'Pedido 123' },
				],
			})
			.reply(202, { message: 'RCS accepted successfully', data: { campaign_id: 'rcs-1' } });

		const { items, error } = await runNode(
			setup(
				rcsSend({
					sendAs: 'template',
					templateId: { __rl: true, mode: 'list', value: TEMPLATE },
					templateVariables: { variable: [{ key: '1', value: 'Maria' }, { key: ' 2 ', value: 'Pedido 123' }, { key: '', value: 'x' }] },
				}),
			),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { campaign_id: 'rcs-1', message: 'RCS accepted successfully', phones: ['11999999999', '21988888888'], recipients: 2 },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends a text with its agent and callback URL, never a template', async () => {
		api()
			.post(`${BASE_PATH}/rcs`, {
				phones: ['11999999999', '21988888888'],
				message: 'Seu pedido saiu para entrega',
				agent_id: AGENT,
				webhook_url: 'https://n8n.example.com/webhook/abc/webhook?token=example-token-value',
			})
			.reply(202, { message: 'RCS accepted successfully' });

		const { error } = await runNode(
			setup(
				rcsSend({
					sendAs: 'message',
					message: 'Seu pedido saiu para entrega',
					agentId: { __rl: true, mode: 'id', value: AGENT },
					templateId: { __rl: true, mode: 'list', value: TEMPLATE },
					options: { webhookUrl: 'https://n8n.example.com/webhook/abc/webhook?token=example-token-value' },
				}),
			),
		);
		expect(error).toBeUndefined();
	});

	it('rejects a text over 306 characters before sending', async () => {
		const { error, items } = await runNode(
			setup(rcsSend({ sendAs: 'message', message: 'a'.repeat(307), agentId: { __rl: true, mode: 'id', value: AGENT } })),
		);
		expect(items).toEqual([]);
		expect(error?.message).toBe('Message: it has 307 characters, more than the 306 allowed [item 0]');
	});

	it('rejects an agent that is not a UUID before sending', async () => {
		const { error } = await runNode(
			setup(rcsSend({ sendAs: 'message', message: 'Oi', agentId: { __rl: true, mode: 'list', value: 'loja' } })),
		);
		expect(error?.message).toBe('Agent: "loja" is not an agent ID [item 0]');
	});

	it('rejects the same template variable twice before sending', async () => {
		const { error } = await runNode(
			setup(
				rcsSend({
					templateId: { __rl: true, mode: 'id', value: TEMPLATE },
					templateVariables: { variable: [{ key: '1', value: 'a' }, { key: '1', value: 'b' }] },
				}),
			),
		);
		expect(error?.message).toBe('Template Variables: the key "1" appears twice [item 0]');
	});

	it('explains the throttled agent validation LigueLead answers with 429', async () => {
		api().post(`${BASE_PATH}/rcs`).reply(429, { error: 'Failed to call ligueapi-backend' });
		const { error } = await runNode(
			setup(
				rcsSend({ templateId: { __rl: true, mode: 'id', value: TEMPLATE }, requestOptions: { retryOnRateLimit: false } }),
			),
		);
		expect(error?.message).toBe('LigueLead error 429: Failed to call ligueapi-backend');
		expect(error?.description).toContain('Turn on "Retry on Rate Limit"');
	});
});

const createTemplate = (extra: Record<string, unknown>) => ({ resource: 'rcs', operation: 'createTemplate', title: 'Pedido', ...extra });

describe('LigueLead RCS: create template', () => {
	it('creates a text template with default variables and a fallback', async () => {
		api()
			.post(`${BASE_PATH}/rcs/templates/text`, {
				title: 'Pedido',
				body: 'Olá {{1}}, seu pedido saiu.',
				fallback_message: 'Seu pedido saiu.',
				default_variables: [{ key: '1', value: 'cliente' }],
			})
			.reply(201, { message: 'Template created', data: { id: TEMPLATE, title: 'Pedido' } });

		const { items } = await runNode(
			setup(
				createTemplate({
					templateType: 'text',
					body: 'Olá {{1}}, seu pedido saiu.',
					options: { fallbackMessage: 'Seu pedido saiu.', defaultVariables: { variable: [{ key: '1', value: 'cliente' }] } },
				}),
			),
		);
		expect(items).toEqual([{ json: { id: TEMPLATE, title: 'Pedido', message: 'Template created' }, pairedItem: { item: 0 } }]);
	});

	it('creates a media template from a media URL', async () => {
		api()
			.post(`${BASE_PATH}/rcs/templates/media`, {
				title: 'Pedido',
				header: 'Oferta',
				body: 'Confira',
				media_url: 'https://example.com/oferta.jpg',
			})
			.reply(201, { data: { id: TEMPLATE } });
		const { error } = await runNode(
			setup(createTemplate({ templateType: 'media', header: 'Oferta', body: 'Confira', mediaSource: 'url', mediaUrl: 'https://example.com/oferta.jpg' })),
		);
		expect(error).toBeUndefined();
	});

	it('creates a media template from a binary image as a base64 data URI', async () => {
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		withBinaryInput([binaryFile(png, 'image/png', 'oferta.png')]);
		api()
			.post(`${BASE_PATH}/rcs/templates/media`, {
				title: 'Pedido',
				header: 'Oferta',
				body: 'Confira',
				media_file: `data:image/png;base64,${png.toString('base64')}`,
			})
			.reply(201, { data: { id: TEMPLATE } });
		const { error } = await runNode(
			setup(createTemplate({ templateType: 'media', header: 'Oferta', body: 'Confira', mediaSource: 'binary', mediaBinaryPropertyName: 'data' })),
		);
		expect(error).toBeUndefined();
	});

	it('rejects a media file over 5 MB before sending', async () => {
		withBinaryInput([binaryFile(Buffer.alloc(5 * 1024 * 1024 + 1), 'image/jpeg', 'grande.jpg')]);
		const { error } = await runNode(
			setup(createTemplate({ templateType: 'media', header: 'Oferta', body: 'Confira', mediaSource: 'binary', mediaBinaryPropertyName: 'data' })),
		);
		expect(error?.message).toBe('Input Binary Field: the file has 5.0 MB, more than the 5 MB LigueLead accepts [item 0]');
	});

	it('creates a card template with each button type', async () => {
		api()
			.post(`${BASE_PATH}/rcs/templates/card`, {
				title: 'Pedido',
				header: 'Seu pedido',
				body: 'Acompanhe a entrega',
				buttons: [
					{ type: 'open_url', title: 'Rastrear', url: 'https://example.com/r/123' },
					{ type: 'dial_call', title: 'Ligar', phone_number: '+5511999999999' },
					{ type: 'reply', title: 'Obrigado' },
				],
			})
			.reply(201, { data: { id: TEMPLATE } });
		const { error } = await runNode(
			setup(
				createTemplate({
					templateType: 'card',
					header: 'Seu pedido',
					body: 'Acompanhe a entrega',
					mediaSource: 'none',
					buttons: {
						button: [
							{ type: 'open_url', title: 'Rastrear', url: 'https://example.com/r/123' },
							{ type: 'dial_call', title: 'Ligar', phoneNumber: '(11) 99999-9999' },
							{ type: 'reply', title: 'Obrigado' },
						],
					},
				}),
			),
		);
		expect(error).toBeUndefined();
	});

	it.each([
		['no buttons', [], 'Buttons: it has 0 entries [item 0]'],
		['5 buttons', Array.from({ length: 5 }, () => ({ type: 'reply', title: 'Ok' })), 'Buttons: it has 5 entries [item 0]'],
		['an Open URL button without URL', [{ type: 'open_url', title: 'Ver' }], 'Button 1 → URL: it is empty [item 0]'],
	])('rejects a card with %s before sending', async (_case, button, message) => {
		const { error } = await runNode(
			setup(createTemplate({ templateType: 'card', header: 'H', body: 'B', mediaSource: 'none', buttons: { button } })),
		);
		expect(error?.message).toBe(message);
	});

	it('rejects a header over 100 characters before sending', async () => {
		const { error } = await runNode(
			setup(createTemplate({ templateType: 'media', header: 'h'.repeat(101), body: 'B', mediaUrl: 'https://example.com/a.jpg' })),
		);
		expect(error?.message).toBe('Header: it has 101 characters, more than the 100 allowed [item 0]');
	});

	it('rejects a body over 1,600 characters and a fallback over 306 before sending', async () => {
		const long = await runNode(setup(createTemplate({ templateType: 'text', body: 'b'.repeat(1601) })));
		expect(long.error?.message).toBe('Body: it has 1601 characters, more than the 1600 allowed [item 0]');
		const fallback = await runNode(setup(createTemplate({ templateType: 'text', body: 'B', options: { fallbackMessage: 'f'.repeat(307) } })));
		expect(fallback.error?.message).toBe('Fallback Message: it has 307 characters, more than the 306 allowed [item 0]');
	});

	const card = (header: string, buttons: IDataObject[] = []): IDataObject => ({
		header,
		body: `Olá {{1}}, veja ${header}`,
		media_url: `https://example.com/${header}.jpg`,
		buttons,
	});

	it('creates a carousel from JSON cards', async () => {
		const cards = [
			card('a', [{ type: 'open_url', title: 'Comprar', url: 'https://example.com/a' }]),
			card('b', [{ type: 'open_url', title: 'Comprar', url: 'https://example.com/b' }]),
		];
		api().post(`${BASE_PATH}/rcs/templates/carousel`, { title: 'Pedido', cards } as unknown as nock.DataMatcherMap).reply(201, { data: { id: TEMPLATE } });
		const { error } = await runNode(setup(createTemplate({ templateType: 'carousel', cardsInput: 'json', cardsJson: JSON.stringify(cards) })));
		expect(error).toBeUndefined();
	});

	it('creates a carousel from card fields with up to two buttons', async () => {
		api()
			.post(`${BASE_PATH}/rcs/templates/carousel`, {
				title: 'Pedido',
				cards: [
					{ header: 'A', body: 'Produto A', media_url: 'https://example.com/a.jpg', buttons: [{ type: 'reply', title: 'Quero' }, { type: 'dial_call', title: 'Ligar', phone_number: '+5511999999999' }] },
					{ header: 'B', body: 'Produto B', buttons: [{ type: 'reply', title: 'Quero' }, { type: 'dial_call', title: 'Ligar', phone_number: '+5521988888888' }] },
				],
			})
			.reply(201, { data: { id: TEMPLATE } });
		const fields = (header: string, mediaUrl: string, phone: string) => ({
			header,
			body: `Produto ${header}`,
			mediaUrl,
			button1Type: 'reply',
			button1Title: 'Quero',
			button2Type: 'dial_call',
			button2Title: 'Ligar',
			button2Value: phone,
		});
		const { error } = await runNode(
			setup(
				createTemplate({
					templateType: 'carousel',
					cardsInput: 'fields',
					cards: { card: [fields('A', 'https://example.com/a.jpg', '11999999999'), fields('B', '', '21988888888')] },
				}),
			),
		);
		expect(error).toBeUndefined();
	});

	it.each([
		['one card', [card('a')], 'Cards: it has 1 entries [item 0]'],
		['11 cards', Array.from({ length: 11 }, (_, n) => card(`c${n}`)), 'Cards: it has 11 entries [item 0]'],
		[
			'3 buttons on a card',
			[card('a', [1, 2, 3].map(() => ({ type: 'reply', title: 'Ok' }))), card('b')],
			'Card 1 → Buttons: it has 3 entries [item 0]',
		],
		[
			'cards with different buttons',
			[card('a', [{ type: 'reply', title: 'Ok' }]), card('b', [{ type: 'dial_call', title: 'Ligar', phone_number: '11999999999' }])],
			'Card 2 → Buttons: it has buttons "dial_call" but card 1 has "reply" [item 0]',
		],
		[
			'a card with both a media URL and a media file',
			[{ ...card('a'), media_file: 'data:image/png;base64,iVBORw0KGgo=' }, card('b')],
			'Card 1 → Media: it has both a media URL and a media file [item 0]',
		],
	])('rejects a carousel with %s before sending', async (_case, cards, message) => {
		const { error, items } = await runNode(
			setup(createTemplate({ templateType: 'carousel', cardsInput: 'json', cardsJson: JSON.stringify(cards) })),
		);
		expect(items).toEqual([]);
		expect(error?.message).toBe(message);
	});
});
