// Hostile requests against the IAGENTE SDR Trigger, through n8n-core's real WebhookContext: each is
// refused (401, or 400 for a malformed body after a valid signature), starts nothing and throws
// nothing; each genuine request starts exactly one execution.
import { createHmac } from 'crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { IagenteSdrTrigger } from '../../nodes/IagenteSdr/IagenteSdrTrigger.node';
import { computeHmac } from '../../nodes/shared/signature';
import type { Setup } from '../harness';
import { credentials } from '../iagenteSdr/fixtures';
import {
	Tally,
	expectRefused,
	expectStartedOnce,
	report,
	runHostileCases,
	runValidRequests,
	send,
	signedTriggerCases,
	validRequests,
} from './hostileHelpers';
import type { HostileCase, RefusalKind, SignedTriggerSpec } from './hostileHelpers';

const SECRET = 'whsec_hostile_suite_placeholder';
const trigger = new IagenteSdrTrigger();
const tally = new Tally();

const setup = (options: IDataObject = {}): Setup => ({
	node: IagenteSdrTrigger,
	credentials: credentials(),
	parameters: { events: ['lead.created', 'message.received'], options: options as INodeParameters },
});
const registered = (): IDataObject => ({ signingSecret: SECRET, webhookId: '5' });

let sequence = 0;
const event = (extra: IDataObject = {}) =>
	Buffer.from(
		JSON.stringify({ event: 'message.received', event_id: `evt-${++sequence}`, data: { text: 'Olá, João! Ação às 9h, três opções' }, ...extra }),
		'utf8',
	);
const sign = (raw: Buffer, secret = SECRET) => `sha256=${computeHmac(secret, raw)}`;

const REFUSALS: Record<RefusalKind, HostileCase['expected']> = {
	missing: { status: 401, error: 'Missing signature' },
	empty: { status: 401, error: 'Invalid signature' },
	repeated: { status: 401, error: 'Invalid signature' },
	invalid: { status: 401, error: 'Invalid signature' },
	malformed: { status: 400, error: 'Malformed body: expected a JSON object' },
};

const spec: SignedTriggerSpec = {
	header: 'x-webhook-signature',
	event: () => event(),
	signatureOf: (raw) => sign(raw),
	wrongPrefix: (raw) => `sha1=${computeHmac(SECRET, raw)}`,
	otherEncoding: (raw) => `sha256=${computeHmac(SECRET, raw, 'base64')}`,
	otherKey: (raw) => sign(raw, 'whsec_another_placeholder'),
	otherAlgorithm: (raw) => `sha256=${createHmac('sha512', SECRET).update(raw).digest('hex')}`,
	expect: (kind) => REFUSALS[kind],
};

const specific: HostileCase[] = [
	{ name: 'signature without its sha256= prefix', request: () => { const raw = event(); return { headers: { 'x-webhook-signature': computeHmac(SECRET, raw) }, raw }; }, expected: REFUSALS.invalid },
	{ name: 'signature made with an empty secret', request: () => { const raw = event(); return { headers: { 'x-webhook-signature': sign(raw, '') }, raw }; }, expected: REFUSALS.invalid },
	{ name: 'trigger never registered (no secret stored), correctly signed', staticData: {}, request: () => { const raw = event(); return { headers: { 'x-webhook-signature': sign(raw) }, raw }; }, expected: { status: 401, error: 'Webhook not registered' } },
	{ name: 'stored secret of only spaces, signed with those spaces', staticData: { signingSecret: '   ', webhookId: '5' }, request: () => { const raw = event(); return { headers: { 'x-webhook-signature': sign(raw, '   ') }, raw }; }, expected: { status: 401, error: 'Webhook not registered' } },
	{ name: 'stored secret that is not text', staticData: { signingSecret: 12345, webhookId: '5' } as IDataObject, request: () => { const raw = event(); return { headers: { 'x-webhook-signature': sign(raw, '12345') }, raw }; }, expected: { status: 401, error: 'Webhook not registered' } },
	(() => {
		const replayed = event({ event_id: 'evt-replay' });
		return {
			name: 'exact replay with Ignore Repeated Deliveries on',
			setup: setup({ ignoreRepeats: true, eventIdField: 'event_id' }),
			before: [() => ({ headers: { 'x-webhook-signature': sign(replayed) }, raw: replayed })],
			request: () => ({ headers: { 'x-webhook-signature': sign(replayed) }, raw: replayed }),
			expected: { ignored: 'repeated delivery' },
		};
	})(),
	(() => {
		const original = event({ event_id: 'evt-respaced' });
		const respaced = Buffer.from(JSON.stringify(JSON.parse(original.toString()), null, 2));
		return {
			name: 'replay re-serialised and re-signed by the sender (same event ID) with Ignore Repeated Deliveries on',
			setup: setup({ ignoreRepeats: true, eventIdField: 'event_id' }),
			before: [() => ({ headers: { 'x-webhook-signature': sign(original) }, raw: original })],
			request: () => ({ headers: { 'x-webhook-signature': sign(respaced) }, raw: respaced }),
			expected: { ignored: 'repeated delivery' },
		};
	})(),
	{ name: 'signed event whose name is not text', request: () => { const raw = event({ event: ['message.received'] }); return { headers: { 'x-webhook-signature': sign(raw) }, raw }; }, expected: { ignored: 'event "" is not selected' } },
];

describe('IAGENTE SDR Trigger under hostile requests', () => {
	const cases = [...signedTriggerCases(spec), ...specific];

	it('tries at least 40 hostile requests', () => {
		expect(cases.length).toBeGreaterThanOrEqual(40);
	});

	runHostileCases(trigger, () => setup(), registered, cases, tally);
	runValidRequests(trigger, () => setup(), registered, validRequests(spec), tally);

	it('starts exactly one execution for the signature header name in any case (n8n gives names in lower case)', async () => {
		const raw = event();
		const outcome = await send(trigger, setup(), { headers: { 'X-Webhook-Signature': sign(raw) }, raw }, registered());
		tally.record(outcome, true);
		expectStartedOnce(outcome);
	});

	it('accepts an exact replay with default settings (documented: IAGENTE SDR signs no timestamp)', async () => {
		const raw = event();
		const staticData = registered();
		for (let i = 0; i < 2; i++) {
			const outcome = await send(trigger, setup(), { headers: { 'x-webhook-signature': sign(raw) }, raw }, staticData);
			tally.record(outcome, true);
			expectStartedOnce(outcome);
		}
	});

	it('a refused request leaves the remembered event IDs untouched', async () => {
		const staticData = registered();
		const raw = event({ event_id: 'evt-untouched' });
		const options = setup({ ignoreRepeats: true, eventIdField: 'event_id' });
		const outcome = await send(trigger, options, { headers: { 'x-webhook-signature': sign(raw, 'wrong') }, raw }, staticData);
		tally.record(outcome, false);
		expectRefused(outcome, REFUSALS.invalid);
		expect(staticData.recentEventIds).toBeUndefined();
	});

	afterAll(() => {
		expect(tally.hostileStarted).toBe(0);
		expect(tally.threw).toBe(0);
		expect(tally.validStarted).toBe(tally.valid);
		report(tally.summary('IAGENTE SDR Trigger'));
	});
});
