// Seeded fuzz of every webhook verifier: thousands of random and near-miss bodies and headers.
// A verifier must never throw and never accept a forgery; each case also checks that the genuine
// signature of the same bytes is accepted, so "never accepts" cannot pass by accepting nothing.
import { createHmac, createSign, generateKeyPairSync, sign as signBytes } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { IagenteSdrTrigger } from '../../nodes/IagenteSdr/IagenteSdrTrigger.node';
import { LeadwayTrigger } from '../../nodes/Leadway/LeadwayTrigger.node';
import { verifyHighLevelSignature } from '../../nodes/Leadway/trigger/verify';
import { LigueLeadTrigger } from '../../nodes/LigueLead/LigueLeadTrigger.node';
import { computeHmac, isWithinWindow, verifyEd25519, verifyHmac, verifyRsaSha256, verifyToken } from '../../nodes/shared/signature';
import type { SignatureEncoding } from '../../nodes/shared/signature';
import { eventIdAt } from '../../nodes/shared/webhook';
import { SuperleadTrigger } from '../../nodes/Superlead/SuperleadTrigger.node';
import { checkSignature } from '../../nodes/Superlead/webhookCheck';
import type { SignatureSettings } from '../../nodes/Superlead/webhookCheck';
import type { Setup } from '../harness';
import { credentials as iagenteCredentials } from '../iagenteSdr/fixtures';
import { credentials as ligueLeadCredentials } from '../ligueLead/fixtures';
import { triggerSetup as superleadSetup } from '../superlead/fixtures';
import { deeplyNested, report, send } from './hostileHelpers';

const SEED = 0x2026_1121;

// Thousands of signatures per test on a shared, loaded machine: not a speed measure, only a ceiling.
jest.setTimeout(180_000);

/** mulberry32: small, fast and fully determined by its seed. */
function prng(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (max: number) => Math.floor(next() * max);
	const pick = <T>(list: readonly T[]): T => list[int(list.length)];
	const bytes = (length: number) => Buffer.from(Array.from({ length }, () => int(256)));
	const ALPHABETS = [
		'0123456789abcdef',
		'0123456789ABCDEFabcdef',
		'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=',
		'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
		' !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~0123456789abcXYZ',
		'açãõéêíóúÇÃ€😀\u200b\u202a\u202c\u0000\ufeff\n\r\t',
	];
	const CHARS = new Map(ALPHABETS.map((alphabet) => [alphabet, [...alphabet]]));
	const text = (length: number, alphabet = pick(ALPHABETS)): string => {
		const chars = CHARS.get(alphabet) ?? [...alphabet];
		if (length > 256) return text(256, alphabet).repeat(Math.ceil(length / 256)).slice(0, length);
		let out = '';
		for (let i = 0; i < length; i++) out += chars[int(chars.length)];
		return out;
	};
	return { next, int, pick, bytes, text };
}

const random = prng(SEED);

/** Runs one verifier call: what it returned, or the error it threw (jest's expect per case is too slow for thousands). */
function attempt<T>(call: () => T): { value?: T; threw?: unknown } {
	try {
		return { value: call() };
	} catch (threw) {
		return { threw };
	}
}

/** Cases that threw or accepted a forgery, described for the failure message. */
const failures: string[] = [];
const fail = (verifier: string, detail: unknown) => {
	if (failures.length < 20) failures.push(`${verifier}: ${JSON.stringify(detail)?.slice(0, 300)}`);
};
const counts: Record<string, number> = {};
const count = (name: string, n = 1) => {
	counts[name] = (counts[name] ?? 0) + n;
};

/** A body: random bytes, random text, or JSON of random shape. */
function randomBody(): Buffer {
	switch (random.int(5)) {
		case 0:
			return random.bytes(random.int(600));
		case 1:
			return Buffer.from(random.text(random.int(300)), 'utf8');
		case 2:
			return Buffer.from(JSON.stringify({ event: random.text(12), id: random.int(1e9), text: random.text(random.int(80)) }), 'utf8');
		case 3:
			return Buffer.alloc(0);
		default:
			return Buffer.from(JSON.stringify([random.text(5), { nested: { deeper: random.text(8) } }]), 'utf8');
	}
}

