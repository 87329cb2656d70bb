import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ligueLeadSmsCredits, smsSize } from '../../../shared/sms';
import { singleFromBatch } from '../../../shared/router';
import type { BatchItemResult } from '../../../shared/router';
import { checkMaxLength, inputError, requireText } from '../../../shared/validation';
import {
	phonesField,
	readOptionalText,
	readPhones,
	readWebhookUrl,
	sendCampaigns,
	sendToManyOption,
} from '../common';
import type { CampaignRequest, CampaignSent } from '../common';

export const MAX_SMS_LENGTH = 1600;

/**
 * The campaign title, shared by Send and Send and Wait. Named "Report Title" so that an AI Agent's
 * model, which sees the field's name as the key of a $fromAI() parameter, does not take it for the text.
 */
export const titleField: INodeProperties = {
	displayName: 'Report Title',
	name: 'title',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Welcome Campaign',
	description:
		'Campaign name shown only in LigueLead reports; the phone never receives it. When the node is an AI Agent tool, write a fixed title here instead of letting the model define it.',
};

const properties: INodeProperties[] = [
	titleField,
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description:
			'SMS text, at most 1,600 characters. The first 160 characters cost 1 credit, each further 152 one more. Accents such as ã, õ, ç switch the message to UCS-2 (70 characters per part on the network).',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Flash SMS',
				name: 'isFlash',
				type: 'boolean',
				default: false,
				description: 'Whether to send as SMS Flash (shown on the screen at once, not stored). A flash SMS may not contain links.',
			},
			{
				displayName: 'Group ID',
				name: 'groupId',
				type: 'string',
				default: '',
				description: 'Optional LigueLead group identifier to organise the campaign',
			},
			sendToManyOption,
			{
				displayName: 'Status Callback URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://n8n.example.com/webhook/…/webhook?token=…',
				description:
					'Where LigueLead posts the delivery status of this send instead of the Webhook URL set in its panel (for example the URL of a LigueLead Trigger). At most 512 characters.',
			},
		],
	},
];

export const description: INodeProperties[] = [
	phonesField('sms', 'send'),
	...updateDisplayOptions({ show: { resource: ['sms'], operation: ['send'] } }, properties),
];

/** Links are refused in SMS Flash; operators also treat bare domains as links. */
const LINK_PATTERN =
	/(https?:\/\/|www\.)\S+|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|net|org|br|io|ly|me|app|link|info|biz|co|gl|site|online|store|shop|xyz)\b(\/\S*)?/i;

export function containsLink(text: string): boolean {
	return LINK_PATTERN.test(text);
}

export interface SmsParams {
	title: string;
	message: string;
	phones: string[];
	groupId?: string;
	isFlash?: boolean;
	webhookUrl?: string;
}

/** The documented POST /sms body; optional fields only when set. */
export function buildSmsBody(params: SmsParams): IDataObject {
	const body: IDataObject = { title: params.title, message: params.message, phones: params.phones };
	if (params.groupId) body.group_id = params.groupId;
	if (params.isFlash) body.is_flash = true;
	if (params.webhookUrl) body.webhook_url = params.webhookUrl;
	return body;
}

function readSmsRequest(ctx: IExecuteFunctions, itemIndex: number): CampaignRequest {
	const title = requireText(ctx, itemIndex, 'Report Title', ctx.getNodeParameter('title', itemIndex)).trim();
	const message = requireText(ctx, itemIndex, 'Message', ctx.getNodeParameter('message', itemIndex));
	checkMaxLength(ctx, itemIndex, 'Message', message, MAX_SMS_LENGTH);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const isFlash = options.isFlash === true;
	if (isFlash && containsLink(message)) {
		throw inputError(
			ctx,
			itemIndex,
			'Message',
			'a flash SMS cannot contain a link',
			'Remove the link from the message, or turn off "Flash SMS".',
		);
	}
	const phones = readPhones(ctx, itemIndex, { allowLandlines: false });
	const body = buildSmsBody({
		title,
		message,
		phones,
		groupId: readOptionalText(options.groupId),
		isFlash,
		webhookUrl: readWebhookUrl(ctx, itemIndex, 'Status Callback URL', options.webhookUrl),
	});
	delete body.phones;
	return { body, phones, sendToMany: options.sendToMany === true };
}

/** Size, encoding and the credits LigueLead will charge, next to the campaign the item went into. */
export function shapeSmsResult(_itemIndex: number, request: CampaignRequest, sent: CampaignSent): IDataObject {
	const text = String(request.body.message);
	const size = smsSize(text);
	const creditsPerPhone = ligueLeadSmsCredits(text);
	return {
		...sent.response,
		phones: request.phones,
		recipients: request.phones.length,
		campaignRecipients: sent.campaignRecipients,
		encoding: size.encoding,
		characters: size.characters,
		parts: size.parts,
		creditsPerPhone,
		estimatedCredits: creditsPerPhone * request.phones.length,
	};
}

export const execute = singleFromBatch(executeBatch);

export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchItemResult[]> {
	return await sendCampaigns(
		this,
		itemIndexes,
		'/sms',
		(itemIndex) => readSmsRequest(this, itemIndex),
		shapeSmsResult,
	);
}
