import nock from 'nock';

import { buildSendMessageBody } from '../../nodes/Leadway/actions/message/send';
import { runNode } from '../harness';
import { LOCATION_ID, api, setup } from './fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** The request body of Leadway's documented example (seed 003), every field set. */
const SEED_BODY = {
	type: 'Email',
	subType: 'Email',
	contactId: 'abc123def456',
	appointmentId: 'appt123',
	attachments: ['https://storage.com/file1.pdf', 'https://storage.com/file2.jpg'],
	emailFrom: 'sender@company.com',
	emailCc: ['cc1@company.com', 'cc2@company.com'],
	emailBcc: ['bcc1@company.com', 'bcc2@company.com'],
	html: '<p>Hello World</p>',
	message: 'Hello, how can I help you today?',
	subject: 'Important Update',
	replyMessageId: 'msg123',
	templateId: 'template123',
	threadId: 'thread123',
	scheduledTimestamp: 1669287863,
	conversationProviderId: 'provider123',
	emailTo: 'recipient@company.com',
	customSubtypeId: '507f1f77bcf86cd799439011',
	emailReplyMode: 'reply_all',
	fromNumber: '+14994992990',
	toNumber: '+14394992990',
	forward: {
		isForwarded: true,
		forwardWholeThread: false,
		messageId: 't22c6DQcTDf3MjRhwf77',
		emailMessageId: 'rnGyqh2F6uBrIkfhFo9A',
		toEmail: 'forward@example.com',
		recipientContactId: 'DEF56h2F6uBrIkfXYacd',
	},
	status: 'delivered',
	usesNativeSchedulingAi: false,
	optimizationPeriod: '24h',
};

/** The documented response. */
const SEED_RESPONSE = {
	conversationId: 'ABC12h2F6uBrIkfXYazb',
	emailMessageId: 'rnGyqh2F6uBrIkfhFo9A',
	messageId: 't22c6DQcTDf3MjRhwf77',
	messageIds: ['string'],
	msg: 'Message queued successfully.',
	status: 'delivered',
};

const SEED_PARAMETERS = {
	resource: 'message',
	operation: 'send',
	type: 'Email',
	contactBy: 'contact',
	contactId: byId('abc123def456'),
	message: 'Hello, how can I help you today?',
	subject: 'Important Update',
	html: '<p>Hello World</p>',
	templateId: byId('template123'),
	attachments: 'https://storage.com/file1.pdf, https://storage.com/file2.jpg',
	emailOptions: {
		emailFrom: 'sender@company.com',
		emailTo: 'recipient@company.com',
		emailCc: 'cc1@company.com, cc2@company.com',
		emailBcc: 'bcc1@company.com, bcc2@company.com',
		emailReplyMode: 'reply_all',
		replyMessageId: 'msg123',
		threadId: 'thread123',
		customSubtypeId: '507f1f77bcf86cd799439011',
		forward: {
			settings: {
				isForwarded: true,
				forwardWholeThread: false,
				messageId: 't22c6DQcTDf3MjRhwf77',
				emailMessageId: 'rnGyqh2F6uBrIkfhFo9A',
				toEmail: 'forward@example.com',
				recipientContactId: 'DEF56h2F6uBrIkfXYacd',
			},
		},
		usesNativeSchedulingAi: false,
		optimizationPeriod: '24h',
	},
	additionalFields: {
		subType: 'Email',
		appointmentId: 'appt123',
		conversationProviderId: 'provider123',
		scheduledTime: '2022-11-24T11:04:23Z',
		status: 'delivered',
		fromNumber: '+14994992990',
		toNumber: '+14394992990',
	},
};

