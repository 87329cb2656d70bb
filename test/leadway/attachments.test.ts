import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness';
import { binaryFile, multipartParts, rawBody } from '../harness/multipart';
import type { Part } from '../harness/multipart';
import { LOCATION_ID, api, setup } from './fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const CONTACT_ID = 'c1';
const CONVERSATION_ID = 'conv9ABC';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const STORED_URL = 'https://storage.leadconnectorhq.com/uploads/proposta.pdf';

const send = (extra: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'send',
	type: 'WhatsApp',
	contactBy: 'contact',
	contactId: { __rl: true, mode: 'id', value: CONTACT_ID },
	message: 'Segue a proposta',
	attachments: 'https://example.com/tabela.png',
	attachmentFiles: 'data',
	...extra,
});

/** Captures the multipart parts of the upload and answers with the stored file's URL. */
function expectUpload(captured: { parts: Part[] }) {
	api()
		.post('/conversations/messages/upload', function (this: { headers: Record<string, string> }, body: string) {
			captured.parts = multipartParts(this.headers['content-type'], rawBody(body));
			return true;
		})
		.matchHeader('content-type', /^multipart\/form-data; boundary=/)
		.reply(200, { uploadedFiles: { 'proposta.pdf': STORED_URL } });
}

describe('Leadway message send: attachments from binary data', () => {
	it('uploads the file to the contact\'s conversation and sends its URL after the given links', async () => {
		api()
			.get('/conversations/search')
			.query({ locationId: LOCATION_ID, contactId: CONTACT_ID, limit: 1 })
			.reply(200, { conversations: [{ id: CONVERSATION_ID, contactId: CONTACT_ID }], total: 1 });
		const captured = { parts: [] as Part[] };
		expectUpload(captured);
		api()
			.post('/conversations/messages', {
				type: 'WhatsApp',
				contactId: CONTACT_ID,
				attachments: ['https://example.com/tabela.png', STORED_URL],
				message: 'Segue a proposta',
			})
			.reply(200, { conversationId: CONVERSATION_ID, messageId: 'm1', msg: 'Message queued successfully.' });

		const { items, error } = await runNode(setup(send(), { binaryInput: [binaryFile(PDF, 'application/pdf', 'proposta.pdf')] }));
		expect(error).toBeUndefined();
		expect(captured.parts.map((part) => part.headers)).toEqual([
			'Content-Disposition: form-data; name="conversationId"',
			'Content-Disposition: form-data; name="locationId"',
			'Content-Disposition: form-data; name="contactId"',
			'Content-Disposition: form-data; name="fileAttachment"; filename="proposta.pdf"\r\nContent-Type: application/pdf',
		]);
		expect(captured.parts.slice(0, 3).map((part) => part.content.toString('utf8'))).toEqual([CONVERSATION_ID, LOCATION_ID, CONTACT_ID]);
		expect(captured.parts[3].content.equals(PDF)).toBe(true);
		expect(items).toEqual([
			{
				json: { conversationId: CONVERSATION_ID, messageId: 'm1', msg: 'Message queued successfully.', contactId: CONTACT_ID },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('starts a conversation when the contact has none, then uploads', async () => {
		api()
			.get('/conversations/search')
			.query({ locationId: LOCATION_ID, contactId: CONTACT_ID, limit: 1 })
			.reply(200, { conversations: [], total: 0 });
		api()
			.post('/conversations/', { locationId: LOCATION_ID, contactId: CONTACT_ID })
			.reply(201, { success: true, conversation: { id: CONVERSATION_ID, contactId: CONTACT_ID } });
		const captured = { parts: [] as Part[] };
		expectUpload(captured);
		api()
			.post('/conversations/messages', { type: 'WhatsApp', contactId: CONTACT_ID, attachments: [STORED_URL] })
			.reply(200, { conversationId: CONVERSATION_ID, messageId: 'm2' });

		const { items, error } = await runNode(
			setup(send({ message: '', attachments: '' }), { binaryInput: [binaryFile(PDF, 'application/pdf', 'proposta.pdf')] }),
		);
		expect(error).toBeUndefined();
		expect(captured.parts[0].content.toString('utf8')).toBe(CONVERSATION_ID);
		expect(items[0].json).toEqual({ conversationId: CONVERSATION_ID, messageId: 'm2', contactId: CONTACT_ID });
	});

	it('refuses a binary property the item does not have, naming the ones it has, before any request', async () => {
		const { items, error } = await runNode(
			setup(send({ attachmentFiles: 'data, contrato' }), { binaryInput: [binaryFile(PDF, 'application/pdf', 'proposta.pdf')] }),
		);
		expect(items).toEqual([]);
		expect(error?.message).toBe('Attachment Files: the item has no binary property "contrato" [item 0]');
		expect(error?.description).toBe('Use one of the item\'s binary properties: data.');
	});

	it('refuses a file type Leadway does not accept, before any request', async () => {
		const { error } = await runNode(
			setup(send(), { binaryInput: [binaryFile(Buffer.from('GIF89a'), 'image/gif', 'animacao.gif')] }),
		);
		expect(error?.message).toBe('Attachment Files: "animacao.gif" (image/gif) is not a file type Leadway accepts [item 0]');
		expect(error?.description).toContain('JPG, JPEG, PNG, MP4, MPEG, ZIP, RAR, PDF, DOC, DOCX, TXT, MP3, WAV');
	});

	it('refuses a Max Attachment Size that is not a positive number instead of using the default', async () => {
		const { error } = await runNode(
			setup(send({ additionalFields: { maxAttachmentMb: '={{ "dez" }}' } }), { binaryInput: [binaryFile(PDF, 'application/pdf', 'proposta.pdf')] }),
		);
		expect(error?.message).toBe('Max Attachment Size (MB): dez is outside the allowed range [item 0]');
	});

	it('refuses a file over the size limit before uploading anything, and sends the other items', async () => {
		api()
			.post('/conversations/messages', { type: 'WhatsApp', contactId: CONTACT_ID, attachments: ['https://example.com/tabela.png'], message: 'Sem arquivo' })
			.reply(200, { conversationId: CONVERSATION_ID, messageId: 'm3' });
		const { items } = await runNode(
			setup(send({ message: '={{ $json.text }}', attachmentFiles: '={{ $json.files }}', additionalFields: { maxAttachmentMb: 0.1 } }), {
				continueOnFail: true,
				binaryInput: [binaryFile(Buffer.alloc(200 * 1024, 1), 'application/pdf', 'grande.pdf'), undefined],
			}),
			[
				{ text: 'Com arquivo', files: 'data' },
				{ text: 'Sem arquivo', files: '' },
			],
		);
		expect(items.map((item) => [item.json.error ?? item.json.messageId, item.pairedItem])).toEqual([
			['Attachment Files: "grande.pdf" has 0.2 MB, more than the 0.1 MB allowed [item 0]', { item: 0 }],
			['m3', { item: 1 }],
		]);
	});
});

describe('Leadway message send, version 1.1: Attach Input Files and Input Binary Field(s), n8n\'s convention', () => {
	// What a new node saves: the switch on and Input Binary Field(s) left at its default, `data`.
	const sendV11 = (extra: Record<string, unknown> = {}) => {
		const parameters: INodeParameters = send({ binaryData: true, ...extra }) as INodeParameters;
		delete parameters.attachmentFiles;
		return parameters;
	};

	it('with the switch on, uploads the file of the default field data and sends its URL, exactly as version 1 did', async () => {
		api()
			.get('/conversations/search')
			.query({ locationId: LOCATION_ID, contactId: CONTACT_ID, limit: 1 })
			.reply(200, { conversations: [{ id: CONVERSATION_ID, contactId: CONTACT_ID }], total: 1 });
		const captured = { parts: [] as Part[] };
		expectUpload(captured);
		api()
			.post('/conversations/messages', {
				type: 'WhatsApp',
				contactId: CONTACT_ID,
				attachments: ['https://example.com/tabela.png', STORED_URL],
				message: 'Segue a proposta',
			})
			.reply(200, { conversationId: CONVERSATION_ID, messageId: 'm1' });

		const { items, error } = await runNode({
			...setup(sendV11(), { binaryInput: [binaryFile(PDF, 'application/pdf', 'proposta.pdf')] }),
			typeVersion: 1.1,
		});
		expect(error).toBeUndefined();
		expect(captured.parts.map((part) => part.headers)[3]).toBe(
			'Content-Disposition: form-data; name="fileAttachment"; filename="proposta.pdf"\r\nContent-Type: application/pdf',
		);
		expect(captured.parts[3].content.equals(PDF)).toBe(true);
		expect(items).toEqual([{ json: { conversationId: CONVERSATION_ID, messageId: 'm1', contactId: CONTACT_ID }, pairedItem: { item: 0 } }]);
	});

	it('with the switch off (the default), attaches nothing even when the item carries a file', async () => {
		api()
			.post('/conversations/messages', { type: 'WhatsApp', contactId: CONTACT_ID, attachments: ['https://example.com/tabela.png'], message: 'Segue a proposta' })
			.reply(200, { conversationId: CONVERSATION_ID, messageId: 'm4' });
		const parameters = sendV11();
		delete parameters.binaryData;
		const { items, error } = await runNode({
			...setup(parameters, { binaryInput: [binaryFile(PDF, 'application/pdf', 'proposta.pdf')] }),
			typeVersion: 1.1,
		});
		expect(error).toBeUndefined();
		expect(items[0].json.messageId).toBe('m4');
	});

	it('names Input Binary Field(s) in its refusals, before any request', async () => {
		const missing = await runNode({
			...setup(sendV11({ binaryPropertyName: 'data, contrato' }), { binaryInput: [binaryFile(PDF, 'application/pdf', 'proposta.pdf')] }),
			typeVersion: 1.1,
		});
		expect(missing.error?.message).toBe('Input Binary Field(s): the item has no binary property "contrato" [item 0]');

		const empty = await runNode({ ...setup(sendV11({ binaryPropertyName: ' ' })), typeVersion: 1.1 });
		expect(empty.error?.message).toBe('Input Binary Field(s): it is empty [item 0]');
		expect(empty.error?.description).toBe('Name the binary field(s) holding the files (usually data), or turn off Attach Input Files.');

		const nothing = await runNode({ ...setup(sendV11({ binaryData: false, message: '', attachments: '' })), typeVersion: 1.1 });
		expect(nothing.error?.description).toBe('Fill in Message, pick a Template, or add Attachment URLs or turn on Attach Input Files.');
	});

	it('a version 1 node keeps its Attachment Files list; version 1.1 shows the new fields instead', async () => {
		const { Leadway } = await import('../../nodes/Leadway/Leadway.node');
		const { NodeHelpers } = await import('n8n-workflow');
		const node = new Leadway();
		const shown = (typeVersion: number, parameters: Record<string, unknown>) =>
			node.description.properties
				.filter((property) => ['attachmentFiles', 'binaryData', 'binaryPropertyName'].includes(property.name))
				.filter((property) =>
					NodeHelpers.displayParameter(
						{ resource: 'message', operation: 'send', ...parameters } as never,
						property,
						{ typeVersion, parameters: {} } as never,
						node.description,
					),
				)
				.map((property) => property.name);
		expect(shown(1, {})).toEqual(['attachmentFiles']);
		expect(shown(1.1, { binaryData: false })).toEqual(['binaryData']);
		expect(shown(1.1, { binaryData: true })).toEqual(['binaryData', 'binaryPropertyName']);
		const field = node.description.properties.find((property) => property.name === 'binaryPropertyName');
		expect(field).toMatchObject({ displayName: 'Input Binary Field(s)', type: 'string', default: 'data' });
	});
});
