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
import { leadway } from './transport';
import * as contact from './actions/contact';
import * as message from './actions/message';
import * as opportunity from './actions/opportunity';
import * as template from './actions/template';
import { searchContacts, searchTemplates } from './methods/listSearch';
import { getPipelineStages, getPipelines } from './methods/loadOptions';

const resources: ResourceMap = {
	contact: {
		addNote: contact.addNote,
		addTags: contact.addTags,
		create: contact.create,
		delete: contact.delete,
		get: contact.get,
		getAll: contact.getAll,
		removeTags: contact.removeTags,
		update: contact.update,
		upsert: contact.upsert,
	},
	message: { get: message.get, getAll: message.getAll, send: message.send, [SEND_AND_WAIT]: message.sendAndWait },
	opportunity: {
		create: opportunity.create,
		delete: opportunity.delete,
		get: opportunity.get,
		getAll: opportunity.getAll,
		update: opportunity.update,
		updateStatus: opportunity.updateStatus,
	},
	template: { getAll: template.getAll },
};

export class Leadway implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Leadway CRM',
		name: 'leadway',
		icon: { light: 'file:leadway.svg', dark: 'file:leadway.dark.svg' },
		group: ['output'],
		// 1.1: Send and Wait speaks Portuguese by default (Language) and allows 4 SMS parts; Contact → Update no longer
		// offers Gender or Company Name; Message → Send takes files by Input Binary Field(s). 1 keeps the old behaviour.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage contacts and opportunities and send SMS, WhatsApp, email and other messages with Leadway CRM (HighLevel)',
		defaults: { name: 'Leadway CRM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leadwayApi', required: true }],
		webhooks: sendAndWaitWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'Message', value: 'message' },
					{ name: 'Opportunity', value: 'opportunity' },
					{ name: 'Template', value: 'template' },
				],
				default: 'message',
			},
			...contact.description,
			...message.description,
			...opportunity.description,
			...template.description,
			requestOptionsField(leadway.pace),
		],
	};

	methods = {
		listSearch: { searchContacts, searchTemplates },
		loadOptions: { getPipelines, getPipelineStages },
	};

	webhook = sendAndWaitWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, resources, leadway.pace);
	}
}
