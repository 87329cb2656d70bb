import { SuperleadApi } from '../../credentials/SuperleadApi.credentials';
import { ERROR_HINTS, describeSuperleadError } from '../../nodes/Superlead/transport';

/** Superlead's documented error table: HTTP status and code. */
const DOCUMENTED_ERRORS: Array<[number, string]> = [
	[400, 'invalid_request'],
	[401, 'invalid_api_key'],
	[404, 'lead_not_found'],
	[404, 'message_not_found'],
	[409, 'idempotency_conflict'],
	[409, 'lead_already_exists'],
	[422, 'funnel_not_configured'],
	[422, 'no_active_connection'],
	[422, 'connection_expired'],
	[422, 'channel_capability_unsupported'],
	[422, 'outside_24h_window'],
	[422, 'template_not_found'],
	[422, 'template_params_invalid'],
	[422, 'recipient_unavailable'],
	[422, 'media_unsupported'],
	[422, 'message_blocked'],
	[429, 'rate_limit_exceeded'],
	[429, 'channel_rate_limit'],
	[502, 'channel_error'],
	[500, 'internal_error'],
];

describe('describeSuperleadError', () => {
	it.each(DOCUMENTED_ERRORS)('gives HTTP %i %s its own hint on what to do', (status, code) => {
		const info = describeSuperleadError(status, {
			error: { code, message: 'Provider message', request_id: 'req_1' },
		});
		expect(info).toEqual({ message: 'Provider message', code, details: undefined, requestId: 'req_1', hint: ERROR_HINTS[code] });
		expect(ERROR_HINTS[code]).toMatch(/\.$/);
	});

	it('has a hint for exactly the documented codes', () => {
		expect(Object.keys(ERROR_HINTS).sort()).toEqual(DOCUMENTED_ERRORS.map(([, code]) => code).sort());
	});

	it.each([
		['no_active_connection', 'Connect (or reconnect) your WhatsApp number in the Superlead panel'],
		['connection_expired', 'reconnect the number in the Superlead panel'],
		['outside_24h_window', 'Send an approved template instead'],
		['template_not_found', 'pick it from the list'],
		['media_unsupported', 'use a public, direct link'],
	])('tells what to do for %s', (code, advice) => {
		expect(describeSuperleadError(422, { error: { code, message: 'm', request_id: 'r' } }).hint).toContain(advice);
	});

	it('falls back to the HTTP status for a code added later', () => {
		expect(describeSuperleadError(422, { error: { code: 'brand_new_code', message: 'New', request_id: 'r' } })).toEqual({
			message: 'New',
			code: 'brand_new_code',
			details: undefined,
			requestId: 'r',
			hint: 'Superlead could not process this request; see the message above.',
		});
	});

	it('adds the WhatsApp (Meta) error code when Superlead passes one on', () => {
		const info = describeSuperleadError(422, {
			error: { code: 'message_blocked', message: 'Blocked', request_id: 'r', upstream_code: 131049 },
		});
		expect(info.hint).toBe(`${ERROR_HINTS.message_blocked} WhatsApp (Meta) error code: 131049.`);
	});

	it('reads a body that is not the envelope', () => {
		expect(describeSuperleadError(502, 'Bad Gateway').message).toBe('Bad Gateway');
		expect(describeSuperleadError(500, undefined).message).toBe('The request was not accepted');
	});
});

describe('SuperleadApi credential', () => {
	const credential = new SuperleadApi();

	// Was a generic `={{$credentials.apiKey}}` header until issue 15: now a function.
	it('sends the key as a bearer token', async () => {
		const options = await credential.authenticate({ apiKey: 'sl_live_example' }, { url: '/v1/templates' });
		expect(options.headers).toEqual({ Authorization: 'Bearer sl_live_example' });
	});

	it('is tested with GET /v1/templates below the base URL', () => {
		expect(credential.test.request).toEqual({
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/templates',
		});
	});

	it('keeps the API key and the signing secret in password fields, the secret optional', () => {
		const byName = Object.fromEntries(credential.properties.map((property) => [property.name, property]));
		expect(byName.apiKey.typeOptions).toEqual({ password: true });
		expect(byName.apiKey.required).toBe(true);
		expect(byName.webhookSecret.typeOptions).toEqual({ password: true });
		expect(byName.webhookSecret.required).toBeUndefined();
		expect(byName.baseUrl.default).toBe('https://api.superlead.app');
	});
});
