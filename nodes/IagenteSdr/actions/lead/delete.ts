import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { iagenteRequest } from '../../transport';
import { leadIdField, readId } from '../common';

export const description: INodeProperties[] = [leadIdField('lead', ['delete'])];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, itemIndex, 'leadId', 'Lead ID');
	await iagenteRequest(this, 'DELETE', `/leads/${id}`, { itemIndex });
	return { deleted: true, id: decodeURIComponent(id) };
}
