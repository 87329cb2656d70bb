import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { leadwayRequest } from '../../transport';
import { opportunityIdField, optionalId, readOpportunityId, readStatus, statusField } from './fields';

const show = { resource: ['opportunity'], operation: ['updateStatus'] };

const properties: INodeProperties[] = [
	{ ...statusField, required: true },
	{
		displayName: 'Lost Reason ID',
		name: 'lostReasonId',
		type: 'string',
		default: '',
		description: 'Optional: the ID of one of the location\'s lost reasons (Settings → Opportunities → Lost Reasons)',
		displayOptions: { show: { status: ['lost'] } },
	},
];

export const description: INodeProperties[] = [
	opportunityIdField(show),
	...updateDisplayOptions({ show }, properties),
];

/** Reads and checks the status; the router runs it for all items before any is written. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<{ id: string; body: IDataObject }> {
	const id = readOpportunityId(this, itemIndex);
	const status = readStatus(this, itemIndex, this.getNodeParameter('status', itemIndex, 'open'));
	const body: IDataObject = { status };
	if (status === 'lost') {
		const lostReasonId = optionalId(this.getNodeParameter('lostReasonId', itemIndex, ''));
		if (lostReasonId) body.lostReasonId = lostReasonId;
	}
	return { id, body };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as { id: string; body: IDataObject } | undefined) ?? (await prepare.call(this, itemIndex));
	const response = await leadwayRequest<IDataObject>(this, 'PUT', `/opportunities/${id}/status`, { body, itemIndex });
	return { id: decodeURIComponent(id), ...body, ...(response && typeof response === 'object' ? response : {}) };
}
