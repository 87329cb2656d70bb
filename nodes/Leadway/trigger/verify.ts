// HighLevel webhook signatures: X-GHL-Signature (Ed25519) first, else the legacy X-WH-Signature
// (RSA-SHA256), both base64 over the body bytes and checked with HighLevel's public keys.
import { verifyEd25519, verifyRsaSha256 } from '../../shared/signature';

export const ED25519_HEADER = 'x-ghl-signature';
export const RSA_HEADER = 'x-wh-signature';

export interface PublicKeys {
	ed25519: string;
	rsa: string;
}

export type SignatureCheck =
	| { ok: true; scheme: 'ed25519' | 'rsa' }
	| { ok: false; reason: 'missing' | 'invalid' | 'noKey'; scheme?: 'ed25519' | 'rsa' };

/** A header counts only when it carries a value; HighLevel has been seen sending "N/A". */
export function signatureHeader(headers: Record<string, unknown>, name: string): string | undefined {
	const raw = headers[name];
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' || trimmed.toUpperCase() === 'N/A' ? undefined : trimmed;
}

/**
 * The bytes to check: the raw body as received, then (only if it differs) the body re-serialised
 * with JSON.stringify, which is what HighLevel's own SDK verifies. Both describe the same parsed body.
 */
export function signedPayloads(rawBody: Buffer, parsedBody: unknown): Buffer[] {
	const payloads = [rawBody];
	if (parsedBody !== undefined) {
		const reserialised = Buffer.from(JSON.stringify(parsedBody) ?? '', 'utf8');
		if (reserialised.length > 0 && !reserialised.equals(rawBody)) payloads.push(reserialised);
	}
	return payloads;
}

export function verifyHighLevelSignature(
	headers: Record<string, unknown>,
	rawBody: Buffer,
	parsedBody: unknown,
	keys: PublicKeys,
): SignatureCheck {
	const ed25519 = signatureHeader(headers, ED25519_HEADER);
	if (ed25519 !== undefined) {
		// Like HighLevel's SDK: when the Ed25519 header is there, it alone decides.
		if (!keys.ed25519) return { ok: false, reason: 'noKey', scheme: 'ed25519' };
		const valid = signedPayloads(rawBody, parsedBody).some((payload) => verifyEd25519(keys.ed25519, payload, ed25519));
		return valid ? { ok: true, scheme: 'ed25519' } : { ok: false, reason: 'invalid', scheme: 'ed25519' };
	}
	const rsa = signatureHeader(headers, RSA_HEADER);
	if (rsa !== undefined) {
		if (!keys.rsa) return { ok: false, reason: 'noKey', scheme: 'rsa' };
		const valid = signedPayloads(rawBody, parsedBody).some((payload) => verifyRsaSha256(keys.rsa, payload, rsa));
		return valid ? { ok: true, scheme: 'rsa' } : { ok: false, reason: 'invalid', scheme: 'rsa' };
	}
	return { ok: false, reason: 'missing' };
}
