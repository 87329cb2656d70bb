import { IagenteSdrApi } from '../../credentials/IagenteSdrApi.credentials';

describe('IAGENTE SDR API credential', () => {
	const credential = new IagenteSdrApi();

	it('sends the key as a Bearer token by default, keeping other headers', async () => {
		const options = await credential.authenticate(
			{ apiKey: 'sk_live_example', authHeader: 'bearer' },
			{ url: '/leads', headers: { Accept: 'application/json' } },
		);
		expect(options.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer sk_live_example' });
	});

	it('sends the key as X-API-Key when chosen, and no Authorization header', async () => {
		const options = await credential.authenticate({ apiKey: 'sk_live_example', authHeader: 'xApiKey' }, { url: '/leads' });
		expect(options.headers).toEqual({ 'X-API-Key': 'sk_live_example' });
	});

	it('tests the key with the cheapest documented call, GET /leads?per_page=1 on the configured base URL', () => {
		expect(credential.test.request).toEqual({
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/leads',
			qs: { per_page: 1 },
		});
		expect(credential.properties.find((p) => p.name === 'apiKey')?.typeOptions).toEqual({ password: true });
		expect(credential.properties.find((p) => p.name === 'baseUrl')?.default).toBe('https://homolog.sdrbot.ai/api/v1');
	});
});
