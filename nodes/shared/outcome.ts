// Whether a failed request may still have taken effect at the provider. A send that timed out,
// lost its connection or got a 5xx may have gone out: repeating it blindly (by the node or by
// n8n's Retry On Fail) could deliver a message twice, so such failures are marked "unknown".
import type { IDataObject } from 'n8n-workflow';

const UNKNOWN_OUTCOME = 'outcomeUnknown';

/** Network error codes that mean the request never reached the provider. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** Codes of a request the client gave up waiting for. */
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The low-level code of a network error, also when n8n wrapped it (in `cause`). */
export function networkErrorCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

export function isTimeout(error: unknown): boolean {
	const code = networkErrorCode(error);
	if (code !== undefined && TIMEOUT_CODES.has(code)) return true;
	const message = error instanceof Error ? error.message : '';
	return /timeout of \d+ms exceeded|timed out/i.test(message);
}

/** Whether the request certainly did not reach the provider (so sending it again is safe). */
export function certainlyNotSent(error: unknown): boolean {
	const code = networkErrorCode(error);
	return code !== undefined && NOT_SENT_CODES.has(code);
}

/** Marks an error as "the provider may have processed it" (kept in its context, which n8n saves). */
export function markOutcomeUnknown<T extends { context: IDataObject }>(error: T): T {
	error.context[UNKNOWN_OUTCOME] = true;
	return error;
}

export function isOutcomeUnknown(error: unknown): boolean {
	const context = (error as { context?: IDataObject } | undefined)?.context;
	return !!context && context[UNKNOWN_OUTCOME] === true;
}
