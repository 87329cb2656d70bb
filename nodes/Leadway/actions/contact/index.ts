import type { INodeProperties } from 'n8n-workflow';

import * as addNote from './addNote';
import * as addTags from './addTags';
import * as create from './create';
import * as deleteContact from './delete';
import * as get from './get';
import * as getAll from './getAll';
import * as removeTags from './removeTags';
import * as update from './update';
import * as upsert from './upsert';

export { addNote, addTags, create, deleteContact as delete, get, getAll, removeTags, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Add Note', value: 'addNote', action: 'Add a note to a contact', description: 'Write a note on a contact' },
			{ name: 'Add Tags', value: 'addTags', action: 'Add tags to a contact', description: 'Add tags to a contact' },
			{ name: 'Create', value: 'create', action: 'Create a contact', description: 'Create a new contact' },
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a contact',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a contact', description: 'Delete a contact' },
			{ name: 'Get', value: 'get', action: 'Get a contact', description: 'Get one contact' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many contacts', description: 'Search contacts with a query and filters' },
			{ name: 'Remove Tags', value: 'removeTags', action: 'Remove tags from a contact', description: 'Remove tags from a contact' },
			{ name: 'Update', value: 'update', action: 'Update a contact', description: 'Change fields of a contact' },
		],
		default: 'create',
	},
	...addNote.description,
	...addTags.description,
	...create.description,
	...deleteContact.description,
	...get.description,
	...getAll.description,
	...removeTags.description,
	...update.description,
	...upsert.description,
];
