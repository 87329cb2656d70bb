import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { IagenteSdrTrigger } from '../../nodes/IagenteSdr/IagenteSdrTrigger.node';
import { computeHmac } from '../../nodes/shared/signature';
import { hookContext, webhookContext } from '../harness';
import { API_KEY, BASE, BASE_PATH, credentials } from './fixtures';

const SECRET = 'whsec_example_placeholder';
const URL = 'https://n8n.example.com/webhook/abc123/webhook';
const trigger = new IagenteSdrTrigger();
const methods = trigger.webhookMethods.default;

const setup = (events: string[] = ['lead.created', 'message.received']) => ({
	node: IagenteSdrTrigger,
	credentials: credentials(),
	parameters: { events },
});

const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } });

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

function deliver(
	body: string,
	headers: Record<string, string>,
	events?: string[],
	stored: IDataObject = { signingSecret: SECRET, webhookId: '5' },
	options: INodeParameters = {},
) {
	const { context, captured } = webhookContext(
		{ ...setup(events), parameters: { events: events ?? ['lead.created', 'message.received'], options } },
		{ headers, rawBody: Buffer.from(body, 'utf8') },
		stored,
	);
	return { run: async () => await trigger.webhook.call(context), captured };
}

const sign = (body: string, secret = SECRET) => `sha256=${computeHmac(secret, Buffer.from(body, 'utf8'))}`;

