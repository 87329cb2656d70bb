// Drives Send and Wait for Response in a real n8n (started by send-and-wait.sh): a loopback mock of
// the IAGENTE SDR API captures the message, then the link is opened and answered like a browser
// would. Prints one line per check; exits 1 when one fails.
'use strict';
const http = require('http');

const [n8nPort, mockPort] = process.argv.slice(2).map(Number);
const captured = [];
const waiters = [];
const mock = http.createServer((req, res) => {
	let body = '';
	req.on('data', (chunk) => (body += chunk));
	req.on('end', () => {
		captured.push({ url: req.url, body });
		waiters.splice(0).forEach((wake) => wake());
		res.setHeader('content-type', 'application/json');
		res.statusCode = req.url === '/api/v1/whatsapp/messages' ? 201 : 200;
		res.end(JSON.stringify(req.url === '/api/v1/whatsapp/messages' ? { data: { id: 'm1', status: 'queued' } } : {}));
	});
});

async function next(prefix) {
	for (let tries = 0; tries < 50; tries++) {
		const found = captured.find((entry) => entry.url.startsWith(prefix) && !entry.seen);
		if (found) return ((found.seen = true), found);
		await new Promise((wake) => (waiters.push(wake), setTimeout(wake, 200)));
	}
	throw new Error(`nothing posted to ${prefix}`);
}

let failed = 0;
function check(name, ok, detail = '') {
	console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok ? '' : ` — ${detail}`}`);
	if (!ok) failed++;
}

const form = (url, fields) =>
	fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });

async function start(path, pct) {
	await fetch(`http://127.0.0.1:${n8nPort}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pct }) });
	const text = JSON.parse((await next('/api/v1/whatsapp/messages')).body).text;
	const url = text.split('Respond: ')[1];
	// The message goes out a moment before n8n saves the execution as waiting (409 until then).
	for (let tries = 0; tries < 50 && (await fetch(url)).status === 409; tries++) await new Promise((wake) => setTimeout(wake, 200));
	return { text, url };
}

(async () => {
	await new Promise((ready) => mock.listen(mockPort, '127.0.0.1', ready));

	const approval = await start('sw-approve', 10);
	check('message carries the question and a signed link', /^Aprova o desconto de 10%\?\n\nRespond: http:\/\/127\.0\.0\.1:\d+\/webhook-waiting\/\d+\/[0-9a-f-]{36}\?signature=[0-9a-f]{64}$/.test(approval.text), approval.text);
	const page = await fetch(approval.url);
	const html = await page.text();
	check('GET shows the page with the escaped labels', page.status === 200 && html.includes('>&lt;b&gt;Recusar&lt;/b&gt;</button>') && html.includes('>Aprovar</button>'), `${page.status}`);
	check('GET of an altered link is refused by n8n', (await fetch(approval.url.replace(/.$/, (c) => (c === '0' ? '1' : '0')))).status === 401);
	const answer = await form(approval.url, { approved: 'false' });
	check('POST records the answer', answer.status === 200 && (await answer.text()).includes('Your response was recorded'), `${answer.status}`);
	const approved = JSON.parse((await next('/result/swApprove')).body);
	check('execution resumed with { data: { approved: false } }', JSON.stringify(approved) === '{"data":{"approved":false}}', JSON.stringify(approved));

	const freeText = await start('sw-text', 15);
	check('empty free text is refused', (await form(freeText.url, { text: '  ' })).status === 400);
	check('free text is recorded', (await form(freeText.url, { text: 'Pode dar 5%, não 10%.' })).status === 200);
	const text = JSON.parse((await next('/result/swText')).body);
	check('execution resumed with { data: { text } }', JSON.stringify(text) === '{"data":{"text":"Pode dar 5%, não 10%."}}', JSON.stringify(text));

	mock.close();
	process.exit(failed === 0 ? 0 : 1);
})().catch((error) => {
	console.error(error);
	process.exit(1);
});
