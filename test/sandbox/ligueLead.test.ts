// The real LigueLead node and trigger against the sandbox, over real sockets.
import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';

import { LigueLeadApi } from '../../credentials/LigueLeadApi.credentials';
import { LigueLead } from '../../nodes/LigueLead/LigueLead.node';
import { LigueLeadTrigger } from '../../nodes/LigueLead/LigueLeadTrigger.node';
import { runNode } from '../harness';
import type { Setup } from '../harness';
import { expectForgeriesRefused, startTriggerBridge, useSandbox } from './helpers';

const sandbox = useSandbox();

const credentials = (data: IDataObject = {}): Setup['credentials'] => ({
	ligueLeadApi: { type: LigueLeadApi, data: { ...sandbox().credentials.ligueLeadApi, ...data } },
});
const setup = (parameters: Setup['parameters'], extra: Partial<Setup> = {}): Setup => ({ node: LigueLead, credentials: credentials(), parameters, ...extra });

const audio = (content: Buffer, mimeType: string, fileName: string): IBinaryKeyData => ({
	data: { data: content.toString('base64'), mimeType, fileName },
});

describe('LigueLead node against the sandbox', () => {
	it('sends an SMS: POST /sms with api-token and app-id, 202 with the campaign id', async () => {
		const { items, error } = await runNode(
			setup({ resource: 'sms', operation: 'send', title: 'Welcome Campaign', message: 'Bem-vindo!', phones: '11999999999, (21) 98888-8888' }),
		);
		expect(error).toBeUndefined();
		const [request] = sandbox().requests({ provider: 'liguelead' });
		expect(request).toMatchObject({ method: 'POST', path: '/sms', status: 202 });
		expect(request.body).toMatchObject({ title: 'Welcome Campaign', message: 'Bem-vindo!', phones: ['11999999999', '21988888888'] });
		expect(request.headers).toMatchObject({ 'api-token': 'sandbox-liguelead-api-token', 'app-id': 'sandbox-app-id' });
		const campaign = sandbox().state('liguelead').campaigns[0];
		expect(items[0].json).toMatchObject({ campaign_id: campaign.id });
	});

	it('wrong credentials get a 401 with LigueLead\'s error text', async () => {
		const { error } = await runNode({
			...setup({ resource: 'sms', operation: 'send', title: 'T', message: 'Oi', phones: '11999999999' }),
			credentials: credentials({ appId: 'sandbox-other-app' }),
		});
		expect(sandbox().requests()[0].status).toBe(401);
		expect(error?.message).toContain('invalid api-token or app-id');
	});

	it('uploads an MP3 as multipart (title + file with its audio type), then sends a voice campaign with it', async () => {
		const mp3 = Buffer.from('ID3\u0003\u0000\u0000\u0000sandbox-audio', 'latin1');
		const uploaded = await runNode(
			setup({ resource: 'voice', operation: 'uploadAudio', binaryPropertyName: 'data', title: 'Lembrete' }, { binaryInput: [audio(mp3, 'audio/mpeg', 'lembrete.mp3')] }),
		);
		expect(uploaded.error).toBeUndefined();
		const [upload] = sandbox().requests({ path: '/voice/uploads', method: 'POST' });
		expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(upload.body).toEqual({ title: 'Lembrete', files: [{ name: 'file', filename: 'lembrete.mp3', contentType: 'audio/mpeg', size: mp3.length }] });
		const uploadId = uploaded.items[0].json.id as number;
		expect(uploaded.items[0].json).toEqual({ id: uploadId, title: 'Lembrete', message: 'Voice upload successful.' });

		const voice = await runNode(
			setup({ resource: 'voice', operation: 'send', title: 'Lembrete', audio: { __rl: true, mode: 'id', value: String(uploadId) }, phones: '11999999999', options: { retryAttempts: 2 } }),
		);
		expect(voice.error).toBeUndefined();
		expect(sandbox().requests({ path: '/voice' })[0]).toMatchObject({ status: 202, body: { voice_upload_id: uploadId, phones: ['11999999999'], retry_attempts: 2 } });
	});

	it('a voice campaign with an unknown upload id is a 404', async () => {
		const { error } = await runNode(setup({ resource: 'voice', operation: 'send', title: 'X', audio: { __rl: true, mode: 'id', value: '1' }, phones: '11999999999' }));
		expect(sandbox().requests({ path: '/voice' })[0].status).toBe(404);
		expect(error?.message).toContain('Voice upload 1 not found');
	});

	it('lists and gets uploads', async () => {
		const list = await runNode(setup({ resource: 'voice', operation: 'getAllUploads', returnAll: true }));
		expect(list.items.map((item) => item.json.id)).toEqual([436514]);
		const one = await runNode(setup({ resource: 'voice', operation: 'getUpload', uploadId: { __rl: true, mode: 'id', value: '436514' } }));
		expect(one.items[0].json).toMatchObject({ id: 436514, title: 'Boas-vindas' });
	});

	it('lists approved RCS agents, sends RCS text from one, creates a text template and sends it', async () => {
		const agents = await runNode(setup({ resource: 'rcs', operation: 'getAllAgents', returnAll: true, onlyApproved: true }));
		const agentId = String(agents.items[0].json.id);
		expect(agents.items.map((item) => item.json.status)).toEqual(['approved']);

		const text = await runNode(setup({ resource: 'rcs', operation: 'send', phones: '11999999999', sendAs: 'message', message: 'Oi!', agentId: { __rl: true, mode: 'id', value: agentId } }));
		expect(text.error).toBeUndefined();
		expect(sandbox().requests({ path: '/rcs' })[0]).toMatchObject({ status: 202, body: { phones: ['11999999999'], message: 'Oi!', agent_id: agentId } });

		const created = await runNode(setup({ resource: 'rcs', operation: 'createTemplate', title: 'Pedido', templateType: 'text', body: 'Olá {{1}}, seu pedido saiu.' }));
		expect(created.error).toBeUndefined();
		const templateId = String(created.items[0].json.id);
		expect(sandbox().requests({ path: '/rcs/templates/text' })[0]).toMatchObject({ status: 201, body: { title: 'Pedido', body: 'Olá {{1}}, seu pedido saiu.' } });

		const byTemplate = await runNode(setup({ resource: 'rcs', operation: 'send', phones: '11999999999', sendAs: 'template', templateId: { __rl: true, mode: 'id', value: templateId } }));
		expect(byTemplate.error).toBeUndefined();
		expect(sandbox().requests({ path: '/rcs' })[1]).toMatchObject({ status: 202, body: { template_id: templateId } });
		const templates = await runNode(setup({ resource: 'rcs', operation: 'getAllTemplates', returnAll: true }));
		expect(templates.items).toHaveLength(2);
	});

	it('creates a card template (buttons of each type, no media) and a carousel of two cards', async () => {
		const cardTemplate = await runNode(
			setup({
				resource: 'rcs',
				operation: 'createTemplate',
				title: 'Pedido',
				templateType: 'card',
				header: 'Seu pedido',
				body: 'Acompanhe a entrega',
				mediaSource: 'none',
				buttons: {
					button: [
						{ type: 'open_url', title: 'Rastrear', url: 'https://example.com/r/123' },
						{ type: 'dial_call', title: 'Ligar', phoneNumber: '+5511999999999' },
						{ type: 'reply', title: 'Obrigado' },
					],
				},
			}),
		);
		expect(cardTemplate.error).toBeUndefined();
		expect(sandbox().requests({ path: '/rcs/templates/card' })[0].status).toBe(201);

		const card = (header: string) => ({ header, body: `Veja ${header}`, media_url: `https://example.com/${header}.jpg`, buttons: [{ type: 'reply', title: 'Quero' }] });
		const carousel = await runNode(
			setup({ resource: 'rcs', operation: 'createTemplate', title: 'Vitrine', templateType: 'carousel', cardsInput: 'json', cardsJson: JSON.stringify([card('a'), card('b')]) }),
		);
		expect(carousel.error).toBeUndefined();
		expect(sandbox().requests({ path: '/rcs/templates/carousel' })[0]).toMatchObject({ status: 201, body: { title: 'Vitrine', cards: [card('a'), card('b')] } });
	});

	it('RCS text from an agent that is not approved is refused with 403', async () => {
		const pending = sandbox().state('liguelead').agents[1].id as string;
		const { error } = await runNode(setup({ resource: 'rcs', operation: 'send', phones: '11999999999', sendAs: 'message', message: 'Oi', agentId: { __rl: true, mode: 'id', value: pending } }));
		expect(sandbox().requests({ path: '/rcs' })[0].status).toBe(403);
		expect(error?.message).toContain('not approved');
	});
});

