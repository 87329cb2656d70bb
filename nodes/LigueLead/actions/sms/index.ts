import type { INodeProperties } from 'n8n-workflow';

import * as send from './send';

export { send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sms'] } },
		options: [
			{ name: 'Send', value: 'send', action: 'Send an SMS', description: 'Send an SMS or SMS Flash campaign to up to 10,000 phones' },
		],
		default: 'send',
	},
	...send.description,
];
