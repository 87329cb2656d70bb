// The lead's own fields, shared by Create and Update.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { compact, requireEmail, requirePhone } from '../../../shared/validation';

export const leadDetailFields: INodeProperties[] = [
	{
		displayName: 'Company Name',
		name: 'companyName',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Deal Value',
		name: 'dealValue',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Value of the deal in BRL',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Name of the contact',
	},
];

/** Maps the node's camelCase fields to the API's snake_case ones, checking the email. */
export function readLeadDetails(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	// Anything given is checked (an object or a list is refused, not dropped).
	const email =
		fields.email !== undefined && fields.email !== null && !(typeof fields.email === 'string' && fields.email.trim() === '')
			? requireEmail(ctx, itemIndex, 'Email', fields.email)
			: undefined;
	const details: IDataObject = compact({
		name: fields.name,
		email,
		company_name: fields.companyName,
		deal_value: fields.dealValue,
	});
	if (fields.phone !== undefined && fields.phone !== '') {
		details.phone = requirePhone(ctx, itemIndex, 'Phone', fields.phone, 'digits55');
	}
	return details;
}
