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
import { ligueLead } from './transport';
import * as rcs from './actions/rcs';
import * as sms from './actions/sms';
import * as voice from './actions/voice';
import { searchAgents, searchTemplates, searchUploads } from './methods/listSearch';

const resources: ResourceMap = {
	sms: { send: sms.send, [SEND_AND_WAIT]: sms.sendAndWait },
	voice: {
		getAllUploads: voice.getAllUploads,
		getUpload: voice.getUpload,
		send: voice.send,
		uploadAudio: voice.uploadAudio,
	},
	rcs: {
		createTemplate: rcs.createTemplate,
		getAllAgents: rcs.getAllAgents,
		getAllTemplates: rcs.getAllTemplates,
		send: rcs.send,
	},
};

export class LigueLead implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LigueLead',
		name: 'ligueLead',
		icon: { light: 'file:ligueLead.svg', dark: 'file:ligueLead.dark.svg' },
		group: ['output'],
		// 1.1: Send and Wait speaks Portuguese by default (Language) and allows 4 SMS parts; 1 keeps English and 2.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send SMS, voice calls and RCS messages with LigueLead',
		defaults: { name: 'LigueLead' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'ligueLeadApi', required: true }],
		webhooks: sendAndWaitWebhooks,
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'RCS Message', value: 'rcs' },
					{ name: 'SMS', value: 'sms' },
					{ name: 'Voice', value: 'voice' },
				],
				default: 'sms',
			},
			...sms.description,
			...voice.description,
			...rcs.description,
			requestOptionsField(ligueLead.pace),
		],
	};

	methods = {
		listSearch: { searchAgents, searchTemplates, searchUploads },
	};

	webhook = sendAndWaitWebhook;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, resources, ligueLead.pace);
	}
}
