// Deterministic idempotency keys: the same execution, node, run of the node, item and payload always
// give the same key, so n8n's "Retry On Fail" cannot send a message twice, while a new run of the
// node in the same execution (an AI Agent calling the tool again, a loop) sends again.
import { createHash } from 'crypto';

export interface IdempotencySource {
	executionId: string | undefined;
	nodeId: string;
	itemIndex: number;
	/**
	 * Which run of the node in the execution (retryMemo's runNumber(): the tries of Retry On Fail
	 * share it). 0 or absent for the first run, whose key is the same as before runs were counted.
	 */
	run?: number;
	/** The request body, or anything else that makes two sends different. */
	payload: unknown;
}

/** Stable JSON: object keys sorted, so key order never changes the key. */
export function stableStringify(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

export function idempotencyKey(source: IdempotencySource, prefix = 'n8n'): string {
	const digest = createHash('sha256')
		.update(
			stableStringify({
				e: source.executionId ?? 'no-execution',
				n: source.nodeId,
				i: source.itemIndex,
				p: source.payload,
				r: source.run ? source.run : undefined,
			}),
		)
		.digest('hex');
	return `${prefix}-${digest.slice(0, 40)}`;
}
