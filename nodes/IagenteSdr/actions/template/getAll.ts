import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/descriptions';
import { collectPages } from '../../../shared/pagination';
import { compact, readLimit } from '../../../shared/validation';
import { iagenteRequest, toPage } from '../../transport';

const show = { resource: ['template'], operation: ['getAll'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Category', name: 'category', type: 'string', default: '', placeholder: 'MARKETING' },
			{ displayName: 'Context', name: 'context', type: 'string', default: '' },
			{
				displayName: 'Approved by Meta Only',
				name: 'metaApproved',
				type: 'boolean',
				default: true,
				description: 'Whether to list only the templates Meta approved (true) or only those it did not (false)',
			},
		],
	},
];

export const description: INodeProperties[] = [
	...returnAllFields(show, 1000),
	...updateDisplayOptions({ show }, properties),
];

export function buildTemplateQuery(filters: IDataObject): IDataObject {
	return compact({
		category: filters.category,
		context: filters.context,
		meta_approved: typeof filters.metaApproved === 'boolean' ? String(filters.metaApproved) : undefined,
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : (readLimit(this, itemIndex));
	const qs = buildTemplateQuery(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	// The template list is documented without paging parameters: page 2+ is only asked for when
	// the answer itself reports more pages.
	return await collectPages(
		async (page) =>
			toPage(
				await iagenteRequest(this, 'GET', '/whatsapp/templates', {
					qs: page > 1 ? { ...qs, page } : qs,
					itemIndex,
				}),
			),
		{ returnAll, limit, maxPerPage: Number.MAX_SAFE_INTEGER },
	);
}
