import { generateKeyPairSync, sign } from 'crypto';

import {
	computeHmac,
	isWithinWindow,
	PUBLIC_KEY_CACHE_SIZE,
	publicKeyOf,
	verifyEd25519,
	verifyHmac,
	verifyRsaSha256,
	verifyToken,
} from '../../nodes/shared/signature';

const secret = 'whsec_example_placeholder';
const payload = Buffer.from('{"event":"lead.created","name":"João Conceição"}', 'utf8');

describe('verifyHmac', () => {
	const good = `sha256=${computeHmac(secret, payload)}`;

	it('accepts the sha256=<hex> HMAC of the raw bytes', () => {
		expect(verifyHmac({ secret, payload, signature: good, prefix: 'sha256=' })).toBe(true);
	});

	it('accepts an upper-case prefix and digest', () => {
		expect(verifyHmac({ secret, payload, signature: good.toUpperCase(), prefix: 'sha256=' })).toBe(true);
	});

	it('rejects a signature made with another secret', () => {
		const other = `sha256=${computeHmac('whsec_other_placeholder', payload)}`;
		expect(verifyHmac({ secret, payload, signature: other, prefix: 'sha256=' })).toBe(false);
	});

	it('rejects a tampered body', () => {
		const tampered = Buffer.from(payload.toString('utf8').replace('João', 'Joao'), 'utf8');
		expect(verifyHmac({ secret, payload: tampered, signature: good, prefix: 'sha256=' })).toBe(false);
	});

	it('rejects a missing, empty, unprefixed, truncated or non-hex header without throwing', () => {
		const digest = computeHmac(secret, payload);
		for (const signature of [undefined, '', digest, good.slice(0, -2), 'sha256=zz', 'sha256=']) {
			expect(verifyHmac({ secret, payload, signature, prefix: 'sha256=' })).toBe(false);
		}
	});

	it('rejects everything when no secret is known, or the secret is only spaces', () => {
		expect(verifyHmac({ secret: '', payload, signature: good, prefix: 'sha256=' })).toBe(false);
		const blank = '   ';
		const signedWithBlank = `sha256=${computeHmac(blank, payload)}`;
		expect(verifyHmac({ secret: blank, payload, signature: signedWithBlank, prefix: 'sha256=' })).toBe(false);
	});

	it('verifies base64 digests and refuses a repeated header, even when one value is right', () => {
		const b64 = computeHmac(secret, payload, 'base64');
		expect(verifyHmac({ secret, payload, signature: b64, encoding: 'base64' })).toBe(true);
		expect(verifyHmac({ secret, payload, signature: [b64, 'junk'], encoding: 'base64' })).toBe(false);
		expect(verifyHmac({ secret, payload, signature: [b64], encoding: 'base64' })).toBe(false);
		expect(verifyHmac({ secret, payload, signature: b64, encoding: 'hex' })).toBe(false);
	});
});

describe('verifyEd25519 and verifyRsaSha256', () => {
	const ed = generateKeyPairSync('ed25519');
	const edPem = ed.publicKey.export({ type: 'spki', format: 'pem' }).toString();
	const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const rsaPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();

	it('accepts a valid Ed25519 signature and rejects a tampered body or another key', () => {
		const signature = sign(null, payload, ed.privateKey).toString('base64');
		expect(verifyEd25519(edPem, payload, signature)).toBe(true);
		expect(verifyEd25519(edPem, Buffer.concat([payload, Buffer.from(' ')]), signature)).toBe(false);
		const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
		expect(verifyEd25519(other, payload, signature)).toBe(false);
		expect(verifyEd25519(edPem, payload, undefined)).toBe(false);
		expect(verifyEd25519('not a key', payload, signature)).toBe(false);
	});

	it('accepts a signature only in canonical standard base64, not in another spelling of the same bytes', () => {
		const bytes = sign(null, payload, ed.privateKey);
		const standard = bytes.toString('base64');
		expect(verifyEd25519(edPem, payload, standard)).toBe(true);
		const respelled = [
			bytes.toString('base64url'),
			standard.replace(/=+$/, ''),
			`${standard.slice(0, 10)}\n${standard.slice(10)}`,
			`${standard.slice(0, 10)}*${standard.slice(10)}`,
			bytes.toString('hex'),
		];
		for (const signature of respelled) expect(verifyEd25519(edPem, payload, signature)).toBe(false);
	});

	it('accepts a valid RSA-SHA256 signature and rejects a tampered body', () => {
		const signature = sign('sha256', payload, rsa.privateKey).toString('base64');
		expect(verifyRsaSha256(rsaPem, payload, signature)).toBe(true);
		expect(verifyRsaSha256(rsaPem, Buffer.from('{}'), signature)).toBe(false);
		expect(verifyRsaSha256(rsaPem, payload, 'AAAA')).toBe(false);
	});
});

