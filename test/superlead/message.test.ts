import nock from 'nock';

import { timing } from '../../nodes/shared/http';
import { idempotencyKey } from '../../nodes/shared/idempotency';
import { runNode } from '../harness';
import { API_KEY, BASE, accepted, errorBody, leadRecord, setup } from './fixtures';

const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } });

/** The key the node derives for an item when the user gives none. */
const automaticKey = (body: object, itemIndex = 0, executionId = 'execution-1', nodeId = 'node-1') =>
	idempotencyKey({ executionId, nodeId, itemIndex, payload: body }, 'n8n-superlead');

/** Expects one POST /v1/messages with exactly this body and Idempotency-Key. */
const expectSend = (body: object, key: string, reply: object = accepted()) =>
	api()
		.matchHeader('idempotency-key', key)
		.post('/v1/messages', body as nock.RequestBodyMatcher)
		.reply(201, reply);

const send = (parameters: Record<string, unknown>) =>
	setup({ resource: 'message', operation: 'send', to: '(11) 99999-9999', messageType: 'text', text: 'Olá, Maria!', ...parameters });

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
	jest.restoreAllMocks();
});

describe('Superlead Message → Send', () => {
	it('checks every item before sending: a bad number on item 2 means no message goes out at all', async () => {
		const { items, error } = await runNode(send({ to: '={{ $json.to }}' }), [
			{ to: '11999999999' },
			{ to: '21988887777' },
			{ to: '(20) 99999-9999' },
		]);
		expect(items).toEqual([]);
		expect(error?.message).toContain('[item 2]');
		expect(error?.context?.itemIndex).toBe(2);
	});

	it('sends a text to a Brazilian phone as E.164 with the bearer key and an automatic Idempotency-Key', async () => {
		const body = { type: 'text', text: { body: 'Olá, Maria!' }, to: '+5511999999999' };
		expectSend(body, automaticKey(body));

		const { items, error } = await runNode(send({}));

		expect(error).toBeUndefined();
		expect(automaticKey(body)).toMatch(/^n8n-superlead-[0-9a-f]{40}$/);
		expect(items).toEqual([{ json: accepted(), pairedItem: { item: 0 } }]);
	});

	it('asks for a link preview when Link Preview is on', async () => {
		const body = { type: 'text', text: { body: 'Veja https://loja.example.com', preview_url: true }, to: '+5511999999999' };
		expectSend(body, automaticKey(body));

		const { error } = await runNode(send({ text: 'Veja https://loja.example.com', previewUrl: true }));
		expect(error).toBeUndefined();
	});

	it('passes a BSUID through untouched', async () => {
		const body = { type: 'text', text: { body: 'Olá!' }, to: 'BR.13491208655302741918' };
		expectSend(body, automaticKey(body), accepted({ to: null }));

		const { items, error } = await runNode(send({ to: ' BR.13491208655302741918 ', text: 'Olá!' }));
		expect(error).toBeUndefined();
		expect(items[0].json.to).toBeNull();
	});

	it('adds the missing 9th digit and the +55 to a number written the old way', async () => {
		const body = { type: 'text', text: { body: 'Olá!' }, to: '+5521987654321' };
		expectSend(body, automaticKey(body));

		const { error } = await runNode(send({ to: '021 8765-4321', text: 'Olá!' }));
		expect(error).toBeUndefined();
	});

	it('keeps an international number that is valid E.164', async () => {
		const body = { type: 'text', text: { body: 'Olá!' }, to: '+351912345678' };
		expectSend(body, automaticKey(body));

		const { error } = await runNode(send({ to: '+351 912 345 678', text: 'Olá!' }));
		expect(error).toBeUndefined();
	});

	it('sends a template with its language, positional and named body variables and an image header', async () => {
		const body = {
			type: 'template',
			template: {
				name: 'boas_vindas',
				language: { code: 'pt_BR' },
				components: [
					{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/oferta.jpg' } }] },
					{
						type: 'body',
						parameters: [
							{ type: 'text', text: 'Maria' },
							{ type: 'text', text: '20%', parameter_name: 'desconto' },
						],
					},
				],
			},
			to: '+5511999999999',
		};
		expectSend(body, automaticKey(body), accepted({ type: 'template' }));

		const { items, error } = await runNode(
			send({
				messageType: 'template',
				template: { __rl: true, mode: 'list', value: 'boas_vindas', cachedResultName: 'boas_vindas (pt_BR)' },
				templateLanguage: 'pt_BR',
				bodyVariables: { variable: [{ value: 'Maria' }, { value: '20%', parameterName: 'desconto' }] },
				headerMediaType: 'image',
				headerMediaUrl: 'https://cdn.example.com/oferta.jpg',
			}),
		);
		expect(error).toBeUndefined();
		expect(items[0].json.type).toBe('template');
	});

	it('sends a template typed by name with a document header and no variables', async () => {
		const body = {
			type: 'template',
			template: {
				name: 'proposta_enviada',
				language: { code: 'en_US' },
				components: [
					{
						type: 'header',
						parameters: [{ type: 'document', document: { link: 'https://cdn.example.com/p.pdf', filename: 'proposta.pdf' } }],
					},
				],
			},
			to: '+5511999999999',
		};
		expectSend(body, automaticKey(body));

		const { error } = await runNode(
			send({
				messageType: 'template',
				template: { __rl: true, mode: 'name', value: 'proposta_enviada' },
				templateLanguage: 'en_US',
				headerMediaType: 'document',
				headerMediaUrl: 'https://cdn.example.com/p.pdf',
				headerFilename: 'proposta.pdf',
			}),
		);
		expect(error).toBeUndefined();
	});

	it('sends a template without components when it has no variables and no header', async () => {
		const body = { type: 'template', template: { name: 'lembrete', language: { code: 'pt_BR' } }, to: '+5511999999999' };
		expectSend(body, automaticKey(body));

		const { error } = await runNode(
			send({ messageType: 'template', template: { __rl: true, mode: 'name', value: 'lembrete' } }),
		);
		expect(error).toBeUndefined();
	});

	it.each([
		['image', { caption: 'Nossa loja' }, { link: 'https://cdn.example.com/a.jpg', caption: 'Nossa loja' }],
		['video', { caption: 'Tour' }, { link: 'https://cdn.example.com/a.jpg', caption: 'Tour' }],
		[
			'document',
			{ caption: 'Segue a proposta', filename: 'proposta.pdf' },
			{ link: 'https://cdn.example.com/a.jpg', caption: 'Segue a proposta', filename: 'proposta.pdf' },
		],
		['audio', { caption: 'ignored for audio' }, { link: 'https://cdn.example.com/a.jpg' }],
		['sticker', {}, { link: 'https://cdn.example.com/a.jpg' }],
	])('sends %s media by link with the fields that type takes', async (type, extra, media) => {
		const body = { type, [type]: media, to: '+5511999999999' };
		expectSend(body, automaticKey(body), accepted({ type }));

		const { items, error } = await runNode(
			send({ messageType: type, mediaUrl: 'https://cdn.example.com/a.jpg', ...extra }),
		);
		expect(error).toBeUndefined();
		expect(items[0].json.type).toBe(type);
	});

	it('sends a location with name and address', async () => {
		const body = {
			type: 'location',
			location: { latitude: -23.561414, longitude: -46.655881, name: 'Loja Paulista', address: 'Av. Paulista, 1000 - São Paulo' },
			to: '+5511999999999',
		};
		expectSend(body, automaticKey(body));

		const { error } = await runNode(
			send({
				messageType: 'location',
				latitude: -23.561414,
				longitude: -46.655881,
				locationName: 'Loja Paulista',
				locationAddress: 'Av. Paulista, 1000 - São Paulo',
			}),
		);
		expect(error).toBeUndefined();
	});

	it('sends a reaction to an earlier message', async () => {
		const body = { type: 'reaction', reaction: { message_id: 'wamid.ABC123', emoji: '👍' }, to: '+5511999999999' };
		expectSend(body, automaticKey(body));

		const { error } = await runNode(send({ messageType: 'reaction', reactionMessageId: 'wamid.ABC123', emoji: '👍' }));
		expect(error).toBeUndefined();
	});

	it('sends a JSON message as written, with "to" from the To field', async () => {
		const contacts = [{ name: { formatted_name: 'Suporte', first_name: 'Suporte' }, phones: [{ phone: '+551140040000' }] }];
		const body = { type: 'contacts', contacts, to: '+5511999999999' };
		expectSend(body, automaticKey(body));

		const { error } = await runNode(
			send({ messageType: 'json', messageJson: JSON.stringify({ type: 'contacts', contacts, to: '+5500000000000' }) }),
		);
		expect(error).toBeUndefined();
	});

	it('adds external_id and the reply-to context', async () => {
		const body = {
			type: 'text',
			text: { body: 'Olá, Maria!' },
			to: '+5511999999999',
			external_id: 'pedido-8734',
			context: { message_id: 'wamid.QUOTED' },
		};
		expectSend(body, automaticKey(body), accepted({ external_id: 'pedido-8734' }));

		const { items, error } = await runNode(send({ options: { externalId: 'pedido-8734', replyToMessageId: 'wamid.QUOTED' } }));
		expect(error).toBeUndefined();
		expect(items[0].json.external_id).toBe('pedido-8734');
	});
});

describe('Superlead Message → Send idempotency', () => {
	const body = { type: 'text', text: { body: 'Olá, Maria!' }, to: '+5511999999999' };

	function recordKeys(times: number): string[] {
		const keys: string[] = [];
		api()
			.post('/v1/messages', body)
			.times(times)
			.reply(function () {
				keys.push(String(this.req.headers['idempotency-key']));
				return [201, accepted()];
			});
		return keys;
	}

	it('sends the same key when the same item of the same execution runs again (Retry On Fail, re-run)', async () => {
		const keys = recordKeys(2);
		await runNode(send({}), [{}]);
		await runNode(send({}), [{}]);
		expect(keys).toEqual([automaticKey(body), automaticKey(body)]);
	});

	it('sends different keys for different items with the same message', async () => {
		const keys = recordKeys(2);
		const { items } = await runNode(send({}), [{}, {}]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(keys).toEqual([automaticKey(body, 0), automaticKey(body, 1)]);
		expect(keys[0]).not.toBe(keys[1]);
	});

	it('sends different keys in another execution and from another node', async () => {
		const keys = recordKeys(2);
		await runNode({ ...send({}), executionId: 'execution-2' });
		await runNode({ ...send({}), nodeId: 'node-2' });
		expect(keys).toEqual([automaticKey(body, 0, 'execution-2'), automaticKey(body, 0, 'execution-1', 'node-2')]);
		expect(new Set([...keys, automaticKey(body)]).size).toBe(3);
	});

	it('uses the key the user gives, as given', async () => {
		expectSend(body, 'pedido-8734');
		const { error } = await runNode(send({ options: { idempotencyKey: ' pedido-8734 ' } }));
		expect(error).toBeUndefined();
	});

	it('retries a 429 after Retry-After with the same key, so nothing is sent twice', async () => {
		const sleeps: number[] = [];
		jest.spyOn(timing, 'sleep').mockImplementation(async (ms: number) => {
			sleeps.push(ms);
		});
		const key = automaticKey(body);
		api()
			.matchHeader('idempotency-key', key)
			.post('/v1/messages', body)
			.reply(429, errorBody('rate_limit_exceeded', 'Rate limit exceeded'), { 'Retry-After': '3' });
		expectSend(body, key);

		const { items, error } = await runNode(send({}));
		expect(error).toBeUndefined();
		expect(sleeps).toEqual([3000]);
		expect(items).toEqual([{ json: accepted(), pairedItem: { item: 0 } }]);
	});

	it('explains a 409 idempotency_conflict', async () => {
		api()
			.post('/v1/messages', body)
			.reply(409, errorBody('idempotency_conflict', 'This Idempotency-Key was already used with a different request body.'));

		const { error } = await runNode(send({}));
		expect(error?.message).toBe(
			'Superlead error 409: This Idempotency-Key was already used with a different request body.',
		);
		expect(error?.description).toContain('If you set your own key, make it unique per message');
		expect(error?.description).toContain('Code: idempotency_conflict.');
		expect(error?.description).toContain('Request ID: req_7Yh2.');
	});
});

describe('Superlead Message → Send with Create Lead If Missing', () => {
	const body = { type: 'text', text: { body: 'Olá, Maria!' }, to: '+5511999999999' };
	const withLead = (extra: Record<string, unknown> = {}) =>
		send({ createLeadIfMissing: true, leadName: 'Maria Santos', ...extra });

	it('sends straight away when the lead exists', async () => {
		api().get('/v1/leads').query({ phone: '+5511999999999' }).reply(200, leadRecord());
		expectSend(body, automaticKey(body));

		const { items, error } = await runNode(withLead());
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { ...accepted(), leadCreated: false }, pairedItem: { item: 0 } }]);
	});

	it('creates the lead with its name and phone when the lookup finds none, then sends', async () => {
		const order: string[] = [];
		api()
			.get('/v1/leads')
			.query({ phone: '+5511999999999' })
			.reply(404, () => {
				order.push('lookup');
				return errorBody('lead_not_found', 'No lead matches this recipient in your company.');
			});
		api()
			.post('/v1/leads', { name: 'Maria Santos', phone: '+5511999999999' })
			.reply(201, () => {
				order.push('create');
				return leadRecord();
			});
		api()
			.matchHeader('idempotency-key', automaticKey(body))
			.post('/v1/messages', body)
			.reply(201, () => {
				order.push('send');
				return accepted();
			});

		const { items, error } = await runNode(withLead());
		expect(error).toBeUndefined();
		expect(order).toEqual(['lookup', 'create', 'send']);
		expect(items).toEqual([{ json: { ...accepted(), leadCreated: true }, pairedItem: { item: 0 } }]);
	});

	it('creates the lead when the lookup answers with an empty body', async () => {
		api().get('/v1/leads').query({ phone: '+5511999999999' }).reply(200, {});
		api().post('/v1/leads', { name: 'Maria Santos', phone: '+5511999999999' }).reply(201, leadRecord());
		expectSend(body, automaticKey(body));

		const { items, error } = await runNode(withLead());
		expect(error).toBeUndefined();
		expect(items[0].json.leadCreated).toBe(true);
	});

	it('still sends when the lead was created meanwhile (409 lead_already_exists)', async () => {
		api().get('/v1/leads').query({ phone: '+5511999999999' }).reply(404, errorBody('lead_not_found', 'No lead'));
		api()
			.post('/v1/leads', { name: 'Maria Santos', phone: '+5511999999999' })
			.reply(409, errorBody('lead_already_exists', 'A lead with this phone number already exists'));
		expectSend(body, automaticKey(body));

		const { items, error } = await runNode(withLead());
		expect(error).toBeUndefined();
		expect(items[0].json.leadCreated).toBe(false);
	});

	it('stops with the API error when the lead cannot be created, and sends nothing', async () => {
		api().get('/v1/leads').query({ phone: '+5511999999999' }).reply(404, errorBody('lead_not_found', 'No lead'));
		api()
			.post('/v1/leads', { name: 'Maria Santos', phone: '+5511999999999' })
			.reply(422, errorBody('funnel_not_configured', 'Your company has no funnel stages configured.'));

		const { error } = await runNode(withLead());
		expect(error?.message).toBe('Superlead error 422: Your company has no funnel stages configured.');
		expect(error?.description).toContain('Set up the funnel stages in the Superlead panel');
	});

	it('does not look up a BSUID', async () => {
		const bsuidBody = { ...body, to: 'BR.13491208655302741918' };
		expectSend(bsuidBody, automaticKey(bsuidBody));

		const { items, error } = await runNode(withLead({ to: 'BR.13491208655302741918' }));
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual(accepted());
	});

	it('rejects an empty Lead Name before any request', async () => {
		const { error } = await runNode(withLead({ leadName: '  ' }));
		expect(error?.message).toBe('Lead Name: it is empty [item 0]');
	});

	it('explains lead_not_found when the option is off', async () => {
		api().post('/v1/messages', body).reply(404, errorBody('lead_not_found', 'No lead matches this recipient in your company.'));

		const { error } = await runNode(send({}));
		expect(error?.message).toBe('Superlead error 404: No lead matches this recipient in your company.');
		expect(error?.description).toContain('turn on "Create Lead If Missing"');
	});
});

