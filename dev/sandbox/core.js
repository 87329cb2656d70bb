'use strict';
// Plumbing shared by the four emulated providers: body parsing (JSON, form, multipart), a tiny
// router, sliding-window rate limits and small validation helpers. Node's stdlib only.

const { randomBytes, randomUUID } = require('node:crypto');

/** A route pattern such as `/leads/:id` compiled to a matcher that returns the params or null. */
function compile(pattern) {
	const names = [];
	const source = pattern
		.split('/')
		.map((part) => {
			if (part.startsWith(':')) {
				names.push(part.slice(1));
				return '([^/]+)';
			}
			return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('/');
	const regex = new RegExp(`^${source}$`);
	return (path) => {
		const match = regex.exec(path);
		if (!match) return null;
		const params = {};
		names.forEach((name, index) => (params[name] = decodeURIComponent(match[index + 1])));
		return params;
	};
}

/** `[method, pattern, handler]` triples → a function finding the handler for a request. */
function router(routes) {
	const compiled = routes.map(([method, pattern, handler]) => ({ method, match: compile(pattern), handler, pattern }));
	return (method, path) => {
		let pathMatched = false;
		for (const route of compiled) {
			const params = route.match(path);
			if (!params) continue;
			pathMatched = true;
			if (route.method === method) return { handler: route.handler, params, pattern: route.pattern };
		}
		return { pathMatched };
	};
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** Splits a multipart/form-data body into its parts: `{ fields, files }`. */
function parseMultipart(raw, contentType) {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
	if (!match) return undefined;
	const boundary = Buffer.from(`--${match[1] || match[2]}`);
	const fields = {};
	const files = [];
	let position = raw.indexOf(boundary);
	while (position !== -1) {
		const start = position + boundary.length;
		if (raw.slice(start, start + 2).toString() === '--') break;
		const next = raw.indexOf(boundary, start);
		if (next === -1) break;
		// Each part: CRLF, headers, CRLF CRLF, content, CRLF.
		const part = raw.slice(start + 2, next - 2);
		const split = part.indexOf('\r\n\r\n');
		if (split !== -1) {
			const headerText = part.slice(0, split).toString('utf8');
			const content = part.slice(split + 4);
			const disposition = /content-disposition:([^\r\n]*)/i.exec(headerText)?.[1] ?? '';
			const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
			const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
			const type = /content-type:\s*([^\r\n]*)/i.exec(headerText)?.[1]?.trim();
			if (name !== undefined) {
				if (filename !== undefined) files.push({ name, filename, contentType: type ?? '', size: content.length, content });
				else fields[name] = content.toString('utf8');
			}
		}
		position = next;
	}
	return { fields, files };
}

/** Parses a request body by its content type; `error` says why it could not be read. */
function parseBody(raw, contentType) {
	const type = (contentType || '').toLowerCase();
	if (raw.length === 0) return { body: undefined };
	if (type.includes('multipart/form-data')) {
		const parsed = parseMultipart(raw, contentType);
		return parsed ? { body: parsed, multipart: true } : { error: 'multipart body without boundary' };
	}
	if (type.includes('application/x-www-form-urlencoded')) {
		return { body: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))) };
	}
	const text = raw.toString('utf8');
	try {
		return { body: JSON.parse(text) };
	} catch {
		return { error: 'the body is not valid JSON', body: text };
	}
}

/**
 * Sliding-window counters per provider and key. `limits` is a list of `{ limit, windowMs }`; the
 * first window that is full refuses the request and says how long until a slot frees up.
 */
class RateLimiter {
	constructor(limits) {
		this.limits = limits;
		this.hits = new Map();
	}

	/** Records one request at `now` unless a window is full; returns the state of every window. */
	take(key, now) {
		const log = this.hits.get(key) ?? [];
		const longest = Math.max(...this.limits.map((l) => l.windowMs));
		while (log.length > 0 && log[0] <= now - longest) log.shift();
		const windows = this.limits.map(({ limit, windowMs }) => {
			const inWindow = log.filter((at) => at > now - windowMs);
			const resetMs = inWindow.length > 0 ? inWindow[0] + windowMs - now : windowMs;
			return { limit, windowMs, used: inWindow.length, resetMs };
		});
		const full = windows.find((w) => w.used >= w.limit);
		if (!full) {
			log.push(now);
			windows.forEach((w) => (w.used += 1));
		}
		this.hits.set(key, log);
		return { allowed: !full, full, windows };
	}

	reset() {
		this.hits.clear();
	}
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isText = (value) => typeof value === 'string' && value.trim() !== '';

function isHttpUrl(value) {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/** The common `X-RateLimit-*` trio over the first (shortest) window; `reset` adds the epoch-seconds reset. */
function rateLimitHeaders(windows, { reset = true } = {}) {
	const [first] = windows;
	return {
		'X-RateLimit-Limit': String(first.limit),
		'X-RateLimit-Remaining': String(Math.max(0, first.limit - first.used)),
		...(reset ? { 'X-RateLimit-Reset': String(Math.ceil((Date.now() + first.resetMs) / 1000)) } : {}),
	};
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Short random ids in the style each provider uses. */
const ids = {
	hex: (length = 20) => randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length),
	highLevel: () => randomBytes(15).toString('base64').replace(/[^A-Za-z0-9]/g, '').slice(0, 20).padEnd(20, 'x'),
	uuid: () => randomUUID(),
};

module.exports = { router, readBody, parseBody, parseMultipart, RateLimiter, rateLimitHeaders, isObject, isText, isHttpUrl, EMAIL, ids };
