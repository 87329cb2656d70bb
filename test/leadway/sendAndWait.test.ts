import nock from 'nock';

import { runNode, signedResumeUrl } from '../harness';
import { LOCATION_ID, api, setup } from './fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const QUESTION = 'Posso marcar a demo para quinta?';
const QUEUED = { conversationId: 'conv01', messageId: 'msg01', msg: 'Message queued successfully.' };

const sendAndWait = (extra: Record<string, unknown> = {}) =>
	setup({
		resource: 'message',
		operation: 'sendAndWait',
		type: 'WhatsApp',
		contactBy: 'contact',
		contactId: byId('seD4PfOuKoVMLkEZqohJ'),
		message: QUESTION,
		...extra,
	});

describe('Leadway Send and Wait for Response', () => {
	it('sends a WhatsApp message with the labelled link through the normal message send, then waits', async () => {
		api()
			.post('/conversations/messages', {
				type: 'WhatsApp',
				contactId: 'seD4PfOuKoVMLkEZqohJ',
				message: `${QUESTION}\n\nRespond: ${signedResumeUrl()}`,
			})
			.reply(201, QUEUED);
		const { items, error, run } = await runNode(sendAndWait());
		expect(error).toBeUndefined();
		expect(run.status).toBe('waiting');
		expect(items).toEqual([{ json: { ...QUEUED, contactId: 'seD4PfOuKoVMLkEZqohJ' }, pairedItem: { item: 0 } }]);
	});

	it('sends an SMS to a contact found by phone with the bare link on the next line, and reports its parts', async () => {
		const message = `${QUESTION}\n${signedResumeUrl()}`;
		api()
			.get('/contacts/search/duplicate')
			.query({ locationId: LOCATION_ID, number: '+5511988887777' })
			.reply(200, { contact: { id: 'contactSms01', phone: '+5511988887777' } });
		api().post('/conversations/messages', { type: 'SMS', contactId: 'contactSms01', message }).reply(201, QUEUED);
		const { items, error } = await runNode(sendAndWait({ type: 'SMS', contactBy: 'phone', contactPhone: '11 8888-7777' }));
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ ...QUEUED, contactId: 'contactSms01', encoding: 'GSM-7', characters: message.length, parts: 2 });
	});

	it('refuses an SMS longer than Max SMS Parts before looking anything up', async () => {
		const { error } = await runNode(
			sendAndWait({ type: 'SMS', contactBy: 'phone', contactPhone: '11 8888-7777', message: 'x'.repeat(300), maxSmsParts: 2 }),
		);
		const link = signedResumeUrl().length;
		expect(error?.message).toBe(
			`Message: with the response link (${link} characters) the SMS has ${301 + link} characters in 3 parts (GSM-7), more than Max SMS Parts (2) [item 0]`,
		);
	});

	it('sends an email with the subject, the plain text with the link, and an HTML part with an escaped message and a button', async () => {
		const url = signedResumeUrl();
		api()
			.post('/conversations/messages', {
				type: 'Email',
				contactId: 'seD4PfOuKoVMLkEZqohJ',
				html:
					'<p>Aprova o &lt;desconto&gt; &amp; o prazo?<br>Obrigado</p>' +
					`<p><a href="${url.replace(/&/g, '&amp;')}" style="display:inline-block;padding:10px 20px;border-radius:6px;background:#1d6ef5;color:#ffffff;text-decoration:none">Responder</a></p>`,
				message: `Aprova o <desconto> & o prazo?\nObrigado\n\nResponder: ${url}`,
				subject: 'Aprovação necessária',
			})
			.reply(201, QUEUED);
		const { error } = await runNode(
			sendAndWait({
				type: 'Email',
				subject: 'Aprovação necessária',
				message: 'Aprova o <desconto> & o prazo?\nObrigado',
				responseType: 'freeText',
				options: { linkLabel: 'Responder' },
			}),
		);
		expect(error).toBeUndefined();
	});

	it('refuses an email without a subject before sending', async () => {
		const { error } = await runNode(sendAndWait({ type: 'Email', subject: ' ' }));
		expect(error?.message).toBe('Subject: it is empty [item 0]');
	});

	it('offers every text channel but Custom', async () => {
		const { Leadway } = await import('../../nodes/Leadway/Leadway.node');
		const channel = new Leadway().description.properties.find(
			(property) => property.name === 'type' && property.displayOptions?.show?.operation?.includes('sendAndWait'),
		);
		expect(channel?.options?.map((option) => (option as { value: string }).value)).toEqual([
			'Email',
			'FB',
			'IG',
			'Live_Chat',
			'RCS',
			'SMS',
			'TIKTOK',
			'WhatsApp',
		]);
	});
});

