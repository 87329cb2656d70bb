import nock from 'nock';

import { searchTemplates } from '../../nodes/Superlead/methods/listSearch';
import { loadOptionsContext, runNode } from '../harness';
import { API_KEY, BASE, setup } from './fixtures';

const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } });

const templates = [
	{ name: 'boas_vindas', language: 'pt_BR', status: 'APPROVED', category: 'MARKETING' },
	{ name: 'lembrete_consulta', language: { code: 'pt_BR' }, status: 'APPROVED', category: 'UTILITY' },
	{ name: 'welcome', language: 'en_US', category: 'MARKETING' },
];

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

describe('Superlead Template → Get Many', () => {
	it('returns every template, one item each', async () => {
		api().get('/v1/templates').reply(200, { data: templates });

		const { items, error } = await runNode(setup({ resource: 'template', operation: 'getAll', returnAll: true }));
		expect(error).toBeUndefined();
		expect(items).toEqual(templates.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('returns at most Limit templates from a bare list', async () => {
		api().get('/v1/templates').reply(200, templates);

		const { items, error } = await runNode(setup({ resource: 'template', operation: 'getAll', returnAll: false, limit: 2 }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.name)).toEqual(['boas_vindas', 'lembrete_consulta']);
	});

	it('reads a list wrapped in "templates"', async () => {
		api().get('/v1/templates').reply(200, { templates: templates.slice(0, 1) });

		const { items } = await runNode(setup({ resource: 'template', operation: 'getAll', returnAll: true }));
		expect(items).toEqual([{ json: templates[0], pairedItem: { item: 0 } }]);
	});
});

describe('Superlead template picker', () => {
	it('lists templates by name with language and status, and filters by the search text', async () => {
		api().get('/v1/templates').times(2).reply(200, { data: templates });
		const context = loadOptionsContext(setup({ resource: 'message', operation: 'send' }));

		expect(await searchTemplates.call(context)).toEqual({
			results: [
				{ name: 'boas_vindas (pt_BR, approved)', value: 'boas_vindas' },
				{ name: 'lembrete_consulta (pt_BR, approved)', value: 'lembrete_consulta' },
				{ name: 'welcome (en_US)', value: 'welcome' },
			],
		});
		expect(await searchTemplates.call(context, 'LEMBRETE')).toEqual({
			results: [{ name: 'lembrete_consulta (pt_BR, approved)', value: 'lembrete_consulta' }],
		});
	});
});