describe('IAGENTE SDR Trigger webhook', () => {
	const body = JSON.stringify({ event: 'lead.created', data: { id: 123, name: 'Joao Silva' } });

	it('starts the workflow for a correctly signed event', async () => {
		const { run, captured } = deliver(body, { 'X-Webhook-Signature': sign(body) });
		const result = await run();
		expect(captured.statusCode).toBeUndefined();
		expect(result.workflowData?.[0]).toEqual([{ json: { event: 'lead.created', data: { id: 123, name: 'Joao Silva' } } }]);
	});

	it('accepts a body with Portuguese accents, signed over its UTF-8 bytes', async () => {
		const accented = JSON.stringify({ event: 'message.received', data: { text: 'Olá! Gostaria de uma cotação, João' } });
		const { run } = deliver(accented, { 'x-webhook-signature': sign(accented) });
		const result = await run();
		expect(result.workflowData?.[0][0].json).toEqual({
			event: 'message.received',
			data: { text: 'Olá! Gostaria de uma cotação, João' },
		});
	});

	it('answers 401 and starts nothing when the signature was made with another secret', async () => {
		const { run, captured } = deliver(body, { 'x-webhook-signature': sign(body, 'whsec_other_placeholder') });
		const result = await run();
		expect(result).toEqual({ noWebhookResponse: true });
		expect(captured).toEqual({ statusCode: 401, body: { error: 'Invalid signature' }, ended: true });
	});

	it('answers 401 when the signature header is missing', async () => {
		const { run, captured } = deliver(body, {});
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(captured.statusCode).toBe(401);
	});

	it('answers 401 when the body was changed after signing', async () => {
		const tampered = body.replace('Joao Silva', 'Joao Silvb');
		const { run, captured } = deliver(tampered, { 'x-webhook-signature': sign(body) });
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(captured.statusCode).toBe(401);
	});

	it('answers 401 when no signing secret is stored (the trigger was never registered)', async () => {
		const { run, captured } = deliver(body, { 'x-webhook-signature': sign(body) }, undefined, {} as never);
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(captured).toEqual({ statusCode: 401, body: { error: 'Webhook not registered' }, ended: true });
	});

	it('answers 401 when the stored signing secret is only spaces, even for a request signed with those spaces', async () => {
		const blank = '    ';
		const { run, captured } = deliver(body, { 'x-webhook-signature': sign(body, blank) }, undefined, { signingSecret: blank, webhookId: '5' });
		expect(await run()).toEqual({ noWebhookResponse: true });
		expect(captured).toEqual({ statusCode: 401, body: { error: 'Webhook not registered' }, ended: true });
	});

	it('answers 400 and starts nothing for a correctly signed body that is not a JSON object', async () => {
		for (const raw of ['[{"event":"lead.created"}]', '"lead.created"', 'null', '42', 'event=lead.created', '']) {
			const { context, captured } = webhookContext(
				setup(),
				{ headers: { 'x-webhook-signature': sign(raw) }, rawBody: Buffer.from(raw, 'utf8'), body: undefined },
				{ signingSecret: SECRET, webhookId: '5' },
			);
			expect(await trigger.webhook.call(context)).toEqual({ noWebhookResponse: true });
			expect(captured).toEqual({ statusCode: 400, body: { error: 'Malformed body: expected a JSON object' }, ended: true });
		}
	});

	it('reads a correctly signed JSON body that n8n did not parse (no content type)', async () => {
		const { context } = webhookContext(
			setup(),
			{ headers: { 'x-webhook-signature': sign(body) }, rawBody: Buffer.from(body, 'utf8'), body: undefined },
			{ signingSecret: SECRET, webhookId: '5' },
		);
		expect((await trigger.webhook.call(context)).workflowData?.[0][0].json).toEqual(JSON.parse(body));
	});

	it('accepts an exact replay by default, since IAGENTE SDR signs no timestamp', async () => {
		const stored = { signingSecret: SECRET, webhookId: '5' };
		const headers = { 'x-webhook-signature': sign(body) };
		expect((await deliver(body, headers, undefined, stored).run()).workflowData).toHaveLength(1);
		expect((await deliver(body, headers, undefined, stored).run()).workflowData).toHaveLength(1);
	});

	it('runs once for a repeated event ID when Ignore Repeated Deliveries is on', async () => {
		const stored: IDataObject = { signingSecret: SECRET, webhookId: '5' };
		const options = { ignoreRepeats: true, eventIdField: 'data.event_id' };
		const first = JSON.stringify({ event: 'lead.created', data: { id: 1, event_id: 'evt-1' } });
		const second = JSON.stringify({ event: 'lead.updated', data: { id: 1, event_id: 'evt-2' } });
		const run = async (raw: string) => await deliver(raw, { 'x-webhook-signature': sign(raw) }, ['lead.created', 'lead.updated'], stored, options).run();
		expect((await run(first)).workflowData).toHaveLength(1);
		expect(await run(first)).toEqual({ webhookResponse: { received: true, ignored: 'repeated delivery' } });
		expect((await run(second)).workflowData).toHaveLength(1);
		expect(stored.recentEventIds).toEqual(['evt-1', 'evt-2']);
	});

	it('lets an event through when Ignore Repeated Deliveries is on but the event has no such field', async () => {
		const stored: IDataObject = { signingSecret: SECRET, webhookId: '5' };
		const options = { ignoreRepeats: true, eventIdField: 'event_id' };
		const headers = { 'x-webhook-signature': sign(body) };
		expect((await deliver(body, headers, undefined, stored, options).run()).workflowData).toHaveLength(1);
		expect((await deliver(body, headers, undefined, stored, options).run()).workflowData).toHaveLength(1);
		expect(stored.recentEventIds).toBeUndefined();
	});

	it('does not remember an event ID of a request whose signature is wrong', async () => {
		const stored: IDataObject = { signingSecret: SECRET, webhookId: '5' };
		const raw = JSON.stringify({ event: 'lead.created', event_id: 'evt-9' });
		const options = { ignoreRepeats: true, eventIdField: 'event_id' };
		await deliver(raw, { 'x-webhook-signature': sign(raw, 'whsec_other_placeholder') }, undefined, stored, options).run();
		expect(stored.recentEventIds).toBeUndefined();
		expect((await deliver(raw, { 'x-webhook-signature': sign(raw) }, undefined, stored, options).run()).workflowData).toHaveLength(1);
	});

	it('acknowledges an event that is not selected without starting the workflow', async () => {
		const qualified = JSON.stringify({ event: 'lead.qualified', data: { id: 1 } });
		const { run, captured } = deliver(qualified, { 'x-webhook-signature': sign(qualified) }, ['lead.created']);
		const result = await run();
		expect(result.workflowData).toBeUndefined();
		expect(result.webhookResponse).toEqual({ received: true, ignored: 'event "lead.qualified" is not selected' });
		expect(captured.statusCode).toBeUndefined();
	});
});

