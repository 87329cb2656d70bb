import nock from 'nock';

import { Leadway } from '../../nodes/Leadway/Leadway.node';
import { loadOptionsContext, runNode } from '../harness';
import { LOCATION_ID, api, setup } from './fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const TEMPLATES_PATH = `/locations/${LOCATION_ID}/templates`;

const template = (id: string, type = 'whatsapp') => ({
	id,
	name: `Boas-vindas ${id}`,
	type,
	template: { body: 'Olá {{contact.first_name}}!', attachments: [] },
	dateAdded: '2025-01-10T12:00:00.000Z',
	locationId: LOCATION_ID,
});

describe('Leadway template', () => {
	it('lists the location templates of one type, with the location as originId', async () => {
		api()
			.get(TEMPLATES_PATH)
			.query({ originId: LOCATION_ID, type: 'whatsapp', skip: 0, limit: 2 })
			.reply(200, { templates: [template('t1'), template('t2')], totalCount: 7 });

		const { items, error } = await runNode(
			setup({ resource: 'template', operation: 'getAll', returnAll: false, limit: 2, filters: { type: 'whatsapp' } }),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: template('t1'), pairedItem: { item: 0 } },
			{ json: template('t2'), pairedItem: { item: 0 } },
		]);
	});

	it('returns all templates page by page with skip, stopping at totalCount', async () => {
		const first = Array.from({ length: 100 }, (_, index) => template(`a${index}`, 'sms'));
		api()
			.get(TEMPLATES_PATH)
			.query({ originId: 'origin01', skip: 0, limit: 100 })
			.reply(200, { templates: first, totalCount: 101 });
		api()
			.get(TEMPLATES_PATH)
			.query({ originId: 'origin01', skip: 100, limit: 100 })
			.reply(200, { templates: [template('last', 'sms')], totalCount: 101 });

		const { items, error } = await runNode(
			setup({ resource: 'template', operation: 'getAll', returnAll: true, filters: { originId: 'origin01' } }),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(101);
		expect(items[100].json.id).toBe('last');
	});
});

describe('Leadway pickers', () => {
	it('searches contacts for the picker with the typed text and offers the next page', async () => {
		const contacts = Array.from({ length: 50 }, (_, index) => ({
			id: `c${index}`,
			firstName: 'Maria',
			lastName: `Santos ${index}`,
			email: `maria${index}@example.com`,
			phone: '+5511999999999',
		}));
		api()
			.post('/contacts/search', { locationId: LOCATION_ID, pageLimit: 50, page: 2, query: 'maria' })
			.reply(200, { contacts, total: 120 });

		const context = loadOptionsContext(setup({ resource: 'contact', operation: 'get' }));
		const result = await new Leadway().methods.listSearch.searchContacts.call(context, 'maria', '2');
		expect(result.results[0]).toEqual({ name: 'Maria Santos 0 (maria0@example.com, +5511999999999)', value: 'c0' });
		expect(result.results).toHaveLength(50);
		expect(result.paginationToken).toBe('3');
	});

	it('offers only the templates that fit the chosen channel', async () => {
		api()
			.get(TEMPLATES_PATH)
			.query({ originId: LOCATION_ID, type: 'email', skip: 0, limit: 50 })
			.reply(200, { templates: [{ id: 'e1', name: 'Newsletter', type: 'email' }, { id: 'e2', name: 'Recibo', type: 'email' }], totalCount: 2 });

		const context = loadOptionsContext(setup({ resource: 'message', operation: 'send', type: 'Email' }));
		const result = await new Leadway().methods.listSearch.searchTemplates.call(context, 'reci');
		expect(result).toEqual({ results: [{ name: 'Recibo (email)', value: 'e2' }], paginationToken: undefined });
	});
});
