// "Send and Wait for Response", shared by every provider: the fields, the resume link, the wait
// limit, the text with the link, and the webhook that shows the page and records the answer.
// Each provider only says how its text goes out (SendAndWaitChannel).
import { SEND_AND_WAIT_OPERATION, WAIT_INDEFINITELY } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { isLeadLanguage, LEAD_TEXTS, languageFields, leadTexts } from './leadTexts';
import type { LeadTexts } from './leadTexts';
import type { Operation } from './router';
import { smsSize } from './sms';
import { guardWebhook } from './webhook';
import type { SmsSize } from './sms';
import { toEpochMs } from './time';
import { checkRange, inputError, requireText } from './validation';

/** n8n's own value ('sendAndWait'): n8n's editor and waiting-webhook server look for it. */
export const SEND_AND_WAIT = SEND_AND_WAIT_OPERATION;

/**
 * The node's resume webhooks, as n8n's own messaging nodes declare them: only live while the
 * execution waits (restartWebhook), at <resume URL>/<node ID>. GET shows the page, POST answers.
 */
export const sendAndWaitWebhooks: IWebhookDescription[] = ['GET', 'POST'].map((httpMethod) => ({
	name: 'default',
	httpMethod,
	responseMode: 'onReceived',
	responseData: '',
	path: '={{ $nodeId }}',
	restartWebhook: true,
	isFullPath: true,
}));

// ---------------------------------------------------------------------------------------------
// Fields. Names follow n8n's own Send and Wait (message, responseType, approvalOptions,
// options.limitWaitTime), so n8n features that read them (human-review tools) understand ours.

const LIMIT_FIELD: INodeProperties = {
	displayName: 'Limit Wait Time',
	name: 'limitWaitTime',
	type: 'fixedCollection',
	description: 'When the workflow goes on by itself without a response. Without this it waits until someone answers.',
	default: { values: { limitType: 'afterTimeInterval', resumeAmount: 45, resumeUnit: 'minutes' } },
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Limit Type',
					name: 'limitType',
					type: 'options',
					default: 'afterTimeInterval',
					options: [
						{ name: 'After Time Interval', value: 'afterTimeInterval', description: 'Go on after a while' },
						{ name: 'At Specified Time', value: 'atSpecifiedTime', description: 'Go on at a date and time' },
					],
				},
				{
					displayName: 'Amount',
					name: 'resumeAmount',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 45,
					description: 'How long to wait for a response',
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
				},
				{
					displayName: 'Unit',
					name: 'resumeUnit',
					type: 'options',
					default: 'minutes',
					options: [
						{ name: 'Minutes', value: 'minutes' },
						{ name: 'Hours', value: 'hours' },
						{ name: 'Days', value: 'days' },
					],
					displayOptions: { show: { limitType: ['afterTimeInterval'] } },
				},
				{
					displayName: 'Max Date and Time',
					name: 'maxDateAndTime',
					type: 'dateTime',
					default: '',
					description: 'When to go on without a response, in the workflow\'s timezone',
					displayOptions: { show: { limitType: ['atSpecifiedTime'] } },
				},
			],
		},
	],
};

const LINK_LABEL_FIELD: INodeProperties = {
	displayName: 'Link Label',
	name: 'linkLabel',
	type: 'string',
	default: '',
	placeholder: 'e.g. Responda',
	description:
		'Words in front of the link in the message, and the label of the email button (not used in SMS, where every character counts). Without this option: the Language\'s word (Respond, Responda). Empty: the link alone.',
};

