import nock from 'nock';
import { validateUrlSignature } from 'n8n-core';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { RESUME_SIGNING_SECRET, runNode, signedResumeUrl } from '../harness';
import { API_KEY, BASE, BASE_PATH, setup } from './fixtures';

const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}`, 'content-type': /application\/json/ } });
const sent = { data: { id: 'msg_1', status: 'queued' } };
const QUESTION = 'Aprova o desconto de 10% para a Maria?';
const TEXT = `${QUESTION}\n\nRespond: ${signedResumeUrl()}`;

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const sendAndWait = (parameters: INodeParameters, input?: IDataObject[], extra = {}) =>
	runNode(
		setup(
			{ resource: 'whatsAppMessage', operation: 'sendAndWait', sendTo: 'phone', phone: '(11) 99999-9999', message: QUESTION, ...parameters },
			extra,
		),
		input,
	);

describe('IAGENTE SDR Send and Wait for Response', () => {
	it('sends one WhatsApp text with the signed resume link below the message, then waits without a limit', async () => {
		api().post(`${BASE_PATH}/whatsapp/messages`, { phone: '5511999999999', type: 'text', text: TEXT }).reply(201, sent);
		const { items, error, run } = await sendAndWait({});
		expect(error).toBeUndefined();
		expect(run.status).toBe('waiting');
		expect(run.waitTill?.toISOString()).toBe('3000-01-01T00:00:00.000Z');
		expect(items).toEqual([{ json: { id: 'msg_1', status: 'queued' }, pairedItem: { item: 0 } }]);
	});

	it('signs the link so n8n accepts it, and puts it at <waiting URL>/<execution>/<node ID>', () => {
		const url = new URL(TEXT.split('Respond: ')[1]);
		expect(`${url.origin}${url.pathname}`).toBe('https://n8n.example.com/webhook-waiting/execution-1/node-1');
		expect(validateUrlSignature(url.searchParams.get('signature') ?? '', url, RESUME_SIGNING_SECRET)).toBe(true);
		url.pathname = '/webhook-waiting/execution-1/other-node';
		expect(validateUrlSignature(url.searchParams.get('signature') ?? '', url, RESUME_SIGNING_SECRET)).toBe(false);
	});

	it('uses the link label and sends to a lead ID', async () => {
		api()
			.post(`${BASE_PATH}/whatsapp/messages`, { lead_id: 123, type: 'text', text: `${QUESTION}\n\nAprovar aqui: ${signedResumeUrl()}` })
			.reply(201, sent);
		const { error } = await sendAndWait({ sendTo: 'leadId', leadId: '123', options: { linkLabel: 'Aprovar aqui' } });
		expect(error).toBeUndefined();
	});

	it('sends one message for the first item only, as n8n\'s own nodes do, whatever the number of items', async () => {
		api().post(`${BASE_PATH}/whatsapp/messages`, { phone: '5511999999999', type: 'text', text: TEXT }).reply(201, sent);
		const { items, run } = await sendAndWait({ phone: '={{ $json.phone }}' }, [{ phone: '11999999999' }, { phone: 'not a phone' }, { phone: '21988888888' }]);
		expect(run.status).toBe('waiting');
		expect(items).toEqual([{ json: { id: 'msg_1', status: 'queued' }, pairedItem: { item: 0 } }]);
	});

	it('waits until the interval after the send when the limit is a time interval', async () => {
		api().post(`${BASE_PATH}/whatsapp/messages`).reply(201, sent);
		const before = Date.now();
		const { run } = await sendAndWait({
			options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 2, resumeUnit: 'hours' } } },
		});
		const after = Date.now();
		const waitTill = run.waitTill?.getTime() ?? 0;
		expect(waitTill).toBeGreaterThanOrEqual(before + 2 * 3_600_000);
		expect(waitTill).toBeLessThanOrEqual(after + 2 * 3_600_000);
	});

	it('waits until the given date when the limit is a date', async () => {
		api().post(`${BASE_PATH}/whatsapp/messages`).reply(201, sent);
		const { run } = await sendAndWait({
			responseType: 'freeText',
			options: { limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2099-03-01T18:00:00-03:00' } } },
		});
		expect(run.waitTill?.toISOString()).toBe('2099-03-01T21:00:00.000Z');
	});

	it('reads a date picked without an offset in the workflow\'s timezone', async () => {
		api().post(`${BASE_PATH}/whatsapp/messages`).reply(201, sent);
		const { run } = await sendAndWait({
			options: { limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2099-03-01T18:00:00' } } },
		});
		// The harness workflow has no timezone setting, so n8n uses its default, America/New_York (UTC-5 in March).
		expect(run.waitTill?.toISOString()).toBe('2099-03-01T23:00:00.000Z');
	});

	it('refuses a limit date already past before sending anything', async () => {
		const { error, run } = await sendAndWait({
			options: { limitWaitTime: { values: { limitType: 'atSpecifiedTime', maxDateAndTime: '2020-01-01T00:00:00Z' } } },
		});
		expect(error?.message).toBe('Limit Wait Time → Max Date and Time: 2020-01-01T00:00:00.000Z is already past [item 0]');
		expect(run.status).not.toBe('waiting');
	});

	it('refuses a zero wait before sending anything', async () => {
		const { error } = await sendAndWait({
			options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 0, resumeUnit: 'minutes' } } },
		});
		expect(error?.message).toBe('Limit Wait Time: "0 minutes" is not a time to wait [item 0]');
	});

	it('refuses a bad phone and an empty message before sending anything', async () => {
		expect((await sendAndWait({ phone: '123' })).error?.message).toMatch(/^Phone: "123" is not a valid Brazilian phone number/);
		expect((await sendAndWait({ message: '  ' })).error?.message).toBe('Message: it is empty [item 0]');
	});

	it('with Continue On Fail, a failed send is an error item for the first item and the execution does not wait', async () => {
		api().post(`${BASE_PATH}/whatsapp/messages`).reply(422, { error: { message: 'Lead opted out' } });
		const { items, run } = await sendAndWait({}, [{}, {}], { continueOnFail: true });
		expect(run.status).not.toBe('waiting');
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json.error).toEqual(expect.any(String));
	});

	it('declares the resume webhooks as n8n\'s own Send and Wait nodes do, and stays usable as a tool', async () => {
		const { IagenteSdr } = await import('../../nodes/IagenteSdr/IagenteSdr.node');
		const { description } = new IagenteSdr();
		expect(description.usableAsTool).toBe(true);
		expect(description.webhooks?.map(({ httpMethod, path, restartWebhook, isFullPath }) => ({ httpMethod, path, restartWebhook, isFullPath }))).toEqual([
			{ httpMethod: 'GET', path: '={{ $nodeId }}', restartWebhook: true, isFullPath: true },
			{ httpMethod: 'POST', path: '={{ $nodeId }}', restartWebhook: true, isFullPath: true },
		]);
	});
});

describe('IAGENTE SDR Send and Wait for Response, node version 1.1 (Portuguese by default)', () => {
	const v11 = (parameters: INodeParameters) => sendAndWait(parameters, undefined, { typeVersion: 1.1 });

	it('puts "Responda:" before the link', async () => {
		api()
			.post(`${BASE_PATH}/whatsapp/messages`, { phone: '5511999999999', type: 'text', text: `${QUESTION}\n\nResponda: ${signedResumeUrl()}` })
			.reply(201, sent);
		const { error, run } = await v11({});
		expect(error).toBeUndefined();
		expect(run.status).toBe('waiting');
	});

	it('puts "Respond:" when the node is set to English, exactly as version 1 does', async () => {
		api().post(`${BASE_PATH}/whatsapp/messages`, { phone: '5511999999999', type: 'text', text: TEXT }).reply(201, sent);
		expect((await v11({ language: 'en' })).error).toBeUndefined();
	});

	it('lets a version 1 node choose Portuguese', async () => {
		api()
			.post(`${BASE_PATH}/whatsapp/messages`, { phone: '5511999999999', type: 'text', text: `${QUESTION}\n\nResponda: ${signedResumeUrl()}` })
			.reply(201, sent);
		expect((await sendAndWait({ language: 'pt-BR' })).error).toBeUndefined();
	});
});
