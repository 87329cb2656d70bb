// Hostile requests against the Superlead Trigger, through n8n-core's real WebhookContext: each is
// refused (401, or 400 for a malformed body after a valid signature), starts nothing and throws
// nothing; each genuine request starts exactly one execution.
import { createHmac } from 'crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { computeHmac } from '../../nodes/shared/signature';
import { SuperleadTrigger } from '../../nodes/Superlead/SuperleadTrigger.node';
import { SIGNING_SECRET, triggerSetup } from '../superlead/fixtures';
import { describeHostileSuite, refusals, expectStartedOnce, replayCase, send, signedTriggerCases, validRequests } from './hostileHelpers';
import type { HostileCase, HostileRequest, SignedTriggerSpec } from './hostileHelpers';

const NOW = Date.parse('2026-11-21T12:00:00Z');
const NOW_SECONDS = String(NOW / 1000);
const TIMESTAMP_HEADER = 'x-superlead-timestamp';
const trigger = new SuperleadTrigger();

const parameters = (options: IDataObject = {}): INodeParameters => ({
	events: ['messageStatus', 'incomingMessage'],
	statuses: ['delivered', 'failed'],
	options: options as INodeParameters,
});
const setup = (options: IDataObject = {}, credentialData: Record<string, string> = {}) => triggerSetup(parameters(options), credentialData);
const timestamped = () => setup({ timestampHeader: TIMESTAMP_HEADER, timestampTolerance: 300 });

let sequence = 0;
const event = (extra: IDataObject = {}) =>
	Buffer.from(
		JSON.stringify({
			event: 'whatsapp.message.received',
			delivery_id: `dlv-${++sequence}`,
			data: { from: '+5511999999999', text: { body: 'Olá! Não consigo acessar a promoção de São João 🙏' } },
			...extra,
		}),
		'utf8',
	);
const sign = (raw: Buffer | string, secret = SIGNING_SECRET) => computeHmac(secret, raw);
const signed = (raw: Buffer): HostileRequest => ({ headers: { 'x-superlead-signature': sign(raw) }, raw });
const REPEATS_ON = { ignoreRepeats: true, eventIdField: 'delivery_id' };
const replayed = event({ delivery_id: 'dlv-replay' });
const signAt = (timestamp: string, raw: Buffer, secret = SIGNING_SECRET) => sign(Buffer.concat([Buffer.from(`${timestamp}.`), raw]), secret);
const atTime = (timestamp: string, raw = event(), signedTimestamp = timestamp): HostileRequest => ({
	headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: timestamp, 'x-superlead-signature': signAt(signedTimestamp, raw) },
	raw,
});

const REFUSALS = refusals('missing signature', 'invalid signature', 'invalid signature');
const OUTSIDE_WINDOW = { status: 401 as const, error: 'timestamp outside the tolerance window' };

const spec: SignedTriggerSpec = {
	header: 'x-superlead-signature',
	event: () => event(),
	signatureOf: (raw) => sign(raw),
	wrongPrefix: (raw) => `sha1=${sign(raw)}`,
	otherEncoding: (raw) => computeHmac(SIGNING_SECRET, raw, 'base64'),
	otherKey: (raw) => sign(raw, 'another-superlead-secret-0001'),
	otherAlgorithm: (raw) => createHmac('sha1', SIGNING_SECRET).update(raw).digest('hex'),
	expect: (kind) => REFUSALS[kind],
};

