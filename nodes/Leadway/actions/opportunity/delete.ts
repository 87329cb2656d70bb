import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { leadwayRequest } from '../../transport';
import { opportunityIdField, readOpportunityId } from './fields';

export const description: INodeProperties[] = [opportunityIdField({ resource: ['opportunity'], operation: ['delete'] })];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readOpportunityId(this, itemIndex);
	await leadwayRequest(this, 'DELETE', `/opportunities/${id}`, { itemIndex });
	return { deleted: true, id: decodeURIComponent(id) };
}
