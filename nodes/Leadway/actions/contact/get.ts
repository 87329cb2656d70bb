import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { leadwayRequest, unwrap } from '../../transport';
import { contactLocatorField, readContactId } from '../common';

export const description: INodeProperties[] = [contactLocatorField({ resource: ['contact'], operation: ['get'] })];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readContactId(this, itemIndex);
	return unwrap(await leadwayRequest(this, 'GET', `/contacts/${id}`, { itemIndex }), 'contact');
}
