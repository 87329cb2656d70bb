import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	checkCount,
	checkMaxLength,
	checkRange,
	checkUrl,
	inputError,
	readJsonParameter,
	requireDialNumber,
	requireText,
} from '../../../shared/validation';
import { iagenteRequest, unwrapRecord } from '../../transport';
import { readRecipient, recipientFields } from '../common';

/** Limits from the IAGENTE SDR API documentation. */
export const RCS_LIMITS = {
	textLength: 4096,
	cardTitleLength: 200,
	cardButtons: 4,
	carouselMinCards: 2,
	carouselMaxCards: 10,
	quickReplies: 11,
};

const buttonTypeOptions = [
	{ name: 'Call', value: 'call', description: 'Dials a phone number' },
	{ name: 'Open URL', value: 'url', description: 'Opens a web address' },
	{ name: 'Reply', value: 'reply', description: 'Sends a reply with a payload back to you' },
];

const buttonFields: INodeProperties[] = [
	{ displayName: 'Type', name: 'type', type: 'options', options: buttonTypeOptions, default: 'url' },
	{ displayName: 'Text', name: 'text', type: 'string', default: '', description: 'Label on the button' },
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		default: '',
		description: 'The URL to open, the phone number to call, or the payload sent back on reply',
	},
];

const properties: INodeProperties[] = [
	{
		displayName: 'Message Type',
		name: 'rcsType',
		type: 'options',
		options: [
			{ name: 'Card', value: 'card', description: 'A rich card with title, description, image and up to 4 buttons' },
			{ name: 'Carousel', value: 'carousel', description: 'Between 2 and 10 cards side by side' },
			{ name: 'File', value: 'file', description: 'An image, video or document from a public URL' },
			{ name: 'Location', value: 'location', description: 'A point on the map' },
			{ name: 'Text', value: 'text', description: 'Plain text, up to 4096 characters' },
			{ name: 'Text With Quick Replies', value: 'replyable_text', description: 'Text with up to 11 reply buttons' },
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
		description: 'The message text (at most 4096 characters)',
		displayOptions: { show: { rcsType: ['text', 'replyable_text'] } },
	},
	{
		displayName: 'File URL',
		name: 'fileUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/catalogo.pdf',
		displayOptions: { show: { rcsType: ['file'] } },
	},
	{
		displayName: 'MIME Type',
		name: 'mimeType',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'image/jpeg',
		description: 'Kind of file, e.g. image/jpeg, video/mp4 or application/pdf',
		displayOptions: { show: { rcsType: ['file'] } },
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		description: 'Card title (at most 200 characters)',
		displayOptions: { show: { rcsType: ['card'] } },
	},
	{
		displayName: 'Description',
		name: 'cardDescription',
		type: 'string',
		default: '',
		displayOptions: { show: { rcsType: ['card'] } },
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/produto.jpg',
		description: 'Public link to the card image',
		displayOptions: { show: { rcsType: ['card'] } },
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		description: 'Up to 4 buttons',
		displayOptions: { show: { rcsType: ['card'] } },
		options: [{ displayName: 'Button', name: 'button', values: buttonFields }],
	},
	{
		displayName: 'Card Width',
		name: 'cardWidth',
		type: 'options',
		options: [
			{ name: 'Medium', value: 'MEDIUM' },
			{ name: 'Small', value: 'SMALL' },
		],
		default: 'MEDIUM',
		displayOptions: { show: { rcsType: ['carousel'] } },
	},
	{
		displayName: 'Cards Input',
		name: 'cardsInput',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'One button per card, filled in below' },
			{ name: 'JSON', value: 'json', description: 'The full cards array, with up to 4 buttons each' },
		],
		default: 'fields',
		displayOptions: { show: { rcsType: ['carousel'] } },
	},
	{
		displayName: 'Cards',
		name: 'cards',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Card',
		default: {},
		description: 'Between 2 and 10 cards',
		displayOptions: { show: { rcsType: ['carousel'], cardsInput: ['fields'] } },
		options: [
			{
				displayName: 'Card',
				name: 'card',
				values: [
					{
						displayName: 'Button Text',
						name: 'buttonText',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Button Type',
						name: 'buttonType',
						type: 'options',
						options: [
							{
								name: 'No Button',
								value: 'none',
							},
						],
						default: 'none',
					},
					{
						displayName: 'Button Value',
						name: 'buttonValue',
						type: 'string',
						default: '',
						description: 'The URL to open, the phone number to call, or the reply payload',
					},
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Media URL',
						name: 'mediaUrl',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
					},
			],
			},
		],
	},
	{
		displayName: 'Cards (JSON)',
		name: 'cardsJson',
		type: 'json',
		default:
			'[\n  {\n    "title": "Produto A",\n    "description": "Descrição",\n    "media_url": "https://example.com/a.jpg",\n    "buttons": [{ "type": "url", "text": "Comprar", "url": "https://example.com/a" }]\n  }\n]',
		description: 'Array of cards: title, description, media_url and buttons ({type: URL|call|reply, text, URL | phone_number | payload})',
		displayOptions: { show: { rcsType: ['carousel'], cardsInput: ['json'] } },
	},
	{
		displayName: 'Quick Replies',
		name: 'quickReplies',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Quick Reply',
		default: {},
		description: 'Up to 11 reply buttons',
		displayOptions: { show: { rcsType: ['replyable_text'] } },
		options: [
			{
				displayName: 'Quick Reply',
				name: 'reply',
				values: [
					{ displayName: 'Text', name: 'text', type: 'string', default: '', description: 'Label the lead taps' },
					{
						displayName: 'Payload',
						name: 'payload',
						type: 'string',
						default: '',
						description: 'Value you receive back when the lead taps it',
					},
				],
			},
		],
	},
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 6 },
		default: 0,
		displayOptions: { show: { rcsType: ['location'] } },
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 6 },
		default: 0,
		displayOptions: { show: { rcsType: ['location'] } },
	},
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		default: '',
		placeholder: 'Loja Paulista',
		description: 'Name of the place (optional)',
		displayOptions: { show: { rcsType: ['location'] } },
	},
];