describe('Leadway Send and Wait for Response, node version 1.1 (Portuguese by default)', () => {
	const v11 = (extra: Record<string, unknown> = {}) => ({ ...sendAndWait(extra), typeVersion: 1.1 });

	it('puts "Responda:" before the link in a chat message', async () => {
		api()
			.post('/conversations/messages', { type: 'WhatsApp', contactId: 'seD4PfOuKoVMLkEZqohJ', message: `${QUESTION}\n\nResponda: ${signedResumeUrl()}` })
			.reply(201, QUEUED);
		const { error, run } = await runNode(v11());
		expect(error).toBeUndefined();
		expect(run.status).toBe('waiting');
	});

	/** Sends an email Send and Wait and expects the text link after `prefix` and a button labelled `button`. */
	async function expectEmail(parameters: Record<string, unknown>, prefix: string, button: string) {
		const url = signedResumeUrl();
		api()
			.post('/conversations/messages', {
				type: 'Email',
				contactId: 'seD4PfOuKoVMLkEZqohJ',
				subject: 'Demo',
				message: `Quinta às 15h?\n\n${prefix}${url}`,
				html:
					'<p>Quinta às 15h?</p>' +
					`<p><a href="${url.replace(/&/g, '&amp;')}" style="display:inline-block;padding:10px 20px;border-radius:6px;background:#1d6ef5;color:#ffffff;text-decoration:none">${button}</a></p>`,
			})
			.reply(201, QUEUED);
		expect((await runNode(v11({ type: 'Email', subject: 'Demo', message: 'Quinta às 15h?', ...parameters }))).error).toBeUndefined();
	}

	it('labels the email button "Responder" and the text link "Responda", and in English when chosen', async () => {
		await expectEmail({}, 'Responda: ', 'Responder');
		await expectEmail({ language: 'en' }, 'Respond: ', 'Respond');
	});

	it('sends the link alone when Link Label is added but left empty, with the language\'s word on the email button', async () => {
		await expectEmail({ options: { linkLabel: '' } }, '', 'Responder');
		await expectEmail({ options: { linkLabel: 'Clique' } }, 'Clique: ', 'Clique');
	});

	it('sends "Qual o melhor horário para a visita?" by SMS at default options: the bare link, UCS-2, 3 parts', async () => {
		const message = `Qual o melhor horário para a visita?\n${signedResumeUrl()}`;
		api()
			.get('/contacts/search/duplicate')
			.query({ locationId: LOCATION_ID, number: '+5511988887777' })
			.reply(200, { contact: { id: 'contactSms01', phone: '+5511988887777' } });
		api().post('/conversations/messages', { type: 'SMS', contactId: 'contactSms01', message }).reply(201, QUEUED);
		const { items, error } = await runNode(
			v11({ type: 'SMS', contactBy: 'phone', contactPhone: '11 8888-7777', message: 'Qual o melhor horário para a visita?' }),
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ ...QUEUED, contactId: 'contactSms01', encoding: 'UCS-2', characters: [...message].length, parts: 3 });
	});
});
