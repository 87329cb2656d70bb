// Process, port and polling helpers shared by `npm run dev` and the end-to-end suite.
'use strict';
const fs = require('fs');
const net = require('net');
const { spawn } = require('child_process');

/** A free TCP port on 127.0.0.1 (the OS picks it; others run servers on this machine at the same time). */
function freePort() {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `check` until it returns a truthy value or the deadline passes; never a fixed wait.
 * `what` names the condition in the error; `lastState` (optional) says what was seen last.
 */
async function waitFor(what, check, { timeoutMs = 60000, intervalMs = 250, failFast } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last;
	for (;;) {
		if (failFast) {
			const reason = failFast();
			if (reason) throw new Error(`${what}: ${reason}`);
		}
		try {
			const value = await check();
			if (value) return value;
			last = value;
		} catch (e) {
			last = e;
		}
		if (Date.now() > deadline) {
			const seen = last instanceof Error ? last.message : JSON.stringify(last);
			throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what} (last seen: ${seen})`);
		}
		await sleep(intervalMs);
	}
}

/**
 * Starts a long-running child with its output in a log file. Returns a handle whose `exited` tells
 * whether (and how) it stopped, and whose `stop()` ends it (SIGTERM, then SIGKILL after a grace period).
 */
function startProcess(name, cmd, args, { env, cwd, logFile, detached = true } = {}) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', out, out], detached });
	fs.closeSync(out);
	const handle = {
		name,
		pid: child.pid,
		logFile,
		exited: null,
		child,
		log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
		tail: (n = 40) => handle.log().split('\n').slice(-n).join('\n'),
		async stop(graceMs = 15000) {
			if (handle.exited) return;
			const gone = new Promise((r) => child.once('exit', r));
			const signal = (sig) => {
				try {
					// detached: the child leads its own process group, so its own children stop with it.
					process.kill(detached ? -child.pid : child.pid, sig);
				} catch {
					// already gone
				}
			};
			signal('SIGTERM');
			const timer = setTimeout(() => signal('SIGKILL'), graceMs);
			await gone;
			clearTimeout(timer);
		},
	};
	child.on('exit', (code, sig) => {
		handle.exited = { code, signal: sig };
	});
	child.on('error', (e) => {
		handle.exited = { error: e.message };
	});
	return handle;
}

/** Runs a command to completion; rejects with its output when it fails. */
function runCommand(cmd, args, { env, cwd, input } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { env, cwd, stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('error', reject);
		if (input) child.stdin.end(input);
		child.on('close', (code) =>
			code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${out.slice(-3000)}`)),
		);
	});
}

module.exports = { freePort, sleep, waitFor, startProcess, runCommand };
