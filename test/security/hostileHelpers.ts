// Sends requests to a trigger's webhook() through n8n-core's real WebhookContext (test/harness),
// with the body n8n would have parsed, and keeps the figures the hostile suites report.
import type { IDataObject, INodeType, IWebhookResponseData } from 'n8n-workflow';

import { timing } from '../../nodes/shared/http';
import { webhookContext } from '../harness';
import type { CapturedResponse, Setup, WebhookRequest } from '../harness';
import { printFigures } from '../../dev/test-support/figures';

/**
 * What n8n (packages/cli webhook-helpers + middlewares/body-parser) puts in req.body for a
 * version-1 trigger: it reads the raw bytes, then parses JSON for application/json, text for
 * text/plain and a query string for forms; any other type (octet-stream, none) leaves the body
 * undefined. An empty body is never parsed. Invalid JSON sent as application/json is answered 422
 * by n8n before the node runs, so such requests are not sent here (`reachesNode` is false).
 */
export function n8nParsedBody(contentType: string | undefined, raw: Buffer | undefined): { body: unknown; reachesNode: boolean } {
	if (raw === undefined || raw.length === 0) return { body: undefined, reachesNode: true };
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type === 'application/json') {
		try {
			return { body: JSON.parse(raw.toString('utf8')) as unknown, reachesNode: true };
		} catch {
			return { body: undefined, reachesNode: false };
		}
	}
	if (type === 'text/plain') return { body: raw.toString('utf8'), reachesNode: true };
	if (type === 'application/x-www-form-urlencoded') {
		return { body: parseForm(raw.toString('utf8')), reachesNode: true };
	}
	return { body: undefined, reachesNode: true };
}

/** Like Node's querystring.parse, which n8n uses for forms: a repeated key gives an array. */
function parseForm(text: string): IDataObject {
	const form: IDataObject = {};
	for (const [key, value] of new URLSearchParams(text)) {
		const previous = form[key];
		form[key] = previous === undefined ? value : Array.isArray(previous) ? [...(previous as string[]), value] : [previous as string, value];
	}
	return form;
}

export interface HostileRequest {
	headers?: Record<string, string | string[]>;
	/** Undefined: a multipart request, whose bytes n8n does not keep. */
	raw: Buffer | undefined;
	query?: IDataObject;
	/** Route parameters (n8n's webhook path parameters). */
	params?: IDataObject;
	/** Overrides what n8n parsed (e.g. multipart's { data, files }). */
	body?: unknown;
}

export interface Outcome {
	result?: IWebhookResponseData;
	captured: CapturedResponse;
	threw?: unknown;
	/** Whether n8n would start an execution: webhook() returned workflowData. */
	started: boolean;
}

export async function send(
	trigger: INodeType,
	setup: Setup,
	request: HostileRequest,
	staticData: IDataObject = {},
): Promise<Outcome> {
	const headers = request.headers ?? {};
	const contentType = typeof headers['content-type'] === 'string' ? headers['content-type'] : undefined;
	const parsed = n8nParsedBody(contentType, request.raw);
	if (!parsed.reachesNode) throw new Error('n8n refuses this request (422) before the node runs; send it with another content type');
	const full: WebhookRequest = {
		headers,
		rawBody: request.raw,
		body: 'body' in request ? request.body : parsed.body,
		query: request.query ?? {},
		params: request.params ?? {},
	};
	const { context, captured } = webhookContext(setup, full, staticData);
	try {
		const result = await trigger.webhook!.call(context);
		return { result, captured, started: result.workflowData !== undefined };
	} catch (threw) {
		return { captured, threw, started: false };
	}
}

/** What a hostile request must get: a refusal with this status and message, or a 200 that starts nothing. */
export type Expected = { status: 400 | 401; error: string } | { ignored: string };

export interface HostileCase {
	name: string;
	request: () => HostileRequest;
	expected: Expected;
	setup?: Setup;
	staticData?: IDataObject;
	/** Requests sent first on the same static data (e.g. the original of a replay); they must start one execution each. */
	before?: Array<() => HostileRequest>;
}

export class Tally {
	hostile = 0;
	hostileStarted = 0;
	valid = 0;
	validStarted = 0;
	threw = 0;

