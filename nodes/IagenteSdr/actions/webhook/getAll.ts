import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { iagenteRequest, toPage } from '../../transport';
import { hideSecret } from './create';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { records } = toPage(await iagenteRequest(this, 'GET', '/webhooks', { itemIndex }));
	return records.map((record) => hideSecret(record, false));
}
