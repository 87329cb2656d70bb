// Hostile requests against the LigueLead Trigger (an unsigned provider, guarded by the credential's
// webhook token in the URL), through n8n-core's real WebhookContext: each is refused (401, or 400
// for a malformed body after the right token), starts nothing and throws nothing; each genuine
// request starts exactly one execution.
import type { IDataObject } from 'n8n-workflow';

import { LigueLeadTrigger } from '../../nodes/LigueLead/LigueLeadTrigger.node';
import type { Setup } from '../harness';
import { credentials } from '../ligueLead/fixtures';
import { deeplyNested, describeHostileSuite, tenMegabytes } from './hostileHelpers';
import type { HostileCase, HostileRequest } from './hostileHelpers';

const TOKEN = 'example-webhook-token-hostile-suite-0001';
const ACCENTED = 'ação-token-secreta-00001'.normalize('NFC');
const trigger = new LigueLeadTrigger();

const setup = (token: string | null = TOKEN): Setup => ({
	node: LigueLeadTrigger,
	credentials: credentials(token === null ? {} : { webhookToken: token }),
	parameters: { channels: ['rcs', 'sms', 'voice'], statuses: [] },
});

const event = (extra: IDataObject = {}) =>
	Buffer.from(
		JSON.stringify({
			event: 'campaign.status',
			app_id: 'example-app-id-0001',
			occurred_at: '2026-02-02T12:00:15.400Z',
			campaign: { id: '3b4f7c5e-7e2d-4157-b542-5eb2155455c5', type: 'sms', status: 'delivered', message: 'Olá! Promoção válida' },
			...extra,
		}),
		'utf8',
	);
const JSON_TYPE = { 'content-type': 'application/json' };
const withQuery = (query: IDataObject, raw = event(), headers: Record<string, string | string[]> = JSON_TYPE): HostileRequest => ({ headers, raw, query });
const withToken = (raw: Buffer, headers: Record<string, string> = JSON_TYPE) => withQuery({ token: TOKEN }, raw, headers);

const MISSING = { status: 401 as const, error: 'Missing token' };
const INVALID = { status: 401 as const, error: 'Invalid token' };
const NOT_CONFIGURED = { status: 401 as const, error: 'Trigger token not configured' };
const MALFORMED = { status: 400 as const, error: 'Malformed body: expected a JSON object' };

