import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { requestOptionsField } from '../shared/descriptions';
import { route } from '../shared/router';
import { SEND_AND_WAIT, sendAndWaitWebhook, sendAndWaitWebhooks } from '../shared/sendAndWait';
import type { ResourceMap } from '../shared/router';
import { superlead } from './transport';
import * as lead from './actions/lead';
import * as message from './actions/message';
import * as template from './actions/template';
import { searchTemplates } from './methods/listSearch';

const resources: ResourceMap = {
	message: { get: message.get, send: message.send, [SEND_AND_WAIT]: message.sendAndWait },
	lead: { create: lead.create, get: lead.get },
	template: { getAll: template.getAll },
};

export class Superlead implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Superlead',
		name: 'superlead',
		icon: { light: 'file:superlead.svg', dark: 'file:superlead.dark.svg' },
		group: ['output'],
		// 1.1: Send and Wait speaks Portuguese by default (Language) and allows 4 SMS parts; 1 keeps English and 2.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send WhatsApp messages to your leads with Superlead',
		defaults: { name: 'Superlead' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'superleadApi', required: true }],
		webhooks: sendAndWaitWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Lead', value: 'lead' },
					{ name: 'Message', value: 'message' },
					{ name: 'Template', value: 'template' },
				],
				default: 'message',
			},
			...message.description,
			...lead.description,
			...template.description,
			requestOptionsField(superlead.pace),
		],
	};

	methods = {
		listSearch: { searchTemplates },
	};

	webhook = sendAndWaitWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, resources, superlead.pace);
	}
}