describe('publicKeyOf: parsed public keys kept per PEM, bounded', () => {
	const pemOf = () => generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

	it('parses a PEM once and gives the same key for every later verification', () => {
		const pem = pemOf();
		const key = publicKeyOf(pem);
		expect(publicKeyOf(pem)).toBe(key);
		expect(key.asymmetricKeyType).toBe('ed25519');
		// Another PEM is another key, never the cached one.
		const other = publicKeyOf(pemOf());
		expect(other).not.toBe(key);
		expect(other.equals(key)).toBe(false);
	});

	it('drops the least recently used key beyond its size, and keeps the ones in use', () => {
		const first = pemOf();
		const firstKey = publicKeyOf(first);
		const second = pemOf();
		const secondKey = publicKeyOf(second);
		for (let n = 0; n < PUBLIC_KEY_CACHE_SIZE - 1; n++) {
			publicKeyOf(pemOf());
			// The first PEM stays in use, so it stays.
			expect(publicKeyOf(first)).toBe(firstKey);
		}
		// PUBLIC_KEY_CACHE_SIZE + 1 keys went through it: the second, unused since, was dropped and is parsed again.
		const again = publicKeyOf(second);
		expect(again).not.toBe(secondKey);
		expect(again.equals(secondKey)).toBe(true);
		expect(publicKeyOf(first)).toBe(firstKey);
	});

	it('verifies Ed25519 and RSA signatures with the cached key as before', () => {
		const ed = generateKeyPairSync('ed25519');
		const edPem = ed.publicKey.export({ type: 'spki', format: 'pem' }).toString();
		const edSignature = sign(null, payload, ed.privateKey).toString('base64');
		const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const rsaPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
		const rsaSignature = sign('sha256', payload, rsa.privateKey).toString('base64');
		for (let n = 0; n < 3; n++) {
			expect(verifyEd25519(edPem, payload, edSignature)).toBe(true);
			expect(verifyEd25519(edPem, Buffer.from('{}'), edSignature)).toBe(false);
			expect(verifyRsaSha256(rsaPem, payload, rsaSignature)).toBe(true);
			expect(verifyRsaSha256(rsaPem, Buffer.from('{}'), rsaSignature)).toBe(false);
		}
	});
});

describe('isWithinWindow', () => {
	const now = Date.parse('2026-11-21T12:00:00Z');
	it('reads seconds, milliseconds and ISO dates', () => {
		expect(isWithinWindow(now / 1000 - 60, now, 300)).toBe(true);
		expect(isWithinWindow(String(now - 60_000), now, 300)).toBe(true);
		expect(isWithinWindow('2026-11-21T11:58:00Z', now, 300)).toBe(true);
	});
	it('rejects stale, far-future and unreadable timestamps', () => {
		expect(isWithinWindow(now / 1000 - 301, now, 300)).toBe(false);
		expect(isWithinWindow(now + 301_000, now, 300)).toBe(false);
		expect(isWithinWindow('yesterday', now, 300)).toBe(false);
		expect(isWithinWindow(undefined, now, 300)).toBe(false);
	});
});

describe('verifyToken', () => {
	it('accepts only the exact token', () => {
		expect(verifyToken('tok_example_123', 'tok_example_123')).toBe(true);
		expect(verifyToken('tok_example_123', 'tok_example_124')).toBe(false);
		expect(verifyToken('tok_example_123', 'tok_example_1234')).toBe(false);
		expect(verifyToken('tok_example_123', undefined)).toBe(false);
		expect(verifyToken('', '')).toBe(false);
	});
});
