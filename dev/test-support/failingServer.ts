// A provider stand-in on 127.0.0.1 (real sockets, ephemeral port) that fails on purpose, and records
// what it received and what it "processed", so tests can count deliveries per item. Test tooling in dev/,
// never part of the package: it runs on Node beside the tests, not inside n8n.
import { createServer } from 'http';
import type { IncomingMessage, Server, ServerResponse } from 'http';
import type { AddressInfo, Socket } from 'net';

/** What the server does with one request. */
export type Action =
	| { kind: 'ok'; status?: number; body?: unknown }
	/** 429 before processing; `retryAfter` in seconds when given. */
	| { kind: 'rateLimited'; retryAfter?: string }
	/** 503 before processing. */
	| { kind: 'unavailable' }
	/** The socket is destroyed before any byte of a response; `processed` says whether it was handled first. */
	| { kind: 'reset'; processed: boolean }
	/** Processed (the provider has it), then no answer ever: only the client's timeout ends it. */
	| { kind: 'hangAfterAccept' }
	/** An error status with a body, before processing (used by the secrets suite). */
	| { kind: 'error'; status: number; body: unknown; headers?: Record<string, string> };

export interface Received {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON when the body is JSON, else the raw text. */
	body: unknown;
	action: Action['kind'];
	/** Whether the provider handled it (a message went out, a record was created). */
	processed: boolean;
}

export interface FailingServer {
	url: string;
	received: Received[];
	/** Decides the action for each request; `n` counts requests so far (0-based). */
	plan: (request: Omit<Received, 'action' | 'processed'>, n: number) => Action;
	/** What a successful answer looks like for this request. */
	success: (request: Omit<Received, 'action' | 'processed'>) => { status: number; body: unknown };
	/** Forgets what was received and the idempotency keys seen (a fresh provider for the next test). */
	reset(): void;
	close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parse(text: string): unknown {
	if (text === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/**
 * Starts the server. An Idempotency-Key seen before is answered with the first answer and is not
 * processed again, as Superlead documents (24 h per key).
 */
export async function startFailingServer(): Promise<FailingServer> {
	const sockets = new Set<Socket>();
	const answeredByKey = new Map<string, { status: number; body: unknown }>();
	const processedKeys = new Set<string>();
	const state: FailingServer = {
		url: '',
		received: [],
		plan: () => ({ kind: 'ok' }),
		success: () => ({ status: 200, body: { ok: true } }),
		reset: () => {
			state.received.length = 0;
			answeredByKey.clear();
			processedKeys.clear();
		},
		close: async () => {},
	};

	const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
		res.writeHead(status, { 'content-type': 'application/json', ...headers });
		res.end(JSON.stringify(body));
	};

	const server: Server = createServer((req, res) => {
		void (async () => {
			const text = await readBody(req);
			const request = {
				method: req.method ?? 'GET',
				path: req.url ?? '/',
				headers: req.headers,
				body: parse(text),
			};
			const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
			const action = state.plan(request, state.received.length);
			// A key already processed is never processed again, whatever the plan says.
			const repeat = key !== undefined && processedKeys.has(key);
			const processes = !repeat && (action.kind === 'ok' || action.kind === 'hangAfterAccept' || (action.kind === 'reset' && action.processed));
			state.received.push({ ...request, action: action.kind, processed: processes });
			if (processes && key !== undefined) processedKeys.add(key);

			if (repeat && key !== undefined && action.kind === 'ok') {
				const first = answeredByKey.get(key) ?? state.success(request);
				send(res, first.status, first.body);
				return;
			}
			switch (action.kind) {
				case 'ok': {
					const answer = action.body !== undefined ? { status: action.status ?? 200, body: action.body } : state.success(request);
					if (key !== undefined) answeredByKey.set(key, answer);
					send(res, answer.status, answer.body);
					return;
				}
				case 'rateLimited':
					send(res, 429, { error: { code: 'rate_limit_exceeded', message: 'Too many requests' } }, action.retryAfter !== undefined ? { 'retry-after': action.retryAfter } : {});
					return;
				case 'unavailable':
					send(res, 503, { error: { code: 'unavailable', message: 'Service unavailable' } });
					return;
				case 'error':
					send(res, action.status, action.body, action.headers);
					return;
				case 'reset':
					req.socket.destroy();
					return;
				case 'hangAfterAccept':
					// Never answers; the socket is destroyed on close().
					return;
			}
		})();
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	state.url = `http://127.0.0.1:${port}`;
	state.close = async () => {
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return state;
}
