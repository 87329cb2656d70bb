// Fields and readers shared by the opportunity operations: pipeline and stage pickers, status, values.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkMaxLength, inputError, textValue } from '../../../shared/validation';
import { readId } from '../common';
import { customFieldsField, readCustomFields } from '../contact/fields';

export const STATUS_OPTIONS = [
	{ name: 'Abandoned', value: 'abandoned' },
	{ name: 'Lost', value: 'lost' },
	{ name: 'Open', value: 'open' },
	{ name: 'Won', value: 'won' },
];
const STATUSES = STATUS_OPTIONS.map((option) => option.value);

export const pipelineField: INodeProperties = {
	displayName: 'Pipeline Name or ID',
	name: 'pipelineId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPipelines' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const stageField: INodeProperties = {
	displayName: 'Stage Name or ID',
	name: 'pipelineStageId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPipelineStages', loadOptionsDependsOn: ['pipelineId'] },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: STATUS_OPTIONS,
	default: 'open',
};

export const monetaryValueField: INodeProperties = {
	displayName: 'Monetary Value',
	name: 'monetaryValue',
	type: 'number',
	typeOptions: { minValue: 0, numberPrecision: 2 },
	default: 0,
	description: 'The value of the deal, in the currency of the location',
};

export const assignedToField: INodeProperties = {
	displayName: 'Assigned To',
	name: 'assignedTo',
	type: 'string',
	default: '',
	description: 'ID of the Leadway user who owns the opportunity',
};

export function opportunityIdField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Opportunity ID',
		name: 'opportunityId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. yWQobCRIhRguQtD2llvk',
		description: 'The ID of the opportunity (the last part of its address in Leadway, or the ID a previous node returned)',
		displayOptions: { show },
	};
}

/** Fields every write can set besides pipeline, stage and status. */
export const opportunityDetailFields: INodeProperties[] = [assignedToField, customFieldsField, monetaryValueField];

export function readOpportunityId(ctx: IExecuteFunctions, itemIndex: number): string {
	return readId(ctx, itemIndex, 'opportunityId', 'Opportunity ID');
}

export function readStatus(ctx: IExecuteFunctions, itemIndex: number, raw: unknown): string {
	const status = String(raw ?? '').trim();
	if (!STATUSES.includes(status)) {
		throw inputError(ctx, itemIndex, 'Status', `"${status.slice(0, 40)}" is not a status`, `Use one of: ${STATUSES.join(', ')}.`);
	}
	return status;
}

/** An ID picked from a list or given by an expression: trimmed; undefined when left empty. */
export function optionalId(raw: unknown): string | undefined {
	const id = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	return id === '' ? undefined : id;
}

/** Name, value, owner and custom fields, checked; only those given. */
export function readOpportunityDetails(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const details: IDataObject = {};
	if (fields.name !== undefined) {
		const name = textValue(ctx, itemIndex, 'Name', fields.name).trim();
		if (name === '') throw inputError(ctx, itemIndex, 'Name', 'it is empty', 'Give the opportunity a name.');
		checkMaxLength(ctx, itemIndex, 'Name', name, 255);
		details.name = name;
	}
	if (fields.monetaryValue !== undefined) {
		const value = fields.monetaryValue;
		if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
			throw inputError(
				ctx,
				itemIndex,
				'Monetary Value',
				`${JSON.stringify(value) ?? String(value)} is not an amount`,
				'Give a number of 0 or more, with a dot for decimals (e.g. 1500.50).',
			);
		}
		details.monetaryValue = value;
	}
	const assignedTo = optionalId(textValue(ctx, itemIndex, 'Assigned To', fields.assignedTo));
	if (assignedTo) details.assignedTo = assignedTo;
	const customFields = readCustomFields(ctx, itemIndex, fields);
	if (customFields) details.customFields = customFields;
	return details;
}
