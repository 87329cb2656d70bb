// LigueLead posts unsigned `campaign.status` events, so this trigger accepts only requests whose
// URL carries its secret token (?token=…), compared timing-safely; anything else gets a 401.
import { createHash } from 'crypto';
import { NodeConnectionTypes, NodeOperationError, jsonParse } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { verifyToken } from '../shared/signature';
import { readRawBody, rejectRequest } from '../shared/webhook';

export const TOKEN_QUERY_PARAMETER = 'token';
export const MIN_TOKEN_LENGTH = 16;
/** The default token: derived from this node's ID, so each trigger gets its own and the editor can show it. */
export const DEFAULT_TOKEN_EXPRESSION = '={{ $nodeId.hash("sha256") }}';

interface TriggerData extends IDataObject {
	tokenFingerprint?: string;
}

/** A short, irreversible fingerprint, so static data never holds the token itself. */
function fingerprint(token: string): string {
	return createHash('sha256').update(`liguelead-trigger:${token}`).digest('hex').slice(0, 16);
}

/** The documented dedupe key: campaign ID + status + occurred_at. */
export function dedupeKey(event: IDataObject): string {
	const campaign = (event.campaign ?? {}) as IDataObject;
	return `${String(campaign.id ?? '')}:${String(campaign.status ?? '')}:${String(event.occurred_at ?? '')}`;
}

function readEvent(ctx: IWebhookFunctions): IDataObject {
	const body = ctx.getBodyData();
	if (body && typeof body === 'object' && Object.keys(body).length > 0) return body;
	// n8n parses JSON sent with a JSON content type; anything else is read from the raw bytes.
	const parsed = jsonParse<unknown>(readRawBody(ctx).toString('utf8'), { fallbackValue: undefined });
	return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : {};
}

function listOf(value: unknown): string[] {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts.map((part) => String(part).trim().toLowerCase()).filter((part) => part !== '');
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
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'LigueLead does not sign its calls, so this trigger only accepts requests whose URL carries the token below. In LigueLead (Integrations → API Token → Webhook URL), or in the Status Callback URL of a send, paste the <b>Production URL</b> shown above followed by <b>?token=</b> and the token, e.g. <code>https://your-n8n/webhook/…/webhook?token=3f1c…</code>. Requests without the right token get a 401 and start nothing.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Token',
				name: 'token',
				// The token has to stay visible so the user can copy it into LigueLead's panel; like the
				// webhook path it is a URL secret, not a credential.
				// eslint-disable-next-line n8n-nodes-base/node-param-type-options-password-missing
				type: 'string',
				required: true,
				default: DEFAULT_TOKEN_EXPRESSION,
				description:
					'Secret the URL must carry as ?token=…. By default it is derived from this node\'s ID (open the field to see and copy the value). Anyone who can read this workflow or its JSON export can work it out: if you share the workflow, replace it with your own random text of at least 16 characters and update the URL in LigueLead.',
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
			// methods only check the token and remember which one is active.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as TriggerData;
				const token = String(this.getNodeParameter('token', '') ?? '');
				return data.tokenFingerprint !== undefined && data.tokenFingerprint === fingerprint(token);
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as TriggerData;
				const token = String(this.getNodeParameter('token', '') ?? '');
				if (token.trim().length < MIN_TOKEN_LENGTH) {
					throw new NodeOperationError(this.getNode(), `Token: it has fewer than ${MIN_TOKEN_LENGTH} characters`, {
						description: 'Use a random text of at least 16 characters (or reset the field to its default to get the generated one), then update the URL in LigueLead.',
					});
				}
				data.tokenFingerprint = fingerprint(token);
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as TriggerData;
				delete data.tokenFingerprint;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const token = String(this.getNodeParameter('token', '') ?? '');
		if (token.trim().length < MIN_TOKEN_LENGTH) {
			this.logger.warn('LigueLead Trigger: the Token is empty or too short, so every request is refused.');
			return rejectRequest(this, 401, 'Trigger token not configured');
		}
		const received = (this.getQueryData() as IDataObject)[TOKEN_QUERY_PARAMETER];
		if (!verifyToken(token, received)) {
			return rejectRequest(this, 401, received === undefined ? 'Missing token' : 'Invalid token');
		}

		const event = readEvent(this);
		if (event.event !== 'campaign.status') {
			return { webhookResponse: { received: true, ignored: `event "${String(event.event ?? '')}" is not campaign.status` } };
		}
		const campaign = (event.campaign ?? {}) as IDataObject;
		const channel = String(campaign.type ?? '').toLowerCase();
		const status = String(campaign.status ?? '').toLowerCase();
		const channels = listOf(this.getNodeParameter('channels', []));
		if (!channels.includes(channel)) {
			return { webhookResponse: { received: true, ignored: `channel "${channel}" is not selected` } };
		}
		const statuses = listOf(this.getNodeParameter('statuses', []));
		if (statuses.length > 0) {
			const options = this.getNodeParameter('options', {}) as IDataObject;
			const accepted = [...statuses, ...listOf(options.additionalStatuses)];
			if (!accepted.includes(status)) {
				return { webhookResponse: { received: true, ignored: `status "${status}" is not selected` } };
			}
		}
		return { workflowData: [this.helpers.returnJsonArray({ ...event, dedupeKey: dedupeKey(event) })] };
	}
}
