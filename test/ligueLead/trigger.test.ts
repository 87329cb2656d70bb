import type { IDataObject } from 'n8n-workflow';

import { LigueLeadApi } from '../../credentials/LigueLeadApi.credentials';
import { LigueLeadTrigger } from '../../nodes/LigueLead/LigueLeadTrigger.node';
import { hookContext, webhookContext } from '../harness';
import type { Setup, WebhookRequest } from '../harness';
import { credentials } from './fixtures';

const TOKEN = 'example-trigger-token-0001';
const OLD_FINGERPRINT = '0123456789abcdef';

const triggerSetup = (parameters: Setup['parameters'] = {}, token: string = TOKEN): Setup => ({
	node: LigueLeadTrigger,
	credentials: credentials({ webhookToken: token }),
	parameters: { ...parameters },
});

const event = (campaign: IDataObject = {}, extra: IDataObject = {}): IDataObject => ({
	event: 'campaign.status',
	app_id: 'example-app-id-0001',
	occurred_at: '2026-02-02T12:00:15.400Z',
	campaign: {
		id: '3b4f7c5e-7e2d-4157-b542-5eb2155455c5',
		type: 'sms',
		source: 'api',
		phone: '+5513991884678',
		credits_required: 1,
		sent_at: '2026-02-02',
		status: 'delivered',
		message: 'Olá! Seu pedido foi entregue.',
		is_flash: false,
		...campaign,
	},
	...extra,
});

async function deliver(setup: Setup, body: IDataObject, query: IDataObject) {
	const rawBody = Buffer.from(JSON.stringify(body), 'utf8');
	const { context, captured } = webhookContext(setup, {
		headers: { 'content-type': 'application/json' },
		rawBody,
		query,
	});
	const response = await new LigueLeadTrigger().webhook.call(context);
	return { response, captured };
}

describe('LigueLead Trigger: token', () => {
	it('starts one execution with a dedupe key for an event with the right token', async () => {
		const body = event();
		const { response, captured } = await deliver(triggerSetup(), body, { token: TOKEN });
		expect(captured.statusCode).toBeUndefined();
		expect(response.workflowData).toEqual([
			[{ json: { ...body, dedupeKey: '3b4f7c5e-7e2d-4157-b542-5eb2155455c5:delivered:2026-02-02T12:00:15.400Z' } }],
		]);
	});

	it('answers 401 and starts nothing for a wrong token', async () => {
		const { response, captured } = await deliver(triggerSetup(), event(), { token: 'example-trigger-token-0002' });
		expect(response).toEqual({ noWebhookResponse: true });
		expect(captured).toEqual({ statusCode: 401, body: { error: 'Invalid token' }, ended: true });
	});

	it('answers 401 and starts nothing without a token', async () => {
		const { response, captured } = await deliver(triggerSetup(), event(), {});
		expect(response.workflowData).toBeUndefined();
		expect(captured).toEqual({ statusCode: 401, body: { error: 'Missing token' }, ended: true });
	});

	it('refuses a token that only starts like the right one', async () => {
		const { captured } = await deliver(triggerSetup(), event(), { token: TOKEN.slice(0, -1) });
		expect(captured.statusCode).toBe(401);
	});

	it('refuses a token sent twice in the query', async () => {
		const { captured } = await deliver(triggerSetup(), event(), { token: [TOKEN, TOKEN] });
		expect(captured.statusCode).toBe(401);
	});

	it('refuses everything, at every request, while the credential token is too short, empty or only spaces', async () => {
		for (const weak of ['short', 'fifteen-chars15', '', ' '.repeat(20), `   ${'x'.repeat(15)}   `]) {
			const { response, captured } = await deliver(triggerSetup({}, weak), event(), { token: weak });
			expect(response).toEqual({ noWebhookResponse: true });
			expect(captured).toEqual({ statusCode: 401, body: { error: 'Trigger token not configured' }, ended: true });
		}
	});

	it('accepts a token of exactly 16 characters, and ignores spaces pasted around it in the credential', async () => {
		const sixteen = 'abcdefghij123456';
		expect((await deliver(triggerSetup({}, sixteen), event(), { token: sixteen })).response.workflowData).toHaveLength(1);
		expect((await deliver(triggerSetup({}, ` ${sixteen}\n`), event(), { token: sixteen })).response.workflowData).toHaveLength(1);
	});

	it('has no token parameter in the node: the token lives only in the credential, in a password field', () => {
		const names = new LigueLeadTrigger().description.properties.map((property) => property.name);
		expect(names).not.toContain('token');
		expect(new LigueLeadTrigger().description.credentials).toEqual([{ name: 'ligueLeadApi', required: true }]);
		const field = new LigueLeadApi().properties.find((property) => property.name === 'webhookToken');
		expect(field?.typeOptions).toEqual({ password: true });
		expect(field?.default).toBe('');
		expect(field?.description).toContain('openssl rand -hex 24');
	});

	it('ignores the token parameter an older version kept in the node', async () => {
		const oldValue = 'old-token-from-the-node-0001';
		const old = triggerSetup({ token: oldValue });
		const { captured } = await deliver(old, event(), { token: oldValue });
		expect(captured).toEqual({ statusCode: 401, body: { error: 'Invalid token' }, ended: true });
	});

	it('refuses the right token in a header or in the path instead of the query', async () => {
		const rawBody = Buffer.from(JSON.stringify(event()), 'utf8');
		const requests: WebhookRequest[] = [
			{ headers: { token: TOKEN, 'x-token': TOKEN, authorization: `Bearer ${TOKEN}` }, rawBody, query: {} },
			{ headers: {}, rawBody, query: { [`token=${TOKEN}`]: '' } },
			{ headers: {}, rawBody, query: { TOKEN } },
		];
		for (const request of requests) {
			const { context, captured } = webhookContext(triggerSetup(), request);
			expect(await new LigueLeadTrigger().webhook.call(context)).toEqual({ noWebhookResponse: true });
			expect(captured.statusCode).toBe(401);
		}
	});
});