describe('LigueLead sandbox checks the documented limits itself', () => {
	const post = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
		await fetch(`${sandbox().credentials.ligueLeadApi.baseUrl}${path}`, {
			method: 'POST',
			headers: { 'api-token': 'sandbox-liguelead-api-token', 'app-id': 'sandbox-app-id', 'Content-Type': 'application/json', ...headers },
			body: typeof body === 'string' ? body : JSON.stringify(body),
		});

	it('refuses a Flash SMS with a link, and more than 1,600 characters, with field errors', async () => {
		const flash = await post('/sms', { message: 'Veja https://x.example', phones: ['11999999999'], is_flash: true });
		expect(flash.status).toBe(400);
		expect(await flash.json()).toEqual({ error: [{ field: 'message', message: 'SMS Flash messages cannot contain links' }] });
		const long = await post('/sms', { message: 'a'.repeat(1601), phones: ['11999999999'] });
		expect(long.status).toBe(400);
	});

	it('refuses audio that is not MP3 or WAV with 415', async () => {
		const form = new FormData();
		form.append('title', 'x');
		form.append('file', new Blob([new Uint8Array([1, 2, 3])], { type: 'audio/mp4' }), 'x.m4a');
		const response = await fetch(`${sandbox().credentials.ligueLeadApi.baseUrl}/voice/uploads`, {
			method: 'POST',
			headers: { 'api-token': 'sandbox-liguelead-api-token', 'app-id': 'sandbox-app-id' },
			body: form,
		});
		expect(response.status).toBe(415);
	});
});

