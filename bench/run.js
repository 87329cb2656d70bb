#!/usr/bin/env node
// Benchmarks: `npm run bench` (Node 24). The nodes run through the test harness (n8n-core's
// WorkflowExecute, n8n's real HTTP helper) against a local HTTP server on 127.0.0.1 that emulates
// each provider's send endpoint, with a latency and an enforced rate limit (429 + Retry-After).
// Every figure is measured side by side in this one run and printed as a ratio; the run writes
// bench/RESULTS.md. It asserts nothing about speed: it exits non-zero only when it cannot run.
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { generateKeyPairSync, sign } = require('crypto');

const ROOT = path.join(__dirname, '..');

require('./loadTs');

const { runNode } = require('../test/harness');
const { IagenteSdr } = require('../nodes/IagenteSdr/IagenteSdr.node.ts');
const { Leadway } = require('../nodes/Leadway/Leadway.node.ts');
const { LigueLead } = require('../nodes/LigueLead/LigueLead.node.ts');
const { Superlead } = require('../nodes/Superlead/Superlead.node.ts');
const { IagenteSdrApi } = require('../credentials/IagenteSdrApi.credentials.ts');
const { LeadwayApi } = require('../credentials/LeadwayApi.credentials.ts');
const { LigueLeadApi } = require('../credentials/LigueLeadApi.credentials.ts');
const { SuperleadApi } = require('../credentials/SuperleadApi.credentials.ts');
const { parseBrazilianPhone } = require('../nodes/shared/phone.ts');
const { computeHmac, verifyEd25519, verifyHmac } = require('../nodes/shared/signature.ts');

const now = () => Number(process.hrtime.bigint()) / 1e6;
const round = (value, digits = 1) => Number(value.toFixed(digits));
const pct = (value) => `${round(value * 100, 1)} %`;
const times = (value) => `${round(value, 2)}×`;

// ---------------------------------------------------------------------------------------------
// The emulated providers: one server, reconfigured per scenario.

class ProviderServer {
	constructor() {
		this.config = { latencyMs: 50, limit: undefined };
		this.reset();
		this.server = http.createServer((req, res) => this.handle(req, res));
		this.server.keepAliveTimeout = 5000;
		this.server.on('connection', () => this.stats.connections++);
	}

	async start() {
		await new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.base = `http://127.0.0.1:${this.server.address().port}`;
	}

	async stop() {
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}

	/** latencyMs: time before each answer; limit: { count, windowMs } enforced as a sliding window. */
	configure({ latencyMs = 50, limit } = {}) {
		this.config = { latencyMs, limit };
		this.reset();
	}

	reset() {
		this.stats = { requests: 0, accepted: 0, rejected429: 0, connections: 0, recipients: 0, firstAt: 0, lastAt: 0 };
		this.window = [];
	}

	handle(req, res) {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			const arrived = now();
			this.stats.requests++;
			const { limit } = this.config;
			if (limit) {
				while (this.window.length > 0 && this.window[0] <= arrived - limit.windowMs) this.window.shift();
				if (this.window.length >= limit.count) {
					this.stats.rejected429++;
					const retryAfter = Math.max(1, Math.ceil((this.window[0] + limit.windowMs - arrived) / 1000));
					res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfter) });
					res.end(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests' } }));
					return;
				}
				this.window.push(arrived);
			}
			this.stats.accepted++;
			if (!this.stats.firstAt) this.stats.firstAt = arrived;
			this.stats.lastAt = arrived;
			let body = {};
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
			} catch {
				body = {};
			}
			if (Array.isArray(body.phones)) this.stats.recipients += body.phones.length;
			const [status, answer] = answerFor(req.url, this.stats.accepted);
			const respond = () => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(answer));
			};
			if (this.config.latencyMs > 0) setTimeout(respond, this.config.latencyMs);
			else respond();
		});
	}
}

