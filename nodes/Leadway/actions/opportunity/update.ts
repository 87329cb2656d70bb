import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { leadwayRequest, unwrap } from '../../transport';
import {
	opportunityDetailFields,
	opportunityIdField,
	optionalId,
	pipelineField,
	readOpportunityDetails,
	readOpportunityId,
	readStatus,
	stageField,
	statusField,
} from './fields';

const show = { resource: ['opportunity'], operation: ['update'] };

const properties: INodeProperties[] = [
	{
		...pipelineField,
		hint: 'Leave empty to keep the current pipeline. To move the opportunity to another pipeline, pick it here and one of its stages under Update Fields.',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([
			...opportunityDetailFields,
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			stageField,
			statusField,
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description: INodeProperties[] = [
	opportunityIdField(show),
	...updateDisplayOptions({ show }, properties),
];

/** Reads and checks the changes; the router runs it for all items before any is written. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<{ id: string; body: IDataObject }> {
	const id = readOpportunityId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = readOpportunityDetails(this, itemIndex, fields);
	const pipelineId = optionalId(this.getNodeParameter('pipelineId', itemIndex, ''));
	if (pipelineId) body.pipelineId = pipelineId;
	const stageId = optionalId(fields.pipelineStageId);
	if (stageId) body.pipelineStageId = stageId;
	if (fields.status !== undefined) body.status = readStatus(this, itemIndex, fields.status);
	if (Object.keys(body).length === 0) {
		throw inputError(this, itemIndex, 'Update Fields', 'no field to update was given', 'Pick a pipeline, or add at least one field under "Update Fields".');
	}
	return { id, body };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as { id: string; body: IDataObject } | undefined) ?? (await prepare.call(this, itemIndex));
	return unwrap(await leadwayRequest(this, 'PUT', `/opportunities/${id}`, { body, itemIndex }), 'opportunity');
}