describe('LigueLead Trigger: payload and filters', () => {
	it('passes Portuguese accents in the body through unchanged', async () => {
		const body = event({ message: 'Promoção válida até amanhã: não perca! Ação às 9h' });
		const { response } = await deliver(triggerSetup(), body, { token: TOKEN });
		const [[item]] = response.workflowData ?? [[]];
		expect((item.json.campaign as IDataObject).message).toBe('Promoção válida até amanhã: não perca! Ação às 9h');
	});

	it('reads the event from the raw bytes when n8n did not parse the body', async () => {
		const body = event({ message: 'Olá, você' });
		const rawBody = Buffer.from(JSON.stringify(body), 'utf8');
		const { context } = webhookContext(triggerSetup(), { headers: { 'content-type': 'text/plain' }, rawBody, body: {}, query: { token: TOKEN } });
		const response = await new LigueLeadTrigger().webhook.call(context);
		expect(response.workflowData?.[0][0].json.dedupeKey).toBe('3b4f7c5e-7e2d-4157-b542-5eb2155455c5:delivered:2026-02-02T12:00:15.400Z');
	});

	it('answers 200 without an execution for a status that is not selected', async () => {
		const { response, captured } = await deliver(
			triggerSetup({ statuses: ['delivered', 'failed'] }),
			event({ status: 'sent' }),
			{ token: TOKEN },
		);
		expect(captured.statusCode).toBeUndefined();
		expect(response).toEqual({ webhookResponse: { received: true, ignored: 'status "sent" is not selected' } });
	});

	it('accepts a selected status and an additional undocumented one', async () => {
		const setup = triggerSetup({ statuses: ['failed'], options: { additionalStatuses: 'answered, busy' } });
		expect((await deliver(setup, event({ status: 'failed' }), { token: TOKEN })).response.workflowData).toHaveLength(1);
		expect((await deliver(setup, event({ type: 'voice', status: 'Answered' }), { token: TOKEN })).response.workflowData).toHaveLength(1);
		expect((await deliver(setup, event({ status: 'delivered' }), { token: TOKEN })).response.workflowData).toBeUndefined();
	});

	it('ignores a channel that is not selected', async () => {
		const { response } = await deliver(triggerSetup({ channels: ['sms'] }), event({ type: 'voice' }), { token: TOKEN });
		expect(response).toEqual({ webhookResponse: { received: true, ignored: 'channel "voice" is not selected' } });
	});

	it('accepts RCS events by default', async () => {
		const { response } = await deliver(triggerSetup(), event({ type: 'rcs', status: 'read' }), { token: TOKEN });
		expect(response.workflowData?.[0][0].json.dedupeKey).toBe('3b4f7c5e-7e2d-4157-b542-5eb2155455c5:read:2026-02-02T12:00:15.400Z');
	});

	it('ignores events other than campaign.status', async () => {
		const { response } = await deliver(triggerSetup(), event({}, { event: 'account.updated' }), { token: TOKEN });
		expect(response).toEqual({ webhookResponse: { received: true, ignored: 'event "account.updated" is not campaign.status' } });
	});
});

describe('LigueLead Trigger: lifecycle', () => {
	it('creates, then finds, then deletes its registration without keeping the token', async () => {
		const trigger = new LigueLeadTrigger();
		const data: IDataObject = {};
		const { context, staticData } = hookContext(triggerSetup(), data);
		expect(await trigger.webhookMethods.default.checkExists.call(context)).toBe(false);
		expect(await trigger.webhookMethods.default.create.call(context)).toBe(true);
		expect(staticData()).toEqual({ webhookUrl: 'https://n8n.example.com/webhook/abc123/webhook' });
		expect(await trigger.webhookMethods.default.checkExists.call(context)).toBe(true);
		expect(await trigger.webhookMethods.default.delete.call(context)).toBe(true);
		expect(staticData()).toEqual({});
		expect(await trigger.webhookMethods.default.checkExists.call(context)).toBe(false);
	});

	it('reads the credential token at every request, so a changed token takes effect without reactivation', async () => {
		const changed = triggerSetup({}, 'example-trigger-token-0009');
		expect((await deliver(changed, event(), { token: TOKEN })).captured.statusCode).toBe(401);
		expect((await deliver(changed, event(), { token: 'example-trigger-token-0009' })).response.workflowData).toHaveLength(1);
	});

	it('drops the token fingerprint an older version kept in static data', async () => {
		const trigger = new LigueLeadTrigger();
		const { context, staticData } = hookContext(triggerSetup(), { tokenFingerprint: OLD_FINGERPRINT });
		expect(await trigger.webhookMethods.default.checkExists.call(context)).toBe(false);
		await trigger.webhookMethods.default.create.call(context);
		expect(staticData().tokenFingerprint).toBeUndefined();
	});

	it('refuses to activate with a credential token shorter than 16 characters, empty or only spaces', async () => {
		for (const weak of ['abc', '', ' '.repeat(32)]) {
			const { context } = hookContext(triggerSetup({}, weak), {});
			const activation = new LigueLeadTrigger().webhookMethods.default.create.call(context);
			await expect(activation).rejects.toThrow("The LigueLead credential's Webhook Token is empty or has fewer than 16 characters");
		}
		const { context } = hookContext(triggerSetup({}, 'abc'), {});
		await expect(new LigueLeadTrigger().webhookMethods.default.create.call(context)).rejects.toMatchObject({
			description: expect.stringContaining('openssl rand -hex 24'),
		});
	});
});
