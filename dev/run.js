#!/usr/bin/env node
// `npm run dev`: a real n8n with this package built, packed and installed as a community package, the
// sandbox of the four APIs, an owner account, one credential per provider pointing at the sandbox and
// the example workflows imported (triggers published). Runs until Ctrl-C, then stops all it started.
'use strict';
const path = require('path');
const { startStack } = require('./lib/stack');
const { provision, webhookUrl } = require('./lib/setup');
const { repoRoot } = require('./lib/n8n-install');
const { stopOnSignals } = require('./lib/proc');

/** How long n8n gets to shut down before it and its task runner are killed. */
const SHUTDOWN_GRACE_MS = 30000;

// N8N_BR_DEV_RUN_DIR: another folder (the e2e suite's own run, which must not wipe a developer's .dev/run).
const workDir = process.env.N8N_BR_DEV_RUN_DIR ? path.resolve(process.env.N8N_BR_DEV_RUN_DIR) : path.join(repoRoot, '.dev', 'run');
const t0 = Date.now();
const log = (message) => console.log(`[dev +${Math.round((Date.now() - t0) / 1000)}s] ${message}`);

let stopping = () => false;

async function main() {
	log(`starting (a fresh n8n each run: the database lives in ${path.relative(repoRoot, workDir) || workDir} and is reset at the next start)`);
	// From the first line on: a signal during the install or the boot ends what was started so far too.
	let stack;
	const { isStopping, stopAll } = stopOnSignals({
		log: (line) => console.log(`[dev] ${line}`),
		stop: async () => {
			if (!stack) return;
			const main = stack.processes.main.proc;
			// n8n finishes its work before it exits (it took 23 s once): say so while waiting.
			console.log('[dev] stopping n8n and its task runner …');
			await main.stop(SHUTDOWN_GRACE_MS, {
				onWait: (s) => console.log(`[dev] … n8n is still shutting down (${s} s; killed at ${SHUTDOWN_GRACE_MS / 1000} s)`),
			});
			console.log('[dev] n8n stopped; stopping the sandbox');
			await stack.stop();
		},
	});
	stopping = isStopping;
	stack = await startStack({ workDir, mode: 'regular', log, sandboxOptions: { onRequest: printSendAndWaitLinks } });
	if (isStopping()) return;
	stack.processes.main.proc.child.on('exit', (code) => {
		if (isStopping()) return;
		console.error(`n8n exited (code ${code}); its log: ${stack.processes.main.proc.logFile}`);
		void stopAll('n8n exited');
	});

	let provisioned;
	try {
		provisioned = await provision(stack.client, stack.sandbox, { log });
	} catch (e) {
		if (isStopping()) return;
		await stack.stop();
		throw e;
	}
	const { owner, workflows } = provisioned;
	const cli = path.relative(process.cwd(), path.join(repoRoot, 'dev', 'sandbox', 'cli.js')) || 'dev/sandbox/cli.js';
	const lines = [
		'',
		`n8n ${require('./lib/n8n-install').N8N_VERSION} is ready with n8n-nodes-br-messaging loaded from its npm pack tarball.`,
		'',
		`  Open      ${stack.url}`,
		`  Sign in   ${owner.email}  /  ${owner.password}`,
		`  Sandbox   ${stack.sandbox.url}  (recorded requests: ${stack.sandbox.url}/__sandbox/requests)`,
		`  Logs      ${path.join(workDir, 'logs')}`,
		'',
		'Example workflows (open one, then "Execute workflow"):',
		...workflows.filter((w) => !w.trigger).map((w) => `  ${w.name}\n      ${stack.url}/workflow/${w.id}${sendAndWaitHint(w, stack.sandbox.url)}`),
		'',
		'Trigger workflows (published). Fire a signed sandbox webhook at one, then look at its Executions tab:',
	];
	for (const w of workflows.filter((wf) => wf.trigger)) {
		const node = w.nodes.find((n) => n.webhookId);
		const provider = node.type.replace(/^.*\./, '').replace(/Trigger$/, '').replace(/Sdr$/, '').toLowerCase();
		lines.push(`  ${w.name}`);
		lines.push(`      node ${cli} deliver --sandbox ${stack.sandbox.url} --provider ${provider} --to ${webhookUrl(stack.url, node)}`);
	}
	lines.push('', 'Add --forge signature (or missing, tampered) to send a forged event: the trigger answers 401 and starts nothing.');
	lines.push('', 'Press Ctrl-C (or send SIGINT, SIGTERM or SIGHUP to npm or this process) to stop n8n, its task runner and the sandbox.');
	console.log(lines.join('\n'));
}

/** Every resume link in a recorded message body (Send and Wait puts one in the text it sends). */
function waitingLinks(value, found = []) {
	if (typeof value === 'string') found.push(...(value.match(/https?:\/\/[^\s"'<>]+\/webhook-waiting\/[^\s"'<>]+/g) || []));
	else if (value && typeof value === 'object') for (const v of Object.values(value)) waitingLinks(v, found);
	return found;
}

/** Prints the link of each Send and Wait message as it reaches the sandbox: open it to answer. */
function printSendAndWaitLinks(record) {
	for (const link of new Set(waitingLinks(record.body))) {
		console.log(`[dev] Send and Wait message sent (${record.provider} ${record.method} ${record.path}); open this link to answer it:\n      ${link}`);
	}
}

/** For a Send and Wait example: where its message (and the link in it) shows up. */
function sendAndWaitHint(workflow, sandboxUrl) {
	const node = workflow.nodes.find((n) => n.parameters && n.parameters.operation === 'sendAndWait');
	if (!node) return '';
	const provider = node.type.replace(/^.*\./, '').replace(/Sdr$/, '').toLowerCase();
	return (
		'\n      Send and Wait: the execution waits; its link is printed here when the message reaches the sandbox' +
		` (also in ${sandboxUrl}/__sandbox/requests?provider=${provider}&method=POST)`
	);
}

main().catch((e) => {
	// A stop during the boot makes the boot fail; the stop itself says how it ended.
	if (stopping()) return;
	console.error(`npm run dev failed: ${e.message}`);
	process.exit(1);
});
