import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { leadwayRequest } from '../../transport';
import { opportunityIdField, readOpportunityId } from './fields';

export const description: INodeProperties[] = [opportunityIdField({ resource: ['opportunity'], operation: ['delete'] })];

/** Checks the ID; the router runs it for all items before any is deleted. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readOpportunityId(this, itemIndex);
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const id = (prepared as string | undefined) ?? (await prepare.call(this, itemIndex));
	await leadwayRequest(this, 'DELETE', `/opportunities/${id}`, { itemIndex });
	return { deleted: true, id: decodeURIComponent(id) };
}
