// The real Superlead node and trigger against the sandbox, over real sockets.
import type { IDataObject } from 'n8n-workflow';

import { SuperleadApi } from '../../credentials/SuperleadApi.credentials';
import { timing } from '../../nodes/shared/http';
import { Superlead } from '../../nodes/Superlead/Superlead.node';
import { SuperleadTrigger } from '../../nodes/Superlead/SuperleadTrigger.node';
import { hookContext, runNode } from '../harness';
import type { Setup } from '../harness';
import type { Sandbox } from '../../dev/sandbox';
import { expectForgeriesRefused, startTriggerBridge, useSandbox } from './helpers';

const credentials = (sandbox: Sandbox, data: IDataObject = {}): Setup['credentials'] => ({
	superleadApi: { type: SuperleadApi, data: { ...sandbox.credentials.superleadApi, ...data } },
});

describe('Superlead node against the sandbox', () => {
	const sandbox = useSandbox();
	const setup = (parameters: Setup['parameters']): Setup => ({ node: Superlead, credentials: credentials(sandbox()), parameters });
	const send = (parameters: IDataObject) =>
		setup({ resource: 'message', operation: 'send', to: '(11) 99999-0001', messageType: 'text', text: 'Olá, Joao!', ...parameters });

	beforeEach(() => {
		// Polls wait through timing.sleep; the sandbox moves a status on at each GET, so no real wait is needed.
		jest.spyOn(timing, 'sleep').mockImplementation(async () => {});
	});
	afterEach(() => jest.restoreAllMocks());

	it('creates a lead with the documented body; a second one with the same phone is a 409', async () => {
		const create = () => runNode(setup({ resource: 'lead', operation: 'create', name: 'Carla Dias', phone: '(11) 97777-6666', additionalFields: { source: 'site' } }));
		const first = await create();
		expect(first.error).toBeUndefined();
		expect(first.items[0].json).toMatchObject({ name: 'Carla Dias', phone: '+5511977776666', source: 'site', funnel_stage: 'new' });
		const second = await create();
		expect(second.error?.message).toContain('already exists');
		const requests = sandbox().requests({ provider: 'superlead', path: '/v1/leads' });
		expect(requests.map((r) => [r.method, r.status])).toEqual([['POST', 201], ['POST', 409]]);
		expect(requests[0].body).toEqual({ name: 'Carla Dias', phone: '+5511977776666', source: 'site' });
		expect(requests[0].headers.authorization).toBe('Bearer sandbox-superlead-api-key');
	});

	it('looks a lead up by phone, with or without the 9th digit', async () => {
		const { items, error } = await runNode(setup({ resource: 'lead', operation: 'get', phone: '(11) 9999-0001' }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: 'lead_sandbox_0001', phone: '+5511999990001' });
		expect(sandbox().requests({ path: '/v1/leads' })[0]).toMatchObject({ method: 'GET', status: 200 });
	});

	it('sends text to a lead inside the 24 h window with an Idempotency-Key, then waits for its final status', async () => {
		const { items, error } = await runNode(send({ waitForFinalStatus: true, statusTimeout: 60, pollInterval: 1 }));
		expect(error).toBeUndefined();
		const [post, ...polls] = sandbox().requests({ provider: 'superlead' });
		expect(post).toMatchObject({ method: 'POST', path: '/v1/messages', status: 201, body: { type: 'text', text: { body: 'Olá, Joao!' }, to: '+5511999990001' } });
		expect(post.headers['idempotency-key']).toMatch(/^n8n-superlead-[0-9a-f]{40}$/);
		expect(polls.map((r) => [r.method, r.path, r.status])).toEqual([['GET', `/v1/messages/${String(items[0].json.id)}`, 200]]);
		expect(items[0].json).toMatchObject({ status: 'sent', to: '+5511999990001', type: 'text' });
	});

	it('sends to a BSUID (the contact\'s WhatsApp user id) as written', async () => {
		const { items, error } = await runNode(send({ to: 'BR.13491208655302741918' }));
		expect(error).toBeUndefined();
		expect(sandbox().requests({ path: '/v1/messages' })[0].body).toMatchObject({ to: 'BR.13491208655302741918' });
		expect(items[0].json).toMatchObject({ to: '+5511999990001', status: 'accepted' });
	});

	it('a repeated Idempotency-Key returns the original message instead of sending again', async () => {
		const parameters = send({ options: { idempotencyKey: 'pedido-8734' } });
		const first = await runNode(parameters);
		const second = await runNode(parameters);
		expect(second.items[0].json.id).toBe(first.items[0].json.id);
		expect(sandbox().state('superlead').messages.size).toBe(1);
		expect(sandbox().requests({ path: '/v1/messages' })[1].responseHeaders).toMatchObject({ 'Idempotent-Replayed': 'true' });
	});

	it('free-form text outside the 24 h window is accepted, then fails: Wait for Final Status reports it', async () => {
		const { error } = await runNode(send({ to: '(21) 98888-0002', waitForFinalStatus: true, statusTimeout: 60, pollInterval: 1 }));
		expect(error?.message).toMatch(/^Superlead message msg_.+ failed/);
		expect(error?.description).toContain('Code: 131047');
	});

	it('creates the lead when missing and sends a template to it', async () => {
		const { items, error } = await runNode(
			send({
				to: '(31) 97777-0003',
				createLeadIfMissing: true,
				leadName: 'Ana Souza',
				messageType: 'template',
				template: { __rl: true, mode: 'name', value: 'boas_vindas' },
				templateLanguage: 'pt_BR',
				bodyVariables: { variable: [{ value: 'Ana' }] },
			}),
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'accepted', type: 'template', leadCreated: true });
		expect(sandbox().requests({ provider: 'superlead' }).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'GET /v1/leads 404',
			'POST /v1/leads 201',
			'POST /v1/messages 201',
		]);
	});

	it('an unknown template is the documented 422 template_not_found', async () => {
		const { error } = await runNode(send({ messageType: 'template', template: { __rl: true, mode: 'name', value: 'nao_existe' }, templateLanguage: 'pt_BR' }));
		expect(error?.message).toContain('Template not found');
		expect(sandbox().requests({ path: '/v1/messages' })[0].responseBody).toMatchObject({ error: { code: 'template_not_found' } });
	});

	it('gets a message and lists templates', async () => {
		const sent = await runNode(send({}));
		const got = await runNode(setup({ resource: 'message', operation: 'get', messageId: String(sent.items[0].json.id) }));
		expect(got.items[0].json).toMatchObject({ id: sent.items[0].json.id, status: 'sent' });
		const templates = await runNode(setup({ resource: 'template', operation: 'getAll', returnAll: true }));
		expect(templates.error).toBeUndefined();
		expect(templates.items.map((item) => item.json.name)).toEqual(['boas_vindas', 'confirmacao_pedido', 'hello_world']);
	});
});

