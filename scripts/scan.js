#!/usr/bin/env node
// Runs n8n's verification scanner (@n8n/scan-community-package) on a package the way its CLI does,
// minus the two steps that need the public registry and GitHub (download of the published tarball,
// provenance check): analyzePackage() on the source folder with SOURCE_FILE_PATTERNS, then on the
// unpacked `npm pack` tarball with the tarball patterns. The scanner is installed once into a cache
// folder outside this project's dependencies (it pins its own eslint, typescript and rule plugins).
//
// Usage: node scripts/scan.js [package-dir ...]   (default: this repository, the combined package)
// Exits non-zero on any scanner error, on an inline ESLint directive in nodes/ or credentials/
// (the scanner ignores them, so they only hide problems from `npm run lint`), or on a setup failure.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { pathToFileURL } = require('url');

const SCANNER = '@n8n/scan-community-package';
const SCANNER_VERSION = '0.32.0';
// What the CLI passes for the tarball leg; not exported by the scanner, so checked against its source below.
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];
const TARBALL_CALL = "analyzePackage(packageDir, ['**/*.js', 'package.json'])";
const INLINE_DIRECTIVE = /\/[/*]\s*eslint(-disable|-enable|\s|$)/;

const root = path.join(__dirname, '..');
const cacheRoot = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
const scannerDir = path.join(cacheRoot, 'n8n-nodes-br-messaging', `scanner-${SCANNER_VERSION}`);
const marker = path.join(scannerDir, '.installed');

function run(command, args, options) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr || result.stdout}`);
	}
	return result.stdout;
}

// `npm run` exports the project's npm settings as npm_* variables; the scanner's own install must not
// inherit them (it is a separate project with its own package.json and .npmrc).
function cleanEnv() {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
	return env;
}

function installScanner() {
	if (fs.existsSync(marker)) return;
	console.log(`Installing ${SCANNER}@${SCANNER_VERSION} into ${scannerDir} (once)`);
	fs.rmSync(scannerDir, { recursive: true, force: true });
	fs.mkdirSync(scannerDir, { recursive: true });
	fs.writeFileSync(path.join(scannerDir, 'package.json'), '{ "private": true }\n');
	// yes=true: one of its ESLint plugins has a preinstall that calls npx (skipped here, but npm asks).
	fs.writeFileSync(path.join(scannerDir, '.npmrc'), 'yes=true\n');
	run(
		'npm',
		['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `${SCANNER}@${SCANNER_VERSION}`],
		{ cwd: scannerDir, env: cleanEnv() },
	);
	fs.writeFileSync(marker, `${new Date().toISOString()}\n`);
}

async function loadScanner() {
	installScanner();
	const pkgDir = path.join(scannerDir, 'node_modules', SCANNER);
	const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
	const scannerFile = path.join(pkgDir, 'scanner', 'scanner.mjs');
	if (!fs.readFileSync(scannerFile, 'utf8').includes(TARBALL_CALL)) {
		throw new Error(`${SCANNER}@${version} no longer calls ${TARBALL_CALL}: update TARBALL_PATTERNS`);
	}
	const scanner = await import(pathToFileURL(scannerFile).href);
	return { ...scanner, version };
}

function walk(dir, found = []) {
	if (!fs.existsSync(dir)) return found;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, found);
		else found.push(full);
	}
	return found;
}

function inlineDirectives(dir) {
	const hits = [];
	for (const file of [...walk(path.join(dir, 'nodes')), ...walk(path.join(dir, 'credentials'))]) {
		if (!/\.(ts|js)$/.test(file)) continue;
		fs.readFileSync(file, 'utf8')
			.split('\n')
			.forEach((line, index) => {
				if (INLINE_DIRECTIVE.test(line)) hits.push(`${path.relative(root, file)}:${index + 1}: ${line.trim()}`);
			});
	}
	return hits;
}

// The scanner's CLI lints the source at the commit named in the package's provenance, found there by
// the package name among the package.json files (findPackageRoot). An untracked manifest (dist-packages/
// is ignored) would be missing from that commit, and a stale one would not be what was published.
function trackedManifest(name, dir) {
	// `git ls-files` lists what the next commit holds (tracked or added), as the scanner's checkout would.
	const files = run('git', ['ls-files', '--', 'package.json', '*/package.json'], { cwd: root })
		.split('\n')
		.filter(Boolean);
	// Read from the index, not the working tree: build:packages rewrites the working copy, so only the
	// index (in CI: the commit) can show that a committed manifest is stale.
	const indexed = (file) => run('git', ['show', `:${file}`], { cwd: root });
	const file = files.find((candidate) => JSON.parse(indexed(candidate)).name === name);
	if (!file) return { problem: `no package.json named ${name} is tracked by git (run npm run build:packages and commit packages/)` };
	const tracked = indexed(file);
	if (tracked !== fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) {
		return { problem: `${file} in git differs from the generated package.json (run npm run build:packages and commit packages/)` };
	}
	return { file };
}

function packAndUnpack(dir, workDir) {
	const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: dir, env: cleanEnv() }));
	const unpacked = path.join(workDir, 'package');
	fs.mkdirSync(unpacked);
	run('tar', ['-xzf', path.join(workDir, packed.filename), '-C', unpacked, '--strip-components=1']);
	return { unpacked, packed };
}

async function main() {
	const dirs = process.argv.slice(2).map((dir) => path.resolve(dir));
	if (dirs.length === 0) dirs.push(root);
	const scanner = await loadScanner();
	console.log(`n8n scanner: ${SCANNER}@${scanner.version}`);
	let passed = 0;
	let failures = 0;

	for (const dir of dirs) {
		const name = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name;
		const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-scan-'));
		try {
			const directives = inlineDirectives(dir);
			if (directives.length > 0) {
				failures++;
				console.error(`✗ ${name}: inline ESLint directives in nodes/ or credentials/ (the scanner ignores them):`);
				for (const hit of directives) console.error(`  ${hit}`);
			} else {
				passed++;
				console.log(`✓ ${name}: no inline ESLint directives in nodes/ or credentials/`);
			}
			const sourceRoot = trackedManifest(name, dir);
			if (sourceRoot.problem) {
				failures++;
				console.error(`✗ ${name}: ${sourceRoot.problem}`);
			} else {
				passed++;
				console.log(`✓ ${name}: n8n's scanner would find its source at ${sourceRoot.file}`);
			}
			const { unpacked, packed } = packAndUnpack(dir, workDir);
			const legs = [
				['source', dir, scanner.SOURCE_FILE_PATTERNS],
				['tarball', unpacked, TARBALL_PATTERNS],
			];
			for (const [leg, legDir, patterns] of legs) {
				const result = await scanner.analyzePackage(legDir, patterns);
				if (result.passed && result.message !== 'No files found to analyze') {
					passed++;
					console.log(`✓ ${name} ${leg}: 0 errors`);
				} else {
					failures++;
					console.error(`✗ ${name} ${leg}: ${result.message || 'failed'}`);
					if (result.details) console.error(result.details);
				}
			}
			console.log(
				`  ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.entryCount} files`,
			);
		} finally {
			fs.rmSync(workDir, { recursive: true, force: true });
		}
	}

	console.log(`scan: ${passed} passed, ${failures} failed`);
	process.exit(failures === 0 ? 0 : 1);
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
