import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { leadwayRequest, unwrap } from '../../transport';
import { readId } from '../common';

export const description: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. t22c6DQcTDf3MjRhwf77',
		description: 'The messageId that Send returned, or one from a trigger event. The answer includes the delivery status.',
		displayOptions: { show: { resource: ['message'], operation: ['get'] } },
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, itemIndex, 'messageId', 'Message ID');
	return unwrap(await leadwayRequest(this, 'GET', `/conversations/messages/${id}`, { itemIndex }), 'message');
}