export const description: INodeProperties[] = [
	...recipientFields('rcsMessage'),
	...updateDisplayOptions({ show: { resource: ['rcsMessage'], operation: ['send'] } }, properties),
];

type Ctx = IExecuteFunctions;

/** Builds one button in the API's shape from type, text and the type's value. */
export function buildButton(
	ctx: Ctx,
	itemIndex: number,
	field: string,
	type: string,
	text: string,
	value: string,
): IDataObject {
	const label = requireText(ctx, itemIndex, `${field} → Text`, text);
	const target = String(value ?? '').trim();
	if (type === 'url') {
		return { type: 'url', text: label, url: checkUrl(ctx, itemIndex, `${field} → Value`, target) };
	}
	if (type === 'call') {
		return { type: 'call', text: label, phone_number: requireDialNumber(ctx, itemIndex, `${field} → Value`, target) };
	}
	if (type === 'reply') {
		return { type: 'reply', text: label, payload: target === '' ? label : target };
	}
	throw inputError(ctx, itemIndex, `${field} → Type`, `"${type}" is not a button type`, 'Use url, call or reply.');
}

/** Checks a card built from fields or JSON against the documented limits. */
export function checkCard(ctx: Ctx, itemIndex: number, field: string, card: IDataObject): IDataObject {
	const title = requireText(ctx, itemIndex, `${field} → Title`, card.title);
	checkMaxLength(ctx, itemIndex, `${field} → Title`, title, RCS_LIMITS.cardTitleLength);
	if (card.media_url) checkUrl(ctx, itemIndex, `${field} → Media URL`, String(card.media_url));
	const buttons = card.buttons === undefined ? [] : card.buttons;
	if (!Array.isArray(buttons)) {
		throw inputError(ctx, itemIndex, `${field} → Buttons`, 'it is not a list', 'Give the buttons as an array.');
	}
	checkCount(ctx, itemIndex, `${field} → Buttons`, buttons.length, 0, RCS_LIMITS.cardButtons);
	const checked = (buttons as IDataObject[]).map((button, position) => {
		const type = String(button.type ?? '');
		const value = String(button.url ?? button.phone_number ?? button.payload ?? '');
		return buildButton(ctx, itemIndex, `${field} → Button ${position + 1}`, type, String(button.text ?? ''), value);
	});
	const result: IDataObject = { title };
	if (card.description) result.description = String(card.description);
	if (card.media_url) result.media_url = String(card.media_url).trim();
	if (checked.length > 0) result.buttons = checked;
	return result;
}

