import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkMaxLength, inputError, requireEmail, requireText } from '../../../shared/validation';
import { superleadRequest, unwrapRecord } from '../../transport';
import { readPhone } from '../common';

/** The documented limits of POST /v1/leads, field by field (JSON Schema lengths count characters). */
export const LEAD_LIMITS = {
	name: { label: 'Name', min: 1, max: 200 },
	source: { label: 'Source', min: 1, max: 120 },
	channel: { label: 'Channel', min: 1, max: 120 },
	entry_point: { label: 'Entry Point', min: 1, max: 120 },
	notes: { label: 'Notes', min: 0, max: 2000 },
	utm_source: { label: 'UTM Source', min: 0, max: 255 },
	utm_medium: { label: 'UTM Medium', min: 0, max: 255 },
	utm_campaign: { label: 'UTM Campaign', min: 0, max: 255 },
	utm_term: { label: 'UTM Term', min: 0, max: 255 },
	utm_content: { label: 'UTM Content', min: 0, max: 255 },
} as const;

const text = (displayName: string, name: string, description: string, extra: Partial<INodeProperties> = {}): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...extra,
});

const properties: INodeProperties[] = [
	text('Name', 'name', 'Name of the lead (1 to 200 characters)', { required: true, placeholder: 'e.g. Maria Santos' }),
	text('Phone', 'phone', 'Any Brazilian format (sent as +55…), or an international number starting with +', {
		required: true,
		placeholder: 'e.g. (11) 99999-9999',
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			text('Channel', 'channel', 'Channel the lead came through (up to 120 characters)'),
			text('Email', 'email', 'Email address of the lead', { placeholder: 'e.g. name@email.com' }),
			text('Entry Point', 'entryPoint', 'Where the lead entered (up to 120 characters)'),
			text('Notes', 'notes', 'Free notes (up to 2,000 characters)', { typeOptions: { rows: 3 } }),
			text('Source', 'source', 'Where the lead comes from (up to 120 characters)'),
			text('UTM Campaign', 'utmCampaign', 'Up to 255 characters'),
			text('UTM Content', 'utmContent', 'Up to 255 characters'),
			text('UTM Medium', 'utmMedium', 'Up to 255 characters'),
			text('UTM Source', 'utmSource', 'Up to 255 characters'),
			text('UTM Term', 'utmTerm', 'Up to 255 characters'),
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['lead'], operation: ['create'] } }, properties);

const FIELD_NAMES: Record<string, keyof typeof LEAD_LIMITS> = {
	source: 'source',
	channel: 'channel',
	entryPoint: 'entry_point',
	notes: 'notes',
	utmSource: 'utm_source',
	utmMedium: 'utm_medium',
	utmCampaign: 'utm_campaign',
	utmTerm: 'utm_term',
	utmContent: 'utm_content',
};

/**
 * The POST /v1/leads body: the API accepts no other keys (additionalProperties: false), so only
 * the documented fields, in snake_case, each checked against its documented limits.
 */
export function buildCreateLeadBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	input: { name: unknown; phone: unknown; additionalFields?: IDataObject },
): IDataObject {
	const body: IDataObject = {
		name: requireText(ctx, itemIndex, 'Name', input.name, { maxLength: LEAD_LIMITS.name.max }),
		phone: readPhone(ctx, itemIndex, 'Phone', input.phone),
	};
	const fields = input.additionalFields ?? {};
	for (const [parameter, apiName] of Object.entries(FIELD_NAMES)) {
		const value = fields[parameter];
		if (value === undefined || value === null || value === '') continue;
		const limit = LEAD_LIMITS[apiName];
		const textValue = String(value);
		if (limit.min > 0 && textValue.trim() === '') {
			throw inputError(ctx, itemIndex, limit.label, 'it contains only spaces', `Fill in "${limit.label}" or remove it.`);
		}
		checkMaxLength(ctx, itemIndex, limit.label, textValue, limit.max);
		body[apiName] = textValue;
	}
	if (fields.email !== undefined && fields.email !== '') {
		body.email = requireEmail(ctx, itemIndex, 'Email', fields.email);
	}
	return body;
}

/** Reads and checks the lead against the schema limits; the router runs it for all items first. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return buildCreateLeadBody(this, itemIndex, {
		name: this.getNodeParameter('name', itemIndex),
		phone: this.getNodeParameter('phone', itemIndex),
		additionalFields: this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? (await prepare.call(this, itemIndex));
	return unwrapRecord(await superleadRequest(this, 'POST', '/v1/leads', { body, itemIndex }));
}
