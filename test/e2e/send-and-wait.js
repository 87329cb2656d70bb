// "Send and Wait for Response" in a real n8n: an example workflow sends its question through the
// sandbox, the execution waits, and the signed link read from the recorded message is opened,
// tampered with and answered the way a browser would. Used by regular.e2e.js (one n8n boot).
'use strict';
const assert = require('node:assert/strict');
const { waitForExecution } = require('../../dev/lib/n8n');
const { waitFor } = require('../../dev/lib/proc');
const { workflowByFile, tally } = require('./helpers');
const { MANUAL } = require('./expectations');

const SIGNED_LINK = /(http:\/\/127\.0\.0\.1:\d+\/webhook-waiting\/(\d+)\/([0-9a-f-]{36})\?signature=[0-9a-f]{64})$/;
// n8n before signed resume links (1.88): the same link without the signature.
const UNSIGNED_LINK = /(http:\/\/127\.0\.0\.1:\d+\/webhook-waiting\/(\d+)\/([0-9a-f-]{36}))$/;

/**
 * The cases, written out by hand from the workflow files: what the node must send and where the link
 * goes in the text (chat: blank line + "Respond: <link>"; SMS: the bare link on the next line).
 */
const SEND_AND_WAIT_CASES = {
	'iagente-whatsapp-approval.json': {
		provider: 'iagente',
		node: 'Ask for Approval',
		path: '/whatsapp/messages',
		textField: 'text',
		before: 'Aprova o desconto de 10% para a Maria Santos?\n\nRespond: ',
		otherFields: { phone: '5511999999999', type: 'text' },
		// The labels come back HTML-escaped: "&" would otherwise start an entity.
		pageIncludes: ['>Aprovar</button>', '>Recusar &amp; negociar</button>', '<p>Aprova o desconto de 10% para a Maria Santos?</p>'],
	},
	'liguelead-sms-free-text.json': {
		provider: 'liguelead',
		node: 'Ask by SMS',
		path: '/sms',
		textField: 'message',
		before: 'Qual o melhor horario para a visita tecnica?\n',
		otherFields: { title: 'Pergunta de horario', phones: ['11999999999'] },
		pageIncludes: ['<h1>Horario da visita</h1>', '<textarea id="text" name="text" required></textarea>', '>Enviar</button>'],
	},
	// Node version 1.1 with every option at its default: Portuguese texts, Max SMS Parts 4.
	'liguelead-sms-portuguese.json': {
		provider: 'liguelead',
		node: 'Ask in Portuguese',
		path: '/sms',
		textField: 'message',
		before: 'Qual o melhor horário para a visita?\n',
		otherFields: { title: 'Horario da visita', phones: ['11999999999'] },
		pageIncludes: [
			'<html lang="pt-BR">',
			'<title>Aguardamos sua resposta</title>',
			'<h1>Aguardamos sua resposta</h1><p>Qual o melhor horário para a visita?</p>',
			'<label for="text">Sua resposta</label>',
			'<button class="primary" type="submit">Enviar</button>',
		],
		recorded: '<h1>Resposta enviada. Obrigado!</h1><p>Sua resposta foi registrada. Você já pode fechar esta página.</p>',
	},
};

const form = (url, fields) =>
	fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

async function statusOf(stack, executionId) {
	const e = await stack.client.getExecution(executionId);
	return e && e.status;
}

/** The signature with its last hex digit changed: what a forged or mistyped link looks like. */
function tamper(link) {
	return link.replace(/[0-9a-f]$/, (c) => (c === '0' ? '1' : '0'));
}

/**
 * Runs the workflow from its Manual Trigger, waits until n8n holds the execution as `waiting`, checks
 * the one message the sandbox recorded and returns the signed link in it.
 */
