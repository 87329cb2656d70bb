import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{ name: 'Get Many', value: 'getAll', action: 'Get many templates', description: 'List the approved WhatsApp templates' },
		],
		default: 'getAll',
	},
	...getAll.description,
];
