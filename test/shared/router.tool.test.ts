// When a node runs as an AI Agent tool, n8n hands the model only the error's message: the router
// then puts the fix (the description) into the message and drops the " [item N]" suffix (issue 18).
import nock from 'nock';

import { toolErrorMessage } from '../../nodes/shared/router';
import { runNode } from '../harness';
import { API_KEY, BASE, errorBody, setup } from '../superlead/fixtures';

const PHONE_FIX = 'Use a Brazilian number with area code (DDD), for example 11999999999, (11) 99999-9999 or +55 11 99999-9999.';
const LEAD_FIX =
	'Superlead only messages existing leads of your company. Create the lead first (Lead → Create), or turn on "Create Lead If Missing" on Send.';

const send = (to: string) => setup({ resource: 'message', operation: 'send', to, messageType: 'text', text: 'Olá, Maria!' });

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

describe('errors of a node running as an AI Agent tool', () => {
	it('a refused phone: the message carries the fix and no item suffix; nothing is sent', async () => {
		const { error } = await runNode({ ...send('123'), asTool: true });

		expect(error?.message).toMatch(/^To: "123" is not a valid Brazilian phone number: .+\. Use a Brazilian number with area code/);
		expect(error?.message.endsWith(PHONE_FIX)).toBe(true);
		expect(error?.message).not.toContain('[item');
		// n8n's UI still shows the description and highlights the item.
		expect(error?.description).toBe(PHONE_FIX);
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('the same node in a regular workflow keeps the message as it was (fix in the description)', async () => {
		const { error } = await runNode(send('123'));

		expect(error?.message).toMatch(/^To: "123" is not a valid Brazilian phone number: .+ \[item 0\]$/);
		expect(error?.message).not.toContain(PHONE_FIX);
		expect(error?.description).toBe(PHONE_FIX);
	});

	it("a provider's refusal (lead_not_found): the hint to turn on Create Lead If Missing is in the message", async () => {
		nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } })
			.post('/v1/messages')
			.reply(404, errorBody('lead_not_found', 'No lead matches this recipient in your company.'));

		const { error } = await runNode({ ...send('(11) 99999-9999'), asTool: true });

		expect(error?.message).toBe(`Superlead error 404: No lead matches this recipient in your company. ${LEAD_FIX} Code: lead_not_found. Request ID: req_7Yh2.`);
	});

	it('with Continue On Fail the error item carries the same message, and the description beside it', async () => {
		const { items, error } = await runNode({ ...send('123'), asTool: true, continueOnFail: true });

		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toMatch(/^To: "123" is not a valid Brazilian phone number: .+\. Use a Brazilian number/);
		expect(items[0].json.errorDescription).toBe(PHONE_FIX);
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('toolErrorMessage', () => {
	it('drops the item suffix and appends the fix once', () => {
		expect(toolErrorMessage('Phone: no phone number was given [item 3]', 'Give one.')).toBe('Phone: no phone number was given. Give one.');
		expect(toolErrorMessage('Superlead error 404: No lead.', 'Create it.')).toBe('Superlead error 404: No lead. Create it.');
		const once = toolErrorMessage('A: b [item 0]', 'Fix it.');
		expect(toolErrorMessage(once, 'Fix it.')).toBe(once);
	});

	it('keeps a message without a description as it is, minus the suffix', () => {
		expect(toolErrorMessage('Something failed [item 0]', undefined)).toBe('Something failed');
		expect(toolErrorMessage('Something failed', '  ')).toBe('Something failed');
	});
});