/** A body that differs from `body` by at least one byte. */
function mutate(body: Buffer): Buffer {
	if (body.length === 0) return Buffer.from([random.int(256)]);
	const copy = Buffer.from(body);
	switch (random.int(4)) {
		case 0: {
			const at = random.int(copy.length);
			copy[at] ^= 1 << random.int(8);
			return copy;
		}
		case 1:
			return Buffer.concat([copy, Buffer.from([random.int(256)])]);
		case 2:
			return copy.subarray(0, copy.length - 1);
		default:
			return Buffer.concat([Buffer.from([random.int(256)]), copy]);
	}
}

/** A string that differs from `genuine`. */
function nearMiss(genuine: string): string {
	if (genuine.length === 0) return 'x';
	const at = random.int(genuine.length);
	switch (random.int(6)) {
		case 0:
			return genuine.slice(0, -1 - random.int(Math.min(genuine.length, 8)));
		case 1:
			return `${genuine}${random.text(1 + random.int(3))}`;
		case 2: {
			const current = genuine[at];
			const replacement = current === 'a' ? 'b' : 'a';
			return `${genuine.slice(0, at)}${replacement}${genuine.slice(at + 1)}`;
		}
		case 3:
			return `${genuine.slice(0, at)}${random.pick(['\u200b', ' ', '\n', '%', '\u202a'])}${genuine.slice(at)}`;
		case 4:
			return genuine.split('').reverse().join('') === genuine ? `${genuine}!` : genuine.split('').reverse().join('');
		default: {
			const respelled = `${random.pick(['sha256=', 'sha1=', 'SHA256:', 'v1=', ''])}${genuine.replace(/^sha256=/, '')}${random.pick(['', '=', '=='])}`;
			return respelled === genuine ? `${genuine}0` : respelled;
		}
	}
}

/**
 * Whether `forged` is the genuine value written another way that carries the same bytes: HTTP
 * trims spaces around header values, and a hex digest reads the same in either case.
 */
