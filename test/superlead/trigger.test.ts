import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { timing } from '../../nodes/shared/http';
import { computeHmac } from '../../nodes/shared/signature';
import { SuperleadTrigger } from '../../nodes/Superlead/SuperleadTrigger.node';
import { checkSignature, eventStatus, ignoreReason } from '../../nodes/Superlead/webhookCheck';
import { hookContext, webhookContext } from '../harness';
import { SIGNING_SECRET, triggerSetup } from './fixtures';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const NOW_SECONDS = String(NOW / 1000);

const statusEvent = (status: string) => ({
	event: 'whatsapp.message.status',
	data: { id: 'msg_01HZX3', wamid: 'wamid.HBgNNTUxMTk5OTk5OTk5ORUCABEYEjI=', status, to: '+5511999999999' },
});

const incoming = {
	event: 'whatsapp.message.received',
	data: { from: '+5511999999999', fromUserId: 'BR.13491208655302741918', type: 'text', text: { body: 'Olá! Não consigo acessar a promoção de São João, você pode ajudar? 🙏' } },
};

/** What the trigger returns for an event that starts an execution: the event, and n8n's answer `{"received":true}`. */
const started = (json: IDataObject) => ({ workflowData: [[{ json }]], webhookResponse: { received: true } });

const sign = (raw: Buffer | string, encoding: 'hex' | 'base64' = 'hex') => computeHmac(SIGNING_SECRET, raw, encoding);

const defaults = { events: ['messageStatus', 'incomingMessage'], statuses: ['delivered', 'failed'], options: {} };

async function deliver(
	raw: Buffer | string,
	headers: Record<string, string>,
	parameters: Record<string, unknown> = {},
	credentialData: Record<string, string> = {},
) {
	const rawBody = Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8');
	const { context, captured } = webhookContext(triggerSetup({ ...defaults, ...parameters }, credentialData), {
		headers: { 'content-type': 'application/json', ...headers },
		rawBody,
	});
	const result = await new SuperleadTrigger().webhook.call(context);
	return { result, captured };
}

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
	jest.spyOn(timing, 'now').mockReturnValue(NOW);
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
	jest.restoreAllMocks();
});

