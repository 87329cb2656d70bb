import { chunkRecipients, packRecipients } from '../../nodes/shared/recipientBatch';

const phones = (count: number, prefix = '1199') =>
	Array.from({ length: count }, (_, n) => `${prefix}${String(n).padStart(7, '0')}`);

describe('packRecipients', () => {
	it('puts 25,000 one-phone items into 3 requests of at most 10,000', () => {
		const entries = Array.from({ length: 25_000 }, (_, itemIndex) => ({ itemIndex, recipients: [`p${itemIndex}`] }));
		const chunks = packRecipients(entries, 10_000);
		expect(chunks.map((chunk) => chunkRecipients(chunk).length)).toEqual([10_000, 10_000, 5_000]);
		expect(chunks[0][0].itemIndex).toBe(0);
		expect(chunks[2][4_999].itemIndex).toBe(24_999);
	});

	it('never splits an item across requests and fills gaps with smaller items', () => {
		const entries = [
			{ itemIndex: 0, recipients: phones(6_000) },
			{ itemIndex: 1, recipients: phones(6_000) },
			{ itemIndex: 2, recipients: phones(4_000) },
			{ itemIndex: 3, recipients: phones(4_000) },
		];
		const chunks = packRecipients(entries, 10_000);
		expect(chunks.map((chunk) => chunk.map((entry) => entry.itemIndex))).toEqual([
			[0, 2],
			[1, 3],
		]);
	});

	it('keeps item order inside a request and orders requests by their first item', () => {
		const entries = [
			{ itemIndex: 0, recipients: ['a'] },
			{ itemIndex: 1, recipients: phones(9_999) },
			{ itemIndex: 2, recipients: ['b', 'c'] },
		];
		const chunks = packRecipients(entries, 10_000);
		expect(chunks.map((chunk) => chunk.map((entry) => entry.itemIndex))).toEqual([[0, 1], [2]]);
		expect(chunkRecipients(chunks[0])[0]).toBe('a');
	});

	it('gives an oversized item a request of its own', () => {
		const chunks = packRecipients(
			[
				{ itemIndex: 0, recipients: phones(3) },
				{ itemIndex: 1, recipients: phones(5) },
			],
			4,
		);
		expect(chunks.map((chunk) => chunk.map((entry) => entry.itemIndex))).toEqual([[0], [1]]);
	});

	it('returns no request for no items', () => {
		expect(packRecipients([], 10_000)).toEqual([]);
	});
});
