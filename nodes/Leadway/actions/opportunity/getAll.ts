import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/descriptions';
import { collectCursor } from '../../../shared/pagination';
import { checkMaxLength } from '../../../shared/validation';
import { getLocationId, leadwayRequest } from '../../transport';
import { STATUS_OPTIONS, optionalId, pipelineField, readStatus, stageField } from './fields';

const show = { resource: ['opportunity'], operation: ['getAll'] };

/** HighLevel's documented maximum page size for the opportunity search. */
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
				displayName: 'Assigned To',
				name: 'assignedTo',
				type: 'string',
				default: '',
				description: 'ID of the Leadway user who owns the opportunities',
			},
			{
				displayName: 'Contact ID',
				name: 'contactId',
				type: 'string',
				default: '',
				description: 'Only the opportunities of this contact',
			},
			pipelineField,
			{
				displayName: 'Search Query',
				name: 'query',
				type: 'string',
				default: '',
				placeholder: 'e.g. Maria',
				description: 'Text to look for in the opportunity and its contact',
			},
			{ ...stageField, typeOptions: { ...stageField.typeOptions, loadOptionsDependsOn: ['filters.pipelineId'] } },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: STATUS_OPTIONS,
				default: 'open',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

interface SearchCursor {
	startAfter: string;
	startAfterId: string;
}

/** The query HighLevel's search takes (snake_case names, as its SDK documents them). */
export function buildOpportunityQuery(ctx: IExecuteFunctions, itemIndex: number, locationId: string, filters: IDataObject): IDataObject {
	const qs: IDataObject = { location_id: locationId };
	const query = typeof filters.query === 'string' ? filters.query.trim() : '';
	if (query !== '') {
		checkMaxLength(ctx, itemIndex, 'Search Query', query, 255);
		qs.q = query;
	}
	const mapped: Array<[string, string]> = [
		['pipelineId', 'pipeline_id'],
		['pipelineStageId', 'pipeline_stage_id'],
		['contactId', 'contact_id'],
		['assignedTo', 'assigned_to'],
	];
	for (const [field, name] of mapped) {
		const value = optionalId(filters[field]);
		if (value) qs[name] = value;
	}
	if (filters.status !== undefined) qs.status = readStatus(ctx, itemIndex, filters.status);
	return qs;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : (this.getNodeParameter('limit', itemIndex) as number);
	const locationId = await getLocationId(this, itemIndex);
	const qs = buildOpportunityQuery(this, itemIndex, locationId, this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	return await collectCursor<SearchCursor>(
		async (cursor, pageSize) => {
			const response = await leadwayRequest<IDataObject>(this, 'GET', '/opportunities/search', {
				qs: { ...qs, limit: pageSize, ...(cursor ?? {}) },
				itemIndex,
			});
			const records = Array.isArray(response?.opportunities) ? (response.opportunities as IDataObject[]) : [];
			const meta = (response?.meta ?? {}) as IDataObject;
			const next =
				records.length >= pageSize && meta.startAfter !== undefined && meta.startAfterId !== undefined && meta.startAfterId !== null
					? { startAfter: String(meta.startAfter), startAfterId: String(meta.startAfterId) }
					: undefined;
			// The same cursor twice would loop; collectCursor stops when `next` is the object it already had.
			if (next && cursor && next.startAfter === cursor.startAfter && next.startAfterId === cursor.startAfterId) {
				return { records, next: cursor };
			}
			return { records, next };
		},
		{ returnAll, limit, maxPerPage: MAX_PAGE_SIZE },
	);
}