describe('Superlead Trigger signature check', () => {
	it('starts the workflow for a status event signed with the credential secret (hex)', async () => {
		const raw = JSON.stringify(statusEvent('delivered'));
		const { result, captured } = await deliver(raw, { 'x-superlead-signature': sign(raw) });

		expect(captured.statusCode).toBeUndefined();
		expect(result).toEqual(started(statusEvent('delivered')));
	});

	it('accepts the digest with the sha256= prefix by default', async () => {
		const raw = JSON.stringify(statusEvent('failed'));
		const { result } = await deliver(raw, { 'X-Superlead-Signature': `sha256=${sign(raw)}` });
		expect(result).toEqual(started(statusEvent('failed')));
	});

	it('verifies the exact bytes received, so a non-ASCII (Portuguese) body written unlike JSON.stringify still passes', async () => {
		// Escaped accents and extra spaces: re-serialising the parsed body would change the bytes.
		const raw = '{ "event": "whatsapp.message.received", "data": { "text": { "body": "Ol\\u00e1, Jo\\u00e3o! Promo\u00e7\u00e3o de S\u00e3o Jo\u00e3o \ud83d\ude4f" } } }';
		const { result } = await deliver(raw, { 'x-superlead-signature': sign(Buffer.from(raw, 'utf8')) });
		expect(result).toEqual(started({ event: 'whatsapp.message.received', data: { text: { body: 'Olá, João! Promoção de São João 🙏' } } }));
	});

	it('accepts a UTF-8 body with accents and emoji signed as raw bytes', async () => {
		const raw = JSON.stringify(incoming);
		const { result } = await deliver(raw, { 'x-superlead-signature': sign(raw) });
		expect(result).toEqual(started(incoming));
	});

	it('refuses a wrong signature with 401 and starts nothing', async () => {
		const raw = JSON.stringify(statusEvent('delivered'));
		const { result, captured } = await deliver(raw, {
			'x-superlead-signature': computeHmac('example-secret-someone-else', raw),
		});
		expect(result).toEqual({ noWebhookResponse: true });
		expect(captured).toEqual({ statusCode: 401, body: { error: 'invalid signature' }, ended: true });
	});

	it('refuses a request without a signature with 401', async () => {
		const { result, captured } = await deliver(JSON.stringify(statusEvent('delivered')), {});
		expect(result).toEqual({ noWebhookResponse: true });
		expect(captured).toEqual({ statusCode: 401, body: { error: 'missing signature' }, ended: true });
	});

	it('refuses a tampered body whose signature was made for the original', async () => {
		const original = JSON.stringify(statusEvent('failed'));
		const tampered = JSON.stringify(statusEvent('read'));
		const { result, captured } = await deliver(tampered, { 'x-superlead-signature': sign(original) });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(captured.statusCode).toBe(401);
	});

	it('refuses everything when the credential has no signing secret', async () => {
		const raw = JSON.stringify(statusEvent('delivered'));
		const { result, captured } = await deliver(raw, { 'x-superlead-signature': sign(raw) }, {}, { webhookSecret: '' });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(captured).toEqual({ statusCode: 401, body: { error: 'Webhook not configured' }, ended: true });
	});

	it('refuses everything, at every request, when the signing secret is only spaces', async () => {
		const blank = '  \t ';
		const raw = JSON.stringify(statusEvent('delivered'));
		const signedWithBlank = computeHmac(blank, raw);
		const { result, captured } = await deliver(raw, { 'x-superlead-signature': signedWithBlank }, {}, { webhookSecret: blank });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(captured).toEqual({ statusCode: 401, body: { error: 'Webhook not configured' }, ended: true });
	});

	it('answers 400 and starts nothing for a correctly signed body that is not a JSON object', async () => {
		for (const raw of ['[1]', '"whatsapp.message.status"', 'null', 'true', '<xml/>', '']) {
			const { context, captured } = webhookContext(triggerSetup(defaults), {
				headers: { 'content-type': 'application/octet-stream', 'x-superlead-signature': sign(raw) },
				rawBody: Buffer.from(raw, 'utf8'),
				body: undefined,
			});
			expect(await new SuperleadTrigger().webhook.call(context)).toEqual({ noWebhookResponse: true });
			expect(captured).toEqual({ statusCode: 400, body: { error: 'Malformed body: expected a JSON object' }, ended: true });
		}
	});

	it('reads a correctly signed JSON body that n8n did not parse (application/octet-stream)', async () => {
		const raw = JSON.stringify(statusEvent('delivered'));
		const { context } = webhookContext(triggerSetup(defaults), {
			headers: { 'content-type': 'application/octet-stream', 'x-superlead-signature': sign(raw) },
			rawBody: Buffer.from(raw, 'utf8'),
			body: undefined,
		});
		expect((await new SuperleadTrigger().webhook.call(context)).workflowData?.[0][0].json).toEqual(statusEvent('delivered'));
	});

	it('runs once for a repeated event ID when Ignore Repeated Deliveries is on, and for every replay when it is off', async () => {
		const raw = JSON.stringify({ ...statusEvent('delivered'), delivery_id: 'dlv-1' });
		const run = async (options: INodeParameters, staticData: IDataObject) => {
			const { context } = webhookContext(
				triggerSetup({ ...defaults, options }),
				{ headers: { 'x-superlead-signature': sign(raw) }, rawBody: Buffer.from(raw, 'utf8') },
				staticData,
			);
			return await new SuperleadTrigger().webhook.call(context);
		};
		const off = {};
		expect((await run({}, off)).workflowData).toHaveLength(1);
		expect((await run({}, off)).workflowData).toHaveLength(1);
		const on: IDataObject = {};
		const options = { ignoreRepeats: true, eventIdField: 'delivery_id' };
		expect((await run(options, on)).workflowData).toHaveLength(1);
		expect(await run(options, on)).toEqual({ webhookResponse: { received: true, ignored: 'repeated delivery' } });
		expect(on.recentEventIds).toEqual(['dlv-1']);
	});

	it('reads a base64 signature from a custom header when configured so', async () => {
		const raw = JSON.stringify(statusEvent('delivered'));
		const options = { signatureHeader: 'X-Signature', signatureEncoding: 'base64' };
		const ok = await deliver(raw, { 'x-signature': sign(raw, 'base64') }, { options });
		expect(ok.result).toEqual(started(statusEvent('delivered')));

		const hexInstead = await deliver(raw, { 'x-signature': sign(raw, 'hex') }, { options });
		expect(hexInstead.captured.statusCode).toBe(401);
	});

	it('insists on the sha256= prefix when it is required, and refuses it when set to none', async () => {
		const raw = JSON.stringify(statusEvent('delivered'));
		const required = { options: { signaturePrefix: 'required' } };
		expect((await deliver(raw, { 'x-superlead-signature': sign(raw) }, required)).captured.statusCode).toBe(401);
		expect((await deliver(raw, { 'x-superlead-signature': `sha256=${sign(raw)}` }, required)).result).toHaveProperty('workflowData');

		const none = { options: { signaturePrefix: 'none' } };
		expect((await deliver(raw, { 'x-superlead-signature': `sha256=${sign(raw)}` }, none)).captured.statusCode).toBe(401);
		expect((await deliver(raw, { 'x-superlead-signature': sign(raw) }, none)).result).toHaveProperty('workflowData');
	});
});

