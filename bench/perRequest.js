// Figure 4 of `npm run bench`: what one request costs through the node, against a 0 ms local server,
// side by side with what it costs outside any node. Called by bench/run.js (which loads TypeScript);
// writes nothing itself.
//
// Arms, each sending the same LigueLead SMS (POST /v1/sms, one phone, api-token + app-id headers):
// - fetch with its keep-alive pool: the floor of any HTTP client in Node.
// - axios with new agents per request: what n8n's HTTP stack does on every helper call
//   (@n8n/backend-network: convertN8nRequestToAxios → setAxiosAgents → buildNodeAgents, which builds
//   a new http and https agent for every request), so a new TCP connection each time. The arm calls
//   that same buildNodeAgents for every request.
// - n8n's helper alone: OutboundHttp.requests().request(), the call httpRequestWithAuthentication
//   ends in, with no node around it.
// - the node (LigueLead SMS send, "Send to Many" off) through the harness: as it is, and with each of
//   this round's two changes undone (credential expressions instead of a function `authenticate`;
//   n8n reading the credential again inside every request instead of taking credentialsDecrypted).
//
// Credential reads: in the harness a read returns an object from memory; in n8n it is a database read
// plus a decryption, measured at 83-88 µs (issue 15). Every node arm therefore spends
// READ_COST_MICROSECONDS of CPU per read (a busy wait in the harness's read hook), the same in every arm.
'use strict';
const path = require('path');
const { createRequire } = require('module');

const { runNode } = require('../test/harness');
const { LigueLead } = require('../nodes/LigueLead/LigueLead.node.ts');
const { LigueLeadApi } = require('../credentials/LigueLeadApi.credentials.ts');

const READ_COST_MICROSECONDS = Number(process.env.BENCH_READ_COST_US ?? 85);

// The very modules the harness runs (n8n-core and what it loads), not other copies.
const fromCore = createRequire(require.resolve('n8n-core'));
const fromNetwork = createRequire(fromCore.resolve('@n8n/backend-network'));
const axios = fromNetwork('axios');
const { OutboundHttp } = fromCore('@n8n/backend-network');
const { Container } = fromCore('@n8n/di');
const { buildNodeAgents } = require(path.join(path.dirname(fromCore.resolve('@n8n/backend-network')), 'http/node-agents.js'));
const authentication = require(
	path.join(path.dirname(require.resolve('n8n-core')), 'execution-engine/node-execution-context/utils/request-helpers/authentication.js'),
);

const now = () => Number(process.hrtime.bigint()) / 1e6;
/** CPU time of this process (user + system) in ms: the server runs in it too, the same for every arm. */
const cpu = () => {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};
const round = (value, digits = 1) => Number(value.toFixed(digits));
const times = (value) => `${round(value, 2)}×`;
const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The LigueLead credential as it was before issue 15: generic headers with `={{$credentials.…}}` expressions. */
class ExpressionLigueLeadApi extends LigueLeadApi {
	constructor() {
		super();
		this.authenticate = {
			type: 'generic',
			properties: { headers: { 'api-token': '={{$credentials.apiToken}}', 'app-id': '={{$credentials.appId}}' } },
		};
	}
}

// "Two reads per request", as before issue 15: the node's own getCredentials for every request, then
// n8n's read inside httpRequestWithAuthentication, which it makes when not handed credentialsDecrypted.
// (The node's one read per run still happens too: one read more per run of 300 requests.) The wrapper
// runs in every node arm alike.
let twoReadsPerRequest = false;
const original = authentication.httpRequestWithAuthentication;
authentication.httpRequestWithAuthentication = async function (type, options, workflow, node, additionalData, credentialOptions) {
	if (!twoReadsPerRequest) return await original.call(this, type, options, workflow, node, additionalData, credentialOptions);
	await this.getCredentials(type);
	return await original.call(this, type, options, workflow, node, additionalData, { ...credentialOptions, credentialsDecrypted: undefined });
};

function spend(microseconds) {
	const until = now() + microseconds / 1000;
	while (now() < until);
}

const TOKEN = 'bench-token';
const APP = 'bench-app';
const MESSAGE = 'Oferta de hoje';
const phone = (n) => `119${String(n).padStart(8, '0')}`;

/**
 * Sends `count` SMS through the node with `inFlight` at a time; returns ms and credential reads.
 * `credential` picks the authenticate form, `reads` 'one' (as shipped) or 'two' (n8n reads again).
 */
