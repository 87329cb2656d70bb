import nock from 'nock';
import { validateUrlSignature } from 'n8n-core';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness';
import { API_KEY, BASE, BASE_PATH, setup } from './fixtures';

const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}`, 'content-type': /application\/json/ } });

process.env.N8N_HMAC_SIGNATURE_SECRET = 'test-hmac-secret';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const run = (parameters: INodeParameters, input?: IDataObject[]) =>
	runNode(
		setup({ resource: 'whatsAppMessage', operation: 'sendAndWait', sendTo: 'phone', phone: '11999999999', message: 'Aprova o desconto de 10%?', ...parameters }),
		input,
	);

describe('IAGENTE SDR Send and Wait', () => {
	it('sends one WhatsApp text with the signed resume link and waits', async () => {
		let body: IDataObject = {};
		api()
			.post(`${BASE_PATH}/whatsapp/messages`, (b: IDataObject) => ((body = b), true))
			.reply(201, { data: { id: 'msg_1', status: 'queued' } });
		const result = await run({});
		expect(result.error).toBeUndefined();
		console.log(JSON.stringify(body), result.run.waitTill, result.run.status, JSON.stringify(result.items));
		const url = new URL(String(body.text).split('Respond: ')[1]);
		const secret = 'test-hmac-secret';
		expect(validateUrlSignature(url.searchParams.get('signature') as string, url, secret)).toBe(true);
	});
});