/** Every other text of the page, each replaceable; an empty field keeps the Language's text. */
const PAGE_TEXTS_FIELD: INodeProperties = {
	displayName: 'Page Texts',
	name: 'pageTexts',
	type: 'fixedCollection',
	placeholder: 'Add page texts',
	default: {},
	description: 'Replace texts of the response page. An empty field keeps the text of the chosen Language.',
	options: [
		{
			displayName: 'Values',
			name: 'values',
			values: [
				{
					displayName: 'Confirmation Message',
					name: 'confirmationMessage',
					type: 'string',
					default: '',
					placeholder: 'e.g. Sua resposta foi registrada.',
					description: 'Text of the page shown after answering',
				},
				{
					displayName: 'Confirmation Title',
					name: 'confirmationTitle',
					type: 'string',
					default: '',
					placeholder: 'e.g. Resposta enviada. Obrigado!',
					description: 'Title and heading of the page shown after answering',
				},
				{
					displayName: 'Empty Response Message',
					name: 'emptyResponseMessage',
					type: 'string',
					default: '',
					placeholder: 'e.g. Escreva uma resposta antes de enviar.',
					description: 'Shown when a Free Text answer is sent blank',
				},
				{
					displayName: 'Error Message',
					name: 'errorMessage',
					type: 'string',
					default: '',
					placeholder: 'e.g. Abra de novo o link da mensagem e use os botões.',
					description: 'Text of the page shown when an answer cannot be read',
				},
				{
					displayName: 'Error Title',
					name: 'errorTitle',
					type: 'string',
					default: '',
					placeholder: 'e.g. Algo deu errado',
					description: 'Title and heading of the page shown when an answer cannot be read',
				},
				{
					displayName: 'Invalid Answer Message',
					name: 'invalidAnswerMessage',
					type: 'string',
					default: '',
					placeholder: 'e.g. Use um dos botões abaixo.',
					description: 'Shown when what was sent is not one of the buttons',
				},
				{
					displayName: 'Page Title',
					name: 'pageTitle',
					type: 'string',
					default: '',
					placeholder: 'e.g. Aguardamos sua resposta',
					description: 'Title and heading of the page that asks (for Free Text, Response Form Title comes first)',
				},
				{
					displayName: 'Response Field Label',
					name: 'responseFieldLabel',
					type: 'string',
					default: '',
					placeholder: 'e.g. Sua resposta',
					description: 'Label of the Free Text field',
				},
			],
		},
	],
};

export interface SendAndWaitFieldOptions {
	/** Hint under the Message field (each channel says its limits). */
	messageDescription: string;
	/** Add "Max SMS Parts" (SMS channels): the message plus the link must fit. */
	sms?: boolean;
	/** Shows the SMS field only for these values of a field, e.g. Leadway's channel. */
	smsWhen?: IDataObject;
}

/** Version 1 refuses above 2 parts, as it always did; 1.1 allows 4 so a question with accents fits (see maxSmsPartsDefault). */
export function maxSmsPartsDefault(typeVersion: number): number {
	return typeVersion < 1.1 ? 2 : 4;
}

const MAX_SMS_PARTS_FIELD: INodeProperties = {
	displayName: 'Max SMS Parts',
	name: 'maxSmsParts',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 10 },
	default: 4,
	description:
		'The node refuses to send an SMS longer than this many parts, counting the response link. The link alone takes about 90 to 170 characters (longer when n8n signs it); one accent (ã, ç, é…) switches the SMS to 67 characters per part, so a question with accents needs 3 to 4 parts.',
};

