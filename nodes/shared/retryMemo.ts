// Remembers, for the length of one execution, which items an operation already sent. n8n's
// "Retry On Fail" runs the whole node again after a failure: without this, the items that had
// gone out before the failure would be sent a second time.
import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { stableStringify } from './idempotency';

const CONTEXT_KEY = 'brMessagingSentInEarlierTry';

export interface RetryMemo {
	/** The result an earlier try got for this item and payload, if it succeeded. */
	recall(itemIndex: number, payload: unknown): IDataObject | IDataObject[] | undefined;
	remember(itemIndex: number, payload: unknown, result: IDataObject | IDataObject[]): void;
	/**
	 * The error of an earlier try whose outcome is unknown (timeout, reset, 5xx on a send without
	 * idempotency key): the provider may have it, so a later try reports it again instead of sending.
	 */
	recallUnknown(itemIndex: number, payload: unknown): { message: string; description?: string } | undefined;
	rememberUnknown(itemIndex: number, payload: unknown, error: { message: string; description?: string | null }): void;
	/** Called when the node finished: the next run of the node starts with a clean slate. */
	clear(): void;
}

function keyOf(itemIndex: number, payload: unknown): string {
	const digest = createHash('sha256').update(stableStringify(payload)).digest('hex').slice(0, 24);
	return `${itemIndex}:${digest}`;
}

/**
 * Kept in the node's execution context, which n8n keeps across the tries of one execution (and
 * saves with it), not across executions. The payload is part of the key, so a changed item is sent.
 */
export function retryMemo(ctx: IExecuteFunctions): RetryMemo {
	const context = ctx.getContext('node') as IDataObject;
	const store = (): IDataObject => {
		if (!context[CONTEXT_KEY] || typeof context[CONTEXT_KEY] !== 'object') context[CONTEXT_KEY] = {};
		return context[CONTEXT_KEY] as IDataObject;
	};
	return {
		recall: (itemIndex, payload) =>
			(context[CONTEXT_KEY] as IDataObject | undefined)?.[keyOf(itemIndex, payload)] as
				| IDataObject
				| IDataObject[]
				| undefined,
		remember: (itemIndex, payload, result) => {
			store()[keyOf(itemIndex, payload)] = result;
		},
		recallUnknown: (itemIndex, payload) =>
			(context[CONTEXT_KEY] as IDataObject | undefined)?.[`unknown:${keyOf(itemIndex, payload)}`] as
				| { message: string; description?: string }
				| undefined,
		rememberUnknown: (itemIndex, payload, error) => {
			store()[`unknown:${keyOf(itemIndex, payload)}`] = {
				message: error.message,
				...(error.description ? { description: error.description } : {}),
			};
		},
		clear: () => {
			delete context[CONTEXT_KEY];
			const run = context[RUN_KEY] as IDataObject | undefined;
			if (run && typeof run === 'object') run.open = false;
		},
	};
}

const RUN_KEY = 'brMessagingRun';

/**
 * Which run of this node in the execution this is: 0 for the first, 1 for the next… A node runs
 * more than once in one execution when an AI Agent calls it as a tool again, or in a loop. A try
 * that Retry On Fail repeats after a failure is the same run: the run stays open until the router
 * finishes it (clear() above), so every try of a run gets the same number. Kept in the node's
 * execution context, as the memo is, so it does not depend on how n8n numbers runs and tries
 * (n8n-core gives a tool's Retry On Fail tries new run indexes on some paths).
 */
export function runNumber(ctx: IExecuteFunctions): number {
	const context = ctx.getContext('node') as IDataObject;
	const run = context[RUN_KEY] as { n?: unknown; open?: unknown } | undefined;
	const previous = run && typeof run.n === 'number' ? run.n : undefined;
	if (previous !== undefined && run?.open === true) return previous;
	const n = previous === undefined ? 0 : previous + 1;
	context[RUN_KEY] = { n, open: true };
	return n;
}
