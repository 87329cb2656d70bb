// What goes into POST /v1/messages for each message type. The type list and `text: { body }` are
// Superlead's; the other shapes follow the WhatsApp Cloud API that Superlead mirrors.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkMaxLength, checkRange, checkUrl, inputError, readJsonParameter, requireText } from '../../../shared/validation';

/** WhatsApp's own limits (Cloud API): text body and media caption. */
export const TEXT_MAX = 4096;
export const CAPTION_MAX = 1024;

const MEDIA_TYPES = ['audio', 'document', 'image', 'sticker', 'video'];

export const contentProperties: INodeProperties[] = [
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		options: [
			{ name: 'Audio', value: 'audio', description: 'An audio file from a public link' },
			{ name: 'Document', value: 'document', description: 'A file (PDF, spreadsheet…) from a public link' },
			{ name: 'Image', value: 'image', description: 'An image from a public link, with an optional caption' },
			{ name: 'JSON', value: 'json', description: 'Any other message the API accepts (contacts, interactive…), written as JSON' },
			{ name: 'Location', value: 'location', description: 'A point on the map' },
			{ name: 'Reaction', value: 'reaction', description: 'An emoji reaction to an earlier message' },
			{ name: 'Sticker', value: 'sticker', description: 'A sticker (WebP) from a public link' },
			{ name: 'Template', value: 'template', description: 'An approved template: the only type delivered outside the 24-hour window' },
			{ name: 'Text', value: 'text', description: 'A free-form text (only within 24 hours of the lead\'s last message)' },
			{ name: 'Video', value: 'video', description: 'A video from a public link, with an optional caption' },
		],
		default: 'text',
	},
	// Text
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: `The message, up to ${TEXT_MAX} characters`,
		displayOptions: { show: { messageType: ['text'] } },
	},
	{
		displayName: 'Link Preview',
		name: 'previewUrl',
		type: 'boolean',
		default: false,
		description: 'Whether WhatsApp shows a preview of the first link in the text',
		displayOptions: { show: { messageType: ['text'] } },
	},
	// Template
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
				typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: 'e.g. boas_vindas',
			},
		],
	},
	{
		displayName: 'Template Language',
		name: 'templateLanguage',
		type: 'string',
		required: true,
		default: 'pt_BR',
		placeholder: 'e.g. pt_BR',
		description: 'The language code the template was approved in, exactly as in the template list',
		displayOptions: { show: { messageType: ['template'] } },
	},
	{
		displayName: 'Body Variables',
		name: 'bodyVariables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Variable',
		default: {},
		description: 'One entry per placeholder of the template body, in order: the first fills {{1}}, the second {{2}}…',
		displayOptions: { show: { messageType: ['template'] } },
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{
						displayName: 'Parameter Name',
						name: 'parameterName',
						type: 'string',
						default: '',
						placeholder: 'e.g. first_name',
						description: 'Only for templates with named placeholders ({{first_name}}); leave empty for numbered ones',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'The text that replaces the placeholder',
					},
				],
			},
		],
	},
	{
		displayName: 'Header Media',
		name: 'headerMediaType',
		type: 'options',
		options: [
			{ name: 'Document', value: 'document' },
			{ name: 'Image', value: 'image' },
			{ name: 'None', value: 'none' },
			{ name: 'Video', value: 'video' },
		],
		default: 'none',
		description: 'For templates whose header is an image, video or document',
		displayOptions: { show: { messageType: ['template'] } },
	},
	{
		displayName: 'Header Media URL',
		name: 'headerMediaUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/offer.jpg',
		description: 'Public, direct link to the header file',
		displayOptions: { show: { messageType: ['template'], headerMediaType: ['document', 'image', 'video'] } },
	},
	{
		displayName: 'Header File Name',
		name: 'headerFilename',
		type: 'string',
		default: '',
		placeholder: 'e.g. proposta.pdf',
		description: 'Name the recipient sees for the header document',
		displayOptions: { show: { messageType: ['template'], headerMediaType: ['document'] } },
	},
	// Media
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/file.jpg',
		description: 'Public, direct link to the file; WhatsApp downloads it from there',
		displayOptions: { show: { messageType: MEDIA_TYPES } },
	},
	{
		displayName: 'Caption',
		name: 'caption',
		type: 'string',
		default: '',
		description: `Text shown with the media, up to ${CAPTION_MAX} characters`,
		displayOptions: { show: { messageType: ['document', 'image', 'video'] } },
	},
	{
		displayName: 'File Name',
		name: 'filename',
		type: 'string',
		default: '',
		placeholder: 'e.g. proposta.pdf',
		description: 'Name the recipient sees for the document',
		displayOptions: { show: { messageType: ['document'] } },
	},
	// Location
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 6 },
		required: true,
		default: 0,
		displayOptions: { show: { messageType: ['location'] } },
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 6 },
		required: true,
		default: 0,
		displayOptions: { show: { messageType: ['location'] } },
	},
	{
		displayName: 'Location Name',
		name: 'locationName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Loja Paulista',
		displayOptions: { show: { messageType: ['location'] } },
	},
	{
		displayName: 'Location Address',
		name: 'locationAddress',
		type: 'string',
		default: '',
		placeholder: 'e.g. Av. Paulista, 1000 - São Paulo',
		displayOptions: { show: { messageType: ['location'] } },
	},
	// Reaction
	{
		displayName: 'Message ID to React To',
		name: 'reactionMessageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. wamid.HBgNNTUxMTk5OTk5OTk5ORUCABEYEjI=',
		description: 'The WhatsApp ID (wamid) of the message to react to',
		displayOptions: { show: { messageType: ['reaction'] } },
	},
	{
		displayName: 'Emoji',
		name: 'emoji',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 👍',
		displayOptions: { show: { messageType: ['reaction'] } },
	},
	// JSON
	{
		displayName: 'Message JSON',
		name: 'messageJson',
		type: 'json',
		required: true,
		default: '{\n  "type": "contacts",\n  "contacts": []\n}',
		description:
			'The message object as the Superlead API takes it, with "type" and the object of that type. "to", "external_id" and the reply-to context come from the other fields.',
		displayOptions: { show: { messageType: ['json'] } },
	},
];