/** The Send and Wait fields for one resource; the provider's recipient fields come before them. */
export function sendAndWaitProperties(resource: string, options: SendAndWaitFieldOptions): INodeProperties[] {
	const show = { resource: [resource], operation: [SEND_AND_WAIT] };
	const smsShow = { ...show, ...(options.smsWhen ?? {}) } as Record<string, string[]>;
	// Two definitions, as n8n's Wait node does: version 1 keeps its default of 2, newer nodes get 4.
	const smsFields: INodeProperties[] = options.sms
		? [
				{
					...MAX_SMS_PARTS_FIELD,
					default: maxSmsPartsDefault(1),
					description:
						'The node refuses to send an SMS longer than this many parts, counting the response link. The link alone takes about 90 to 170 characters (longer when n8n signs it), so 2 parts is the usual minimum.',
					displayOptions: { show: { ...smsShow, '@version': [1] } },
				},
				{ ...MAX_SMS_PARTS_FIELD, default: maxSmsPartsDefault(1.1), displayOptions: { show: smsShow, hide: { '@version': [1] } } },
			]
		: [];
	return [
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: options.messageDescription,
			displayOptions: { show },
		},
		{
			displayName: 'Response Type',
			name: 'responseType',
			type: 'options',
			default: 'approval',
			options: [
				{ name: 'Approval', value: 'approval', description: 'The person approves (or declines) on a small page' },
				{ name: 'Free Text', value: 'freeText', description: 'The person writes an answer in a one-field form' },
			],
			displayOptions: { show },
		},
		{
			displayName: 'Approval Options',
			name: 'approvalOptions',
			type: 'fixedCollection',
			placeholder: 'Add option',
			default: {},
			displayOptions: { show: { ...show, responseType: ['approval'] } },
			options: [
				{
					displayName: 'Values',
					name: 'values',
					values: [
						{
							displayName: 'Type of Approval',
							name: 'approvalType',
							type: 'options',
							default: 'single',
							options: [
								{ name: 'Approve Only', value: 'single' },
								{ name: 'Approve and Disapprove', value: 'double' },
							],
						},
						{
							displayName: 'Approve Button Label',
							name: 'approveLabel',
							type: 'string',
							default: '',
							placeholder: 'e.g. Aprovar',
							description: "Empty: the Language's word (Approve, Aprovar)",
						},
						{
							displayName: 'Disapprove Button Label',
							name: 'disapproveLabel',
							type: 'string',
							default: '',
							placeholder: 'e.g. Recusar',
							description: "Empty: the Language's word (Decline, Recusar)",
							displayOptions: { show: { approvalType: ['double'] } },
						},
					],
				},
			],
		},
		...languageFields(show),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions: { show: { ...show, responseType: ['approval'] } },
			options: [LINK_LABEL_FIELD, PAGE_TEXTS_FIELD, LIMIT_FIELD],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions: { show: { ...show, responseType: ['freeText'] } },
			options: [
				LINK_LABEL_FIELD,
				{
					displayName: 'Response Form Title',
					name: 'responseFormTitle',
					type: 'string',
					default: '',
					description: 'Title of the page with the form',
				},
				{
					displayName: 'Response Form Description',
					name: 'responseFormDescription',
					type: 'string',
					default: '',
					description: 'Text above the form; the message when empty',
				},
				{
					displayName: 'Response Form Button Label',
					name: 'responseFormButtonLabel',
					type: 'string',
					default: '',
					placeholder: 'e.g. Enviar',
					description: "Empty: the Language's word (Submit, Enviar)",
				},
				PAGE_TEXTS_FIELD,
				LIMIT_FIELD,
			],
		},
		...smsFields,
	];
}

// ---------------------------------------------------------------------------------------------
// Execute side.

interface ApprovalOptions {
	approvalType?: 'single' | 'double';
	approveLabel?: string;
	disapproveLabel?: string;
}

interface LimitValues {
	limitType?: string;
	resumeAmount?: number;
	resumeUnit?: string;
	maxDateAndTime?: string;
}

const UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };

/**
 * When the wait ends without a response: never (n8n's WAIT_INDEFINITELY) unless a limit is set.
 * A limit that is not a positive time, or a date that is not in the future, is refused.
 */
export function waitTill(ctx: IExecuteFunctions, itemIndex: number, now = Date.now()): Date {
	const limit = ctx.getNodeParameter('options.limitWaitTime.values', itemIndex, {}) as LimitValues;
	if (!limit || Object.keys(limit).length === 0) return WAIT_INDEFINITELY;
	if ((limit.limitType ?? 'afterTimeInterval') === 'afterTimeInterval') {
		const amount = Number(limit.resumeAmount);
		const unit = UNIT_MS[limit.resumeUnit ?? 'minutes'];
		if (!Number.isFinite(amount) || amount <= 0 || unit === undefined) {
			throw inputError(
				ctx,
				itemIndex,
				'Limit Wait Time',
				`"${String(limit.resumeAmount)} ${String(limit.resumeUnit)}" is not a time to wait`,
				'Give an amount above 0 in minutes, hours or days, or remove the limit to wait until someone answers.',
			);
		}
		return new Date(now + amount * unit);
	}
	const raw = String(limit.maxDateAndTime ?? '').trim();
	// The picker gives wall-clock text, read in the workflow's timezone like every date of the package.
	const ms = raw === '' ? undefined : toEpochMs(raw, ctx.getTimezone());
	if (ms === undefined) {
		throw inputError(
			ctx,
			itemIndex,
			'Limit Wait Time → Max Date and Time',
			raw === '' ? 'it is empty' : `"${raw.slice(0, 40)}" is not a date and time`,
			'Pick a date and time, or give an ISO date such as 2025-03-01T18:00:00-03:00.',
		);
	}
	const date = new Date(ms);
	if (date.getTime() <= now) {
		throw inputError(
			ctx,
			itemIndex,
			'Limit Wait Time → Max Date and Time',
			`${date.toISOString()} is already past`,
			'Pick a date and time in the future, or remove the limit.',
		);
	}
	return date;
}

