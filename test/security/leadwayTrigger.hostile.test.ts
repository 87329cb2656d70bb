// Hostile requests against the Leadway CRM Trigger, through n8n-core's real WebhookContext: each is
// refused (401, or 400 for a malformed body after a valid signature), starts nothing and throws
// nothing; each genuine request starts exactly one execution.
import { createSign, generateKeyPairSync, sign as signBytes } from 'crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { LeadwayTrigger } from '../../nodes/Leadway/LeadwayTrigger.node';
import type { Setup } from '../harness';
import { describeHostileSuite, refusals, replayCase, signedTriggerCases, validRequests } from './hostileHelpers';
import type { HostileCase, HostileRequest, SignedTriggerSpec } from './hostileHelpers';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const ed = generateKeyPairSync('ed25519');
const otherEd = generateKeyPairSync('ed25519');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (key: typeof ed.publicKey) => key.export({ type: 'spki', format: 'pem' }).toString();
const KEYS = { ed25519PublicKey: pem(ed.publicKey), rsaPublicKey: pem(rsa.publicKey) };

const trigger = new LeadwayTrigger();

const setup = (options: IDataObject = {}): Setup => ({
	node: LeadwayTrigger,
	credentials: {},
	parameters: { events: ['InboundMessage'], otherEvents: '', messageTypes: [], options: { ...KEYS, ...options } as INodeParameters },
});
const legacyOn = () => setup({ acceptLegacyRsa: true });

let sequence = 0;
const event = (extra: IDataObject = {}) =>
	Buffer.from(
		JSON.stringify({
			type: 'InboundMessage',
			locationId: 'LocExample0001',
			body: 'Olá, João! Preciso de um orçamento para três ações',
			messageType: 'SMS',
			timestamp: new Date(NOW).toISOString(),
			webhookId: `wh-${++sequence}`,
			...extra,
		}),
		'utf8',
	);
const signEd = (raw: Buffer, key = ed.privateKey) => signBytes(null, raw, key).toString('base64');
const signRsa = (raw: Buffer, key = rsa.privateKey) => createSign('sha256').update(raw).end().sign(key).toString('base64');
const edRequest = (raw: Buffer, signature = signEd(raw)): HostileRequest => ({
	headers: { 'content-type': 'application/json', 'x-ghl-signature': signature },
	raw,
});
const rsaRequest = (raw: Buffer, signature = signRsa(raw), extra: Record<string, string> = {}): HostileRequest => ({
	headers: { 'content-type': 'application/json', ...extra, 'x-wh-signature': signature },
	raw,
});

const replayed = event({ webhookId: 'wh-replay' });

const REFUSALS = refusals('Missing signature', 'Missing signature', 'Invalid signature');
const STALE = { status: 401 as const, error: 'Stale or missing timestamp' };
const LEGACY_OFF = { status: 401 as const, error: 'Legacy X-WH-Signature not accepted' };

const spec: SignedTriggerSpec = {
	header: 'x-ghl-signature',
	event: () => event(),
	signatureOf: (raw) => signEd(raw),
	wrongPrefix: (raw) => `ed25519=${signEd(raw)}`,
	otherEncoding: (raw) => signBytes(null, raw, ed.privateKey).toString('hex'),
	otherKey: (raw) => signEd(raw, otherEd.privateKey),
	otherAlgorithm: (raw) => signRsa(raw),
	expect: (kind) => REFUSALS[kind],
};

