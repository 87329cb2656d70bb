// A per-provider package (`npm run build:packages` → dist-packages/<slug>) installed alone into a real
// n8n, as a user who only needs LigueLead would install `n8n-nodes-liguelead`: its 2 nodes and 1
// credential register, and its send workflow and trigger work against the sandbox.
//
// HOOK: this file checks something only when package.json has a `build:packages` script (the
// per-provider packages). Without it there is nothing to install, and the file registers no test.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { describe, it, before, after } = require('node:test');
const rootPackage = require('../../package.json');
const { buildAndPack, npmEnv } = require('../../dev/lib/package');
const { runCommand } = require('../../dev/lib/proc');
const { startStack } = require('../../dev/lib/stack');
const { provision, loadWorkflowFiles } = require('../../dev/lib/setup');
const { runSendWorkflow, driveTrigger, printTally, log, repoRoot } = require('./helpers');

const SLUG = 'liguelead';
const NAME = `n8n-nodes-${SLUG}`;
const FILES = ['liguelead-sms-and-voice.json', 'trigger-liguelead.json'];

if (!rootPackage.scripts['build:packages']) {
	log('per-provider package check inactive: package.json has no build:packages script (hook in test/e2e/provider-package.e2e.js)');
} else {
	describe(`per-provider package ${NAME} alone in n8n`, () => {
		let stack;

		before(async () => {
			log('npm run build:packages');
			await runCommand('npm', ['run', 'build:packages', '--silent'], { cwd: repoRoot, env: npmEnv() });
			const workDir = path.join(repoRoot, '.dev', `e2e-${SLUG}-package`);
			const { tarball, name } = await buildAndPack(path.join(repoRoot, '.dev', `pack-${SLUG}`), {
				build: false,
				cwd: path.join(repoRoot, 'dist-packages', SLUG),
			});
			assert.equal(name, NAME, `dist-packages/${SLUG} packs as ${name}`);
			stack = await startStack({ workDir, mode: 'regular', tarball, log });
			stack.provisioned = await provision(stack.client, stack.sandbox, {
				log,
				files: loadWorkflowFiles().filter(({ file }) => FILES.includes(file)),
				credentialTypes: ['ligueLeadApi'],
				packageName: NAME,
			});
		}, { timeout: 15 * 60 * 1000 });

		after(async () => {
			printTally(`${NAME} package`);
			if (stack) await stack.stop();
		});

		it('registers its 2 nodes and 1 credential, and nothing of the other providers', async () => {
			const nodes = await stack.client.getJson('/types/nodes.json');
			const ours = [...new Set(nodes.map((n) => n.name).filter((n) => n.startsWith(`${NAME}.`)))].sort();
			for (const type of ['ligueLead', 'ligueLeadTrigger', 'ligueLeadTool']) assert.ok(ours.includes(`${NAME}.${type}`), `${NAME}.${type} is registered`);
			const allowed = new Set(['ligueLead', 'ligueLeadTrigger', 'ligueLeadTool', 'ligueLeadHitlTool'].map((t) => `${NAME}.${t}`));
			assert.deepEqual(ours.filter((t) => !allowed.has(t)), [], 'only LigueLead nodes and their tool variants');
			assert.ok(!nodes.some((n) => n.name.startsWith('n8n-nodes-br-messaging.')), 'the combined package is not installed here');
			const credentials = (await stack.client.getJson('/types/credentials.json')).map((c) => c.name);
			assert.ok(credentials.includes('ligueLeadApi'), 'ligueLeadApi is registered');
			assert.ok(!credentials.includes('superleadApi'), 'other providers\' credentials are not');
		});

		it('runs the LigueLead SMS + voice workflow', { timeout: 180000 }, async () => {
			await runSendWorkflow(stack, 'liguelead-sms-and-voice.json');
		});

		it('its trigger takes genuine webhooks and refuses forged ones', { timeout: 300000 }, async () => {
			await driveTrigger(stack, 'trigger-liguelead.json');
		});
	});
}
