import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';

import { timing } from '../../../shared/http';
import { idempotencyKey } from '../../../shared/idempotency';
import { runNumber } from '../../../shared/retryMemo';
import { checkMaxLength, checkRange, requireText, textValue } from '../../../shared/validation';
import { ERROR_HINTS, superleadFind, superleadRequest, unwrapRecord } from '../../transport';
import { readRecipient } from '../common';
import { LEAD_LIMITS } from '../lead/create';
import { contentProperties, readMessageContent } from './content';

/** Statuses after which a message does not change on its own any more (for "Wait for Final Status"). */
export const FINAL_STATUSES = ['sent', 'delivered', 'read', 'failed'];

/** The recipient field, shared by Send and Send and Wait. */
export const toField: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. (11) 99999-9999 or BR.13491208655302741918',
	description:
		'A lead\'s phone in any Brazilian format (sent as +55…), an international number starting with +, or a BSUID (the fromUserId webhooks deliver for contacts with a WhatsApp username). It must be an existing lead unless "Create Lead If Missing" is on.',
};

/** Creating the lead when it is missing, shared by Send and Send and Wait. */
export const leadFields: INodeProperties[] = [
	{
		displayName: 'Create Lead If Missing',
		name: 'createLeadIfMissing',
		type: 'boolean',
		default: false,
		description:
			'Whether to look the lead up by phone first and create it when Superlead has none (Superlead never creates leads when sending). Not used for BSUIDs.',
	},
	{
		displayName: 'Lead Name',
		name: 'leadName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Maria Santos',
		description: 'Name for the lead when it has to be created (1 to 200 characters)',
		displayOptions: { show: { createLeadIfMissing: [true] } },
	},
];

const properties: INodeProperties[] = [
	toField,
	...contentProperties,
	...leadFields,
	{
		displayName: 'Wait for Final Status',
		name: 'waitForFinalStatus',
		type: 'boolean',
		default: false,
		description:
			'Whether to check the message until it is sent, delivered, read or failed. Superlead may accept a message and fail it seconds later (e.g. outside the 24-hour window); with this on, a failed message is an item error.',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'statusTimeout',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 600 },
		default: 60,
		description: 'How long to wait for a final status. After that the item carries the last status and "statusTimedOut": true.',
		displayOptions: { show: { waitForFinalStatus: [true] } },
	},
	{
		displayName: 'Check Every (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 60 },
		default: 5,
		description: 'Time between two status checks. Each check counts against the 60 requests per minute of the API key.',
		displayOptions: { show: { waitForFinalStatus: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '',
				description: 'Your own ID for this message (1 to 255 characters), returned by Superlead for reconciliation',
			},
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				placeholder: 'e.g. order-8734',
				description:
					'Superlead sends a message only once per key (for 24 hours). Leave empty to use a key made from the execution, the node, the item and the message, so "Retry On Fail" or a re-run never sends twice.',
			},
			{
				displayName: 'Reply To Message ID',
				name: 'replyToMessageId',
				type: 'string',
				default: '',
				placeholder: 'e.g. wamid.HBgNNTUxMTk5OTk5OTk5ORUCABEYEjI=',
				description: 'The WhatsApp ID (wamid) of the message this one replies to; WhatsApp shows it quoted',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['send'] } }, properties);

/** The whole POST /v1/messages body. */
export function buildSendBody(to: string, content: IDataObject, options: { externalId?: string; replyToMessageId?: string }): IDataObject {
	const body: IDataObject = { ...content, to };
	if (options.externalId) body.external_id = options.externalId;
	if (options.replyToMessageId) body.context = { message_id: options.replyToMessageId };
	return body;
}

