import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { leadwayRequest, unwrap } from '../../transport';
import { contactLocatorField, readContactId } from '../common';
import { dueDateField, readTaskFields, taskOptionFields } from './fields';

const show = { resource: ['task'], operation: ['create'] };

const properties: INodeProperties[] = [
	{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '', placeholder: 'e.g. Call Maria before the demo' },
	{ ...dueDateField, required: true },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: taskOptionFields,
	},
];

export const description: INodeProperties[] = [
	contactLocatorField(show, { description: 'The contact the task is about' }),
	...updateDisplayOptions({ show }, properties),
];

interface Prepared {
	contactId: string;
	body: IDataObject;
}

/** Reads and checks the task; the router runs it for all items before any is created. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const contactId = readContactId(this, itemIndex);
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const fields = readTaskFields(this, itemIndex, {
		...extra,
		title: this.getNodeParameter('title', itemIndex, ''),
		dueDate: this.getNodeParameter('dueDate', itemIndex, ''),
	});
	// CreateTaskParams requires `completed`: a new task is open unless "Completed" says otherwise.
	const body: IDataObject = { title: fields.title, dueDate: fields.dueDate, completed: fields.completed ?? false };
	if (fields.body !== undefined) body.body = fields.body;
	if (fields.assignedTo !== undefined) body.assignedTo = fields.assignedTo;
	return { contactId, body };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const { contactId, body } = (prepared as Prepared | undefined) ?? (await prepare.call(this, itemIndex));
	return unwrap(await leadwayRequest(this, 'POST', `/contacts/${contactId}/tasks`, { body, itemIndex }), 'task');
}
