// The contact's own fields, shared by Create, Create or Update and Update.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { splitList } from '../../../shared/lists';
import { checkMaxLength, checkUrl, compact, inputError, requireEmail } from '../../../shared/validation';
import { requireLeadwayPhone } from '../common';

/** Custom fields of a contact or an opportunity: ID and value pairs. */
export const customFieldsField: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	options: [
		{
			displayName: 'Field',
			name: 'field',
			values: [
				{
					displayName: 'Field ID',
					name: 'id',
					type: 'string',
					default: '',
					description: 'ID of the custom field (Settings → Custom Fields)',
				},
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export const contactDetailFields: INodeProperties[] = [
	{ displayName: 'Address', name: 'address1', type: 'string', default: '', placeholder: 'e.g. Av. Paulista, 1000' },
	{
		displayName: 'Assigned To',
		name: 'assignedTo',
		type: 'string',
		default: '',
		description: 'ID of the Leadway user who owns the contact',
	},
	{ displayName: 'City', name: 'city', type: 'string', default: '', placeholder: 'e.g. São Paulo' },
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		placeholder: 'e.g. BR',
		description: 'Two-letter country code (ISO 3166-1)',
	},
	customFieldsField,
	{
		displayName: 'Date of Birth',
		name: 'dateOfBirth',
		type: 'dateTime',
		default: '',
		description: 'Only the date is sent (YYYY-MM-DD)',
	},
	{
		displayName: 'Do Not Disturb',
		name: 'dnd',
		type: 'boolean',
		default: false,
		description: 'Whether Leadway must not message this contact on any channel',
	},
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'e.g. nathan@example.com', default: '' },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{
		displayName: 'Gender',
		name: 'gender',
		type: 'options',
		options: [
			{ name: 'Female', value: 'female' },
			{ name: 'Male', value: 'male' },
		],
		default: 'female',
	},
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Full name, when first and last name are not split' },
	{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '', placeholder: 'e.g. 01310-100' },
	{ displayName: 'Source', name: 'source', type: 'string', default: '', placeholder: 'e.g. n8n', description: 'Where the contact came from' },
	{ displayName: 'State', name: 'state', type: 'string', default: '', placeholder: 'e.g. SP' },
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		placeholder: 'e.g. cliente, vip',
		description: 'Comma-separated tags',
	},
	{ displayName: 'Timezone', name: 'timezone', type: 'string', default: '', placeholder: 'e.g. America/Sao_Paulo' },
	{ displayName: 'Website', name: 'website', type: 'string', default: '', placeholder: 'e.g. https://example.com' },
];

export const phoneField: INodeProperties = {
	displayName: 'Phone',
	name: 'phone',
	type: 'string',
	default: '',
	placeholder: 'e.g. (11) 99999-9999',
	description: 'Brazilian numbers in any format are sent as +55 + DDD + number; foreign numbers need + and their country code',
};

/** Date part of what the date picker or an expression gives: YYYY-MM-DD. */
function datePart(value: unknown): string | undefined {
	const text = String(value ?? '').trim();
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(text);
	return match ? match[1] : undefined;
}

/** Maps the node's fields to the API body, checking each value before anything is sent. */
export function readContactDetails(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const details: IDataObject = compact({
		firstName: fields.firstName,
		lastName: fields.lastName,
		name: fields.name,
		gender: fields.gender,
		address1: fields.address1,
		city: fields.city,
		state: fields.state,
		postalCode: fields.postalCode,
		country: typeof fields.country === 'string' ? fields.country.trim().toUpperCase() : undefined,
		timezone: fields.timezone,
		companyName: fields.companyName,
		source: fields.source,
		assignedTo: fields.assignedTo,
	});
	for (const [name, label] of [
		['firstName', 'First Name'],
		['lastName', 'Last Name'],
		['name', 'Name'],
		['companyName', 'Company Name'],
	]) {
		checkMaxLength(ctx, itemIndex, label, details[name] as string | undefined, 255);
	}
	if (details.country !== undefined && !/^[A-Z]{2}$/.test(details.country as string)) {
		throw inputError(ctx, itemIndex, 'Country', `"${String(details.country)}" is not a two-letter country code`, 'Use a code like BR or US.');
	}
	if (fields.email !== undefined && String(fields.email).trim() !== '') {
		details.email = requireEmail(ctx, itemIndex, 'Email', fields.email);
	}
	if (fields.phone !== undefined && String(fields.phone).trim() !== '') {
		details.phone = requireLeadwayPhone(ctx, itemIndex, 'Phone', fields.phone);
	}
	if (fields.website !== undefined && String(fields.website).trim() !== '') {
		details.website = checkUrl(ctx, itemIndex, 'Website', String(fields.website));
	}
	if (fields.dateOfBirth !== undefined && String(fields.dateOfBirth).trim() !== '') {
		const date = datePart(fields.dateOfBirth);
		if (!date) {
			throw inputError(ctx, itemIndex, 'Date of Birth', `"${String(fields.dateOfBirth)}" is not a date`, 'Pick a date, or give it as YYYY-MM-DD.');
		}
		details.dateOfBirth = date;
	}
	if (typeof fields.dnd === 'boolean') details.dnd = fields.dnd;
	if (fields.tags !== undefined) {
		const tags = splitList(fields.tags);
		if (tags.length > 0) details.tags = tags;
	}
	const customFields = readCustomFields(ctx, itemIndex, fields);
	if (customFields) details.customFields = customFields;
	return details;
}

/** `[{ id, field_value }]` from the Custom Fields entries, or undefined when there are none. */
export function readCustomFields(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject[] | undefined {
	const entries = ((fields.customFields as IDataObject | undefined)?.field ?? []) as IDataObject[];
	if (entries.length === 0) return undefined;
	return entries.map((entry, position) => {
		const id = String(entry.id ?? '').trim();
		if (id === '') {
			throw inputError(ctx, itemIndex, 'Custom Fields', `entry ${position + 1} has no Field ID`, 'Give the ID of each custom field (Settings → Custom Fields).');
		}
		return { id, field_value: entry.value ?? '' };
	});
}
