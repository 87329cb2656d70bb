'use strict';
// A local stand-in for the four provider APIs (dev and test only; never imported by nodes/).
// One HTTP server; each provider lives under its own prefix (/iagente, /superlead, /leadway,
// /liguelead); /__sandbox/* is the control API. Every provider request is recorded.

const http = require('node:http');

const { readBody, parseBody, router, RateLimiter } = require('./core');
const { createDeliverer, sandboxKeys } = require('./deliver');

const PROVIDERS = {
	iagente: require('./providers/iagente'),
	superlead: require('./providers/superlead'),
	leadway: require('./providers/leadway'),
	liguelead: require('./providers/liguelead'),
};

/** Every accepted spelling of a provider name, so `deliver({ provider: 'highlevel' })` works too. */
const ALIASES = {
	iagente: 'iagente', iagentesdr: 'iagente', 'iagente-sdr': 'iagente',
	superlead: 'superlead',
	leadway: 'leadway', highlevel: 'leadway', leadconnector: 'leadway',
	liguelead: 'liguelead', 'ligue-lead': 'liguelead',
};

function providerName(name) {
	const found = ALIASES[String(name ?? '').toLowerCase()];
	if (!found) throw new Error(`Unknown provider "${name}"; use one of ${Object.keys(PROVIDERS).join(', ')}`);
	return found;
}

function matches(record, filter = {}) {
	if (filter.provider && record.provider !== providerName(filter.provider)) return false;
	if (filter.method && record.method !== String(filter.method).toUpperCase()) return false;
	if (filter.path instanceof RegExp) return filter.path.test(record.path);
	if (filter.path && record.path !== filter.path) return false;
	return true;
}

function sendJson(res, status, body, headers = {}) {
	const text = body === undefined ? '' : JSON.stringify(body);
	res.writeHead(status, { ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }), ...headers });
	res.end(text);
}

/**
 * Starts the sandbox. `rateLimits` (optional) overrides a provider's windows, e.g.
 * `{ superlead: [{ limit: 2, windowMs: 60000 }] }`, so tests can reach a limit quickly.
 * `onRequest(record)` (optional) is called with each provider request once it is answered.
 */
