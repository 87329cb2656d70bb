import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { superleadRequest, unwrapRecord } from '../../transport';
import { readPhone } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. (11) 99999-9999',
		description:
			'Any Brazilian format (sent as +55…). Superlead also finds the lead when it was saved with or without the 9th digit.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const phone = readPhone(this, itemIndex, 'Phone', this.getNodeParameter('phone', itemIndex));
	return unwrapRecord(await superleadRequest(this, 'GET', '/v1/leads', { qs: { phone }, itemIndex }));
}