/** What each provider's send endpoint answers (the shapes of their docs). */
function answerFor(url, n) {
	if (url.includes('/whatsapp/messages')) return [201, { id: `m-${n}`, status: 'queued' }];
	if (url.includes('/conversations/messages')) return [201, { conversationId: `conv-${n}`, messageId: `msg-${n}`, msg: 'Message queued successfully.' }];
	if (url.includes('/v1/messages')) return [201, { id: `msg_${n}`, to: '+5511999999999', type: 'text', status: 'accepted', created_at: '2026-11-21T12:00:00Z' }];
	return [202, { message: 'accepted successfully', data: { campaign_id: `c-${n}`, accepted_at: '2026-11-21T12:00:00Z' } }];
}

// ---------------------------------------------------------------------------------------------
// The nodes, as a user would configure a send.

const phone = (n) => `119${String(n).padStart(8, '0')}`;
const phoneItems = (count, offset = 0) => Array.from({ length: count }, (_, n) => ({ phone: phone(n + offset) }));

const PROVIDERS = {
	ligueLeadRcs: {
		label: 'LigueLead RCS send',
		node: LigueLead,
		credentials: (base) => ({ ligueLeadApi: { type: LigueLeadApi, data: { apiToken: 'bench-token', appId: 'bench-app', baseUrl: `${base}/v1` } } }),
		parameters: {
			resource: 'rcs',
			operation: 'send',
			phones: '={{ $json.phone }}',
			sendAs: 'message',
			message: 'Seu pedido saiu para entrega',
			agentId: { __rl: true, mode: 'id', value: '7b3c1e90-4d2a-4f11-9c8e-2a5b6d0f3e47' },
		},
	},
	ligueLeadSms: {
		label: 'LigueLead SMS send (send to many off)',
		node: LigueLead,
		credentials: (base) => PROVIDERS.ligueLeadRcs.credentials(base),
		parameters: { resource: 'sms', operation: 'send', title: 'Bench', message: 'Oferta de hoje', phones: '={{ $json.phone }}', options: { sendToMany: false } },
	},
	ligueLeadVoice: {
		label: 'LigueLead voice send (send to many off)',
		node: LigueLead,
		credentials: (base) => PROVIDERS.ligueLeadRcs.credentials(base),
		parameters: {
			resource: 'voice',
			operation: 'send',
			title: 'Bench',
			audio: { __rl: true, mode: 'id', value: '436514' },
			phones: '={{ $json.phone }}',
			options: { sendToMany: false },
		},
	},
	iagenteSdr: {
		label: 'IAGENTE SDR WhatsApp text',
		node: IagenteSdr,
		credentials: (base) => ({ iagenteSdrApi: { type: IagenteSdrApi, data: { apiKey: 'sk_live_bench_key_0001', baseUrl: `${base}/api/v1`, authHeader: 'bearer' } } }),
		parameters: { resource: 'whatsAppMessage', operation: 'send', sendTo: 'phone', phone: '={{ $json.phone }}', messageType: 'text', text: 'Oi' },
	},
	superlead: {
		label: 'Superlead WhatsApp text',
		node: Superlead,
		credentials: (base) => ({ superleadApi: { type: SuperleadApi, data: { apiKey: 'sl_live_bench_key_0001', baseUrl: base, webhookSecret: 'whsec_bench_0001' } } }),
		parameters: { resource: 'message', operation: 'send', to: '={{ $json.phone }}', messageType: 'text', text: 'Olá!' },
	},
	leadway: {
		label: 'Leadway SMS to a contact',
		node: Leadway,
		credentials: (base) => ({
			leadwayApi: { type: LeadwayApi, data: { accessToken: 'pit-bench-token-0001', locationId: 'bench-location', baseUrl: base, apiVersion: '2021-07-28' } },
		}),
		parameters: {
			resource: 'message',
			operation: 'send',
			type: 'SMS',
			contactBy: 'contact',
			contactId: { __rl: true, mode: 'id', value: '={{ "contact-" + $json.phone }}' },
			message: 'Olá! Seu pedido saiu para entrega.',
		},
	},
};

