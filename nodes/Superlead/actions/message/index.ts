import type { INodeProperties } from 'n8n-workflow';

import * as get from './get';
import * as send from './send';

export { get, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a message', description: 'Get a message and its current status' },
			{ name: 'Send', value: 'send', action: 'Send a message', description: 'Send a WhatsApp message to a lead' },
		],
		default: 'send',
	},
	...send.description,
	...get.description,
];
