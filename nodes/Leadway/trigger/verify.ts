// HighLevel webhook signatures: X-GHL-Signature (Ed25519), and, only when the user turns it on,
// the legacy X-WH-Signature (RSA-SHA256). Both are base64 over the raw body bytes, checked with
// HighLevel's public keys.
import { verifyEd25519, verifyRsaSha256 } from '../../shared/signature';
import { isPlainObject } from '../../shared/webhook';

export const ED25519_HEADER = 'x-ghl-signature';
export const RSA_HEADER = 'x-wh-signature';

export interface PublicKeys {
	ed25519: string;
	rsa: string;
}

export interface VerifyOptions {
	/** HighLevel's SDK 3.x documents X-WH-Signature as no longer sent: accepting it is a downgrade path. */
	acceptLegacyRsa: boolean;
}

export type SignatureCheck =
	| { ok: true; scheme: 'ed25519' | 'rsa' }
	| { ok: false; reason: 'missing' | 'invalid' | 'noKey' | 'legacyOff'; scheme?: 'ed25519' | 'rsa' };

/**
 * A header's value: undefined when absent, empty or "N/A" (HighLevel has been seen sending it);
 * null when it cannot be read as one value (repeated, or not text), which counts as invalid.
 */
export function signatureHeader(headers: unknown, name: string): string | undefined | null {
	if (!isPlainObject(headers)) return undefined;
	const raw = headers[name];
	if (raw === undefined) return undefined;
	if (typeof raw !== 'string') return null;
	const trimmed = raw.trim();
	return trimmed === '' || trimmed.toUpperCase() === 'N/A' ? undefined : trimmed;
}

/** Checks the raw body bytes as received; the parsed body is never re-serialised. */
export function verifyHighLevelSignature(
	headers: unknown,
	rawBody: Buffer,
	keys: PublicKeys,
	options: VerifyOptions,
): SignatureCheck {
	const ed25519 = signatureHeader(headers, ED25519_HEADER);
	if (ed25519 === null) return { ok: false, reason: 'invalid', scheme: 'ed25519' };
	if (ed25519 !== undefined) {
		// Like HighLevel's SDK: when the Ed25519 header is there, it alone decides.
		if (!keys.ed25519) return { ok: false, reason: 'noKey', scheme: 'ed25519' };
		return verifyEd25519(keys.ed25519, rawBody, ed25519)
			? { ok: true, scheme: 'ed25519' }
			: { ok: false, reason: 'invalid', scheme: 'ed25519' };
	}
	const rsa = signatureHeader(headers, RSA_HEADER);
	if (rsa === undefined) return { ok: false, reason: 'missing' };
	if (!options.acceptLegacyRsa) return { ok: false, reason: 'legacyOff', scheme: 'rsa' };
	if (rsa === null) return { ok: false, reason: 'invalid', scheme: 'rsa' };
	if (!keys.rsa) return { ok: false, reason: 'noKey', scheme: 'rsa' };
	return verifyRsaSha256(keys.rsa, rawBody, rsa)
		? { ok: true, scheme: 'rsa' }
		: { ok: false, reason: 'invalid', scheme: 'rsa' };
}