	record(outcome: Outcome, valid: boolean): void {
		if (outcome.threw !== undefined) this.threw++;
		if (valid) {
			this.valid++;
			if (outcome.started) this.validStarted++;
		} else {
			this.hostile++;
			if (outcome.started) this.hostileStarted++;
		}
	}

	summary(trigger: string): string {
		return `[security] ${trigger}: ${this.hostile} hostile requests, ${this.hostileStarted} executions started, ${this.threw} throws; ${this.valid} valid requests, ${this.validStarted} executions started\n`;
	}
}

/** Checks one outcome against what a hostile request must get. */
export function expectRefused(outcome: Outcome, expected: Expected): void {
	expect(outcome.threw).toBeUndefined();
	expect(outcome.started).toBe(false);
	if ('ignored' in expected) {
		expect(outcome.result).toEqual({ webhookResponse: { received: true, ignored: expected.ignored } });
		expect(outcome.captured.statusCode).toBeUndefined();
	} else {
		expect(outcome.result).toEqual({ noWebhookResponse: true });
		expect(outcome.captured).toEqual({ statusCode: expected.status, body: { error: expected.error }, ended: true });
	}
}

/** Checks that a valid request starts exactly one execution and answers nothing itself. */
export function expectStartedOnce(outcome: Outcome): void {
	expect(outcome.threw).toBeUndefined();
	expect(outcome.started).toBe(true);
	expect(outcome.result?.workflowData).toHaveLength(1);
	expect(outcome.captured.statusCode).toBeUndefined();
}

/** Runs the hostile cases of one trigger, each as its own test, and counts them. */
export function runHostileCases(
	trigger: INodeType,
	defaultSetup: () => Setup,
	defaultStaticData: () => IDataObject,
	cases: HostileCase[],
	tally: Tally,
): void {
	const names = new Set<string>();
	for (const hostile of cases) {
		if (names.has(hostile.name)) throw new Error(`Duplicate hostile case name: ${hostile.name}`);
		names.add(hostile.name);
		it(`refuses: ${hostile.name}`, async () => {
			const setup = hostile.setup ?? defaultSetup();
			const staticData = hostile.staticData ?? defaultStaticData();
			for (const first of hostile.before ?? []) {
				const outcome = await send(trigger, setup, first(), staticData);
				tally.record(outcome, true);
				expectStartedOnce(outcome);
			}
			const outcome = await send(trigger, setup, hostile.request(), staticData);
			tally.record(outcome, false);
			expectRefused(outcome, hostile.expected);
		});
	}
}

/** A JSON array nested `depth` deep, a few KB of text that overflows JSON.stringify's stack. */
export function deeplyNested(depth = 100_000): Buffer {
	return Buffer.from(`${'['.repeat(depth)}${']'.repeat(depth)}`, 'utf8');
}

/** A 10 MB JSON object (one long string value). */
export function tenMegabytes(): Buffer {
	const filler = 'a'.repeat(10 * 1024 * 1024);
	return Buffer.from(`{"event":"x","filler":"${filler}"}`, 'utf8');
}