type ContextWithSigning = IExecuteFunctions & {
	getSignedResumeUrl?: (parameters?: Record<string, string>) => string;
	setSignatureValidationRequired?: () => void;
};

/**
 * The link the person opens: <resume URL>/<node ID>. n8n versions that sign resume links
 * (getSignedResumeUrl) get a signed one, and n8n then refuses unsigned or altered links; older
 * ones (down to 1.86) get $execution.resumeUrl with the node ID appended, as their own nodes did.
 */
export function resumeUrl(ctx: IExecuteFunctions): string {
	const signing = ctx as ContextWithSigning;
	if (typeof signing.getSignedResumeUrl === 'function') {
		if (typeof signing.setSignatureValidationRequired === 'function') signing.setSignatureValidationRequired();
		return signing.getSignedResumeUrl();
	}
	const url = new URL(String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', 0)));
	url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(ctx.getNode().id)}`;
	return url.toString();
}

/** What a provider's send gets: the message as typed, the link, and the text to send. */
export interface ResponseRequest {
	message: string;
	url: string;
	/** The words before the link in chats ('' for the link alone). */
	linkLabel: string;
	/** The label of a button carrying the link (email). */
	buttonLabel: string;
	/** For chats and email: the message, a blank line, then "Label: link". */
	text: string;
	/** For SMS: the message, a new line, then the bare link. */
	smsText: string;
}

export function composeChatText(message: string, linkLabel: string, url: string): string {
	const label = linkLabel.trim();
	return `${message}\n\n${label === '' ? '' : `${label}: `}${url}`;
}

export function composeSmsText(message: string, url: string): string {
	return `${message}\n${url}`;
}

/** The texts of the node's Language; a value that is not one of the languages is refused before sending. */
function readLanguageTexts(ctx: IExecuteFunctions, itemIndex: number): LeadTexts {
	const version = ctx.getNode().typeVersion;
	const language = ctx.getNodeParameter('language', itemIndex, null) as unknown;
	if (language !== undefined && language !== null && !isLeadLanguage(language)) {
		throw inputError(
			ctx,
			itemIndex,
			'Language',
			`"${String(language).slice(0, 40)}" is not one of the languages`,
			`Pick English or Português (Brasil) (values ${Object.keys(LEAD_TEXTS).join(', ')}).`,
		);
	}
	return leadTexts(language, version);
}

function readRequest(ctx: IExecuteFunctions, itemIndex: number): ResponseRequest {
	const message = requireText(ctx, itemIndex, 'Message', ctx.getNodeParameter('message', itemIndex));
	const texts = readLanguageTexts(ctx, itemIndex);
	// Without the option: the Language's word. Added but empty: the link alone (as always).
	const label = ctx.getNodeParameter('options.linkLabel', itemIndex, null) as unknown;
	const chosen = label === undefined || label === null ? '' : String(label);
	const linkLabel = label === undefined || label === null ? texts.linkLabel : chosen;
	const url = resumeUrl(ctx);
	return {
		message,
		url,
		linkLabel,
		buttonLabel: chosen.trim() || texts.emailButton,
		text: composeChatText(message, linkLabel, url),
		smsText: composeSmsText(message, url),
	};
}

/** Size of an SMS with the link; refuses one longer than "Max SMS Parts" before anything is sent. */
export function checkSmsParts(ctx: IExecuteFunctions, itemIndex: number, request: ResponseRequest): SmsSize {
	const version = ctx.getNode().typeVersion;
	const max = checkRange(ctx, itemIndex, 'Max SMS Parts', ctx.getNodeParameter('maxSmsParts', itemIndex, maxSmsPartsDefault(version)) as number, 1, 10);
	const size = smsSize(request.smsText);
	if (size.parts > max && version >= 1.1) throw smsTooLong(ctx, itemIndex, request, size, max);
	if (size.parts > max) {
		const perPart = size.encoding === 'GSM-7' ? '153' : '67';
		const accents =
			size.encoding === 'UCS-2'
				? ` Characters such as ${size.nonGsmCharacters.map((char) => `"${char}"`).join(', ')} switch the whole SMS to UCS-2 (${perPart} characters per part); without them a part holds 153.`
				: '';
		throw inputError(
			ctx,
			itemIndex,
			'Message',
			`with the response link (${[...request.url].length} characters) the SMS has ${size.characters} characters in ${size.parts} parts (${size.encoding}), more than Max SMS Parts (${max})`,
			`Shorten the message, or raise "Max SMS Parts" if the longer SMS is worth it.${accents}`,
		);
	}
	return size;
}

/** Characters one SMS of `parts` parts holds. */
function smsCapacity(encoding: SmsSize['encoding'], parts: number): number {
	if (parts <= 1) return encoding === 'GSM-7' ? 160 : 70;
	return parts * (encoding === 'GSM-7' ? 153 : 67);
}

/**
 * From version 1.1 the refusal names both fixes with their numbers, in the message itself: as an
 * AI Agent's approval gate (…HitlTool) the message is n8n's, built from the tool input, and the
 * person who reads the error must know which value to set.
 */
function smsTooLong(ctx: IExecuteFunctions, itemIndex: number, request: ResponseRequest, size: SmsSize, max: number) {
	const excess = size.characters - smsCapacity(size.encoding, max);
	const accents =
		size.encoding === 'UCS-2'
			? ` Characters such as ${size.nonGsmCharacters.map((char) => `"${char}"`).join(', ')} make it UCS-2 (67 characters per part instead of 153).`
			: '';
	const fix =
		size.parts <= 10
			? `set Max SMS Parts to ${size.parts}, or shorten the Message by at least ${excess} characters`
			: `shorten the Message by at least ${excess} characters (Max SMS Parts goes up to 10)`;
	return inputError(
		ctx,
		itemIndex,
		'Message',
		`with the response link (${[...request.url].length} characters) the SMS has ${size.characters} characters in ${size.parts} parts (${size.encoding}), more than Max SMS Parts (${max}): ${fix}`,
		`To send it, ${fix}.${accents}`,
	);
}

/** How one provider sends the text of a Send and Wait. */
export interface SendAndWaitChannel<Prepared> {
	/** Reads and checks the recipient and builds the send from the text; sends nothing. */
	prepare(this: IExecuteFunctions, itemIndex: number, request: ResponseRequest): Promise<Prepared>;
	/** Sends through the provider's own send path and returns what the send returns. */
	send(this: IExecuteFunctions, itemIndex: number, prepared: Prepared): Promise<IDataObject>;
}

/**
 * The operation the router runs: like n8n's own nodes, one message with the first item's
 * parameters, then the execution waits. The router calls waitForResponse after the send.
 */
export function sendAndWaitOperation<Prepared>(channel: SendAndWaitChannel<Prepared>): Operation {
	return {
		description: [],
		async prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
			const responseType = this.getNodeParameter('responseType', itemIndex, 'approval') as string;
			if (responseType !== 'approval' && responseType !== 'freeText') {
				throw inputError(this, itemIndex, 'Response Type', `"${responseType}" is not supported`, 'Pick Approval or Free Text.');
			}
			waitTill(this, itemIndex); // a bad limit fails here, before the message goes out
			return await channel.prepare.call(this, itemIndex, readRequest(this, itemIndex));
		},
		async execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
			const ready = (prepared as Prepared | undefined) ?? (await channel.prepare.call(this, itemIndex, readRequest(this, itemIndex)));
			return await channel.send.call(this, itemIndex, ready);
		},
		async waitForResponse(this: IExecuteFunctions, itemIndex: number): Promise<void> {
			// The limit counts from the moment the message went out.
			await this.putExecutionToWait(waitTill(this, itemIndex));
		},
	};
}

// ---------------------------------------------------------------------------------------------
// Webhook side: the page and the answer.

export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

export interface PageContent {
	title: string;
	/** Shown above the buttons or the form, as plain text. */
	description: string;
	responseType: 'approval' | 'freeText';
	approveLabel: string;
	/** Present when the person may also disapprove. */
	disapproveLabel?: string;
	submitLabel: string;
	/** A note shown in red, e.g. after an empty answer. */
	problem?: string;
	/** The other words of the page (the field label, the page language); English when absent. */
	texts?: LeadTexts;
}

const STYLE =
	'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f5f5f7;color:#1d1d1f;margin:0;padding:24px}' +
	'main{max-width:480px;margin:40px auto;background:#fff;border-radius:12px;padding:24px;box-shadow:0 1px 4px rgba(0,0,0,.08)}' +
	'h1{font-size:20px;margin:0 0 12px}p{line-height:1.5;white-space:pre-wrap;word-wrap:break-word}' +
	'form{display:inline-block;margin:8px 8px 0 0}textarea{width:100%;box-sizing:border-box;min-height:120px;font:inherit;padding:8px}' +
	'button{font:inherit;padding:10px 20px;border-radius:8px;border:1px solid #c7c7cc;background:#fff;cursor:pointer}' +
	'button.primary{background:#1d6ef5;border-color:#1d6ef5;color:#fff}.problem{color:#b00020}';

function page(title: string, body: string, lang = 'en'): string {
	return (
		`<!DOCTYPE html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
		'<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow">' +
		`<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`
	);
}