/** Runs one provider's node over `input` with the given Request Options; fails loudly if it cannot run. */
async function send(server, provider, input, requestOptions = {}, extra = {}) {
	const spec = PROVIDERS[provider];
	const parameters = { ...spec.parameters, requestOptions, ...(extra.parameters ?? {}) };
	const started = now();
	const result = await runNode(
		{
			node: spec.node,
			credentials: spec.credentials(server.base),
			parameters,
			continueOnFail: true,
			executionId: extra.executionId ?? `bench-${provider}-${Math.random().toString(36).slice(2)}`,
		},
		input,
	);
	const elapsed = now() - started;
	if (result.error) throw new Error(`${spec.label}: ${result.error.message}`);
	const failed = result.items.filter((item) => item.json.error !== undefined);
	return { elapsed, items: result.items.length, failed: failed.length, firstError: failed[0]?.json.error };
}

// ---------------------------------------------------------------------------------------------
// The figures.

/** Requests per second the server accepted, from the first arrival to the last. */
const serverRate = (stats) => (stats.accepted > 1 ? (stats.accepted - 1) / ((stats.lastAt - stats.firstAt) / 1000) : 0);

const results = { sections: [] };
function section(title, note) {
	const entry = { title, note, rows: [] };
	results.sections.push(entry);
	console.log(`\n## ${title}`);
	if (note) console.log(note);
	return entry;
}
function row(entry, values) {
	entry.rows.push(values);
	console.log('  ' + Object.entries(values).map(([k, v]) => `${k}: ${v}`).join(' | '));
}

async function sends(server) {
	const entry = section(
		'1a. Sends: this package vs the same requests one after another (LigueLead per-item operations, 50 ms)',
		'Sequential = the same node with "Max Concurrent Requests" 1 (what every node did before); speedup = sequential time ÷ this package\'s time for the same sends.',
	);
	// LigueLead per-item operations at 50 ms: the documented limit (600,000/min) never binds.
	const count = Number(process.env.BENCH_LIGUELEAD_SENDS || 150);
	for (const provider of ['ligueLeadRcs', 'ligueLeadSms', 'ligueLeadVoice']) {
		server.configure({ latencyMs: 50 });
		const concurrent = await send(server, provider, phoneItems(count));
		const concurrentConnections = server.stats.connections;
		server.configure({ latencyMs: 50 });
		const sequential = await send(server, provider, phoneItems(count), { maxConcurrentRequests: 1 });
		row(entry, {
			operation: PROVIDERS[provider].label,
			sends: count,
			failed: concurrent.failed + sequential.failed,
			speedup: times(sequential.elapsed / concurrent.elapsed),
			'target ≥5×': sequential.elapsed / concurrent.elapsed >= 5 ? 'met' : 'not met',
			'TCP connections per request': round(concurrentConnections / count, 2),
		});
	}

	const capEntry = section(
		'1b. Sends where the documented cap is below what concurrency reaches, at 200 ms, server enforcing the cap',
		'Sequential = "Max Concurrent Requests" 1, measured over 20 sends (its rate is steady). Server-side = accepted requests per second from the first arrival to the last; whole node run also counts the node checking all items before the first send.',
	);
	// Providers whose documented cap is below what concurrency reaches, at 200 ms. The 60/min
	// providers run on a window scaled down 10× (60 per 6 s, node set to 600/min) to keep the run short.
	const capped = [
		{ provider: 'iagenteSdr', cap: { count: 60, windowMs: 6000 }, perMinute: 600, sends: 60, scaled: 'documented 60/min, window scaled to 60 per 6 s' },
		{ provider: 'superlead', cap: { count: 60, windowMs: 6000 }, perMinute: 600, sends: 60, scaled: 'documented 60/min, window scaled to 60 per 6 s' },
		{ provider: 'leadway', cap: { count: 100, windowMs: 10_000 }, perMinute: undefined, sends: 100, scaled: 'documented 100 per 10 s, not scaled (node default)' },
	];
	for (const { provider, cap, perMinute, sends: total, scaled } of capped) {
		const options = perMinute ? { maxRequestsPerMinute: perMinute } : {};
		server.configure({ latencyMs: 200, limit: cap });
		const concurrent = await send(server, provider, phoneItems(total), options);
		const stats = { ...server.stats };
		// The sequential rate is steady, so a shorter run measures it.
		const sample = 20;
		server.configure({ latencyMs: 200, limit: cap });
		const sequential = await send(server, provider, phoneItems(sample), { ...options, maxConcurrentRequests: 1 });
		const capRate = cap.count / (cap.windowMs / 1000);
		const rate = total / (concurrent.elapsed / 1000);
		const sequentialRate = sample / (sequential.elapsed / 1000);
		row(capEntry, {
			operation: PROVIDERS[provider].label,
			limit: scaled,
			sends: total,
			failed: concurrent.failed,
			'429s': stats.rejected429,
			'% of cap (server-side)': pct(serverRate(stats) / capRate),
			'% of cap (whole node run)': pct(rate / capRate),
			'sequential % of cap': pct(sequentialRate / capRate),
			speedup: times(rate / sequentialRate),
			'target ≥90 %, 0 429s': serverRate(stats) / capRate >= 0.9 && stats.rejected429 === 0 ? 'met' : 'not met',
		});
	}
}

