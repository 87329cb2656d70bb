// The real IAGENTE SDR node and trigger against the sandbox, over real sockets.
import type { IDataObject } from 'n8n-workflow';

import { IagenteSdrApi } from '../../credentials/IagenteSdrApi.credentials';
import { IagenteSdr } from '../../nodes/IagenteSdr/IagenteSdr.node';
import { IagenteSdrTrigger } from '../../nodes/IagenteSdr/IagenteSdrTrigger.node';
import { hookContext, runNode } from '../harness';
import type { Setup } from '../harness';
import { expectForgeriesRefused, startTriggerBridge, useSandbox } from './helpers';

const sandbox = useSandbox();

const credentials = (data: IDataObject = {}): Setup['credentials'] => ({
	iagenteSdrApi: { type: IagenteSdrApi, data: { ...sandbox().credentials.iagenteSdrApi, ...data } },
});
const setup = (parameters: Setup['parameters'], extra: Partial<Setup> = {}): Setup => ({
	node: IagenteSdr,
	credentials: credentials(),
	parameters,
	...extra,
});

describe('IAGENTE SDR node against the sandbox', () => {
	it('creates a lead: POST /leads with the Bearer key and the documented body, 201 with the new lead', async () => {
		const { items, error } = await runNode(
			setup({ resource: 'lead', operation: 'create', phone: '(11) 97777-6666', additionalFields: { name: 'Carla Dias', dealValue: 1200 } }),
		);
		expect(error).toBeUndefined();
		const [request] = sandbox().requests({ provider: 'iagente' });
		expect(request).toMatchObject({
			method: 'POST',
			path: '/leads',
			status: 201,
			body: { phone: '5511977776666', name: 'Carla Dias', deal_value: 1200 },
		});
		expect(request.headers.authorization).toBe('Bearer sandbox-iagente-api-key');
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: 104, phone: '5511977776666', name: 'Carla Dias', deal_value: 1200 });
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('sends the key as X-API-Key when the credential says so', async () => {
		const { error } = await runNode({
			...setup({ resource: 'lead', operation: 'get', leadId: '101' }),
			credentials: credentials({ authHeader: 'xApiKey' }),
		});
		expect(error).toBeUndefined();
		const [request] = sandbox().requests({ provider: 'iagente' });
		expect(request.headers['x-api-key']).toBe('sandbox-iagente-api-key');
		expect(request.headers.authorization).toBeUndefined();
	});

	it('a wrong key gets the sandbox 401 envelope, turned into a node error', async () => {
		const { error } = await runNode({
			...setup({ resource: 'lead', operation: 'get', leadId: '101' }),
			credentials: credentials({ apiKey: 'sandbox-wrong-key' }),
		});
		expect(sandbox().requests({ provider: 'iagente' })[0].status).toBe(401);
		expect(error?.message).toContain('Invalid API key');
	});

	it('lists leads: GET /leads with page and per_page, the sandbox paginating as documented', async () => {
		const { items, error } = await runNode(setup({ resource: 'lead', operation: 'getAll', returnAll: false, limit: 3 }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual([101, 102, 103]);
		const requests = sandbox().requests({ provider: 'iagente', path: '/leads' });
		expect(requests.map((r) => [r.method, r.query, r.status])).toEqual([['GET', { page: '1', per_page: '3' }, 200]]);
	});

	it('updates a lead with PUT and deletes it; a deleted lead is a 404', async () => {
		const updated = await runNode(setup({ resource: 'lead', operation: 'update', leadId: '102', updateFields: { name: 'Maria S. Santos' } }));
		expect(updated.error).toBeUndefined();
		expect(sandbox().requests({ method: 'PUT' })[0]).toMatchObject({ path: '/leads/102', status: 200, body: { name: 'Maria S. Santos' } });
		expect(updated.items[0].json).toMatchObject({ id: 102, name: 'Maria S. Santos' });
		expect((await runNode(setup({ resource: 'lead', operation: 'delete', leadId: '102' }))).error).toBeUndefined();
		const gone = await runNode(setup({ resource: 'lead', operation: 'get', leadId: '102' }));
		expect(gone.error?.message).toContain('Lead not found');
		expect(sandbox().requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['PUT /leads/102 200', 'DELETE /leads/102 204', 'GET /leads/102 404']);
	});

	it('sends a WhatsApp template by name with variables', async () => {
		const { items, error } = await runNode(
			setup({
				resource: 'whatsAppMessage',
				operation: 'send',
				sendTo: 'phone',
				phone: '11999990001',
				messageType: 'template',
				template: { __rl: true, mode: 'name', value: 'boas_vindas' },
				variables: { variable: [{ value: 'Joao' }] },
			}),
		);
		expect(error).toBeUndefined();
		const [request] = sandbox().requests({ provider: 'iagente', path: '/whatsapp/messages' });
		expect(request.status).toBe(201);
		expect(request.body).toEqual({ phone: '5511999990001', type: 'template', template_name: 'boas_vindas', variables: ['Joao'] });
		expect(items[0].json).toMatchObject({ channel: 'whatsapp', status: 'queued' });
	});

	it('sends an RCS text and lists WhatsApp templates', async () => {
		const rcs = await runNode(setup({ resource: 'rcsMessage', operation: 'send', sendTo: 'phone', phone: '11999990001', rcsType: 'text', text: 'Ola!' }));
		expect(rcs.error).toBeUndefined();
		expect(sandbox().requests({ path: '/rcs/messages' })[0]).toMatchObject({ status: 201, body: { phone: '5511999990001', type: 'text', text: 'Ola!' } });

		const templates = await runNode(setup({ resource: 'template', operation: 'getAll', returnAll: true, filters: { metaApproved: true } }));
		expect(templates.error).toBeUndefined();
		expect(templates.items.map((item) => item.json.name)).toEqual(['boas_vindas', 'lembrete_reuniao']);
		expect(sandbox().requests({ path: '/whatsapp/templates' })[0].query).toMatchObject({ meta_approved: 'true' });
	});

	it('creates, lists and deletes a webhook; the secret is handed out once', async () => {
		const created = await runNode(
			setup({ resource: 'webhook', operation: 'create', name: 'Sandbox', url: 'https://n8n.example.com/hook', events: ['lead.created'] }),
		);
		expect(created.error).toBeUndefined();
		const id = String(created.items[0].json.id);
		const listed = await runNode(setup({ resource: 'webhook', operation: 'getAll' }));
		expect(listed.items.map((item) => item.json)).toEqual([expect.objectContaining({ id: Number(id), url: 'https://n8n.example.com/hook' })]);
		expect(listed.items[0].json.signing_secret).toBeUndefined();
		const removed = await runNode(setup({ resource: 'webhook', operation: 'delete', webhookId: id }));
		expect(removed.error).toBeUndefined();
		expect(sandbox().requests({ method: 'DELETE' })[0]).toMatchObject({ path: `/webhooks/${id}`, status: 204 });
		expect(sandbox().state('iagente').webhooks).toEqual([]);
	});

	it('refuses a webhook with an unknown event with the documented 422 envelope', async () => {
		const response = await fetch(`${sandbox().credentials.iagenteSdrApi.baseUrl}/webhooks`, {
			method: 'POST',
			headers: { Authorization: 'Bearer sandbox-iagente-api-key', 'Content-Type': 'application/json' },
			body: JSON.stringify({ name: 'x', url: 'https://example.com', events: ['lead.deleted'] }),
		});
		expect(response.status).toBe(422);
		expect(await response.json()).toEqual({
			error: { code: 'validation_error', message: 'The given data was invalid.', details: { events: [expect.stringContaining('lead.deleted')] } },
		});
	});
});

describe('IAGENTE SDR Trigger against the sandbox', () => {
	const triggerSetup = (): Setup => ({ node: IagenteSdrTrigger, credentials: credentials(), parameters: { events: ['message.received', 'lead.created'] } });

	async function activate() {
		const trigger = new IagenteSdrTrigger();
		const { context, staticData } = hookContext(triggerSetup(), {});
		const methods = trigger.webhookMethods.default;
		expect(await methods.checkExists.call(context)).toBe(false);
		expect(await methods.create.call(context)).toBe(true);
		const bridge = await startTriggerBridge(trigger, triggerSetup(), staticData);
		return { bridge, registeredUrl: 'https://n8n.example.com/webhook/abc123/webhook', staticData, context, methods };
	}

	it('registers itself (GET then POST /webhooks) and accepts only correctly signed deliveries', async () => {
		const { bridge, registeredUrl, staticData } = await activate();
		try {
			const registration = sandbox().requests({ provider: 'iagente', path: '/webhooks' });
			expect(registration.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'POST 201']);
			expect(registration[1].body).toMatchObject({ url: registeredUrl, events: ['message.received', 'lead.created'] });
			expect(staticData().signingSecret).toMatch(/^whsec_sandbox_/);

			const valid = await sandbox().deliver({ provider: 'iagente', to: bridge.url, registeredUrl, event: 'message.received' });
			expect(valid.status).toBe(200);
			// What n8n answers the provider for an event that starts an execution (not the literal "firstEntryJson").
			expect(valid.body).toEqual({ received: true });
			expect(valid.sent.headers['X-Webhook-Signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
			expect(bridge.executions).toHaveLength(1);
			expect(bridge.executions[0][0]).toMatchObject({ event: 'message.received', data: { lead: { id: 101 } } });

			await expectForgeriesRefused(sandbox(), { provider: 'iagente', to: bridge.url, registeredUrl }, ['signature', 'missing', 'tampered']);
			expect(bridge.executions).toHaveLength(1);
			await expect(sandbox().deliver({ provider: 'iagente', to: bridge.url, registeredUrl, forge: 'stale' })).rejects.toThrow('no timestamp');
		} finally {
			await bridge.close();
		}
	});

	it('the registration is found again on restart and removed on deactivation', async () => {
		const { bridge, context, methods } = await activate();
		await bridge.close();
		expect(await methods.checkExists.call(context)).toBe(true);
		expect(await methods.delete.call(context)).toBe(true);
		expect(sandbox().state('iagente').webhooks).toEqual([]);
	});

	it('the Webhook → Test operation makes the sandbox post a signed test event that the trigger accepts', async () => {
		const bridge = await startTriggerBridge(new IagenteSdrTrigger(), triggerSetup(), () => {
			const [hook] = sandbox().state('iagente').webhooks;
			return { webhookId: String(hook.id), signingSecret: hook.signing_secret, events: hook.events };
		});
		try {
			const created = await runNode(setup({ resource: 'webhook', operation: 'create', name: 'Bridge', url: bridge.url, events: ['lead.created'] }));
			expect(created.error).toBeUndefined();
			const tested = await runNode(setup({ resource: 'webhook', operation: 'test', webhookId: String(created.items[0].json.id) }));
			expect(tested.items[0].json).toMatchObject({ event: 'lead.created', delivered: true, status_code: 200 });
			expect(bridge.executions).toHaveLength(1);
			expect(bridge.executions[0][0]).toMatchObject({ event: 'lead.created' });
			// Without an event, deliver() sends one the webhook subscribed to (lead.created here), as IAGENTE only sends those.
			const defaulted = await sandbox().deliver({ provider: 'iagente', to: bridge.url });
			expect(defaulted).toMatchObject({ status: 200, sent: { event: 'lead.created' } });
			expect(bridge.executions).toHaveLength(2);
		} finally {
			await bridge.close();
		}
	});

	it('refuses to deliver to a URL no trigger registered', async () => {
		await expect(sandbox().deliver({ provider: 'iagente', to: 'http://127.0.0.1:9/nowhere' })).rejects.toThrow('no IAGENTE webhook is registered');
	});
});
