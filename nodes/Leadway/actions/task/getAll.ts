import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/descriptions';
import { readLimit } from '../../../shared/validation';
import { leadwayRequest } from '../../transport';
import { contactLocatorField, readContactId } from '../common';

const show = { resource: ['task'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	contactLocatorField(show, { description: 'The contact whose tasks to list' }),
	...returnAllFields(show, 1000),
];

/**
 * GET /contacts/{contactId}/tasks (SDK: contacts.getAllTasks) takes no query at all: no page size,
 * no cursor. It answers every task of the contact at once, so Limit is applied here, after it.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const contactId = readContactId(this, itemIndex);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : readLimit(this, itemIndex);
	const response = await leadwayRequest<IDataObject>(this, 'GET', `/contacts/${contactId}/tasks`, { itemIndex });
	const tasks = Array.isArray(response?.tasks) ? (response.tasks as IDataObject[]) : [];
	return returnAll ? tasks : tasks.slice(0, limit);
}
