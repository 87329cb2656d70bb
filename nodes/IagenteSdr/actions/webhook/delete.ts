import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { iagenteRequest } from '../../transport';
import { readId } from '../common';
import { webhookIdField } from './webhookId';

export const description: INodeProperties[] = [webhookIdField('delete')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, itemIndex, 'webhookId', 'Webhook ID');
	await iagenteRequest(this, 'DELETE', `/webhooks/${id}`, { itemIndex });
	return { deleted: true, id: decodeURIComponent(id) };
}
