// n8n's Retry On Fail runs the whole node again after a failure. Items that were already sent in
// the failed try must not be sent again; the item that failed is tried again.
import nock from 'nock';

import { runNode } from '../harness';
import { API_KEY, BASE, BASE_PATH, setup } from '../iagenteSdr/fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } });
const sendText = (extra = {}) =>
	setup(
		{ resource: 'whatsAppMessage', operation: 'send', sendTo: 'phone', phone: '={{ $json.phone }}', messageType: 'text', text: 'Oi' },
		{ retryOnFail: { maxTries: 3, waitBetweenTries: 1 }, ...extra },
	);

describe('Retry On Fail', () => {
	it('sends item 0 once when item 1 fails and n8n retries the node', async () => {
		// Exactly one interceptor for item 0: a second send of it would find no match and fail the run.
		api().post(`${BASE_PATH}/whatsapp/messages`, { phone: '5511999999999', type: 'text', text: 'Oi' }).once().reply(201, { id: 'm0' });
		api()
			.post(`${BASE_PATH}/whatsapp/messages`, { phone: '5521988887777', type: 'text', text: 'Oi' })
			.reply(422, { error: { code: 'channel_busy', message: 'Try again' } })
			.post(`${BASE_PATH}/whatsapp/messages`, { phone: '5521988887777', type: 'text', text: 'Oi' })
			.reply(201, { id: 'm1' });

		const { items, error } = await runNode(sendText(), [{ phone: '11999999999' }, { phone: '21988887777' }]);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { id: 'm0' }, pairedItem: { item: 0 } },
			{ json: { id: 'm1' }, pairedItem: { item: 1 } },
		]);
	});

	it('without Retry On Fail, the same failure stops the run after item 0 was sent', async () => {
		api().post(`${BASE_PATH}/whatsapp/messages`, { phone: '5511999999999', type: 'text', text: 'Oi' }).reply(201, { id: 'm0' });
		api().post(`${BASE_PATH}/whatsapp/messages`).reply(422, { error: { code: 'channel_busy', message: 'Try again' } });
		const { items, error } = await runNode(sendText({ retryOnFail: undefined }), [{ phone: '11999999999' }, { phone: '21988887777' }]);
		expect(items).toEqual([]);
		expect(error?.message).toBe('IAGENTE SDR error 422: Try again');
	});

	it('does not carry remembered sends into the next execution', async () => {
		api().post(`${BASE_PATH}/whatsapp/messages`).times(2).reply(201, { id: 'again' });
		const first = await runNode(sendText({ executionId: 'execution-a' }), [{ phone: '11999999999' }]);
		const second = await runNode(sendText({ executionId: 'execution-b' }), [{ phone: '11999999999' }]);
		expect(first.items[0].json).toEqual({ id: 'again' });
		expect(second.items[0].json).toEqual({ id: 'again' });
	});
});
