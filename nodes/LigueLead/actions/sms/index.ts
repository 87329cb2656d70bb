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
		displayOptions: { show: { resource: ['sms'] } },
		options: [
			{ name: 'Send', value: 'send', action: 'Send an SMS to one or more phone numbers', description: 'Send an SMS or SMS Flash campaign to up to 10,000 phones' },
			{
				name: 'Send and Wait for Response',
				value: SEND_AND_WAIT,
				action: 'Ask one phone by SMS and wait for the response',
				description: 'Send an SMS with a link to approve or answer, and wait for the response',
			},
		],
		default: 'send',
	},
	...send.description,
	...sendAndWait.description,
];
