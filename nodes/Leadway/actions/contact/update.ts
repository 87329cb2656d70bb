import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { leadwayRequest, unwrap } from '../../transport';
import { contactLocatorField, readContactId } from '../common';
import { contactDetailFields, phoneField, readContactDetails } from './fields';

const show = { resource: ['contact'], operation: ['update'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...contactDetailFields, phoneField].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description: INodeProperties[] = [
	contactLocatorField(show),
	...updateDisplayOptions({ show }, properties),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readContactId(this, itemIndex);
	const body = readContactDetails(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(body).length === 0) {
		throw inputError(this, itemIndex, 'Update Fields', 'no field to update was given', 'Add at least one field under "Update Fields".');
	}
	return unwrap(await leadwayRequest(this, 'PUT', `/contacts/${id}`, { body, itemIndex }), 'contact');
}