async function enforcedLimit(server) {
	const entry = section(
		'2. Under an enforced limit: 20 requests per 2 s (429 + Retry-After beyond it), 200 sends, 50 ms',
		'IAGENTE SDR WhatsApp text with "Max Requests per Minute" = 600 (the server\'s 20 per 2 s); allowed rate 10/s. Server-side = accepted requests per second from the first arrival to the last; whole node run also counts the node checking all items before the first send.',
	);
	const limit = { count: 20, windowMs: 2000 };
	const allowed = 10;
	const total = 200;

	const limitRow = (run, failed, elapsed) =>
		row(entry, {
			run,
			sends: total,
			'failed items': failed,
			'429s': server.stats.rejected429,
			'% of allowed rate (server-side)': pct(serverRate(server.stats) / allowed),
			'% of allowed rate (whole node run)': pct(total / (elapsed / 1000) / allowed),
		});

	server.configure({ latencyMs: 50, limit });
	const one = await send(server, 'iagenteSdr', phoneItems(total), { maxRequestsPerMinute: 600 });
	limitRow('1 execution', one.failed, one.elapsed);

	server.configure({ latencyMs: 50, limit });
	const started = now();
	const parallel = await Promise.all(
		Array.from({ length: 5 }, (_, n) =>
			send(server, 'iagenteSdr', phoneItems(total / 5, n * 1000), { maxRequestsPerMinute: 600 }, { executionId: `bench-parallel-${n}` }),
		),
	);
	limitRow(
		'5 executions at once, one credential',
		parallel.reduce((sum, run) => sum + run.failed, 0),
		now() - started,
	);

	// The same limit when the node is not told it (its default is IAGENTE's 60/min, so here it is set
	// far above the server's): it learns the limit from 429s and waits what Retry-After says.
	const unaware = 60;
	server.configure({ latencyMs: 50, limit });
	const blind = await send(server, 'iagenteSdr', phoneItems(unaware), { maxRequestsPerMinute: 60_000 });
	row(entry, {
		run: '1 execution, "Max Requests per Minute" above the server\'s limit (429 fallback)',
		sends: unaware,
		'failed items': blind.failed,
		'429s': server.stats.rejected429,
		// A short run that starts with the server's window empty (a burst of 20 is allowed): its rate says nothing.
		'% of allowed rate (server-side)': '—',
		'% of allowed rate (whole node run)': '—',
	});
}