/** Looks the lead up by phone and creates it when absent. Resolves to whether it was created. */
export async function ensureLead(ctx: IExecuteFunctions, itemIndex: number, phone: string, name: string): Promise<boolean> {
	const found = await superleadFind(ctx, '/v1/leads', { qs: { phone }, itemIndex });
	// 404 is "no such lead"; an empty answer is read the same way.
	if (found && typeof found === 'object' && Object.keys(found).length > 0) return false;
	try {
		await superleadRequest(ctx, 'POST', '/v1/leads', { body: { name, phone }, itemIndex });
	} catch (error) {
		// Created meanwhile (another item or execution): it exists, which is all the send needs.
		if (error instanceof NodeApiError && error.httpCode === '409') return false;
		throw new NodeApiError(ctx.getNode(), error as JsonObject, { itemIndex });
	}
	return true;
}

/** The reason WhatsApp gave for a failed message, wherever the message object carries it. */
export function failureReason(message: IDataObject): { text?: string; code?: string } {
	const candidates = [message.error, Array.isArray(message.errors) ? message.errors[0] : undefined];
	for (const candidate of candidates) {
		if (typeof candidate === 'string' && candidate !== '') return { text: candidate };
		if (candidate && typeof candidate === 'object') {
			const error = candidate as IDataObject;
			const text = [error.message, error.title, error.details].find((v) => typeof v === 'string' && v !== '') as string | undefined;
			const code = error.code === undefined || error.code === null ? undefined : String(error.code);
			if (text || code) return { text, code };
		}
	}
	for (const key of ['failure_reason', 'error_message', 'status_reason']) {
		if (typeof message[key] === 'string' && message[key] !== '') return { text: message[key] as string };
	}
	return {};
}

/** WhatsApp's code for "more than 24 hours since the customer last replied". */
const META_OUTSIDE_WINDOW = '131047';

export function failedMessageError(ctx: IExecuteFunctions, itemIndex: number, message: IDataObject): NodeApiError {
	const { text, code } = failureReason(message);
	const id = String(message.id ?? '');
	const hint =
		(code && ERROR_HINTS[code]) ||
		(code === META_OUTSIDE_WINDOW ? ERROR_HINTS.outside_24h_window : undefined) ||
		`Superlead accepted the message and WhatsApp failed it afterwards. The most common cause is the 24-hour window: ${ERROR_HINTS.outside_24h_window} Check message ${id} in the Superlead panel for the reason.`;
	const parts = [text ? `WhatsApp said: ${text}.` : undefined, code ? `Code: ${code}.` : undefined, hint];
	const errorMessage = `Superlead message ${id} failed`;
	return new NodeApiError(
		ctx.getNode(),
		{ message: errorMessage, ...(code ? { code } : {}), messageId: id } as JsonObject,
		{ message: errorMessage, description: parts.filter(Boolean).join(' '), itemIndex },
	);
}

/**
 * Checks GET /v1/messages/{id} every `intervalMs` until the status is final or `timeoutMs` ran out.
 * The clock and the waits go through `timing`, so tests stub them.
 */
export async function waitForFinalStatus(
	ctx: IExecuteFunctions,
	itemIndex: number,
	message: IDataObject,
	{ timeoutMs, intervalMs }: { timeoutMs: number; intervalMs: number },
): Promise<IDataObject> {
	const id = message.id;
	if (id === undefined || id === null || String(id) === '') {
		throw new NodeApiError(ctx.getNode(), { message: 'No message ID returned' } as JsonObject, {
			message: 'Superlead accepted the message but returned no message ID to follow',
			description: 'The message was sent; its final status cannot be checked. Turn off "Wait for Final Status" or check the message in the Superlead panel.',
			itemIndex,
		});
	}
	const path = `/v1/messages/${encodeURIComponent(String(id))}`;
	const deadline = timing.now() + timeoutMs;
	let current = message;
	while (!FINAL_STATUSES.includes(String(current.status))) {
		const remaining = deadline - timing.now();
		if (remaining <= 0) return { ...current, statusTimedOut: true };
		await timing.sleep(Math.min(intervalMs, remaining));
		current = unwrapRecord(await superleadRequest(ctx, 'GET', path, { itemIndex }));
	}
	return current;
}

