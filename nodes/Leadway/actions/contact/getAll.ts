import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/descriptions';
import { collectCursor } from '../../../shared/pagination';
import type { CursorPage } from '../../../shared/pagination';
import { checkMaxLength, inputError, readLimit } from '../../../shared/validation';
import { getLocationId, leadwayRequest } from '../../transport';

const show = { resource: ['contact'], operation: ['getAll'] };

/** Most contacts POST /contacts/search returns per page. */
export const MAX_PAGE_LIMIT = 500;
const QUERY_MAX_LENGTH = 75;

const OPERATORS_WITHOUT_VALUE = ['exists', 'not_exists'];

const properties: INodeProperties[] = [
	{
		displayName: 'Search Query',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. maria',
		description: 'Free text matched against name, email, phone and other contact fields (up to 75 characters)',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Filter',
		default: {},
		description: 'Conditions that must all hold',
		options: [
			{
				displayName: 'Condition',
				name: 'condition',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'e.g. tags',
						description: 'Contact field to test, e.g. email, phone, tags, firstNameLowerCase, dateAdded, assignedTo',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						options: [
							{ name: 'Contains', value: 'contains' },
							{ name: 'Equals', value: 'eq' },
							{ name: 'Exists', value: 'exists' },
							{ name: 'Not Contains', value: 'not_contains' },
							{ name: 'Not Equals', value: 'not_eq' },
							{ name: 'Not Exists', value: 'not_exists' },
						],
						default: 'eq',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Not used by Exists and Not Exists',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'string',
				default: '',
				placeholder: 'e.g. dateAdded',
				description: 'Contact field to sort by',
			},
			{
				displayName: 'Sort Direction',
				name: 'sortDirection',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'desc',
			},
		],
	},
];

export const description: INodeProperties[] = [
	...returnAllFields(show, 10000),
	...updateDisplayOptions({ show }, properties),
];

export interface SearchInput {
	query?: string;
	filters: IDataObject[];
	sort?: IDataObject[];
}

/** The part of the search body that stays the same on every page. */
export function buildContactSearchBody(locationId: string, pageLimit: number, input: SearchInput): IDataObject {
	const body: IDataObject = { locationId, pageLimit };
	if (input.query) body.query = input.query;
	if (input.filters.length > 0) body.filters = input.filters;
	if (input.sort && input.sort.length > 0) body.sort = input.sort;
	return body;
}

export function readSearchInput(ctx: IExecuteFunctions, itemIndex: number): SearchInput {
	const query = String(ctx.getNodeParameter('query', itemIndex, '') ?? '').trim();
	checkMaxLength(ctx, itemIndex, 'Search Query', query, QUERY_MAX_LENGTH);
	const conditions = ((ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject).condition ?? []) as IDataObject[];
	const filters = conditions.map((condition, position) => {
		const field = String(condition.field ?? '').trim();
		if (field === '') {
			throw inputError(ctx, itemIndex, 'Filters', `condition ${position + 1} has no field`, 'Give the contact field each condition tests, e.g. email or tags.');
		}
		const operator = String(condition.operator ?? 'eq');
		if (OPERATORS_WITHOUT_VALUE.includes(operator)) return { field, operator };
		return { field, operator, value: condition.value ?? '' };
	});
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const sortBy = typeof options.sortBy === 'string' ? options.sortBy.trim() : '';
	const sort = sortBy ? [{ field: sortBy, direction: options.sortDirection === 'asc' ? 'asc' : 'desc' }] : undefined;
	return { query: query || undefined, filters, sort };
}

/** Where the next page starts: the last record's `searchAfter` when it has one, else the next page number. */
export type SearchCursor = { searchAfter: unknown[] } | { page: number };

export function nextSearchCursor(
	records: IDataObject[],
	pageLimit: number,
	current: SearchCursor | undefined,
	total: unknown,
	collectedSoFar: number,
): SearchCursor | undefined {
	if (records.length < pageLimit) return undefined;
	if (typeof total === 'number' && collectedSoFar >= total) return undefined;
	const last = records[records.length - 1];
	if (Array.isArray(last?.searchAfter) && last.searchAfter.length > 0) return { searchAfter: last.searchAfter };
	const page = current && 'page' in current ? current.page : 1;
	return { page: page + 1 };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : (readLimit(this, itemIndex));
	const input = readSearchInput(this, itemIndex);
	const locationId = await getLocationId(this, itemIndex);
	// One page size for every page, so page numbers (when no searchAfter comes back) stay aligned.
	const pageLimit = returnAll ? MAX_PAGE_LIMIT : Math.max(1, Math.min(MAX_PAGE_LIMIT, limit));
	const base = buildContactSearchBody(locationId, pageLimit, input);
	let seen = 0;
	return await collectCursor<SearchCursor>(
		async (cursor): Promise<CursorPage<SearchCursor>> => {
			const body: IDataObject = { ...base, ...(cursor ?? { page: 1 }) };
			const response = await leadwayRequest<IDataObject>(this, 'POST', '/contacts/search', {
				body,
				itemIndex,
				safeToRepeat: true,
			});
			const records = Array.isArray(response?.contacts) ? (response.contacts as IDataObject[]) : [];
			seen += records.length;
			return { records, next: nextSearchCursor(records, pageLimit, cursor, response?.total, seen) };
		},
		{ returnAll, limit, maxPerPage: MAX_PAGE_LIMIT },
	);
}