async function sendToMany(server) {
	const entry = section(
		'3. Bulk SMS: 10,000 recipients through LigueLead send-to-many vs one request per recipient (50 ms)',
		'The one-request-per-recipient arm is estimated from a sample of 500 recipients (send to many off, default concurrency) and scaled to 10,000.',
	);
	const recipients = 10_000;
	server.configure({ latencyMs: 50 });
	const many = await send(server, 'ligueLeadSms', phoneItems(recipients), {}, { parameters: { options: { sendToMany: true } } });
	const manyRequests = server.stats.requests;
	const manyRecipients = server.stats.recipients;
	const sample = 500;
	server.configure({ latencyMs: 50 });
	const single = await send(server, 'ligueLeadSms', phoneItems(sample));
	const perRecipientEstimate = (single.elapsed / sample) * recipients;
	row(entry, {
		recipients,
		'requests (send to many)': manyRequests,
		'recipients in them': manyRecipients,
		'failed items': many.failed + single.failed,
		'requests (one per recipient)': recipients,
		'time ratio (one per recipient ÷ send to many)': times(perRecipientEstimate / many.elapsed),
		'vs one after another (10,000 × 50 ms)': times((recipients * 50) / many.elapsed),
	});
}

function packageFigures() {
	const entry = section('5. Package', 'Cold load: a fresh Node process requires n8n-workflow, then every node and credential listed in package.json from dist/ and constructs each class.');
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes'))) {
		console.log('  dist/ is missing: building it (npm run build)');
		execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
	}
	const files = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((file) => path.join(ROOT, file));
	// n8n-workflow is loaded by n8n itself before any community node; measured apart.
	// One fresh process per run: first n8n-workflow alone (n8n itself has it loaded before any
	// community node), then every file of the package, each timed apart.
	const script = `const h=()=>Number(process.hrtime.bigint())/1e6;let t=h();require('n8n-workflow');const w=h()-t;t=h();for(const f of ${JSON.stringify(files)}){const m=require(f);for(const k of Object.keys(m)){if(typeof m[k]==='function'&&/^[A-Z]/.test(k))new m[k]();}}console.log(JSON.stringify({w,p:h()-t}));`;
	const runs = [];
	for (let n = 0; n < 3; n++) {
		const out = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
		if (out.status !== 0) throw new Error(`cold load failed: ${out.stderr}`);
		runs.push(JSON.parse(out.stdout.trim()));
	}
	const median = (values) => values.sort((a, b) => a - b)[1];
	const workflowOnly = median(runs.map((r) => r.w));
	const own = median(runs.map((r) => r.p));
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
	)[0];
	row(entry, {
		'nodes + credentials': files.length,
		'cold load of the package (median of 3)': `${round(own, 0)} ms`,
		'n8n-workflow before it (n8n has it loaded already)': `${round(workflowOnly, 0)} ms`,
		'packed size': `${round(packed.size / 1024, 1)} KB`,
		'unpacked size': `${round(packed.unpackedSize / 1024, 1)} KB`,
		files: packed.entryCount,
		'runtime dependencies': Object.keys(pkg.dependencies ?? {}).length,
	});
}

function perSecond(fn, minMs = 400) {
	let count = 0;
	const started = now();
	while (now() - started < minMs) {
		for (let n = 0; n < 100; n++) fn(count++);
	}
	return Math.round(count / ((now() - started) / 1000));
}

