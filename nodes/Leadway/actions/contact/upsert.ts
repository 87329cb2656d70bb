import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { getLocationId, leadwayRequest, unwrap } from '../../transport';
import { buildCreateContactBody, readContactInput } from './create';
import { contactDetailFields, phoneField } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. nathan@example.com',
		default: '',
		description: 'Used with Phone to find the existing contact, following the location\'s "Allow Duplicate Contact" setting',
	},
	{ ...phoneField, description: `${phoneField.description}. Used with Email to find the existing contact.` },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contactDetailFields.filter((field) => field.name !== 'email'),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['upsert'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const details = readContactInput(this, itemIndex);
	if (!details.email && !details.phone) {
		throw inputError(this, itemIndex, 'Email', 'neither Email nor Phone was given', 'Fill in Email or Phone: Leadway finds the contact to update by them.');
	}
	const body = buildCreateContactBody(await getLocationId(this, itemIndex), details);
	// An upsert finds the contact by email or phone before it writes: repeating it after a 503 or a
	// lost answer updates the same contact again, so it is retried like a read.
	const response = await leadwayRequest<IDataObject>(this, 'POST', '/contacts/upsert', { body, itemIndex, safeToRepeat: true });
	const contact = unwrap(response, 'contact');
	return typeof response.new === 'boolean' ? { ...contact, new: response.new } : contact;
}
