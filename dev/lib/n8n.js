// Starts real n8n processes (main, worker, webhook) from the cached install and talks to n8n's REST API
// the way its editor does (session cookie + browser-id header).
'use strict';
const crypto = require('crypto');
const path = require('path');
const { createRequire } = require('module');
const fs = require('fs');
const { freePort, startProcess, waitFor } = require('./proc');
const { retryOnPortClash } = require('./ports');

/** Environment shared by every process of one n8n instance. */
function baseEnv({ userFolder, encryptionKey, extra = {} }) {
	const env = { ...process.env };
	// A developer's shell or CI may carry n8n settings meant for another instance.
	for (const key of Object.keys(env)) if (/^(N8N_|DB_|QUEUE_|EXECUTIONS_|WEBHOOK_URL)/.test(key)) delete env[key];
	return {
		...env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_SECURE_COOKIE: 'false',
		// Offline machine: no telemetry, version checks, templates or banners reaching n8n's cloud.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		...extra,
	};
}

/**
 * Starts one n8n process (`start`, `worker` or `webhook`) on free ports and waits until it is ready.
 * Returns { url, port, proc }. Fails fast, with its log tail, if the process exits first; when it exited
 * because a port was taken meanwhile, starts again on fresh ports (the failed attempt's log is kept
 * beside, as `<log>.attempt<n>`).
 */
async function startN8nProcess({ install, command = 'start', env, logFile, name, port: fixedPort, readyTimeoutMs = 600000, args = [], log }) {
	return retryOnPortClash(
		name || `n8n ${command}`,
		async (attempt) => {
			if (attempt > 1 && fs.existsSync(logFile)) fs.renameSync(logFile, `${logFile}.attempt${attempt - 1}`);
			const port = fixedPort || (await freePort());
			const brokerPort = await freePort();
			const procEnv = {
				...env,
				N8N_PORT: String(port),
				N8N_RUNNERS_BROKER_PORT: String(brokerPort),
				QUEUE_HEALTH_CHECK_PORT: String(port),
				PATH: `${path.dirname(install.node)}${path.delimiter}${process.env.PATH}`,
			};
			if (command !== 'worker') procEnv.WEBHOOK_URL = env.WEBHOOK_URL || `http://127.0.0.1:${port}/`;
			const proc = startProcess(name || `n8n ${command}`, install.node, [install.bin, command, ...args], {
				env: procEnv,
				logFile,
			});
			const url = `http://127.0.0.1:${port}`;
			try {
				await waitUntilReady(proc, command, url, readyTimeoutMs);
			} catch (e) {
				// Never leave a half-started n8n behind.
				await proc.stop();
				throw e;
			}
			return { url, port, proc };
		},
		{ log },
	);
}

async function waitUntilReady(proc, command, url, readyTimeoutMs) {
	const failFast = () =>
		proc.exited ? `the process exited (${JSON.stringify(proc.exited)}); last log lines:\n${proc.tail(30)}` : '';
	if (command === 'worker') {
		// Workers serve no HTTP by default; n8n logs this line once it listens to the queue.
		await waitFor(`${proc.name} to connect to the queue`, () => /n8n worker is now ready/.test(proc.log()), {
			timeoutMs: readyTimeoutMs,
			intervalMs: 500,
			failFast,
		});
		return;
	}
	await waitFor(
		`${proc.name} to answer ${url}/healthz/readiness`,
		async () => (await fetch(`${url}/healthz/readiness`)).status === 200,
		{ timeoutMs: readyTimeoutMs, intervalMs: 500, failFast },
	);
	if (command === 'start') {
		// n8n 1.x answers readiness before its REST routes exist; the editor's first call is /rest/settings.
		await waitFor(
			`${proc.name} to serve ${url}/rest/settings`,
			async () => {
				const res = await fetch(`${url}/rest/settings`, { headers: { accept: 'application/json' } });
				const text = await res.text();
				if (res.status !== 200) return false;
				try {
					return !!JSON.parse(text);
				} catch {
					return false;
				}
			},
			{ timeoutMs: readyTimeoutMs, intervalMs: 500, failFast },
		);
	}
}

/**
 * A read (GET) whose connection failed (reset, closed mid-answer: seen on a loaded machine with multi-MB
 * answers such as /types/nodes.json) is tried again, up to 3 times; anything else is done once.
 */
async function retryRead(what, read, attempts = 3) {
	for (let attempt = 1; ; attempt += 1) {
		try {
			return await read();
		} catch (e) {
			if (attempt >= attempts || !(e instanceof TypeError && /fetch failed/.test(e.message))) throw e;
			console.log(`n8n ${what}: the connection failed (${e.cause ? e.cause.message : e.message}); trying again`);
		}
	}
}

async function fetchReads(method, url, init) {
	if (method !== 'GET') return fetch(url, init);
	// Buffered inside the retry, so a connection closed mid-body is retried too.
	return retryRead(`GET ${url}`, async () => {
		const res = await fetch(url, init);
		const buffered = await res.arrayBuffer();
		return new Response(buffered, { status: res.status, headers: res.headers });
	});
}

/** n8n's REST API as its editor uses it. */
class N8nClient {
	/**
	 * `features` (from the install's recipe) says how this n8n version differs: 2.x publishes with
	 * `/activate`, 1.88 activates with a PATCH; 1.x needs the workflow in the body of a manual run.
	 */
	constructor(baseUrl, { features = {} } = {}) {
		this.baseUrl = baseUrl.replace(/\/$/, '');
		this.features = { activateEndpoint: true, manualRunNeedsWorkflowData: false, ...features };
		this.cookie = '';
		// n8n binds the session cookie to the browser-id header sent when signing in.
		this.browserId = crypto.randomUUID();
	}

