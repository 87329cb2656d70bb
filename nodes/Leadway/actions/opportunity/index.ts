import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as deleteOpportunity from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as update from './update';
import * as updateStatus from './updateStatus';

export { create, deleteOpportunity as delete, get, getAll, update, updateStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['opportunity'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create an opportunity', description: 'Create an opportunity for a contact in a pipeline' },
			{ name: 'Delete', value: 'delete', action: 'Delete an opportunity', description: 'Delete an opportunity' },
			{ name: 'Get', value: 'get', action: 'Get an opportunity', description: 'Get one opportunity' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many opportunities', description: 'Search opportunities by pipeline, stage, status, contact or owner' },
			{ name: 'Update', value: 'update', action: 'Update an opportunity', description: 'Change the stage, value, name or owner of an opportunity' },
			{ name: 'Update Status', value: 'updateStatus', action: 'Update the status of an opportunity', description: 'Mark an opportunity open, won, lost or abandoned' },
		],
		default: 'create',
	},
	...create.description,
	...deleteOpportunity.description,
	...get.description,
	...getAll.description,
	...update.description,
	...updateStatus.description,
];