const cases: HostileCase[] = [
	{ name: 'no token anywhere', request: () => withQuery({}), expected: MISSING },
	{ name: 'no headers, no query, no body', request: () => ({ raw: Buffer.alloc(0) }), expected: MISSING },
	{ name: 'empty token', request: () => withQuery({ token: '' }), expected: INVALID },
	{ name: 'token of only spaces', request: () => withQuery({ token: ' '.repeat(TOKEN.length) }), expected: INVALID },
	{ name: 'token in a "token" header instead of the query', request: () => ({ headers: { ...JSON_TYPE, token: TOKEN }, raw: event() }), expected: MISSING },
	{ name: 'token in an X-Token header', request: () => ({ headers: { ...JSON_TYPE, 'x-token': TOKEN }, raw: event() }), expected: MISSING },
	{ name: 'token as an Authorization bearer', request: () => ({ headers: { ...JSON_TYPE, authorization: `Bearer ${TOKEN}` }, raw: event() }), expected: MISSING },
	{ name: 'token in the URL path instead of the query', request: () => ({ headers: JSON_TYPE, raw: event(), params: { token: TOKEN, path: `webhook/${TOKEN}` } }), expected: MISSING },
	{ name: 'token in the body instead of the query', request: () => ({ headers: JSON_TYPE, raw: event({ token: TOKEN }) }), expected: MISSING },
	{ name: 'token in a form body instead of the query', request: () => ({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, raw: Buffer.from(`token=${TOKEN}`) }), expected: MISSING },
	{ name: 'query parameter named "Token"', request: () => withQuery({ Token: TOKEN }), expected: MISSING },
	{ name: 'query parameter named "TOKEN"', request: () => withQuery({ TOKEN }), expected: MISSING },
	{ name: 'query parameter named "access_token"', request: () => withQuery({ access_token: TOKEN }), expected: MISSING },
	{ name: 'query parameter named "token " (trailing space)', request: () => withQuery({ 'token ': TOKEN }), expected: MISSING },
	{ name: 'token in upper case', request: () => withQuery({ token: TOKEN.toUpperCase() }), expected: INVALID },
	{ name: 'token minus its last character', request: () => withQuery({ token: TOKEN.slice(0, -1) }), expected: INVALID },
	{ name: 'token plus one character', request: () => withQuery({ token: `${TOKEN}0` }), expected: INVALID },
	{ name: 'token with one character changed', request: () => withQuery({ token: `${TOKEN.slice(0, 10)}x${TOKEN.slice(11)}` }), expected: INVALID },
	{ name: 'first half of the token', request: () => withQuery({ token: TOKEN.slice(0, TOKEN.length / 2) }), expected: INVALID },
	{ name: 'first 16 characters of the token', request: () => withQuery({ token: TOKEN.slice(0, 16) }), expected: INVALID },
	{ name: 'token with a trailing space', request: () => withQuery({ token: `${TOKEN} ` }), expected: INVALID },
	{ name: 'token with a leading space', request: () => withQuery({ token: ` ${TOKEN}` }), expected: INVALID },
	{ name: 'token still percent-encoded', request: () => withQuery({ token: [...TOKEN].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('') }), expected: INVALID },
	{ name: 'token with a zero-width space inside', request: () => withQuery({ token: `${TOKEN.slice(0, 8)}\u200b${TOKEN.slice(8)}` }), expected: INVALID },
	{ name: 'token wrapped in bidi marks (as copied from WhatsApp)', request: () => withQuery({ token: `\u202a${TOKEN}\u202c` }), expected: INVALID },
	{ name: 'token given twice in the query', request: () => withQuery({ token: [TOKEN, TOKEN] }), expected: INVALID },
	{ name: 'token given twice, a wrong one first', request: () => withQuery({ token: ['wrong', TOKEN] }), expected: INVALID },
	{ name: 'token as a nested query object (?token[value]=…)', request: () => withQuery({ token: { value: TOKEN } }), expected: INVALID },
	{ name: 'token of another trigger', request: () => withQuery({ token: 'example-other-trigger-token-0002' }), expected: INVALID },
	{ name: 'accented token in NFD when the credential holds NFC', setup: setup(ACCENTED), request: () => withQuery({ token: ACCENTED.normalize('NFD') }), expected: INVALID },
	{ name: 'accented token in NFC when the credential holds NFD', setup: setup(ACCENTED.normalize('NFD')), request: () => withQuery({ token: ACCENTED }), expected: INVALID },
	{ name: 'credential token too short, request carries it', setup: setup('short-token'), request: () => withQuery({ token: 'short-token' }), expected: NOT_CONFIGURED },
	{ name: 'credential token of 15 characters, request carries it', setup: setup('fifteen-chars15'), request: () => withQuery({ token: 'fifteen-chars15' }), expected: NOT_CONFIGURED },
	{ name: 'credential token of only spaces, request carries them', setup: setup(' '.repeat(24)), request: () => withQuery({ token: ' '.repeat(24) }), expected: NOT_CONFIGURED },
	{ name: 'credential token empty, request carries an empty token', setup: setup(''), request: () => withQuery({ token: '' }), expected: NOT_CONFIGURED },
	{ name: 'credential without a token field (older credential)', setup: setup(null), request: () => withQuery({ token: TOKEN }), expected: NOT_CONFIGURED },
	{ name: 'deeply nested body with a wrong token', request: () => withQuery({ token: 'wrong' }, deeplyNested()), expected: INVALID },
	{ name: '10 MB body without a token', request: () => withQuery({}, tenMegabytes()), expected: MISSING },
	{ name: 'right token, empty body', request: () => withToken(Buffer.alloc(0)), expected: MALFORMED },
	{ name: 'right token, non-JSON text', request: () => withToken(Buffer.from('campaign delivered'), { 'content-type': 'text/plain' }), expected: MALFORMED },
	{ name: 'right token, JSON array', request: () => withToken(Buffer.from(`[${event().toString()}]`)), expected: MALFORMED },
	{ name: 'right token, JSON null', request: () => withToken(Buffer.from('null')), expected: MALFORMED },
	{ name: 'right token, JSON string sent as text/plain', request: () => withToken(Buffer.from('"campaign.status"'), { 'content-type': 'text/plain' }), expected: MALFORMED },
	{ name: 'right token, JSON number', request: () => withToken(Buffer.from('7')), expected: MALFORMED },
	{ name: 'right token, deeply nested array (100,000 levels)', request: () => withToken(deeplyNested()), expected: MALFORMED },
	{ name: 'right token, deeply nested array as octet-stream', request: () => withToken(deeplyNested(), { 'content-type': 'application/octet-stream' }), expected: MALFORMED },
	{ name: 'right token, 10 MB of non-JSON bytes', request: () => withToken(Buffer.alloc(10 * 1024 * 1024, 0x41), { 'content-type': 'application/octet-stream' }), expected: MALFORMED },
	{ name: 'right token, event in UTF-16LE (not JSON as bytes)', request: () => withToken(Buffer.from(event().toString(), 'utf16le'), { 'content-type': 'application/octet-stream' }), expected: MALFORMED },
	{ name: 'right token, event name that is not text', request: () => withToken(event({ event: { name: 'campaign.status' } })), expected: { ignored: 'event "" is not campaign.status' } },
	{ name: 'right token, campaign given as an array', request: () => withToken(event({ campaign: [{ type: 'sms' }] })), expected: { ignored: 'channel "" is not selected' } },
];

describeHostileSuite({
	title: 'LigueLead Trigger',
	trigger,
	setup: () => setup(),
	cases,
	valid: [
		{
			requests: [
				{ name: 'JSON with the right token', request: () => withToken(event()) },
				{ name: 'JSON with a charset parameter', request: () => withToken(event(), { 'content-type': 'application/json; charset=utf-8' }) },
				{ name: 'JSON sent as octet-stream (n8n leaves the body unparsed)', request: () => withToken(event(), { 'content-type': 'application/octet-stream' }) },
				{ name: 'JSON without a content type', request: () => withToken(event(), {}) },
				{ name: 'JSON sent as text/plain (n8n gives a string)', request: () => withToken(event(), { 'content-type': 'text/plain' }) },
				{ name: 'JSON in Unicode NFD', request: () => withToken(Buffer.from(event().toString().normalize('NFD'))) },
			],
		},
		{ setup: () => setup(ACCENTED), requests: [{ name: 'accented token written as in the credential', request: () => withQuery({ token: ACCENTED }) }] },
	],
});
