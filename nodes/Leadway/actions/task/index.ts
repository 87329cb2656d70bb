import type { INodeProperties } from 'n8n-workflow';

import * as create from './create';
import * as deleteTask from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as markCompleted from './markCompleted';
import * as update from './update';

export { create, deleteTask as delete, get, getAll, markCompleted, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a task for a contact', description: 'Create a follow-up task on a contact, with a due date and an assigned user' },
			{ name: 'Delete', value: 'delete', action: 'Delete a task of a contact', description: 'Delete a task of a contact' },
			{ name: 'Get', value: 'get', action: 'Get a task of a contact', description: 'Get one task of a contact' },
			{ name: 'Get Many', value: 'getAll', action: 'Get the tasks of a contact', description: 'List the tasks of a contact' },
			{
				name: 'Mark Completed or Incomplete',
				value: 'markCompleted',
				action: 'Mark a task completed or incomplete',
				description: 'Mark a task done, or open again',
			},
			{ name: 'Update', value: 'update', action: 'Update a task of a contact', description: 'Change the title, details, due date, assignee or completion of a task' },
		],
		default: 'create',
	},
	...create.description,
	...deleteTask.description,
	...get.description,
	...getAll.description,
	...markCompleted.description,
	...update.description,
];
