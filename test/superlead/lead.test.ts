import nock from 'nock';

import { runNode } from '../harness';
import { API_KEY, BASE, errorBody, leadRecord, setup } from './fixtures';

const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } });

const create = (parameters: Record<string, unknown> = {}) =>
	setup({ resource: 'lead', operation: 'create', name: 'Maria Santos', phone: '(11) 99999-9999', ...parameters });

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

describe('Superlead Lead → Create', () => {
	it('creates a lead with the phone in E.164 and every documented field in snake_case', async () => {
		const created = leadRecord({ source: 'site', channel: 'whatsapp', entry_point: 'landing-black-friday' });
		api()
			.post('/v1/leads', {
				name: 'Maria Santos',
				phone: '+5511999999999',
				source: 'site',
				channel: 'whatsapp',
				entry_point: 'landing-black-friday',
				notes: 'Quer orçamento até sexta.',
				utm_source: 'google',
				utm_medium: 'cpc',
				utm_campaign: 'black-friday',
				utm_term: 'crm whatsapp',
				utm_content: 'anuncio-a',
				email: 'maria@empresa.com.br',
			})
			.reply(201, created);

		const { items, error } = await runNode(
			create({
				additionalFields: {
					source: 'site',
					channel: 'whatsapp',
					entryPoint: 'landing-black-friday',
					email: ' maria@empresa.com.br ',
					notes: 'Quer orçamento até sexta.',
					utmSource: 'google',
					utmMedium: 'cpc',
					utmCampaign: 'black-friday',
					utmTerm: 'crm whatsapp',
					utmContent: 'anuncio-a',
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	});

	it('sends only name and phone when no other field is filled in (the API accepts no unknown keys)', async () => {
		api().post('/v1/leads', { name: 'Maria Santos', phone: '+5511999999999' }).reply(201, leadRecord());

		const { error } = await runNode(create({ additionalFields: { source: '', notes: '' } }));
		expect(error).toBeUndefined();
	});

	it('accepts every field at exactly its documented maximum length', async () => {
		const at = (n: number) => 'ç'.repeat(n);
		api()
			.post('/v1/leads', {
				name: at(200),
				phone: '+5511999999999',
				source: at(120),
				channel: at(120),
				entry_point: at(120),
				notes: at(2000),
				utm_source: at(255),
				utm_medium: at(255),
				utm_campaign: at(255),
				utm_term: at(255),
				utm_content: at(255),
			})
			.reply(201, leadRecord());

		const { error } = await runNode(
			create({
				name: at(200),
				additionalFields: {
					source: at(120),
					channel: at(120),
					entryPoint: at(120),
					notes: at(2000),
					utmSource: at(255),
					utmMedium: at(255),
					utmCampaign: at(255),
					utmTerm: at(255),
					utmContent: at(255),
				},
			}),
		);
		expect(error).toBeUndefined();
	});

	it.each([
		[{ name: 'x'.repeat(201) }, 'Name: it has 201 characters, more than the 200 allowed'],
		[{ name: '={{ "  " }}' }, 'Name: it is empty'],
		[{ phone: '={{ "" }}' }, 'Phone: "" is not a valid Brazilian phone number: it is empty'],
		[{ phone: '(11) 9999' }, 'Phone: "(11) 9999" is not a valid Brazilian phone number: it has too few digits (expected area code + number)'],
		[{ phone: '+1 555' }, 'Phone: "+1 555" is not a valid international number'],
		[{ additionalFields: { source: 's'.repeat(121) } }, 'Source: it has 121 characters, more than the 120 allowed'],
		[{ additionalFields: { source: '   ' } }, 'Source: it contains only spaces'],
		[{ additionalFields: { channel: 'c'.repeat(121) } }, 'Channel: it has 121 characters, more than the 120 allowed'],
		[{ additionalFields: { channel: ' ' } }, 'Channel: it contains only spaces'],
		[{ additionalFields: { entryPoint: 'e'.repeat(121) } }, 'Entry Point: it has 121 characters, more than the 120 allowed'],
		[{ additionalFields: { entryPoint: ' ' } }, 'Entry Point: it contains only spaces'],
		[{ additionalFields: { email: 'maria@empresa' } }, 'Email: "maria@empresa" is not an email address'],
		[{ additionalFields: { notes: 'n'.repeat(2001) } }, 'Notes: it has 2001 characters, more than the 2000 allowed'],
		[{ additionalFields: { utmSource: 'u'.repeat(256) } }, 'UTM Source: it has 256 characters, more than the 255 allowed'],
		[{ additionalFields: { utmMedium: 'u'.repeat(256) } }, 'UTM Medium: it has 256 characters, more than the 255 allowed'],
		[{ additionalFields: { utmCampaign: 'u'.repeat(256) } }, 'UTM Campaign: it has 256 characters, more than the 255 allowed'],
		[{ additionalFields: { utmTerm: 'u'.repeat(256) } }, 'UTM Term: it has 256 characters, more than the 255 allowed'],
		[{ additionalFields: { utmContent: 'u'.repeat(256) } }, 'UTM Content: it has 256 characters, more than the 255 allowed'],
	])('rejects %j against the documented schema before any request', async (parameters, message) => {
		const createScope = api().post('/v1/leads').reply(201, leadRecord());

		const { error } = await runNode(create(parameters));
		expect(error?.message).toBe(`${message} [item 0]`);
		expect(createScope.isDone()).toBe(false);
		nock.cleanAll();
	});

	it('explains lead_already_exists', async () => {
		api()
			.post('/v1/leads', { name: 'Maria Santos', phone: '+5511999999999' })
			.reply(409, errorBody('lead_already_exists', 'A lead with this phone number already exists in your company.'));

		const { error } = await runNode(create());
		expect(error?.message).toBe('Superlead error 409: A lead with this phone number already exists in your company.');
		expect(error?.description).toBe(
			'A lead with this phone already exists in your company: message it directly, or look it up with Lead → Get by Phone. Code: lead_already_exists. Request ID: req_7Yh2.',
		);
	});

	it('shows the field details of an invalid_request', async () => {
		api()
			.post('/v1/leads')
			.reply(
				400,
				errorBody('invalid_request', 'The request body is invalid.', { details: [{ path: 'email', message: 'Invalid email' }] }),
			);

		const { error } = await runNode(create());
		expect(error?.description).toContain('Details: [{"path":"email","message":"Invalid email"}].');
	});
});

describe('Superlead Lead → Get by Phone', () => {
	it('looks a lead up by its phone in E.164', async () => {
		api().get('/v1/leads').query({ phone: '+5511999999999' }).reply(200, leadRecord());

		const { items, error } = await runNode(setup({ resource: 'lead', operation: 'get', phone: '+55 (11) 99999-9999' }));
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: leadRecord(), pairedItem: { item: 0 } }]);
	});

	it('explains lead_not_found', async () => {
		api()
			.get('/v1/leads')
			.query({ phone: '+5511999999999' })
			.reply(404, errorBody('lead_not_found', 'No lead matches this recipient in your company.'));

		const { error } = await runNode(setup({ resource: 'lead', operation: 'get', phone: '11999999999' }));
		expect(error?.message).toBe('Superlead error 404: No lead matches this recipient in your company.');
		expect(error?.description).toContain('Create the lead first (Lead → Create)');
	});

	it('rejects a number that is not Brazilian before any request', async () => {
		const { error } = await runNode(setup({ resource: 'lead', operation: 'get', phone: '(20) 99999-9999' }));
		expect(error?.message).toBe('Phone: "(20) 99999-9999" is not a valid Brazilian phone number: "20" is not a Brazilian area code (DDD) [item 0]');
	});
});
