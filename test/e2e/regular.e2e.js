// End to end in a real n8n 2.41.1 (regular mode, SQLite) with this package installed from its
// `npm pack` tarball: registration, every example workflow against the sandbox, every trigger with
// genuine and forged webhooks, and the editor in headless Chromium. Run by `npm run test:e2e`.
'use strict';
const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const { bootAndProvision, runSendWorkflow, driveTrigger, printTally, NODE_TYPES, CREDENTIAL_TYPES, PACKAGE } = require('./helpers');
const { SEND_CASES, TRIGGER_CASES } = require('./expectations');
const { checkEditor } = require('./editor');

describe('n8n regular mode with the packed package', () => {
	let stack;

	before(async () => {
		stack = await bootAndProvision('regular');
	}, { timeout: 15 * 60 * 1000 });

	after(async () => {
		printTally('regular mode');
		if (stack) await stack.stop();
	});

	it('registers all 8 nodes and 4 credentials of the package', async () => {
		const nodes = await stack.client.getJson('/types/nodes.json');
		const ours = [...new Set(nodes.map((n) => n.name).filter((name) => name.startsWith(`${PACKAGE}.`)))].sort();
		// n8n derives an AI Agent tool variant (`…Tool`) from each action node that is usableAsTool.
		const tools = NODE_TYPES.filter((t) => !t.endsWith('Trigger')).map((t) => `${t}Tool`);
		assert.deepEqual(ours, [...NODE_TYPES, ...tools].map((t) => `${PACKAGE}.${t}`).sort(), 'node types n8n serves to its editor');
		const credentials = await stack.client.getJson('/types/credentials.json');
		const names = credentials.map((c) => c.name);
		for (const type of CREDENTIAL_TYPES) assert.ok(names.includes(type), `credential type ${type} is registered`);
		const mainLog = stack.processes.main.proc.log();
		assert.doesNotMatch(mainLog, /Unrecognized node type/i, 'n8n logged an unrecognized node type');
	});

	for (const file of Object.keys(SEND_CASES)) {
		it(`runs ${file} against the sandbox`, { timeout: 180000 }, async () => {
			await runSendWorkflow(stack, file);
		});
	}

	for (const file of Object.keys(TRIGGER_CASES)) {
		it(`${file}: genuine webhooks start one execution each, forged ones none`, { timeout: 300000 }, async () => {
			await driveTrigger(stack, file);
		});
	}

	it('shows every node in the editor (headless Chromium), none unknown', { timeout: 300000 }, async () => {
		await checkEditor(stack);
	});
});