/** The same JSON with every non-ASCII character written as a \u escape: the same data, other bytes. */
export function asciiEscaped(raw: Buffer): Buffer {
	return Buffer.from(raw.toString('utf8').replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`), 'utf8');
}

/** Text in Unicode NFD (decomposed accents): looks the same, other bytes. */
export function nfd(raw: Buffer): Buffer {
	return Buffer.from(raw.toString('utf8').normalize('NFD'), 'utf8');
}

/** Prints a figure line outside Jest's console capture, so the run's output can be quoted. */
export function report(line: string): void {
	printFigures('[security]', line.replace(/^\[security\]\s*/, '').replace(/\n$/, ''));
}

export type RefusalKind = 'missing' | 'empty' | 'repeated' | 'invalid' | 'malformed';

export interface SignedTriggerSpec {
	/** The signature header, in lower case. */
	header: string;
	/** A fresh valid event body (with accents, so NFC/NFD cases mean something). */
	event: () => Buffer;
	/** The header value a genuine sender puts on these bytes. */
	signatureOf: (raw: Buffer) => string;
	/** Other headers a genuine request carries (e.g. a timestamp). */
	extraHeaders?: () => Record<string, string>;
	/** A signature of the bytes written with another prefix, another encoding, another key/secret and another algorithm. */
	wrongPrefix: (raw: Buffer) => string;
	otherEncoding: (raw: Buffer) => string;
	otherKey: (raw: Buffer) => string;
	otherAlgorithm: (raw: Buffer) => string;
	/** What the trigger answers for each kind of refusal. */
	expect: (kind: RefusalKind) => Expected;
}

const JSON_TYPE = { 'content-type': 'application/json' };

function changeOneCharacter(text: string): string {
	const middle = Math.floor(text.length / 2);
	const replacement = text[middle] === 'A' ? 'B' : 'A';
	return `${text.slice(0, middle)}${replacement}${text.slice(middle + 1)}`;
}

function reorderKeys(raw: Buffer): Buffer {
	const parsed = JSON.parse(raw.toString('utf8')) as IDataObject;
	const reordered = Object.fromEntries(Object.entries(parsed).reverse());
	return Buffer.from(JSON.stringify(reordered), 'utf8');
}

/** The hostile requests every signed trigger must refuse (more than 40). */
export function signedTriggerCases(spec: SignedTriggerSpec): HostileCase[] {
	const headers = (raw: Buffer, signature: string | string[] = spec.signatureOf(raw), base: Record<string, string> = JSON_TYPE) => ({
		...base,
		...(spec.extraHeaders?.() ?? {}),
		[spec.header]: signature,
	});
	const withoutSignature = (base: Record<string, string> = JSON_TYPE) => ({ ...base, ...(spec.extraHeaders?.() ?? {}) });
	/** A request for `sent` bytes carrying the signature of `signed` bytes. */
	const swapped = (sent: Buffer, signed: Buffer, base: Record<string, string> = JSON_TYPE): HostileRequest => ({
		headers: headers(sent, spec.signatureOf(signed), base),
		raw: sent,
	});
	const event = spec.event;
	const other = () => Buffer.from(JSON.stringify({ event: 'lead.created', note: 'another body entirely' }), 'utf8');
	const text = { 'content-type': 'text/plain' };
	const binary = { 'content-type': 'application/octet-stream' };
	return [
		{ name: 'no headers at all', request: () => ({ raw: event() }), expected: spec.expect('missing') },
		{ name: 'only a content type, no signature', request: () => ({ headers: withoutSignature(), raw: event() }), expected: spec.expect('missing') },
		{ name: 'empty signature header', request: () => ({ headers: headers(event(), ''), raw: event() }), expected: spec.expect('empty') },
		{ name: 'signature header of only spaces', request: () => ({ headers: headers(event(), '   '), raw: event() }), expected: spec.expect('empty') },
		{ name: 'signature header repeated, both values right', request: () => { const raw = event(); return { headers: headers(raw, [spec.signatureOf(raw), spec.signatureOf(raw)]), raw }; }, expected: spec.expect('repeated') },
		{ name: 'signature header repeated, right value first', request: () => { const raw = event(); return { headers: headers(raw, [spec.signatureOf(raw), 'junk']), raw }; }, expected: spec.expect('repeated') },
		{ name: 'signature header repeated, right value last', request: () => { const raw = event(); return { headers: headers(raw, ['junk', spec.signatureOf(raw)]), raw }; }, expected: spec.expect('repeated') },
		{ name: 'signature header as an empty array', request: () => ({ headers: headers(event(), []), raw: event() }), expected: spec.expect('repeated') },
		{ name: 'two signatures joined with ", " (how Node merges a repeated header)', request: () => { const raw = event(); return { headers: headers(raw, `${spec.signatureOf(raw)}, ${spec.signatureOf(raw)}`), raw }; }, expected: spec.expect('invalid') },
		{ name: 'signature under the header name with underscores', request: () => { const raw = event(); return { headers: { ...withoutSignature(), [spec.header.replace(/-/g, '_')]: spec.signatureOf(raw) }, raw }; }, expected: spec.expect('missing') },
		{ name: 'signature under another header name', request: () => { const raw = event(); return { headers: { ...withoutSignature(), signature: spec.signatureOf(raw), authorization: spec.signatureOf(raw) }, raw }; }, expected: spec.expect('missing') },
		{ name: 'signature in the query string instead of a header', request: () => { const raw = event(); return { headers: withoutSignature(), raw, query: { [spec.header]: spec.signatureOf(raw), signature: spec.signatureOf(raw) } }; }, expected: spec.expect('missing') },
		{ name: 'signature inside the body instead of a header', request: () => { const inner = event(); const raw = Buffer.from(JSON.stringify({ ...(JSON.parse(inner.toString()) as IDataObject), signature: spec.signatureOf(inner) })); return { headers: withoutSignature(), raw }; }, expected: spec.expect('missing') },
		{ name: 'signature of another body', request: () => swapped(event(), other()), expected: spec.expect('invalid') },
		{ name: 'signature of the body plus one byte', request: () => { const raw = event(); return swapped(raw, Buffer.concat([raw, Buffer.from(' ')])); }, expected: spec.expect('invalid') },
		{ name: 'body plus one byte under the original signature', request: () => { const raw = event(); return swapped(Buffer.concat([raw, Buffer.from('\n')]), raw); }, expected: spec.expect('invalid') },
		{ name: 'body minus its last byte under the original signature', request: () => { const raw = event(); return swapped(raw.subarray(0, raw.length - 1), raw, binary); }, expected: spec.expect('invalid') },
		{ name: 'signature truncated by one character', request: () => { const raw = event(); return { headers: headers(raw, spec.signatureOf(raw).slice(0, -1)), raw }; }, expected: spec.expect('invalid') },
		{ name: 'signature truncated to half', request: () => { const raw = event(); const signature = spec.signatureOf(raw); return { headers: headers(raw, signature.slice(0, Math.floor(signature.length / 2))), raw }; }, expected: spec.expect('invalid') },
		{ name: 'signature with one character more', request: () => { const raw = event(); return { headers: headers(raw, `${spec.signatureOf(raw)}0`), raw }; }, expected: spec.expect('invalid') },
		{ name: 'signature with one character changed', request: () => { const raw = event(); return { headers: headers(raw, changeOneCharacter(spec.signatureOf(raw))), raw }; }, expected: spec.expect('invalid') },
		{ name: 'signature with a wrong prefix', request: () => { const raw = event(); return { headers: headers(raw, spec.wrongPrefix(raw)), raw }; }, expected: spec.expect('invalid') },
		{ name: 'signature in another encoding', request: () => { const raw = event(); return { headers: headers(raw, spec.otherEncoding(raw)), raw }; }, expected: spec.expect('invalid') },
		{ name: 'signature made with another key or secret', request: () => { const raw = event(); return { headers: headers(raw, spec.otherKey(raw)), raw }; }, expected: spec.expect('invalid') },
		{ name: 'signature made with another algorithm', request: () => { const raw = event(); return { headers: headers(raw, spec.otherAlgorithm(raw)), raw }; }, expected: spec.expect('invalid') },
		{ name: 'body re-serialised with indentation under the original signature', request: () => { const raw = event(); return swapped(Buffer.from(JSON.stringify(JSON.parse(raw.toString()), null, 2)), raw); }, expected: spec.expect('invalid') },
		{ name: 'body re-serialised with its keys reordered', request: () => { const raw = event(); return swapped(reorderKeys(raw), raw); }, expected: spec.expect('invalid') },
		{ name: 'original bytes under a signature of the re-serialised body', request: () => { const raw = Buffer.from(JSON.stringify(JSON.parse(event().toString()), null, 1)); return swapped(raw, Buffer.from(JSON.stringify(JSON.parse(raw.toString())))); }, expected: spec.expect('invalid') },
		{ name: 'body re-encoded with \\u escapes', request: () => { const raw = event(); return swapped(asciiEscaped(raw), raw); }, expected: spec.expect('invalid') },
		{ name: 'body re-encoded in UTF-16LE', request: () => { const raw = event(); return swapped(Buffer.from(raw.toString('utf8'), 'utf16le'), raw, binary); }, expected: spec.expect('invalid') },
		{ name: 'body re-encoded in Latin-1', request: () => { const raw = event(); return swapped(Buffer.from(raw.toString('utf8'), 'latin1'), raw, binary); }, expected: spec.expect('invalid') },
		{ name: 'body in Unicode NFD under the signature of its NFC form', request: () => { const raw = event(); return swapped(nfd(raw), raw); }, expected: spec.expect('invalid') },
		{ name: 'body in Unicode NFC under the signature of its NFD form', request: () => { const raw = event(); return swapped(raw, nfd(raw)); }, expected: spec.expect('invalid') },
		{ name: 'empty body under the original signature', request: () => swapped(Buffer.alloc(0), event()), expected: spec.expect('invalid') },
		{ name: 'empty body with no content type and no signature', request: () => ({ headers: {}, raw: Buffer.alloc(0) }), expected: spec.expect('missing') },
		{ name: 'non-JSON text under the original signature', request: () => swapped(Buffer.from('hello, this is not JSON'), event(), text), expected: spec.expect('invalid') },
		{ name: 'random binary under the original signature (octet-stream)', request: () => swapped(Buffer.from([0, 255, 1, 254, 128, 10, 13]), event(), binary), expected: spec.expect('invalid') },
		{ name: 'form-encoded body under the original signature', request: () => swapped(Buffer.from('event=lead.created&x=1'), event(), { 'content-type': 'application/x-www-form-urlencoded' }), expected: spec.expect('invalid') },
		{ name: 'multipart request (n8n keeps no bytes) with a signature of the event', request: () => ({ headers: headers(event(), spec.signatureOf(event()), { 'content-type': 'multipart/form-data' }), raw: undefined, body: { data: JSON.parse(event().toString()) as IDataObject, files: {} } }), expected: spec.expect('invalid') },
		{ name: 'JSON null under the original signature', request: () => swapped(Buffer.from('null'), event()), expected: spec.expect('invalid') },
		{ name: 'JSON array under the original signature', request: () => swapped(Buffer.from(`[${event().toString()}]`), event()), expected: spec.expect('invalid') },
		{ name: 'JSON string under the original signature', request: () => swapped(Buffer.from(JSON.stringify(event().toString())), event()), expected: spec.expect('invalid') },
		{ name: 'deeply nested array (100,000 levels) with a garbage signature', request: () => ({ headers: headers(deeplyNested(), 'AAAA'), raw: deeplyNested() }), expected: spec.expect('invalid') },
		{ name: 'deeply nested array under the signature of the event', request: () => swapped(deeplyNested(), event()), expected: spec.expect('invalid') },
		{ name: 'deeply nested array as octet-stream under a signature of the event', request: () => swapped(deeplyNested(), event(), binary), expected: spec.expect('invalid') },
		{ name: '10 MB body with a garbage signature', request: () => { const raw = tenMegabytes(); return { headers: headers(raw, 'deadbeef'), raw }; }, expected: spec.expect('invalid') },
		{ name: '10 MB body under the signature of the event', request: () => swapped(tenMegabytes(), event()), expected: spec.expect('invalid') },
		{ name: 'correctly signed empty body', request: () => ({ headers: headers(Buffer.alloc(0), spec.signatureOf(Buffer.alloc(0)), {}), raw: Buffer.alloc(0) }), expected: spec.expect('malformed') },
		{ name: 'correctly signed non-JSON text', request: () => { const raw = Buffer.from('not json'); return { headers: headers(raw, spec.signatureOf(raw), text), raw }; }, expected: spec.expect('malformed') },
		{ name: 'correctly signed JSON array', request: () => { const raw = Buffer.from('[{"event":"x"}]'); return { headers: headers(raw), raw }; }, expected: spec.expect('malformed') },
		{ name: 'correctly signed JSON null', request: () => { const raw = Buffer.from('null'); return { headers: headers(raw), raw }; }, expected: spec.expect('malformed') },
		{ name: 'correctly signed JSON number', request: () => { const raw = Buffer.from('42'); return { headers: headers(raw), raw }; }, expected: spec.expect('malformed') },
		{ name: 'correctly signed JSON string sent as text/plain', request: () => { const raw = Buffer.from('"lead.created"'); return { headers: headers(raw, spec.signatureOf(raw), text), raw }; }, expected: spec.expect('malformed') },
		{ name: 'correctly signed deeply nested array', request: () => { const raw = deeplyNested(); return { headers: headers(raw), raw }; }, expected: spec.expect('malformed') },
	];
}

/** Genuine requests in several acceptable shapes; each must start exactly one execution. */
export function validRequests(spec: SignedTriggerSpec): Array<{ name: string; request: () => HostileRequest }> {
	const headers = (raw: Buffer, base: Record<string, string>) => ({ ...base, ...(spec.extraHeaders?.() ?? {}), [spec.header]: spec.signatureOf(raw) });
	return [
		{ name: 'JSON, as n8n parses it', request: () => { const raw = spec.event(); return { headers: headers(raw, JSON_TYPE), raw }; } },
		{ name: 'JSON with a charset parameter', request: () => { const raw = spec.event(); return { headers: headers(raw, { 'content-type': 'application/json; charset=utf-8' }), raw }; } },
		{ name: 'JSON sent as octet-stream (n8n leaves the body unparsed)', request: () => { const raw = spec.event(); return { headers: headers(raw, { 'content-type': 'application/octet-stream' }), raw }; } },
		{ name: 'JSON without a content type', request: () => { const raw = spec.event(); return { headers: headers(raw, {}), raw }; } },
		{ name: 'JSON sent as text/plain (n8n gives a string)', request: () => { const raw = spec.event(); return { headers: headers(raw, { 'content-type': 'text/plain' }), raw }; } },
		{ name: 'JSON in Unicode NFD, signed as sent', request: () => { const raw = nfd(spec.event()); return { headers: headers(raw, JSON_TYPE), raw }; } },
		{ name: 'JSON with \\u escapes, signed as sent', request: () => { const raw = asciiEscaped(spec.event()); return { headers: headers(raw, JSON_TYPE), raw }; } },
	];
}

/** Runs the valid requests of one trigger, each as its own test, and counts them. */
export function runValidRequests(
	trigger: INodeType,
	defaultSetup: () => Setup,
	defaultStaticData: () => IDataObject,
	requests: Array<{ name: string; request: () => HostileRequest }>,
	tally: Tally,
): void {
	for (const valid of requests) {
		it(`starts exactly one execution: ${valid.name}`, async () => {
			const outcome = await send(trigger, defaultSetup(), valid.request(), defaultStaticData());
			tally.record(outcome, true);
			expectStartedOnce(outcome);
		});
	}
}

/** A genuine request sent a first time (it must start one execution), then again: the second must start nothing. */
export function replayCase(name: string, setup: Setup, first: () => HostileRequest, again: () => HostileRequest = first): HostileCase {
	return { name, setup, before: [first], request: again, expected: { ignored: 'repeated delivery' } };
}

export interface HostileSuite {
	title: string;
	trigger: INodeType;
	setup: () => Setup;
	/** The node's static data before each request (default: empty). */
	staticData?: () => IDataObject;
	/** Freezes the triggers' clock (timing.now) at this instant, for timestamp checks. */
	now?: number;
	cases: HostileCase[];
	/** Genuine requests, each under its own setup (default: `setup`). */
	valid: Array<{ setup?: () => Setup; requests: Array<{ name: string; request: () => HostileRequest }> }>;
	/** Further tests of the suite, which record their outcomes in the tally. */
	more?: (tally: Tally) => void;
}

/** One trigger's hostile suite: the cases, the genuine requests, and its figures checked and printed at the end. */
export function describeHostileSuite(suite: HostileSuite): void {
	describe(`${suite.title} under hostile requests`, () => {
		const tally = new Tally();
		const staticData = suite.staticData ?? (() => ({}));
		if (suite.now !== undefined) {
			const now = suite.now;
			beforeEach(() => {
				jest.spyOn(timing, 'now').mockReturnValue(now);
			});
			afterEach(() => {
				jest.restoreAllMocks();
			});
		}

		it('tries at least 40 hostile requests', () => {
			expect(suite.cases.length).toBeGreaterThanOrEqual(40);
		});

		runHostileCases(suite.trigger, suite.setup, staticData, suite.cases, tally);
		for (const group of suite.valid) {
			runValidRequests(suite.trigger, group.setup ?? suite.setup, staticData, group.requests, tally);
		}
		suite.more?.(tally);

		afterAll(() => {
			expect(tally.hostileStarted).toBe(0);
			expect(tally.threw).toBe(0);
			expect(tally.validStarted).toBe(tally.valid);
			report(tally.summary(suite.title));
		});
	});
}

export const MALFORMED: Expected = { status: 400, error: 'Malformed body: expected a JSON object' };

/** A trigger's refusal for each kind, from its 401 messages (a repeated header reads as invalid). */
export function refusals(missing: string, empty: string, invalid: string): Record<RefusalKind, Expected> {
	return {
		missing: { status: 401, error: missing },
		empty: { status: 401, error: empty },
		repeated: { status: 401, error: invalid },
		invalid: { status: 401, error: invalid },
		malformed: MALFORMED,
	};
}
