import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { leadwayRequest } from '../../transport';
import { contactLocatorField, readContactId } from '../common';

export const description: INodeProperties[] = [contactLocatorField({ resource: ['contact'], operation: ['delete'] })];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readContactId(this, itemIndex);
	await leadwayRequest(this, 'DELETE', `/contacts/${id}`, { itemIndex });
	return { deleted: true, id };
}
