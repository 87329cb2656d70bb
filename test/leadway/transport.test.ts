import nock from 'nock';

import { LeadwayApi } from '../../credentials/LeadwayApi.credentials';
import { describeLeadwayError, leadwayWaitHintMs } from '../../nodes/Leadway/transport';
import { timing } from '../../nodes/shared/http';
import { runNode } from '../harness';
import { LOCATION_ID, TOKEN, VERSION, api, setup } from './fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
	jest.restoreAllMocks();
});

const getContact = { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: 'c1' } };

describe('Leadway errors', () => {
	it('joins a 422 message list into one readable message', () => {
		const info = describeLeadwayError(422, {
			statusCode: 422,
			message: ['email must be an email', 'phone must be a valid phone number'],
			error: 'Unprocessable Entity',
		});
		expect(info.message).toBe('email must be an email; phone must be a valid phone number');
		expect(info.code).toBe('Unprocessable Entity');
	});

	it('explains on a 401 which token Leadway needs, without showing the token', async () => {
		api()
			.get('/contacts/c1')
			.reply(401, { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' }, { 'x-request-id': 'req-42' });

		const { error } = await runNode(setup(getContact));
		expect(error?.message).toBe('Leadway error 401: Invalid token: access token is invalid');
		expect(error?.description).toContain('Private Integration Token');
		expect(error?.description).toContain('Request ID: req-42.');
		expect(JSON.stringify(error)).not.toContain(TOKEN);
	});

	it('shows a 400 message as Leadway wrote it with the fix hint', async () => {
		api().get('/contacts/c1').reply(400, { statusCode: 400, message: 'Contact not found for this location' });

		const { error } = await runNode(setup(getContact));
		expect(error?.message).toBe('Leadway error 400: Contact not found for this location');
		expect(error?.httpCode).toBe('400');
	});
});

describe('Leadway rate limits', () => {
	it('reads HighLevel burst headers: none left means wait one interval', () => {
		expect(leadwayWaitHintMs({ 'x-ratelimit-remaining': '0', 'x-ratelimit-interval-milliseconds': '10000' })).toBe(10000);
		expect(leadwayWaitHintMs({ 'X-RateLimit-Remaining': '0' })).toBe(10000);
		expect(leadwayWaitHintMs({ 'x-ratelimit-remaining': '12' })).toBeUndefined();
		expect(leadwayWaitHintMs({})).toBeUndefined();
		expect(leadwayWaitHintMs({ 'x-ratelimit-daily-remaining': '0', 'x-ratelimit-remaining': '0' })).toBe(Number.POSITIVE_INFINITY);
	});

	// Issue 15 changed this: a 429 whose headers show the window (HighLevel sends no Retry-After) no
	// longer holds the queue for a whole window; the process halves its rate and waits one interval.
	it('after a 429 with the burst headers, waits far less than the window, then succeeds', async () => {
		const sleep = jest.spyOn(timing, 'sleep').mockResolvedValue();
		api()
			.get('/contacts/c1')
			.reply(429, { statusCode: 429, message: 'Too many requests' }, {
				'x-ratelimit-remaining': '0',
				'x-ratelimit-interval-milliseconds': '10000',
				'x-ratelimit-max': '100',
			});
		api().get('/contacts/c1').reply(200, { contact: { id: 'c1' } });

		const { items, error } = await runNode(setup(getContact));
		expect(error).toBeUndefined();
		expect(sleep).toHaveBeenCalledTimes(1);
		const [[waited]] = sleep.mock.calls;
		expect(waited).toBeGreaterThan(0);
		expect(waited).toBeLessThan(2000);
		expect(items).toEqual([{ json: { id: 'c1' }, pairedItem: { item: 0 } }]);
	});

	it('fails at once, without waiting, when the daily quota is used up', async () => {
		const sleep = jest.spyOn(timing, 'sleep').mockResolvedValue();
		api()
			.get('/contacts/c1')
			.reply(429, { statusCode: 429, message: 'Too many requests' }, {
				'x-ratelimit-daily-remaining': '0',
				'x-ratelimit-remaining': '0',
			});

		const { error } = await runNode(setup(getContact));
		expect(sleep).not.toHaveBeenCalled();
		expect(error?.message).toBe('Leadway error 429: Too many requests');
		expect(error?.description).toContain('daily limit');
	});
});

describe('LeadwayApi credential', () => {
	it('sends the token as a bearer token and the Version header from an authenticate function, keeping other headers', async () => {
		const options = await new LeadwayApi().authenticate(
			{ accessToken: TOKEN, apiVersion: VERSION, locationId: LOCATION_ID },
			{ url: '/contacts/', headers: { Accept: 'application/json' } },
		);
		expect(options).toEqual({ url: '/contacts/', headers: { Accept: 'application/json', Authorization: `Bearer ${TOKEN}`, Version: VERSION } });
	});
});
