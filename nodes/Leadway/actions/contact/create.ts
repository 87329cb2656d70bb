import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { getLocationId, leadwayRequest, unwrap } from '../../transport';
import { contactDetailFields, phoneField, readContactDetails } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'e.g. nathan@example.com', default: '' },
	phoneField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contactDetailFields.filter((field) => field.name !== 'email'),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['create'] } }, properties);

/** Reads email, phone and the additional fields; at least one way to reach or name the contact. */
export function readContactInput(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const details = readContactDetails(ctx, itemIndex, {
		...(ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		email: ctx.getNodeParameter('email', itemIndex, ''),
		phone: ctx.getNodeParameter('phone', itemIndex, ''),
	});
	return details;
}

export function buildCreateContactBody(locationId: string, details: IDataObject): IDataObject {
	return { locationId, ...details };
}

/** Reads and checks the contact; the router runs it for all items before any is created. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const details = readContactInput(this, itemIndex);
	if (!details.email && !details.phone && !details.name && !details.firstName && !details.lastName) {
		throw inputError(this, itemIndex, 'Email', 'the contact has no email, phone or name', 'Fill in Email or Phone, or add a name under Additional Fields.');
	}
	return buildCreateContactBody(await getLocationId(this, itemIndex), details);
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? (await prepare.call(this, itemIndex));
	return unwrap(await leadwayRequest(this, 'POST', '/contacts/', { body, itemIndex }), 'contact');
}
