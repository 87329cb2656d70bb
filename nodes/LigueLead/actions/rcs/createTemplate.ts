import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkCount, checkMaxLength, checkUrl, inputError, readJsonParameter, requireDialNumber, requireText } from '../../../shared/validation';
import { ligueLeadRequest, unwrapData } from '../../transport';
import { readVariables, variablesField } from './send';

/** Limits LigueLead's RCS template endpoints enforce (vendor MCP server and n8n node). */
export const RCS_TEMPLATE_LIMITS = {
	bodyLength: 1600,
	headerLength: 100,
	fallbackLength: 306,
	mediaFileBytes: 5 * 1024 * 1024,
	cardButtons: { min: 1, max: 4 },
	carouselCards: { min: 2, max: 10 },
	carouselButtons: { min: 0, max: 2 },
};

const BUTTON_TYPES = [
	{ name: 'Dial Call', value: 'dial_call', description: 'Calls a phone number' },
	{ name: 'Open URL', value: 'open_url', description: 'Opens a web address' },
	{ name: 'Reply', value: 'reply', description: 'Sends the button title back as a reply' },
];

const show = (templateType: string[]) => ({ show: { templateType } });

const properties: INodeProperties[] = [
	{
		displayName: 'Template Type',
		name: 'templateType',
		type: 'options',
		options: [
			{ name: 'Card', value: 'card', description: 'A rich card: header, text, optional media and 1–4 buttons' },
			{ name: 'Carousel', value: 'carousel', description: '2–10 cards side by side, each with 0–2 buttons' },
			{ name: 'Media', value: 'media', description: 'Header, text and an image or short video' },
			{ name: 'Text', value: 'text', description: 'Plain text with {{N}} placeholders' },
		],
		default: 'text',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Black Friday offer',
		description: 'Name of the template in LigueLead',
	},
	{
		displayName: 'Header',
		name: 'header',
		type: 'string',
		required: true,
		default: '',
		description: 'Text above the media, at most 100 characters',
		displayOptions: show(['card', 'media']),
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. Olá {{1}}, seu pedido {{2}} saiu para entrega.',
		description: 'The message, at most 1,600 characters; {{1}}, {{2}}… are placeholders filled at send time',
		displayOptions: show(['card', 'media', 'text']),
	},
	{
		displayName: 'Media',
		name: 'mediaSource',
		type: 'options',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'An image or video from an input binary field (at most 5 MB)' },
			{ name: 'URL', value: 'url', description: 'A public link to the image or video' },
		],
		default: 'url',
		displayOptions: show(['media']),
	},
	{
		displayName: 'Media',
		name: 'mediaSource',
		type: 'options',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'An image or video from an input binary field (at most 5 MB)' },
			{ name: 'None', value: 'none' },
			{ name: 'URL', value: 'url', description: 'A public link to the image or video' },
		],
		default: 'none',
		displayOptions: show(['card']),
	},
	{
		displayName: 'Media URL',
		name: 'mediaUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/oferta.jpg',
		displayOptions: { show: { templateType: ['card', 'media'], mediaSource: ['url'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'mediaBinaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		description: 'Sent to LigueLead as a base64 data URI',
		displayOptions: { show: { templateType: ['card', 'media'], mediaSource: ['binary'] } },
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		description: 'Between 1 and 4 buttons',
		displayOptions: show(['card']),
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Phone Number',
						name: 'phoneNumber',
						type: 'string',
						default: '',
						placeholder: 'e.g. +55 11 99999-9999',
						displayOptions: { show: { type: ['dial_call'] } },
					},
					{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Label on the button' },
					{ displayName: 'Type', name: 'type', type: 'options', options: BUTTON_TYPES, default: 'reply' },
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/oferta',
						displayOptions: { show: { type: ['open_url'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Cards Input',
		name: 'cardsInput',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Fill in each card below' },
			{ name: 'JSON', value: 'json', description: 'The cards array as LigueLead takes it' },
		],
		default: 'fields',
		displayOptions: show(['carousel']),
	},
	{
		displayName: 'Cards',
		name: 'cards',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Card',
		default: {},
		description: 'Between 2 and 10 cards; every card needs the same number and types of buttons, in the same order',
		displayOptions: { show: { templateType: ['carousel'], cardsInput: ['fields'] } },
		options: [
			{
				displayName: 'Card',
				name: 'card',
				values: [
					{ displayName: 'Body', name: 'body', type: 'string', default: '', description: 'At most 1,600 characters' },
					{ displayName: 'Button 1 Title', name: 'button1Title', type: 'string', default: '' },
					{
						displayName: 'Button 1 Type',
						name: 'button1Type',
						type: 'options',
						options: [...BUTTON_TYPES, { name: 'No Button', value: 'none' }],
						default: 'none',
					},
					{
						displayName: 'Button 1 URL or Phone',
						name: 'button1Value',
						type: 'string',
						default: '',
						description: 'The URL for Open URL, the phone number for Dial Call',
					},
					{ displayName: 'Button 2 Title', name: 'button2Title', type: 'string', default: '' },
					{
						displayName: 'Button 2 Type',
						name: 'button2Type',
						type: 'options',
						options: [...BUTTON_TYPES, { name: 'No Button', value: 'none' }],
						default: 'none',
					},
					{
						displayName: 'Button 2 URL or Phone',
						name: 'button2Value',
						type: 'string',
						default: '',
						description: 'The URL for Open URL, the phone number for Dial Call',
					},
					{ displayName: 'Header', name: 'header', type: 'string', default: '', description: 'At most 100 characters' },
					{
						displayName: 'Media Binary Field',
						name: 'mediaBinaryPropertyName',
						type: 'string',
						default: '',
						description: 'Input binary field with the image or video (at most 5 MB); leave empty to use Media URL',
					},
					{ displayName: 'Media URL', name: 'mediaUrl', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Cards (JSON)',
		name: 'cardsJson',
		type: 'json',
		default:
			'[\n  {\n    "header": "Produto A",\n    "body": "Olá {{1}}, confira",\n    "media_url": "https://example.com/a.jpg",\n    "buttons": [{ "type": "open_url", "title": "Comprar", "url": "https://example.com/a" }]\n  },\n  {\n    "header": "Produto B",\n    "body": "Olá {{1}}, confira",\n    "media_url": "https://example.com/b.jpg",\n    "buttons": [{ "type": "open_url", "title": "Comprar", "url": "https://example.com/b" }]\n  }\n]',
		description: 'Cards with header, body, media_url or media_file, and buttons ({type: reply | open_url | dial_call, title, URL, phone_number})',
		displayOptions: { show: { templateType: ['carousel'], cardsInput: ['json'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			variablesField('defaultVariables', 'Default Variables', 'Values used for {{N}} placeholders that a send does not fill'),
			{
				displayName: 'Fallback Message',
				name: 'fallbackMessage',
				type: 'string',
				default: '',
				description: 'SMS sent when the phone cannot receive RCS, at most 306 characters',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['rcs'], operation: ['createTemplate'] } },
	properties,
);

type Ctx = IExecuteFunctions;

/** One button as LigueLead takes it; open_url needs a URL, dial_call a phone number. */
export function buildRcsButton(ctx: Ctx, itemIndex: number, field: string, button: IDataObject): IDataObject {
	const type = String(button.type ?? '');
	const title = requireText(ctx, itemIndex, `${field} → Title`, button.title).trim();
	if (type === 'reply') return { type, title };
	if (type === 'open_url') {
		const url = requireText(ctx, itemIndex, `${field} → URL`, button.url);
		return { type, title, url: checkUrl(ctx, itemIndex, `${field} → URL`, url) };
	}
	if (type === 'dial_call') {
		const phone = requireText(ctx, itemIndex, `${field} → Phone Number`, button.phone_number ?? button.phoneNumber);
		return { type, title, phone_number: requireDialNumber(ctx, itemIndex, `${field} → Phone Number`, phone.trim()) };
	}
	throw inputError(ctx, itemIndex, `${field} → Type`, `"${type}" is not a button type`, 'Use reply, open_url or dial_call.');
}

/** An input binary field as a base64 data URI of an image or video, at most 5 MB. */
async function mediaFile(ctx: Ctx, itemIndex: number, field: string, property: string): Promise<string> {
	const binary = ctx.helpers.assertBinaryData(itemIndex, property);
	const mimeType = (binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
	if (!/^(image|video)\/[\w.+-]+$/.test(mimeType)) {
		throw inputError(ctx, itemIndex, field, `the file has type "${mimeType || 'unknown'}", not an image or video`, 'Use an image (e.g. JPEG, PNG) or a short video (e.g. MP4).');
	}
	const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	checkMediaSize(ctx, itemIndex, field, buffer.length);
	return `data:${mimeType};base64,${buffer.toString('base64')}`;
}

function checkMediaSize(ctx: Ctx, itemIndex: number, field: string, bytes: number): void {
	if (bytes > RCS_TEMPLATE_LIMITS.mediaFileBytes) {
		throw inputError(
			ctx,
			itemIndex,
			field,
			`the file has ${(bytes / 1024 / 1024).toFixed(1)} MB, more than the 5 MB LigueLead accepts`,
			'Use a smaller file, or a Media URL instead.',
		);
	}
}

/** A data URI given in JSON: well formed and at most 5 MB once decoded. */
function checkDataUri(ctx: Ctx, itemIndex: number, field: string, value: string): string {
	const match = /^data:[^;,]+;base64,([A-Za-z0-9+/=\s]+)$/.exec(value);
	if (!match) {
		throw inputError(ctx, itemIndex, field, 'it is not a base64 data URI', 'Write it as data:image/png;base64,….');
	}
	checkMediaSize(ctx, itemIndex, field, Buffer.from(match[1], 'base64').length);
	return value;
}

/** Checks one carousel card (from fields or JSON) against the limits; returns it in the API's shape. */
export function checkCarouselCard(ctx: Ctx, itemIndex: number, field: string, card: IDataObject): IDataObject {
	const header = requireText(ctx, itemIndex, `${field} → Header`, card.header).trim();
	checkMaxLength(ctx, itemIndex, `${field} → Header`, header, RCS_TEMPLATE_LIMITS.headerLength);
	const body = requireText(ctx, itemIndex, `${field} → Body`, card.body);
	checkMaxLength(ctx, itemIndex, `${field} → Body`, body, RCS_TEMPLATE_LIMITS.bodyLength);
	const result: IDataObject = { header, body };
	const mediaUrl = String(card.media_url ?? '').trim();
	const mediaFileValue = String(card.media_file ?? '').trim();
	if (mediaUrl && mediaFileValue) {
		throw inputError(ctx, itemIndex, `${field} → Media`, 'it has both a media URL and a media file', 'Give only one of them.');
	}
	if (mediaUrl) result.media_url = checkUrl(ctx, itemIndex, `${field} → Media URL`, mediaUrl);
	if (mediaFileValue) result.media_file = checkDataUri(ctx, itemIndex, `${field} → Media File`, mediaFileValue);
	const buttons = card.buttons ?? [];
	if (!Array.isArray(buttons)) {
		throw inputError(ctx, itemIndex, `${field} → Buttons`, 'it is not a list', 'Give the buttons as an array.');
	}
	checkCount(ctx, itemIndex, `${field} → Buttons`, buttons.length, RCS_TEMPLATE_LIMITS.carouselButtons.min, RCS_TEMPLATE_LIMITS.carouselButtons.max);
	if (buttons.length > 0) {
		result.buttons = (buttons as IDataObject[]).map((button, position) =>
			buildRcsButton(ctx, itemIndex, `${field} → Button ${position + 1}`, button),
		);
	}
	return result;
}

/** All cards must have the same number of buttons, of the same types, in the same order. */
export function checkSameButtons(ctx: Ctx, itemIndex: number, cards: IDataObject[]): void {
	const signature = (card: IDataObject) => ((card.buttons ?? []) as IDataObject[]).map((button) => button.type).join(',') || 'no buttons';
	const first = signature(cards[0]);
	const different = cards.findIndex((card) => signature(card) !== first);
	if (different !== -1) {
		throw inputError(
			ctx,
			itemIndex,
			`Card ${different + 1} → Buttons`,
			`it has buttons "${signature(cards[different])}" but card 1 has "${first}"`,
			'Give every card the same number of buttons, of the same types, in the same order.',
		);
	}
}

function fieldCardButtons(ctx: Ctx, itemIndex: number, card: IDataObject): IDataObject[] {
	const buttons: IDataObject[] = [];
	for (const n of [1, 2]) {
		const type = String(card[`button${n}Type`] ?? 'none');
		if (type === 'none') continue;
		const value = String(card[`button${n}Value`] ?? '');
		buttons.push({
			type,
			title: card[`button${n}Title`],
			...(type === 'open_url' ? { url: value } : type === 'dial_call' ? { phone_number: value } : {}),
		});
	}
	return buttons;
}

async function readCarouselCards(ctx: Ctx, itemIndex: number): Promise<IDataObject[]> {
	const input = ctx.getNodeParameter('cardsInput', itemIndex, 'fields') as string;
	let cards: IDataObject[];
	if (input === 'json') {
		const parsed = readJsonParameter(ctx, itemIndex, 'cardsJson', 'Cards (JSON)', '[ { "header": "…", "body": "…" } ]');
		if (!Array.isArray(parsed)) {
			throw inputError(ctx, itemIndex, 'Cards (JSON)', 'it is not a JSON array of cards', 'Write the cards as [ { "header": "…", "body": "…" }, … ].');
		}
		cards = parsed as IDataObject[];
	} else {
		const entries = ((ctx.getNodeParameter('cards', itemIndex, {}) as IDataObject).card ?? []) as IDataObject[];
		cards = [];
		for (const [position, entry] of entries.entries()) {
			const property = String(entry.mediaBinaryPropertyName ?? '').trim();
			cards.push({
				header: entry.header,
				body: entry.body,
				media_url: entry.mediaUrl,
				media_file: property ? await mediaFile(ctx, itemIndex, `Card ${position + 1} → Media Binary Field`, property) : undefined,
				buttons: fieldCardButtons(ctx, itemIndex, entry),
			});
		}
	}
	checkCount(ctx, itemIndex, 'Cards', cards.length, RCS_TEMPLATE_LIMITS.carouselCards.min, RCS_TEMPLATE_LIMITS.carouselCards.max);
	const checked = cards.map((card, position) => checkCarouselCard(ctx, itemIndex, `Card ${position + 1}`, card));
	checkSameButtons(ctx, itemIndex, checked);
	return checked;
}

type TemplateType = 'card' | 'carousel' | 'media' | 'text';

/** Reads and checks the template against every documented limit; the router runs it for all items first. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<{ type: TemplateType; body: IDataObject }> {
	const type = this.getNodeParameter('templateType', itemIndex) as TemplateType;
	const body: IDataObject = { title: requireText(this, itemIndex, 'Title', this.getNodeParameter('title', itemIndex)).trim() };

	if (type === 'card' || type === 'media') {
		const header = requireText(this, itemIndex, 'Header', this.getNodeParameter('header', itemIndex)).trim();
		checkMaxLength(this, itemIndex, 'Header', header, RCS_TEMPLATE_LIMITS.headerLength);
		body.header = header;
	}
	if (type !== 'carousel') {
		const text = requireText(this, itemIndex, 'Body', this.getNodeParameter('body', itemIndex));
		checkMaxLength(this, itemIndex, 'Body', text, RCS_TEMPLATE_LIMITS.bodyLength);
		body.body = text;
	}
	if (type === 'card' || type === 'media') {
		const source = this.getNodeParameter('mediaSource', itemIndex) as string;
		if (source === 'url') {
			const url = requireText(this, itemIndex, 'Media URL', this.getNodeParameter('mediaUrl', itemIndex));
			body.media_url = checkUrl(this, itemIndex, 'Media URL', url);
		} else if (source === 'binary') {
			const property = requireText(this, itemIndex, 'Input Binary Field', this.getNodeParameter('mediaBinaryPropertyName', itemIndex)).trim();
			body.media_file = await mediaFile(this, itemIndex, 'Input Binary Field', property);
		}
	}
	if (type === 'card') {
		const buttons = ((this.getNodeParameter('buttons', itemIndex, {}) as IDataObject).button ?? []) as IDataObject[];
		checkCount(this, itemIndex, 'Buttons', buttons.length, RCS_TEMPLATE_LIMITS.cardButtons.min, RCS_TEMPLATE_LIMITS.cardButtons.max);
		body.buttons = buttons.map((button, position) => buildRcsButton(this, itemIndex, `Button ${position + 1}`, button));
	}
	if (type === 'carousel') {
		body.cards = await readCarouselCards(this, itemIndex);
	}

	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const fallback = String(options.fallbackMessage ?? '').trim();
	if (fallback) {
		checkMaxLength(this, itemIndex, 'Fallback Message', fallback, RCS_TEMPLATE_LIMITS.fallbackLength);
		body.fallback_message = fallback;
	}
	const variables = readVariables(this, itemIndex, 'Default Variables', options.defaultVariables);
	if (variables.length > 0) body.default_variables = variables;
	return { type, body };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const { type, body } =
		(prepared as { type: TemplateType; body: IDataObject } | undefined) ?? (await prepare.call(this, itemIndex));
	const response = await ligueLeadRequest<IDataObject>(this, 'POST', `/rcs/templates/${type}`, { body, itemIndex });
	const result: IDataObject = { ...unwrapData(response) };
	if (typeof response?.message === 'string' && result.message === undefined) result.message = response.message;
	return result;
}