/**
 * The page behind the link. It records nothing by itself: link previews and scanners open links
 * with GET, so only a button press (a POST to the same signed address) answers.
 */
export function renderResponsePage(content: PageContent): string {
	const texts = content.texts ?? LEAD_TEXTS.en;
	const parts = [`<h1>${escapeHtml(content.title)}</h1>`];
	if (content.description !== '') parts.push(`<p>${escapeHtml(content.description)}</p>`);
	if (content.problem) parts.push(`<p class="problem">${escapeHtml(content.problem)}</p>`);
	if (content.responseType === 'freeText') {
		parts.push(
			'<form method="post" style="display:block">' +
				`<label for="text">${escapeHtml(texts.responseLabel)}</label>` +
				'<textarea id="text" name="text" required></textarea>' +
				`<p><button class="primary" type="submit">${escapeHtml(content.submitLabel)}</button></p></form>`,
		);
	} else {
		if (content.disapproveLabel !== undefined) {
			parts.push(
				'<form method="post"><input type="hidden" name="approved" value="false">' +
					`<button type="submit">${escapeHtml(content.disapproveLabel)}</button></form>`,
			);
		}
		parts.push(
			'<form method="post"><input type="hidden" name="approved" value="true">' +
				`<button class="primary" type="submit">${escapeHtml(content.approveLabel)}</button></form>`,
		);
	}
	return page(content.title, parts.join(''), texts.htmlLang);
}

