import nock from 'nock';

import { runNode } from '../harness';
import { API_KEY, BASE, BASE_PATH, setup } from './fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

describe('IAGENTE SDR template', () => {
	it('gets many templates with the category, context and Meta-approval filters', async () => {
		nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } })
			.get(`${BASE_PATH}/whatsapp/templates`)
			.query({ category: 'MARKETING', context: 'reativacao', meta_approved: 'true' })
			.reply(200, { data: [{ id: 1, name: 'promo' }, { id: 2, name: 'volta' }] });
		const { items, error } = await runNode(
			setup({
				resource: 'template',
				operation: 'getAll',
				returnAll: true,
				filters: { category: 'MARKETING', context: 'reativacao', metaApproved: true },
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { id: 1, name: 'promo' }, pairedItem: { item: 0 } },
			{ json: { id: 2, name: 'volta' }, pairedItem: { item: 0 } },
		]);
	});

	it('reads a bare array and applies the limit', async () => {
		nock(BASE).get(`${BASE_PATH}/whatsapp/templates`).reply(200, [{ id: 1 }, { id: 2 }, { id: 3 }]);
		const { items } = await runNode(setup({ resource: 'template', operation: 'getAll', returnAll: false, limit: 2 }));
		expect(items.map((item) => item.json)).toEqual([{ id: 1 }, { id: 2 }]);
	});

	it('asks for page 2 only when the answer reports more pages', async () => {
		nock(BASE)
			.get(`${BASE_PATH}/whatsapp/templates`)
			.query({ meta_approved: 'false' })
			.reply(200, { data: [{ id: 1 }], meta: { total_pages: 2 } })
			.get(`${BASE_PATH}/whatsapp/templates`)
			.query({ meta_approved: 'false', page: '2' })
			.reply(200, { data: [{ id: 2 }], meta: { total_pages: 2 } });
		const { items } = await runNode(
			setup({ resource: 'template', operation: 'getAll', returnAll: true, filters: { metaApproved: false } }),
		);
		expect(items.map((item) => item.json)).toEqual([{ id: 1 }, { id: 2 }]);
	});
});
