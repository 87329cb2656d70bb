// Loopback stand-in for the IAGENTE SDR API: records every request, answers like the docs.
const http = require('http');
const fs = require('fs');
const log = [];
const server = http.createServer((req, res) => {
	let body = '';
	req.on('data', (c) => (body += c));
	req.on('end', () => {
		log.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
		fs.writeFileSync(`${process.env.E2E_DIR}/requests.json`, JSON.stringify(log, null, 1));
		res.setHeader('content-type', 'application/json');
		if (req.method === 'POST' && req.url === '/api/v1/leads') {
			res.statusCode = 201;
			return res.end(JSON.stringify({ data: { id: 77, ...JSON.parse(body) } }));
		}
		if (req.method === 'GET' && req.url === '/api/v1/webhooks') return res.end(JSON.stringify({ data: [] }));
		if (req.method === 'POST' && req.url === '/api/v1/webhooks') {
			const parsed = JSON.parse(body);
			res.statusCode = 201;
			return res.end(JSON.stringify({ data: { id: 9, ...parsed, signing_secret: 'whsec_e2e_placeholder' } }));
		}
		if (req.method === 'DELETE') { res.statusCode = 204; return res.end(); }
		res.statusCode = 404;
		res.end(JSON.stringify({ error: { code: 'not_found', message: 'No route' } }));
	});
});
server.listen(5799, '127.0.0.1');
setTimeout(() => server.close(), 280000);