describe('Superlead Message → Send with Wait for Final Status', () => {
	const body = { type: 'text', text: { body: 'Olá, Maria!' }, to: '+5511999999999' };
	let clock: number;
	let sleeps: number[];

	beforeEach(() => {
		clock = Date.parse('2026-11-21T12:00:00Z');
		sleeps = [];
		jest.spyOn(timing, 'now').mockImplementation(() => clock);
		jest.spyOn(timing, 'sleep').mockImplementation(async (ms: number) => {
			sleeps.push(ms);
			clock += ms;
		});
	});

	const waiting = (extra: Record<string, unknown> = {}) =>
		send({ waitForFinalStatus: true, statusTimeout: 60, pollInterval: 5, ...extra });

	it('checks the message until it is delivered and outputs the final status', async () => {
		expectSend(body, automaticKey(body));
		api().get('/v1/messages/msg_01HZX3').reply(200, accepted());
		api().get('/v1/messages/msg_01HZX3').reply(200, accepted({ status: 'delivered' }));

		const { items, error } = await runNode(waiting());
		expect(error).toBeUndefined();
		expect(sleeps).toEqual([5000, 5000]);
		expect(items).toEqual([{ json: accepted({ status: 'delivered' }), pairedItem: { item: 0 } }]);
	});

	it('does not check again when the send already answers with a final status', async () => {
		expectSend(body, automaticKey(body), accepted({ status: 'sent' }));

		const { items, error } = await runNode(waiting());
		expect(error).toBeUndefined();
		expect(sleeps).toEqual([]);
		expect(items[0].json.status).toBe('sent');
	});

	it('makes a message that failed after being accepted an item error that says what to do', async () => {
		expectSend(body, automaticKey(body));
		api()
			.get('/v1/messages/msg_01HZX3')
			.reply(200, accepted({ status: 'failed', error: { code: 131047, message: 'Re-engagement message' } }));

		const { error } = await runNode(waiting());
		expect(sleeps).toEqual([5000]);
		expect(error?.message).toBe('Superlead message msg_01HZX3 failed');
		expect(error?.description).toBe(
			'WhatsApp said: Re-engagement message. Code: 131047. The lead has not written to you in the last 24 hours, so free-form messages are not delivered. Send an approved template instead (Message Type: Template).',
		);
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('gives a failed message as an error item with continueOnFail, and carries on with the next item', async () => {
		const second = { ...body, to: '+5511988887777' };
		expectSend(body, automaticKey(body));
		api().get('/v1/messages/msg_01HZX3').reply(200, accepted({ status: 'failed' }));
		expectSend(second, automaticKey(second, 1), accepted({ id: 'msg_02', to: '+5511988887777' }));
		api().get('/v1/messages/msg_02').reply(200, accepted({ id: 'msg_02', to: '+5511988887777', status: 'read' }));

		const { items, error } = await runNode(
			{ ...waiting({ to: '={{ $json.phone }}' }), continueOnFail: true },
			[{ phone: '11999999999' }, { phone: '11988887777' }],
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					error: 'Superlead message msg_01HZX3 failed',
					errorDescription: expect.stringContaining('The most common cause is the 24-hour window'),
				},
				pairedItem: { item: 0 },
			},
			{ json: accepted({ id: 'msg_02', to: '+5511988887777', status: 'read' }), pairedItem: { item: 1 } },
		]);
	});

	it('outputs the last status with statusTimedOut when no final status comes in time', async () => {
		expectSend(body, automaticKey(body));
		api().get('/v1/messages/msg_01HZX3').times(4).reply(200, accepted({ status: 'held_for_quality_assessment' }));

		const { items, error } = await runNode(waiting({ statusTimeout: 12, pollInterval: 5 }));
		expect(error).toBeUndefined();
		expect(sleeps).toEqual([5000, 5000, 2000]);
		expect(items).toEqual([
			{ json: { ...accepted({ status: 'held_for_quality_assessment' }), statusTimedOut: true }, pairedItem: { item: 0 } },
		]);
		// three checks were made, the fourth mocked answer is left unused
		expect(nock.pendingMocks()).toHaveLength(1);
		nock.cleanAll();
	});

	it('treats a send that answers "failed" as an item error even without waiting', async () => {
		expectSend(body, automaticKey(body), accepted({ status: 'failed' }));

		const { error } = await runNode(send({}));
		expect(error?.message).toBe('Superlead message msg_01HZX3 failed');
	});
});

