import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { timing } from '../shared/http';
import { isWithinWindow } from '../shared/signature';
import {
	REMEMBERED_DELIVERIES,
	acknowledge,
	guardWebhook,
	isRepeatedDelivery,
	readJsonObject,
	readRawBody,
	rejectRequest,
	startExecution,
	TRIGGER_WEBHOOK,
} from '../shared/webhook';
import { ALL_EVENTS, MESSAGE_TYPES, WEBHOOK_EVENTS, normalizeMessageType } from './trigger/events';
import { HIGHLEVEL_ED25519_PUBLIC_KEY, HIGHLEVEL_RSA_PUBLIC_KEY, toPem } from './trigger/keys';
import { verifyHighLevelSignature } from './trigger/verify';

export const DEFAULT_MAX_AGE_SECONDS = 300;
/** Where the delivery IDs seen last are kept in the node's static data. */
export const SEEN_IDS_KEY = 'recentWebhookIds';

interface TriggerData extends IDataObject {
	webhookUrl?: string;
	recentWebhookIds?: string[];
}

/** The event types chosen in the multi-select plus those typed by name. */
export function selectedEvents(events: unknown, otherEvents: unknown): string[] {
	const chosen = Array.isArray(events) ? events.map(String) : [];
	const typed = String(otherEvents ?? '')
		.split(/[,;\s]+/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
	return [...chosen, ...typed];
}

export class LeadwayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Leadway CRM Trigger',
		name: 'leadwayTrigger',
		icon: { light: 'file:leadway.svg', dark: 'file:leadway.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Leadway CRM (HighLevel) sends a signed webhook event',
		defaults: { name: 'Leadway CRM Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [TRIGGER_WEBHOOK],
		properties: [
			{
				displayName:
					'Paste this node\'s Production URL as the webhook URL of your HighLevel Marketplace app (or of a workflow webhook in Leadway). Every request must carry HighLevel\'s signature.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: WEBHOOK_EVENTS,
				required: true,
				default: ['InboundMessage'],
				description: 'Which event types start the workflow; others are answered and dropped',
			},
			{
				displayName: 'Other Event Types',
				name: 'otherEvents',
				type: 'string',
				default: '',
				placeholder: 'e.g. InvoicePaid, OrderCreate',
				description: 'More event types by their HighLevel name (the "type" field), separated by commas',
			},
			{
				displayName: 'Message Types',
				name: 'messageTypes',
				type: 'multiOptions',
				options: MESSAGE_TYPES,
				default: [],
				description: 'Only message events of these channels. Empty means all. Events without a message type (contacts, opportunities…) are not affected.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Accept Legacy RSA Signatures',
						name: 'acceptLegacyRsa',
						type: 'boolean',
						default: false,
						description:
							'Whether to also accept the old X-WH-Signature (RSA) when X-GHL-Signature is absent. HighLevel\'s official SDK documents X-WH-Signature as no longer sent, so accepting it only opens a downgrade path; turn it on only for an older HighLevel setup that still signs that way.',
					},
					{
						displayName: 'Ed25519 Public Key',
						name: 'ed25519PublicKey',
						type: 'string',
						typeOptions: { rows: 3 },
						default: HIGHLEVEL_ED25519_PUBLIC_KEY,
						description: 'Checks the X-GHL-Signature header. Replace it when HighLevel announces a new key.',
					},
					{
						displayName: 'Ignore Repeated Deliveries',
						name: 'ignoreRepeats',
						type: 'boolean',
						default: true,
						description: `Whether to answer but not run again for a webhookId seen before (the last ${REMEMBERED_DELIVERIES} are remembered)`,
					},
					{
						displayName: 'Max Event Age (Seconds)',
						name: 'maxAgeSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: DEFAULT_MAX_AGE_SECONDS,
						description: 'Events whose "timestamp" is further than this from now are refused (replays). 0 turns the check off, for webhooks whose body has no timestamp.',
					},
					{
						displayName: 'RSA Public Key',
						name: 'rsaPublicKey',
						type: 'string',
						typeOptions: { rows: 6 },
						default: HIGHLEVEL_RSA_PUBLIC_KEY,
						description: 'Checks the legacy X-WH-Signature header, used only when Accept Legacy RSA Signatures is on and X-GHL-Signature is absent. Replace it when HighLevel announces a new key.',
					},
				],
			},
		],
	};

	// HighLevel has no API to register webhooks with a location token: the URL is pasted in
	// HighLevel by hand. These methods only remember which URL is active.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as TriggerData;
				return data.webhookUrl !== undefined && data.webhookUrl === this.getNodeWebhookUrl('default');
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as TriggerData;
				const url = this.getNodeWebhookUrl('default');
				data.webhookUrl = url;
				data.recentWebhookIds = [];
				this.logger.info(`Leadway CRM Trigger: listening on ${url}; set this URL as the webhook URL in HighLevel.`);
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as TriggerData;
				delete data.webhookUrl;
				delete data.recentWebhookIds;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await guardWebhook(this, 'Leadway CRM Trigger', async () => {
			const options = this.getNodeParameter('options', {}) as IDataObject;
			const keys = {
				ed25519: toPem(String(options.ed25519PublicKey ?? HIGHLEVEL_ED25519_PUBLIC_KEY)),
				rsa: toPem(String(options.rsaPublicKey ?? HIGHLEVEL_RSA_PUBLIC_KEY)),
			};
			const rawBody = readRawBody(this);
			const check = verifyHighLevelSignature(this.getHeaderData(), rawBody, keys, {
				acceptLegacyRsa: options.acceptLegacyRsa === true,
			});
			if (!check.ok) {
				if (check.reason === 'noKey') {
					this.logger.warn(`Leadway CRM Trigger: no ${check.scheme === 'rsa' ? 'RSA' : 'Ed25519'} public key is set in the options; the event was refused.`);
					return rejectRequest(this, 401, 'Invalid signature');
				}
				if (check.reason === 'legacyOff') {
					return rejectRequest(this, 401, 'Legacy X-WH-Signature not accepted');
				}
				return rejectRequest(this, 401, check.reason === 'missing' ? 'Missing signature' : 'Invalid signature');
			}

			const body = readJsonObject(this, rawBody);
			if (body === undefined) return rejectRequest(this, 400, 'Malformed body: expected a JSON object');

			const maxAge = typeof options.maxAgeSeconds === 'number' ? options.maxAgeSeconds : DEFAULT_MAX_AGE_SECONDS;
			if (maxAge > 0 && !isWithinWindow(body.timestamp, timing.now(), maxAge)) {
				return rejectRequest(this, 401, 'Stale or missing timestamp');
			}

			const type = typeof body.type === 'string' ? body.type : '';
			const events = selectedEvents(this.getNodeParameter('events', []), this.getNodeParameter('otherEvents', ''));
			if (!events.includes(ALL_EVENTS) && !events.includes(type)) {
				return acknowledge(`event "${type}" is not selected`);
			}

			const chosenTypes = this.getNodeParameter('messageTypes', []);
			const messageTypes = (Array.isArray(chosenTypes) ? chosenTypes : []).map(normalizeMessageType);
			// Only a text messageType names a channel; events without one pass this filter.
			if (messageTypes.length > 0 && typeof body.messageType === 'string') {
				if (!messageTypes.includes(normalizeMessageType(body.messageType))) {
					return acknowledge(`message type "${body.messageType}" is not selected`);
				}
			}

			// Last: only events that would start an execution take a place among the remembered IDs.
			if (options.ignoreRepeats !== false && typeof body.webhookId === 'string' && body.webhookId !== '') {
				if (isRepeatedDelivery(this, SEEN_IDS_KEY, body.webhookId)) return acknowledge('repeated delivery');
			}

			return startExecution(this.helpers.returnJsonArray(body));
		});
	}
}
