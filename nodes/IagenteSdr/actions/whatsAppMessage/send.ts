import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { SEND_AND_WAIT } from '../../../shared/sendAndWait';
import { checkUrl, inputError, requireText } from '../../../shared/validation';
import { iagenteRequest, unwrapRecord } from '../../transport';
import { readRecipient, recipientFields } from '../common';

const MEDIA_TYPES = ['image', 'video', 'document', 'audio'];

const properties: INodeProperties[] = [
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		options: [
			{ name: 'Audio', value: 'audio', description: 'An audio file from a public URL' },
			{ name: 'Document', value: 'document', description: 'A file (PDF, spreadsheet…) from a public URL' },
			{ name: 'Image', value: 'image', description: 'An image from a public URL, with an optional caption' },
			{ name: 'Template', value: 'template', description: 'An approved WhatsApp template (needed outside the 24-hour window)' },
			{ name: 'Text', value: 'text', description: 'A free-form text message' },
			{ name: 'Video', value: 'video', description: 'A video from a public URL, with an optional caption' },
		],
		default: 'text',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'The message to send',
		displayOptions: { show: { messageType: ['text'] } },
	},
	{
		displayName: 'Template',
		name: 'template',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The approved template to send',
		displayOptions: { show: { messageType: ['template'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchWhatsAppTemplates', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '12',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A template ID is a number' } }],
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'boas_vindas',
			},
		],
	},
	{
		displayName: 'Template Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Variable',
		default: {},
		description: 'Values for the template placeholders, in order: the first fills {{1}}, the second {{2}}…',
		displayOptions: { show: { messageType: ['template'] } },
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }],
			},
		],
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/file.jpg',
		description: 'Public, direct link to the file. IAGENTE SDR downloads it from there.',
		displayOptions: { show: { messageType: MEDIA_TYPES } },
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		description: 'Text shown with the media (optional)',
		displayOptions: { show: { messageType: ['image', 'video', 'document'] } },
	},
	{
		displayName: 'File Name',
		name: 'filename',
		type: 'string',
		default: '',
		placeholder: 'proposta.pdf',
		description: 'Name the recipient sees for the document',
		displayOptions: { show: { messageType: ['document'] } },
	},
];

export const description: INodeProperties[] = [
	...recipientFields('whatsAppMessage', ['send', SEND_AND_WAIT]),
	...updateDisplayOptions({ show: { resource: ['whatsAppMessage'], operation: ['send'] } }, properties),
];

interface TemplateLocator {
	mode: string;
	value: string;
}

export function readTemplateReference(locator: TemplateLocator): IDataObject {
	const value = String(locator.value ?? '').trim();
	if (locator.mode === 'name') return { template_name: value };
	return { template_id: /^\d+$/.test(value) ? Number(value) : value };
}

/** Reads and checks the item's fields into the request body; sends nothing. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = this.getNodeParameter('messageType', itemIndex) as string;
	const body: IDataObject = { ...readRecipient(this, itemIndex), type };

	if (type === 'text') {
		body.text = requireText(this, itemIndex, 'Text', this.getNodeParameter('text', itemIndex));
	} else if (type === 'template') {
		const locator = this.getNodeParameter('template', itemIndex) as TemplateLocator;
		if (!locator || String(locator.value ?? '').trim() === '') {
			throw inputError(this, itemIndex, 'Template', 'no template was chosen', 'Pick a template from the list, or give its ID or exact name.');
		}
		Object.assign(body, readTemplateReference(locator));
		const variables = (this.getNodeParameter('variables', itemIndex, {}) as IDataObject).variable as
			| Array<{ value: string }>
			| undefined;
		body.variables = (variables ?? []).map((entry) => String(entry.value ?? ''));
	} else {
		body.media_url = checkUrl(this, itemIndex, 'Media URL', requireText(this, itemIndex, 'Media URL', this.getNodeParameter('mediaUrl', itemIndex)));
		if (type !== 'audio') {
			const caption = String(this.getNodeParameter('caption', itemIndex, '') ?? '');
			if (caption) body.caption = caption;
		}
		if (type === 'document') {
			const filename = String(this.getNodeParameter('filename', itemIndex, '') ?? '').trim();
			if (filename) body.filename = filename;
		}
	}

	return body;
}

/** POST /whatsapp/messages: the one way a WhatsApp message goes out (Send and Send and Wait). */
export async function sendWhatsApp(ctx: IExecuteFunctions, itemIndex: number, body: IDataObject): Promise<IDataObject> {
	return unwrapRecord(await iagenteRequest(ctx, 'POST', '/whatsapp/messages', { body, itemIndex }));
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? (await prepare.call(this, itemIndex));
	return await sendWhatsApp(this, itemIndex, body);
}