	async request(method, route, body, { expect = [200] } = {}) {
		const headers = { 'browser-id': this.browserId, accept: 'application/json' };
		if (this.cookie) headers.cookie = this.cookie;
		if (body !== undefined) headers['content-type'] = 'application/json';
		const res = await fetchReads(method, `${this.baseUrl}/rest${route}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.getSetCookie ? res.headers.getSetCookie() : [];
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		if (!expect.includes(res.status)) {
			throw new Error(`n8n ${method} /rest${route} answered ${res.status}: ${text.slice(0, 600)}`);
		}
		return json && Object.prototype.hasOwnProperty.call(json, 'data') ? json.data : json;
	}

	/** GET a path outside /rest (e.g. /types/nodes.json, which the editor loads) with the session cookie. */
	async getJson(route) {
		// The body is read inside the retry: on a loaded machine the connection can drop in the middle of it.
		let status;
		const text = await retryRead(`GET ${route}`, async () => {
			const res = await fetch(`${this.baseUrl}${route}`, { headers: { 'browser-id': this.browserId, cookie: this.cookie } });
			status = res.status;
			return res.text();
		});
		if (status !== 200) throw new Error(`n8n GET ${route} answered ${status}: ${text.slice(0, 300)}`);
		return JSON.parse(text);
	}

	async setupOwner(owner) {
		return this.request('POST', '/owner/setup', owner);
	}

	async login({ email, password }) {
		return this.request('POST', '/login', { emailOrLdapLoginId: email, password });
	}

	async createCredential({ name, type, data }) {
		return this.request('POST', '/credentials', { name, type, data });
	}

	async createWorkflow(workflow) {
		const { id: _ignored, active: _active, ...rest } = workflow;
		return this.request('POST', '/workflows', { ...rest, active: false });
	}

	async getWorkflow(id) {
		return this.request('GET', `/workflows/${id}`);
	}

	/** Publishes (2.x) or activates (1.x) a workflow: n8n registers its triggers' webhooks before it answers. */
	async activateWorkflow(id) {
		const wf = await this.getWorkflow(id);
		if (!this.features.activateEndpoint) return this.request('PATCH', `/workflows/${id}`, { active: true, versionId: wf.versionId });
		return this.request('POST', `/workflows/${id}/activate`, { versionId: wf.versionId });
	}

	async deactivateWorkflow(id) {
		return this.request('POST', `/workflows/${id}/deactivate`, {});
	}

	/** Runs a workflow from its Manual Trigger like the editor's "Execute workflow" button; returns the execution ID. */
	async runManually(id, triggerName) {
		const body = { triggerToStartFrom: { name: triggerName } };
		if (this.features.manualRunNeedsWorkflowData) body.workflowData = await this.getWorkflow(id);
		const result = await this.request('POST', `/workflows/${id}/run`, body);
		if (!result || !result.executionId) throw new Error(`n8n did not start workflow ${id}: ${JSON.stringify(result)}`);
		return result.executionId;
	}

	async listExecutions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const data = await this.request('GET', `/executions?filter=${filter}&limit=100`);
		return data.results || [];
	}

	async getExecution(id) {
		return this.request('GET', `/executions/${id}`);
	}
}

/** Execution data comes back serialised with `flatted`; n8n's own copy parses it. */
function parseExecutionData(install, execution) {
	const req = createRequire(path.join(install.dir, 'node_modules', 'n8n', 'package.json'));
	const { parse } = req('flatted');
	return typeof execution.data === 'string' ? parse(execution.data) : execution.data;
}

/**
 * Waits until an execution has finished and its run data is saved; returns { execution, data } parsed. `until(data,
 * execution)` (optional) must hold too: n8n 1.x can report a resumed execution finished before it saved the
 * resumed node's output.
 */
async function waitForExecution(client, install, executionId, timeoutMs = 150000, { until } = {}) {
	let data;
	const execution = await waitFor(
		`execution ${executionId} to finish${until ? ' with its data saved' : ''}`,
		async () => {
			const e = await client.getExecution(executionId);
			if (!e || e.finished === undefined || ['new', 'running', 'waiting'].includes(e.status)) return false;
			data = parseExecutionData(install, e);
			// n8n 1.88 can answer `success` with the run data not saved yet (its log: "Found successful execution
			// where data is empty stringified array"): that is not finished for the suite, poll again.
			if (!data || !data.resultData) return false;
			return !until || until(data, e) ? e : false;
		},
		{ timeoutMs, intervalMs: 300 },
	);
	return { execution, data };
}

/** The JSON items a node output in an execution (first run, main output 0). */
function nodeOutput(data, nodeName) {
	const runs = data.resultData.runData[nodeName];
	if (!runs) throw new Error(`node "${nodeName}" did not run; nodes that ran: ${Object.keys(data.resultData.runData).join(', ')}`);
	const run = runs[0];
	if (run.error) throw new Error(`node "${nodeName}" failed: ${run.error.message} ${run.error.description || ''}`);
	return ((run.data && run.data.main && run.data.main[0]) || []).map((item) => item.json);
}

module.exports = { baseEnv, startN8nProcess, N8nClient, waitForExecution, nodeOutput, parseExecutionData };
