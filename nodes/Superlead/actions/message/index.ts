import type { INodeProperties } from 'n8n-workflow';

import { SEND_AND_WAIT } from '../../../shared/sendAndWait';
import * as get from './get';
import * as send from './send';
import * as sendAndWait from './sendAndWait';

export { get, send, sendAndWait };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a message', description: 'Get a message and its current status' },
			{ name: 'Send', value: 'send', action: 'Send a whatsapp message to an existing lead', description: 'Send a WhatsApp message to a lead' },
			{
				name: 'Send and Wait for Response',
				value: SEND_AND_WAIT,
				action: 'Ask a lead on whatsapp and wait for the response',
				description: 'Send a WhatsApp text with a link to approve or answer, and wait for the response',
			},
		],
		default: 'send',
	},
	...send.description,
	...sendAndWait.description,
	...get.description,
];
