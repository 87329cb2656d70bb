import type { INodeProperties } from 'n8n-workflow';

import { SEND_AND_WAIT } from '../../../shared/sendAndWait';
import * as send from './send';
import * as sendAndWait from './sendAndWait';

export { send, sendAndWait };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['whatsAppMessage'] } },
		options: [
			{ name: 'Send', value: 'send', action: 'Send a whatsapp message to a phone or lead ID', description: 'Send text, a template or media on WhatsApp' },
			{
				name: 'Send and Wait for Response',
				value: SEND_AND_WAIT,
				action: 'Send a whatsapp message and wait for the response',
				description: 'Send a WhatsApp text with a link to approve or answer, and wait for the response',
			},
		],
		default: 'send',
	},
	...send.description,
	...sendAndWait.description,
];