describe('Superlead rate limit in the sandbox', () => {
	const sandbox = useSandbox({ rateLimits: { superlead: [{ limit: 2, windowMs: 60_000 }] } });

	it('answers 429 rate_limit_exceeded with Retry-After once the window is full', async () => {
		jest.spyOn(timing, 'sleep').mockImplementation(async () => {});
		const listTemplates = async () =>
			await runNode({
				node: Superlead,
				credentials: credentials(sandbox()),
				parameters: { resource: 'template', operation: 'getAll', returnAll: true, requestOptions: { retryOnRateLimit: false } },
			});
		expect((await listTemplates()).error).toBeUndefined();
		expect((await listTemplates()).error).toBeUndefined();
		const { error } = await listTemplates();
		jest.restoreAllMocks();
		const statuses = sandbox().requests().map((r) => r.status);
		expect(statuses).toEqual([200, 200, 429]);
		const limited = sandbox().requests()[2];
		expect(Number(limited.responseHeaders['Retry-After'])).toBeGreaterThan(0);
		expect(limited.responseHeaders['X-RateLimit-Remaining']).toBe('0');
		expect(limited.responseBody).toMatchObject({ error: { code: 'rate_limit_exceeded' } });
		expect(error?.message).toContain('Rate limit');
	});
});