describe('Superlead Trigger timestamp check', () => {
	const options = { timestampHeader: 'X-Superlead-Timestamp', timestampTolerance: 300 };
	const raw = JSON.stringify(statusEvent('delivered'));

	it('accepts a fresh timestamp when the signature covers "<timestamp>.<raw body>"', async () => {
		const timestamp = String(NOW / 1000 - 60);
		const { result } = await deliver(
			raw,
			{ 'x-superlead-timestamp': timestamp, 'x-superlead-signature': sign(`${timestamp}.${raw}`) },
			{ options },
		);
		expect(result).toEqual(started(statusEvent('delivered')));
	});

	it('refuses a stale timestamp even with a valid signature (replay)', async () => {
		const timestamp = String(NOW / 1000 - 301);
		const { result, captured } = await deliver(
			raw,
			{ 'x-superlead-timestamp': timestamp, 'x-superlead-signature': sign(`${timestamp}.${raw}`) },
			{ options },
		);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(captured).toEqual({ statusCode: 401, body: { error: 'timestamp outside the tolerance window' }, ended: true });
	});

	it('refuses a timestamp too far in the future', async () => {
		const timestamp = String(NOW / 1000 + 301);
		const { captured } = await deliver(
			raw,
			{ 'x-superlead-timestamp': timestamp, 'x-superlead-signature': sign(`${timestamp}.${raw}`) },
			{ options },
		);
		expect(captured.statusCode).toBe(401);
	});

	it('refuses a signature of the body alone when a timestamp is expected', async () => {
		const { captured } = await deliver(raw, { 'x-superlead-timestamp': NOW_SECONDS, 'x-superlead-signature': sign(raw) }, { options });
		expect(captured).toEqual({ statusCode: 401, body: { error: 'invalid signature' }, ended: true });
	});

	it('refuses a fresh timestamp that was swapped into a signed request', async () => {
		const old = String(NOW / 1000 - 3600);
		const { captured } = await deliver(
			raw,
			{ 'x-superlead-timestamp': NOW_SECONDS, 'x-superlead-signature': sign(`${old}.${raw}`) },
			{ options },
		);
		expect(captured.statusCode).toBe(401);
	});

	it('refuses a request without the timestamp header', async () => {
		const { captured } = await deliver(raw, { 'x-superlead-signature': sign(`${NOW_SECONDS}.${raw}`) }, { options });
		expect(captured).toEqual({ statusCode: 401, body: { error: 'missing timestamp' }, ended: true });
	});
});

describe('Superlead Trigger event and status filter', () => {
	const signed = async (body: object, parameters: Record<string, unknown> = {}) => {
		const raw = JSON.stringify(body);
		return await deliver(raw, { 'x-superlead-signature': sign(raw) }, parameters);
	};

	it.each(['delivered', 'failed'])('starts the workflow for a selected status (%s)', async (status) => {
		expect((await signed(statusEvent(status))).result).toEqual(started(statusEvent(status)));
	});

	it.each(['sent', 'read', 'accepted'])('answers but starts nothing for a status not selected (%s)', async (status) => {
		const { result, captured } = await signed(statusEvent(status));
		expect(result).toEqual({ webhookResponse: { received: true, ignored: `status "${status}" is not selected` } });
		expect(captured.statusCode).toBeUndefined();
	});

	it('starts one execution per message when only "read" is selected', async () => {
		const parameters = { statuses: ['read'] };
		const started = [];
		for (const status of ['sent', 'delivered', 'read']) {
			const { result } = await signed(statusEvent(status), parameters);
			if ('workflowData' in result) started.push(status);
		}
		expect(started).toEqual(['read']);
	});

	it('ignores status events when only incoming messages are selected', async () => {
		const { result } = await signed(statusEvent('delivered'), { events: ['incomingMessage'] });
		expect(result).toEqual({ webhookResponse: { received: true, ignored: 'event "whatsapp.message.status" is not selected' } });
	});

	it('ignores incoming messages when only statuses are selected', async () => {
		const { result } = await signed(incoming, { events: ['messageStatus'] });
		expect(result).toEqual({ webhookResponse: { received: true, ignored: 'event "whatsapp.message.received" is not selected' } });
	});

	it('recognises incoming messages by the configured event names', async () => {
		const body = { event: 'message.inbound', data: incoming.data };
		const parameters = { events: ['incomingMessage'], options: { incomingEvents: 'whatsapp.message.received, message.inbound' } };
		expect((await signed(body, parameters)).result).toEqual(started(body));
	});

	it('passes other events only when "Other Events" is selected', async () => {
		const body = { event: 'lead.created', data: { id: 'lead_8f2k' } };
		expect((await signed(body)).result).toEqual({ webhookResponse: { received: true, ignored: 'event "lead.created" is not selected' } });
		expect((await signed(body, { events: ['other'] })).result).toEqual(started(body));
	});
});

