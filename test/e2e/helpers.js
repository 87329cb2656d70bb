// Shared steps of the end-to-end suite: boot the stack, run an example workflow, drive a trigger.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { startStack } = require('../../dev/lib/stack');
const { provision, webhookUrl } = require('../../dev/lib/setup');
const { waitForExecution, nodeOutput } = require('../../dev/lib/n8n');
const { waitFor } = require('../../dev/lib/proc');
const { SEND_CASES, TRIGGER_CASES, MANUAL } = require('./expectations');

const repoRoot = path.resolve(__dirname, '..', '..');
const PACKAGE = 'n8n-nodes-br-messaging';
const NODE_TYPES = ['iagenteSdr', 'iagenteSdrTrigger', 'leadway', 'leadwayTrigger', 'ligueLead', 'ligueLeadTrigger', 'superlead', 'superleadTrigger'];
const CREDENTIAL_TYPES = ['iagenteSdrApi', 'leadwayApi', 'ligueLeadApi', 'superleadApi'];

/** Counts what the suite checked, printed at the end of each file. */
const tally = { requests: 0, executions: 0, forgedRefused: 0 };

const started = Date.now();
const log = (message) => console.log(`[e2e +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

/**
 * Boots the stack (`startStack` options, e.g. `version`, `workers`) and provisions it. The n8n version is
 * `options.version`, else `N8N_VERSION` from the environment, else 2.41.1; each version has its own folder.
 */
async function bootAndProvision(mode, options = {}) {
	const version = options.version || process.env.N8N_VERSION;
	const workDir = path.join(repoRoot, '.dev', `e2e-${mode}${version ? `-${version}` : ''}`);
	const stack = await startStack({ workDir, mode, log, ...options });
	try {
		stack.provisioned = await provision(stack.client, stack.sandbox, { log });
	} catch (e) {
		await stack.stop();
		throw e;
	}
	stack.logsHint = `n8n logs: ${path.join(workDir, 'logs')}`;
	return stack;
}

function workflowByFile(stack, file) {
	const wf = stack.provisioned.workflows.find((w) => w.file === file);
	assert.ok(wf, `example workflow ${file} was not imported`);
	return wf;
}

/** Runs an example workflow from its Manual Trigger and checks the requests and the execution data. */
async function runSendWorkflow(stack, file) {
	const wf = workflowByFile(stack, file);
	const testCase = SEND_CASES[file];
	// The published triggers' registration calls (IAGENTE `/webhooks`) are not this workflow's requests, and
	// n8n may make them at any moment (activation, a restart of a process): they are checked by driveTrigger.
	const own = () => stack.sandbox.requests({ provider: testCase.provider }).filter((r) => !/^\/webhooks(\/|$|\?)/.test(r.path));
	const before = own().length;
	const executionId = await stack.client.runManually(wf.id, MANUAL);
	const { execution, data } = await waitForExecution(stack.client, stack.install, executionId);
	const failed = Object.entries(data.resultData.runData)
		.filter(([, runs]) => runs[0].error)
		.map(([name, runs]) => `${name}: ${runs[0].error.message}`);
	assert.equal(execution.status, 'success', `execution ${executionId} of "${wf.name}" ended ${execution.status}: ${failed.join('; ')}`);
	const records = own().slice(before);
	const asserted = testCase.check({ records, data, sandbox: stack.sandbox });
	tally.requests += asserted;
	tally.executions += 1;
	return { executionId, execution, data, records };
}

/**
 * Waits until a published trigger really receives events, sends forged events (each must be refused)
 * and `valid` genuine ones through n8n's webhook endpoint, then counts the workflow's executions
 * through n8n's API: exactly one per genuine event, each carrying that event.
 */
async function driveTrigger(stack, file, { valid = 2 } = {}) {
	const wf = workflowByFile(stack, file);
	const testCase = TRIGGER_CASES[file];
	const node = wf.nodes.find((n) => n.webhookId);
	const url = webhookUrl(stack.webhookBase, node);
	const { sandbox, client } = stack;

	if (testCase.provider === 'iagente') {
		// The trigger registers itself with IAGENTE on activation and gets the signing secret back.
		await waitFor(`the IAGENTE SDR Trigger to register ${url} with the API`, () =>
			sandbox.requests({ provider: 'iagente', method: 'POST' }).some((r) => r.url.endsWith('/webhooks') && r.body && r.body.url === url && r.status === 201),
		{ timeoutMs: 150000 });
	}
	// n8n answers 404 until the webhook is registered; an unsigned probe gets the trigger's own refusal.
	const probe = await waitFor(
		`n8n to serve the webhook ${url}`,
		async () => {
			const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
			await res.text();
			return res.status !== 404 ? res.status : false;
		},
		{ timeoutMs: 150000, intervalMs: 300 },
	);
	assert.ok(probe >= 400 && probe < 500, `an unsigned, empty POST to ${url} must be refused, got ${probe}`);

	const existing = (await client.listExecutions(wf.id)).length;
	assert.equal(existing, 0, `"${wf.name}" already has ${existing} executions before any genuine event`);

	for (const forge of testCase.forges) {
		const r = await sandbox.deliver({ provider: testCase.provider, to: url, forge });
		assert.ok(r.status === 401 || r.status === 403, `${testCase.provider} event forged with "${forge}" must get 401/403, got ${r.status}: ${JSON.stringify(r.body)}`);
		tally.forgedRefused += 1;
	}
	let ignored = 0;
	if (testCase.unselected) {
		const r = await sandbox.deliver({ provider: testCase.provider, to: url, event: testCase.unselected });
		assert.ok(r.status >= 200 && r.status < 300, `a genuine but unselected ${testCase.provider} ${testCase.unselected} event gets ${r.status}, expected 2xx`);
		ignored = 1;
	}
	const markers = [];
	for (let i = 0; i < valid; i += 1) {
		const r = await sandbox.deliver({ provider: testCase.provider, to: url });
		assert.equal(r.status, 200, `a genuine ${testCase.provider} event must get 200, got ${r.status}: ${JSON.stringify(r.body)}`);
		assert.deepEqual(r.body, { received: true }, `n8n answers a genuine ${testCase.provider} event {"received":true}`);
		markers.push(String(testCase.marker(JSON.parse(r.sent.body))));
	}

	const finished = (list) => list.every((e) => !['new', 'running', 'waiting'].includes(e.status));
	await waitFor(
		`${valid} finished executions of "${wf.name}"`,
		async () => {
			const list = await client.listExecutions(wf.id);
			return list.length >= valid && finished(list) ? list : false;
		},
		{ timeoutMs: 180000, intervalMs: 300 },
	);
	const executions = await client.listExecutions(wf.id);
	assert.equal(
		executions.length,
		valid,
		`"${wf.name}": ${executions.length} executions for ${valid} genuine events (${testCase.forges.length + 1} refused, ${ignored} unselected sent too)`,
	);
	const outputs = [];
	for (const e of executions) {
		assert.equal(e.status, 'success', `execution ${e.id} of "${wf.name}" ended ${e.status}`);
		const { data } = await waitForExecution(client, stack.install, e.id);
		outputs.push(JSON.stringify(nodeOutput(data, node.name)));
	}
	for (const marker of markers) {
		const hits = outputs.filter((o) => o.includes(marker)).length;
		assert.equal(hits, 1, `event ${marker} must appear in exactly one execution of "${wf.name}", found ${hits}`);
	}
	tally.executions += executions.length;
	return { url, executions };
}

/**
 * What the editor loads lists the package's 8 nodes and 4 credentials; besides them only the AI Agent tool
 * variants n8n derives from the action nodes (`…Tool`; `…HitlTool` for Send and Wait, from n8n 2.x on),
 * and n8n logged no unrecognized node type.
 */
async function checkRegistration(stack) {
	const { features = {} } = stack;
	const nodes = await stack.client.getJson('/types/nodes.json');
	const ours = [...new Set(nodes.map((n) => n.name).filter((name) => name.startsWith(`${PACKAGE}.`)))].sort();
	const expected = NODE_TYPES.map((t) => `${PACKAGE}.${t}`);
	for (const type of expected) assert.ok(ours.includes(type), `node type ${type} is registered (n8n ${stack.version} serves: ${ours.join(', ')})`);
	const actions = NODE_TYPES.filter((t) => !t.endsWith('Trigger'));
	for (const a of actions) assert.ok(ours.includes(`${PACKAGE}.${a}Tool`), `AI tool variant of ${a} is registered`);
	const derived = new Set(actions.flatMap((a) => [`${PACKAGE}.${a}Tool`, ...(features.hitlTools ? [`${PACKAGE}.${a}HitlTool`] : [])]));
	const unexpected = ours.filter((t) => !expected.includes(t) && !derived.has(t));
	assert.deepEqual(unexpected, [], 'node types of the package that are neither its 8 nodes nor their tool variants');
	const credentials = await stack.client.getJson('/types/credentials.json');
	const names = credentials.map((c) => c.name);
	for (const type of CREDENTIAL_TYPES) assert.ok(names.includes(type), `credential type ${type} is registered`);
	const mainLog = stack.processes.main.proc.log();
	assert.doesNotMatch(mainLog, /Unrecognized node type/i, 'n8n logged an unrecognized node type');
}

/**
 * The queue-mode worker whose log says it finished this execution. A worker saves the execution's end
 * before it logs the line, so the line is waited for (with a deadline), never expected at once.
 */
async function workerThatRan(stack, executionId, { timeoutMs = 60000 } = {}) {
	return waitFor(
		`a worker's log to say it finished execution ${executionId}`,
		() => stack.processes.workers.find((w) => w.proc.log().includes(`Worker finished execution ${executionId} `)),
		{ timeoutMs, intervalMs: 300 },
	);
}

/** Logs the tally; with `since` (an earlier copy of `tally`), only what was counted after it. */
function printTally(label, since = { requests: 0, executions: 0, forgedRefused: 0 }) {
	const n = (key) => tally[key] - since[key];
	log(`${label}: ${n('executions')} executions checked, ${n('requests')} recorded API requests asserted, ${n('forgedRefused')} forged webhooks refused`);
}

module.exports = {
	bootAndProvision,
	runSendWorkflow,
	driveTrigger,
	workflowByFile,
	checkRegistration,
	workerThatRan,
	printTally,
	log,
	tally,
	NODE_TYPES,
	CREDENTIAL_TYPES,
	PACKAGE,
	repoRoot,
};
