// Add Tags and Remove Tags differ only in the HTTP method.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkCount } from '../../../shared/validation';
import { leadwayRequest } from '../../transport';
import { splitList } from '../../../shared/lists';
import { contactLocatorField, readContactId } from '../common';

export function tagsDescription(operation: string, verb: string): INodeProperties[] {
	const show = { resource: ['contact'], operation: [operation] };
	return [
		contactLocatorField(show),
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. cliente, vip',
			description: `Comma-separated tags to ${verb}`,
			displayOptions: { show },
		},
	];
}

export async function changeTags(
	ctx: IExecuteFunctions,
	itemIndex: number,
	method: 'POST' | 'DELETE',
): Promise<IDataObject> {
	const id = readContactId(ctx, itemIndex);
	const tags = splitList(ctx.getNodeParameter('tags', itemIndex, ''));
	checkCount(ctx, itemIndex, 'Tags', tags.length, 1, 100);
	const response = await leadwayRequest<IDataObject>(ctx, method, `/contacts/${id}/tags`, {
		body: { tags },
		itemIndex,
	});
	return { id, tags: Array.isArray(response?.tags) ? response.tags : tags };
}
