import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { LigueLeadTrigger } from '../../nodes/LigueLead/LigueLeadTrigger.node';
import { hookContext, webhookContext } from '../harness';
import type { Setup } from '../harness';

const TOKEN = 'example-trigger-token-0001';

const triggerSetup = (parameters: Setup['parameters'] = {}, extra: Partial<Setup> = {}): Setup => ({
	node: LigueLeadTrigger,
	credentials: {},
	parameters: { token: TOKEN, ...parameters },
	...extra,
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

	it('refuses everything while the token is too short', async () => {
		const { captured } = await deliver(triggerSetup({ token: 'short' }), event(), { token: 'short' });
		expect(captured).toEqual({ statusCode: 401, body: { error: 'Trigger token not configured' }, ended: true });
	});

	it('by default derives a 64-character token from the node ID, different for each trigger', async () => {
		const expected = createHash('sha256').update('node-7').digest('hex');
		const own = await deliver(triggerSetup({ token: undefined }, { nodeId: 'node-7' }), event(), { token: expected });
		expect(own.response.workflowData).toHaveLength(1);
		const other = await deliver(triggerSetup({ token: undefined }, { nodeId: 'node-8' }), event(), { token: expected });
		expect(other.captured.statusCode).toBe(401);
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
		expect(staticData().tokenFingerprint).toMatch(/^[0-9a-f]{16}$/);
		expect(JSON.stringify(staticData())).not.toContain(TOKEN);
		expect(await trigger.webhookMethods.default.checkExists.call(context)).toBe(true);
		expect(await trigger.webhookMethods.default.delete.call(context)).toBe(true);
		expect(staticData()).toEqual({});
		expect(await trigger.webhookMethods.default.checkExists.call(context)).toBe(false);
	});

	it('registers again when the token changed', async () => {
		const trigger = new LigueLeadTrigger();
		const data: IDataObject = {};
		const first = hookContext(triggerSetup(), data);
		await trigger.webhookMethods.default.create.call(first.context);
		const changed = hookContext(triggerSetup({ token: 'example-trigger-token-0009' }), first.staticData());
		expect(await trigger.webhookMethods.default.checkExists.call(changed.context)).toBe(false);
	});

	it('refuses to activate with a token shorter than 16 characters', async () => {
		const { context } = hookContext(triggerSetup({ token: 'abc' }), {});
		await expect(new LigueLeadTrigger().webhookMethods.default.create.call(context)).rejects.toThrow(
			'Token: it has fewer than 16 characters',
		);
	});
});
