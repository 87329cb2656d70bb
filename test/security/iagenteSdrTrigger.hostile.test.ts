// Hostile requests against the IAGENTE SDR Trigger, through n8n-core's real WebhookContext: each is
// refused (401, or 400 for a malformed body after a valid signature), starts nothing and throws
// nothing; each genuine request starts exactly one execution.
import { createHmac } from 'crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { IagenteSdrTrigger } from '../../nodes/IagenteSdr/IagenteSdrTrigger.node';
import { computeHmac } from '../../nodes/shared/signature';
import type { Setup } from '../harness';
import { credentials } from '../iagenteSdr/fixtures';
import { describeHostileSuite, refusals, expectRefused, expectStartedOnce, replayCase, send, signedTriggerCases, validRequests } from './hostileHelpers';
import type { HostileCase, HostileRequest, SignedTriggerSpec } from './hostileHelpers';

const SECRET = 'whsec_hostile_suite_placeholder';
const trigger = new IagenteSdrTrigger();

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
const signed = (raw: Buffer): HostileRequest => ({ headers: { 'x-webhook-signature': sign(raw) }, raw });
const REPEATS_ON = { ignoreRepeats: true, eventIdField: 'event_id' };
const replayed = event({ event_id: 'evt-replay' });

const REFUSALS = refusals('Missing signature', 'Invalid signature', 'Invalid signature');

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
	replayCase('exact replay with Ignore Repeated Deliveries on', setup(REPEATS_ON), () => signed(replayed)),
	replayCase(
		'replay re-serialised and re-signed by the sender (same event ID) with Ignore Repeated Deliveries on',
		setup(REPEATS_ON),
		() => signed(replayed),
		() => signed(Buffer.from(JSON.stringify(JSON.parse(replayed.toString()), null, 2))),
	),
	{ name: 'signed event whose name is not text', request: () => { const raw = event({ event: ['message.received'] }); return { headers: { 'x-webhook-signature': sign(raw) }, raw }; }, expected: { ignored: 'event "" is not selected' } },
];

describeHostileSuite({
	title: 'IAGENTE SDR Trigger',
	trigger,
	setup: () => setup(),
	staticData: registered,
	cases: [...signedTriggerCases(spec), ...specific],
	valid: [
		{ requests: validRequests(spec) },
		{ requests: [{ name: 'signature header name in another case (n8n gives names in lower case)', request: () => { const raw = event(); return { headers: { 'X-Webhook-Signature': sign(raw) }, raw }; } }] },
	],
	more: (tally) => {
		it('accepts an exact replay with default settings (documented: IAGENTE SDR signs no timestamp)', async () => {
			const raw = event();
			const staticData = registered();
			for (let i = 0; i < 2; i++) {
				const outcome = await send(trigger, setup(), signed(raw), staticData);
				tally.record(outcome, true);
				expectStartedOnce(outcome);
			}
		});

		it('a refused request leaves the remembered event IDs untouched', async () => {
			const staticData = registered();
			const raw = event({ event_id: 'evt-untouched' });
			const outcome = await send(trigger, setup(REPEATS_ON), { headers: { 'x-webhook-signature': sign(raw, 'wrong') }, raw }, staticData);
			tally.record(outcome, false);
			expectRefused(outcome, REFUSALS.invalid);
			expect(staticData.recentEventIds).toBeUndefined();
		});
	},
});
