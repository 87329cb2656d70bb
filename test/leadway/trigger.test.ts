import { createPublicKey, createSign, generateKeyPairSync, sign } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { LeadwayTrigger } from '../../nodes/Leadway/LeadwayTrigger.node';
import { HIGHLEVEL_ED25519_PUBLIC_KEY, HIGHLEVEL_RSA_PUBLIC_KEY, toPem } from '../../nodes/Leadway/trigger/keys';
import { hookContext, webhookContext } from '../harness';
import type { Setup } from '../harness';

const ed = generateKeyPairSync('ed25519');
const otherEd = generateKeyPairSync('ed25519');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

const pem = (key: typeof ed.publicKey) => key.export({ type: 'spki', format: 'pem' }).toString();
const TEST_KEYS = { ed25519PublicKey: pem(ed.publicKey), rsaPublicKey: pem(rsa.publicKey) };
const LEGACY_ON = { options: { ...TEST_KEYS, acceptLegacyRsa: true } };

const signEd = (payload: Buffer, key = ed.privateKey) => sign(null, payload, key).toString('base64');
const signRsa = (payload: Buffer, key = rsa.privateKey) =>
	createSign('sha256').update(payload).end().sign(key).toString('base64');

const inbound = (extra: IDataObject = {}): IDataObject => ({
	type: 'InboundMessage',
	locationId: 'LocExample0001',
	attachments: [],
	body: 'Quero saber o preço',
	contactId: 'contactSms01',
	contentType: 'text/plain',
	conversationId: 'conv01',
	dateAdded: new Date().toISOString(),
	direction: 'inbound',
	messageType: 'SMS',
	messageId: 'msg01',
	timestamp: new Date().toISOString(),
	webhookId: `wh-${Math.random().toString(36).slice(2)}`,
	...extra,
});

const triggerSetup = (parameters: Setup['parameters'] = {}): Setup => ({
	node: LeadwayTrigger,
	credentials: {},
	parameters: {
		events: ['InboundMessage', 'ContactCreate'],
		otherEvents: '',
		messageTypes: [],
		options: TEST_KEYS,
		...parameters,
	},
});

async function deliver(
	body: IDataObject,
	headers: (raw: Buffer) => Record<string, string>,
	parameters: Setup['parameters'] = {},
	options: { raw?: Buffer; staticData?: IDataObject } = {},
) {
	const rawBody = options.raw ?? Buffer.from(JSON.stringify(body), 'utf8');
	const { context, captured } = webhookContext(
		triggerSetup(parameters),
		{ headers: headers(rawBody), rawBody, body },
		options.staticData ?? {},
	);
	const result = await new LeadwayTrigger().webhook.call(context);
	return { result, captured };
}

const expectRejected = (
	outcome: Awaited<ReturnType<typeof deliver>>,
	message: string,
) => {
	expect(outcome.result).toEqual({ noWebhookResponse: true });
	expect(outcome.captured).toEqual({ statusCode: 401, body: { error: message }, ended: true });
};

