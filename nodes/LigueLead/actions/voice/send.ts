import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { singleFromBatch } from '../../../shared/router';
import type { BatchItemResult } from '../../../shared/router';
import { checkRange, inputError, requireText } from '../../../shared/validation';
import {
	phonesField,
	readId,
	readOptionalText,
	readPhones,
	readWebhookUrl,
	sendCampaigns,
	sendToManyOption,
} from '../common';
import type { CampaignRequest, CampaignSent } from '../common';

/** Documented bounds of the voice retry fields. */
export const VOICE_RETRY = {
	attempts: { min: 1, max: 3 },
	intervalMinutes: { min: 5, max: 180 },
	endTime: { earliest: '08:00', latest: '21:45' },
};

const properties: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Voice Campaign - Black Friday',
		description: 'Campaign name shown in LigueLead reports',
	},
	{
		displayName: 'Audio',
		name: 'audio',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'An uploaded audio (see Voice → Upload Audio)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchUploads', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 436514',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'The upload ID is a number' } }],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Callback URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://n8n.example.com/webhook/…/webhook?token=…',
				description:
					'Where LigueLead posts the call status of this send instead of the Webhook URL set in its panel. At most 512 characters.',
			},
			{
				displayName: 'Group ID',
				name: 'groupId',
				type: 'string',
				default: '',
				description: 'Optional LigueLead group identifier to organise the campaign',
			},
			{
				displayName: 'Retry Attempts',
				name: 'retryAttempts',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 3 },
				default: 3,
				description: 'How many times LigueLead calls a number again when nobody answers (1–3)',
			},
			{
				displayName: 'Retry End Time',
				name: 'retryEndTime',
				type: 'string',
				default: '',
				placeholder: 'e.g. 18:30',
				description: 'Last time of day for retries, HH:MM between 08:00 and 21:45 (São Paulo time)',
			},
			{
				displayName: 'Retry Interval (Minutes)',
				name: 'retryIntervalMinutes',
				type: 'number',
				typeOptions: { minValue: 5, maxValue: 180 },
				default: 15,
				description: 'Minutes between retries (5–180)',
			},
			sendToManyOption,
		],
	},
];

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show: { resource: ['voice'], operation: ['send'] } }, properties.slice(0, 2)),
	phonesField('voice', 'send'),
	...updateDisplayOptions({ show: { resource: ['voice'], operation: ['send'] } }, properties.slice(2)),
];

/** "HH:MM" within the dialing window, or an error message. */
export function checkRetryEndTime(value: string): string | undefined {
	const match = /^(\d{2}):(\d{2})$/.exec(value);
	if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return 'it is not a time in HH:MM form';
	if (value < VOICE_RETRY.endTime.earliest || value > VOICE_RETRY.endTime.latest) {
		return `${value} is outside the dialing window ${VOICE_RETRY.endTime.earliest}–${VOICE_RETRY.endTime.latest}`;
	}
	return undefined;
}

export interface VoiceParams {
	title: string;
	voiceUploadId: number;
	phones: string[];
	groupId?: string;
	retryAttempts?: number;
	retryIntervalMinutes?: number;
	retryEndTime?: string;
	webhookUrl?: string;
}

/** The documented POST /voice body; optional fields only when set. */
export function buildVoiceBody(params: VoiceParams): IDataObject {
	const body: IDataObject = { title: params.title, voice_upload_id: params.voiceUploadId, phones: params.phones };
	if (params.groupId) body.group_id = params.groupId;
	if (params.retryAttempts !== undefined) body.retry_attempts = params.retryAttempts;
	if (params.retryIntervalMinutes !== undefined) body.retry_interval_min = params.retryIntervalMinutes;
	if (params.retryEndTime) body.retry_end_time = params.retryEndTime;
	if (params.webhookUrl) body.webhook_url = params.webhookUrl;
	return body;
}

function readVoiceRequest(ctx: IExecuteFunctions, itemIndex: number): CampaignRequest {
	const title = requireText(ctx, itemIndex, 'Title', ctx.getNodeParameter('title', itemIndex)).trim();
	const audio = readId(ctx, itemIndex, 'audio', 'Audio');
	if (!/^\d+$/.test(audio)) {
		throw inputError(ctx, itemIndex, 'Audio', `"${audio}" is not an upload ID`, 'Pick the audio from the list, or give the numeric ID returned by Upload Audio.');
	}
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const retryEndTime = readOptionalText(options.retryEndTime);
	if (retryEndTime) {
		const problem = checkRetryEndTime(retryEndTime);
		if (problem) {
			throw inputError(ctx, itemIndex, 'Retry End Time', problem, 'Use a time between 08:00 and 21:45, e.g. 18:30.');
		}
	}
	const number = (name: string, label: string, bounds: { min: number; max: number }) =>
		options[name] === undefined
			? undefined
			: checkRange(ctx, itemIndex, label, Number(options[name]), bounds.min, bounds.max);
	const body = buildVoiceBody({
		title,
		voiceUploadId: Number(audio),
		phones: readPhones(ctx, itemIndex, { allowLandlines: true }),
		groupId: readOptionalText(options.groupId),
		retryAttempts: number('retryAttempts', 'Retry Attempts', VOICE_RETRY.attempts),
		retryIntervalMinutes: number('retryIntervalMinutes', 'Retry Interval (Minutes)', VOICE_RETRY.intervalMinutes),
		retryEndTime,
		webhookUrl: readWebhookUrl(ctx, itemIndex, 'Callback URL', options.webhookUrl),
	});
	const phones = body.phones as string[];
	delete body.phones;
	return { body, phones, sendToMany: options.sendToMany === true };
}

function shapeVoiceResult(_itemIndex: number, request: CampaignRequest, sent: CampaignSent): IDataObject {
	return {
		...sent.response,
		voice_upload_id: request.body.voice_upload_id,
		phones: request.phones,
		recipients: request.phones.length,
		campaignRecipients: sent.campaignRecipients,
	};
}

export const execute = singleFromBatch(executeBatch);

export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchItemResult[]> {
	return await sendCampaigns(
		this,
		itemIndexes,
		'/voice',
		(itemIndex) => readVoiceRequest(this, itemIndex),
		shapeVoiceResult,
	);
}
