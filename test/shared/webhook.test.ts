import type { IDataObject } from 'n8n-workflow';

import { LeadwayTrigger } from '../../nodes/Leadway/LeadwayTrigger.node';
import {
	INTERNAL_REFUSAL,
	REMEMBERED_DELIVERIES,
	configuredSecret,
	eventIdAt,
	guardWebhook,
	isRepeatedDelivery,
	readJsonObject,
	readRawBody,
	singleHeader,
} from '../../nodes/shared/webhook';
import { webhookContext } from '../harness';
import type { Setup, WebhookRequest } from '../harness';

// Any trigger gives a real n8n-core WebhookContext; these helpers do not depend on which.
const setup: Setup = { node: LeadwayTrigger, credentials: {}, parameters: {} };
const contextFor = (request: Partial<WebhookRequest>, staticData: IDataObject = {}) =>
	webhookContext(setup, { headers: {}, rawBody: Buffer.alloc(0), body: undefined, ...request }, staticData);

describe('guardWebhook', () => {
	it('turns anything thrown while checking into a 401 answer, logged, without throwing', async () => {
		const { context, captured } = contextFor({});
		const logged: string[] = [];
		jest.spyOn(context.logger, 'error').mockImplementation((message: string) => {
			logged.push(message);
		});
		const result = await guardWebhook(context, 'Test Trigger', async () => {
			throw new TypeError("Cannot read properties of undefined (reading 'timestamp')");
		});
		expect(result).toEqual({ noWebhookResponse: true });
		expect(captured).toEqual({ statusCode: 401, body: { error: INTERNAL_REFUSAL }, ended: true });
		expect(logged).toEqual(["Test Trigger: a request was refused because checking it failed: Cannot read properties of undefined (reading 'timestamp')"]);
	});

	it('passes the answer of a check that does not throw through unchanged', async () => {
		const { context, captured } = contextFor({});
		const answer = { workflowData: [[{ json: { ok: true } }]] };
		expect(await guardWebhook(context, 'Test Trigger', async () => answer)).toBe(answer);
		expect(captured.statusCode).toBeUndefined();
	});
});

describe('readRawBody and readJsonObject', () => {
	it('gives the bytes n8n kept, and no bytes (never a re-serialised body) when it kept none', () => {
		const raw = Buffer.from('{"a": 1}');
		expect(readRawBody(contextFor({ rawBody: raw, body: { a: 1 } }).context)).toBe(raw);
		expect(readRawBody(contextFor({ rawBody: undefined, body: { data: { a: 1 }, files: {} } }).context)).toEqual(Buffer.alloc(0));
	});

	it('reads the object n8n parsed, else the raw bytes as JSON, else nothing', () => {
		const raw = Buffer.from('{"event":"x"}');
		expect(readJsonObject(contextFor({ rawBody: raw, body: { event: 'x' } }).context, raw)).toEqual({ event: 'x' });
		expect(readJsonObject(contextFor({ rawBody: raw, body: undefined }).context, raw)).toEqual({ event: 'x' });
		expect(readJsonObject(contextFor({ rawBody: raw, body: '{"event":"x"}' }).context, raw)).toEqual({ event: 'x' });
		for (const [bytes, body] of [['[1]', [1]], ['null', null], ['"x"', 'x'], ['7', 7], ['not json', 'not json'], ['', undefined]] as const) {
			const rawBody = Buffer.from(bytes);
			expect(readJsonObject(contextFor({ rawBody, body }).context, rawBody)).toBeUndefined();
		}
	});
});

describe('configuredSecret and singleHeader', () => {
	it('counts a secret of only spaces, or one that is not text, as not configured', () => {
		expect(configuredSecret('whsec_x')).toBe('whsec_x');
		for (const blank of ['', '   ', '\t\n', undefined, null, 42, {}]) expect(configuredSecret(blank)).toBe('');
	});

	it('reads one header value by its lower-case name, and nothing for a repeated header', () => {
		expect(singleHeader({ 'x-sig': 'a' }, 'X-Sig')).toBe('a');
		expect(singleHeader({ 'x-sig': ['a', 'a'] }, 'x-sig')).toBeUndefined();
		expect(singleHeader({ 'x-sig': 1 }, 'x-sig')).toBeUndefined();
		expect(singleHeader(undefined, 'x-sig')).toBeUndefined();
	});
});

describe('isRepeatedDelivery and eventIdAt', () => {
	it(`remembers the last ${REMEMBERED_DELIVERIES} IDs and forgets older ones`, () => {
		const staticData: IDataObject = {};
		const { context } = contextFor({}, staticData);
		expect(isRepeatedDelivery(context, 'seen', 'first')).toBe(false);
		expect(isRepeatedDelivery(context, 'seen', 'first')).toBe(true);
		for (let i = 0; i < REMEMBERED_DELIVERIES; i++) expect(isRepeatedDelivery(context, 'seen', `id-${i}`)).toBe(false);
		expect(staticData.seen).toHaveLength(REMEMBERED_DELIVERIES);
		expect(isRepeatedDelivery(context, 'seen', 'first')).toBe(false);
		expect(isRepeatedDelivery(context, 'seen', `id-${REMEMBERED_DELIVERIES - 1}`)).toBe(true);
	});

	it('ignores whatever else static data holds under its key', () => {
		const staticData: IDataObject = { seen: 'not a list' };
		const { context } = contextFor({}, staticData);
		expect(isRepeatedDelivery(context, 'seen', 'a')).toBe(false);
		expect(staticData.seen).toEqual(['a']);
	});

	it('reads an event ID at a dot path, as text, only from a string or a finite number', () => {
		const body = { event_id: 'evt-1', data: { delivery: { id: 42 } }, empty: '', list: ['x'], object: { a: 1 } } as IDataObject;
		expect(eventIdAt(body, 'event_id')).toBe('evt-1');
		expect(eventIdAt(body, ' data.delivery.id ')).toBe('42');
		for (const path of ['', '.', 'missing', 'empty', 'list', 'object', 'data.delivery.id.x', 'constructor', '__proto__']) {
			expect(eventIdAt(body, path)).toBeUndefined();
		}
	});
});
