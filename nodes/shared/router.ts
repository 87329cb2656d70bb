// The item loop every action node shares: resource/operation → operation, pairedItem on every
// output item, continueOnFail, and the item index on every error.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { isOutcomeUnknown, markOutcomeUnknown } from './outcome';
import type { Pace } from './limiter';
import { readRequestOptions } from './requestOptions';
import { retryMemo } from './retryMemo';
import type { RetryMemo } from './retryMemo';
import { readConcurrency, runPool } from './scheduler';

export type OperationResult = IDataObject | IDataObject[];

/** What a batch gives back for one item: its result, or the error that item failed with. */
export type BatchItemResult = OperationResult | Error;

export interface Operation {
	description: INodeProperties[];
	/**
	 * Optional: reads and checks the item's input and returns what execute() needs, sending
	 * nothing. The router runs it for every item before any execute(), so one bad item stops
	 * the node before a single message goes out (unless Continue On Fail is on).
	 */
	prepare?(this: IExecuteFunctions, itemIndex: number): Promise<unknown>;
	/** Does the work for one item; gets what prepare() returned, when the operation has one. */
	execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<OperationResult>;
	/**
	 * Optional: handles every input item that uses this operation in one call (e.g. to send many
	 * items in one provider request). Gets the item indexes in input order and returns exactly
	 * one result or Error per index, in the same order. The router still owns pairedItem,
	 * continueOnFail, the item index on errors, and output order = input order.
	 */
	executeBatch?(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchItemResult[]>;
	/**
	 * Present on Send and Wait operations. As in n8n's own nodes, the operation runs once, for the
	 * first item (one message, not one per item); the router then calls this to put the execution
	 * to wait. The other items are neither checked nor sent, and the node outputs the send's result.
	 */
	waitForResponse?(this: IExecuteFunctions, itemIndex: number): Promise<void>;
}

export type ResourceMap = Record<string, Record<string, Operation>>;

/** execute() for an operation that only works in batches: runs the batch for the one item. */
export function singleFromBatch(batch: NonNullable<Operation['executeBatch']>): Operation['execute'] {
	return async function (this: IExecuteFunctions, itemIndex: number) {
		const [result] = await batch.call(this, [itemIndex]);
		if (result instanceof Error) throw result;
		return result;
	};
}

/**
 * Whether the node runs as an AI Agent tool: n8n registers a `…Tool` (and `…HitlTool`) variant of
 * every usableAsTool node and runs that type for the agent; a sub-node context also says so itself.
 */
export function runsAsTool(ctx: IExecuteFunctions): boolean {
	try {
		if (typeof ctx.isToolExecution === 'function' && ctx.isToolExecution()) return true;
	} catch {
		// Older contexts without the method: the node type tells.
	}
	return /Tool$/.test(ctx.getNode().type);
}

/**
 * The message a model reads when the node is its tool. n8n hands the model only `error.message`
 * (Agent 3: `{ error: message }`), so the fix from the description goes into the message, and the
 * " [item N]" suffix, which means nothing to a model, is dropped.
 */
export function toolErrorMessage(message: string, description: string | null | undefined): string {
	const base = message.replace(/\s*\[item \d+\]\s*$/, '').trim();
	const fix = (description ?? '').trim();
	if (!fix || base.includes(fix)) return base;
	return /[.!?:]$/.test(base) ? `${base} ${fix}` : `${base}. ${fix}`;
}

function attachItemIndex(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	let nodeError: NodeApiError | NodeOperationError;
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		nodeError = error;
	} else {
		const message = error instanceof Error ? error.message : String(error);
		nodeError = new NodeOperationError(ctx.getNode(), message, { itemIndex });
	}
	if (runsAsTool(ctx)) nodeError.message = toolErrorMessage(nodeError.message, nodeError.description);
	return nodeError;
}

/** The output item for a failed item under Continue On Fail. */
function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return {
		json: {
			error: error.message,
			...(error.description ? { errorDescription: error.description } : {}),
			...(error instanceof NodeApiError && error.httpCode ? { httpCode: error.httpCode } : {}),
		},
		pairedItem: { item: itemIndex },
	};
}

export function findOperation(
	ctx: IExecuteFunctions,
	resources: ResourceMap,
	resource: string,
	operation: string,
	itemIndex: number,
): Operation {
	const found = resources[resource]?.[operation];
	if (!found) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
			{ itemIndex, description: 'Pick the resource and operation again in the node.' },
		);
	}
	return found;
}

