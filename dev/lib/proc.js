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
		/**
		 * SIGTERM to the child's process group, SIGKILL after `graceMs`. `onWait(seconds)` is called every
		 * `everyMs` while it has not stopped, so a caller can show progress.
		 */
		async stop(graceMs = 15000, { onWait, everyMs = 3000 } = {}) {
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
			const since = Date.now();
			const timer = setTimeout(() => signal('SIGKILL'), graceMs);
			const progress = onWait ? setInterval(() => onWait(Math.round((Date.now() - since) / 1000)), everyMs) : undefined;
			await gone;
			clearTimeout(timer);
			clearInterval(progress);
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



// ---- Process trees, for stopping `npm run dev` completely (Linux /proc; elsewhere these see nothing) ----

/** Every process on the machine: pid → { pid, ppid, pgid, state, start, cmd }. Empty without /proc. */
function processTable() {
	const table = new Map();
	let entries = [];
	try {
		entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
	} catch {
		return table;
	}
	for (const name of entries) {
		const entry = readProc(Number(name));
		if (entry) table.set(entry.pid, entry);
	}
	return table;
}

/** One process from /proc/<pid>/stat (the command name may hold spaces and parentheses). */
function readProc(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		let cmd = '';
		try {
			cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
		} catch {
			// gone meanwhile
		}
		// fields[0] is field 3 of stat: state; 4 ppid; 5 pgrp; 22 starttime.
		return { pid, state: fields[0], ppid: Number(fields[1]), pgid: Number(fields[2]), start: fields[19], cmd };
	} catch {
		return undefined;
	}
}

/**
 * The processes under `rootPid` (children, theirs, …), plus every member of the process groups they
 * lead: a detached child leads its own group, and what it started stays in that group even when
 * orphaned and adopted by init.
 */
function processTree(rootPid, table = processTable()) {
	const found = new Map();
	const queue = [rootPid];
	while (queue.length > 0) {
		const parent = queue.shift();
		for (const p of table.values()) {
			if (p.ppid === parent && !found.has(p.pid)) {
				found.set(p.pid, p);
				queue.push(p.pid);
			}
		}
	}
	const groups = new Set([...found.values()].filter((p) => p.pgid === p.pid).map((p) => p.pgid));
	for (const p of table.values()) if (groups.has(p.pgid) && p.pid !== rootPid && !found.has(p.pid)) found.set(p.pid, p);
	return [...found.values()];
}

/** Whether this very process (same pid and start time) still runs; a zombie has ended. */
function stillRunning(entry) {
	const now = readProc(entry.pid);
	return Boolean(now && now.start === entry.start && now.state !== 'Z' && now.state !== 'X');
}

/** TCP ports (IPv4 and IPv6) on which any of these processes listens. */
function listeningPorts(pids) {
	const inodes = new Map();
	for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let text = '';
		try {
			text = fs.readFileSync(file, 'utf8');
		} catch {
			continue;
		}
		for (const line of text.split('\n').slice(1)) {
			const cols = line.trim().split(/\s+/);
			// st 0A = LISTEN; local_address is hexip:hexport; column 10 is the socket inode.
			if (cols.length > 9 && cols[3] === '0A') inodes.set(cols[9], parseInt(cols[1].split(':')[1], 16));
		}
	}
	const ports = new Set();
	for (const pid of pids) {
		let fds = [];
		try {
			fds = fs.readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue;
		}
		for (const fd of fds) {
			try {
				const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
				if (match && inodes.has(match[1])) ports.add(inodes.get(match[1]));
			} catch {
				// closed meanwhile
			}
		}
	}
	return [...ports].sort((a, b) => a - b);
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
function portAnswers(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ port, host: '127.0.0.1' });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/**
 * The processes whose end means this one was asked to stop: its parent, and when it runs under
 * `npm run` (npm → sh -c → node), every ancestor up to and including npm. npm forwards only SIGINT
 * and SIGTERM, and only to its own child; a SIGHUP kills npm, and dash killed by a signal forwards
 * nothing, so a run whose launcher is gone must notice by itself.
 */
