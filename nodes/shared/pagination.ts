// Return All / Limit walkers over page-numbered lists, with a hard cap on pages.
import type { IDataObject } from 'n8n-workflow';

export const MAX_PAGES = 500;

export interface Page {
	records: IDataObject[];
	/** Total pages the provider reports, when it does. */
	totalPages?: number;
}

/**
 * Fetches pages 1, 2, … until the provider has no more, `limit` records were collected, or
 * MAX_PAGES pages were read (so a provider that never stops cannot loop forever).
 */
export async function collectPages(
	fetchPage: (page: number, perPage: number) => Promise<Page>,
	options: { returnAll: boolean; limit: number; maxPerPage: number },
): Promise<IDataObject[]> {
	const wanted = options.returnAll ? Number.POSITIVE_INFINITY : Math.max(0, options.limit);
	const collected: IDataObject[] = [];
	// The page size must stay the same on every page, or page N no longer starts where page N-1 ended.
	const perPage = Number.isFinite(wanted) ? Math.max(1, Math.min(options.maxPerPage, wanted)) : options.maxPerPage;
	for (let page = 1; page <= MAX_PAGES && collected.length < wanted; page++) {
		const remaining = wanted - collected.length;
		const { records, totalPages } = await fetchPage(page, perPage);
		collected.push(...records.slice(0, Number.isFinite(remaining) ? remaining : undefined));
		if (records.length === 0) break;
		if (totalPages !== undefined ? page >= totalPages : records.length < perPage) break;
	}
	return collected;
}

export interface CursorPage<C> {
	records: IDataObject[];
	/** Cursor for the next page; undefined when there is none. */
	next?: C;
}

/** Follows a cursor until it runs out, `limit` records were collected, or MAX_PAGES pages. */
export async function collectCursor<C>(
	fetchPage: (cursor: C | undefined, pageSize: number) => Promise<CursorPage<C>>,
	options: { returnAll: boolean; limit: number; maxPerPage: number },
): Promise<IDataObject[]> {
	const wanted = options.returnAll ? Number.POSITIVE_INFINITY : Math.max(0, options.limit);
	const collected: IDataObject[] = [];
	let cursor: C | undefined;
	for (let page = 0; page < MAX_PAGES && collected.length < wanted; page++) {
		const remaining = wanted - collected.length;
		const size = Number.isFinite(remaining) ? Math.min(options.maxPerPage, remaining) : options.maxPerPage;
		const result = await fetchPage(cursor, size);
		collected.push(...result.records.slice(0, Number.isFinite(remaining) ? remaining : undefined));
		if (result.records.length === 0 || result.next === undefined || result.next === cursor) break;
		cursor = result.next;
	}
	return collected;
}
