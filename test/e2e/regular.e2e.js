// End to end in a real n8n 2.41.1 (regular mode, SQLite) with this package installed from its
// `npm pack` tarball: registration, every example workflow against the sandbox, every trigger with
// genuine and forged webhooks, and the editor in headless Chromium. Run by `npm run test:e2e`.
'use strict';
const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const { bootAndProvision, runSendWorkflow, driveTrigger, checkRegistration, printTally } = require('./helpers');
const { SEND_CASES, TRIGGER_CASES } = require('./expectations');
const { checkEditor } = require('./editor');
const { sendAndReadLink, checkPageAndTamper, answerAndCheck, form, statusOf } = require('./send-and-wait');

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
		await checkRegistration(stack);
	});

	for (const file of Object.keys(SEND_CASES)) {
		it(`runs ${file} against the sandbox`, { timeout: 180000 }, async () => {
			await runSendWorkflow(stack, file);
		});
	}

	it('Send and Wait, IAGENTE SDR WhatsApp approval: waits, one signed link sent, page, altered link 401, approval resumes', { timeout: 180000 }, async () => {
		const sent = await sendAndReadLink(stack, 'iagente-whatsapp-approval.json');
		await checkPageAndTamper(stack, sent);
		await answerAndCheck(stack, sent, { approved: 'true' }, { data: { approved: true } });
	});

	it('Send and Wait, LigueLead SMS free text: waits, one signed link sent, page, empty text 400, text resumes', { timeout: 180000 }, async () => {
		const sent = await sendAndReadLink(stack, 'liguelead-sms-free-text.json');
		await checkPageAndTamper(stack, sent);
		const empty = await form(sent.link, { text: '  ' });
		const html = await empty.text();
		assert.equal(empty.status, 400, `an empty free text must get 400, got ${empty.status}`);
		assert.ok(html.includes('Write a response before sending.'), 'the page says why the empty answer was refused');
		assert.equal(await statusOf(stack, sent.executionId), 'waiting', 'the execution still waits after the empty answer');
		const text = 'Terça às 14h, pode ser? <sem problema>';
		await answerAndCheck(stack, sent, { text }, { data: { text } });
	});

	for (const file of Object.keys(TRIGGER_CASES)) {
		it(`${file}: genuine webhooks start one execution each, forged ones none`, { timeout: 300000 }, async () => {
			await driveTrigger(stack, file);
		});
	}

	// 10 workflows and 8 panels: about 6 minutes with every core loaded.
	it('shows every node in the editor (headless Chromium), none unknown', { timeout: 900000 }, async () => {
		await checkEditor(stack);
	});
});
