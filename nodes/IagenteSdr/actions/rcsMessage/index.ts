import type { INodeProperties } from 'n8n-workflow';

import * as send from './send';

export { send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['rcsMessage'] } },
		options: [
			{ name: 'Send', value: 'send', action: 'Send an RCS message to a phone or lead ID', description: 'Send text, a file, cards, quick replies or a location over RCS' },
		],
		default: 'send',
	},
	...send.description,
];
