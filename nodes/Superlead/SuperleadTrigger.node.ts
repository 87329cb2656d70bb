import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { timing } from '../shared/http';
import {
	acknowledge,
	assertRepeatOptions,
	configuredSecret,
	guardWebhook,
	isRepeatedEvent,
	readJsonObject,
	readRawBody,
	rejectRequest,
	repeatOptions,
	startExecution,
	TRIGGER_WEBHOOK,
} from '../shared/webhook';
import {
	DEFAULT_INCOMING_EVENTS,
	DEFAULT_SIGNATURE_HEADER,
	checkSignature,
	ignoreReason,
	splitNames,
} from './webhookCheck';
import type { SignatureSettings } from './webhookCheck';

interface TriggerData extends IDataObject {
	webhookUrl?: string;
}

/**
 * Superlead publishes no API to register webhooks: the URL is set up in the Superlead panel.
 * The lifecycle only remembers which URL this workflow listens on, and refuses to activate
 * without a signing secret, since every request must be signed.
 */
export class SuperleadTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Superlead Trigger',
		name: 'superleadTrigger',
		icon: { light: 'file:superlead.svg', dark: 'file:superlead.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Superlead sends a signed WhatsApp event (message status or incoming message)',
		defaults: { name: 'Superlead Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'superleadApi', required: true }],
		webhooks: [TRIGGER_WEBHOOK],
		properties: [
			{
				displayName:
					'Copy the Production URL above into the webhook settings of the Superlead panel, and put the signing secret Superlead shows there into the credential\'s "Webhook Signing Secret".',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{
						name: 'Incoming Message',
						value: 'incomingMessage',
						description: 'A lead sent you a message (event names set under Options)',
					},
					{
						name: 'Message Status',
						value: 'messageStatus',
						description: 'A sent message changed status (whatsapp.message.status)',
					},
					{
						name: 'Other Events',
						value: 'other',
						description: 'Any other signed event Superlead sends',
					},
				],
				default: ['messageStatus'],
				description: 'Which events start the workflow; the others are answered and ignored',
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				options: [
					{ name: 'Delivered', value: 'delivered' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'Read', value: 'read' },
					{ name: 'Sent', value: 'sent' },
				],
				default: ['delivered', 'failed'],
				description:
					'Which message statuses start the workflow. Each message goes through several statuses; pick only those you act on so one message does not start several executions.',
				displayOptions: { show: { events: ['messageStatus'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Incoming Message Event Names',
						name: 'incomingEvents',
						type: 'string',
						default: DEFAULT_INCOMING_EVENTS,
						description:
							'Comma-separated event names that count as incoming messages. Superlead does not publish them; check the "event" of a received request (select Other Events to see them).',
					},
					...repeatOptions('Superlead'),
					{
						displayName: 'Signature Encoding',
						name: 'signatureEncoding',
						type: 'options',
						options: [
							{ name: 'Base64', value: 'base64' },
							{ name: 'Hex', value: 'hex' },
						],
						default: 'hex',
						description: 'How the HMAC-SHA256 digest is written in the signature header',
					},
					{
						displayName: 'Signature Header',
						name: 'signatureHeader',
						type: 'string',
						default: DEFAULT_SIGNATURE_HEADER,
						description: 'The request header that carries the HMAC-SHA256 signature',
					},
					{
						displayName: 'Signature Prefix',
						name: 'signaturePrefix',
						type: 'options',
						options: [
							{ name: 'None', value: 'none', description: 'The header holds only the digest' },
							{ name: 'Optional SHA256= Prefix', value: 'optional', description: 'Accept the digest with or without sha256= before it' },
							{ name: 'Required SHA256= Prefix', value: 'required', description: 'The header must read sha256= followed by the digest' },
						],
						default: 'optional',
					},
					{
						displayName: 'Timestamp Header',
						name: 'timestampHeader',
						type: 'string',
						default: '',
						placeholder: 'e.g. x-superlead-timestamp',
						description:
							'When set, requests must carry this header with a Unix time within the tolerance, and the signature covers the timestamp, a dot and the raw body. Leave empty to sign the raw body alone.',
					},
					{
						displayName: 'Timestamp Tolerance (Seconds)',
						name: 'timestampTolerance',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 3600 },
						default: 300,
						description: 'How far the timestamp may be from now, either way, before the request is refused as a replay',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as TriggerData;
				return data.webhookUrl !== undefined && data.webhookUrl === this.getNodeWebhookUrl('default');
			},

			async create(this: IHookFunctions): Promise<boolean> {
				assertRepeatOptions(this);
				const credentials = await this.getCredentials('superleadApi');
				if (!configuredSecret(credentials.webhookSecret)) {
					throw new NodeOperationError(this.getNode(), 'The Superlead credential has no Webhook Signing Secret', {
						description:
							'The trigger accepts only signed requests. Copy the signing secret from the webhook settings of the Superlead panel into the credential, then activate the workflow again.',
					});
				}
				const data = this.getWorkflowStaticData('node') as TriggerData;
				data.webhookUrl = this.getNodeWebhookUrl('default');
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as TriggerData;
				delete data.webhookUrl;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await guardWebhook(this, 'Superlead Trigger', async () => {
			const credentials = await this.getCredentials('superleadApi');
			const options = this.getNodeParameter('options', {}) as IDataObject;
			const secret = configuredSecret(credentials.webhookSecret);
			if (!secret) {
				this.logger.warn('Superlead Trigger: the credential has no Webhook Signing Secret, so every request is refused.');
				return rejectRequest(this, 401, 'Webhook not configured');
			}
			const settings: SignatureSettings = {
				secret,
				header: String(options.signatureHeader || DEFAULT_SIGNATURE_HEADER),
				encoding: options.signatureEncoding === 'base64' ? 'base64' : 'hex',
				prefix: (options.signaturePrefix as SignatureSettings['prefix']) ?? 'optional',
				timestampHeader: String(options.timestampHeader ?? ''),
				toleranceSeconds: typeof options.timestampTolerance === 'number' ? options.timestampTolerance : 300,
			};
			const rawBody = readRawBody(this);
			const result = checkSignature(settings, this.getHeaderData(), rawBody, timing.now());
			if (!result.ok) return rejectRequest(this, 401, result.reason);

			const body = readJsonObject(this, rawBody);
			if (body === undefined) return rejectRequest(this, 400, 'Malformed body: expected a JSON object');

			const events = this.getNodeParameter('events', []);
			const statuses = this.getNodeParameter('statuses', []);
			const reason = ignoreReason(body, {
				events: Array.isArray(events) ? events.map(String) : [],
				statuses: Array.isArray(statuses) ? statuses.map(String) : [],
				incomingNames: splitNames(String(options.incomingEvents ?? DEFAULT_INCOMING_EVENTS)),
			});
			if (reason !== undefined) return acknowledge(reason);
			// Last: only events that would start an execution take a place among the remembered IDs.
			if (isRepeatedEvent(this, options, body)) return acknowledge('repeated delivery');
			return startExecution(this.helpers.returnJsonArray(body));
		});
	}
}
