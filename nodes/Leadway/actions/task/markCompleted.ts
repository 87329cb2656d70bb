import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { leadwayRequest, unwrap } from '../../transport';
import { contactLocatorField, readBoolean, readContactId } from '../common';
import { readTaskId, taskIdField } from './fields';

const show = { resource: ['task'], operation: ['markCompleted'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Completed',
		name: 'completed',
		type: 'boolean',
		default: true,
		description: 'Whether to mark the task completed (on) or not completed again (off)',
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
	body: { completed: boolean };
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const contactId = readContactId(this, itemIndex);
	const taskId = readTaskId(this, itemIndex);
	const completed = readBoolean(this, itemIndex, 'Completed', this.getNodeParameter('completed', itemIndex, true));
	return { contactId, taskId, body: { completed } };
}

/** PUT /contacts/{contactId}/tasks/{taskId}/completed (SDK: contacts.updateTaskCompleted, body UpdateTaskStatusParams). */
export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const { contactId, taskId, body } = (prepared as Prepared | undefined) ?? (await prepare.call(this, itemIndex));
	return unwrap(await leadwayRequest(this, 'PUT', `/contacts/${contactId}/tasks/${taskId}/completed`, { body, itemIndex }), 'task');
}
