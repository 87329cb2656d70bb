#!/usr/bin/env node
// Loads the built package the way n8n does: every file listed under "n8n" in package.json must exist
// in dist/, load with nothing but n8n-workflow, export the expected class, and find its icons.
// Also checks the package.json rules a community package must keep. Exits non-zero on any failure.
// Usage: node scripts/check-dist.js [package-dir]   (default: this repository; a dist-packages/<provider>
// folder checks that generated package on its own: nothing it requires may live outside it).
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(process.argv[2] || path.join(__dirname, '..'));
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
let passed = 0;
let failed = 0;

function check(name, fn) {
	try {
		fn();
		passed++;
	} catch (error) {
		failed++;
		console.error(`✗ ${name}: ${error.message}`);
	}
}

function assert(condition, message) {
	if (!condition) throw new Error(message);
}

function iconPaths(icon, baseDir) {
	const list = typeof icon === 'string' ? [icon] : icon ? [icon.light, icon.dark] : [];
	return list.map((entry) => {
		assert(typeof entry === 'string' && entry.startsWith('file:'), `icon ${entry} must start with file:`);
		return path.join(baseDir, entry.slice('file:'.length));
	});
}

check('package.json has no runtime dependencies', () => {
	assert(!pkg.dependencies || Object.keys(pkg.dependencies).length === 0, 'dependencies must be empty');
});
check('peerDependencies is exactly {"n8n-workflow": "*"}', () => {
	assert(JSON.stringify(pkg.peerDependencies) === '{"n8n-workflow":"*"}', JSON.stringify(pkg.peerDependencies));
});
check('name and keyword follow the community package convention', () => {
	assert(/^(@[a-z0-9-]+\/)?n8n-nodes-[a-z0-9-]+$/.test(pkg.name), `name ${pkg.name} must start with n8n-nodes-`);
	assert((pkg.keywords || []).includes('n8n-community-node-package'), 'keyword n8n-community-node-package missing');
});
check('package ships only dist', () => {
	assert(JSON.stringify(pkg.files) === '["dist"]', JSON.stringify(pkg.files));
});

function walk(dir, suffix, found = []) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, suffix, found);
		else if (entry.name.endsWith(suffix)) found.push(full);
	}
	return found;
}

check('every node source file is registered in package.json', () => {
	const sources = walk(path.join(root, 'nodes'), '.node.ts').map((file) =>
		path.relative(root, file).replace(/^nodes/, 'dist/nodes').replace(/\.ts$/, '.js'),
	);
	const missing = sources.filter((file) => !pkg.n8n.nodes.includes(file));
	assert(missing.length === 0, `not registered: ${missing.join(', ')}`);
});
check('every credential source file is registered in package.json', () => {
	const sources = walk(path.join(root, 'credentials'), '.credentials.ts').map((file) =>
		path.relative(root, file).replace(/^credentials/, 'dist/credentials').replace(/\.ts$/, '.js'),
	);
	const missing = sources.filter((file) => !pkg.n8n.credentials.includes(file));
	assert(missing.length === 0, `not registered: ${missing.join(', ')}`);
});

const credentialNames = new Set();
for (const file of pkg.n8n.credentials) {
	check(`credential ${file} loads`, () => {
		const full = path.join(root, file);
		assert(fs.existsSync(full), 'file missing from dist (run npm run build)');
		const className = path.basename(file).replace(/\.credentials\.js$/, '');
		const Credential = require(full)[className];
		assert(typeof Credential === 'function', `does not export class ${className}`);
		const credential = new Credential();
		assert(credential.name && credential.displayName && credential.test, 'name, displayName and test are required');
		credentialNames.add(credential.name);
		for (const icon of iconPaths(credential.icon, path.dirname(full))) assert(fs.existsSync(icon), `icon ${icon} missing`);
	});
}

for (const file of pkg.n8n.nodes) {
	check(`node ${file} loads`, () => {
		const full = path.join(root, file);
		assert(fs.existsSync(full), 'file missing from dist (run npm run build)');
		const className = path.basename(file).replace(/\.node\.js$/, '');
		const Node = require(full)[className];
		assert(typeof Node === 'function', `does not export class ${className}`);
		const node = new Node();
		const { description } = node;
		assert(description && description.name && description.displayName, 'description incomplete');
		for (const icon of iconPaths(description.icon, path.dirname(full))) assert(fs.existsSync(icon), `icon ${icon} missing`);
		assert(fs.existsSync(full.replace(/\.js$/, '.json')), 'codex .node.json missing');
		for (const credential of description.credentials || []) {
			assert(credentialNames.has(credential.name), `uses unknown credential ${credential.name}`);
		}
		const isTrigger = description.group.includes('trigger');
		if (isTrigger) {
			assert(node.webhookMethods && node.webhook, 'trigger must have webhookMethods and webhook()');
			assert(!description.usableAsTool, 'a trigger must not be usableAsTool');
		} else {
			assert(description.usableAsTool, 'an action node must be usableAsTool');
			assert(typeof node.execute === 'function', 'an action node must have execute()');
		}
	});
}

check('every require in dist resolves to a file of this package, n8n-workflow or a Node built-in', () => {
	const problems = [];
	for (const file of walk(path.join(root, 'dist'), '.js')) {
		for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
			if (!spec.startsWith('.')) {
				if (!['n8n-workflow', 'crypto', 'node:crypto'].includes(spec)) problems.push(`${path.relative(root, file)} → ${spec}`);
				continue;
			}
			const base = path.resolve(path.dirname(file), spec);
			const found = [base, `${base}.js`, path.join(base, 'index.js')].find(
				(candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile(),
			);
			if (!found || !found.startsWith(path.join(root, 'dist') + path.sep)) problems.push(`${path.relative(root, file)} → ${spec}`);
		}
	}
	assert(problems.length === 0, `unresolved or outside the package: ${problems.join(', ')}`);
});

// n8n-workflow is the host's copy (peer "*"): use only runtime exports that n8n-workflow 1.86.0
// (n8n 1.86, the documented minimum) also has. Checked by hand in its tarball; extend with care.
// SEND_AND_WAIT_OPERATION ('sendAndWait') and WAIT_INDEFINITELY (3000-01-01) are in its
// dist/Constants.js, re-exported by dist/index.js.
const RUNTIME_EXPORTS_IN_1_86 = new Set([
	'NodeApiError',
	'NodeConnectionTypes',
	'NodeOperationError',
	'SEND_AND_WAIT_OPERATION',
	'WAIT_INDEFINITELY',
	'jsonParse',
	'sleep',
	'updateDisplayOptions',
]);
check('compiled code uses only n8n-workflow runtime exports that n8n 1.86 has', () => {
	const used = new Set();
	for (const file of walk(path.join(root, 'dist'), '.js')) {
		for (const match of fs.readFileSync(file, 'utf8').matchAll(/n8n_workflow_\d+\.(\w+)/g)) used.add(match[1]);
	}
	const unknown = [...used].filter((name) => !RUNTIME_EXPORTS_IN_1_86.has(name));
	assert(unknown.length === 0, `not checked against n8n-workflow 1.86: ${unknown.join(', ')}`);
});

console.log(`dist check: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