async function sendAndReadLink(stack, file) {
	const wf = workflowByFile(stack, file);
	const testCase = SEND_AND_WAIT_CASES[file];
	const { sandbox } = stack;
	// Only the messages endpoint: the published triggers talk to the same sandbox meanwhile.
	const messages = () => sandbox.requests({ provider: testCase.provider, path: testCase.path });
	const before = messages().length;
	const executionId = await stack.client.runManually(wf.id, MANUAL);
	let ended = '';
	await waitFor(
		`execution ${executionId} of "${wf.name}" to wait for a response`,
		async () => {
			const status = await statusOf(stack, executionId);
			if (['success', 'error', 'crashed', 'canceled'].includes(status)) ended = `it ended "${status}" instead of waiting`;
			return status === 'waiting';
		},
		{ timeoutMs: 150000, intervalMs: 300, failFast: () => ended },
	);

	const records = messages().slice(before);
	assert.equal(records.length, 1, `"${wf.name}": the sandbox recorded ${records.length} requests to ${testCase.path}, expected the one message`);
	const [record] = records;
	assert.equal(`${record.method} ${record.path}`, `POST ${testCase.path}`, `"${wf.name}": the message goes to ${testCase.path}`);
	assert.ok(record.status >= 200 && record.status < 300, `"${wf.name}": the sandbox answered the message ${record.status}: ${JSON.stringify(record.responseBody)}`);
	const { [testCase.textField]: text, ...rest } = record.body;
	assert.deepEqual(rest, testCase.otherFields, `"${wf.name}": fields of the message besides its text`);
	assert.ok(String(text).startsWith(testCase.before), `"${wf.name}": the text starts with the question: ${JSON.stringify(text)}`);
	const link = String(text).slice(testCase.before.length);
	const signed = !stack.features || stack.features.signedWaitLinks !== false;
	const match = (signed ? SIGNED_LINK : UNSIGNED_LINK).exec(link);
	assert.ok(match && match.index === 0, `"${wf.name}": after the question comes only a ${signed ? 'signed' : 'plain'} resume link, got ${JSON.stringify(link)}`);
	const node = wf.nodes.find((n) => n.name === testCase.node);
	assert.equal(match[2], String(executionId), 'the link resumes this execution');
	assert.equal(match[3], node.id, `the link ends in the ID of node "${testCase.node}"`);
	assert.ok(link.startsWith(`${stack.webhookBase.replace(/\/$/, '')}/webhook-waiting/`), `the link points at this n8n (${stack.webhookBase}): ${link}`);
	tally.requests += 1;
	return { wf, testCase, executionId, link };
}

/** GET shows the page; an altered link is refused (GET and POST) and resumes nothing. */
async function checkPageAndTamper(stack, sent) {
	await checkPage(stack, sent);
	await checkTamper(stack, sent);
}

/** GET of the link shows the page and answers nothing. */
async function checkPage(stack, { wf, testCase, executionId, link }) {
	const page = await fetch(link);
	const html = await page.text();
	assert.equal(page.status, 200, `GET of the link of "${wf.name}" answers the page, got ${page.status}: ${html.slice(0, 300)}`);
	assert.match(String(page.headers.get('content-type')), /^text\/html/, 'the page is HTML');
	for (const part of testCase.pageIncludes) assert.ok(html.includes(part), `the page of "${wf.name}" shows ${part}`);
	assert.equal(await statusOf(stack, executionId), 'waiting', 'opening the page (as a link preview would) answers nothing');
}

/** The signed link with one signature digit changed gets 401 on GET and POST and resumes nothing. */
async function checkTamper(stack, { testCase, executionId, link }) {
	const forged = tamper(link);
	const get = await fetch(forged);
	await get.text();
	assert.equal(get.status, 401, `GET of a link with an altered signature must get 401, got ${get.status}`);
	const post = await form(forged, testCase.textField === 'text' ? { approved: 'true' } : { text: 'forged' });
	await post.text();
	assert.equal(post.status, 401, `POST to a link with an altered signature must get 401, got ${post.status}`);
	assert.equal(await statusOf(stack, executionId), 'waiting', 'the execution still waits after the altered link');
	tally.forgedRefused += 2;
}

