import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as get from './get';

export { create, get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a lead', description: 'Create a lead, so it can receive messages' },
			{ name: 'Get by Phone', value: 'get', action: 'Get a lead by phone', description: 'Look up one lead by its phone number' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
];
