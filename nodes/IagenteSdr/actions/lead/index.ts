import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as deleteLead from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';

export { create, deleteLead as delete, get, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a lead', description: 'Create a new lead' },
			{ name: 'Delete', value: 'delete', action: 'Delete a lead', description: 'Remove a lead' },
			{ name: 'Get', value: 'get', action: 'Get a lead', description: 'Get one lead by ID' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many leads', description: 'List leads, with filters' },
			{ name: 'Update', value: 'update', action: 'Update a lead', description: 'Change fields of a lead' },
		],
		default: 'create',
	},
	...create.description,
	...deleteLead.description,
	...get.description,
	...getAll.description,
	...update.description,
];
