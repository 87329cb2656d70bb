// Every error path of the four action nodes runs with recognisable credential values, against a
// provider that echoes them back in its error bodies and headers. None may appear in an error
// message or description, in the saved execution, in an output item (Continue On Fail), or in any
// line n8n's logger or the console wrote.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { runNode } from '../harness';
import { startFailingServer } from '../../dev/test-support/failingServer';
import type { Action, FailingServer } from '../../dev/test-support/failingServer';
import { captureLogs, safeJson } from './logCapture';
import { SECRETS_OF, SECRET_VALUES, nodeSetup } from './operations';
import type { Provider } from './operations';
import { printFigures } from '../../dev/test-support/figures';

let logLines: string[] = [];

/** Error bodies that echo every credential value of the provider, in the envelopes the four use. */
function echoingError(status: number, provider: Provider): Action {
	const echo = SECRETS_OF[provider].join(' ');
	return {
		kind: 'error',
		status,
		headers: { 'x-request-id': `req ${echo}`, 'www-authenticate': `Bearer ${echo}` },
		body: {
			error: { code: 'invalid_api_key', message: `Key ${echo} is not valid`, details: { header: `Bearer ${echo}` }, request_id: echo },
			message: [`token ${echo} refused`],
			statusCode: status,
		},
	};
}

const OPERATIONS: Array<{ provider: Provider; name: string; parameters: INodeParameters }> = [
	{ provider: 'ligueLead', name: 'SMS send', parameters: { resource: 'sms', operation: 'send', title: 'T', message: 'Oi', phones: '11999999999', options: {} } },
	{ provider: 'ligueLead', name: 'voice get many uploads', parameters: { resource: 'voice', operation: 'getAllUploads', returnAll: false, limit: 5 } },
	{ provider: 'superlead', name: 'message send', parameters: { resource: 'message', operation: 'send', to: '11999999999', messageType: 'text', text: 'Oi' } },
	{ provider: 'superlead', name: 'lead create', parameters: { resource: 'lead', operation: 'create', name: 'Maria', phone: '11999999999' } },
	{ provider: 'leadway', name: 'message send', parameters: { resource: 'message', operation: 'send', type: 'SMS', contactBy: 'contact', contactId: { __rl: true, mode: 'id', value: 'abc123' }, message: 'Oi' } },
	{ provider: 'leadway', name: 'contact get', parameters: { resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: 'abc123' } } },
	{ provider: 'iagenteSdr', name: 'WhatsApp send', parameters: { resource: 'whatsAppMessage', operation: 'send', sendTo: 'phone', phone: '11999999999', messageType: 'text', text: 'Oi' } },
	{ provider: 'iagenteSdr', name: 'lead get', parameters: { resource: 'lead', operation: 'get', leadId: '7' } },
];

const FAILURES: Array<{ name: string; action?: (provider: Provider) => Action; badInput?: boolean }> = [
	...[400, 401, 403, 404, 422, 429, 500, 503].map((status) => ({
		name: `HTTP ${status} echoing the key`,
		action: (provider: Provider) => echoingError(status, provider),
	})),
	{ name: 'connection reset', action: (): Action => ({ kind: 'reset', processed: false }) },
	{ name: 'no answer (timeout)', action: (): Action => ({ kind: 'hangAfterAccept' }) },
	{ name: 'bad input', badInput: true },
];

let server: FailingServer;
const figures = { runs: 0, placesChecked: 0, leaks: 0 };

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	server = await startFailingServer();
	logLines = captureLogs();
});

afterAll(async () => {
	jest.restoreAllMocks();
	await server.close();
	nock.disableNetConnect();
	printFigures('secrets figures', figures);
});

beforeEach(() => {
	server.reset();
	logLines.length = 0;
});

const cases = OPERATIONS.flatMap((operation) =>
	FAILURES.flatMap((failure) => [false, true].map((continueOnFail) => ({ ...operation, failure, continueOnFail }))),
);

describe('no credential value leaks', () => {
	it.each(cases)('$provider $name, $failure.name, Continue On Fail $continueOnFail', async ({ provider, parameters, failure, continueOnFail }) => {
		const action = failure.action?.(provider) ?? { kind: 'ok' };
		server.plan = () => action;
		// Bad input: a phone or ID that cannot be valid (with another provider's key in it: the
		// user's own input may be echoed, a credential value may not).
		const pasted = `not-valid ${SECRET_VALUES.find((value) => !SECRETS_OF[provider].includes(value))}`;
		const input: IDataObject[] = [{ bad: pasted }];
		const badParameters: INodeParameters = { ...parameters };
		if (failure.badInput) {
			for (const name of ['phones', 'to', 'phone', 'leadId', 'limit']) {
				if (!(name in badParameters)) continue;
				// An ID is any text, so there the bad value is an object holding the pasted text.
				badParameters[name] = name === 'limit' ? -1 : name === 'leadId' ? '={{ { id: $json.bad } }}' : '={{ $json.bad }}';
			}
			if ('contactId' in badParameters) badParameters.contactId = { __rl: true, mode: 'id', value: '={{ $json.bad }}' };
		}
		const { items, error, run } = await runNode(
			nodeSetup(provider, server.url, { ...badParameters, requestOptions: { timeout: 0.2, retryOnRateLimit: false } }, { continueOnFail }),
			failure.badInput ? input : [{}],
		);
		// Every failure fails: as the node's error, or as an error item.
		expect(error !== undefined || items.some((item) => item.json.error !== undefined)).toBe(true);

		const places: Record<string, string> = {
			message: error?.message ?? '',
			description: String(error?.description ?? ''),
			error: safeJson(error),
			items: safeJson(items),
			savedExecution: safeJson(run.data.resultData),
			log: logLines.join('\n'),
		};
		figures.runs++;
		for (const [place, text] of Object.entries(places)) {
			figures.placesChecked++;
			// The pasted value in the bad-input case is the user's own input, echoed by design.
			const own = failure.badInput ? text.split(pasted).join('') : text;
			const leaked = SECRET_VALUES.filter((secret) => own.includes(secret));
			if (leaked.length > 0) figures.leaks++;
			expect({ place, leaked }).toEqual({ place, leaked: [] });
		}
	});
});
