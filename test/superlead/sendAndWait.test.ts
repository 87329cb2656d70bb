import nock from 'nock';

import { idempotencyKey } from '../../nodes/shared/idempotency';
import { runNode, signedResumeUrl } from '../harness';
import { API_KEY, BASE, accepted, errorBody, leadRecord, setup } from './fixtures';

const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } });
const QUESTION = 'Posso enviar a proposta de R$ 1.200?';
const TEXT = `${QUESTION}\n\nRespond: ${signedResumeUrl()}`;
const automaticKey = (body: object) =>
	idempotencyKey({ executionId: 'execution-1', nodeId: 'node-1', itemIndex: 0, payload: body }, 'n8n-superlead');

const sendAndWait = (parameters: Record<string, unknown>) =>
	setup({ resource: 'message', operation: 'sendAndWait', to: '(11) 99999-9999', message: QUESTION, ...parameters });

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

describe('Superlead Send and Wait for Response', () => {
	it('sends the text with the signed link through the normal send (E.164, bearer key, automatic Idempotency-Key), then waits', async () => {
		const body = { type: 'text', text: { body: TEXT }, to: '+5511999999999' };
		api().matchHeader('idempotency-key', automaticKey(body)).post('/v1/messages', body).reply(201, accepted());
		const { items, error, run } = await runNode(sendAndWait({}));
		expect(error).toBeUndefined();
		expect(run.status).toBe('waiting');
		expect(run.waitTill?.toISOString()).toBe('3000-01-01T00:00:00.000Z');
		expect(items).toEqual([{ json: accepted(), pairedItem: { item: 0 } }]);
	});

	it('creates the lead first when asked, as the normal send does', async () => {
		const body = { type: 'text', text: { body: TEXT }, to: '+5511999999999' };
		api().get('/v1/leads').query({ phone: '+5511999999999' }).reply(404, errorBody('lead_not_found', 'No lead matches this recipient in your company.'));
		api().post('/v1/leads', { name: 'Maria Santos', phone: '+5511999999999' }).reply(201, leadRecord());
		api().matchHeader('idempotency-key', automaticKey(body)).post('/v1/messages', body).reply(201, accepted());
		const { items, error } = await runNode(sendAndWait({ createLeadIfMissing: true, leadName: 'Maria Santos' }));
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ ...accepted(), leadCreated: true });
	});

	it('waits until the interval after the send for Free Text with a limit', async () => {
		api().post('/v1/messages').reply(201, accepted());
		const before = Date.now();
		const { run } = await runNode(
			sendAndWait({
				responseType: 'freeText',
				options: { limitWaitTime: { values: { limitType: 'afterTimeInterval', resumeAmount: 30, resumeUnit: 'minutes' } } },
			}),
		);
		const waitTill = run.waitTill?.getTime() ?? 0;
		expect(waitTill).toBeGreaterThanOrEqual(before + 30 * 60_000);
		expect(waitTill).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
	});

	it('refuses a message that with the link exceeds WhatsApp\'s 4,096 characters, before sending', async () => {
		const { error, run } = await runNode(sendAndWait({ message: 'a'.repeat(4000) }));
		expect(error?.message).toMatch(/^Message: it has \d+ characters, more than the 4096 allowed \[item 0\]$/);
		expect(run.status).not.toBe('waiting');
	});
});

describe('Superlead Send and Wait for Response, node version 1.1 (Portuguese by default)', () => {
	const v11 = (parameters: Record<string, unknown>) => ({ ...sendAndWait(parameters), typeVersion: 1.1 });

	it('puts "Responda:" before the link', async () => {
		api().post('/v1/messages', { type: 'text', text: { body: `${QUESTION}\n\nResponda: ${signedResumeUrl()}` }, to: '+5511999999999' }).reply(201, accepted());
		const { error, run } = await runNode(v11({}));
		expect(error).toBeUndefined();
		expect(run.status).toBe('waiting');
	});

	it('puts "Respond:" when the node is set to English, and the Link Label when one is given', async () => {
		api().post('/v1/messages', { type: 'text', text: { body: `${QUESTION}\n\nRespond: ${signedResumeUrl()}` }, to: '+5511999999999' }).reply(201, accepted());
		expect((await runNode(v11({ language: 'en' }))).error).toBeUndefined();
		api().post('/v1/messages', { type: 'text', text: { body: `${QUESTION}\n\nToque aqui: ${signedResumeUrl()}` }, to: '+5511999999999' }).reply(201, accepted());
		expect((await runNode(v11({ language: 'en', options: { linkLabel: 'Toque aqui' } }))).error).toBeUndefined();
	});
});
