import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { getLocationId, leadwayRequest, unwrap } from '../../transport';
import { contactLocatorField, readContactId } from '../common';
import {
	opportunityDetailFields,
	optionalId,
	pipelineField,
	readOpportunityDetails,
	readStatus,
	stageField,
	statusField,
} from './fields';

const show = { resource: ['opportunity'], operation: ['create'] };

const properties: INodeProperties[] = [
	{ ...pipelineField, required: true },
	{ ...stageField, required: true },
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Plano anual - Maria Santos',
	},
	statusField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: opportunityDetailFields,
	},
];

export const description: INodeProperties[] = [
	contactLocatorField(show, { description: 'The contact this opportunity belongs to' }),
	...updateDisplayOptions({ show }, properties),
];

/** Reads and checks the opportunity; the router runs it for all items before any is created. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = readContactId(this, itemIndex);
	const pipelineId = optionalId(this.getNodeParameter('pipelineId', itemIndex, ''));
	if (!pipelineId) {
		throw inputError(this, itemIndex, 'Pipeline', 'no pipeline was chosen', 'Pick the pipeline from the list, or give its ID.');
	}
	const pipelineStageId = optionalId(this.getNodeParameter('pipelineStageId', itemIndex, ''));
	if (!pipelineStageId) {
		throw inputError(this, itemIndex, 'Stage', 'no stage was chosen', 'Pick a stage of the pipeline from the list, or give its ID.');
	}
	const details = readOpportunityDetails(this, itemIndex, {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		name: this.getNodeParameter('name', itemIndex, ''),
	});
	return {
		pipelineId,
		locationId: await getLocationId(this, itemIndex),
		name: details.name,
		pipelineStageId,
		status: readStatus(this, itemIndex, this.getNodeParameter('status', itemIndex, 'open')),
		contactId,
		...details,
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? (await prepare.call(this, itemIndex));
	return unwrap(await leadwayRequest(this, 'POST', '/opportunities/', { body, itemIndex }), 'opportunity');
}
