import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText } from '../../../shared/validation';
import { superleadRequest, unwrapRecord } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		description: 'The ID Superlead returned when the message was sent, not the WhatsApp wamid',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireText(this, itemIndex, 'Message ID', this.getNodeParameter('messageId', itemIndex)).trim();
	return unwrapRecord(await superleadRequest(this, 'GET', `/v1/messages/${encodeURIComponent(id)}`, { itemIndex }));
}
