// A scripted OpenAI-compatible model on 127.0.0.1 for the AI Agent scenario: plain Node http, no
// network. It speaks the Chat Completions API (POST /v1/chat/completions, JSON or SSE when the
// request asks to stream), records every request body, and answers what `reply(body)` decides:
// one tool call, or a final text. Test tooling, never part of the package.
'use strict';
const http = require('node:http');

let sequence = 0;

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** The Chat Completions answer for one decision: { toolCall: { name, args } } or { text }. */
function completion(model, decision) {
	sequence += 1;
	const message = decision.toolCall
		? {
				role: 'assistant',
				content: null,
				tool_calls: [
					{ id: `call_mock_${sequence}`, type: 'function', function: { name: decision.toolCall.name, arguments: JSON.stringify(decision.toolCall.args) } },
				],
			}
		: { role: 'assistant', content: decision.text };
	return {
		id: `chatcmpl-mock-${sequence}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message, logprobs: null, finish_reason: decision.toolCall ? 'tool_calls' : 'stop' }],
		usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
	};
}

/** The same answer as server-sent events, as the API streams it. */
function streamChunks(answer) {
	const { message, finish_reason: finishReason } = answer.choices[0];
	const base = { id: answer.id, object: 'chat.completion.chunk', created: answer.created, model: answer.model };
	const delta = message.tool_calls
		? { role: 'assistant', content: null, tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) }
		: { role: 'assistant', content: message.content };
	return [
		{ ...base, choices: [{ index: 0, delta, finish_reason: null }] },
		{ ...base, choices: [{ index: 0, delta: {}, finish_reason: finishReason }], usage: answer.usage },
	];
}

/**
 * Starts the mock. `reply(body)` gets the parsed request and returns { toolCall } or { text }; when
 * it throws, the mock answers 500 with the reason and keeps it in `failures` for the test to show.
 */
async function startOpenAiMock({ reply }) {
	const requests = [];
	const failures = [];
	const server = http.createServer((req, res) => {
		void (async () => {
			const text = await readBody(req);
			const send = (status, body) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(body));
			};
			if (req.method === 'GET' && req.url === '/v1/models') {
				send(200, { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 0, owned_by: 'mock' }] });
				return;
			}
			if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
				failures.push(`unexpected ${req.method} ${req.url}`);
				send(404, { error: { message: `The mock serves only POST /v1/chat/completions, not ${req.method} ${req.url}` } });
				return;
			}
			let body;
			try {
				body = JSON.parse(text);
			} catch {
				failures.push('a request body that is not JSON');
				send(400, { error: { message: 'body is not JSON' } });
				return;
			}
			requests.push({ headers: req.headers, body });
			let decision;
			try {
				decision = reply(body);
			} catch (e) {
				failures.push(e.message);
				send(500, { error: { message: `scripted model: ${e.message}` } });
				return;
			}
			const answer = completion(body.model, decision);
			if (!body.stream) {
				send(200, answer);
				return;
			}
			res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
			for (const chunk of streamChunks(answer)) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
			res.end('data: [DONE]\n\n');
		})().catch((e) => {
			failures.push(e.message);
			if (!res.headersSent) res.writeHead(500);
			res.end();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		failures,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

module.exports = { startOpenAiMock };
