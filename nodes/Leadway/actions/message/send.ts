import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { splitList } from '../../../shared/lists';
import { toEpochSeconds } from '../../../shared/time';
import { checkRange, checkUrl, inputError, requireEmail } from '../../../shared/validation';
import { getLocationId, leadwayRequest, unwrap } from '../../transport';
import {
	contactLocatorField,
	readContactId,
	requireEmailList,
	requireLeadwayPhone,
} from '../common';
import { DEFAULT_MAX_ATTACHMENT_MB, readAttachmentFiles, uploadAttachmentFiles } from './attachments';
import type { AttachmentFile } from './attachments';
import { CHANNELS } from './channels';

const show = { resource: ['message'], operation: ['send'] };
const onlyEmail = { type: ['Email'] };

/** Fields shared by Send and Send and Wait. */
export const channelField: INodeProperties = {
	displayName: 'Channel',
	name: 'type',
	type: 'options',
	options: CHANNELS,
	default: 'SMS',
	description: 'Which channel Leadway sends the message on',
};

export const contactFields: INodeProperties[] = [
	{
		displayName: 'Find Contact By',
		name: 'contactBy',
		type: 'options',
		options: [
			{ name: 'Contact', value: 'contact', description: 'Pick the contact, or give its ID or URL' },
			{ name: 'Email Address', value: 'email', description: 'The contact with this email in the location' },
			{ name: 'Phone Number', value: 'phone', description: 'The contact with this phone in the location' },
		],
		default: 'contact',
	},
	contactLocatorField({ contactBy: ['contact'] }),
	{
		displayName: 'Contact Phone',
		name: 'contactPhone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. (11) 99999-9999',
		description: 'Brazilian numbers in any format are looked up as +55 + DDD + number; foreign numbers need + and their country code',
		displayOptions: { show: { contactBy: ['phone'] } },
	},
	{
		displayName: 'Contact Email',
		name: 'contactEmail',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. nathan@example.com',
		displayOptions: { show: { contactBy: ['email'] } },
	},
	{
		displayName: 'Create Contact If Missing',
		name: 'createContact',
		type: 'boolean',
		default: false,
		description: 'Whether to create the contact (Create or Update) when none has this phone or email, instead of failing',
		displayOptions: { show: { contactBy: ['phone', 'email'] } },
	},
];

export const subjectField: INodeProperties = {
	displayName: 'Subject',
	name: 'subject',
	type: 'string',
	default: '',
	displayOptions: { show: onlyEmail },
};

