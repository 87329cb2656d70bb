// The smoke set on every other n8n version the README claims: the oldest and the newest 1.x (the full
// suite runs on 2.41.1). For each version, one n8n (regular mode, SQLite) with the packed package:
// registration, one send per provider with its exact requests, one trigger with genuine and forged
// events, and one Send and Wait round trip. `.ci/run` runs it; by hand:
//   npm run test:e2e:versions                                  (1.88.0 and 1.123.81)
//   N8N_SMOKE_VERSIONS=1.123.81 npm run test:e2e:versions      (one version)
// Each version installs once into ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-br-messaging/n8n-<version>.
'use strict';
const { describe, it, before, after } = require('node:test');
const { bootAndProvision, runSendWorkflow, driveTrigger, checkRegistration, printTally, log, tally } = require('./helpers');
const { SEND_CASES } = require('./expectations');
const { sendAndReadLink, checkPage, checkTamper, answerAndCheck } = require('./send-and-wait');

const { smokeVersions } = require('../../dev/lib/n8n-install');

const SMOKE_VERSIONS = smokeVersions();

log(`smoke set on n8n ${SMOKE_VERSIONS.join(', ')}`);

for (const version of SMOKE_VERSIONS) {
	describe(`n8n ${version}: smoke set with the packed package`, () => {
		let stack;
		let counted;

		before(async () => {
			counted = { ...tally };
			stack = await bootAndProvision('smoke', { version });
		}, { timeout: 20 * 60 * 1000 });

		after(async () => {
			printTally(`n8n ${version} smoke set`, counted);
			if (stack) await stack.stop();
		});

		it('registers all 8 nodes and 4 credentials of the package', async () => {
			await checkRegistration(stack);
		});

		// One example workflow per provider, every request asserted exactly (expectations.js).
		for (const file of Object.keys(SEND_CASES)) {
			it(`runs ${file} against the sandbox`, { timeout: 240000 }, async () => {
				await runSendWorkflow(stack, file);
			});
		}

		it('IAGENTE SDR Trigger: registers itself, genuine webhooks start one execution each, forged ones none', { timeout: 300000 }, async () => {
			await driveTrigger(stack, 'trigger-iagente.json');
		});

		it('Send and Wait, IAGENTE SDR WhatsApp approval: waits, one link sent, page, approval resumes once', { timeout: 240000 }, async () => {
			const sent = await sendAndReadLink(stack, 'iagente-whatsapp-approval.json');
			await checkPage(stack, sent);
			// Signed links (and so refusing an altered one) exist from the version whose recipe says so.
			if (stack.features.signedWaitLinks) await checkTamper(stack, sent);
			await answerAndCheck(stack, sent, { approved: 'true' }, { data: { approved: true } });
		});
	});
}