interface Planned {
	operation?: Operation;
	prepared?: unknown;
	error?: unknown;
}

async function runBatch(
	ctx: IExecuteFunctions,
	operation: Operation & Required<Pick<Operation, 'executeBatch'>>,
	itemIndexes: number[],
): Promise<Map<number, BatchItemResult>> {
	const results = new Map<number, BatchItemResult>();
	let returned: BatchItemResult[];
	try {
		returned = await operation.executeBatch.call(ctx, itemIndexes);
	} catch (error) {
		// The batch failed as a whole: every item in it failed with that error.
		for (const itemIndex of itemIndexes) {
			results.set(itemIndex, error instanceof Error ? error : new Error(String(error)));
		}
		return results;
	}
	itemIndexes.forEach((itemIndex, position) => {
		results.set(
			itemIndex,
			position < returned.length
				? returned[position]
				: new NodeOperationError(ctx.getNode(), 'The batch returned no result for this item', { itemIndex }),
		);
	});
	return results;
}

/** An earlier try may have delivered it (timeout, reset, 5xx): that is reported again, never resent. */
function reportUnknownOfEarlierTry(ctx: IExecuteFunctions, memo: RetryMemo, itemIndex: number, payload: unknown): void {
	const unknown = memo.recallUnknown(itemIndex, payload);
	if (unknown === undefined) return;
	throw markOutcomeUnknown(
		new NodeApiError(ctx.getNode(), { message: unknown.message }, {
			message: unknown.message,
			description: `${unknown.description ?? ''} (Reported by an earlier try of this execution; Retry On Fail did not send it again.)`.trim(),
			itemIndex,
		}),
	);
}

/** Remembers a failure of unknown outcome, so later tries of this execution do not send it again. */
function rememberIfUnknown(memo: RetryMemo, itemIndex: number, payload: unknown, error: NodeApiError | NodeOperationError): void {
	if (isOutcomeUnknown(error) && memo.recallUnknown(itemIndex, payload) === undefined) {
		memo.rememberUnknown(itemIndex, payload, error);
	}
}

/** The operation of the first item when it is a Send and Wait; undefined otherwise (or unreadable). */
function sendAndWaitOperationOf(ctx: IExecuteFunctions, resources: ResourceMap): Operation | undefined {
	try {
		const resource = ctx.getNodeParameter('resource', 0) as string;
		const operation = resources[resource]?.[ctx.getNodeParameter('operation', 0) as string];
		return operation?.waitForResponse ? operation : undefined;
	} catch {
		return undefined;
	}
}

/**
 * One send with the first item's parameters, then the wait. A send that already went out in an
 * earlier try of this execution (Retry On Fail) is not repeated; the wait is set either way.
 */
async function sendOnceAndWait(ctx: IExecuteFunctions, operation: Operation): Promise<INodeExecutionData[]> {
	const memo = retryMemo(ctx);
	let payload: unknown;
	try {
		const prepared = operation.prepare ? await operation.prepare.call(ctx, 0) : undefined;
		payload = prepared ?? ctx.getInputData()[0].json;
		let result = memo.recall(0, payload);
		if (result === undefined) reportUnknownOfEarlierTry(ctx, memo, 0, payload);
		if (result === undefined) {
			result = await operation.execute.call(ctx, 0, prepared);
			memo.remember(0, payload, result);
		}
		await operation.waitForResponse?.call(ctx, 0);
		memo.clear();
		return (Array.isArray(result) ? result : [result]).map((json) => ({ json, pairedItem: { item: 0 } }));
	} catch (error) {
		const nodeError = attachItemIndex(ctx, error, 0);
		if (payload !== undefined) rememberIfUnknown(memo, 0, payload, nodeError);
		if (ctx.continueOnFail()) return [errorItem(nodeError, 0)];
		throw nodeError;
	}
}

/** Default for nodes that do not say: one item at a time, as n8n's own loop would. */
const SEQUENTIAL = { maxConcurrent: 1 };