describe('Superlead Trigger pure checks', () => {
	const settings = {
		secret: SIGNING_SECRET,
		header: 'x-superlead-signature',
		encoding: 'hex' as const,
		prefix: 'optional' as const,
		timestampHeader: '',
		toleranceSeconds: 300,
	};

	it('refuses a signature of the right length made with an empty payload', () => {
		const raw = Buffer.from('{"event":"x"}');
		expect(checkSignature(settings, { 'x-superlead-signature': sign('') }, raw, NOW)).toEqual({ ok: false, reason: 'invalid signature' });
		expect(checkSignature(settings, { 'x-superlead-signature': sign(raw) }, raw, NOW)).toEqual({ ok: true });
	});

	it('finds the status at the top level or inside data, message or payload', () => {
		expect(eventStatus({ status: 'READ' })).toBe('read');
		expect(eventStatus({ message: { status: 'sent' } })).toBe('sent');
		expect(eventStatus({ payload: { status: 'failed' } })).toBe('failed');
		expect(eventStatus({ data: {} })).toBeUndefined();
	});

	it('lets a status event through when its status cannot be read, rather than lose it', () => {
		const filter = { events: ['messageStatus'], statuses: ['failed'], incomingNames: [] };
		expect(ignoreReason({ event: 'whatsapp.message.status', data: { state: 'x' } }, filter)).toBeUndefined();
		expect(ignoreReason({ type: 'whatsapp.message.status', status: 'read' }, filter)).toBe('status "read" is not selected');
	});
});

describe('Superlead Trigger lifecycle', () => {
	const hookSetup = (credentialData: Record<string, string> = {}) => triggerSetup(defaults, credentialData);

	it('remembers the URL on create, finds it on checkExists and forgets it on delete', async () => {
		const trigger = new SuperleadTrigger();
		const methods = trigger.webhookMethods.default;
		const { context, staticData } = hookContext(hookSetup(), {});
		const webhookUrl = context.getNodeWebhookUrl('default');
		expect(webhookUrl).toMatch(/^https:\/\/n8n\.example\.com\/webhook\/.+/);

		expect(await methods.checkExists.call(context)).toBe(false);
		expect(await methods.create.call(context)).toBe(true);
		expect(staticData()).toEqual({ webhookUrl });
		expect(await methods.checkExists.call(context)).toBe(true);
		expect(await methods.delete.call(context)).toBe(true);
		expect(staticData()).toEqual({});
		expect(await methods.checkExists.call(context)).toBe(false);
	});

	it('does not count a URL remembered for another address', async () => {
		const { context } = hookContext(
			hookSetup(),
			{ webhookUrl: 'https://old.example.com/webhook/abc123/webhook' },
		);
		expect(await new SuperleadTrigger().webhookMethods.default.checkExists.call(context)).toBe(false);
	});

	it('refuses to activate with a signing secret of only spaces', async () => {
		const { context } = hookContext(hookSetup({ webhookSecret: '   ' }), {});
		await expect(new SuperleadTrigger().webhookMethods.default.create.call(context)).rejects.toThrow(
			'The Superlead credential has no Webhook Signing Secret',
		);
	});

	it('refuses to activate with Ignore Repeated Deliveries on and no Event ID Field', async () => {
		const { context } = hookContext(triggerSetup({ ...defaults, options: { ignoreRepeats: true } }), {});
		await expect(new SuperleadTrigger().webhookMethods.default.create.call(context)).rejects.toThrow(
			'Ignore Repeated Deliveries is on, but Event ID Field is empty',
		);
	});

	it('refuses to activate without a signing secret in the credential', async () => {
		const { context, staticData } = hookContext(hookSetup({ webhookSecret: '' }), {});
		await expect(new SuperleadTrigger().webhookMethods.default.create.call(context)).rejects.toThrow(
			'The Superlead credential has no Webhook Signing Secret',
		);
		expect(staticData()).toEqual({});
	});
});