function sameValue(forged: unknown, genuine: string, caseInsensitive = false): boolean {
	if (typeof forged !== 'string') return false;
	const a = forged.trim();
	const b = genuine.trim();
	return caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** The same for Superlead, where "sha256=" is optional unless the prefix setting says otherwise. */
function sameSuperleadSignature(forged: unknown, genuine: string, settings: SignatureSettings): boolean {
	if (typeof forged !== 'string') return false;
	const strip = (value: string) => (settings.prefix === 'none' ? value.trim() : value.trim().replace(/^sha256=/i, ''));
	const hasPrefix = /^sha256=/i.test(forged.trim());
	if (settings.prefix === 'required' && !hasPrefix) return false;
	return sameValue(strip(forged), strip(genuine), settings.encoding === 'hex');
}

/** Anything a header or query value can be, and more. */
function randomValue(genuine?: string): unknown {
	switch (random.int(12)) {
		case 0:
			return undefined;
		case 1:
			return '';
		case 2:
			return random.text(random.int(200));
		case 3:
			return `sha256=${random.text(64, '0123456789abcdef')}`;
		case 4:
			return random.text(88, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/').slice(0, 86) + '==';
		case 5:
			return genuine === undefined ? [random.text(10)] : [genuine, genuine];
		case 6:
			return genuine === undefined ? [] : [random.text(10), genuine];
		case 7:
			return random.pick([0, -1, 1.5, NaN, Infinity, true, null, {}, { value: genuine ?? 'x' }]);
		case 8:
			return 'N/A';
		case 9:
			return random.text(10_000 + random.int(5000));
		case 10:
			return genuine === undefined ? random.text(64, '0123456789abcdef') : nearMiss(genuine);
		default:
			return genuine === undefined ? ' ' : `${genuine}, ${genuine}`;
	}
}

describe(`seeded fuzz of the webhook verifiers (seed 0x${SEED.toString(16)})`, () => {
	afterEach(() => {
		const found = failures.splice(0);
		expect(found).toEqual([]);
	});

	it('verifyHmac never throws and never accepts a forgery, and accepts every genuine signature', () => {
		for (let i = 0; i < 6000; i++) {
			const secret = random.text(1 + random.int(48), random.pick(['abcdefghijklmnop0123456789', 'çãõ€😀 xyz']));
			if (secret.trim() === '') continue;
			const payload = randomBody();
			const encoding: SignatureEncoding = random.pick(['hex', 'base64'] as const);
			const prefix = random.pick(['', 'sha256=']);
			const genuine = `${prefix}${computeHmac(secret, payload, encoding)}`;
			if (!verifyHmac({ secret, payload, signature: genuine, encoding, prefix })) fail('verifyHmac genuine refused', { secret, genuine });
			const forged = random.pick([
				() => `${prefix}${computeHmac(secret, mutate(payload), encoding)}`,
				() => `${prefix}${computeHmac(nearMiss(secret), payload, encoding)}`,
				() => `${prefix}${computeHmac(secret, payload, encoding === 'hex' ? 'base64' : 'hex')}`,
				() => `${prefix}${createHmac(random.pick(['sha1', 'sha512'] as const), secret).update(payload).digest(encoding)}`,
				() => nearMiss(genuine),
				() => randomValue(genuine),
			])();
			if (sameValue(forged, genuine, encoding === 'hex')) continue;
			const outcome = attempt(() => verifyHmac({ secret, payload, signature: forged as string, encoding, prefix }));
			if (outcome.threw !== undefined || outcome.value !== false) fail('verifyHmac', { outcome: String(outcome.threw ?? outcome.value) });
			count('verifyHmac');
		}
	});

	it('verifyToken never throws and accepts only the exact token', () => {
		for (let i = 0; i < 6000; i++) {
			const token = random.text(16 + random.int(48), random.pick(['abcdef0123456789', 'ABCDEFGHIJabcdefghij0123456789-_', 'açãõé€xyz0123456789']));
			if (token.trim() === '') continue;
			if (!verifyToken(token, token)) fail('verifyToken genuine refused', token);
			const received = random.next() < 0.6 ? nearMiss(token) : randomValue(token);
			if (received === token) continue;
			const outcome = attempt(() => verifyToken(token, received));
			if (outcome.threw !== undefined || outcome.value !== false) fail('verifyToken', { outcome: String(outcome.threw ?? outcome.value) });
			count('verifyToken');
		}
	});

	const ed = generateKeyPairSync('ed25519');
	const edPem = ed.publicKey.export({ type: 'spki', format: 'pem' }).toString();
	const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const rsaPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
	const keyJunk = () => random.pick([edPem, edPem, edPem, '', random.text(200), edPem.replace('A', 'B'), rsaPem]);

	it('verifyEd25519 never throws and never accepts a forgery', () => {
		for (let i = 0; i < 4000; i++) {
			const payload = randomBody();
			const genuineBytes = signBytes(null, payload, ed.privateKey);
			const genuine = genuineBytes.toString('base64');
			if (!verifyEd25519(edPem, payload, genuine)) fail('verifyEd25519 genuine refused', genuine);
			const key = keyJunk();
			const forged = random.pick([
				() => signBytes(null, mutate(payload), ed.privateKey).toString('base64'),
				() => genuineBytes.toString('base64url'),
				() => genuineBytes.toString('hex'),
				() => {
					const copy = Buffer.from(genuineBytes);
					copy[random.int(64)] ^= 1 << random.int(8);
					return copy.toString('base64');
				},
				() => random.bytes(64).toString('base64'),
				() => nearMiss(genuine),
				() => randomValue(genuine),
			])();
			if (sameValue(forged, genuine) && key === edPem) continue;
			const outcome = attempt(() => verifyEd25519(key, payload, forged));
			if (outcome.threw !== undefined || outcome.value !== false) fail('verifyEd25519', { outcome: String(outcome.threw ?? outcome.value) });
			count('verifyEd25519');
		}
	});

	it('verifyRsaSha256 never throws and never accepts a forgery', () => {
		for (let i = 0; i < 1500; i++) {
			const payload = randomBody();
			const genuine = createSign('sha256').update(payload).end().sign(rsa.privateKey).toString('base64');
			if (i % 10 === 0 && !verifyRsaSha256(rsaPem, payload, genuine)) fail('verifyRsaSha256 genuine refused', genuine);
			const forged = random.pick([
				() => createSign('sha256').update(mutate(payload)).end().sign(rsa.privateKey).toString('base64'),
				() => createSign('sha1').update(payload).end().sign(rsa.privateKey).toString('base64'),
				() => nearMiss(genuine),
				() => random.bytes(256).toString('base64'),
				() => randomValue(genuine),
			])();
			if (sameValue(forged, genuine)) continue;
			const outcome = attempt(() => verifyRsaSha256(random.pick([rsaPem, rsaPem, '', random.text(50)]), payload, forged));
			if (outcome.threw !== undefined || outcome.value !== false) fail('verifyRsaSha256', { outcome: String(outcome.threw ?? outcome.value) });
			count('verifyRsaSha256');
		}
	});

	it('verifyHighLevelSignature never throws and never accepts random or near-miss headers', () => {
		for (let i = 0; i < 3000; i++) {
			const payload = randomBody();
			const ghl = signBytes(null, payload, ed.privateKey).toString('base64');
			const wh = i % 5 === 0 ? createSign('sha256').update(payload).end().sign(rsa.privateKey).toString('base64') : 'AAAA';
			const acceptLegacyRsa = random.next() < 0.5;
			const keys = { ed25519: edPem, rsa: rsaPem };
			if (!verifyHighLevelSignature({ 'x-ghl-signature': ghl }, payload, keys, { acceptLegacyRsa }).ok) fail('verifyHighLevelSignature genuine refused', ghl);
			const headers: Record<string, unknown> = {};
			const ghlValue = random.next() < 0.7 ? randomValue(ghl) : undefined;
			if (ghlValue !== undefined) headers['x-ghl-signature'] = ghlValue === ghl ? nearMiss(ghl) : ghlValue;
			// A genuine legacy signature may ride along only while legacy RSA is off, or beside an Ed25519 header that decides.
			const whValue = random.next() < 0.5 ? randomValue(wh) : undefined;
			const ghlHeader = headers['x-ghl-signature'];
			const ghlDecides = ghlHeader !== undefined && (typeof ghlHeader !== 'string' || !['', 'N/A'].includes(ghlHeader.trim().toUpperCase()));
			if (whValue !== undefined) {
				headers['x-wh-signature'] = whValue === wh && acceptLegacyRsa && !ghlDecides ? nearMiss(wh) : whValue;
			}
			if (random.next() < 0.3) headers[random.text(12)] = randomValue();
			const target = random.next() < 0.1 ? random.pick([null, undefined, 'headers', [headers]]) : headers;
			const body = random.next() < 0.3 ? mutate(payload) : payload;
			// The genuine signature with spaces around it is the same signature (HTTP trims header values).
			const legacyDecides = acceptLegacyRsa && !ghlDecides && sameValue(headers['x-wh-signature'], wh);
			if (body === payload && target === headers && (sameValue(headers['x-ghl-signature'], ghl) || legacyDecides)) continue;
			const outcome = attempt(() => verifyHighLevelSignature(target, body, keys, { acceptLegacyRsa }));
			if (outcome.threw !== undefined || outcome.value?.ok !== false) fail('verifyHighLevelSignature', { headers, acceptLegacyRsa, outcome: outcome.value ?? String(outcome.threw) });
			count('verifyHighLevelSignature');
		}
	});

	it('Superlead checkSignature never throws and never accepts random or near-miss headers, with any settings', () => {
		const now = Date.parse('2026-11-21T12:00:00Z');
		for (let i = 0; i < 5000; i++) {
			const settings: SignatureSettings = {
				secret: random.pick(['example-secret-superlead-webhook', 'çãõ-secret-€', 'x']),
				header: random.pick(['x-superlead-signature', 'X-Signature', 'x-hub-signature-256']),
				encoding: random.pick(['hex', 'base64'] as const),
				prefix: random.pick(['optional', 'required', 'none'] as const),
				timestampHeader: random.pick(['', '', 'x-superlead-timestamp']),
				toleranceSeconds: random.pick([1, 300, 3600]),
			};
			const payload = randomBody();
			const timestamp = String(now / 1000 - random.int(2 * settings.toleranceSeconds) + settings.toleranceSeconds);
			const signed = settings.timestampHeader ? Buffer.concat([Buffer.from(`${timestamp}.`), payload]) : payload;
			const digest = computeHmac(settings.secret, signed, settings.encoding);
			const genuine = settings.prefix === 'required' ? `sha256=${digest}` : digest;
			const genuineHeaders: Record<string, unknown> = { [settings.header.toLowerCase()]: genuine };
			if (settings.timestampHeader) genuineHeaders[settings.timestampHeader] = timestamp;
			if (!checkSignature(settings, genuineHeaders, payload, now).ok) fail('Superlead genuine refused', { settings, genuineHeaders });
			const headers: Record<string, unknown> = { ...genuineHeaders };
			switch (random.int(4)) {
				case 0:
					headers[settings.header.toLowerCase()] = random.next() < 0.5 ? nearMiss(genuine) : randomValue(genuine);
					if (sameSuperleadSignature(headers[settings.header.toLowerCase()], genuine, settings)) continue;
					break;
				case 1:
					if (!settings.timestampHeader) {
						headers[settings.header.toLowerCase()] = computeHmac(settings.secret, Buffer.concat([payload, Buffer.from('\n')]), settings.encoding);
						break;
					}
					headers[settings.timestampHeader] = random.pick([
						String(Number(timestamp) + settings.toleranceSeconds * 3),
						String(Number(timestamp) - 1),
						randomValue(timestamp),
					]);
					break;
				case 2:
					headers[settings.header.toLowerCase()] = computeHmac(`${settings.secret}!`, signed, settings.encoding);
					break;
				default:
					delete headers[settings.header.toLowerCase()];
					headers[random.pick(['signature', 'x-signature-256', settings.header.replace(/-/g, '_')])] = genuine;
			}
			const body = random.next() < 0.2 ? Buffer.concat([payload, Buffer.from(' ')]) : payload;
			const unchanged = body === payload && JSON.stringify(headers) === JSON.stringify(genuineHeaders);
			if (unchanged) continue;
			const outcome = attempt(() => checkSignature(settings, headers, body, now));
			const result = outcome.value;
			// A timestamp written with spaces around it, with the right signature, is not a forgery.
			const forgedTimestamp = headers[settings.timestampHeader];
			const sameTimestamp = typeof forgedTimestamp === 'string' && forgedTimestamp.trim() === timestamp;
			if (result?.ok && body === payload && headers[settings.header.toLowerCase()] === genuine && sameTimestamp) continue;
			if (outcome.threw !== undefined || result?.ok !== false) fail('Superlead checkSignature', { settings, headers, outcome: result ?? String(outcome.threw) });
			count('Superlead checkSignature');
		}
	});

	it('isWithinWindow and eventIdAt never throw on anything a body can hold', () => {
		const now = Date.now();
		for (let i = 0; i < 5000; i++) {
			const value = random.pick([
				() => randomValue(),
				() => random.text(random.int(40), '0123456789.-+eE:TZ '),
				() => random.int(2 ** 31) * random.pick([1, 1000, -1]),
				() => JSON.parse(JSON.stringify({ a: random.text(3) })) as IDataObject,
			])();
			const window = attempt(() => isWithinWindow(value, now, random.pick([0, 1, 300])));
			const body = { event_id: value, data: { id: value } } as IDataObject;
			const id = attempt(() => eventIdAt(body, random.pick(['event_id', 'data.id', 'data.id.x', '', '.', random.text(8)])));
			if (window.threw !== undefined || id.threw !== undefined) fail('isWithinWindow + eventIdAt', { value: String(value) });
			count('isWithinWindow + eventIdAt (only: never threw)');
		}
	});
});

describe(`seeded fuzz of every trigger's webhook() (seed 0x${SEED.toString(16)})`, () => {
	const CONTENT_TYPES = ['application/json', 'text/plain', 'application/octet-stream', 'application/x-www-form-urlencoded', undefined, 'multipart/form-data'];
	const ed = generateKeyPairSync('ed25519');
	const triggers: Array<{ name: string; node: IagenteSdrTrigger | LeadwayTrigger | LigueLeadTrigger | SuperleadTrigger; setup: () => Setup; staticData: () => IDataObject; headerNames: string[] }> = [
		{
			name: 'IAGENTE SDR Trigger',
			node: new IagenteSdrTrigger(),
			setup: () => ({ node: IagenteSdrTrigger, credentials: iagenteCredentials(), parameters: { events: ['lead.created', 'message.received'], options: { ignoreRepeats: random.next() < 0.5, eventIdField: 'id' } } }),
			staticData: () => ({ signingSecret: 'whsec_fuzz_placeholder', webhookId: '1' }),
			headerNames: ['x-webhook-signature'],
		},
		{
			name: 'Superlead Trigger',
			node: new SuperleadTrigger(),
			setup: () => superleadSetup({ events: ['messageStatus', 'incomingMessage', 'other'], statuses: [], options: { timestampHeader: random.pick(['', 'x-superlead-timestamp']) } }),
			staticData: () => ({}),
			headerNames: ['x-superlead-signature', 'x-superlead-timestamp'],
		},
		{
			name: 'Leadway CRM Trigger',
			node: new LeadwayTrigger(),
			setup: () => ({
				node: LeadwayTrigger,
				credentials: {},
				parameters: { events: ['*'], otherEvents: '', messageTypes: [], options: { ed25519PublicKey: ed.publicKey.export({ type: 'spki', format: 'pem' }).toString(), acceptLegacyRsa: random.next() < 0.5 } },
			}),
			staticData: () => ({}),
			headerNames: ['x-ghl-signature', 'x-wh-signature'],
		},
		{
			name: 'LigueLead Trigger',
			node: new LigueLeadTrigger(),
			setup: () => ({ node: LigueLeadTrigger, credentials: ligueLeadCredentials({ webhookToken: 'example-fuzz-webhook-token-0001' }), parameters: { channels: ['sms', 'voice', 'rcs'], statuses: [] } }),
			staticData: () => ({}),
			headerNames: ['token', 'x-token', 'authorization'],
		},
	];

	for (const trigger of triggers) {
		it(`${trigger.name}: 400 random requests never throw and never start an execution`, async () => {
			for (let i = 0; i < 400; i++) {
				const contentType = random.pick(CONTENT_TYPES);
				let raw: Buffer | undefined = random.next() < 0.05 ? deeplyNested(random.int(50_000) + 1) : randomBody();
				if (contentType === 'application/json') {
					try {
						JSON.parse(raw.toString('utf8'));
					} catch {
						raw = Buffer.from(JSON.stringify({ event: random.text(10), type: 'InboundMessage', campaign: random.text(5) }));
					}
				}
				if (contentType === 'multipart/form-data') raw = undefined;
				const headers: Record<string, string | string[]> = {};
				if (contentType) headers['content-type'] = contentType;
				for (const name of trigger.headerNames) {
					const value = randomValue();
					if (typeof value === 'string' || (Array.isArray(value) && value.every((entry) => typeof entry === 'string'))) headers[name] = value as string | string[];
				}
				const query = random.next() < 0.5 ? { token: randomValue('example-fuzz-webhook-token-0001') } : {};
				const outcome = await send(
					trigger.node,
					trigger.setup(),
					{ headers, raw, query: query as IDataObject, ...(contentType === 'multipart/form-data' ? { body: { data: {}, files: {} } } : {}) },
					trigger.staticData(),
				);
				expect(outcome.threw).toBeUndefined();
				expect(outcome.started).toBe(false);
				expect([400, 401]).toContain(outcome.captured.statusCode);
				count(`${trigger.name} webhook() (refused, no execution)`);
			}
		});
	}

	afterAll(() => {
		const lines = Object.entries(counts).map(([name, n]) => `${name}: ${n}`);
		const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
		report(`[security] fuzz (seed 0x${SEED.toString(16)}), forgeries that never threw and were never accepted: ${lines.join('; ')}; total ${total}\n`);
	});
});
