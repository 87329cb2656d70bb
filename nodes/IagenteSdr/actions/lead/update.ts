import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { iagenteRequest, unwrapRecord } from '../../transport';
import { leadIdField, readId } from '../common';
import { leadDetailFields, readLeadDetails } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...leadDetailFields,
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: '(11) 99999-9999',
				description: 'Brazilian number with area code (DDD), in any format',
			},
		],
	},
];

export const description: INodeProperties[] = [
	leadIdField('lead', ['update']),
	...updateDisplayOptions({ show: { resource: ['lead'], operation: ['update'] } }, properties),
];

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<{ id: string; body: IDataObject }> {
	const id = readId(this, itemIndex, 'leadId', 'Lead ID');
	const body = readLeadDetails(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(body).length === 0) {
		throw inputError(this, itemIndex, 'Update Fields', 'no field to update was given', 'Add at least one field under "Update Fields".');
	}
	return { id, body };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as { id: string; body: IDataObject } | undefined) ?? (await prepare.call(this, itemIndex));
	return unwrapRecord(await iagenteRequest(this, 'PUT', `/leads/${id}`, { body, itemIndex }));
}
