import type { INodeProperties } from 'n8n-workflow';

import * as get from './get';
import * as getAll from './getAll';
import * as send from './send';

export { get, getAll, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a message', description: 'Get one message with its delivery status' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many messages', description: 'List the messages of a conversation' },
			{
				name: 'Send',
				value: 'send',
				action: 'Send a message',
				description: 'Send an SMS, WhatsApp, email, RCS, Instagram, Facebook, TikTok, live chat or custom message',
			},
		],
		default: 'send',
	},
	...send.description,
	...get.description,
	...getAll.description,
];