function verification() {
	const entry = section('6. Webhook verification and phone parsing (per second, one core)');
	const body = Buffer.alloc(4096, 'a');
	const secret = 'bench-secret';
	const signature = `sha256=${computeHmac(secret, body)}`;
	const { publicKey, privateKey } = generateKeyPairSync('ed25519');
	const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
	const edSignature = sign(null, body, privateKey).toString('base64');
	if (!verifyHmac({ secret, payload: body, signature, prefix: 'sha256=' })) throw new Error('HMAC check failed');
	if (!verifyEd25519(publicPem, body, edSignature)) throw new Error('Ed25519 check failed');
	const phones = ['(11) 99999-9999', '+55 21 98888-7777', '011 3333-4444', '5531977776666', '0 21 11 99999-9999'];
	row(entry, {
		'HMAC-SHA256, 4 KB body': perSecond(() => verifyHmac({ secret, payload: body, signature, prefix: 'sha256=' })).toLocaleString('en'),
		'Ed25519, 4 KB body': perSecond(() => verifyEd25519(publicPem, body, edSignature)).toLocaleString('en'),
		'phone parsing': perSecond((n) => parseBrazilianPhone(phones[n % phones.length])).toLocaleString('en'),
	});
}

async function workers() {
	const entry = section(
		'7. Workers: K separate processes sending on one account, against one server that enforces the limit (200 ms)',
		'Each process runs the node through the harness on one credential (150 Leadway SMS or 100 IAGENTE SDR messages), all starting together (as queue-mode workers picking up executions queued at once); the server is a sliding window that answers 429 without Retry-After. The time the limit allows = items × window ÷ limit (the sustained rate). Duplicates = items the server accepted more than once. bench/workers.js.',
	);
	for (const values of await require('./workers.js').run()) entry.rows.push(values);
}

/** Figures another part of the suite contributes (bench/<name>.js exporting async run() → { name, figures }). */
async function extraSuites() {
	for (const file of ['phone.js']) {
		const full = path.join(__dirname, file);
		if (!fs.existsSync(full)) continue;
		const { name, figures } = await require(full).run();
		const entry = section(name);
		const list = Array.isArray(figures) ? figures : [figures];
		for (const figure of list) row(entry, typeof figure === 'object' && figure !== null ? figure : { value: figure });
	}
}

function writeResults(totalMs) {
	const lines = [
		'# Benchmark results',
		'',
		`Written by \`npm run bench\` (bench/run.js) on ${new Date().toISOString()}: Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${os.platform()} ${os.arch()}, run took ${round(totalMs / 1000, 0)} s.`,
		`Shared machine (load average at the start: ${results.loadAtStart.map((l) => round(l, 1)).join(', ')}): absolute times vary with load; the ratios compare arms measured side by side in this one run.`,
		'',
	];
	for (const { title, note, rows } of results.sections) {
		lines.push(`## ${title}`, '');
		if (note) lines.push(note, '');
		if (rows.length === 0) continue;
		const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
		lines.push(`| ${keys.join(' | ')} |`, `| ${keys.map(() => '---').join(' | ')} |`);
		for (const r of rows) lines.push(`| ${keys.map((k) => String(r[k] ?? '')).join(' | ')} |`);
		lines.push('');
	}
	fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), lines.join('\n'));
	console.log(`\nWrote bench/RESULTS.md`);
}

async function main() {
	const started = now();
	results.loadAtStart = os.loadavg();
	const server = new ProviderServer();
	await server.start();
	try {
		// Warm-up: the first run of each node pays for loading and compiling code, not for sending.
		server.configure({ latencyMs: 0 });
		for (const provider of Object.keys(PROVIDERS)) await send(server, provider, phoneItems(5), { maxRequestsPerMinute: 600_000 });
		const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : undefined;
		const steps = { sends, enforcedLimit, sendToMany, overhead: (target) => require('./perRequest').perRequest(target, { section, row }), workers };
		const all = { ...steps, package: packageFigures, verification, extra: extraSuites };
		for (const [name, step] of Object.entries(all)) {
			if (only && !only.includes(name)) continue;
			const stepStarted = now();
			await step(server);
			console.log(`  (${name}: ${round((now() - stepStarted) / 1000, 1)} s)`);
		}
	} finally {
		await server.stop();
	}
	writeResults(now() - started);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