export function renderUnreadablePage(texts: LeadTexts = LEAD_TEXTS.en): string {
	return page(
		texts.unreadableTitle,
		`<h1>${escapeHtml(texts.unreadableHeading)}</h1><p>${escapeHtml(texts.unreadableText)}</p>`,
		texts.htmlLang,
	);
}

export function renderRecordedPage(texts: LeadTexts = LEAD_TEXTS.en): string {
	return page(
		texts.recordedTitle,
		`<h1>${escapeHtml(texts.recordedHeading)}</h1><p>${escapeHtml(texts.recordedText)}</p>`,
		texts.htmlLang,
	);
}

/** Reads a parameter for the page; one that cannot be read there (an expression on the input) falls back. */
function pageParameter(ctx: IWebhookFunctions, name: string, fallback: string): string {
	try {
		const value = ctx.getNodeParameter(name, fallback);
		return typeof value === 'string' ? value : fallback;
	} catch {
		return fallback;
	}
}

interface PageTextOverrides {
	pageTitle?: string;
	responseFieldLabel?: string;
	emptyResponseMessage?: string;
	invalidAnswerMessage?: string;
	confirmationTitle?: string;
	confirmationMessage?: string;
	errorTitle?: string;
	errorMessage?: string;
}

/** The Language's texts with the node's Page Texts put over them (an empty field keeps the Language's). */
export function pageTexts(ctx: IWebhookFunctions): LeadTexts {
	let language: unknown;
	try {
		language = ctx.getNodeParameter('language', null);
	} catch {
		language = undefined; // an expression on the input cannot be resolved here: the version's language
	}
	const texts = leadTexts(language, ctx.getNode().typeVersion);
	let overrides: PageTextOverrides = {};
	try {
		overrides = (ctx.getNodeParameter('options.pageTexts.values', {}) as PageTextOverrides) ?? {};
	} catch {
		overrides = {};
	}
	const pick = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() !== '' ? value : fallback);
	return {
		...texts,
		pageTitle: pick(overrides.pageTitle, texts.pageTitle),
		responseLabel: pick(overrides.responseFieldLabel, texts.responseLabel),
		emptyResponse: pick(overrides.emptyResponseMessage, texts.emptyResponse),
		notAChoice: pick(overrides.invalidAnswerMessage, texts.notAChoice),
		useButtons: pick(overrides.invalidAnswerMessage, texts.useButtons),
		recordedTitle: pick(overrides.confirmationTitle, texts.recordedTitle),
		recordedHeading: pick(overrides.confirmationTitle, texts.recordedHeading),
		recordedText: pick(overrides.confirmationMessage, texts.recordedText),
		unreadableTitle: pick(overrides.errorTitle, texts.unreadableTitle),
		unreadableHeading: pick(overrides.errorTitle, texts.unreadableHeading),
		unreadableText: pick(overrides.errorMessage, texts.unreadableText),
	};
}

