import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/descriptions';
import { collectCursor } from '../../../shared/pagination';
import type { CursorPage } from '../../../shared/pagination';
import type { RequestContext } from '../../../shared/http';
import { getLocationId, leadwayRequest } from '../../transport';
import { readLimit } from '../../../shared/validation';

const show = { resource: ['template'], operation: ['getAll'] };

/** Page size asked for; the API documents skip/limit without a maximum. */
const MAX_PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	...returnAllFields(show, 1000),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Origin ID',
				name: 'originId',
				type: 'string',
				default: '',
				description: 'Sent as originId, which the API requires. Leave empty to send the Location ID, as HighLevel\'s examples do.',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'Email', value: 'email' },
					{ name: 'SMS', value: 'sms' },
					{ name: 'WhatsApp', value: 'whatsapp' },
				],
				default: 'sms',
				description: 'Only templates of this kind',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

export function buildTemplateQuery(locationId: string, filters: IDataObject): IDataObject {
	const originId = typeof filters.originId === 'string' && filters.originId.trim() !== '' ? filters.originId.trim() : locationId;
	const qs: IDataObject = { originId };
	if (typeof filters.type === 'string' && filters.type !== '') qs.type = filters.type;
	return qs;
}

/** One page of templates from `skip`; the next page starts after what came back, up to totalCount. */
export async function fetchTemplatePage(
	ctx: RequestContext,
	locationId: string,
	qs: IDataObject,
	skip: number,
	limit: number,
	itemIndex?: number,
): Promise<CursorPage<number>> {
	const response = await leadwayRequest<IDataObject>(ctx, 'GET', `/locations/${encodeURIComponent(locationId)}/templates`, {
		qs: { ...qs, skip, limit },
		itemIndex,
	});
	const records = Array.isArray(response?.templates) ? (response.templates as IDataObject[]) : [];
	const reached = skip + records.length;
	const total = typeof response?.totalCount === 'number' ? response.totalCount : undefined;
	const more = records.length >= limit && (total === undefined || reached < total);
	return { records, next: more ? reached : undefined };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : (readLimit(this, itemIndex));
	const locationId = await getLocationId(this, itemIndex);
	const qs = buildTemplateQuery(locationId, this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	return await collectCursor<number>(
		async (skip, pageSize) => await fetchTemplatePage(this, locationId, qs, skip ?? 0, pageSize, itemIndex),
		{ returnAll, limit, maxPerPage: MAX_PAGE_SIZE },
	);
}