describe('Superlead Message → Send errors', () => {
	it('explains outside_24h_window: send an approved template', async () => {
		api()
			.post('/v1/messages')
			.reply(422, errorBody('outside_24h_window', 'Free-form messages require the lead to have messaged you within the last 24 hours.'));

		const { error } = await runNode(send({}));
		expect(error?.message).toBe(
			'Superlead error 422: Free-form messages require the lead to have messaged you within the last 24 hours.',
		);
		expect(error?.description).toBe(
			'The lead has not written to you in the last 24 hours, so free-form messages are not delivered. Send an approved template instead (Message Type: Template). Code: outside_24h_window. Request ID: req_7Yh2.',
		);
		expect(error?.httpCode).toBe('422');
	});

	it('never shows the API key in an error', async () => {
		api().post('/v1/messages').reply(401, errorBody('invalid_api_key', `Invalid API key ${API_KEY}`));

		const { error } = await runNode(send({}));
		expect(error?.message).toBe('Superlead error 401: Invalid API key [redacted]');
		expect(`${error?.message} ${error?.description}`).not.toContain(API_KEY);
	});

	it.each([
		[{ to: '9999-99' }, 'To: "9999-99" is not a valid Brazilian phone number: it has too few digits (expected area code + number)'],
		[{ to: 'br.123' }, 'To: "br.123" looks like a BSUID but is not one'],
		[{ to: '+1 23' }, 'To: "+1 23" is not a valid international number'],
		[{ text: 'a'.repeat(4097) }, 'Text: it has 4097 characters, more than the 4096 allowed'],
		[{ text: '   ' }, 'Text: it is empty'],
		[{ messageType: 'image', mediaUrl: 'ftp://x.example.com/a.jpg' }, 'Media URL: "ftp://x.example.com/a.jpg" is not a web address'],
		[
			{ messageType: 'image', mediaUrl: 'https://x.example.com/a.jpg', caption: 'c'.repeat(1025) },
			'Caption: it has 1025 characters, more than the 1024 allowed',
		],
		[{ messageType: 'template', template: { __rl: true, mode: 'list', value: '={{ "" }}' } }, 'Template: no template was chosen'],
		[
			{ messageType: 'template', template: { __rl: true, mode: 'name', value: 't' }, bodyVariables: { variable: [{ value: 'a' }, { value: ' ' }] } },
			'Body Variables: variable 2 is empty',
		],
		[
			{ messageType: 'template', template: { __rl: true, mode: 'name', value: 't' }, headerMediaType: 'video', headerMediaUrl: '={{ "" }}' },
			'Header Media URL: it is empty',
		],
		[{ messageType: 'location', latitude: 91, longitude: 0 }, 'Latitude: 91 is outside the allowed range'],
		[{ messageType: 'reaction', reactionMessageId: 'wamid.X', emoji: '={{ "" }}' }, 'Emoji: it is empty'],
		[{ messageType: 'json', messageJson: '{"type": "contacts",' }, 'Message JSON: it is not valid JSON'],
		[{ messageType: 'json', messageJson: '{"contacts": []}' }, 'Message JSON: it has no "type"'],
		[{ options: { externalId: 'x'.repeat(256) } }, 'External ID: it has 256 characters, more than the 255 allowed'],
	])('rejects bad input %j before any request', async (parameters, message) => {
		const sendScope = api().post('/v1/messages').reply(201, accepted());

		const { error } = await runNode(send(parameters));
		expect(error?.message).toBe(`${message} [item 0]`);
		expect(error?.context?.itemIndex).toBe(0);
		expect(sendScope.isDone()).toBe(false);
		nock.cleanAll();
	});

	it('gives bad input of one item as an error item with continueOnFail and sends the others', async () => {
		const body = { type: 'text', text: { body: 'Olá, Maria!' }, to: '+5511999999999' };
		expectSend(body, automaticKey(body, 1));

		const { items, error } = await runNode({ ...send({ to: '={{ $json.phone }}' }), continueOnFail: true }, [
			{ phone: '123' },
			{ phone: '11999999999' },
		]);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					error: 'To: "123" is not a valid Brazilian phone number: it has too few digits (expected area code + number) [item 0]',
					errorDescription: expect.stringContaining('Use a Brazilian number with area code'),
				},
				pairedItem: { item: 0 },
			},
			{ json: accepted(), pairedItem: { item: 1 } },
		]);
	});
});

describe('Superlead Message → Get', () => {
	it('gets a message by its ID', async () => {
		api().get('/v1/messages/msg_01HZX3').reply(200, accepted({ status: 'read' }));

		const { items, error } = await runNode(setup({ resource: 'message', operation: 'get', messageId: ' msg_01HZX3 ' }));
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: accepted({ status: 'read' }), pairedItem: { item: 0 } }]);
	});

	it('explains message_not_found', async () => {
		api().get('/v1/messages/msg_nope').reply(404, errorBody('message_not_found', 'No message with this id exists in your company.'));

		const { error } = await runNode(setup({ resource: 'message', operation: 'get', messageId: 'msg_nope' }));
		expect(error?.message).toBe('Superlead error 404: No message with this id exists in your company.');
		expect(error?.description).toContain('it must be the "id" Superlead returned when the message was sent');
	});

	it('rejects an empty Message ID before any request', async () => {
		const { error } = await runNode(setup({ resource: 'message', operation: 'get', messageId: '={{ $json.id }}' }));
		expect(error?.message).toBe('Message ID: it is empty [item 0]');
	});
});