const specific: HostileCase[] = [
	{ name: 'X-GHL-Signature "N/A" and nothing else', request: () => edRequest(event(), 'N/A'), expected: REFUSALS.missing },
	{ name: 'valid legacy RSA signature while legacy RSA is off (the default)', request: () => rsaRequest(event()), expected: LEGACY_OFF },
	{ name: 'X-GHL-Signature "N/A" with a valid legacy RSA signature while legacy RSA is off', request: () => { const raw = event(); return rsaRequest(raw, signRsa(raw), { 'x-ghl-signature': 'N/A' }); }, expected: LEGACY_OFF },
	{ name: 'legacy RSA signature made with another key (legacy on)', setup: legacyOn(), request: () => { const raw = event(); return rsaRequest(raw, signRsa(raw, otherRsa.privateKey)); }, expected: REFUSALS.invalid },
	{ name: 'legacy RSA signature of another body (legacy on)', setup: legacyOn(), request: () => rsaRequest(event(), signRsa(event())), expected: REFUSALS.invalid },
	{ name: 'legacy RSA header repeated (legacy on)', setup: legacyOn(), request: () => { const raw = event(); return { headers: { 'x-wh-signature': [signRsa(raw), signRsa(raw)] }, raw }; }, expected: REFUSALS.invalid },
	{ name: 'valid legacy RSA signature beside a wrong X-GHL-Signature (legacy on): Ed25519 decides', setup: legacyOn(), request: () => { const raw = event(); return rsaRequest(raw, signRsa(raw), { 'x-ghl-signature': signEd(raw, otherEd.privateKey) }); }, expected: REFUSALS.invalid },
	{ name: 'Ed25519 signature in base64url', request: () => { const raw = event(); return edRequest(raw, signBytes(null, raw, ed.privateKey).toString('base64url')); }, expected: REFUSALS.invalid },
	{ name: 'Ed25519 signature without its base64 padding', request: () => { const raw = event(); return edRequest(raw, signEd(raw).replace(/=+$/, '')); }, expected: REFUSALS.invalid },
	{ name: 'Ed25519 signature with a line break inside', request: () => { const raw = event(); const s = signEd(raw); return edRequest(raw, `${s.slice(0, 20)}\n${s.slice(20)}`); }, expected: REFUSALS.invalid },
	{ name: 'Ed25519 signature with its letters case-swapped', request: () => { const raw = event(); return edRequest(raw, signEd(raw).replace(/[a-zA-Z]/g, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()))); }, expected: REFUSALS.invalid },
	{ name: 'signature made with a test key against HighLevel\'s built-in public key', setup: { ...setup(), parameters: { events: ['InboundMessage'], options: {} } }, request: () => edRequest(event()), expected: REFUSALS.invalid },
	{ name: 'no Ed25519 public key configured', setup: setup({ ed25519PublicKey: '   ' }), request: () => edRequest(event()), expected: REFUSALS.invalid },
	{ name: 'stale timestamp (6 minutes old), correctly signed', request: () => edRequest(event({ timestamp: new Date(NOW - 6 * 60_000).toISOString() })), expected: STALE },
	{ name: 'stale timestamp in epoch seconds (a day old)', request: () => edRequest(event({ timestamp: NOW / 1000 - 86400 })), expected: STALE },
	{ name: 'future timestamp (10 minutes ahead), correctly signed', request: () => edRequest(event({ timestamp: new Date(NOW + 10 * 60_000).toISOString() })), expected: STALE },
	{ name: 'future timestamp in milliseconds (a year ahead)', request: () => edRequest(event({ timestamp: NOW + 365 * 86400_000 })), expected: STALE },
	{ name: 'malformed timestamp: words', request: () => edRequest(event({ timestamp: 'just now' })), expected: STALE },
	{ name: 'malformed timestamp: empty text', request: () => edRequest(event({ timestamp: '' })), expected: STALE },
	{ name: 'malformed timestamp: an object', request: () => edRequest(event({ timestamp: { $date: new Date(NOW).toISOString() } })), expected: STALE },
	{ name: 'malformed timestamp: an array', request: () => edRequest(event({ timestamp: [new Date(NOW).toISOString()] })), expected: STALE },
	{ name: 'malformed timestamp: null', request: () => edRequest(event({ timestamp: null })), expected: STALE },
	{ name: 'malformed timestamp: 400 digits', request: () => edRequest(event({ timestamp: '9'.repeat(400) })), expected: STALE },
	{ name: 'malformed timestamp: an impossible date', request: () => edRequest(event({ timestamp: '2026-13-45T99:00:00Z' })), expected: STALE },
	{ name: 'missing timestamp, correctly signed', request: () => { const body = JSON.parse(event().toString()) as IDataObject; delete body.timestamp; return edRequest(Buffer.from(JSON.stringify(body))); }, expected: STALE },
	replayCase('exact replay of a delivery (same webhookId) inside the age window', setup(), () => edRequest(replayed)),
	{ name: 'replay of a captured delivery after the age window', request: () => edRequest(event({ timestamp: new Date(NOW - 3600_000).toISOString(), webhookId: 'wh-captured' })), expected: STALE },
];

describeHostileSuite({
	title: 'Leadway CRM Trigger',
	trigger,
	setup: () => setup(),
	now: NOW,
	cases: [...signedTriggerCases(spec), ...specific],
	valid: [
		{ requests: validRequests(spec) },
		{
			setup: legacyOn,
			requests: [
				{ name: 'legacy RSA signature with Accept Legacy RSA Signatures on', request: () => rsaRequest(event()) },
				{ name: 'X-GHL-Signature "N/A" and a legacy RSA signature, legacy on', request: () => { const raw = event(); return rsaRequest(raw, signRsa(raw), { 'x-ghl-signature': 'N/A' }); } },
			],
		},
		{ requests: [{ name: 'header names in another case (n8n gives them in lower case)', request: () => { const raw = event(); return { headers: { 'X-GHL-Signature': signEd(raw) }, raw }; } }] },
	],
});
