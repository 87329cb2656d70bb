import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { leadwayRequest, unwrap } from '../../transport';
import { contactLocatorField, readContactId } from '../common';
import { contactDetailFields, phoneField, readContactDetails } from './fields';

const show = { resource: ['contact'], operation: ['update'] };

/**
 * Fields of Create that HighLevel's UpdateContactDto does not declare: PUT /contacts/{id} refuses the
 * whole body with 422 "property gender should not exist" (and the same for companyName). Version 1 of
 * the node offered them on Update; there they stay visible, so a saved node shows what to remove, and
 * are refused before anything is sent. Later versions do not offer them.
 */
export const NOT_ON_UPDATE: Record<string, string> = { companyName: 'Company Name', gender: 'Gender' };

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...contactDetailFields.filter((field) => !(field.name in NOT_ON_UPDATE)),
			phoneField,
			...contactDetailFields
				.filter((field) => field.name in NOT_ON_UPDATE)
				.map((field) => ({
					...field,
					displayName: `${field.displayName} (Not Accepted by Update)`,
					description: 'Leadway refuses this field when updating a contact. Remove it here and set it with Create or Update instead.',
					displayOptions: { show: { '@version': [1] } },
				})),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description: INodeProperties[] = [
	contactLocatorField(show),
	...updateDisplayOptions({ show }, properties),
];

/** Reads and checks the changes; the router runs it for all items before any is written. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<{ id: string; body: IDataObject }> {
	const id = readContactId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	for (const [name, label] of Object.entries(NOT_ON_UPDATE)) {
		if (fields[name] === undefined) continue;
		throw inputError(
			this,
			itemIndex,
			`Update Fields → ${label}`,
			`Leadway does not accept ${label} when updating a contact (it answers 422 "property ${name} should not exist"), so nothing was sent`,
			`Remove ${label} from Update Fields. To set it, use Contact → Create or Update, which accepts it.`,
		);
	}
	const body = readContactDetails(this, itemIndex, fields);
	if (Object.keys(body).length === 0) {
		throw inputError(this, itemIndex, 'Update Fields', 'no field to update was given', 'Add at least one field under "Update Fields".');
	}
	return { id, body };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as { id: string; body: IDataObject } | undefined) ?? (await prepare.call(this, itemIndex));
	return unwrap(await leadwayRequest(this, 'PUT', `/contacts/${id}`, { body, itemIndex }), 'contact');
}
