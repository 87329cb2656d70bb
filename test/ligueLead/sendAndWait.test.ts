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

describe('LigueLead Send and Wait for Response, node version 1.1 (Portuguese question, default options)', () => {
	const PT_QUESTION = 'Qual o melhor horário para a visita?';
	const v11 = (extra: Record<string, unknown> = {}) =>
		setup({ resource: 'sms', operation: 'sendAndWait', title: 'Confirmacao', phones: '(11) 99999-9999', message: PT_QUESTION, ...extra }, { typeVersion: 1.1 });

	it('sends "Qual o melhor horário para a visita?" with its link at default options: UCS-2, within the default 4 parts, no words added', async () => {
		const message = `${PT_QUESTION}\n${signedResumeUrl()}`;
		api().post(`${BASE_PATH}/sms`, { title: 'Confirmacao', message, phones: ['11999999999'] }).reply(202, accepted(CAMPAIGN));
		const { items, error, run } = await runNode(v11());
		expect(error).toBeUndefined();
		expect(run.status).toBe('waiting');
		// The "á" makes it UCS-2 (67 characters per part): 36 + 1 + the link.
		expect(items[0].json).toMatchObject({ encoding: 'UCS-2', characters: 37 + URL_LENGTH, parts: Math.ceil((37 + URL_LENGTH) / 67) });
		expect(items[0].json.parts).toBe(3); // the default of 4 leaves room for a longer n8n address than the harness's
	});

	it('the same question is refused by a version 1 node (its 2 parts are kept, so old workflows cost what they did)', async () => {
		const { error } = await runNode(sendAndWait({ message: PT_QUESTION }));
		expect(error?.message).toMatch(/in 3 parts \(UCS-2\), more than Max SMS Parts \(2\) \[item 0\]$/);
	});

	// What n8n builds as the Message of an AI Agent's approval gate (…HitlTool) from the tool input.
	const hitl =
		'The agent wants to run this tool: send_sms\n\nInput:\n{"phones":"11988887777","message":"Olá Maria, sua visita está confirmada para amanhã às 10h. Qualquer dúvida, responda esta mensagem."}';

	it('refuses an approval request too long for Max SMS Parts with the exact value to set, in the message itself', async () => {
		const text = `${hitl}\n${signedResumeUrl()}`;
		const characters = [...text].length;
		const parts = Math.ceil(text.length / 67);
		const { error, run } = await runNode(v11({ message: hitl }));
		expect(error?.message).toBe(
			`Message: with the response link (${URL_LENGTH} characters) the SMS has ${characters} characters in ${parts} parts (UCS-2), more than Max SMS Parts (4): set Max SMS Parts to ${parts}, or shorten the Message by at least ${characters - 4 * 67} characters [item 0]`,
		);
		expect(error?.description).toBe(
			`To send it, set Max SMS Parts to ${parts}, or shorten the Message by at least ${characters - 4 * 67} characters. Characters such as "á", "ã", "ú" make it UCS-2 (67 characters per part instead of 153).`,
		);
		expect(run.status).not.toBe('waiting');
	});

	it('sends that request once Max SMS Parts is set to the value the error named', async () => {
		const first = await runNode(v11({ message: hitl }));
		const named = Number(/set Max SMS Parts to (\d+)/.exec(first.error?.message ?? '')?.[1]);
		expect(named).toBeGreaterThan(4);
		api().post(`${BASE_PATH}/sms`, { title: 'Confirmacao', message: `${hitl}\n${signedResumeUrl()}`, phones: ['11999999999'] }).reply(202, accepted(CAMPAIGN));
		const { items, error } = await runNode(v11({ message: hitl, maxSmsParts: named }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ encoding: 'UCS-2', parts: named });
	});

	it('says only "shorten" when even 10 parts are not enough', async () => {
		const { error } = await runNode(v11({ message: 'ã'.repeat(700) }));
		expect(error?.message).toMatch(/: shorten the Message by at least \d+ characters \(Max SMS Parts goes up to 10\) \[item 0\]$/);
	});

	it('refuses a Language that is not one of the two before sending', async () => {
		const { error } = await runNode(v11({ language: '={{ "fr" }}' }));
		expect(error?.message).toBe('Language: "fr" is not one of the languages [item 0]');
		expect(error?.description).toBe('Pick English or Português (Brasil) (values en, pt-BR).');
		expect((await runNode(v11({ language: 'constructor' }))).error?.message).toBe('Language: "constructor" is not one of the languages [item 0]');
	});
});
