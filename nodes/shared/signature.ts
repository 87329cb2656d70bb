// Webhook signature checks over the raw body bytes: pure, timing-safe, never throw.
import { createHmac, timingSafeEqual } from 'crypto';

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
	if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
	return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** True only when the header carries the HMAC of the payload made with the secret. */
export function verifyHmac(check: HmacCheck): boolean {
	try {
		const { secret, payload } = check;
		const encoding = check.encoding ?? 'hex';
		const algorithm = check.algorithm ?? 'sha256';
		if (!secret) return false;
		let header = Array.isArray(check.signature) ? check.signature[0] : check.signature;
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
		if (!expected || typeof received !== 'string') return false;
		const a = createHmac('sha256', 'token-compare').update(expected).digest();
		const b = createHmac('sha256', 'token-compare').update(received).digest();
		return timingSafeEqual(a, b) && expected.length === received.length;
	} catch {
		return false;
	}
}
