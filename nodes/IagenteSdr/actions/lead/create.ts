import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkMaxLength, compact, requirePhone } from '../../../shared/validation';
import { iagenteRequest, unwrapRecord } from '../../transport';
import { leadDetailFields, readLeadDetails } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		required: true,
		default: '',
		placeholder: '(11) 99999-9999',
		description: 'Brazilian number with area code (DDD), in any format. Sent as 55 + DDD + number.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: leadDetailFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['lead'], operation: ['create'] } },
	properties,
);

export function buildCreateLeadBody(phone: string, details: IDataObject): IDataObject {
	return { phone, ...details };
}

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const phone = requirePhone(this, itemIndex, 'Phone', this.getNodeParameter('phone', itemIndex), 'digits55');
	const details = readLeadDetails(this, itemIndex, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	checkMaxLength(this, itemIndex, 'Name', details.name as string | undefined, 255);
	return buildCreateLeadBody(phone, compact(details));
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? (await prepare.call(this, itemIndex));
	return unwrapRecord(await iagenteRequest(this, 'POST', '/leads', { body, itemIndex }));
}
