// Fields and readers that several IAGENTE SDR operations share.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, requirePhone, textValue } from '../../shared/validation';

export const leadIdField = (resource: string, operation: string[]): INodeProperties => ({
	displayName: 'Lead ID',
	name: 'leadId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '123',
	description: 'The numeric ID of the lead in IAGENTE SDR',
	displayOptions: { show: { resource: [resource], operation } },
});

export function readId(ctx: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	const raw = textValue(ctx, itemIndex, label, ctx.getNodeParameter(name, itemIndex, '')).trim();
	if (raw === '') {
		throw inputError(ctx, itemIndex, label, 'it is empty', `Fill in "${label}" with the record's ID.`);
	}
	return encodeURIComponent(raw);
}

/** The documented lead ID is an integer; send a number when it looks like one. */
function leadIdValue(raw: string): number | string {
	return /^\d+$/.test(raw) ? Number(raw) : raw;
}

export function recipientFields(resource: string, operations: string[] = ['send']): INodeProperties[] {
	const show = { resource: [resource], operation: operations };
	return [
		{
			displayName: 'Send To',
			name: 'sendTo',
			type: 'options',
			options: [
				{ name: 'Phone Number', value: 'phone', description: 'Any Brazilian format; the lead is found or created by IAGENTE SDR' },
				{ name: 'Lead ID', value: 'leadId', description: 'An existing lead in IAGENTE SDR' },
			],
			default: 'phone',
			displayOptions: { show },
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			required: true,
			default: '',
			placeholder: '(11) 99999-9999',
			description: 'Brazilian number with area code (DDD), in any format: 11999999999, +55 11 99999-9999…',
			displayOptions: { show: { ...show, sendTo: ['phone'] } },
		},
		{
			displayName: 'Lead ID',
			name: 'leadId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '123',
			description: 'The numeric ID of the lead in IAGENTE SDR',
			displayOptions: { show: { ...show, sendTo: ['leadId'] } },
		},
	];
}

export function readRecipient(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const sendTo = ctx.getNodeParameter('sendTo', itemIndex) as string;
	if (sendTo === 'leadId') {
		const raw = textValue(ctx, itemIndex, 'Lead ID', ctx.getNodeParameter('leadId', itemIndex, '')).trim();
		if (raw === '') {
			throw inputError(ctx, itemIndex, 'Lead ID', 'it is empty', 'Fill in the ID of an existing lead, or send to a phone number instead.');
		}
		return { lead_id: leadIdValue(raw) };
	}
	return { phone: requirePhone(ctx, itemIndex, 'Phone', ctx.getNodeParameter('phone', itemIndex), 'digits55') };
}