export async function route(
	this: IExecuteFunctions,
	resources: ResourceMap,
	pace: Pick<Pace, 'maxConcurrent'> = SEQUENTIAL,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const waiting = items.length > 0 ? sendAndWaitOperationOf(this, resources) : undefined;
	if (waiting) return [await sendOnceAndWait(this, waiting)];
	const output: INodeExecutionData[] = [];

	// Pick each item's operation first, so operations that batch can see all their items at once.
	const plan: Planned[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operationName = this.getNodeParameter('operation', itemIndex) as string;
			const operation = findOperation(this, resources, resource, operationName, itemIndex);
			// Request Options are checked with the rest of the input, before anything is sent.
			readRequestOptions(this, itemIndex);
			const prepared = operation.prepare ? await operation.prepare.call(this, itemIndex) : undefined;
			plan.push({ operation, prepared });
		} catch (error) {
			plan.push({ error });
		}
	}
	// Without Continue On Fail, the first bad item stops the node before anything is sent.
	if (!this.continueOnFail()) {
		const firstBad = plan.findIndex((entry) => entry.error !== undefined);
		if (firstBad !== -1) throw attachItemIndex(this, plan[firstBad].error, firstBad);
	}
	const batched = new Map<Operation, Promise<Map<number, BatchItemResult>>>();
	// Sends and other writes (operations with prepare or executeBatch) that already succeeded in an
	// earlier try of this execution are not repeated when n8n's Retry On Fail runs the node again.
	const memo = retryMemo(this);
	const sendsOnce = (operation: Operation) => operation.prepare !== undefined || operation.executeBatch !== undefined;
	const payloadOf = (itemIndex: number) => plan[itemIndex].prepared ?? items[itemIndex].json;

	const runBatchOnce = (operation: Operation & Required<Pick<Operation, 'executeBatch'>>) => {
		// Runs once, for every item of this operation, when the first of them is reached.
		let results = batched.get(operation);
		if (!results) {
			const indexes = plan.flatMap((entry, index) =>
				entry.operation === operation &&
				memo.recall(index, payloadOf(index)) === undefined &&
				memo.recallUnknown(index, payloadOf(index)) === undefined
					? [index]
					: [],
			);
			results = runBatch(this, operation, indexes).then((settled) => {
				// Every item's result is remembered here, not when its turn comes: without Continue On
				// Fail the pool may stop before reaching an item whose campaign had an unknown outcome.
				for (const [index, entry] of settled) {
					if (entry instanceof Error) rememberIfUnknown(memo, index, payloadOf(index), attachItemIndex(this, entry, index));
					else memo.remember(index, payloadOf(index), entry);
				}
				return settled;
			});
			batched.set(operation, results);
		}
		return results;
	};

	const runItem = async (itemIndex: number): Promise<OperationResult> => {
		const { operation } = plan[itemIndex];
		try {
			return await sendItem(itemIndex);
		} catch (error) {
			// A send whose outcome is unknown (timeout, reset, 5xx) is remembered, so a later try of
			// this execution reports it again instead of sending it a second time.
			const nodeError = attachItemIndex(this, error, itemIndex);
			if (operation && sendsOnce(operation)) rememberIfUnknown(memo, itemIndex, payloadOf(itemIndex), nodeError);
			throw nodeError;
		}
	};

	const sendItem = async (itemIndex: number): Promise<OperationResult> => {
		const { operation, prepared, error } = plan[itemIndex];
		if (!operation) throw error;
		const earlier = sendsOnce(operation) ? memo.recall(itemIndex, payloadOf(itemIndex)) : undefined;
		if (sendsOnce(operation)) reportUnknownOfEarlierTry(this, memo, itemIndex, payloadOf(itemIndex));
		if (earlier !== undefined) return earlier;
		if (operation.executeBatch) {
			const entry = (await runBatchOnce(operation as Operation & Required<Pick<Operation, 'executeBatch'>>)).get(
				itemIndex,
			);
			if (entry instanceof Error) throw entry;
			return entry ?? {};
		}
		const result = await operation.execute.call(this, itemIndex, prepared);
		// Remembered as soon as it is sent: items in flight when another fails must not go out twice.
		if (sendsOnce(operation)) memo.remember(itemIndex, payloadOf(itemIndex), result);
		return result;
	};

	// Items run side by side (the pace of requests is kept in http.ts); the output is assembled
	// in input order, so it reads exactly as if they had run one after another.
	const concurrency = items.length > 1 ? readConcurrency(this, pace.maxConcurrent) : 1;
	const settled = await runPool(items.length, concurrency, runItem, !this.continueOnFail());

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const outcome = settled[itemIndex];
		if (outcome === undefined) continue;
		if (outcome.ok) {
			const records = Array.isArray(outcome.value) ? outcome.value : [outcome.value];
			for (const json of records) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
			continue;
		}
		const nodeError = attachItemIndex(this, outcome.error, itemIndex);
		if (!this.continueOnFail()) throw nodeError;
		output.push(errorItem(nodeError, itemIndex));
	}
	memo.clear();
	return [output];
}
