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
import * as calendar from './actions/calendar';
import * as contact from './actions/contact';
import * as message from './actions/message';
import * as opportunity from './actions/opportunity';
import * as task from './actions/task';
import * as template from './actions/template';
import { searchContacts, searchTemplates } from './methods/listSearch';
import { getCalendars, getUsers } from './methods/calendarsAndUsers';
import { getPipelineStages, getPipelines } from './methods/loadOptions';

const resources: ResourceMap = {
	calendar: {
		bookAppointment: calendar.bookAppointment,
		cancelAppointment: calendar.cancelAppointment,
		deleteAppointment: calendar.deleteAppointment,
		getAppointment: calendar.getAppointment,
		getFreeSlots: calendar.getFreeSlots,
		updateAppointment: calendar.updateAppointment,
	},
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
	task: {
		create: task.create,
		delete: task.delete,
		get: task.get,
		getAll: task.getAll,
		markCompleted: task.markCompleted,
		update: task.update,
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
		// Task and Calendar are offered in both versions: new resources change no saved node.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Manage contacts, opportunities, tasks and calendar appointments and send SMS, WhatsApp, email and other messages with Leadway CRM (HighLevel)',
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
					{ name: 'Calendar', value: 'calendar' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Message', value: 'message' },
					{ name: 'Opportunity', value: 'opportunity' },
					{ name: 'Task', value: 'task' },
					{ name: 'Template', value: 'template' },
				],
				default: 'message',
			},
			...calendar.description,
			...contact.description,
			...message.description,
			...opportunity.description,
			...task.description,
			...template.description,
			requestOptionsField(leadway.pace),
		],
	};

	methods = {
		listSearch: { searchContacts, searchTemplates },
		loadOptions: { getCalendars, getPipelines, getPipelineStages, getUsers },
	};

	webhook = sendAndWaitWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, resources, leadway.pace);
	}
}