describe('IAGENTE SDR Trigger registration', () => {
	const events = ['lead.created', 'message.received'];

	it('create registers the n8n URL with the selected events and keeps the id and secret', async () => {
		api()
			.post(`${BASE_PATH}/webhooks`, { name: 'n8n: Test workflow', url: URL, events })
			.reply(201, { data: { id: 9, url: URL, events, signing_secret: SECRET } });
		const { context, staticData } = hookContext(setup(events), {});
		expect(await methods.create.call(context)).toBe(true);
		expect(staticData()).toEqual({ webhookId: '9', signingSecret: SECRET, events });
	});

	it('refuses to activate with Ignore Repeated Deliveries on and no Event ID Field, before registering anything', async () => {
		const { context } = hookContext({ ...setup(events), parameters: { events, options: { ignoreRepeats: true, eventIdField: ' ' } } }, {});
		await expect(methods.create.call(context)).rejects.toThrow('Ignore Repeated Deliveries is on, but Event ID Field is empty');
	});

	it('create fails clearly when no signing secret comes back', async () => {
		api().post(`${BASE_PATH}/webhooks`).reply(201, { id: 9 });
		const { context } = hookContext(setup(events), {});
		await expect(methods.create.call(context)).rejects.toThrow(
			'IAGENTE SDR registered the webhook but returned no ID or signing secret',
		);
	});

	it('create fails clearly when the signing secret that comes back is only spaces', async () => {
		api().post(`${BASE_PATH}/webhooks`).reply(201, { id: 9, signing_secret: '   ' });
		const data = {};
		const { context } = hookContext(setup(events), data);
		await expect(methods.create.call(context)).rejects.toThrow(
			'IAGENTE SDR registered the webhook but returned no ID or signing secret',
		);
		expect(data).toEqual({});
	});

	it('checkExists registers afresh when the stored secret is only spaces', async () => {
		api()
			.get(`${BASE_PATH}/webhooks`)
			.reply(200, { data: [{ id: 9, url: URL, events }] })
			.delete(`${BASE_PATH}/webhooks/9`)
			.reply(204);
		const { context } = hookContext(setup(events), { webhookId: '9', signingSecret: '  ', events });
		expect(await methods.checkExists.call(context)).toBe(false);
	});

	it('checkExists finds its own registration with the same events', async () => {
		api()
			.get(`${BASE_PATH}/webhooks`)
			.reply(200, { data: [{ id: 3, url: 'https://other.example.com' }, { id: 9, url: URL, events }] });
		const { context } = hookContext(setup(events), { webhookId: '9', signingSecret: SECRET, events });
		expect(await methods.checkExists.call(context)).toBe(true);
	});

	it('checkExists says no when nothing is registered for this URL', async () => {
		api().get(`${BASE_PATH}/webhooks`).reply(200, { data: [{ id: 3, url: 'https://other.example.com' }] });
		const { context } = hookContext(setup(events), {});
		expect(await methods.checkExists.call(context)).toBe(false);
	});

	it('checkExists removes a registration for this URL whose events changed, so create starts fresh', async () => {
		api()
			.get(`${BASE_PATH}/webhooks`)
			.reply(200, { data: [{ id: 9, url: URL, events: ['lead.created'] }] })
			.delete(`${BASE_PATH}/webhooks/9`)
			.reply(204);
		const { context, staticData } = hookContext(setup(events), { webhookId: '9', signingSecret: SECRET, events: ['lead.created'] });
		expect(await methods.checkExists.call(context)).toBe(false);
		expect(staticData()).toEqual({});
	});

	it('delete removes the registration and forgets the secret', async () => {
		api().delete(`${BASE_PATH}/webhooks/9`).reply(204);
		const { context, staticData } = hookContext(setup(events), { webhookId: '9', signingSecret: SECRET, events });
		expect(await methods.delete.call(context)).toBe(true);
		expect(staticData()).toEqual({});
	});

	it('delete treats an already removed webhook as removed', async () => {
		api().delete(`${BASE_PATH}/webhooks/9`).reply(404, { error: { code: 'not_found', message: 'Not found' } });
		const { context, staticData } = hookContext(setup(events), { webhookId: '9', signingSecret: SECRET, events });
		expect(await methods.delete.call(context)).toBe(true);
		expect(staticData()).toEqual({});
	});

	it('delete logs and reports failure when IAGENTE SDR refuses, keeping the id to retry', async () => {
		api().delete(`${BASE_PATH}/webhooks/9`).reply(500, { error: { message: 'Internal error' } });
		const { context, staticData } = hookContext(setup(events), { webhookId: '9', signingSecret: SECRET, events });
		const logged = jest.spyOn(context.logger, 'error').mockImplementation(() => {});
		expect(await methods.delete.call(context)).toBe(false);
		expect(logged).toHaveBeenCalledWith(expect.stringContaining('could not remove webhook 9'));
		expect(staticData()).toEqual({ webhookId: '9', signingSecret: SECRET, events });
	});
});
