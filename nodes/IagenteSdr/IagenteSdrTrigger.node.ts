import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	acknowledge,
	assertRepeatOptions,
	configuredSecret,
	guardWebhook,
	hasHeader,
	isRepeatedEvent,
	readJsonObject,
	readRawBody,
	rejectRequest,
	repeatOptions,
	singleHeader,
	startExecution,
	TRIGGER_WEBHOOK,
} from '../shared/webhook';
import { verifyHmac } from '../shared/signature';
import { WEBHOOK_EVENTS } from './actions/webhook/events';
import { iagenteRequest, toPage, unwrapRecord } from './transport';

export const SIGNATURE_HEADER = 'x-webhook-signature';

interface RegistrationData extends IDataObject {
	webhookId?: string;
	signingSecret?: string;
	events?: string[];
}

function sameEvents(a: unknown, b: string[]): boolean {
	if (!Array.isArray(a)) return false;
	const left = [...(a as string[])].sort().join(',');
	return left === [...b].sort().join(',');
}

export class IagenteSdrTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'IAGENTE SDR Trigger',
		name: 'iagenteSdrTrigger',
		icon: { light: 'file:iagenteSdr.svg', dark: 'file:iagenteSdr.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when IAGENTE SDR sends a signed event (lead, message or handoff)',
		defaults: { name: 'IAGENTE SDR Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iagenteSdrApi', required: true }],
		webhooks: [TRIGGER_WEBHOOK],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: WEBHOOK_EVENTS,
				required: true,
				default: ['message.received'],
				description:
					'Which events start the workflow. The trigger registers itself in IAGENTE SDR when the workflow is activated and removes itself when it is deactivated.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: repeatOptions('IAGENTE SDR'),
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as RegistrationData;
				const url = this.getNodeWebhookUrl('default');
				const events = this.getNodeParameter('events') as string[];
				const { records } = toPage(await iagenteRequest(this, 'GET', '/webhooks'));
				const mine = records.filter((hook) => hook.url === url);
				const current = mine.find((hook) => String(hook.id) === String(data.webhookId));
				if (current && configuredSecret(data.signingSecret) && sameEvents(current.events ?? data.events, events)) {
					return true;
				}
				// A registration for this URL that we cannot verify (no secret) or with other
				// events is stale: remove it so create() registers a fresh one.
				for (const stale of mine) {
					await iagenteRequest(this, 'DELETE', `/webhooks/${encodeURIComponent(String(stale.id))}`);
				}
				delete data.webhookId;
				delete data.signingSecret;
				delete data.events;
				return false;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				assertRepeatOptions(this);
				const data = this.getWorkflowStaticData('node') as RegistrationData;
				const url = this.getNodeWebhookUrl('default') as string;
				const events = this.getNodeParameter('events') as string[];
				const name = `n8n: ${this.getWorkflow().name ?? this.getWorkflow().id ?? 'workflow'}`.slice(0, 120);
				const created = unwrapRecord(
					await iagenteRequest(this, 'POST', '/webhooks', { body: { name, url, events } }),
				);
				const signingSecret = configuredSecret(created.signing_secret);
				if (created.id === undefined || !signingSecret) {
					throw new NodeApiError(this.getNode(), { message: 'No webhook ID or signing secret returned' }, {
						message: 'IAGENTE SDR registered the webhook but returned no ID or signing secret',
						description: 'Without the signing secret the trigger cannot check that events come from IAGENTE SDR. Check the Base URL in the credential.',
					});
				}
				data.webhookId = String(created.id);
				data.signingSecret = signingSecret;
				data.events = events;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as RegistrationData;
				if (data.webhookId === undefined) return true;
				try {
					await iagenteRequest(this, 'DELETE', `/webhooks/${encodeURIComponent(data.webhookId)}`);
				} catch (error) {
					const httpCode = (error as NodeApiError).httpCode;
					if (httpCode !== '404') {
						this.logger.error(
							`IAGENTE SDR Trigger: could not remove webhook ${data.webhookId}; remove it in the IAGENTE SDR panel. ${(error as Error).message}`,
						);
						return false;
					}
				}
				delete data.webhookId;
				delete data.signingSecret;
				delete data.events;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await guardWebhook(this, 'IAGENTE SDR Trigger', async () => {
			const data = this.getWorkflowStaticData('node') as RegistrationData;
			const secret = configuredSecret(data.signingSecret);
			if (!secret) {
				this.logger.warn('IAGENTE SDR Trigger: no signing secret stored; deactivate and activate the workflow again.');
				return rejectRequest(this, 401, 'Webhook not registered');
			}
			const rawBody = readRawBody(this);
			const headers = this.getHeaderData();
			if (!hasHeader(headers, SIGNATURE_HEADER)) return rejectRequest(this, 401, 'Missing signature');
			const signature = singleHeader(headers, SIGNATURE_HEADER);
			if (!verifyHmac({ secret, payload: rawBody, signature, encoding: 'hex', prefix: 'sha256=' })) {
				return rejectRequest(this, 401, 'Invalid signature');
			}

			const body = readJsonObject(this, rawBody);
			if (body === undefined) return rejectRequest(this, 400, 'Malformed body: expected a JSON object');

			const options = this.getNodeParameter('options', {}) as IDataObject;
			const name = typeof body.event === 'string' ? body.event : typeof body.type === 'string' ? body.type : '';
			const events = this.getNodeParameter('events', []);
			if (!Array.isArray(events) || !events.includes(name)) {
				return acknowledge(`event "${name}" is not selected`);
			}
			// Last: only events that would start an execution take a place among the remembered IDs.
			if (isRepeatedEvent(this, options, body)) return acknowledge('repeated delivery');
			return startExecution(this.helpers.returnJsonArray(body));
		});
	}
}