function launchers(table = processTable()) {
	const chain = [];
	let pid = process.ppid;
	for (let depth = 0; depth < 4 && pid > 1; depth += 1) {
		const entry = table.get(pid);
		if (!entry) break;
		chain.push(entry);
		if (/(^|[\s/])npm(-cli\.js)?(\s|$)/.test(entry.cmd) || !process.env.npm_lifecycle_event) break;
		pid = entry.ppid;
	}
	return chain.slice(0, process.env.npm_lifecycle_event ? chain.length : 1);
}

/**
 * Makes `stop()` run once when this process gets SIGINT, SIGTERM or SIGHUP, or when its launcher
 * (parent, or npm and the shell in between) ends. Then whatever is still running under this process
 * (children, their process groups) is ended too (SIGTERM, SIGKILL after `graceMs`), the ports they
 * listened on are checked closed, one last line says so, and the process exits 0.
 * Returns `isStopping()`.
 */
function stopOnSignals({ stop, log = console.log, graceMs = 15000, pollMs = 500, label = 'dev' }) {
	let stopping = false;
	const watched = launchers();
	// After a hangup the terminal may be gone: a failed write to it must not end this process before
	// it has stopped what it started.
	for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
	const stopAll = async (why) => {
		if (stopping) return;
		stopping = true;
		clearInterval(watchdog);
		log(`${why}: stopping everything ${label} started …`);
		const tree = processTree(process.pid);
		const ports = listeningPorts([process.pid, ...tree.map((p) => p.pid)]);
		try {
			await stop();
		} catch (e) {
			log(`stopping failed: ${e.message}; ending what is left`);
		}
		// What started meanwhile (a signal during the boot) is ours too.
		for (const p of processTree(process.pid)) if (!tree.some((t) => t.pid === p.pid)) tree.push(p);
		const left = tree.filter(stillRunning);
		if (left.length > 0) {
			log(`ending ${left.length} leftover process(es): ${left.map((p) => `${p.pid} ${p.cmd.slice(0, 60)}`).join('; ')}`);
			for (const p of left) signalProcess(p.pid, 'SIGTERM');
			const deadline = Date.now() + graceMs;
			while (left.some(stillRunning) && Date.now() < deadline) await sleep(200);
			for (const p of left.filter(stillRunning)) signalProcess(p.pid, 'SIGKILL');
		}
		const running = tree.filter(stillRunning);
		const open = [];
		for (const port of ports) if (!(await isOwnPort(port)) && (await portAnswers(port))) open.push(port);
		if (running.length === 0 && open.length === 0) {
			log(`all stopped: ${tree.length} process(es) ended${ports.length ? `, ports ${ports.join(', ')} closed` : ''}.`);
		} else {
			log(`still running: ${running.map((p) => p.pid).join(', ') || 'none'}; still listening: ${open.join(', ') || 'none'}`);
		}
		process.exit(running.length === 0 ? 0 : 1);
	};
	// The ports this process itself listens on (the sandbox) close when it exits.
	const isOwnPort = async (port) => listeningPorts([process.pid]).includes(port);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(signal, () => {
			if (stopping) log(`${signal}: already stopping, please wait`);
			void stopAll(signal);
		});
	}
	const watchdog = setInterval(() => {
		const gone = watched.find((p) => !stillRunning(p));
		if (gone) void stopAll(`${gone.cmd.split(' ').slice(0, 3).join(' ')} (pid ${gone.pid}) ended`);
	}, pollMs);
	return { isStopping: () => stopping, stopAll };
}

function signalProcess(pid, signal) {
	try {
		process.kill(pid, signal);
	} catch {
		// already gone
	}
}

module.exports = {
	freePort,
	sleep,
	waitFor,
	startProcess,
	runCommand,
	processTable,
	processTree,
	stillRunning,
	listeningPorts,
	portAnswers,
	launchers,
	stopOnSignals,
};
