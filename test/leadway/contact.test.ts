import nock from 'nock';

import { runNode } from '../harness';
import { CONTACT, LOCATION_ID, api, setup } from './fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Leadway contact', () => {
	it('creates a contact with the Brazilian phone in E.164 and every detail mapped to the API names', async () => {
		api()
			.post('/contacts/', {
				locationId: LOCATION_ID,
				firstName: 'Maria',
				lastName: 'Santos',
				city: 'São Paulo',
				country: 'BR',
				companyName: 'Tech Corp',
				source: 'n8n',
				email: 'maria@empresa.com.br',
				phone: '+5511999999999',
				dateOfBirth: '1990-05-17',
				dnd: false,
				tags: ['cliente', 'vip'],
				customFields: [{ id: 'cfPlan01', field_value: 'gold' }],
			})
			.reply(201, { contact: CONTACT });

		const { items, error } = await runNode(
			setup({
				resource: 'contact',
				operation: 'create',
				email: 'maria@empresa.com.br',
				phone: '(11) 99999-9999',
				additionalFields: {
					firstName: 'Maria',
					lastName: 'Santos',
					city: 'São Paulo',
					country: 'br',
					companyName: 'Tech Corp',
					source: 'n8n',
					dateOfBirth: '1990-05-17T00:00:00',
					dnd: false,
					tags: 'cliente, vip',
					customFields: { field: [{ id: 'cfPlan01', value: 'gold' }] },
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: CONTACT, pairedItem: { item: 0 } }]);
	});

	it('keeps a foreign number written with + and its country code', async () => {
		api()
			.post('/contacts/', { locationId: LOCATION_ID, phone: '+14155550100' })
			.reply(201, { contact: { ...CONTACT, phone: '+14155550100' } });

		const { items, error } = await runNode(
			setup({ resource: 'contact', operation: 'create', email: '', phone: '+1 (415) 555-0100' }),
		);
		expect(error).toBeUndefined();
		expect(items[0].json.phone).toBe('+14155550100');
	});

	it('rejects an invalid phone before any request, naming the field and the item', async () => {
		const { items, error } = await runNode(
			setup({ resource: 'contact', operation: 'create', email: '', phone: '(11) 1234' }),
		);
		expect(items).toEqual([]);
		expect(error?.message).toContain('Phone: "(11) 1234" is not a valid phone number');
		expect(error?.message).toContain('[item 0]');
	});

	it('rejects a contact with no email, phone or name before any request', async () => {
		const { error } = await runNode(setup({ resource: 'contact', operation: 'create', email: '', phone: '' }));
		expect(error?.message).toBe('Email: the contact has no email, phone or name [item 0]');
	});

	it('creates or updates a contact by email and phone and says whether it is new', async () => {
		api()
			.post('/contacts/upsert', {
				locationId: LOCATION_ID,
				firstName: 'Maria',
				email: 'maria@empresa.com.br',
				phone: '+5511999999999',
			})
			.reply(200, { new: false, contact: CONTACT });

		const { items, error } = await runNode(
			setup({
				resource: 'contact',
				operation: 'upsert',
				email: 'maria@empresa.com.br',
				phone: '5511999999999',
				additionalFields: { firstName: 'Maria' },
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { ...CONTACT, new: false }, pairedItem: { item: 0 } }]);
	});

	it('retries Create or Update after a 503, since repeating it finds the same contact', async () => {
		const body = { locationId: LOCATION_ID, email: 'maria@empresa.com.br' };
		api().post('/contacts/upsert', body).reply(503, { statusCode: 503, message: 'Service Unavailable' });
		api().post('/contacts/upsert', body).reply(200, { new: true, contact: CONTACT });
		const { items, error } = await runNode(
			setup({ resource: 'contact', operation: 'upsert', email: 'maria@empresa.com.br', phone: '', additionalFields: {} }),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { ...CONTACT, new: true }, pairedItem: { item: 0 } }]);
	});

	it('refuses Create or Update without email or phone, because Leadway matches on them', async () => {
		const { error } = await runNode(
			setup({ resource: 'contact', operation: 'upsert', email: '', phone: '', additionalFields: { firstName: 'Maria' } }),
		);
		expect(error?.message).toBe('Email: neither Email nor Phone was given [item 0]');
	});

	it('gets a contact picked by ID', async () => {
		api().get(`/contacts/${CONTACT.id}`).reply(200, { contact: CONTACT });

		const { items, error } = await runNode(
			setup({ resource: 'contact', operation: 'get', contactId: byId(CONTACT.id) }),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: CONTACT, pairedItem: { item: 0 } }]);
	});

	it('gets a contact from the address of its page', async () => {
		api().get(`/contacts/${CONTACT.id}`).reply(200, { contact: CONTACT });

		const { items, error } = await runNode(
			setup({
				resource: 'contact',
				operation: 'get',
				contactId: {
					__rl: true,
					mode: 'url',
					value: `https://app.leadwaycrm.com/v2/location/${LOCATION_ID}/contacts/detail/${CONTACT.id}`,
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(CONTACT.id);
	});

	it('rejects a contact ID that an expression made malformed, before any request', async () => {
		const { error } = await runNode(
			setup({ resource: 'contact', operation: 'get', contactId: byId('={{ "abc/../locations" }}') }),
		);
		expect(error?.message).toBe('Contact: "abc/../locations" is not a contact ID [item 0]');
	});

	it('searches contacts with query, filters and sort, asking for exactly the limit', async () => {
		api()
			.post('/contacts/search', {
				locationId: LOCATION_ID,
				pageLimit: 2,
				query: 'maria',
				filters: [
					{ field: 'tags', operator: 'contains', value: 'vip' },
					{ field: 'email', operator: 'exists' },
				],
				sort: [{ field: 'dateAdded', direction: 'asc' }],
				page: 1,
			})
			.reply(200, {
				contacts: [
					{ ...CONTACT, searchAfter: [1, 'a'] },
					{ ...CONTACT, id: 'second', searchAfter: [2, 'b'] },
				],
				total: 40,
			});

		const { items, error } = await runNode(
			setup({
				resource: 'contact',
				operation: 'getAll',
				returnAll: false,
				limit: 2,
				query: 'maria',
				filters: {
					condition: [
						{ field: 'tags', operator: 'contains', value: 'vip' },
						{ field: 'email', operator: 'exists', value: 'ignored' },
					],
				},
				options: { sortBy: 'dateAdded', sortDirection: 'asc' },
			}),
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[CONTACT.id, { item: 0 }],
			['second', { item: 0 }],
		]);
	});

	it('returns all contacts by following the searchAfter cursor of the last record', async () => {
		const fullPage = Array.from({ length: 500 }, (_, index) => ({ id: `c${index}`, searchAfter: [index, `c${index}`] }));
		api()
			.post('/contacts/search', { locationId: LOCATION_ID, pageLimit: 500, page: 1 })
			.reply(200, { contacts: fullPage, total: 501 });
		api()
			.post('/contacts/search', { locationId: LOCATION_ID, pageLimit: 500, searchAfter: [499, 'c499'] })
			.reply(200, { contacts: [{ id: 'c500', searchAfter: [500, 'c500'] }], total: 501 });

		const { items, error } = await runNode(setup({ resource: 'contact', operation: 'getAll', returnAll: true }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(501);
		expect(items[500]).toEqual({ json: { id: 'c500', searchAfter: [500, 'c500'] }, pairedItem: { item: 0 } });
	});

	it('falls back to page numbers when the records carry no searchAfter', async () => {
		const fullPage = Array.from({ length: 500 }, (_, index) => ({ id: `c${index}` }));
		api().post('/contacts/search', { locationId: LOCATION_ID, pageLimit: 500, page: 1 }).reply(200, { contacts: fullPage });
		api().post('/contacts/search', { locationId: LOCATION_ID, pageLimit: 500, page: 2 }).reply(200, { contacts: [{ id: 'last' }] });

		const { items, error } = await runNode(setup({ resource: 'contact', operation: 'getAll', returnAll: true }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(501);
		expect(items[500].json).toEqual({ id: 'last' });
	});

	it('rejects a search query longer than 75 characters before any request', async () => {
		const { error } = await runNode(
			setup({ resource: 'contact', operation: 'getAll', returnAll: true, query: 'x'.repeat(76) }),
		);
		expect(error?.message).toBe('Search Query: it has 76 characters, more than the 75 allowed [item 0]');
	});

	it('updates only the given fields of a contact', async () => {
		api()
			.put(`/contacts/${CONTACT.id}`, { lastName: 'Souza', phone: '+5521988887777', tags: ['lead'] })
			.reply(200, { succeded: true, contact: { ...CONTACT, lastName: 'Souza' } });

		const { items, error } = await runNode(
			setup({
				resource: 'contact',
				operation: 'update',
				contactId: byId(CONTACT.id),
				updateFields: { lastName: 'Souza', phone: '21 8888-7777', tags: 'lead' },
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { ...CONTACT, lastName: 'Souza' }, pairedItem: { item: 0 } }]);
	});

	it('refuses an update without fields before any request', async () => {
		const { error } = await runNode(
			setup({ resource: 'contact', operation: 'update', contactId: byId(CONTACT.id), updateFields: {} }),
		);
		expect(error?.message).toBe('Update Fields: no field to update was given [item 0]');
	});

	it('refuses Gender or Company Name on Update (version 1 offered them) before any request, naming the field and the fix', async () => {
		for (const [field, value, label] of [['gender', 'male', 'Gender'], ['companyName', 'Tech Corp', 'Company Name']]) {
			const { items, error } = await runNode(
				setup({ resource: 'contact', operation: 'update', contactId: byId(CONTACT.id), updateFields: { city: 'Santos', [field]: value } }),
				[{}, {}],
			);
			expect(items).toEqual([]);
			expect(error?.message).toBe(
				`Update Fields → ${label}: Leadway does not accept ${label} when updating a contact (it answers 422 "property ${field} should not exist"), so nothing was sent [item 0]`,
			);
			expect(error?.description).toBe(`Remove ${label} from Update Fields. To set it, use Contact → Create or Update, which accepts it.`);
		}
	});

	it('version 1.1 no longer offers Gender or Company Name on Update, and still offers them on Create and Create or Update', async () => {
		const { Leadway } = await import('../../nodes/Leadway/Leadway.node');
		const { NodeHelpers } = await import('n8n-workflow');
		const node = new Leadway();
		const optionsFor = (operation: string, collection: string, typeVersion: number) => {
			const parameter = node.description.properties.find(
				(property) => property.name === collection && property.displayOptions?.show?.operation?.includes(operation),
			);
			const options = (parameter?.options ?? []) as Array<{ name: string; displayOptions?: object }>;
			return options
				.filter((option) =>
					NodeHelpers.displayParameter({}, option as never, { typeVersion, parameters: {} } as never, node.description),
				)
				.map((option) => option.name);
		};
		expect(optionsFor('update', 'updateFields', 1.1)).not.toEqual(expect.arrayContaining(['gender']));
		expect(optionsFor('update', 'updateFields', 1.1)).not.toEqual(expect.arrayContaining(['companyName']));
		expect(optionsFor('update', 'updateFields', 1)).toEqual(expect.arrayContaining(['gender', 'companyName', 'city']));
		for (const operation of ['create', 'upsert']) {
			expect(optionsFor(operation, 'additionalFields', 1.1)).toEqual(expect.arrayContaining(['gender', 'companyName']));
		}
	});

	it('a version 1.1 node whose saved Update Fields still hold Gender does not send it', async () => {
		api()
			.put(`/contacts/${CONTACT.id}`, { city: 'Santos' })
			.reply(200, { succeded: true, contact: CONTACT });
		const { error } = await runNode({
			...setup({ resource: 'contact', operation: 'update', contactId: byId(CONTACT.id), updateFields: { city: 'Santos', gender: 'male' } }),
			typeVersion: 1.1,
		});
		expect(error).toBeUndefined();
	});

	it('rejects a malformed email in Update Fields before any request', async () => {
		const { error } = await runNode(
			setup({
				resource: 'contact',
				operation: 'update',
				contactId: byId(CONTACT.id),
				updateFields: { email: 'maria@' },
			}),
		);
		expect(error?.message).toBe('Email: "maria@" is not an email address [item 0]');
	});

	it('deletes a contact and says so', async () => {
		api().delete(`/contacts/${CONTACT.id}`).reply(200, { succeded: true });

		const { items, error } = await runNode(
			setup({ resource: 'contact', operation: 'delete', contactId: byId(CONTACT.id) }),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true, id: CONTACT.id }, pairedItem: { item: 0 } }]);
	});

	it('adds tags to a contact', async () => {
		api()
			.post(`/contacts/${CONTACT.id}/tags`, { tags: ['vip', 'pago'] })
			.reply(201, { tags: ['cliente', 'vip', 'pago'] });

		const { items, error } = await runNode(
			setup({ resource: 'contact', operation: 'addTags', contactId: byId(CONTACT.id), tags: 'vip; pago' }),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { id: CONTACT.id, tags: ['cliente', 'vip', 'pago'] }, pairedItem: { item: 0 } }]);
	});

	it('removes tags from a contact with a DELETE carrying the tags', async () => {
		api()
			.delete(`/contacts/${CONTACT.id}/tags`, { tags: ['vip'] })
			.reply(200, { tags: ['cliente'] });

		const { items, error } = await runNode(
			setup({ resource: 'contact', operation: 'removeTags', contactId: byId(CONTACT.id), tags: 'vip' }),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { id: CONTACT.id, tags: ['cliente'] }, pairedItem: { item: 0 } }]);
	});

	it('refuses to change tags when none were given', async () => {
		const { error } = await runNode(
			setup({ resource: 'contact', operation: 'addTags', contactId: byId(CONTACT.id), tags: ' , ' }),
		);
		expect(error?.message).toBe('Tags: it has 0 entries [item 0]');
	});

	it('adds a note to a contact', async () => {
		const note = { id: 'note1', body: 'Ligou pedindo orçamento', userId: 'user1', dateAdded: '2025-01-10T12:00:00.000Z' };
		api()
			.post(`/contacts/${CONTACT.id}/notes`, { body: 'Ligou pedindo orçamento', userId: 'user1' })
			.reply(201, { note });

		const { items, error } = await runNode(
			setup({
				resource: 'contact',
				operation: 'addNote',
				contactId: byId(CONTACT.id),
				body: 'Ligou pedindo orçamento',
				additionalFields: { userId: 'user1' },
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: note, pairedItem: { item: 0 } }]);
	});

	it('with Continue On Fail, turns a bad item into an error item and still runs the next one', async () => {
		api().get(`/contacts/${CONTACT.id}`).reply(200, { contact: CONTACT });

		const { items, error } = await runNode(
			setup(
				{ resource: 'contact', operation: 'get', contactId: '={{ { __rl: true, mode: "id", value: $json.id } }}' },
				{ continueOnFail: true },
			),
			[{ id: '' }, { id: CONTACT.id }],
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					error: 'Contact: no contact was chosen [item 0]',
					errorDescription: 'Pick the contact from the list, or give its ID or the address of its page in Leadway.',
				},
				pairedItem: { item: 0 },
			},
			{ json: CONTACT, pairedItem: { item: 1 } },
		]);
	});
});