function readCarouselCards(ctx: Ctx, itemIndex: number): IDataObject[] {
	const input = ctx.getNodeParameter('cardsInput', itemIndex, 'fields') as string;
	let cards: IDataObject[];
	if (input === 'json') {
		const parsed = readJsonParameter(ctx, itemIndex, 'cardsJson', 'Cards (JSON)', '[ { "title": "…" } ]');
		if (!Array.isArray(parsed)) {
			throw inputError(ctx, itemIndex, 'Cards (JSON)', 'it is not a JSON array of cards', 'Write the cards as [ { "title": "…" }, … ].');
		}
		cards = parsed as IDataObject[];
	} else {
		const entries = ((ctx.getNodeParameter('cards', itemIndex, {}) as IDataObject).card ?? []) as IDataObject[];
		cards = entries.map((entry) => {
			const card: IDataObject = {
				title: entry.title,
				description: entry.description,
				media_url: entry.mediaUrl,
			};
			if (entry.buttonType && entry.buttonType !== 'none') {
				const type = String(entry.buttonType);
				const value = String(entry.buttonValue ?? '');
				card.buttons = [
					{
						type,
						text: entry.buttonText,
						...(type === 'url' ? { url: value } : type === 'call' ? { phone_number: value } : { payload: value }),
					},
				];
			}
			return card;
		});
	}
	checkCount(ctx, itemIndex, 'Cards', cards.length, RCS_LIMITS.carouselMinCards, RCS_LIMITS.carouselMaxCards);
	return cards.map((card, position) => checkCard(ctx, itemIndex, `Card ${position + 1}`, card));
}

/** Reads and checks the item's fields against the documented limits; sends nothing. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = this.getNodeParameter('rcsType', itemIndex) as string;
	const body: IDataObject = { ...readRecipient(this, itemIndex), type };

	if (type === 'text' || type === 'replyable_text') {
		body.text = requireText(this, itemIndex, 'Text', this.getNodeParameter('text', itemIndex), {
			maxLength: RCS_LIMITS.textLength,
		});
	}
	if (type === 'file') {
		body.file_url = checkUrl(this, itemIndex, 'File URL', requireText(this, itemIndex, 'File URL', this.getNodeParameter('fileUrl', itemIndex)));
		const mimeType = requireText(this, itemIndex, 'MIME Type', this.getNodeParameter('mimeType', itemIndex)).trim();
		if (!/^[a-z]+\/[\w.+-]+$/i.test(mimeType)) {
			throw inputError(this, itemIndex, 'MIME Type', `"${mimeType}" is not a MIME type`, 'Use a type like image/jpeg, video/mp4 or application/pdf.');
		}
		body.mime_type = mimeType;
	}
	if (type === 'card') {
		const buttons = ((this.getNodeParameter('buttons', itemIndex, {}) as IDataObject).button ?? []) as IDataObject[];
		const card = checkCard(this, itemIndex, 'Card', {
			title: this.getNodeParameter('title', itemIndex),
			description: this.getNodeParameter('cardDescription', itemIndex, ''),
			media_url: this.getNodeParameter('mediaUrl', itemIndex, ''),
			buttons: buttons.map((button) => ({
				type: button.type,
				text: button.text,
				...(button.type === 'url'
					? { url: button.value }
					: button.type === 'call'
						? { phone_number: button.value }
						: { payload: button.value }),
			})),
		});
		Object.assign(body, card);
	}
	if (type === 'carousel') {
		body.card_width = this.getNodeParameter('cardWidth', itemIndex, 'MEDIUM') as string;
		body.cards = readCarouselCards(this, itemIndex);
	}
	if (type === 'replyable_text') {
		const replies = ((this.getNodeParameter('quickReplies', itemIndex, {}) as IDataObject).reply ?? []) as IDataObject[];
		checkCount(this, itemIndex, 'Quick Replies', replies.length, 1, RCS_LIMITS.quickReplies);
		body.quick_replies = replies.map((reply, position) => {
			const text = requireText(this, itemIndex, `Quick Reply ${position + 1} → Text`, reply.text);
			const payload = String(reply.payload ?? '').trim();
			return { text, payload: payload === '' ? text : payload };
		});
	}
	if (type === 'location') {
		body.latitude = checkRange(this, itemIndex, 'Latitude', this.getNodeParameter('latitude', itemIndex) as number, -90, 90);
		body.longitude = checkRange(this, itemIndex, 'Longitude', this.getNodeParameter('longitude', itemIndex) as number, -180, 180);
		const label = String(this.getNodeParameter('label', itemIndex, '') ?? '').trim();
		if (label) body.label = label;
	}

	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? (await prepare.call(this, itemIndex));
	return unwrapRecord(await iagenteRequest(this, 'POST', '/rcs/messages', { body, itemIndex }));
}
