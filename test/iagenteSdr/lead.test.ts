import nock from 'nock';

import { runNode } from '../harness';
import { API_KEY, BASE, BASE_PATH, credentials, setup } from './fixtures';

const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } });

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

describe('IAGENTE SDR lead', () => {
	it('creates a lead with the phone in 55 + DDD + number form and the extra fields', async () => {
		api()
			.post(`${BASE_PATH}/leads`, {
				phone: '5511999999999',
				name: 'Maria Santos',
				email: 'maria@empresa.com',
				company_name: 'Tech Corp',
				deal_value: 15000,
			})
			.reply(201, { data: { id: 7, phone: '5511999999999', name: 'Maria Santos' } });

		const { items, error } = await runNode(
			setup({
				resource: 'lead',
				operation: 'create',
				phone: '(11) 99999-9999',
				additionalFields: {
					name: 'Maria Santos',
					email: 'maria@empresa.com',
					companyName: 'Tech Corp',
					dealValue: 15000,
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { id: 7, phone: '5511999999999', name: 'Maria Santos' }, pairedItem: { item: 0 } },
		]);
	});

	it('sends the key in X-API-Key when the credential says so', async () => {
		nock(BASE, { badheaders: ['authorization'], reqheaders: { 'x-api-key': API_KEY } })
			.post(`${BASE_PATH}/leads`, { phone: '5521988887777' })
			.reply(201, { id: 8 });
		const { items, error } = await runNode({
			...setup({ resource: 'lead', operation: 'create', phone: '+55 21 98888-7777', additionalFields: {} }),
			credentials: credentials({ authHeader: 'xApiKey' }),
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { id: 8 }, pairedItem: { item: 0 } }]);
	});

	it('resolves expressions per item and creates one lead per input item', async () => {
		api().post(`${BASE_PATH}/leads`, { phone: '5511999999999', name: 'Ana' }).reply(201, { data: { id: 1 } });
		api().post(`${BASE_PATH}/leads`, { phone: '5531977776666', name: 'Bia' }).reply(201, { data: { id: 2 } });
		const { items, error } = await runNode(
			setup({
				resource: 'lead',
				operation: 'create',
				phone: '={{ $json.telefone }}',
				additionalFields: { name: '={{ $json.nome }}' },
			}),
			[
				{ nome: 'Ana', telefone: '11 99999-9999' },
				{ nome: 'Bia', telefone: '(31) 97777-6666' },
			],
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { id: 1 }, pairedItem: { item: 0 } },
			{ json: { id: 2 }, pairedItem: { item: 1 } },
		]);
	});

	it('rejects an invalid phone on item 1 before sending anything, even item 0, naming the field, the item and the value', async () => {
		const { error, items } = await runNode(
			setup({ resource: 'lead', operation: 'create', phone: '={{ $json.phone }}', additionalFields: {} }),
			[{ phone: '11999999999' }, { phone: '(20) 99999-9999' }],
		);
		expect(items).toEqual([]);
		expect(error?.message).toBe(
			'Phone: "(20) 99999-9999" is not a valid Brazilian phone number: "20" is not a Brazilian area code (DDD) [item 1]',
		);
		expect(error?.description).toContain('11999999999');
		expect(error?.context?.itemIndex).toBe(1);
	});

	it('rejects a malformed email before sending', async () => {
		const { error } = await runNode(
			setup({ resource: 'lead', operation: 'create', phone: '11999999999', additionalFields: { email: 'maria@' } }),
		);
		expect(error?.message).toBe('Email: "maria@" is not an email address [item 0]');
	});

	it('with Continue On Fail, outputs an error item for the bad item and still sends the good ones', async () => {
		api().post(`${BASE_PATH}/leads`, { phone: '5511999999999' }).reply(201, { data: { id: 1 } });
		api()
			.post(`${BASE_PATH}/leads`, { phone: '5521999999999' })
			.reply(422, {
				error: {
					code: 'validation_error',
					message: 'The given data was invalid.',
					details: { phone: ['O campo phone já existe.'] },
				},
			});
		const { items, error } = await runNode(
			{
				...setup({ resource: 'lead', operation: 'create', phone: '={{ $json.phone }}', additionalFields: {} }),
				continueOnFail: true,
			},
			[{ phone: '11999999999' }, { phone: 'nope' }, { phone: '21999999999' }],
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { id: 1 }, pairedItem: { item: 0 } },
			{
				json: {
					error: 'Phone: "nope" is not a valid Brazilian phone number: it contains letters [item 1]',
					errorDescription:
						'Use a Brazilian number with area code (DDD), for example 11999999999, (11) 99999-9999 or +55 11 99999-9999.',
				},
				pairedItem: { item: 1 },
			},
			{
				json: {
					error: 'IAGENTE SDR error 422: The given data was invalid.',
					errorDescription:
						'IAGENTE SDR rejected a field; the details above name it. Code: validation_error. Details: {"phone":["O campo phone já existe."]}.',
					httpCode: '422',
				},
				pairedItem: { item: 2 },
			},
		]);
	});

	it('gets a lead by ID', async () => {
		api().get(`${BASE_PATH}/leads/123`).reply(200, { data: { id: 123, name: 'Joao Silva', temperature: 'hot' } });
		const { items } = await runNode(setup({ resource: 'lead', operation: 'get', leadId: '123' }));
		expect(items).toEqual([{ json: { id: 123, name: 'Joao Silva', temperature: 'hot' }, pairedItem: { item: 0 } }]);
	});

	it('explains a 404 on get with the provider message and a hint', async () => {
		api().get(`${BASE_PATH}/leads/999`).reply(404, { error: { code: 'not_found', message: 'Lead not found.' } });
		const { error } = await runNode(setup({ resource: 'lead', operation: 'get', leadId: '999' }));
		expect(error?.message).toBe('IAGENTE SDR error 404: Lead not found.');
		expect(error?.description).toBe('Check the ID: no record with it exists for this API key. Code: not_found.');
	});

	it('gets many leads with filters and sort, following pages when Return All is on', async () => {
		const query = { email: 'joao@empresa.com', phone: '5511999999999', temperature: 'hot', sort: '-lead_score' };
		api()
			.get(`${BASE_PATH}/leads`)
			.query({ ...query, page: '1', per_page: '100' })
			.reply(200, { data: [{ id: 1 }, { id: 2 }], meta: { current_page: 1, per_page: 100, total: 3, total_pages: 2 } });
		api()
			.get(`${BASE_PATH}/leads`)
			.query({ ...query, page: '2', per_page: '100' })
			.reply(200, { data: [{ id: 3 }], meta: { current_page: 2, per_page: 100, total: 3, total_pages: 2 } });
		const { items, error } = await runNode(
			setup({
				resource: 'lead',
				operation: 'getAll',
				returnAll: true,
				filters: { email: 'joao@empresa.com', phone: '(11) 99999-9999', temperature: 'hot' },
				sort: { field: 'lead_score', direction: 'desc' },
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { id: 1 }, pairedItem: { item: 0 } },
			{ json: { id: 2 }, pairedItem: { item: 0 } },
			{ json: { id: 3 }, pairedItem: { item: 0 } },
		]);
	});

	it('gets many leads up to the limit with a single page', async () => {
		api()
			.get(`${BASE_PATH}/leads`)
			.query({ page: '1', per_page: '2' })
			.reply(200, { data: [{ id: 1 }, { id: 2 }], meta: { total_pages: 50 } });
		const { items } = await runNode(setup({ resource: 'lead', operation: 'getAll', returnAll: false, limit: 2 }));
		expect(items.map((item) => item.json.id)).toEqual([1, 2]);
	});

	it('updates a lead with PUT and only the fields given', async () => {
		api()
			.put(`${BASE_PATH}/leads/123`, { name: 'Joao Silva', deal_value: 2500.5, phone: '5511988887777' })
			.reply(200, { data: { id: 123, name: 'Joao Silva' } });
		const { items } = await runNode(
			setup({
				resource: 'lead',
				operation: 'update',
				leadId: '123',
				updateFields: { name: 'Joao Silva', dealValue: 2500.5, phone: '11 98888-7777' },
			}),
		);
		expect(items).toEqual([{ json: { id: 123, name: 'Joao Silva' }, pairedItem: { item: 0 } }]);
	});

	it('refuses an update with no fields before sending', async () => {
		const { error } = await runNode(setup({ resource: 'lead', operation: 'update', leadId: '123', updateFields: {} }));
		expect(error?.message).toBe('Update Fields: no field to update was given [item 0]');
	});

	it('deletes a lead and outputs deleted: true', async () => {
		api().delete(`${BASE_PATH}/leads/123`).reply(204);
		const { items } = await runNode(setup({ resource: 'lead', operation: 'delete', leadId: '123' }));
		expect(items).toEqual([{ json: { deleted: true, id: '123' }, pairedItem: { item: 0 } }]);
	});

	it('refuses an empty lead ID before sending', async () => {
		const { error } = await runNode(setup({ resource: 'lead', operation: 'delete', leadId: ' ' }));
		expect(error?.message).toBe('Lead ID: it is empty [item 0]');
	});
});
