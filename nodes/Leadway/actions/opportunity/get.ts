import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { leadwayRequest, unwrap } from '../../transport';
import { opportunityIdField, readOpportunityId } from './fields';

export const description: INodeProperties[] = [opportunityIdField({ resource: ['opportunity'], operation: ['get'] })];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readOpportunityId(this, itemIndex);
	return unwrap(await leadwayRequest(this, 'GET', `/opportunities/${id}`, { itemIndex }), 'opportunity');
}
