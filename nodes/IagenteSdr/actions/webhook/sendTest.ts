import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { iagenteRequest, unwrapRecord } from '../../transport';
import { readId } from '../common';
import { webhookIdField } from './webhookId';

export const description: INodeProperties[] = [webhookIdField('test')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, itemIndex, 'webhookId', 'Webhook ID');
	return unwrapRecord(await iagenteRequest(this, 'POST', `/webhooks/${id}/test`, { itemIndex }));
}