const specific: HostileCase[] = [
	{ name: 'credential without a signing secret', setup: setup({}, { webhookSecret: '' }), request: () => { const raw = event(); return { headers: { 'x-superlead-signature': sign(raw) }, raw }; }, expected: { status: 401, error: 'Webhook not configured' } },
	{ name: 'credential signing secret of only spaces, request signed with those spaces', setup: setup({}, { webhookSecret: '    ' }), request: () => { const raw = event(); return { headers: { 'x-superlead-signature': sign(raw, '    ') }, raw }; }, expected: { status: 401, error: 'Webhook not configured' } },
	{ name: 'prefix required but absent', setup: setup({ signaturePrefix: 'required' }), request: () => { const raw = event(); return { headers: { 'x-superlead-signature': sign(raw) }, raw }; }, expected: REFUSALS.invalid },
	{ name: 'prefix forbidden but present', setup: setup({ signaturePrefix: 'none' }), request: () => { const raw = event(); return { headers: { 'x-superlead-signature': `sha256=${sign(raw)}` }, raw }; }, expected: REFUSALS.invalid },
	{ name: 'hex digest where base64 is configured', setup: setup({ signatureEncoding: 'base64' }), request: () => { const raw = event(); return { headers: { 'x-superlead-signature': sign(raw) }, raw }; }, expected: REFUSALS.invalid },
	{ name: 'timestamp header missing', setup: timestamped(), request: () => { const raw = event(); return { headers: { 'x-superlead-signature': signAt(NOW_SECONDS, raw) }, raw }; }, expected: { status: 401, error: 'missing timestamp' } },
	{ name: 'timestamp in the query string instead of a header', setup: timestamped(), request: () => { const raw = event(); return { headers: { 'x-superlead-signature': signAt(NOW_SECONDS, raw) }, raw, query: { [TIMESTAMP_HEADER]: NOW_SECONDS, timestamp: NOW_SECONDS } }; }, expected: { status: 401, error: 'missing timestamp' } },
	{ name: 'stale timestamp (10 minutes old), correctly signed', setup: timestamped(), request: () => atTime(String(NOW / 1000 - 600)), expected: OUTSIDE_WINDOW },
	{ name: 'stale timestamp (a year old), correctly signed', setup: timestamped(), request: () => atTime(String(NOW / 1000 - 365 * 86400)), expected: OUTSIDE_WINDOW },
	{ name: 'future timestamp (10 minutes ahead), correctly signed', setup: timestamped(), request: () => atTime(String(NOW / 1000 + 600)), expected: OUTSIDE_WINDOW },
	{ name: 'future timestamp in milliseconds (10 minutes ahead)', setup: timestamped(), request: () => atTime(String(NOW + 600_000)), expected: OUTSIDE_WINDOW },
	{ name: 'malformed timestamp: words', setup: timestamped(), request: () => atTime('yesterday'), expected: OUTSIDE_WINDOW },
	{ name: 'malformed timestamp: empty', setup: timestamped(), request: () => atTime(''), expected: OUTSIDE_WINDOW },
	{ name: 'malformed timestamp: negative', setup: timestamped(), request: () => atTime('-1'), expected: OUTSIDE_WINDOW },
	{ name: 'malformed timestamp: hexadecimal', setup: timestamped(), request: () => atTime('0x6920C5B0'), expected: OUTSIDE_WINDOW },
	{ name: 'malformed timestamp: exponent', setup: timestamped(), request: () => atTime('1.7e9'), expected: OUTSIDE_WINDOW },
	{ name: 'malformed timestamp: 400 digits', setup: timestamped(), request: () => atTime('9'.repeat(400)), expected: OUTSIDE_WINDOW },
	{ name: 'malformed timestamp: NaN', setup: timestamped(), request: () => atTime('NaN'), expected: OUTSIDE_WINDOW },
	{ name: 'timestamp header repeated', setup: timestamped(), request: () => { const raw = event(); return { headers: { [TIMESTAMP_HEADER]: [NOW_SECONDS, NOW_SECONDS], 'x-superlead-signature': signAt(NOW_SECONDS, raw) }, raw }; }, expected: OUTSIDE_WINDOW },
	{ name: 'fresh timestamp swapped into a request signed with an old one', setup: timestamped(), request: () => atTime(NOW_SECONDS, event(), String(NOW / 1000 - 3600)), expected: REFUSALS.invalid },
	{ name: 'signature of the body alone when a timestamp is expected', setup: timestamped(), request: () => { const raw = event(); return { headers: { [TIMESTAMP_HEADER]: NOW_SECONDS, 'x-superlead-signature': sign(raw) }, raw }; }, expected: REFUSALS.invalid },
	replayCase('exact replay with Ignore Repeated Deliveries on', setup(REPEATS_ON), () => signed(replayed)),
	replayCase(
		'exact replay inside the timestamp window with Ignore Repeated Deliveries on',
		setup({ ...REPEATS_ON, timestampHeader: TIMESTAMP_HEADER }),
		() => atTime(NOW_SECONDS, replayed),
	),
];

describeHostileSuite({
	title: 'Superlead Trigger',
	trigger,
	setup: () => setup(),
	now: NOW,
	cases: [...signedTriggerCases(spec), ...specific],
	valid: [
		{ requests: validRequests(spec) },
		{
			setup: timestamped,
			requests: [
				{ name: 'fresh timestamp in seconds', request: () => atTime(NOW_SECONDS) },
				{ name: 'timestamp 4 minutes old, inside the window', request: () => atTime(String(NOW / 1000 - 240)) },
				{ name: 'timestamp in milliseconds', request: () => atTime(String(NOW)) },
			],
		},
		{
			requests: [
				{ name: 'upper-case hex digest (the same bytes) under a header name in another case', request: () => { const raw = event(); return { headers: { 'X-Superlead-Signature': sign(raw).toUpperCase() }, raw }; } },
			],
		},
	],
	more: (tally) => {
		it('accepts an exact replay with default settings (documented: no timestamp, no event ID is known)', async () => {
			const raw = event();
			const staticData = {};
			for (let i = 0; i < 2; i++) {
				const outcome = await send(trigger, setup(), signed(raw), staticData);
				tally.record(outcome, true);
				expectStartedOnce(outcome);
			}
		});
	},
});