async function startSandbox(options = {}) {
	const { port = 0, host = '127.0.0.1', latencyMs = 0, enforceRateLimits = true } = options;
	// Whether a 429 carries Retry-After for every provider (the default, so clients can be tested
	// against it) or only where the provider documents it (Superlead): `retryAfter: 'documented'`.
	let retryAfter = options.retryAfter ?? 'always';
	const recorded = [];
	const state = {};
	const limiters = {};
	const routers = {};
	for (const [name, provider] of Object.entries(PROVIDERS)) {
		routers[name] = router(provider.routes);
		limiters[name] = new RateLimiter(options.rateLimits?.[name] ?? provider.rateLimits);
	}
	const reset = () => {
		recorded.length = 0;
		for (const [name, provider] of Object.entries(PROVIDERS)) {
			state[name] = provider.createState();
			limiters[name].reset();
		}
	};
	reset();

	let sandbox;

	async function handleProvider(name, req, url, rawBody, record) {
		const provider = PROVIDERS[name];
		const prefix = `/${name}${provider.basePath}`;
		if (!url.pathname.startsWith(`${prefix}/`) && url.pathname !== prefix) {
			return provider.error(404, `Not found: ${url.pathname} (this API lives under ${prefix})`);
		}
		record.path = url.pathname.slice(prefix.length) || '/';
		// Parsed first, so refused requests are recorded with their body too.
		const parsed = parseBody(rawBody, req.headers['content-type']);
		record.body = parsed.multipart ? summariseMultipart(parsed.body) : parsed.body;
		const auth = provider.authenticate(req.headers, { path: record.path, method: req.method });
		if (!auth.key) return auth;

		let rateHeaders = {};
		if (enforceRateLimits) {
			const result = limiters[name].take(auth.key, Date.now());
			rateHeaders = provider.rateLimitHeaders(result.windows);
			if (!result.allowed) {
				const response = provider.rateLimited(result.full);
				const sendsRetryAfter = retryAfter !== 'documented' || provider.documentsRetryAfter === true;
				response.headers = {
					...rateHeaders,
					...response.headers,
					...(sendsRetryAfter ? { 'Retry-After': String(Math.max(1, Math.ceil(result.full.resetMs / 1000))) } : {}),
				};
				return response;
			}
		}

		const route = routers[name](req.method, record.path);
		if (!route.handler) {
			const response = route.pathMatched
				? provider.error(405, `Method ${req.method} is not allowed on ${record.path}`)
				: provider.error(404, `No such endpoint: ${req.method} ${record.path}`);
			return { ...response, headers: { ...rateHeaders, ...response.headers } };
		}
		if (parsed.error) {
			const response = provider.error(400, `The request body could not be read: ${parsed.error}`);
			return { ...response, headers: { ...rateHeaders, ...response.headers } };
		}
		const response = await route.handler({
			state: state[name],
			params: route.params,
			query: record.query,
			headers: req.headers,
			body: parsed.body ?? {},
			multipart: parsed.multipart === true,
			hasBody: parsed.body !== undefined,
			auth,
			sandbox,
		});
		return { ...response, headers: { ...rateHeaders, ...response.headers } };
	}

	async function handleControl(req, res, url, rawBody) {
		const path = url.pathname.slice('/__sandbox'.length);
		if (req.method === 'GET' && path === '/health') {
			return sendJson(res, 200, { ok: true, url: sandbox.url, providers: Object.keys(PROVIDERS), recorded: recorded.length });
		}
		if (path === '/requests' && req.method === 'GET') {
			const filter = Object.fromEntries(['provider', 'method', 'path'].filter((k) => url.searchParams.has(k)).map((k) => [k, url.searchParams.get(k)]));
			try {
				return sendJson(res, 200, sandbox.requests(filter));
			} catch (cause) {
				return sendJson(res, 400, { error: cause.message });
			}
		}
		if (path === '/requests' && req.method === 'DELETE') {
			recorded.length = 0;
			return sendJson(res, 204);
		}
		if (path === '/reset' && req.method === 'POST') {
			reset();
			return sendJson(res, 204);
		}
		if (path === '/credentials' && req.method === 'GET') {
			return sendJson(res, 200, { credentials: sandbox.credentials, triggerSettings: sandbox.triggerSettings });
		}
		if (path === '/deliver' && req.method === 'POST') {
			let options;
			try {
				options = JSON.parse(rawBody.toString('utf8') || '{}');
			} catch {
				return sendJson(res, 400, { error: 'The body must be JSON deliver options: { provider, to, event?, payload?, forge? }' });
			}
			try {
				return sendJson(res, 200, await sandbox.deliver(options));
			} catch (cause) {
				return sendJson(res, 400, { error: cause.message });
			}
		}
		return sendJson(res, 404, { error: `Unknown control endpoint ${req.method} ${url.pathname}` });
	}

	const server = http.createServer(async (req, res) => {
		try {
			const url = new URL(req.url, 'http://sandbox.local');
			const rawBody = await readBody(req);
			if (url.pathname.startsWith('/__sandbox/')) return await handleControl(req, res, url, rawBody);
			const name = url.pathname.split('/')[1];
			if (!PROVIDERS[name]) {
				return sendJson(res, 404, { error: `Unknown path ${url.pathname}: providers live under /${Object.keys(PROVIDERS).join(', /')}` });
			}
			const record = {
				provider: name,
				method: req.method,
				path: url.pathname,
				url: url.pathname + url.search,
				query: Object.fromEntries(url.searchParams),
				headers: { ...req.headers },
				body: undefined,
				rawBody: rawBody.toString('utf8'),
				status: undefined,
				at: new Date().toISOString(),
			};
			recorded.push(record);
			const response = await handleProvider(name, req, url, rawBody, record);
			record.status = response.status;
			record.responseHeaders = { ...(response.headers ?? {}) };
			record.responseBody = response.body;
			if (options.onRequest) {
				try {
					options.onRequest({ ...record });
				} catch {
					// A watcher's failure never changes what the sandbox answers.
				}
			}
			if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
			sendJson(res, response.status, response.body, response.headers);
		} catch (cause) {
			sendJson(res, 500, { error: `sandbox failure: ${cause.message}` });
		}
	});

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	const address = server.address();
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

	const credentials = {};
	for (const provider of Object.values(PROVIDERS)) credentials[provider.credentialType] = provider.credentials(url);

	// Trigger settings that are node parameters, not credential fields, today.
	const triggerSettings = {
		ligueLeadTrigger: { token: PROVIDERS.liguelead.WEBHOOK_TOKEN },
		leadwayTrigger: { ed25519PublicKey: sandboxKeys.leadwayPublicKeyPem },
	};

	sandbox = {
		url,
		port: address.port,
		credentials,
		triggerSettings,
		sandboxKeys,
		requests: (filter) => recorded.filter((record) => matches(record, filter)).map((record) => ({ ...record })),
		reset,
		/**
		 * Replaces providers' windows while running, e.g. `configureRateLimits({ leadway: [{ limit: 20,
		 * windowMs: 2000 }] }, { retryAfter: 'documented' })`: a test scales a limit down without a restart.
		 */
		configureRateLimits(limits, settings = {}) {
			for (const [name, windows] of Object.entries(limits)) limiters[providerName(name)] = new RateLimiter(windows);
			if (settings.retryAfter) retryAfter = settings.retryAfter;
		},
		/** Live registrations, e.g. `webhooks('iagente')` for the IAGENTE webhooks triggers made. */
		state: (name) => state[providerName(name)],
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
	sandbox.deliver = createDeliverer({ providerName, state: (name) => state[name], credentials, triggerSettings });
	return sandbox;
}

/** Multipart bodies are recorded as their fields plus a description of each file (not its bytes). */
function summariseMultipart({ fields, files }) {
	return { ...fields, files: files.map(({ content: _content, ...file }) => file) };
}

module.exports = { startSandbox, sandboxKeys, PROVIDERS };
