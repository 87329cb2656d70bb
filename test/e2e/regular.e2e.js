// End to end in a real n8n 2.41.1 (regular mode, SQLite) with this package installed from its
// `npm pack` tarball: registration, every example workflow against the sandbox, every trigger with
// genuine and forged webhooks, and the editor in headless Chromium. Run by `npm run test:e2e`.
'use strict';
const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const { bootAndProvision, runSendWorkflow, driveTrigger, checkRegistration, printTally } = require('./helpers');
const { SEND_CASES, TRIGGER_CASES } = require('./expectations');
const { checkEditor, EDITOR_TIMEOUT_MS } = require('./editor');
const { runAiSdrWorkflow } = require('./ai-sdr');
const { sendAndReadLink, checkPageAndTamper, answerAndCheck, form, statusOf } = require('./send-and-wait');
const { setUpAgent, checkSends, checkRefused, checkGate } = require('./ai-agent');

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

	// Send and Wait in the lead's language (issue 17) and an SMS that fits Portuguese by default (issue 18).
	it('Send and Wait in Portuguese, LigueLead SMS at version 1.1 with default options: accented question sent, page, refusal and thanks in Portuguese', { timeout: 180000 }, async () => {
		await require('./send-and-wait').checkPortugueseRoundTrip(stack);
	});

	// The send actions as tools of n8n's AI Agent 3.1, with a scripted OpenAI-compatible model (ai-agent.js).
	describe('AI Agent with the send actions as tools', () => {
		let agent;
		before(async () => {
			agent = await setUpAgent(stack);
		});
		after(async () => {
			if (agent) await agent.stop();
		});

		it('AI Agent: calls each provider\'s send tool; the exact requests go out and every result reaches the model', { timeout: 300000 }, async () => {
			await checkSends(stack, agent);
		});

		it('AI Agent: an invalid phone is refused before sending, and the model reads the fix', { timeout: 180000 }, async () => {
			await checkRefused(stack, agent);
		});

		it('AI Agent: approval gate (IAGENTE SDR WhatsApp, Approve and Disapprove), approved: the gated Superlead message goes out', { timeout: 300000 }, async () => {
			await checkGate(stack, agent, true);
		});

		it('AI Agent: approval gate, declined: nothing is sent and the model reads the rejection', { timeout: 300000 }, async () => {
			await checkGate(stack, agent, false);
		});
	});

	for (const file of Object.keys(TRIGGER_CASES)) {
		it(`${file}: genuine webhooks start one execution each, forged ones none`, { timeout: 300000 }, async () => {
			await driveTrigger(stack, file);
		});
	}

	// Issue 15: the LigueLead, Leadway and Superlead credentials authenticate with a function now; all 4
	// must keep working outside the package's nodes.
	it('the 4 credentials work in n8n\'s HTTP Request node as predefined credential types and pass n8n\'s credential test', { timeout: 180000 }, async () => {
		const { checkHttpRequestNode, checkCredentialTests } = require('./http-request-node');
		await checkHttpRequestNode(stack);
		await checkCredentialTests(stack);
	});

	it('AI-SDR example: an inbound message gets free slots, books the first, creates a task and replies on the same channel', { timeout: 300000 }, async () => {
		await runAiSdrWorkflow(stack);
	});

	it('shows every node in the editor (headless Chromium), none unknown', { timeout: EDITOR_TIMEOUT_MS }, async () => {
		await checkEditor(stack);
	});
});
