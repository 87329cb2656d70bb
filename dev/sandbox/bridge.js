'use strict';
// A minimal HTTP endpoint on 127.0.0.1 for tests: hands each request (raw bytes kept) to a handler
// and answers what it returns. Lets `deliver()` reach a trigger run in n8n-core's WebhookContext.

const http = require('node:http');

async function startBridge(handler, { host = '127.0.0.1', port = 0 } = {}) {
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', async () => {
			const url = new URL(req.url ?? '/', 'http://bridge.local');
			const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value ?? '')]));
			try {
				const { status = 200, body, headers: extra = {} } = await handler({
					method: req.method,
					path: url.pathname,
					query: Object.fromEntries(url.searchParams),
					headers,
					rawBody: Buffer.concat(chunks),
				});
				res.writeHead(status, { 'Content-Type': 'application/json', ...extra });
				res.end(body === undefined ? '' : JSON.stringify(body));
			} catch (error) {
				res.writeHead(500, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ error: error.message }));
			}
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	return {
		url: `http://${host}:${server.address().port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { startBridge };
