// Workers scenario (issue 15): K separate Node processes, each running a node through the harness
// on one credential, against one local server that enforces the account's limit and answers in the
// provider's style. Called by bench/run.js (`BENCH_ONLY=workers`); `node bench/workers.js` runs it alone.
// In child mode (`node bench/workers.js child <json>`) it is one of those processes.
'use strict';
const http = require('http');
const path = require('path');
const readline = require('readline');
const { spawn } = require('child_process');

const now = () => Number(process.hrtime.bigint()) / 1e6;
const round = (value, digits = 1) => Number(value.toFixed(digits));

/**
 * The two header styles: HighLevel (Leadway) answers X-RateLimit-Max / -Remaining /
 * -Interval-Milliseconds on every response and a 429 without Retry-After; IAGENTE SDR answers
 * X-RateLimit-Limit / -Remaining (its documented pair) and a 429 without Retry-After either.
 * Windows are scaled down to keep the run short; the node is told the scaled rate, as in figure 1b.
 */
const STYLES = {
	highlevel: {
		label: 'HighLevel headers (Leadway SMS), 100 per 10 s scaled to 100 per 5 s',
		provider: 'leadway',
		limit: 100,
		windowMs: 5000,
		requestsPerMinute: 1200,
		// 150 SMS per process, as in the issue: 4.5 windows of work for 3 processes, 7.5 for 5.
		items: 150,
		headers: (limit, remaining, windowMs) => ({
			'x-ratelimit-max': String(limit),
			'x-ratelimit-remaining': String(remaining),
			'x-ratelimit-interval-milliseconds': String(windowMs),
			'x-ratelimit-limit-daily': '200000',
			'x-ratelimit-daily-remaining': '199000',
		}),
	},
	iagente: {
		label: 'IAGENTE-style X-RateLimit-Limit / -Remaining (WhatsApp text), 60/min scaled to 60 per 6 s',
		provider: 'iagenteSdr',
		limit: 60,
		windowMs: 6000,
		requestsPerMinute: 600,
		// 100 messages per process: 5 windows of work for 3 processes, 8.3 for 5.
		items: 100,
		headers: (limit, remaining) => ({ 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(remaining) }),
	},
};

// ---------------------------------------------------------------------------------------------
// Child: one "worker" process running the node over its items once the parent says go.

async function child(options) {
	require('./loadTs');
	const { runNode } = require('../test/harness');
	const { base, provider, items: count, offset, requestsPerMinute, worker } = options;
	let spec;
	if (provider === 'leadway') {
		const { Leadway } = require('../nodes/Leadway/Leadway.node.ts');
		const { LeadwayApi } = require('../credentials/LeadwayApi.credentials.ts');
		spec = {
			node: Leadway,
			credentials: { leadwayApi: { type: LeadwayApi, id: 'bench-leadway', data: { accessToken: 'pit-bench-token-0001', locationId: 'bench-location', baseUrl: base, apiVersion: '2021-07-28' } } },
			parameters: { resource: 'message', operation: 'send', type: 'SMS', contactBy: 'contact', contactId: { __rl: true, mode: 'id', value: '={{ "contact-" + $json.phone }}' }, message: 'Olá! Seu pedido saiu para entrega.' },
		};
	} else {
		const { IagenteSdr } = require('../nodes/IagenteSdr/IagenteSdr.node.ts');
		const { IagenteSdrApi } = require('../credentials/IagenteSdrApi.credentials.ts');
		spec = {
			node: IagenteSdr,
			credentials: { iagenteSdrApi: { type: IagenteSdrApi, id: 'bench-iagente', data: { apiKey: 'sk_live_bench_key_0001', baseUrl: `${base}/api/v1`, authHeader: 'bearer' } } },
			parameters: { resource: 'whatsAppMessage', operation: 'send', sendTo: 'phone', phone: '={{ $json.phone }}', messageType: 'text', text: 'Oi' },
		};
	}
	const input = Array.from({ length: count }, (_, n) => ({ phone: `119${String(offset + n).padStart(8, '0')}` }));
	// Warm-up against the server's warm-up path (not counted, not limited): loading and compiling code.
	await runNode({ node: spec.node, credentials: spec.credentials, parameters: { ...spec.parameters, requestOptions: { maxRequestsPerMinute: 600_000 } }, continueOnFail: true, executionId: `warm-${worker}` }, [
		{ phone: '11900000000' },
	]);
	process.stdout.write('ready\n');
	await new Promise((resolve) => readline.createInterface({ input: process.stdin }).once('line', resolve));
	const result = await runNode(
		{ node: spec.node, credentials: spec.credentials, parameters: { ...spec.parameters, requestOptions: { maxRequestsPerMinute: requestsPerMinute } }, continueOnFail: true, executionId: `bench-worker-${worker}` },
		input,
	);
	const failed = result.error ? count : result.items.filter((item) => item.json.error !== undefined).length;
	process.stdout.write(`${JSON.stringify({ done: true, items: result.items.length, failed, firstError: result.error?.message ?? result.items.find((i) => i.json.error)?.json.error })}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent: the server that enforces the limit (a sliding window) and the K processes.

class LimitServer {
	constructor({ limit, windowMs, headers, latencyMs }) {
		Object.assign(this, { limit, windowMs, headers, latencyMs });
		this.window = [];
		this.stats = { requests: 0, rejected429: 0, accepted: 0 };
		this.perItem = new Map();
		this.server = http.createServer((req, res) => this.handle(req, res));
	}

	async start() {
		await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.base = `http://127.0.0.1:${this.server.address().port}`;
	}

	async stop() {
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}

	handle(req, res) {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			let body = {};
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
			} catch {
				body = {};
			}
			const key = String(body.contactId ?? body.phone ?? '');
			const answer = (status, headers, payload) =>
				setTimeout(() => {
					res.writeHead(status, { 'content-type': 'application/json', ...headers });
					res.end(JSON.stringify(payload));
				}, this.latencyMs);
			// The processes' warm-up request: not part of the job.
			if (key.includes('11900000000') || key.includes('5511900000000')) return answer(201, {}, { id: 'warm', messageId: 'warm', conversationId: 'warm' });
			const arrived = now();
			this.stats.requests++;
			while (this.window.length > 0 && this.window[0] <= arrived - this.windowMs) this.window.shift();
			if (this.window.length >= this.limit) {
				this.stats.rejected429++;
				return answer(429, this.headers(this.limit, 0, this.windowMs), { statusCode: 429, message: 'Too Many Requests' });
			}
			this.window.push(arrived);
			this.stats.accepted++;
			this.perItem.set(key, (this.perItem.get(key) ?? 0) + 1);
			const n = this.stats.accepted;
			return answer(201, this.headers(this.limit, this.limit - this.window.length, this.windowMs), { id: `m-${n}`, status: 'queued', conversationId: `conv-${n}`, messageId: `msg-${n}` });
		});
	}
}