async function nodeArm(server, { count, inFlight, credential = LigueLeadApi, reads = 'one', phones = '={{ $json.phone }}' }) {
	let credentialReads = 0;
	twoReadsPerRequest = reads === 'two';
	const started = now();
	const cpuStarted = cpu();
	const result = await runNode(
		{
			node: LigueLead,
			credentials: { ligueLeadApi: { type: credential, data: { apiToken: TOKEN, appId: APP, baseUrl: `${server.base}/v1` } } },
			parameters: {
				resource: 'sms',
				operation: 'send',
				title: 'Bench',
				message: MESSAGE,
				phones,
				options: { sendToMany: false },
				requestOptions: { maxConcurrentRequests: inFlight },
			},
			continueOnFail: true,
			executionId: `bench-request-${Math.random().toString(36).slice(2)}`,
			onCredentialRead: () => {
				credentialReads++;
				spend(READ_COST_MICROSECONDS);
			},
		},
		Array.from({ length: count }, (_, n) => ({ phone: phone(n) })),
	);
	const elapsed = now() - started;
	const cpuMs = cpu() - cpuStarted;
	twoReadsPerRequest = false;
	if (result.error) throw new Error(`LigueLead SMS send: ${result.error.message}`);
	const failed = result.items.filter((item) => item.json.error !== undefined);
	if (failed.length > 0) throw new Error(`LigueLead SMS send: ${failed.length} items failed: ${failed[0].json.error}`);
	return { elapsed, cpuMs, credentialReads };
}

/** `count` requests, `inFlight` at a time, each made by `one(n)`. */
async function clientArm(count, inFlight, one) {
	let next = 0;
	const worker = async () => {
		while (next < count) await one(next++);
	};
	const started = now();
	const cpuStarted = cpu();
	await Promise.all(Array.from({ length: inFlight }, worker));
	return { elapsed: now() - started, cpuMs: cpu() - cpuStarted };
}

const smsBody = (n) => ({ title: 'Bench', message: MESSAGE, phones: [phone(n)] });
const headers = { 'content-type': 'application/json', 'api-token': TOKEN, 'app-id': APP };

function clientArms(server) {
	const url = `${server.base}/v1/sms`;
	const helper = Container.get(OutboundHttp).requests();
	return {
		fetch: (count, inFlight) =>
			clientArm(count, inFlight, async (n) => {
				const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(smsBody(n)) });
				if (response.status !== 202) throw new Error(`fetch got ${response.status}`);
				await response.json();
			}),
		axiosNewAgent: (count, inFlight) =>
			clientArm(count, inFlight, async (n) => {
				// n8n's own agents, built for every request as n8n builds them (proxy from the environment,
				// SSRF protection off: n8n's defaults).
				const { httpAgent, httpsAgent } = buildNodeAgents('env', 'disabled', {});
				const response = await axios.request({ method: 'POST', url, headers, data: smsBody(n), httpAgent, httpsAgent });
				if (response.status !== 202) throw new Error(`axios got ${response.status}`);
			}),
		n8nHelper: (count, inFlight) =>
			clientArm(count, inFlight, async (n) => {
				const response = await helper.request({
					method: 'POST',
					url,
					headers: { 'api-token': TOKEN, 'app-id': APP },
					body: smsBody(n),
					json: true,
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				});
				if (response.statusCode !== 202) throw new Error(`n8n helper got ${response.statusCode}`);
			}),
	};
}

/**
 * Figure 4. `section` / `row` are bench/run.js's table writers; `server` its 0 ms-capable local server.
 * Every arm runs once per round, in a rotating order, and each figure is the median over the rounds.
 */