export interface TemplateInput {
	name: string;
	language: string;
	variables: Array<{ value: string; parameterName?: string }>;
	header?: { type: string; link: string; filename?: string };
}

/** `template` object: name, language code, header parameters and body parameters in order. */
export function buildTemplate(input: TemplateInput): IDataObject {
	const components: IDataObject[] = [];
	if (input.header) {
		const media: IDataObject = { link: input.header.link };
		if (input.header.type === 'document' && input.header.filename) media.filename = input.header.filename;
		components.push({ type: 'header', parameters: [{ type: input.header.type, [input.header.type]: media }] });
	}
	if (input.variables.length > 0) {
		components.push({
			type: 'body',
			parameters: input.variables.map((variable) => ({
				type: 'text',
				text: variable.value,
				...(variable.parameterName ? { parameter_name: variable.parameterName } : {}),
			})),
		});
	}
	return {
		name: input.name,
		language: { code: input.language },
		...(components.length > 0 ? { components } : {}),
	};
}

function optionalText(ctx: IExecuteFunctions, itemIndex: number, name: string): string {
	const value = ctx.getNodeParameter(name, itemIndex, '');
	return value === undefined || value === null ? '' : String(value).trim();
}

function readTemplate(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const locator = ctx.getNodeParameter('template', itemIndex, { value: '' }, { extractValue: true }) as unknown;
	const name = String(typeof locator === 'object' && locator !== null ? (locator as IDataObject).value ?? '' : locator ?? '').trim();
	if (name === '') {
		throw inputError(ctx, itemIndex, 'Template', 'no template was chosen', 'Pick a template from the list, or type its exact name.');
	}
	const language = requireText(ctx, itemIndex, 'Template Language', optionalText(ctx, itemIndex, 'templateLanguage'));
	const entries = ((ctx.getNodeParameter('bodyVariables', itemIndex, {}) as IDataObject).variable ?? []) as IDataObject[];
	const variables = entries.map((entry, position) => {
		const value = entry.value === undefined || entry.value === null ? '' : String(entry.value);
		if (value.trim() === '') {
			throw inputError(
				ctx,
				itemIndex,
				'Body Variables',
				`variable ${position + 1} is empty`,
				'WhatsApp rejects empty template variables: give every variable a value, or remove the entry.',
			);
		}
		const parameterName = String(entry.parameterName ?? '').trim();
		return parameterName ? { value, parameterName } : { value };
	});
	const headerType = ctx.getNodeParameter('headerMediaType', itemIndex, 'none') as string;
	let header: TemplateInput['header'];
	if (headerType !== 'none') {
		const link = checkUrl(ctx, itemIndex, 'Header Media URL', requireText(ctx, itemIndex, 'Header Media URL', optionalText(ctx, itemIndex, 'headerMediaUrl')));
		const filename = headerType === 'document' ? optionalText(ctx, itemIndex, 'headerFilename') : '';
		header = { type: headerType, link, ...(filename ? { filename } : {}) };
	}
	return buildTemplate({ name, language, variables, header });
}

