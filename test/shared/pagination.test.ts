import type { IDataObject } from 'n8n-workflow';

import { MAX_PAGES, collectCursor, collectPages } from '../../nodes/shared/pagination';

const records = (from: number, count: number): IDataObject[] =>
	Array.from({ length: count }, (_, i) => ({ id: from + i }));

describe('collectPages', () => {
	it('walks every page the provider reports when Return All is on', async () => {
		const asked: Array<[number, number]> = [];
		const result = await collectPages(
			async (page, perPage) => {
				asked.push([page, perPage]);
				return { records: records((page - 1) * 100, page < 3 ? 100 : 20), totalPages: 3 };
			},
			{ returnAll: true, limit: 0, maxPerPage: 100 },
		);
		expect(asked).toEqual([[1, 100], [2, 100], [3, 100]]);
		expect(result).toHaveLength(220);
	});

	it('keeps the page size constant so page 2 starts where page 1 ended, and trims to the limit', async () => {
		const asked: Array<[number, number]> = [];
		const result = await collectPages(
			async (page, perPage) => {
				asked.push([page, perPage]);
				return { records: records((page - 1) * perPage, perPage), totalPages: 10 };
			},
			{ returnAll: false, limit: 130, maxPerPage: 100 },
		);
		expect(asked).toEqual([[1, 100], [2, 100]]);
		expect(result.map((r) => r.id)).toEqual(records(0, 130).map((r) => r.id));
	});

	it('asks for a single small page when the limit is small', async () => {
		const asked: Array<[number, number]> = [];
		const result = await collectPages(
			async (page, perPage) => {
				asked.push([page, perPage]);
				return { records: records(0, perPage), totalPages: 10 };
			},
			{ returnAll: false, limit: 5, maxPerPage: 100 },
		);
		expect(asked).toEqual([[1, 5]]);
		expect(result).toHaveLength(5);
	});

	it('stops at the page cap when a provider never says it is done', async () => {
		let calls = 0;
		await collectPages(
			async () => {
				calls++;
				return { records: records(0, 1) };
			},
			{ returnAll: true, limit: 0, maxPerPage: 1 },
		);
		expect(calls).toBe(MAX_PAGES);
	});

	it('stops on an empty page', async () => {
		const result = await collectPages(async () => ({ records: [], totalPages: 5 }), {
			returnAll: true,
			limit: 0,
			maxPerPage: 10,
		});
		expect(result).toEqual([]);
	});
});

describe('collectCursor', () => {
	it('follows the cursor until it runs out', async () => {
		const cursors: Array<string | undefined> = [];
		const result = await collectCursor<string>(
			async (cursor) => {
				cursors.push(cursor);
				if (cursor === undefined) return { records: records(0, 2), next: 'b' };
				if (cursor === 'b') return { records: records(2, 2), next: 'c' };
				return { records: records(4, 1) };
			},
			{ returnAll: true, limit: 0, maxPerPage: 2 },
		);
		expect(cursors).toEqual([undefined, 'b', 'c']);
		expect(result).toHaveLength(5);
	});

	it('stops when the provider repeats the same cursor', async () => {
		let calls = 0;
		await collectCursor<string>(
			async () => {
				calls++;
				return { records: records(0, 1), next: 'same' };
			},
			{ returnAll: true, limit: 0, maxPerPage: 1 },
		);
		expect(calls).toBe(2);
	});
});
