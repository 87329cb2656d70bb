import type { INodeProperties } from 'n8n-workflow';

import * as send from './send';

export { send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['whatsAppMessage'] } },
		options: [
			{ name: 'Send', value: 'send', action: 'Send a message', description: 'Send text, a template or media on WhatsApp' },
		],
		default: 'send',
	},
	...send.description,
];
