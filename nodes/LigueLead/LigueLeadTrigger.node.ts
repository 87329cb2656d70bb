// LigueLead posts unsigned `campaign.status` events, so this trigger accepts only requests whose
// URL carries the secret token of the LigueLead credential (?token=…), compared timing-safely;
// anything else gets a 401. The token lives in the credential (encrypted at rest, never in a
// workflow export), so nothing in the workflow lets anyone work it out.
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { verifyToken } from '../shared/signature';
import {
	acknowledge,
	guardWebhook,
	isPlainObject,
	readJsonObject,
	readRawBody,
	rejectRequest,
	startExecution,
	TRIGGER_WEBHOOK,
} from '../shared/webhook';

export const TOKEN_QUERY_PARAMETER = 'token';
export const MIN_TOKEN_LENGTH = 16;

interface TriggerData extends IDataObject {
	webhookUrl?: string;
	/** Kept by earlier versions; removed on the next activation. */
	tokenFingerprint?: string;
}

const TOKEN_HELP =
	'Put at least 16 random characters in the Webhook Token of the LigueLead credential (e.g. from a password manager or `openssl rand -hex 24`), then set the webhook URL in LigueLead to the trigger\'s Production URL followed by ?token= and that token.';

/** The credential's token, trimmed; '' when it is missing or shorter than MIN_TOKEN_LENGTH. */
export function usableToken(value: unknown): string {
	const token = typeof value === 'string' ? value.trim() : '';
	return token.length >= MIN_TOKEN_LENGTH ? token : '';
}

/** The documented dedupe key: campaign ID + status + occurred_at. */
export function dedupeKey(event: IDataObject): string {
	const campaign = isPlainObject(event.campaign) ? event.campaign : {};
	return `${text(campaign.id)}:${text(campaign.status)}:${text(event.occurred_at)}`;
}

/** Text and numbers as written; anything else (objects, arrays) as empty, never re-serialised. */
function text(value: unknown): string {
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function listOf(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : text(value).split(',');
	return parts.map((part) => text(part).trim().toLowerCase()).filter((part) => part !== '');
}

export class LigueLeadTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LigueLead Trigger',
		name: 'ligueLeadTrigger',
		icon: { light: 'file:ligueLead.svg', dark: 'file:ligueLead.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"campaign status: " + $parameter["channels"].join(", ")}}',
		description: 'Starts the workflow when LigueLead reports the status of an SMS, voice or RCS send',
		defaults: { name: 'LigueLead Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ligueLeadApi', required: true }],
		webhooks: [TRIGGER_WEBHOOK],
		properties: [
			{
				displayName:
					'LigueLead does not sign its calls, so this trigger only accepts requests whose URL carries the <b>Webhook Token</b> of the LigueLead credential. Generate at least 16 random characters (a password manager, or <code>openssl rand -hex 24</code>), put them in the credential, and in LigueLead (Integrations → API Token → Webhook URL), or in the Status Callback URL of a send, paste the <b>Production URL</b> shown above followed by <b>?token=</b> and the token, e.g. <code>https://your-n8n/webhook/…/webhook?token=3f1c…</code>. Requests without the right token get a 401 and start nothing.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Channels',
				name: 'channels',
				type: 'multiOptions',
				options: [
					{ name: 'RCS', value: 'rcs' },
					{ name: 'SMS', value: 'sms' },
					{ name: 'Voice', value: 'voice' },
				],
				default: ['rcs', 'sms', 'voice'],
				description: 'Which sends start the workflow (campaign.type in the event)',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: [
					{ name: 'Delivered', value: 'delivered', description: 'Delivered to the phone' },
					{ name: 'Failed', value: 'failed', description: 'Failed (error, congestion, no route)' },
					{ name: 'Sent', value: 'sent', description: 'Handed to the carrier' },
					{ name: 'Undelivered', value: 'undelivered', description: 'Not delivered (timeout or rejection)' },
				],
				default: [],
				description: 'Which statuses start the workflow. Empty accepts every status, including voice and RCS ones LigueLead does not document.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Additional Statuses',
						name: 'additionalStatuses',
						type: 'string',
						default: '',
						placeholder: 'e.g. answered, busy',
						description: 'Other status values to accept when Statuses is not empty, separated by commas (voice and RCS statuses are not documented)',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			// LigueLead has no API to register a webhook URL: the user pastes it in its panel. These
			// methods only check the token and remember which URL is active.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as TriggerData;
				return data.webhookUrl !== undefined && data.webhookUrl === this.getNodeWebhookUrl('default');
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const credentials = await this.getCredentials('ligueLeadApi');
				if (!usableToken(credentials.webhookToken)) {
					throw new NodeOperationError(
						this.getNode(),
						`The LigueLead credential's Webhook Token is empty or has fewer than ${MIN_TOKEN_LENGTH} characters`,
						{ description: TOKEN_HELP },
					);
				}
				const data = this.getWorkflowStaticData('node') as TriggerData;
				delete data.tokenFingerprint;
				data.webhookUrl = this.getNodeWebhookUrl('default');
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as TriggerData;
				delete data.webhookUrl;
				delete data.tokenFingerprint;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await guardWebhook(this, 'LigueLead Trigger', async () => {
			const credentials = await this.getCredentials('ligueLeadApi');
			const token = usableToken(credentials.webhookToken);
			if (!token) {
				this.logger.warn(
					`LigueLead Trigger: the credential's Webhook Token is empty or shorter than ${MIN_TOKEN_LENGTH} characters, so every request is refused.`,
				);
				return rejectRequest(this, 401, 'Trigger token not configured');
			}
			const query = this.getQueryData();
			const received = isPlainObject(query) ? query[TOKEN_QUERY_PARAMETER] : undefined;
			if (!verifyToken(token, received)) {
				return rejectRequest(this, 401, received === undefined ? 'Missing token' : 'Invalid token');
			}

			// n8n parses JSON sent with a JSON content type; anything else is read from the raw bytes.
			const event = readJsonObject(this, readRawBody(this));
			if (event === undefined) return rejectRequest(this, 400, 'Malformed body: expected a JSON object');
			if (event.event !== 'campaign.status') {
				return acknowledge(`event "${text(event.event)}" is not campaign.status`);
			}
			const campaign = isPlainObject(event.campaign) ? event.campaign : {};
			const channel = text(campaign.type).toLowerCase();
			const status = text(campaign.status).toLowerCase();
			const channels = listOf(this.getNodeParameter('channels', []));
			if (!channels.includes(channel)) return acknowledge(`channel "${channel}" is not selected`);
			const statuses = listOf(this.getNodeParameter('statuses', []));
			if (statuses.length > 0) {
				const options = this.getNodeParameter('options', {}) as IDataObject;
				const accepted = [...statuses, ...listOf(options.additionalStatuses)];
				if (!accepted.includes(status)) return acknowledge(`status "${status}" is not selected`);
			}
			return startExecution(this.helpers.returnJsonArray({ ...event, dedupeKey: dedupeKey(event) }));
		});
	}
}