describe('Leadway message send', () => {
	it('sends the documented Email example with every field, producing exactly the documented body', async () => {
		let sent: unknown;
		api()
			.post('/conversations/messages', (body) => {
				sent = body;
				return true;
			})
			.reply(201, SEED_RESPONSE);

		const { items, error } = await runNode(setup(SEED_PARAMETERS));
		expect(error).toBeUndefined();
		// Same keys, same values and the same key order as Leadway's example.
		expect(JSON.stringify(sent)).toBe(JSON.stringify(SEED_BODY));
		expect(items).toEqual([{ json: { ...SEED_RESPONSE, contactId: 'abc123def456' }, pairedItem: { item: 0 } }]);
	});

	it('builds the body in the documented key order whatever order the fields come in', () => {
		const shuffled = Object.fromEntries(Object.entries(SEED_BODY).reverse()) as typeof SEED_BODY;
		expect(JSON.stringify(buildSendMessageBody(shuffled))).toBe(JSON.stringify(SEED_BODY));
	});

	it('checks every item before sending: an empty message on item 1 means nothing goes out, not even item 0', async () => {
		const { items, error } = await runNode(
			setup({
				resource: 'message',
				operation: 'send',
				type: 'SMS',
				contactBy: 'phone',
				contactPhone: '11 98888-7777',
				message: '={{ $json.text }}',
			}),
			[{ text: 'Olá!' }, { text: '' }],
		);
		expect(items).toEqual([]);
		expect(error?.message).toBe('Message: there is nothing to send [item 1]');
	});

	it('finds the contact by a Brazilian phone in E.164 and sends an SMS to it', async () => {
		api()
			.get('/contacts/search/duplicate')
			.query({ locationId: LOCATION_ID, number: '+5511988887777' })
			.reply(200, { contact: { id: 'contactSms01', phone: '+5511988887777' } });
		api()
			.post('/conversations/messages', { type: 'SMS', contactId: 'contactSms01', message: 'Olá! Seu pedido saiu para entrega.' })
			.reply(201, { conversationId: 'conv01', messageId: 'msg01', msg: 'Message queued successfully.' });

		const { items, error } = await runNode(
			setup({
				resource: 'message',
				operation: 'send',
				type: 'SMS',
				contactBy: 'phone',
				contactPhone: '11 8888-7777',
				message: 'Olá! Seu pedido saiu para entrega.',
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: { conversationId: 'conv01', messageId: 'msg01', msg: 'Message queued successfully.', contactId: 'contactSms01' },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('fails with a way out when no contact has the phone and creating is off', async () => {
		api()
			.get('/contacts/search/duplicate')
			.query({ locationId: LOCATION_ID, number: '+5511988887777' })
			.reply(200, { contact: null });

		const { error } = await runNode(
			setup({
				resource: 'message',
				operation: 'send',
				type: 'WhatsApp',
				contactBy: 'phone',
				contactPhone: '+55 11 98888-7777',
				createContact: false,
				message: 'Oi',
			}),
		);
		expect(error?.message).toBe('No contact with phone +5511988887777 was found in this location');
		expect(error?.description).toContain('Create Contact If Missing');
	});

	it('creates the contact by email when asked, then sends the WhatsApp template to it', async () => {
		api()
			.post('/contacts/upsert', { locationId: LOCATION_ID, email: 'joao@example.com' })
			.reply(200, { new: true, contact: { id: 'newContact01' } });
		api()
			.post('/conversations/messages', { type: 'WhatsApp', contactId: 'newContact01', templateId: 'tplWelcome' })
			.reply(201, { conversationId: 'conv02', messageId: 'msg02' });

		const { items, error } = await runNode(
			setup({
				resource: 'message',
				operation: 'send',
				type: 'WhatsApp',
				contactBy: 'email',
				contactEmail: 'joao@example.com',
				createContact: true,
				templateId: { __rl: true, mode: 'list', value: 'tplWelcome' },
			}),
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ conversationId: 'conv02', messageId: 'msg02', contactId: 'newContact01' });
	});

	it('converts a scheduled time with an offset to UTC seconds', async () => {
		api()
			.post('/conversations/messages', {
				type: 'SMS',
				contactId: 'c1',
				message: 'Lembrete da consulta',
				scheduledTimestamp: 1893493800,
			})
			.reply(201, { conversationId: 'conv03', messageId: 'msg03' });

		const { error } = await runNode(
			setup({
				resource: 'message',
				operation: 'send',
				type: 'SMS',
				contactBy: 'contact',
				contactId: byId('c1'),
				message: 'Lembrete da consulta',
				additionalFields: { scheduledTime: '2030-01-01T07:30:00-03:00' },
			}),
		);
		expect(error).toBeUndefined();
	});

	it('rejects an attachment that is not a web address before any request', async () => {
		const { error } = await runNode(
			setup({
				resource: 'message',
				operation: 'send',
				type: 'SMS',
				contactBy: 'contact',
				contactId: byId('c1'),
				message: 'Segue o boleto',
				attachments: 'https://example.com/a.pdf, boleto.pdf',
			}),
		);
		expect(error?.message).toBe('Attachment URLs: "boleto.pdf" is not a web address [item 0]');
	});

	it('rejects a message with nothing to send before any request', async () => {
		const { error } = await runNode(
			setup({ resource: 'message', operation: 'send', type: 'Email', contactBy: 'contact', contactId: byId('c1'), subject: 'Oi' }),
		);
		expect(error?.message).toBe('Message: there is nothing to send [item 0]');
		expect(error?.description).toBe('Fill in Message or HTML, pick a Template, or add Attachment URLs or Attachment Files.');
	});

	it('rejects a malformed CC address before any request', async () => {
		const { error } = await runNode(
			setup({
				resource: 'message',
				operation: 'send',
				type: 'Email',
				contactBy: 'contact',
				contactId: byId('c1'),
				html: '<p>Oi</p>',
				emailOptions: { emailCc: 'ok@example.com, not-an-address' },
			}),
		);
		expect(error?.message).toBe('CC: "not-an-address" is not an email address [item 0]');
	});

	it('rejects an unreadable scheduled time before any request', async () => {
		const { error } = await runNode(
			setup({
				resource: 'message',
				operation: 'send',
				type: 'SMS',
				contactBy: 'contact',
				contactId: byId('c1'),
				message: 'Oi',
				additionalFields: { scheduledTime: 'amanhã cedo' },
			}),
		);
		expect(error?.message).toBe('Scheduled Time: "amanhã cedo" is not a date and time [item 0]');
	});

	it('rejects a bad contact phone before looking anything up', async () => {
		const { error } = await runNode(
			setup({ resource: 'message', operation: 'send', type: 'SMS', contactBy: 'phone', contactPhone: '0800 123', message: 'Oi' }),
		);
		expect(error?.message).toContain('Contact Phone: "0800 123" is not a valid phone number');
	});
});

describe('Leadway message get', () => {
	it('gets one message with its status', async () => {
		const message = {
			id: 'msg01',
			type: 2,
			messageType: 'TYPE_SMS',
			locationId: LOCATION_ID,
			contactId: 'contactSms01',
			conversationId: 'conv01',
			dateAdded: '2025-01-10T12:00:00.000Z',
			body: 'Olá!',
			direction: 'outbound',
			status: 'delivered',
			contentType: 'text/plain',
		};
		api().get('/conversations/messages/msg01').reply(200, message);

		const { items, error } = await runNode(setup({ resource: 'message', operation: 'get', messageId: 'msg01' }));
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: message, pairedItem: { item: 0 } }]);
	});

	it('lists the messages of a conversation by following lastMessageId', async () => {
		api()
			.get('/conversations/conv01/messages')
			.query({ limit: 3, type: 'TYPE_SMS,TYPE_WHATSAPP' })
			.reply(200, { messages: { lastMessageId: 'm2', nextPage: true, messages: [{ id: 'm1' }, { id: 'm2' }] } });
		api()
			.get('/conversations/conv01/messages')
			.query({ limit: 1, lastMessageId: 'm2', type: 'TYPE_SMS,TYPE_WHATSAPP' })
			.reply(200, { messages: { lastMessageId: 'm3', nextPage: true, messages: [{ id: 'm3' }] } });

		const { items, error } = await runNode(
			setup({
				resource: 'message',
				operation: 'getAll',
				conversationId: 'conv01',
				returnAll: false,
				limit: 3,
				filters: { types: ['TYPE_SMS', 'TYPE_WHATSAPP'] },
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { id: 'm1' }, pairedItem: { item: 0 } },
			{ json: { id: 'm2' }, pairedItem: { item: 0 } },
			{ json: { id: 'm3' }, pairedItem: { item: 0 } },
		]);
	});

	it('stops listing when Leadway says there is no next page', async () => {
		api()
			.get('/conversations/conv01/messages')
			.query({ limit: 100 })
			.reply(200, { messages: { lastMessageId: 'm1', nextPage: false, messages: [{ id: 'm1' }] } });

		const { items, error } = await runNode(
			setup({ resource: 'message', operation: 'getAll', conversationId: 'conv01', returnAll: true }),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { id: 'm1' }, pairedItem: { item: 0 } }]);
	});
});
