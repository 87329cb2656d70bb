import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/descriptions';
import { collectPages } from '../../../shared/pagination';
import { compact, readLimit, requirePhone } from '../../../shared/validation';
import { iagenteRequest, toPage } from '../../transport';

const show = { resource: ['lead'], operation: ['getAll'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				description: 'Brazilian number in any format; sent as 55 + DDD + number',
			},
			{
				displayName: 'Temperature',
				name: 'temperature',
				type: 'options',
				options: [
					{ name: 'Cold', value: 'cold' },
					{ name: 'Cool', value: 'cool' },
					{ name: 'Frozen', value: 'frozen' },
					{ name: 'Hot', value: 'hot' },
					{ name: 'Warm', value: 'warm' },
				],
				default: 'hot',
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort',
		default: {},
		options: [
			{
				displayName: 'Field',
				name: 'field',
				type: 'string',
				default: '',
				placeholder: 'created_at',
				description: 'Name of the lead field to sort by, e.g. created_at or lead_score',
			},
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'asc',
			},
		],
	},
];

export const description: INodeProperties[] = [
	...returnAllFields(show, 1000),
	...updateDisplayOptions({ show }, properties),
];

export function buildLeadQuery(filters: IDataObject, sort: IDataObject): IDataObject {
	const qs: IDataObject = compact({ email: filters.email, phone: filters.phone, temperature: filters.temperature });
	const field = typeof sort.field === 'string' ? sort.field.trim().replace(/^-/, '') : '';
	if (field) qs.sort = sort.direction === 'desc' ? `-${field}` : field;
	return qs;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : (readLimit(this, itemIndex));
	const filters = { ...(this.getNodeParameter('filters', itemIndex, {}) as IDataObject) };
	if (filters.phone) filters.phone = requirePhone(this, itemIndex, 'Filters → Phone', filters.phone, 'digits55');
	const qs = buildLeadQuery(filters, this.getNodeParameter('sort', itemIndex, {}) as IDataObject);
	return await collectPages(
		async (page, perPage) =>
			toPage(await iagenteRequest(this, 'GET', '/leads', { qs: { ...qs, page, per_page: perPage }, itemIndex })),
		{ returnAll, limit, maxPerPage: 100 },
	);
}
