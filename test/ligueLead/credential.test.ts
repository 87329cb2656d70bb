import nock from 'nock';

import { LigueLeadApi } from '../../credentials/LigueLeadApi.credentials';
import { describeLigueLeadError } from '../../nodes/LigueLead/transport';
import { runNode } from '../harness';
import { API_TOKEN, APP_ID, BASE, BASE_PATH, setup } from './fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

describe('LigueLead credential', () => {
	// Was generic `={{$credentials.…}}` headers until issue 15: a function, which n8n also applies in the
	// HTTP Request node (test/e2e/http-request-node.js proves it in a real n8n).
	it('sends api-token and app-id from an authenticate function, keeping other headers', async () => {
		const options = await new LigueLeadApi().authenticate(
			{ apiToken: API_TOKEN, appId: APP_ID, baseUrl: `${BASE}${BASE_PATH}` },
			{ url: '/voice/uploads', headers: { Accept: 'application/json' } },
		);
		expect(options.headers).toEqual({ Accept: 'application/json', 'api-token': API_TOKEN, 'app-id': APP_ID });
	});

	it('tests itself with GET /voice/uploads below the base URL', () => {
		expect(new LigueLeadApi().test.request).toEqual({
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/voice/uploads',
		});
	});

	it('keeps the API token in a password field', () => {
		const token = new LigueLeadApi().properties.find((property) => property.name === 'apiToken');
		expect(token?.typeOptions).toEqual({ password: true });
	});

	it('uses the base URL from the credential, with or without a trailing slash', async () => {
		nock(BASE, { reqheaders: { 'api-token': API_TOKEN, 'app-id': APP_ID } })
			.get(`${BASE_PATH}/voice/uploads`)
			.reply(200, { data: [] });
		const base = setup({ resource: 'voice', operation: 'getAllUploads', returnAll: true });
		base.credentials.ligueLeadApi.data.baseUrl = `${BASE}${BASE_PATH}/`;
		const { items, error } = await runNode(base);
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});
});

describe('describeLigueLeadError', () => {
	it('reads a plain error string and the trace header', () => {
		expect(describeLigueLeadError(403, { error: 'Product not enabled' }, { 'X-Request-Id': 'abc' })).toEqual({
			message: 'Product not enabled',
			code: undefined,
			details: undefined,
			requestId: 'abc',
			hint: 'This App ID may not use this product or resource (for example RCS not enabled, or an agent or template of another app).',
		});
	});

	it('joins field errors and keeps them as details', () => {
		const info = describeLigueLeadError(422, { error: [{ field: 'retry_end_time', message: 'must be after now' }] });
		expect(info.message).toBe('retry_end_time: must be after now');
		expect(info.details).toEqual([{ field: 'retry_end_time', message: 'must be after now' }]);
	});

	it('falls back to the message field and to short text bodies', () => {
		expect(describeLigueLeadError(400, { message: 'Invalid payload' }).message).toBe('Invalid payload');
		expect(describeLigueLeadError(500, 'upstream timeout').message).toBe('upstream timeout');
	});
});
