import type { INodeProperties } from 'n8n-workflow';

import { SEND_AND_WAIT } from '../../../shared/sendAndWait';
import * as get from './get';
import * as getAll from './getAll';
import * as send from './send';
import * as sendAndWait from './sendAndWait';

export { get, getAll, send, sendAndWait };

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
				action: 'Send a contact an SMS or email or other message',
				description: 'Send an SMS, WhatsApp, email, RCS, Instagram, Facebook, TikTok, live chat or custom message',
			},
			{
				name: 'Send and Wait for Response',
				value: SEND_AND_WAIT,
				action: 'Ask a contact by SMS or other channel and wait',
				description: 'Send an SMS, WhatsApp, email or other text message with a link to approve or answer, and wait for the response',
			},
		],
		default: 'send',
	},
	...send.description,
	...sendAndWait.description,
	...get.description,
	...getAll.description,
];