/** Whether to create the lead first, and its name; only phones can be created. */
export function readLeadCreation(ctx: IExecuteFunctions, itemIndex: number, isPhone: boolean): { createLead: boolean; leadName: string } {
	const createLead = isPhone && (ctx.getNodeParameter('createLeadIfMissing', itemIndex, false) as boolean);
	const leadName = createLead
		? requireText(ctx, itemIndex, 'Lead Name', ctx.getNodeParameter('leadName', itemIndex, ''), { maxLength: LEAD_LIMITS.name.max })
		: '';
	return { createLead, leadName };
}

/**
 * A key made from the execution, the node, the run of the node, the item and the body: Retry On Fail
 * never sends twice, and a new run of the node (an AI Agent calling the tool again) sends again.
 */
export function defaultIdempotencyKey(ctx: IExecuteFunctions, itemIndex: number, body: IDataObject): string {
	return idempotencyKey(
		{ executionId: ctx.getExecutionId(), nodeId: ctx.getNode().id, run: runNumber(ctx), itemIndex, payload: body },
		'n8n-superlead',
	);
}

export interface PreparedSend {
	to: string;
	body: IDataObject;
	key: string;
	createLead: boolean;
	leadName: string;
	wait: boolean;
	timeoutSeconds: number;
	intervalSeconds: number;
}

/** Reads and checks everything about the send; the router runs it for all items before any is sent. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedSend> {
	const { to, isPhone } = readRecipient(this, itemIndex, this.getNodeParameter('to', itemIndex));
	const content = readMessageContent(this, itemIndex, this.getNodeParameter('messageType', itemIndex) as string);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const externalId = textValue(this, itemIndex, 'External ID', options.externalId);
	checkMaxLength(this, itemIndex, 'External ID', externalId, 255);
	const body = buildSendBody(to, content, {
		externalId,
		replyToMessageId: textValue(this, itemIndex, 'Reply To Message ID', options.replyToMessageId).trim(),
	});

	const { createLead, leadName } = readLeadCreation(this, itemIndex, isPhone);
	const wait = this.getNodeParameter('waitForFinalStatus', itemIndex, false) as boolean;
	const timeoutSeconds = wait ? checkRange(this, itemIndex, 'Timeout (Seconds)', Number(this.getNodeParameter('statusTimeout', itemIndex, 60)), 1, 600) : 0;
	const intervalSeconds = wait ? checkRange(this, itemIndex, 'Check Every (Seconds)', Number(this.getNodeParameter('pollInterval', itemIndex, 5)), 1, 60) : 0;

	const key =
		textValue(this, itemIndex, 'Idempotency Key', options.idempotencyKey).trim() || defaultIdempotencyKey(this, itemIndex, body);

	return { to, body, key, createLead, leadName, wait, timeoutSeconds, intervalSeconds };
}

/** The one way a message goes out (Send and Send and Wait): lead creation, POST with the key, final status. */
export async function sendPrepared(ctx: IExecuteFunctions, itemIndex: number, prepared: PreparedSend): Promise<IDataObject> {
	const { to, body, key, createLead, leadName, wait, timeoutSeconds, intervalSeconds } = prepared;
	let leadCreated: boolean | undefined;
	if (createLead) leadCreated = await ensureLead(ctx, itemIndex, to, leadName);

	const sent = unwrapRecord(
		await superleadRequest(ctx, 'POST', '/v1/messages', {
			body,
			headers: { 'Idempotency-Key': key },
			itemIndex,
			// The key makes a repeat harmless, so the shared layer may also retry a 503.
			safeToRepeat: true,
		}),
	);
	const result = wait
		? await waitForFinalStatus(ctx, itemIndex, sent, { timeoutMs: timeoutSeconds * 1000, intervalMs: intervalSeconds * 1000 })
		: sent;
	if (result.status === 'failed') throw failedMessageError(ctx, itemIndex, result);
	return leadCreated === undefined ? result : { ...result, leadCreated };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	return await sendPrepared(this, itemIndex, (prepared as PreparedSend | undefined) ?? (await prepare.call(this, itemIndex)));
}
