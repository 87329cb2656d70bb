// Stopping `npm run dev`: SIGINT, SIGTERM or SIGHUP sent to npm, to the script's shell or to the dev
// process itself must end everything dev started (n8n, its task runner, the sandbox, anything they
// spawned), with no orphan and no port left listening. Each case starts real `npm run`, finds the
// whole process tree and its listening ports through /proc, sends one signal to one process, then
// waits (with a deadline) until npm has exited and requires every process gone and every port closed.
//  - the signal matrix runs against a stand-in for dev/run.js with the same stopping code
//    (fixtures/dev-standin.js) under the repository's own `dev` script line, in seconds;
//  - one real `npm run dev` (n8n 2.41.1 with its task runner) prints the link of a Send and Wait
//    message it runs (with the execution waiting), then gets SIGTERM on the npm PID.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { describe, it } = require('node:test');
const { processTree, stillRunning, listeningPorts, portAnswers, waitFor } = require('../../dev/lib/proc');
const { N8nClient } = require('../../dev/lib/n8n');
const { OWNER } = require('../../dev/lib/setup');
const { MANUAL } = require('./expectations');

const repoRoot = path.resolve(__dirname, '..', '..');
const DEV_SCRIPT = require('../../package.json').scripts.dev;
const STANDIN = path.join(__dirname, 'fixtures', 'dev-standin.js');
const linux = fs.existsSync('/proc/self/stat');

/** Starts `npm run dev` in `cwd` (npm leads its own process group, as under a process manager). */
function npmRunDev(cwd, env = {}) {
	const child = spawn('npm', ['run', 'dev'], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
	const run = { child, output: '', exited: null };
	child.stdout.on('data', (d) => (run.output += d));
	child.stderr.on('data', (d) => (run.output += d));
	child.on('exit', (code, signal) => (run.exited = { code, signal }));
	return run;
}

/** A package whose `dev` script is the repository's own line, with dev/run.js swapped for `script`. */
function standinPackage(scriptLine) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dev-stop-'));
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'dev-stop', version: '1.0.0', private: true, scripts: { dev: scriptLine } }));
	return dir;
}

/** Sends the signal, then requires npm gone, every process of the tree gone and every port closed. */
async function stopAndCheck(run, tree, ports, signal, targetPid, timeoutMs) {
	process.kill(targetPid, signal);
	try {
		await waitFor(
			`npm and the ${tree.length} processes it started to end after ${signal} to pid ${targetPid}`,
			() => run.exited && !tree.some(stillRunning),
			{ timeoutMs, intervalMs: 200 },
		);
	} catch (e) {
		const left = tree.filter(stillRunning).map((p) => `${p.pid} ${p.cmd}`);
		throw new Error(`${e.message}\nstill running: ${left.join('\n')}\noutput:\n${run.output.slice(-3000)}`);
	} finally {
		for (const p of tree.filter(stillRunning)) {
			try {
				process.kill(p.pid, 'SIGKILL');
			} catch {
				// gone
			}
		}
	}
	for (const port of ports) assert.equal(await portAnswers(port), false, `port ${port} still answers after ${signal}`);
	assert.match(run.output, /\[dev\] all stopped: \d+ process\(es\) ended/, `the last line says all stopped:\n${run.output.slice(-2000)}`);
}

const TARGETS = {
	npm: (run) => run.child.pid,
	// npm runs the line through `sh -c`; with `exec` the shell has become the dev process itself.
	sh: (run, tree) => tree.find((p) => p.ppid === run.child.pid).pid,
	'dev/run.js': (run, tree, ready) => ready.run,
};