/** Posts the answer, waits for the execution to finish and checks what the node output. */
async function answerAndCheck(stack, { wf, testCase, executionId, link }, fields, expected) {
	const res = await form(link, fields);
	const html = await res.text();
	assert.equal(res.status, 200, `the answer to "${wf.name}" is recorded, got ${res.status}: ${html.slice(0, 300)}`);
	const recorded = testCase.recorded || 'Your response was recorded';
	assert.ok(html.includes(recorded), `the person sees that the answer was recorded (${recorded}): ${html.slice(0, 600)}`);
	// n8n 1.x may report the execution finished a moment before it saved the resumed node's output.
	const resumedOutput = (d) => {
		const nodeRuns = d.resultData.runData[testCase.node] || [];
		const lastRun = nodeRuns[nodeRuns.length - 1];
		return !!lastRun && (!!lastRun.error || !!(lastRun.data && lastRun.data.main && lastRun.data.main[0] && lastRun.data.main[0].length));
	};
	const { execution, data } = await waitForExecution(stack.client, stack.install, executionId, undefined, {
		until: (d, e) => e.status !== 'success' || resumedOutput(d),
	});
	const runs = data.resultData.runData[testCase.node] || [];
	const last = runs[runs.length - 1];
	assert.equal(execution.status, 'success', `execution ${executionId} of "${wf.name}" ended ${execution.status}: ${last && last.error ? last.error.message : ''}`);
	const output = ((last && last.data && last.data.main && last.data.main[0]) || []).map((item) => item.json);
	assert.deepEqual(output, [expected], `"${testCase.node}" resumes with what the person answered`);
	// Resuming must not send the question again.
	const sent = stack.sandbox.requests({ provider: testCase.provider, path: testCase.path }).filter((r) => String(r.body[testCase.textField]).includes(link));
	assert.equal(sent.length, 1, `the question of "${wf.name}" went out ${sent.length} times`);
	tally.executions += 1;
}

/**
 * The Portuguese round trip (node version 1.1, default options): the accented question goes out by
 * SMS with n8n's real signed link although it takes more than the 2 parts version 1 allowed, and
 * every text the person sees on the page, including the refusal and the thanks, is Portuguese.
 */
async function checkPortugueseRoundTrip(stack) {
	const sent = await sendAndReadLink(stack, 'liguelead-sms-portuguese.json');
	const sms = `${sent.testCase.before}${sent.link}`;
	// One accent makes the whole SMS UCS-2: 70 characters in one part, 67 per part beyond.
	assert.ok(sms.length > 2 * 67 && sms.length <= 4 * 67, `the SMS (${sms.length} UTF-16 units, link ${sent.link.length}) takes 3 or 4 UCS-2 parts`);
	await checkPageAndTamper(stack, sent);
	const page = await (await fetch(sent.link)).text();
	assert.doesNotMatch(page, /Response|Submit|Write a|lang="en"/, 'no English text on the Portuguese page');
	const empty = await form(sent.link, { text: '  ' });
	const html = await empty.text();
	assert.equal(empty.status, 400, `an empty answer must get 400, got ${empty.status}`);
	assert.ok(html.includes('<p class="problem">Escreva uma resposta antes de enviar.</p>'), `the refusal is in Portuguese: ${html.slice(0, 600)}`);
	assert.equal(await statusOf(stack, sent.executionId), 'waiting', 'the execution still waits after the empty answer');
	const text = 'Quinta às 9h, obrigado.';
	await answerAndCheck(stack, sent, { text }, { data: { text } });
}

module.exports = { SEND_AND_WAIT_CASES, sendAndReadLink, checkPageAndTamper, checkPage, checkTamper, answerAndCheck, checkPortugueseRoundTrip, form, statusOf };
