import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as deleteWebhook from './delete';
import * as getAll from './getAll';
import * as test from './sendTest';

export { create, deleteWebhook as delete, getAll, test };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a webhook', description: 'Register a URL to receive events' },
			{ name: 'Delete', value: 'delete', action: 'Delete a webhook', description: 'Stop sending events to a URL' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many webhooks', description: 'List the registered webhooks' },
			{ name: 'Test', value: 'test', action: 'Test a webhook', description: 'Ask IAGENTE SDR to send a test event' },
		],
		default: 'create',
	},
	...create.description,
	...deleteWebhook.description,
	...getAll.description,
	...test.description,
];
