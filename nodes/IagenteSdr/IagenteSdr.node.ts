import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { requestOptionsField } from '../shared/descriptions';
import { route } from '../shared/router';
import { SEND_AND_WAIT, sendAndWaitWebhook, sendAndWaitWebhooks } from '../shared/sendAndWait';
import type { ResourceMap } from '../shared/router';
import { iagenteSdr } from './transport';
import * as lead from './actions/lead';
import * as rcsMessage from './actions/rcsMessage';
import * as template from './actions/template';
import * as webhook from './actions/webhook';
import * as whatsAppMessage from './actions/whatsAppMessage';
import { searchWhatsAppTemplates } from './methods/listSearch';

const resources: ResourceMap = {
	lead: { create: lead.create, delete: lead.delete, get: lead.get, getAll: lead.getAll, update: lead.update },
	whatsAppMessage: { send: whatsAppMessage.send, [SEND_AND_WAIT]: whatsAppMessage.sendAndWait },
	rcsMessage: { send: rcsMessage.send },
	template: { getAll: template.getAll },
	webhook: { create: webhook.create, delete: webhook.delete, getAll: webhook.getAll, test: webhook.test },
};

export class IagenteSdr implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'IAGENTE SDR',
		name: 'iagenteSdr',
		icon: { light: 'file:iagenteSdr.svg', dark: 'file:iagenteSdr.dark.svg' },
		group: ['output'],
		// 1.1: Send and Wait speaks Portuguese by default (Language) and allows 4 SMS parts; 1 keeps English and 2.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage leads and send WhatsApp and RCS messages with IAGENTE SDR',
		defaults: { name: 'IAGENTE SDR' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'iagenteSdrApi', required: true }],
		webhooks: sendAndWaitWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Lead', value: 'lead' },
					{ name: 'RCS Message', value: 'rcsMessage' },
					{ name: 'Template', value: 'template' },
					{ name: 'Webhook', value: 'webhook' },
					{ name: 'WhatsApp Message', value: 'whatsAppMessage' },
				],
				default: 'whatsAppMessage',
			},
			...lead.description,
			...whatsAppMessage.description,
			...rcsMessage.description,
			...template.description,
			...webhook.description,
			requestOptionsField(iagenteSdr.pace),
		],
	};

	methods = {
		listSearch: { searchWhatsAppTemplates },
	};

	webhook = sendAndWaitWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, resources, iagenteSdr.pace);
	}
}