describe('LigueLead Trigger against the sandbox', () => {
	it('accepts a delivery carrying the token and refuses a wrong or missing one', async () => {
		const token = sandbox().triggerSettings.ligueLeadTrigger.token;
		// The token is the trigger's parameter today and the credential's Webhook Token in the hardened
		// trigger (branch webhooks): the sandbox value is given in both places.
		const setup: Setup = {
			node: LigueLeadTrigger,
			credentials: credentials(),
			parameters: { token, channels: ['sms', 'voice', 'rcs'], statuses: [], options: {} },
		};
		const bridge = await startTriggerBridge(new LigueLeadTrigger(), setup);
		try {
			const valid = await sandbox().deliver({ provider: 'liguelead', to: bridge.url, status: 'delivered' });
			expect(valid.status).toBe(200);
			// What n8n answers the provider for an event that starts an execution (not the literal "firstEntryJson").
			expect(valid.body).toEqual({ received: true });
			expect(valid.sent.url).toContain(`?token=${token}`);
			expect(bridge.executions).toHaveLength(1);
			expect(bridge.executions[0][0]).toMatchObject({ event: 'campaign.status', campaign: { type: 'sms', status: 'delivered' } });
			await expectForgeriesRefused(sandbox(), { provider: 'liguelead', to: bridge.url }, ['signature', 'missing']);
			expect(bridge.executions).toHaveLength(1);
			await expect(sandbox().deliver({ provider: 'liguelead', to: bridge.url, forge: 'tampered' })).rejects.toThrow('not signed');
		} finally {
			await bridge.close();
		}
	});

	it('reports on a campaign sent through the sandbox, at the Status Callback URL the send carried', async () => {
		const token = sandbox().triggerSettings.ligueLeadTrigger.token;
		const setup: Setup = { node: LigueLeadTrigger, credentials: credentials(), parameters: { token, channels: ['sms'], statuses: [], options: {} } };
		const bridge = await startTriggerBridge(new LigueLeadTrigger(), setup);
		try {
			const sent = await runNode({
				node: LigueLead,
				credentials: credentials(),
				parameters: { resource: 'sms', operation: 'send', title: 'T', message: 'Sua senha chegou', phones: '11999990001', options: { webhookUrl: `${bridge.url}?token=${token}` } },
			});
			expect(sent.error).toBeUndefined();
			const campaignId = String(sent.items[0].json.campaign_id);
			const delivered = await sandbox().deliver({ provider: 'liguelead', campaignId, status: 'delivered' });
			expect(delivered.status).toBe(200);
			expect(bridge.executions).toEqual([
				[expect.objectContaining({ campaign: expect.objectContaining({ id: campaignId, type: 'sms', phone: '+5511999990001', message: 'Sua senha chegou', status: 'delivered' }) })],
			]);
		} finally {
			await bridge.close();
		}
	});
});