async function standinCase(scriptLine, signal, target) {
	const dir = standinPackage(scriptLine);
	const run = npmRunDev(dir, { DEV_STANDIN_LOG: path.join(dir, 'n8n.log') });
	try {
		const ready = await waitFor('the stand-in to be ready', () => {
			const line = run.output.split('\n').find((l) => l.startsWith('{"ready"'));
			return line ? JSON.parse(line) : false;
		}, { timeoutMs: 60000, intervalMs: 100, failFast: () => (run.exited ? `npm exited first:\n${run.output}` : '') });
		const tree = processTree(run.child.pid);
		const pids = tree.map((p) => p.pid);
		for (const pid of [ready.run, ready.n8n.pid, ready.runner.pid, ready.escapee.pid]) assert.ok(pids.includes(pid), `pid ${pid} is in the tree`);
		const ports = listeningPorts(pids);
		assert.deepEqual(
			[ready.sandboxPort, ready.n8n.port, ready.runner.port, ready.escapee.port].filter((p) => !ports.includes(p)),
			[],
			'every listening port of the stand-in is found',
		);
		await stopAndCheck(run, tree, ports, signal, TARGETS[target](run, tree, ready), 60000);
	} finally {
		if (!run.exited) process.kill(-run.child.pid, 'SIGKILL');
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

describe('stopping npm run dev', { skip: !linux && 'reads process trees from /proc (Linux)' }, () => {
	const line = DEV_SCRIPT.replace('dev/run.js', JSON.stringify(STANDIN));
	assert.notEqual(line, DEV_SCRIPT, `package.json's dev script runs dev/run.js: ${DEV_SCRIPT}`);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		for (const target of Object.keys(TARGETS)) {
			it(`${signal} to ${target} ends the stand-in, its n8n, runner and escaped child, and closes their ports`, { timeout: 120000 }, () =>
				standinCase(line, signal, target),
			);
		}
	}
	// A runner that keeps the shell between npm and the script (yarn, another script-shell): npm's SIGTERM
	// kills the shell and SIGHUP kills npm, so the dev process notices its launcher is gone.
	const withShell = `node ${JSON.stringify(STANDIN)}`;
	for (const [signal, target] of [['SIGTERM', 'npm'], ['SIGHUP', 'npm'], ['SIGTERM', 'sh'], ['SIGHUP', 'sh']]) {
		it(`with a shell kept between npm and the script, ${signal} to ${target} ends everything`, { timeout: 120000 }, () =>
			standinCase(withShell, signal, target),
		);
	}

	it('SIGTERM to the npm PID of a real npm run dev ends n8n, its task runner and the sandbox', { timeout: 30 * 60 * 1000 }, async (t) => {
		const run = npmRunDev(repoRoot, { N8N_BR_DEV_RUN_DIR: path.join(repoRoot, '.dev', 'e2e-dev-stop') });
		try {
			await waitFor('npm run dev to be ready', () => /is ready with n8n-nodes-br-messaging/.test(run.output), {
				timeoutMs: 25 * 60 * 1000,
				intervalMs: 500,
				failFast: () => (run.exited ? `npm run dev exited first:\n${run.output.slice(-3000)}` : ''),
			});
			// The console says where Send and Wait links are, and prints one when its message reaches the sandbox.
			assert.match(run.output, /Send and Wait: the execution waits; its link is printed here/, 'the console explains Send and Wait links');
			const client = new N8nClient(`http://127.0.0.1:${/Open\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(run.output)[1]}`);
			await client.login(OWNER);
			const approval = (await client.request('GET', '/workflows')).find((w) => /ask for approval/i.test(w.name));
			assert.ok(approval, 'the IAGENTE approval example is imported');
			const executionId = await client.runManually(approval.id, MANUAL);
			await waitFor('the dev console to print the Send and Wait link', () => new RegExp(`open this link to answer it:\\s+http://127\\.0\\.0\\.1:\\d+/webhook-waiting/${executionId}/`).test(run.output), {
				timeoutMs: 120000,
				intervalMs: 300,
			});
			const tree = processTree(run.child.pid);
			const n8n = tree.filter((p) => /n8n/.test(p.cmd) && !/npm|dev\/run\.js/.test(p.cmd));
			assert.ok(n8n.some((p) => / start$/.test(p.cmd)), `n8n start is in the tree:\n${tree.map((p) => p.cmd).join('\n')}`);
			assert.ok(n8n.some((p) => /task-runner/.test(p.cmd)), `n8n's task runner is in the tree:\n${tree.map((p) => p.cmd).join('\n')}`);
			const ports = listeningPorts(tree.map((p) => p.pid));
			const url = /Open\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(run.output);
			assert.ok(url && ports.includes(Number(url[1])), `the editor port is among the listening ports ${ports.join(', ')}`);
			const stopAt = run.output.length;
			await stopAndCheck(run, tree, ports, 'SIGTERM', run.child.pid, 120000);
			for (const line of run.output.slice(stopAt).split('\n').filter((l) => l.startsWith('[dev]'))) t.diagnostic(line);
		} finally {
			if (!run.exited) process.kill(-run.child.pid, 'SIGKILL');
		}
	});
});