async function perRequest(server, { section, row }) {
	const count = Number(process.env.BENCH_OVERHEAD_ITEMS || 300);
	const rounds = Number(process.env.BENCH_OVERHEAD_ROUNDS || 7);
	const entry = section(
		'4. What one request costs: the node vs the HTTP stacks under it, 0 ms server',
		[
			`LigueLead SMS send ("Send to Many" off: one request per item), ${count} items, with 1 and then 10 requests in flight. Every arm runs once per round in a rotating order, ${rounds} rounds; each ratio is wall time / CPU time of this process (the server runs in it too), from the medians over the rounds.`,
			'Floor = fetch with its keep-alive pool. n8n\'s HTTP stack builds new agents, so a new connection, for every request (@n8n/backend-network, see docs/performance.md): "axios + n8n\'s new agents" is that stack and nothing else (axios, with the agents of n8n\'s own buildNodeAgents made for every request); "n8n helper" is n8n\'s OutboundHttp request helper alone, which httpRequestWithAuthentication ends in.',
			'Node arms: the node as it is (phones from the expression {{ $json.phone }}, which n8n evaluates for every item); the same with one phone written in (no per-item expression); with credential expressions instead of the function authenticate; with n8n reading the credential again in every request; with both (the node before issue 15).',
			`Each credential read costs ${READ_COST_MICROSECONDS} µs of CPU here (a busy wait), as a database read plus decryption costs in n8n (issue 15 measured 83-88 µs); the harness's own read is free.`,
		].join(' '),
	);
	const clients = clientArms(server);
	const arms = {
		fetch: (inFlight) => clients.fetch(count, inFlight),
		axiosNewAgent: (inFlight) => clients.axiosNewAgent(count, inFlight),
		n8nHelper: (inFlight) => clients.n8nHelper(count, inFlight),
		node: (inFlight) => nodeArm(server, { count, inFlight }),
		nodeWrittenPhone: (inFlight) => nodeArm(server, { count, inFlight, phones: phone(0) }),
		nodeExpressions: (inFlight) => nodeArm(server, { count, inFlight, credential: ExpressionLigueLeadApi }),
		nodeTwoReads: (inFlight) => nodeArm(server, { count, inFlight, reads: 'two' }),
		nodeBefore: (inFlight) => nodeArm(server, { count, inFlight, credential: ExpressionLigueLeadApi, reads: 'two' }),
	};
	const names = Object.keys(arms);
	for (const inFlight of [1, 10]) {
		const wall = Object.fromEntries(names.map((name) => [name, []]));
		const cpuTime = Object.fromEntries(names.map((name) => [name, []]));
		const reads = {};
		const connections = {};
		// Warm-up of every arm (code paths compiled, fetch's pool open).
		for (const name of names) {
			server.configure({ latencyMs: 0 });
			await arms[name](inFlight);
		}
		for (let r = 0; r < rounds; r++) {
			for (let k = 0; k < names.length; k++) {
				const name = names[(k + r) % names.length];
				server.configure({ latencyMs: 0 });
				const result = await arms[name](inFlight);
				if (server.stats.accepted !== count) throw new Error(`${name}: the server accepted ${server.stats.accepted} of ${count}`);
				wall[name].push(result.elapsed / count);
				cpuTime[name].push(result.cpuMs / count);
				if (result.credentialReads !== undefined) reads[name] = result.credentialReads;
				connections[name] = server.stats.connections;
			}
		}
		const ms = Object.fromEntries(names.map((name) => [name, median(wall[name])]));
		const cpuMs = Object.fromEntries(names.map((name) => [name, median(cpuTime[name])]));
		/** "wall ratio / CPU ratio" of two arms. */
		const ratio = (a, b) => `${times(ms[a] / ms[b])} / ${times(cpuMs[a] / cpuMs[b])}`;
		const met = (value) => (value <= 1.6 ? 'met' : 'not met');
		row(entry, {
			'in flight': inFlight,
			'floor: fetch, pooled (ms wall / µs CPU per request)': `${round(ms.fetch, 3)} / ${round(cpuMs.fetch * 1000, 0)}`,
			'axios + n8n\'s new agents ÷ floor': ratio('axiosNewAgent', 'fetch'),
			'n8n helper ÷ floor': ratio('n8nHelper', 'fetch'),
			'node ÷ floor': ratio('node', 'fetch'),
			'target: node ≤1.6× floor, 1 in flight (wall / CPU)': inFlight === 1 ? `${met(ms.node / ms.fetch)} / ${met(cpuMs.node / cpuMs.fetch)}` : '—',
			'node ÷ n8n helper': ratio('node', 'n8nHelper'),
			'node, phone written in ÷ floor': ratio('nodeWrittenPhone', 'fetch'),
			'before issue 15 ÷ floor': ratio('nodeBefore', 'fetch'),
			'before issue 15 ÷ node': ratio('nodeBefore', 'node'),
			'expression authenticate ÷ function': ratio('nodeExpressions', 'node'),
			'two reads per request ÷ one per run': ratio('nodeTwoReads', 'node'),
			'credential reads per run (node / before)': `${reads.node} / ${reads.nodeBefore}`,
			'TCP connections (fetch / axios / node)': `${connections.fetch} / ${connections.axiosNewAgent} / ${connections.node}`,
		});
	}
}

module.exports = { perRequest };