function startChild(options) {
	const proc = spawn(process.execPath, [__filename, 'child', JSON.stringify(options)], { stdio: ['pipe', 'pipe', 'inherit'] });
	const lines = readline.createInterface({ input: proc.stdout });
	const waiters = [];
	const seen = [];
	lines.on('line', (line) => {
		seen.push(line);
		for (const waiter of [...waiters]) waiter();
	});
	const waitFor = (predicate) =>
		new Promise((resolve, reject) => {
			const check = () => {
				const found = seen.find(predicate);
				if (found !== undefined) {
					waiters.splice(waiters.indexOf(check), 1);
					resolve(found);
				}
			};
			waiters.push(check);
			proc.once('exit', (code) => reject(new Error(`bench worker ${options.worker} exited with ${code}`)));
			check();
		});
	return { proc, ready: () => waitFor((l) => l === 'ready'), done: () => waitFor((l) => l.startsWith('{')).then((l) => JSON.parse(l)) };
}

/** One run: K processes, `items` each, one style. */
async function scenario(styleName, K, items) {
	const style = STYLES[styleName];
	const server = new LimitServer({ limit: style.limit, windowMs: style.windowMs, headers: style.headers, latencyMs: 200 });
	await server.start();
	try {
		const children = Array.from({ length: K }, (_, k) =>
			startChild({ base: server.base, provider: style.provider, items, offset: 1000 + k * 10_000, requestsPerMinute: style.requestsPerMinute, worker: k }),
		);
		await Promise.all(children.map((c) => c.ready()));
		// All K start together, as workers that pick up executions queued at once.
		const started = now();
		for (const c of children) c.proc.stdin.write('go\n');
		const results = await Promise.all(children.map(async (c) => ({ ...(await c.done()), at: now() })));
		const elapsed = Math.max(...results.map((r) => r.at)) - started;
		for (const c of children) c.proc.stdin.end();
		const total = K * items;
		const allowedMs = (total * style.windowMs) / style.limit;
		const duplicates = [...server.perItem.values()].reduce((sum, count) => sum + Math.max(0, count - 1), 0);
		const failed = results.reduce((sum, r) => sum + r.failed, 0);
		return {
			style: styleName,
			K,
			total,
			elapsed,
			allowedMs,
			requests: server.stats.requests,
			rejected429: server.stats.rejected429,
			failed,
			duplicates,
			missing: total - server.perItem.size,
			firstError: results.find((r) => r.firstError)?.firstError,
		};
	} finally {
		await server.stop();
	}
}

/** Every arm side by side; returns the rows for RESULTS.md. */
async function run() {
	const rows = [];
	for (const styleName of Object.keys(STYLES)) {
		for (const K of [3, 5]) {
			const r = await scenario(styleName, K, Number(process.env.BENCH_WORKER_ITEMS) || STYLES[styleName].items);
			const ratio = r.elapsed / r.allowedMs;
			const share429 = r.rejected429 / r.requests;
			rows.push({
				'header style': STYLES[styleName].label,
				processes: K,
				'items (all processes)': r.total,
				'time ÷ time the limit allows': `${round(ratio, 2)}×`,
				'job s / allowed s': `${round(r.elapsed / 1000, 1)} / ${round(r.allowedMs / 1000, 1)}`,
				requests: r.requests,
				'429s': `${r.rejected429} (${round(share429 * 100, 2)} %)`,
				'failed items': r.failed,
				duplicates: r.duplicates,
				'target ≤1.25×, ≤1 % 429s, 0 failed, 0 duplicates':
					ratio <= 1.25 && share429 <= 0.01 && r.failed === 0 && r.duplicates === 0 && r.missing === 0 ? 'met' : 'not met',
			});
			console.log('  ' + Object.entries(rows.at(-1)).map(([k, v]) => `${k}: ${v}`).join(' | ') + (r.firstError ? ` | first error: ${r.firstError}` : ''));
		}
	}
	return rows;
}

module.exports = { run, STYLES };

if (require.main === module) {
	if (process.argv[2] === 'child') {
		child(JSON.parse(process.argv[3])).catch((error) => {
			console.error(error);
			process.exit(1);
		});
	} else {
		run().catch((error) => {
			console.error(error);
			process.exit(1);
		});
	}
}
