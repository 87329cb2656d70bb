import nock from 'nock';

import { runNode } from '../harness';
import { API_KEY, BASE, BASE_PATH, setup } from './fixtures';

const api = () =>
	nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } });

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
});