describe('Superlead Trigger against the sandbox', () => {
	const sandbox = useSandbox();

	it('accepts events signed with the credential secret and refuses forged ones', async () => {
		const setup: Setup = {
			node: SuperleadTrigger,
			credentials: credentials(sandbox()),
			parameters: { events: ['messageStatus'], statuses: ['delivered', 'failed'], options: {} },
		};
		const trigger = new SuperleadTrigger();
		const { context, staticData } = hookContext(setup, {});
		expect(await trigger.webhookMethods.default.create.call(context)).toBe(true);
		const bridge = await startTriggerBridge(trigger, setup, staticData);
		try {
			const valid = await sandbox().deliver({ provider: 'superlead', to: bridge.url });
			expect(valid.status).toBe(200);
			// What n8n answers the provider for an event that starts an execution (not the literal "firstEntryJson").
			expect(valid.body).toEqual({ received: true });
			expect(bridge.executions).toHaveLength(1);
			expect(bridge.executions[0][0]).toMatchObject({ event: 'whatsapp.message.status', data: { status: 'delivered' } });
			await expectForgeriesRefused(sandbox(), { provider: 'superlead', to: bridge.url }, ['signature', 'missing', 'tampered']);
			expect(bridge.executions).toHaveLength(1);
		} finally {
			await bridge.close();
		}
	});

	it('a status event for a message sent through the sandbox carries its wamid', async () => {
		const setup: Setup = { node: SuperleadTrigger, credentials: credentials(sandbox()), parameters: { events: ['messageStatus'], statuses: ['read'], options: {} } };
		const bridge = await startTriggerBridge(new SuperleadTrigger(), setup);
		try {
			const sent = await runNode({
				node: Superlead,
				credentials: credentials(sandbox()),
				parameters: { resource: 'message', operation: 'send', to: '(11) 99999-0001', messageType: 'text', text: 'Oi' },
			});
			const messageId = String(sent.items[0].json.id);
			// Not a selected status: answered, but no execution.
			expect((await sandbox().deliver({ provider: 'superlead', to: bridge.url, messageId, status: 'delivered' })).status).toBe(200);
			expect((await sandbox().deliver({ provider: 'superlead', to: bridge.url, messageId, status: 'read' })).status).toBe(200);
			expect(bridge.executions).toEqual([[expect.objectContaining({ data: expect.objectContaining({ message_id: messageId, wamid: sent.items[0].json.wamid, status: 'read' }) })]]);
		} finally {
			await bridge.close();
		}
	});

	it('with a timestamp header, a stale timestamp is refused', async () => {
		const setup: Setup = {
			node: SuperleadTrigger,
			credentials: credentials(sandbox()),
			parameters: { events: ['messageStatus'], statuses: ['delivered'], options: { timestampHeader: 'x-superlead-timestamp' } },
		};
		const bridge = await startTriggerBridge(new SuperleadTrigger(), setup);
		try {
			const fresh = await sandbox().deliver({ provider: 'superlead', to: bridge.url, timestampHeader: 'X-Superlead-Timestamp' });
			expect(fresh.status).toBe(200);
			const stale = await sandbox().deliver({ provider: 'superlead', to: bridge.url, timestampHeader: 'X-Superlead-Timestamp', forge: 'stale' });
			expect(stale.status).toBe(401);
			expect(bridge.executions).toHaveLength(1);
		} finally {
			await bridge.close();
		}
	});
});
