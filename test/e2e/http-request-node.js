// The package's 4 credentials outside its nodes, in a real n8n: n8n's HTTP Request node with each as a
// predefined credential type, and n8n's credential test (the editor's "Test" / save). Both apply the
// credential's function `authenticate`; the sandbox checks the auth headers and records them.
'use strict';
const assert = require('node:assert/strict');
const { CREDENTIAL_NAMES } = require('../../dev/lib/setup');
const { waitForExecution, nodeOutput } = require('../../dev/lib/n8n');

const TRIGGER = 'Start';

/** Per credential: a read-only sandbox endpoint below its base URL, and the auth headers it must carry. */
const CASES = [
	{
		type: 'ligueLeadApi',
		provider: 'liguelead',
		path: '/voice/uploads',
		headers: (c) => ({ 'api-token': c.apiToken, 'app-id': c.appId }),
		output: (json) => Array.isArray(json.data),
	},
	{
		type: 'superleadApi',
		provider: 'superlead',
		path: '/v1/templates',
		headers: (c) => ({ authorization: `Bearer ${c.apiKey}` }),
		output: (json) => Array.isArray(json.data),
	},
	{
		type: 'leadwayApi',
		provider: 'leadway',
		path: (c) => `/contacts/?locationId=${encodeURIComponent(c.locationId)}&limit=1`,
		headers: (c) => ({ authorization: `Bearer ${c.accessToken}`, version: c.apiVersion }),
		output: (json) => Array.isArray(json.contacts),
	},
	{
		type: 'iagenteSdrApi',
		provider: 'iagente',
		path: '/leads?per_page=1',
		headers: (c) => ({ authorization: `Bearer ${c.apiKey}` }),
		output: (json) => Array.isArray(json.data),
	},
];

const pathOf = (testCase, credential) => (typeof testCase.path === 'function' ? testCase.path(credential) : testCase.path);
const nodeName = (testCase) => `HTTP Request with ${testCase.type}`;

/** Manual trigger → one HTTP Request node per credential, in a chain, each GET with the credential as predefined type. */
function workflow(stack) {
	const { credentials } = stack.sandbox;
	const nodes = [{ id: 'c0000000-0000-4000-8000-000000000000', name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
	const connections = {};
	let previous = TRIGGER;
	CASES.forEach((testCase, n) => {
		const credential = credentials[testCase.type];
		const name = nodeName(testCase);
		nodes.push({
			id: `c0000000-0000-4000-8000-00000000000${n + 1}`,
			name,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [220 * (n + 1), 0],
			parameters: {
				method: 'GET',
				url: `${credential.baseUrl.replace(/\/+$/, '')}${pathOf(testCase, credential)}`,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: testCase.type,
				options: {},
			},
			credentials: { [testCase.type]: { id: stack.provisioned.credentials[testCase.type], name: CREDENTIAL_NAMES[testCase.type] } },
		});
		connections[previous] = { main: [[{ node: name, type: 'main', index: 0 }]] };
		previous = name;
	});
	return { name: 'Credentials in the HTTP Request node', nodes, connections, settings: { executionOrder: 'v1' } };
}

/** The sandbox's records of `testCase`'s endpoint since `from`, each with the expected auth headers and a 200. */
function assertAuthenticated(stack, testCase, from, label) {
	const credential = stack.sandbox.credentials[testCase.type];
	const wantedPath = pathOf(testCase, credential).split('?')[0];
	const records = stack.sandbox
		.requests({ provider: testCase.provider, method: 'GET' })
		.slice(from)
		.filter((record) => record.path.endsWith(wantedPath));
	assert.equal(records.length, 1, `${label}: the sandbox recorded ${records.length} GET …${wantedPath}, expected 1`);
	const wanted = testCase.headers(credential);
	const sent = Object.fromEntries(Object.keys(wanted).map((name) => [name, records[0].headers[name]]));
	assert.deepEqual(sent, wanted, `${label}: auth headers as the sandbox received them`);
	assert.equal(records[0].status, 200, `${label}: the sandbox answered ${records[0].status}: ${JSON.stringify(records[0].responseBody)}`);
}

async function checkHttpRequestNode(stack) {
	const from = Object.fromEntries(CASES.map((testCase) => [testCase.type, stack.sandbox.requests({ provider: testCase.provider, method: 'GET' }).length]));
	const created = await stack.client.createWorkflow(workflow(stack));
	const executionId = await stack.client.runManually(created.id, TRIGGER);
	const { execution, data } = await waitForExecution(stack.client, stack.install, executionId);
	const failed = Object.entries(data.resultData.runData)
		.filter(([, runs]) => runs[0].error)
		.map(([name, runs]) => `${name}: ${runs[0].error.message}`);
	assert.equal(execution.status, 'success', `the HTTP Request workflow ended ${execution.status}: ${failed.join('; ')}`);
	for (const testCase of CASES) {
		assertAuthenticated(stack, testCase, from[testCase.type], nodeName(testCase));
		const [json] = nodeOutput(data, nodeName(testCase));
		assert.ok(json && testCase.output(json), `${nodeName(testCase)} output the API's answer: ${JSON.stringify(json)}`);
	}
}

/** n8n's credential test (POST /rest/credentials/test, what the editor calls) passes for each credential, sending its auth headers. */
async function checkCredentialTests(stack) {
	for (const testCase of CASES) {
		const from = stack.sandbox.requests({ provider: testCase.provider, method: 'GET' }).length;
		const result = await stack.client.request('POST', '/credentials/test', {
			credentials: {
				id: stack.provisioned.credentials[testCase.type],
				name: CREDENTIAL_NAMES[testCase.type],
				type: testCase.type,
				data: stack.sandbox.credentials[testCase.type],
			},
		});
		assert.equal(result && result.status, 'OK', `credential test of ${testCase.type}: ${JSON.stringify(result)}`);
		const records = stack.sandbox.requests({ provider: testCase.provider, method: 'GET' }).slice(from);
		assert.equal(records.length, 1, `credential test of ${testCase.type}: ${records.length} requests recorded, expected 1`);
		const wanted = testCase.headers(stack.sandbox.credentials[testCase.type]);
		const sent = Object.fromEntries(Object.keys(wanted).map((name) => [name, records[0].headers[name]]));
		assert.deepEqual(sent, wanted, `credential test of ${testCase.type}: auth headers as the sandbox received them`);
	}
}

module.exports = { checkHttpRequestNode, checkCredentialTests };
