import nock from 'nock';

import { timing } from '../../nodes/shared/http';
import { runNode } from '../harness';
import { BASE_PATH, accepted, api, setup } from './fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
	jest.restoreAllMocks();
});

const WELCOME = 'Welcome to LigueLead! Thank you for joining us.';
const CAMPAIGN = '3b4f7c5e-7e2d-4157-b542-5eb2155455c5';

const smsParameters = (extra: Record<string, unknown> = {}) => ({
	resource: 'sms',
	operation: 'send',
	title: 'Welcome Campaign',
	message: WELCOME,
	phones: '11999999999, 11888888888',
	...extra,
});

describe('LigueLead SMS send', () => {
	it('sends the documented Welcome Campaign request and reports size and credits', async () => {
		api()
			.post(`${BASE_PATH}/sms`, {
				title: 'Welcome Campaign',
				message: WELCOME,
				phones: ['11999999999', '11888888888'],
				group_id: 'optional-group-id',
			})
			.matchHeader('content-type', /application\/json/)
			.reply(202, accepted(CAMPAIGN));

		const { items, error } = await runNode(setup(smsParameters({ options: { groupId: 'optional-group-id' } })));
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					campaign_id: CAMPAIGN,
					accepted_at: '2025-12-29T18:34:38.961Z',
					message: 'SMS accepted successfully',
					phones: ['11999999999', '11888888888'],
					recipients: 2,
					campaignRecipients: 2,
					encoding: 'GSM-7',
					characters: 47,
					parts: 1,
					creditsPerPhone: 1,
					estimatedCredits: 2,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('sends numbers written in any Brazilian format in the national 11-digit form, once each', async () => {
		api()
			.post(`${BASE_PATH}/sms`, { title: 'Welcome Campaign', message: WELCOME, phones: ['11999999999', '21988888888', '31977776666'] })
			.reply(202, accepted(CAMPAIGN));

		const { items, error } = await runNode(
			setup(smsParameters({ phones: '(11) 99999-9999\n+55 21 98888-8888; 5531977776666, 011 99999-9999' })),
		);
		expect(error).toBeUndefined();
		expect(items[0].json.recipients).toBe(3);
	});

	it('takes the phones from an array expression', async () => {
		api()
			.post(`${BASE_PATH}/sms`, { title: 'Welcome Campaign', message: WELCOME, phones: ['11999999999', '11888888888'] })
			.reply(202, accepted(CAMPAIGN));

		const { error } = await runNode(setup(smsParameters({ phones: '={{ $json.phones }}' })), [
			{ phones: ['+5511999999999', '5511888888888'] },
		]);
		expect(error).toBeUndefined();
	});

	it('sends a flash SMS with its status callback URL', async () => {
		api()
			.post(`${BASE_PATH}/sms`, {
				title: 'Codigo',
				message: 'Seu codigo: 4821',
				phones: ['11999999999'],
				is_flash: true,
				webhook_url: 'https://n8n.example.com/webhook/abc/webhook?token=example-token-value',
			})
			.reply(202, accepted(CAMPAIGN));

		const { items, error } = await runNode(
			setup(
				smsParameters({
					title: 'Codigo',
					message: 'Seu codigo: 4821',
					phones: '11999999999',
					options: { isFlash: true, webhookUrl: 'https://n8n.example.com/webhook/abc/webhook?token=example-token-value' },
				}),
			),
		);
		expect(error).toBeUndefined();
		expect(items[0].json.campaign_id).toBe(CAMPAIGN);
	});

	it('reports UCS-2, its parts and LigueLead credits for a long message with Portuguese accents', async () => {
		const message = `Promoção válida até amanhã! ${'a'.repeat(172)}`; // 200 characters
		api()
			.post(`${BASE_PATH}/sms`, { title: 'Promo', message, phones: ['11999999999'] })
			.reply(202, accepted(CAMPAIGN));

		const { items } = await runNode(setup(smsParameters({ title: 'Promo', message, phones: '11999999999' })));
		expect(items[0].json).toMatchObject({
			encoding: 'UCS-2',
			characters: 200,
			parts: 3,
			creditsPerPhone: 2,
			estimatedCredits: 2,
		});
	});

	it('waits the time LigueLead asks on a 429 and then sends', async () => {
		const sleep = jest.spyOn(timing, 'sleep').mockResolvedValue();
		api().post(`${BASE_PATH}/sms`).reply(429, { error: 'Too Many Requests' }, { 'Retry-After': '2' });
		api().post(`${BASE_PATH}/sms`).reply(202, accepted(CAMPAIGN));

		const { items, error } = await runNode(setup(smsParameters()));
		expect(error).toBeUndefined();
		expect(sleep.mock.calls).toEqual([[2000]]);
		expect(items[0].json.campaign_id).toBe(CAMPAIGN);
	});
});

describe('LigueLead SMS send: checks before sending', () => {
	const failsBeforeSending = async (parameters: Record<string, unknown>, input = [{}]) => {
		const { error, items } = await runNode(setup(smsParameters(parameters)), input);
		expect(items).toEqual([]);
		return error;
	};

	it('rejects a flash SMS that contains a URL before sending', async () => {
		const error = await failsBeforeSending({ message: 'Veja https://loja.example.com/oferta', options: { isFlash: true } });
		expect(error?.message).toBe('Message: a flash SMS cannot contain a link [item 0]');
		expect(error?.description).toContain('turn off "Flash SMS"');
	});

	it('rejects a flash SMS with a bare domain before sending', async () => {
		const error = await failsBeforeSending({ message: 'Acesse loja.com.br hoje', options: { isFlash: true } });
		expect(error?.message).toBe('Message: a flash SMS cannot contain a link [item 0]');
	});

	it('allows a link in a normal SMS', async () => {
		api()
			.post(`${BASE_PATH}/sms`, { title: 'Welcome Campaign', message: 'Veja https://loja.example.com', phones: ['11999999999', '11888888888'] })
			.reply(202, accepted(CAMPAIGN));
		const { error } = await runNode(setup(smsParameters({ message: 'Veja https://loja.example.com' })));
		expect(error).toBeUndefined();
	});

	it('rejects a message over 1,600 characters before sending', async () => {
		const error = await failsBeforeSending({ message: 'a'.repeat(1601) });
		expect(error?.message).toBe('Message: it has 1601 characters, more than the 1600 allowed [item 0]');
	});

	it('accepts a message of exactly 1,600 characters and prices it at 11 credits', async () => {
		const message = 'a'.repeat(1600);
		api().post(`${BASE_PATH}/sms`, { title: 'Welcome Campaign', message, phones: ['11999999999'] }).reply(202, accepted(CAMPAIGN));
		const { items } = await runNode(setup(smsParameters({ message, phones: '11999999999' })));
		expect(items[0].json).toMatchObject({ characters: 1600, creditsPerPhone: 11, estimatedCredits: 11 });
	});

	it('rejects an empty phone list before sending', async () => {
		const error = await failsBeforeSending({ phones: ' , ' });
		expect(error?.message).toBe('Phones: no phone number was given [item 0]');
	});

	it('rejects more than 10,000 phones in one item before sending', async () => {
		const phones = Array.from({ length: 10_001 }, (_, n) => `119${String(n).padStart(8, '0')}`);
		const error = await failsBeforeSending({ phones: '={{ $json.phones }}' }, [{ phones }]);
		expect(error?.message).toBe('Phones: it has 10001 entries [item 0]');
		expect(error?.description).toBe('Give between 1 and 10000.');
	});

	it('rejects a number that is not Brazilian, naming the entry', async () => {
		const error = await failsBeforeSending({ phones: '11999999999, +1 415 555 0100' });
		expect(error?.message).toBe(
			'Phones: entry 2 "+1 415 555 0100" is not a valid Brazilian phone number: it has the country code +1, not +55 (Brazil) [item 0]',
		);
	});

	it('rejects a landline, which cannot receive SMS', async () => {
		const error = await failsBeforeSending({ phones: '(11) 3333-4444' });
		expect(error?.message).toBe('Phones: entry 1 "1133334444" is a landline, which cannot receive this message [item 0]');
	});

	it('rejects a status callback URL with an underscore in the host', async () => {
		const error = await failsBeforeSending({ options: { webhookUrl: 'https://my_host.example.com/hook' } });
		expect(error?.message).toBe('Status Callback URL: its host name contains "_" [item 0]');
	});

	it('rejects a status callback URL longer than 512 characters', async () => {
		const error = await failsBeforeSending({ options: { webhookUrl: `https://n8n.example.com/${'a'.repeat(500)}` } });
		expect(error?.message).toBe('Status Callback URL: it has 524 characters, more than the 512 LigueLead accepts [item 0]');
	});

	it('stops before any request when the second item is bad, naming that item', async () => {
		const { error } = await runNode(setup(smsParameters({ phones: '={{ $json.phone }}' })), [
			{ phone: '11999999999' },
			{ phone: '123' },
		]);
		expect(error?.message).toBe(
			'Phones: entry 1 "123" is not a valid Brazilian phone number: it has too few digits (expected area code + number) [item 1]',
		);
		expect(error?.context?.itemIndex).toBe(1);
	});

	it('with Continue On Fail, sends the good items and returns an error item for the bad one', async () => {
		api()
			.post(`${BASE_PATH}/sms`, { title: 'Welcome Campaign', message: WELCOME, phones: ['11999999999'] })
			.reply(202, accepted(CAMPAIGN));

		const { items, error } = await runNode(setup(smsParameters({ phones: '={{ $json.phone }}' }), { continueOnFail: true }), [
			{ phone: '11999999999' },
			{ phone: '' },
		]);
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({ json: { campaign_id: CAMPAIGN }, pairedItem: { item: 0 } });
		expect(items[1]).toEqual({
			json: {
				error: 'Phones: no phone number was given [item 1]',
				errorDescription:
					'Use a Brazilian number with area code (DDD), for example 11999999999, (11) 99999-9999 or +55 11 99999-9999.',
			},
			pairedItem: { item: 1 },
		});
	});
});

describe('LigueLead SMS send: provider errors', () => {
	it('shows the fields LigueLead rejected, with the request ID and a hint', async () => {
		api()
			.post(`${BASE_PATH}/sms`)
			.reply(
				400,
				{ error: [{ field: 'phones', message: 'invalid phone' }, { field: 'title', message: 'is required' }] },
				{ 'x-amzn-requestid': 'req-123' },
			);

		const { error } = await runNode(setup(smsParameters()));
		expect(error?.message).toBe('LigueLead error 400: phones: invalid phone; title: is required');
		expect(error?.description).toContain('LigueLead rejected the request');
		expect(error?.description).toContain('Request ID: req-123.');
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('points at the credential on a 401 and never shows the token', async () => {
		api().post(`${BASE_PATH}/sms`).reply(401, { error: 'Invalid api-token example-api-token-0001' });

		const { error } = await runNode(setup(smsParameters()));
		expect(error?.message).toBe('LigueLead error 401: Invalid api-token [redacted]');
		expect(error?.description).toContain('Check the API Token and App ID');
	});

	it('keeps short plain-text gateway errors and drops HTML pages', async () => {
		api().post(`${BASE_PATH}/sms`).reply(502, '<html><body>Bad Gateway</body></html>');
		const { error } = await runNode(setup(smsParameters()));
		expect(error?.message).toBe('LigueLead error 502: The request was not accepted');
	});

	it('with Continue On Fail, gives the provider error to its item only', async () => {
		api().post(`${BASE_PATH}/sms`, (body) => body.phones[0] === '11999999999').reply(402, { error: 'Insufficient credits' });
		api().post(`${BASE_PATH}/sms`, (body) => body.phones[0] === '11888888888').reply(202, accepted(CAMPAIGN));

		const { items } = await runNode(setup(smsParameters({ phones: '={{ $json.phone }}' }), { continueOnFail: true }), [
			{ phone: '11999999999' },
			{ phone: '11888888888' },
		]);
		expect(items[0]).toEqual({
			json: {
				error: 'LigueLead error 402: Insufficient credits',
				errorDescription: 'The LigueLead account has no credits left for this send; top it up in the client area.',
				httpCode: '402',
			},
			pairedItem: { item: 0 },
		});
		expect(items[1]).toMatchObject({ json: { campaign_id: CAMPAIGN }, pairedItem: { item: 1 } });
	});
});
