// Builds this package, packs it with `npm pack` and installs the tarball into an n8n user folder's
// `nodes/` the way users install a community package, so n8n loads exactly what npm would publish.
'use strict';
const fs = require('fs');
const path = require('path');
const { runCommand } = require('./proc');
const { repoRoot, nodeBinary } = require('./n8n-install');

function npmEnv() {
	const node = nodeBinary();
	return { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` };
}

/** `npm run build` then `npm pack` into `destDir`; returns the tarball's path. */
async function buildAndPack(destDir, { build = true, cwd = repoRoot } = {}) {
	fs.mkdirSync(destDir, { recursive: true });
	if (build) await runCommand('npm', ['run', 'build', '--silent'], { cwd, env: npmEnv() });
	const out = await runCommand('npm', ['pack', '--json', '--pack-destination', destDir], { cwd, env: npmEnv() });
	const info = JSON.parse(out.slice(out.indexOf('[')));
	return { tarball: path.join(destDir, info[0].filename), name: info[0].name, version: info[0].version, files: info[0].files.length };
}

/**
 * Installs a packed tarball into `<userFolder>/.n8n/nodes` with npm, as `npm install <package>` in that folder
 * would (n8n loads community packages from its node_modules). Peer dependencies are left to the host n8n.
 */
async function installIntoUserFolder(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true }));
	await runCommand(
		'npm',
		['install', tarball, '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock'],
		{ cwd: nodesDir, env: npmEnv() },
	);
	return nodesDir;
}

module.exports = { buildAndPack, installIntoUserFolder, npmEnv };
