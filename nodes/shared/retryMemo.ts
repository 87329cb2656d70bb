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
		},
	};
}
