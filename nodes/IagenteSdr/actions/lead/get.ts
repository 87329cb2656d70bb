import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { iagenteRequest, unwrapRecord } from '../../transport';
import { leadIdField, readId } from '../common';

export const description: INodeProperties[] = [leadIdField('lead', ['get'])];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, itemIndex, 'leadId', 'Lead ID');
	return unwrapRecord(await iagenteRequest(this, 'GET', `/leads/${id}`, { itemIndex }));
}