const properties: INodeProperties[] = [
	channelField,
	...contactFields,
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'Text of the message. For email, the plain-text part.',
	},
	subjectField,
	{
		displayName: 'HTML',
		name: 'html',
		type: 'string',
		typeOptions: { rows: 6 },
		default: '',
		placeholder: 'e.g. <p>Olá!</p>',
		description: 'HTML body of the email',
		displayOptions: { show: onlyEmail },
	},
	{
		displayName: 'Template',
		name: 'templateId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: 'A template of the location to send instead of (or with) the text. Optional.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 64f1c0d2a1b2c3d4e5f6a7b8' },
		],
	},
	{
		displayName: 'Attachment URLs',
		name: 'attachments',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/proposta.pdf',
		description: 'Public links to files, separated by commas or new lines. Leadway fetches them from there.',
	},
	// Version 1 named the binary fields in one optional list; it stays as saved workflows hold it.
	{
		displayName: 'Attachment Files',
		name: 'attachmentFiles',
		type: 'string',
		default: '',
		placeholder: 'e.g. data, invoice',
		description:
			'Binary properties of the input item whose files are uploaded to Leadway and sent with the message, separated by commas. Leadway accepts JPG, JPEG, PNG, MP4, MPEG, ZIP, RAR, PDF, DOC, DOCX, TXT, MP3 and WAV.',
		displayOptions: { show: { '@version': [1] } },
	},
	// From version 1.1, n8n's convention for files on the input: a switch, then Input Binary Field(s).
	{
		displayName: 'Attach Input Files',
		name: 'binaryData',
		type: 'boolean',
		default: false,
		description: 'Whether to upload files from the input item\'s binary fields to Leadway and send them with the message',
		displayOptions: { hide: { '@version': [1] } },
	},
	{
		displayName: 'Input Binary Field(s)',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		placeholder: 'e.g. data, invoice',
		hint: 'The name of the input binary field(s) containing the file(s) to attach',
		description:
			'To attach several files, separate the binary field names with commas. Leadway accepts JPG, JPEG, PNG, MP4, MPEG, ZIP, RAR, PDF, DOC, DOCX, TXT, MP3 and WAV.',
		displayOptions: { hide: { '@version': [1] }, show: { binaryData: [true] } },
	},
	{
		displayName: 'Email Options',
		name: 'emailOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: onlyEmail },
		options: [
			{ displayName: 'BCC', name: 'emailBcc', type: 'string', default: '', description: 'Addresses separated by commas' },
			{ displayName: 'CC', name: 'emailCc', type: 'string', default: '', description: 'Addresses separated by commas' },
			{
				displayName: 'Custom Subtype ID',
				name: 'customSubtypeId',
				type: 'string',
				default: '',
				description: 'Subscription category of the email, for the contact\'s unsubscribe preferences',
			},
			{
				displayName: 'Forward',
				name: 'forward',
				type: 'fixedCollection',
				default: {},
				placeholder: 'Add Forwarding',
				description: 'Send this email as a forward of an earlier one',
				options: [
					{
						displayName: 'Forwarding',
						name: 'settings',
						values: [
							{ displayName: 'Email Message ID', name: 'emailMessageId', type: 'string', default: '' },
							{
								displayName: 'Forward Whole Thread',
								name: 'forwardWholeThread',
								type: 'boolean',
								default: false,
								description: 'Whether to forward every email of the thread, not only the message',
							},
							{
								displayName: 'Is Forwarded',
								name: 'isForwarded',
								type: 'boolean',
								default: true,
								description: 'Whether the email is a forward',
							},
							{ displayName: 'Message ID', name: 'messageId', type: 'string', default: '', description: 'ID of the message being forwarded' },
							{ displayName: 'Recipient Contact ID', name: 'recipientContactId', type: 'string', default: '' },
							{ displayName: 'To Email', name: 'toEmail', type: 'string', default: '', placeholder: 'e.g. nathan@example.com' },
						],
					},
				],
			},
			{ displayName: 'From', name: 'emailFrom', type: 'string', default: '', placeholder: 'e.g. vendas@empresa.com.br' },
			{
				displayName: 'Optimization Period',
				name: 'optimizationPeriod',
				type: 'options',
				options: [
					{ name: '24 Hours', value: '24h' },
					{ name: '48 Hours', value: '48h' },
					{ name: '72 Hours', value: '72h' },
				],
				default: '24h',
				description: 'Window in which native AI scheduling picks the send time',
			},
			{
				displayName: 'Reply Mode',
				name: 'emailReplyMode',
				type: 'options',
				options: [
					{ name: 'Reply', value: 'reply' },
					{ name: 'Reply All', value: 'reply_all' },
				],
				default: 'reply',
			},
			{ displayName: 'Reply To Message ID', name: 'replyMessageId', type: 'string', default: '', description: 'ID of the message this email replies to' },
			{
				displayName: 'Thread ID',
				name: 'threadId',
				type: 'string',
				default: '',
				description: 'ID of the email thread (the message that holds the thread) to send in',
			},
			{
				displayName: 'To',
				name: 'emailTo',
				type: 'string',
				default: '',
				placeholder: 'e.g. nathan@example.com',
				description: 'Another address of the contact to send to, instead of the primary one',
			},
			{
				displayName: 'Use Native Scheduling AI',
				name: 'usesNativeSchedulingAi',
				type: 'boolean',
				default: false,
				description: 'Whether Leadway\'s AI picks the best send time within the optimization period',
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Appointment ID', name: 'appointmentId', type: 'string', default: '', description: 'Appointment the message is about' },
			{
				displayName: 'Conversation Provider ID',
				name: 'conversationProviderId',
				type: 'string',
				default: '',
				description: 'Which conversation provider sends it, e.g. for the Custom channel',
			},
			{
				displayName: 'From Number',
				name: 'fromNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. +55 11 4000-0000',
				description: 'Number of the location to send from; Brazilian numbers are sent as +55…',
			},
			{
				displayName: 'Max Attachment Size (MB)',
				name: 'maxAttachmentMb',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				default: DEFAULT_MAX_ATTACHMENT_MB,
				description: 'Largest file the node uploads from the input\'s binary fields. Leadway documents no limit; this guard is the node\'s own.',
			},
			{
				displayName: 'Scheduled Time',
				name: 'scheduledTime',
				type: 'dateTime',
				default: '',
				description: 'When to send, in the workflow\'s timezone. Sent to Leadway as UTC seconds.',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Delivered', value: 'delivered' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'Pending', value: 'pending' },
					{ name: 'Read', value: 'read' },
				],
				default: 'pending',
				description: 'Status to record the message with. Leave it out for a normal send.',
			},
			{
				displayName: 'Sub Type',
				name: 'subType',
				type: 'string',
				default: '',
				placeholder: 'e.g. Email',
				description: 'Sent as subType; Leadway\'s example repeats the channel here',
			},
			{
				displayName: 'To Number',
				name: 'toNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. (11) 99999-9999',
				description: 'Number of the contact to send to, when not the primary one; Brazilian numbers are sent as +55…',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

/** The body keys in the order Leadway documents them. */
const BODY_KEYS = [
	'type',
	'subType',
	'contactId',
	'appointmentId',
	'attachments',
	'emailFrom',
	'emailCc',
	'emailBcc',
	'html',
	'message',
	'subject',
	'replyMessageId',
	'templateId',
	'threadId',
	'scheduledTimestamp',
	'conversationProviderId',
	'emailTo',
	'customSubtypeId',
	'emailReplyMode',
	'fromNumber',
	'toNumber',
	'forward',
	'status',
	'usesNativeSchedulingAi',
	'optimizationPeriod',
] as const;

export type SendMessageInput = Partial<Record<(typeof BODY_KEYS)[number], unknown>> & {
	type: string;
	contactId: string;
};

/** POST /conversations/messages body: only the fields that were given, in the documented order. */
export function buildSendMessageBody(input: SendMessageInput): IDataObject {
	const body: IDataObject = {};
	for (const key of BODY_KEYS) {
		const value = input[key];
		if (value === undefined || value === null || value === '') continue;
		if (Array.isArray(value) && value.length === 0) continue;
		body[key] = value as IDataObject[keyof IDataObject];
	}
	return body;
}

function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const result = String(value);
	return result.trim() === '' ? undefined : result;
}

function trimmed(value: unknown): string | undefined {
	return text(value)?.trim();
}

/** The forward block: the switches as set, the IDs only when given. */
export function readForward(settings: IDataObject | undefined): IDataObject | undefined {
	if (!settings) return undefined;
	const forward: IDataObject = {};
	if (typeof settings.isForwarded === 'boolean') forward.isForwarded = settings.isForwarded;
	if (typeof settings.forwardWholeThread === 'boolean') forward.forwardWholeThread = settings.forwardWholeThread;
	for (const key of ['messageId', 'emailMessageId', 'toEmail', 'recipientContactId']) {
		const value = trimmed(settings[key]);
		if (value !== undefined) forward[key] = value;
	}
	return Object.keys(forward).length > 0 ? forward : undefined;
}

async function findContact(
	ctx: IExecuteFunctions,
	itemIndex: number,
	by: 'phone' | 'email',
	value: string,
	create: boolean,
): Promise<string> {
	const locationId = await getLocationId(ctx, itemIndex);
	const key = by === 'phone' ? 'phone' : 'email';
	if (create) {
		// Repeating an upsert finds the same contact again: safe to retry after a 503.
		const response = await leadwayRequest<IDataObject>(ctx, 'POST', '/contacts/upsert', {
			body: { locationId, [key]: value },
			itemIndex,
			safeToRepeat: true,
		});
		const id = unwrap(response, 'contact').id;
		if (typeof id === 'string' && id !== '') return id;
	} else {
		const response = await leadwayRequest<IDataObject>(ctx, 'GET', '/contacts/search/duplicate', {
			qs: { locationId, [by === 'phone' ? 'number' : 'email']: value },
			itemIndex,
		});
		const contact = response?.contact as IDataObject | null | undefined;
		if (contact && typeof contact.id === 'string' && contact.id !== '') return contact.id;
	}
	throw new NodeOperationError(ctx.getNode(), `No contact with ${by} ${value} was found in this location`, {
		itemIndex,
		description: create
			? 'Leadway did not return the contact it created or found. Check the location\'s contact settings.'
			: 'Turn on "Create Contact If Missing" to create it, or check the number or address.',
	});
}

export async function resolveContactId(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const by = ctx.getNodeParameter('contactBy', itemIndex, 'contact') as string;
	if (by === 'contact') return readContactId(ctx, itemIndex);
	const create = ctx.getNodeParameter('createContact', itemIndex, false) as boolean;
	if (by === 'phone') {
		const phone = requireLeadwayPhone(ctx, itemIndex, 'Contact Phone', ctx.getNodeParameter('contactPhone', itemIndex, ''));
		return await findContact(ctx, itemIndex, 'phone', phone, create);
	}
	const email = requireEmail(ctx, itemIndex, 'Contact Email', ctx.getNodeParameter('contactEmail', itemIndex, ''));
	return await findContact(ctx, itemIndex, 'email', email, create);
}

/**
 * Which binary fields of the item to attach, and the field's label for errors: version 1's Attachment
 * Files list, or (1.1 on) Input Binary Field(s) when Attach Input Files is on.
 */
export function readBinaryFieldNames(ctx: IExecuteFunctions, itemIndex: number): { names: string[]; field: string; offer: string } {
	if (ctx.getNode().typeVersion < 1.1) {
		return { names: splitList(ctx.getNodeParameter('attachmentFiles', itemIndex, '')), field: 'Attachment Files', offer: 'Attachment Files' };
	}
	const field = 'Input Binary Field(s)';
	const offer = 'turn on Attach Input Files';
	if (ctx.getNodeParameter('binaryData', itemIndex, false) !== true) return { names: [], field, offer };
	const names = splitList(ctx.getNodeParameter('binaryPropertyName', itemIndex, ''));
	if (names.length === 0) {
		throw inputError(ctx, itemIndex, field, 'it is empty', 'Name the binary field(s) holding the files (usually data), or turn off Attach Input Files.');
	}
	return { names, field, offer };
}

/** Reads and checks every field except the contact, so bad input fails before any request. */
export type SendInput = Omit<SendMessageInput, 'contactId'> & {
	/** Files from the item's binary data, uploaded once the contact is known. */
	files?: AttachmentFile[];
	maxAttachmentBytes?: number;
};

export function readSendInput(ctx: IExecuteFunctions, itemIndex: number): SendInput {
	const type = ctx.getNodeParameter('type', itemIndex) as string;
	const input: SendInput = { type };
	input.message = text(ctx.getNodeParameter('message', itemIndex, ''));
	const templateId = trimmed(ctx.getNodeParameter('templateId', itemIndex, '', { extractValue: true }));
	input.templateId = templateId;
	input.attachments = splitList(ctx.getNodeParameter('attachments', itemIndex, '')).map((url) =>
		checkUrl(ctx, itemIndex, 'Attachment URLs', url),
	);

	const extra = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const maxMb =
		extra.maxAttachmentMb === undefined
			? DEFAULT_MAX_ATTACHMENT_MB
			: checkRange(ctx, itemIndex, 'Max Attachment Size (MB)', extra.maxAttachmentMb as number, 0.1, 1024);
	input.maxAttachmentBytes = Math.round(maxMb * 1024 * 1024);
	const binary = readBinaryFieldNames(ctx, itemIndex);
	input.files = readAttachmentFiles(ctx, itemIndex, binary.names, input.maxAttachmentBytes, binary.field);
	input.subType = trimmed(extra.subType);
	input.appointmentId = trimmed(extra.appointmentId);
	input.conversationProviderId = trimmed(extra.conversationProviderId);
	input.status = trimmed(extra.status);
	if (trimmed(extra.fromNumber)) input.fromNumber = requireLeadwayPhone(ctx, itemIndex, 'From Number', extra.fromNumber);
	if (trimmed(extra.toNumber)) input.toNumber = requireLeadwayPhone(ctx, itemIndex, 'To Number', extra.toNumber);
	if (extra.scheduledTime !== undefined && extra.scheduledTime !== null && String(extra.scheduledTime).trim() !== '') {
		const seconds = toEpochSeconds(extra.scheduledTime, ctx.getTimezone());
		if (seconds === undefined) {
			throw inputError(
				ctx,
				itemIndex,
				'Scheduled Time',
				`"${String(extra.scheduledTime).slice(0, 40)}" is not a date and time`,
				'Pick a date and time, or give an ISO date such as 2025-03-01T09:30:00-03:00.',
			);
		}
		input.scheduledTimestamp = seconds;
	}

	let forwarding = false;
	if (type === 'Email') {
		input.subject = text(ctx.getNodeParameter('subject', itemIndex, ''));
		input.html = text(ctx.getNodeParameter('html', itemIndex, ''));
		const email = ctx.getNodeParameter('emailOptions', itemIndex, {}) as IDataObject;
		if (trimmed(email.emailFrom)) input.emailFrom = requireEmail(ctx, itemIndex, 'From', email.emailFrom);
		if (trimmed(email.emailTo)) input.emailTo = requireEmail(ctx, itemIndex, 'To', email.emailTo);
		input.emailCc = requireEmailList(ctx, itemIndex, 'CC', email.emailCc);
		input.emailBcc = requireEmailList(ctx, itemIndex, 'BCC', email.emailBcc);
		input.emailReplyMode = trimmed(email.emailReplyMode);
		input.replyMessageId = trimmed(email.replyMessageId);
		input.threadId = trimmed(email.threadId);
		input.customSubtypeId = trimmed(email.customSubtypeId);
		const forward = readForward((email.forward as IDataObject | undefined)?.settings as IDataObject | undefined);
		if (forward?.toEmail !== undefined) requireEmail(ctx, itemIndex, 'Forward → To Email', forward.toEmail);
		input.forward = forward;
		forwarding = forward?.isForwarded === true;
		if (typeof email.usesNativeSchedulingAi === 'boolean') input.usesNativeSchedulingAi = email.usesNativeSchedulingAi;
		input.optimizationPeriod = trimmed(email.optimizationPeriod);
	}

	const hasContent =
		input.message !== undefined ||
		input.html !== undefined ||
		input.templateId !== undefined ||
		(input.attachments as string[]).length > 0 ||
		input.files.length > 0 ||
		forwarding;
	if (!hasContent) {
		throw inputError(
			ctx,
			itemIndex,
			'Message',
			'there is nothing to send',
			type === 'Email'
				? `Fill in Message or HTML, pick a Template, or add Attachment URLs or ${binary.offer}.`
				: `Fill in Message, pick a Template, or add Attachment URLs or ${binary.offer}.`,
		);
	}
	return input;
}

/** Reads and checks the message; the router runs it for all items before any is sent. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<SendInput> {
	return readSendInput(this, itemIndex);
}

/** The one way a message goes out (Send and Send and Wait): find the contact, upload files, POST the message. */
export async function sendMessage(ctx: IExecuteFunctions, itemIndex: number, input: SendInput): Promise<IDataObject> {
	const contactId = await resolveContactId(ctx, itemIndex);
	const uploaded = await uploadAttachmentFiles(ctx, itemIndex, contactId, input.files ?? [], input.maxAttachmentBytes ?? 0);
	const attachments = [...((input.attachments as string[] | undefined) ?? []), ...uploaded];
	const body = buildSendMessageBody({ ...input, attachments, contactId });
	// Not safe to repeat: Leadway has no idempotency key, so a 503 is not retried (a 429 is).
	const response = await leadwayRequest<IDataObject>(ctx, 'POST', '/conversations/messages', { body, itemIndex });
	return { ...response, contactId };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	return await sendMessage(this, itemIndex, (prepared as SendInput | undefined) ?? readSendInput(this, itemIndex));
}
