import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { leadwayRequest, unwrap } from '../../transport';
import { contactLocatorField, readContactId } from '../common';
import { readTaskId, taskIdField } from './fields';

const show = { resource: ['task'], operation: ['get'] };

export const description: INodeProperties[] = [contactLocatorField(show, { description: 'The contact the task belongs to' }), taskIdField(show)];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = readContactId(this, itemIndex);
	const taskId = readTaskId(this, itemIndex);
	return unwrap(await leadwayRequest(this, 'GET', `/contacts/${contactId}/tasks/${taskId}`, { itemIndex }), 'task');
}