function readPageContent(ctx: IWebhookFunctions, texts: LeadTexts): PageContent {
	const responseType = pageParameter(ctx, 'responseType', 'approval') === 'freeText' ? 'freeText' : 'approval';
	const message = pageParameter(ctx, 'message', '');
	let approval: ApprovalOptions = {};
	try {
		approval = (ctx.getNodeParameter('approvalOptions.values', {}) as ApprovalOptions) ?? {};
	} catch {
		approval = {};
	}
	const formTitle = pageParameter(ctx, 'options.responseFormTitle', '');
	const formDescription = pageParameter(ctx, 'options.responseFormDescription', '');
	return {
		title: responseType === 'freeText' && formTitle.trim() !== '' ? formTitle : texts.pageTitle,
		description: responseType === 'freeText' && formDescription.trim() !== '' ? formDescription : message,
		responseType,
		approveLabel: approval.approveLabel?.trim() || texts.approve,
		...(approval.approvalType === 'double' ? { disapproveLabel: approval.disapproveLabel?.trim() || texts.decline } : {}),
		submitLabel: pageParameter(ctx, 'options.responseFormButtonLabel', '').trim() || texts.submit,
		texts,
	};
}

function sendPage(ctx: IWebhookFunctions, status: number, html: string): IWebhookResponseData {
	const response = ctx.getResponseObject();
	response.status(status);
	response.setHeader('Content-Type', 'text/html; charset=utf-8');
	response.setHeader('Cache-Control', 'no-store');
	response.send(html);
	return { noWebhookResponse: true };
}

/** The posted form: n8n parses urlencoded bodies; a raw string body is parsed here. */
function readForm(ctx: IWebhookFunctions): IDataObject {
	const body = ctx.getBodyData() as unknown;
	if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body)) as IDataObject;
	if (body && typeof body === 'object') {
		const data = (body as IDataObject).data;
		return data && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : (body as IDataObject);
	}
	return {};
}

/**
 * The node's webhook(): GET shows the page; POST records the answer and resumes the execution
 * with { data: { approved } } or { data: { text } }, the output of n8n's own nodes.
 */
export async function sendAndWaitWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	// Like the triggers: nothing a visitor sends can make this throw (a throw would fail the waiting execution).
	// A person reads the answer in a browser: a refusal is a page, not JSON.
	let texts = LEAD_TEXTS.en;
	try {
		texts = pageTexts(this);
	} catch {
		texts = LEAD_TEXTS.en; // the node could not even be read: the page still answers
	}
	return await guardWebhook(this, 'Send and Wait', async () => await answerResponsePage(this, texts), () =>
		sendPage(this, 400, renderUnreadablePage(texts)),
	);
}

async function answerResponsePage(ctx: IWebhookFunctions, texts: LeadTexts): Promise<IWebhookResponseData> {
	const method = String(ctx.getRequestObject().method ?? 'GET').toUpperCase();
	const content = readPageContent(ctx, texts);
	if (method === 'GET') return sendPage(ctx, 200, renderResponsePage(content));
	if (method !== 'POST') return sendPage(ctx, 405, renderResponsePage({ ...content, problem: texts.useButtons }));

	const form = readForm(ctx);
	let data: IDataObject;
	if (content.responseType === 'freeText') {
		const text = typeof form.text === 'string' ? form.text : '';
		if (text.trim() === '') return sendPage(ctx, 400, renderResponsePage({ ...content, problem: texts.emptyResponse }));
		data = { text };
	} else {
		const answer = String(form.approved ?? '');
		const allowed = content.disapproveLabel !== undefined ? ['true', 'false'] : ['true'];
		if (!allowed.includes(answer)) {
			return sendPage(ctx, 400, renderResponsePage({ ...content, problem: texts.notAChoice }));
		}
		data = { approved: answer === 'true' };
	}
	return { webhookResponse: renderRecordedPage(texts), workflowData: [[{ json: { data } }]] };
}