function readNumber(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string, min: number, max: number): number {
	const raw = ctx.getNodeParameter(name, itemIndex);
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	return checkRange(ctx, itemIndex, label, value as number, min, max);
}

function readJsonMessage(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const parsed = readJsonParameter(ctx, itemIndex, 'messageJson', 'Message JSON', '{"type": "contacts", "contacts": [...]}');
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw inputError(ctx, itemIndex, 'Message JSON', 'it is not a JSON object', 'Write one object, e.g. {"type": "contacts", "contacts": [...]}.');
	}
	const message = { ...(parsed as IDataObject) };
	if (typeof message.type !== 'string' || message.type.trim() === '') {
		throw inputError(ctx, itemIndex, 'Message JSON', 'it has no "type"', 'Add the message type, e.g. "type": "interactive", and the object of that type.');
	}
	delete message.to;
	return message;
}

/** The type-specific part of the message body: `{ type, <type>: {...} }`. */
export function readMessageContent(ctx: IExecuteFunctions, itemIndex: number, type: string): IDataObject {
	switch (type) {
		case 'text': {
			const body = requireText(ctx, itemIndex, 'Text', ctx.getNodeParameter('text', itemIndex), { maxLength: TEXT_MAX });
			const previewUrl = ctx.getNodeParameter('previewUrl', itemIndex, false) as boolean;
			return { type, text: previewUrl ? { body, preview_url: true } : { body } };
		}
		case 'template':
			return { type, template: readTemplate(ctx, itemIndex) };
		case 'audio':
		case 'document':
		case 'image':
		case 'sticker':
		case 'video': {
			const link = checkUrl(ctx, itemIndex, 'Media URL', requireText(ctx, itemIndex, 'Media URL', optionalText(ctx, itemIndex, 'mediaUrl')));
			const media: IDataObject = { link };
			if (type === 'document' || type === 'image' || type === 'video') {
				const caption = String(ctx.getNodeParameter('caption', itemIndex, '') ?? '');
				checkMaxLength(ctx, itemIndex, 'Caption', caption, CAPTION_MAX);
				if (caption.trim() !== '') media.caption = caption;
			}
			if (type === 'document') {
				const filename = optionalText(ctx, itemIndex, 'filename');
				if (filename) media.filename = filename;
			}
			return { type, [type]: media };
		}
		case 'location': {
			const location: IDataObject = {
				latitude: readNumber(ctx, itemIndex, 'latitude', 'Latitude', -90, 90),
				longitude: readNumber(ctx, itemIndex, 'longitude', 'Longitude', -180, 180),
			};
			const name = optionalText(ctx, itemIndex, 'locationName');
			const address = optionalText(ctx, itemIndex, 'locationAddress');
			if (name) location.name = name;
			if (address) location.address = address;
			return { type, location };
		}
		case 'reaction':
			return {
				type,
				reaction: {
					message_id: requireText(ctx, itemIndex, 'Message ID to React To', optionalText(ctx, itemIndex, 'reactionMessageId')),
					emoji: requireText(ctx, itemIndex, 'Emoji', optionalText(ctx, itemIndex, 'emoji')),
				},
			};
		case 'json':
			return readJsonMessage(ctx, itemIndex);
		default:
			throw inputError(ctx, itemIndex, 'Message Type', `"${type}" is not a message type`, 'Pick a message type from the list.');
	}
}