describe('Leadway trigger signature', () => {
	it('starts the workflow for a body signed with Ed25519 in X-GHL-Signature', async () => {
		const body = inbound();
		const { result, captured } = await deliver(body, (raw) => ({ 'X-GHL-Signature': signEd(raw) }));
		expect(captured.statusCode).toBeUndefined();
		expect(result.workflowData).toEqual([[{ json: body }]]);
	});

	it('refuses the legacy RSA X-WH-Signature by default, even when it is valid', async () => {
		expectRejected(await deliver(inbound(), (raw) => ({ 'x-wh-signature': signRsa(raw) })), 'Legacy X-WH-Signature not accepted');
	});

	it('starts the workflow for a body signed with the legacy RSA X-WH-Signature when Accept Legacy RSA Signatures is on', async () => {
		const body = inbound();
		const { result } = await deliver(body, (raw) => ({ 'x-wh-signature': signRsa(raw) }), LEGACY_ON);
		expect(result.workflowData).toEqual([[{ json: body }]]);
	});

	it('falls back to RSA when HighLevel sends "N/A" as the Ed25519 signature and legacy RSA is on', async () => {
		const body = inbound();
		const { result } = await deliver(body, (raw) => ({ 'x-ghl-signature': 'N/A', 'x-wh-signature': signRsa(raw) }), LEGACY_ON);
		expect(result.workflowData).toEqual([[{ json: body }]]);
	});

	it('refuses an Ed25519 signature made with another key', async () => {
		expectRejected(await deliver(inbound(), (raw) => ({ 'x-ghl-signature': signEd(raw, otherEd.privateKey) })), 'Invalid signature');
	});

	it('refuses an RSA signature made with another key', async () => {
		expectRejected(
			await deliver(inbound(), (raw) => ({ 'x-wh-signature': signRsa(raw, otherRsa.privateKey) }), LEGACY_ON),
			'Invalid signature',
		);
	});

	it('lets a bad Ed25519 signature decide even when a valid RSA one is also sent', async () => {
		expectRejected(
			await deliver(inbound(), (raw) => ({
				'x-ghl-signature': signEd(raw, otherEd.privateKey),
				'x-wh-signature': signRsa(raw),
			})),
			'Invalid signature',
		);
	});

	it('refuses a body changed after signing', async () => {
		const body = inbound();
		const signed = Buffer.from(JSON.stringify(body), 'utf8');
		const tampered = { ...body, body: 'Cancelar meu pedido' };
		expectRejected(
			await deliver(tampered, () => ({ 'x-ghl-signature': signEd(signed) }), {}, { raw: Buffer.from(JSON.stringify(tampered)) }),
			'Invalid signature',
		);
	});

	it('refuses a request without any signature header', async () => {
		expectRejected(await deliver(inbound(), () => ({ 'content-type': 'application/json' })), 'Missing signature');
	});

	it('refuses a garbage signature', async () => {
		expectRejected(await deliver(inbound(), () => ({ 'x-ghl-signature': 'not base64 at all!' })), 'Invalid signature');
	});

	it('verifies the exact bytes of a body with Portuguese accents', async () => {
		const body = inbound({ body: 'Olá, João! Preciso de um orçamento para três ações.' });
		const raw = Buffer.from(JSON.stringify(body), 'utf8');
		expect(raw.length).toBeGreaterThan(JSON.stringify(body).length);
		const { result } = await deliver(body, () => ({ 'x-ghl-signature': signEd(raw) }), {}, { raw });
		expect(result.workflowData).toEqual([[{ json: body }]]);
	});

	it('verifies only the raw bytes: a signature over the re-serialised JSON of a differently written body is refused', async () => {
		const body = inbound();
		const pretty = Buffer.from(JSON.stringify(body, null, 2), 'utf8');
		const compact = Buffer.from(JSON.stringify(body), 'utf8');
		expectRejected(await deliver(body, () => ({ 'x-ghl-signature': signEd(compact) }), {}, { raw: pretty }), 'Invalid signature');
		const { result } = await deliver(body, () => ({ 'x-ghl-signature': signEd(pretty) }), {}, { raw: pretty });
		expect(result.workflowData).toEqual([[{ json: body }]]);
	});

	it('refuses a deeply nested body with any signature without overflowing the stack', async () => {
		const depth = 20_000;
		const raw = Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`, 'utf8');
		const outcome = await deliver(JSON.parse(raw.toString()), () => ({ 'x-ghl-signature': signEd(Buffer.from('{}')) }), {}, { raw });
		expectRejected(outcome, 'Invalid signature');
	});

	it('answers 400 and starts nothing for a correctly signed body that is not a JSON object', async () => {
		for (const raw of ['[1,2]', '"text"', 'null', 'not json']) {
			const bytes = Buffer.from(raw, 'utf8');
			const { context, captured } = webhookContext(
				triggerSetup(),
				{ headers: { 'x-ghl-signature': signEd(bytes) }, rawBody: bytes, body: undefined },
				{},
			);
			const result = await new LeadwayTrigger().webhook.call(context);
			expect(result).toEqual({ noWebhookResponse: true });
			expect(captured).toEqual({ statusCode: 400, body: { error: 'Malformed body: expected a JSON object' }, ended: true });
		}
	});

	it('reads a correctly signed JSON body that n8n did not parse (sent as application/octet-stream)', async () => {
		const body = inbound();
		const raw = Buffer.from(JSON.stringify(body), 'utf8');
		const { context } = webhookContext(
			triggerSetup(),
			{ headers: { 'content-type': 'application/octet-stream', 'x-ghl-signature': signEd(raw) }, rawBody: raw, body: undefined },
			{},
		);
		const result = await new LeadwayTrigger().webhook.call(context);
		expect(result.workflowData).toEqual([[{ json: body }]]);
	});

	it('uses HighLevel\'s published keys when none are set, so a test key is refused', async () => {
		expectRejected(
			await deliver(inbound(), (raw) => ({ 'x-ghl-signature': signEd(raw) }), { options: {} }),
			'Invalid signature',
		);
	});

	it('accepts a key pasted without its PEM header lines', async () => {
		const base64Only = TEST_KEYS.ed25519PublicKey.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
		const body = inbound();
		const { result } = await deliver(body, (raw) => ({ 'x-ghl-signature': signEd(raw) }), {
			options: { ed25519PublicKey: base64Only },
		});
		expect(result.workflowData).toEqual([[{ json: body }]]);
	});

	it('ships HighLevel\'s Ed25519 key and RSA-4096 key as valid PEM', () => {
		expect(createPublicKey(HIGHLEVEL_ED25519_PUBLIC_KEY).asymmetricKeyType).toBe('ed25519');
		const rsaKey = createPublicKey(toPem(HIGHLEVEL_RSA_PUBLIC_KEY));
		expect(rsaKey.asymmetricKeyType).toBe('rsa');
		expect(rsaKey.asymmetricKeyDetails?.modulusLength).toBe(4096);
	});
});

describe('Leadway trigger replay protection', () => {
	it('refuses a correctly signed body whose timestamp is older than 5 minutes', async () => {
		const stale = new Date(Date.now() - 6 * 60 * 1000).toISOString();
		expectRejected(
			await deliver(inbound({ timestamp: stale }), (raw) => ({ 'x-ghl-signature': signEd(raw) })),
			'Stale or missing timestamp',
		);
	});

	it('refuses a correctly signed body without a timestamp', async () => {
		const body = inbound();
		delete body.timestamp;
		expectRejected(await deliver(body, (raw) => ({ 'x-ghl-signature': signEd(raw) })), 'Stale or missing timestamp');
	});

	it('accepts an old timestamp when the age check is turned off', async () => {
		const body = inbound({ timestamp: '2020-01-01T00:00:00Z' });
		const { result } = await deliver(body, (raw) => ({ 'x-ghl-signature': signEd(raw) }), {
			options: { ...TEST_KEYS, maxAgeSeconds: 0 },
		});
		expect(result.workflowData).toEqual([[{ json: body }]]);
	});

	it('runs once for a delivery HighLevel repeats with the same webhookId', async () => {
		const body = inbound({ webhookId: 'wh-repeat-1' });
		const staticData: IDataObject = {};
		const first = await deliver(body, (raw) => ({ 'x-ghl-signature': signEd(raw) }), {}, { staticData });
		const second = await deliver(body, (raw) => ({ 'x-ghl-signature': signEd(raw) }), {}, { staticData });
		expect(first.result.workflowData).toEqual([[{ json: body }]]);
		expect(second.result).toEqual({ webhookResponse: { received: true, ignored: 'repeated delivery' } });
		expect(staticData.recentWebhookIds).toEqual(['wh-repeat-1']);
	});
});

describe('Leadway trigger filters', () => {
	it('keeps only the IDs of events it runs for, so unselected events cannot push real ones out of the memory', async () => {
		const staticData: IDataObject = {};
		const unselected = inbound({ type: 'OpportunityCreate', webhookId: 'wh-other-1' });
		const ignored = await deliver(unselected, (raw) => ({ 'x-ghl-signature': signEd(raw) }), {}, { staticData });
		expect(ignored.result.workflowData).toBeUndefined();
		expect(staticData.recentWebhookIds).toBeUndefined();
		const selected = inbound({ webhookId: 'wh-real-1' });
		await deliver(selected, (raw) => ({ 'x-ghl-signature': signEd(raw) }), {}, { staticData });
		expect(staticData.recentWebhookIds).toEqual(['wh-real-1']);
	});

	it('answers but does not run for an event type that is not selected', async () => {
		const { result, captured } = await deliver(
			inbound({ type: 'OpportunityCreate' }),
			(raw) => ({ 'x-ghl-signature': signEd(raw) }),
		);
		expect(result).toEqual({ webhookResponse: { received: true, ignored: 'event "OpportunityCreate" is not selected' } });
		expect(captured.statusCode).toBeUndefined();
	});

	it('runs for an event type typed by name under Other Event Types', async () => {
		const body = { type: 'InvoicePaid', locationId: 'LocExample0001', timestamp: new Date().toISOString() };
		const { result } = await deliver(body, (raw) => ({ 'x-ghl-signature': signEd(raw) }), {
			events: [],
			otherEvents: 'InvoiceSent, InvoicePaid',
		});
		expect(result.workflowData).toEqual([[{ json: body }]]);
	});

	it('runs for any event type when All Events is selected', async () => {
		const body = inbound({ type: 'TaskCreate' });
		const { result } = await deliver(body, (raw) => ({ 'x-ghl-signature': signEd(raw) }), { events: ['*'] });
		expect(result.workflowData).toEqual([[{ json: body }]]);
	});

	it('drops a message of a channel that is not selected', async () => {
		const { result } = await deliver(
			inbound({ messageType: 'Email' }),
			(raw) => ({ 'x-ghl-signature': signEd(raw) }),
			{ messageTypes: ['SMS', 'WhatsApp'] },
		);
		expect(result).toEqual({ webhookResponse: { received: true, ignored: 'message type "Email" is not selected' } });
	});

	it('keeps a message of a selected channel however HighLevel spells it', async () => {
		const body = inbound({ messageType: 'TYPE_WHATSAPP' });
		const { result } = await deliver(body, (raw) => ({ 'x-ghl-signature': signEd(raw) }), {
			messageTypes: ['SMS', 'WhatsApp'],
		});
		expect(result.workflowData).toEqual([[{ json: body }]]);
	});

	it('does not apply the message-type filter to events without a message type', async () => {
		const body = { type: 'ContactCreate', id: 'contact9', firstName: 'Ana', timestamp: new Date().toISOString() };
		const { result } = await deliver(body, (raw) => ({ 'x-ghl-signature': signEd(raw) }), { messageTypes: ['SMS'] });
		expect(result.workflowData).toEqual([[{ json: body }]]);
	});
});

describe('Leadway trigger lifecycle', () => {
	it('remembers the active URL on create, finds it on checkExists and forgets it on delete', async () => {
		const { context, staticData } = hookContext(triggerSetup(), {});
		const trigger = new LeadwayTrigger();
		const url = context.getNodeWebhookUrl('default');
		expect(url).toMatch(/^https:\/\/n8n\.example\.com\/webhook\/.+\/webhook$/);

		expect(await trigger.webhookMethods.default.checkExists.call(context)).toBe(false);
		expect(await trigger.webhookMethods.default.create.call(context)).toBe(true);
		expect(staticData()).toEqual({ webhookUrl: url, recentWebhookIds: [] });
		expect(await trigger.webhookMethods.default.checkExists.call(context)).toBe(true);
		expect(await trigger.webhookMethods.default.delete.call(context)).toBe(true);
		expect(staticData()).toEqual({});
		expect(await trigger.webhookMethods.default.checkExists.call(context)).toBe(false);
	});

	it('does not count a URL stored for another address as existing', async () => {
		const { context } = hookContext(
			triggerSetup(),
			{ webhookUrl: 'https://old.example.com/webhook/abc123/webhook' },
		);
		expect(await new LeadwayTrigger().webhookMethods.default.checkExists.call(context)).toBe(false);
	});
});
