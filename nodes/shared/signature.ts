// Webhook signature checks over the raw body bytes: pure, timing-safe, never throw.
import { createHmac, createPublicKey, createVerify, timingSafeEqual, verify as cryptoVerify } from 'crypto';
import type { KeyObject } from 'crypto';

export type SignatureEncoding = 'hex' | 'base64';

export interface HmacCheck {
	secret: string;
	/** The exact bytes the provider signed. */
	payload: Buffer | string;
	/** The header value as received (may be undefined when the header is missing). */
	signature: string | string[] | undefined;
	encoding?: SignatureEncoding;
	/** A prefix the header carries before the digest, e.g. "sha256=". */
	prefix?: string;
	algorithm?: 'sha256' | 'sha1' | 'sha512';
}

export function computeHmac(
	secret: string,
	payload: Buffer | string,
	encoding: SignatureEncoding = 'hex',
	algorithm: 'sha256' | 'sha1' | 'sha512' = 'sha256',
): string {
	return createHmac(algorithm, secret).update(payload).digest(encoding);
}

/** Compares two byte strings in constant time; false when lengths differ. */
export function safeEqual(expected: Buffer, actual: Buffer): boolean {
	if (expected.length === 0 || expected.length !== actual.length) return false;
	return timingSafeEqual(expected, actual);
}

function decodeDigest(text: string, encoding: SignatureEncoding): Buffer | undefined {
	if (encoding === 'hex') {
		if (!/^[0-9a-fA-F]+$/.test(text) || text.length % 2 !== 0) return undefined;
		return Buffer.from(text, 'hex');
	}
	// Standard base64 or its URL-safe form, each only in its canonical spelling.
	if (/^[A-Za-z0-9_-]+$/.test(text) && /[-_]/.test(text)) {
		const bytes = Buffer.from(text, 'base64url');
		return bytes.toString('base64url') === text ? bytes : undefined;
	}
	return decodeCanonicalBase64(text);
}

/** True only when the header carries the HMAC of the payload made with the secret. */
export function verifyHmac(check: HmacCheck): boolean {
	try {
		const { secret, payload } = check;
		const encoding = check.encoding ?? 'hex';
		const algorithm = check.algorithm ?? 'sha256';
		if (typeof secret !== 'string' || secret.trim() === '') return false;
		// A repeated header (an array) is ambiguous, so it is refused rather than one value picked.
		let header = check.signature;
		if (typeof header !== 'string') return false;
		header = header.trim();
		const prefix = check.prefix ?? '';
		if (prefix) {
			if (header.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return false;
			header = header.slice(prefix.length);
		}
		const actual = decodeDigest(header, encoding);
		if (!actual) return false;
		const expected = createHmac(algorithm, secret).update(payload).digest();
		return safeEqual(expected, actual);
	} catch {
		return false;
	}
}

/** Compares a received shared token with the expected one in constant time. */
export function verifyToken(expected: string, received: unknown): boolean {
	try {
		if (typeof expected !== 'string' || expected.trim() === '' || typeof received !== 'string') return false;
		const a = createHmac('sha256', 'token-compare').update(expected).digest();
		const b = createHmac('sha256', 'token-compare').update(received).digest();
		return timingSafeEqual(a, b) && expected.length === received.length;
	} catch {
		return false;
	}
}

/**
 * Standard base64 in its one canonical spelling, else undefined. Node's decoder skips invalid
 * characters and accepts the URL-safe alphabet, so without this check many spellings of one
 * signature would pass.
 */
export function decodeCanonicalBase64(text: string): Buffer | undefined {
	if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
	const bytes = Buffer.from(text, 'base64');
	return bytes.toString('base64') === text ? bytes : undefined;
}

/** How many parsed public keys are kept (a few triggers each have one; the oldest unused goes first). */
export const PUBLIC_KEY_CACHE_SIZE = 32;
const publicKeys = new Map<string, KeyObject>();

/**
 * The parsed key of a PEM, parsed once and reused (parsing costs more than a verification). Throws
 * on a PEM that does not parse, which is never kept.
 */
export function publicKeyOf(pem: string): KeyObject {
	const cached = publicKeys.get(pem);
	if (cached) {
		// Most recently used last, so the first entry is the one to drop.
		publicKeys.delete(pem);
		publicKeys.set(pem, cached);
		return cached;
	}
	const key = createPublicKey(pem);
	publicKeys.set(pem, key);
	if (publicKeys.size > PUBLIC_KEY_CACHE_SIZE) publicKeys.delete(publicKeys.keys().next().value as string);
	return key;
}

/** Ed25519 over the payload bytes with a PEM (SPKI) public key; base64 signature. */
export function verifyEd25519(publicKeyPem: string, payload: Buffer | string, signature: unknown): boolean {
	try {
		if (typeof signature !== 'string' || !publicKeyPem) return false;
		const bytes = decodeCanonicalBase64(signature.trim());
		if (bytes === undefined || bytes.length !== 64) return false;
		return cryptoVerify(null, Buffer.from(payload), publicKeyOf(publicKeyPem), bytes);
	} catch {
		return false;
	}
}

/** RSA PKCS#1 v1.5 with SHA-256 over the payload bytes; base64 signature. */
export function verifyRsaSha256(publicKeyPem: string, payload: Buffer | string, signature: unknown): boolean {
	try {
		if (typeof signature !== 'string' || !publicKeyPem) return false;
		const bytes = decodeCanonicalBase64(signature.trim());
		if (bytes === undefined) return false;
		const verifier = createVerify('sha256');
		verifier.update(Buffer.from(payload));
		verifier.end();
		return verifier.verify(publicKeyOf(publicKeyPem), bytes);
	} catch {
		return false;
	}
}

/**
 * Whether a timestamp (seconds, milliseconds or an ISO date) lies within `toleranceSeconds`
 * of now, either way. Anything unreadable is outside.
 */
export function isWithinWindow(timestamp: unknown, nowMs: number, toleranceSeconds: number): boolean {
	let ms: number;
	if (typeof timestamp === 'number' || (typeof timestamp === 'string' && /^\d+(\.\d+)?$/.test(timestamp.trim()))) {
		const value = Number(timestamp);
		ms = value < 1e11 ? value * 1000 : value;
	} else if (typeof timestamp === 'string' && timestamp.trim() !== '') {
		ms = Date.parse(timestamp);
	} else {
		return false;
	}
	if (!Number.isFinite(ms)) return false;
	return Math.abs(nowMs - ms) <= toleranceSeconds * 1000;
}
