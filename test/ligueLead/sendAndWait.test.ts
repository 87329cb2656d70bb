import nock from 'nock';

import { runNode, signedResumeUrl } from '../harness';
import { BASE_PATH, accepted, api, setup } from './fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const CAMPAIGN = '3b4f7c5e-7e2d-4157-b542-5eb2155455c5';
const QUESTION = 'Confirma a visita amanha as 10h?';
const URL_LENGTH = signedResumeUrl().length;

const sendAndWait = (extra: Record<string, unknown> = {}) =>
	setup({ resource: 'sms', operation: 'sendAndWait', title: 'Confirmacao', phones: '(11) 99999-9999', message: QUESTION, ...extra });

describe('LigueLead Send and Wait for Response', () => {
	it('sends a normal (not flash) SMS campaign to the one phone with the link on the next line, reports parts and credits, then waits', async () => {
		const message = `${QUESTION}\n${signedResumeUrl()}`;
		api()
			.post(`${BASE_PATH}/sms`, { title: 'Confirmacao', message, phones: ['11999999999'] })
			.matchHeader('content-type', /application\/json/)
			.reply(202, accepted(CAMPAIGN));
		const { items, error, run } = await runNode(sendAndWait());
		expect(error).toBeUndefined();
		expect(run.status).toBe('waiting');
		// 32 characters of question, a new line and the signed link: two GSM-7 parts, two credits.
		expect(message.length).toBe(33 + URL_LENGTH);
		expect(items).toEqual([
			{
				json: {
					campaign_id: CAMPAIGN,
					accepted_at: '2025-12-29T18:34:38.961Z',
					message: 'SMS accepted successfully',
					phones: ['11999999999'],
					recipients: 1,
					campaignRecipients: 1,
					encoding: 'GSM-7',
					characters: message.length,
					parts: 2,
					creditsPerPhone: 2,
					estimatedCredits: 2,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('refuses, before sending, an SMS that with the link is longer than Max SMS Parts, saying how long the link is', async () => {
		const { error, run } = await runNode(sendAndWait({ message: 'x'.repeat(200) }));
		const characters = 201 + URL_LENGTH;
		expect(error?.message).toBe(
			`Message: with the response link (${URL_LENGTH} characters) the SMS has ${characters} characters in 3 parts (GSM-7), more than Max SMS Parts (2) [item 0]`,
		);
		expect(error?.description).toBe('Shorten the message, or raise "Max SMS Parts" if the longer SMS is worth it.');
		expect(run.status).not.toBe('waiting');
	});

	it('sends the longer SMS when Max SMS Parts allows it', async () => {
		api().post(`${BASE_PATH}/sms`).reply(202, accepted(CAMPAIGN));
		const { items, error } = await runNode(sendAndWait({ message: 'x'.repeat(200), maxSmsParts: 3 }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ parts: 3, creditsPerPhone: 3 });
	});

	it('refuses a Max SMS Parts that is not a number instead of skipping the length check', async () => {
		const { error } = await runNode(sendAndWait({ message: 'x'.repeat(900), maxSmsParts: '={{ "two" }}' }));
		expect(error?.message).toBe('Max SMS Parts: two is outside the allowed range [item 0]');
	});

	it('names the accents that switch the SMS to UCS-2 when it does not fit', async () => {
		const { error } = await runNode(sendAndWait({ message: 'Confirma a visita amanhã às 10h? Responda pelo link abaixo, por favor.' }));
		expect(error?.message).toMatch(/in 4 parts \(UCS-2\), more than Max SMS Parts \(2\) \[item 0\]$/);
		expect(error?.description).toContain('Characters such as "ã" switch the whole SMS to UCS-2 (67 characters per part)');
	});

	it('asks one person: refuses a list of phones before sending', async () => {
		const { error } = await runNode(sendAndWait({ phones: '11999999999, 21988888888' }));
		expect(error?.message).toBe('Phone: it has 2 numbers [item 0]');
	});

	it('sends for the first item only when several come in', async () => {
		api().post(`${BASE_PATH}/sms`, (body) => body.phones[0] === '11999999999').reply(202, accepted(CAMPAIGN));
		const { items, run } = await runNode(sendAndWait({ phones: '={{ $json.phone }}' }), [{ phone: '11999999999' }, { phone: '21988888888' }]);
		expect(run.status).toBe('waiting');
		expect(items).toHaveLength(1);
	});
});
