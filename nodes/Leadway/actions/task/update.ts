import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { leadwayRequest, unwrap } from '../../transport';
import { contactLocatorField, readContactId } from '../common';
import { dueDateField, readTaskFields, readTaskId, taskIdField, taskOptionFields } from './fields';

const show = { resource: ['task'], operation: ['update'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([...taskOptionFields, dueDateField, { displayName: 'Title', name: 'title', type: 'string', default: '' }] as INodeProperties[]).sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

export const description: INodeProperties[] = [
	contactLocatorField(show, { description: 'The contact the task belongs to' }),
	taskIdField(show),
	...updateDisplayOptions({ show }, properties),
];

interface Prepared {
	contactId: string;
	taskId: string;
	body: IDataObject;
}

/** Reads and checks the changes; the router runs it for all items before any is written. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const contactId = readContactId(this, itemIndex);
	const taskId = readTaskId(this, itemIndex);
	const body = readTaskFields(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(body).length === 0) {
		throw inputError(this, itemIndex, 'Update Fields', 'no field to update was given', 'Add at least one field under "Update Fields" (Time Zone alone changes nothing).');
	}
	return { contactId, taskId, body };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const { contactId, taskId, body } = (prepared as Prepared | undefined) ?? (await prepare.call(this, itemIndex));
	return unwrap(await leadwayRequest(this, 'PUT', `/contacts/${contactId}/tasks/${taskId}`, { body, itemIndex }), 'task');
}
