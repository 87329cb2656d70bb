// The router's optional batch hook: one call for all items of an operation, while pairedItem,
// continueOnFail, the item index on errors and output order = input order stay as for execute().
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { route } from '../../nodes/shared/router';
import type { BatchItemResult, Operation, ResourceMap } from '../../nodes/shared/router';
import { runNode } from '../harness';
import type { Setup } from '../harness';

const batchCalls: number[][] = [];
const singleCalls: number[] = [];
let batchBehaviour: 'ok' | 'failSecond' | 'throw' | 'short' | 'records' = 'ok';

const single: Operation = {
	description: [],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		singleCalls.push(itemIndex);
		return { single: itemIndex };
	},
};

const batch: Operation = {
	description: [],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		throw new Error(`execute() must not be called for batched item ${itemIndex}`);
	},
	async executeBatch(this: IExecuteFunctions, itemIndexes: number[]): Promise<BatchItemResult[]> {
		batchCalls.push(itemIndexes);
		if (batchBehaviour === 'throw') {
			throw new NodeApiError(this.getNode(), { message: 'boom' }, { message: 'Provider down', httpCode: '500' });
		}
		const results: BatchItemResult[] = itemIndexes.map((itemIndex, position) => {
			if (batchBehaviour === 'failSecond' && position === 1) {
				return new NodeOperationError(this.getNode(), `Phone: bad [item ${itemIndex}]`);
			}
			if (batchBehaviour === 'records') return [{ record: `${itemIndex}a` }, { record: `${itemIndex}b` }];
			return { batched: itemIndex, size: itemIndexes.length };
		});
		return batchBehaviour === 'short' ? results.slice(0, 1) : results;
	},
};

const prepareCalls: number[] = [];
const executed: Array<[number, unknown]> = [];

/** Fails preparation for items whose JSON says so; execute() records what prepare() gave it. */
const prepared: Operation = {
	description: [],
	async prepare(this: IExecuteFunctions, itemIndex: number) {
		prepareCalls.push(itemIndex);
		if (this.getInputData()[itemIndex].json.bad) {
			throw new NodeOperationError(this.getNode(), `Text: it is empty [item ${itemIndex}]`);
		}
		return { body: `body-${itemIndex}` };
	},
	async execute(this: IExecuteFunctions, itemIndex: number, ready?: unknown) {
		executed.push([itemIndex, ready]);
		return { sent: itemIndex };
	},
};

const resources: ResourceMap = { thing: { single, batch, prepared } };

class BatchTestNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Batch Test',
		name: 'batchTest',
		group: ['output'],
		version: 1,
		description: 'Router test node',
		defaults: { name: 'Batch Test' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Resource', name: 'resource', type: 'string', default: 'thing' },
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'batch' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, resources);
	}
}

const setup = (extra: Partial<Setup> = {}): Setup => ({
	node: BatchTestNode,
	credentials: {},
	parameters: { resource: 'thing', operation: '={{ $json.op }}' },
	...extra,
});

const mixed: IDataObject[] = [{ op: 'batch' }, { op: 'single' }, { op: 'batch' }, { op: 'single' }, { op: 'batch' }];

beforeEach(() => {
	batchCalls.length = 0;
	singleCalls.length = 0;
	prepareCalls.length = 0;
	executed.length = 0;
	batchBehaviour = 'ok';
});

describe('router batch hook', () => {
	it('calls executeBatch once with all its item indexes and keeps output in input order', async () => {
		const { items, error } = await runNode(setup(), mixed);
		expect(error).toBeUndefined();
		expect(batchCalls).toEqual([[0, 2, 4]]);
		expect(singleCalls).toEqual([1, 3]);
		expect(items).toEqual([
			{ json: { batched: 0, size: 3 }, pairedItem: { item: 0 } },
			{ json: { single: 1 }, pairedItem: { item: 1 } },
			{ json: { batched: 2, size: 3 }, pairedItem: { item: 2 } },
			{ json: { single: 3 }, pairedItem: { item: 3 } },
			{ json: { batched: 4, size: 3 }, pairedItem: { item: 4 } },
		]);
	});

	it('pairs every record of an array result with its item', async () => {
		batchBehaviour = 'records';
		const { items } = await runNode(setup(), [{ op: 'batch' }, { op: 'batch' }]);
		expect(items).toEqual([
			{ json: { record: '0a' }, pairedItem: { item: 0 } },
			{ json: { record: '0b' }, pairedItem: { item: 0 } },
			{ json: { record: '1a' }, pairedItem: { item: 1 } },
			{ json: { record: '1b' }, pairedItem: { item: 1 } },
		]);
	});

	it('turns an error returned for one item into an error item at its position under continueOnFail', async () => {
		batchBehaviour = 'failSecond';
		const { items, error } = await runNode(setup({ continueOnFail: true }), mixed);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { batched: 0, size: 3 }, pairedItem: { item: 0 } },
			{ json: { single: 1 }, pairedItem: { item: 1 } },
			{ json: { error: 'Phone: bad [item 2]' }, pairedItem: { item: 2 } },
			{ json: { single: 3 }, pairedItem: { item: 3 } },
			{ json: { batched: 4, size: 3 }, pairedItem: { item: 4 } },
		]);
	});

	it('fails the node with the failed item index and stops before later single items', async () => {
		batchBehaviour = 'failSecond';
		const { error } = await runNode(setup(), mixed);
		expect(error?.message).toBe('Phone: bad [item 2]');
		expect(error?.context?.itemIndex).toBe(2);
		expect(singleCalls).toEqual([1]);
	});

	it('gives every item of a batch that threw the same provider error', async () => {
		batchBehaviour = 'throw';
		const { items } = await runNode(setup({ continueOnFail: true }), [{ op: 'batch' }, { op: 'single' }, { op: 'batch' }]);
		expect(items).toEqual([
			{ json: { error: 'Provider down', errorDescription: 'boom', httpCode: '500' }, pairedItem: { item: 0 } },
			{ json: { single: 1 }, pairedItem: { item: 1 } },
			{ json: { error: 'Provider down', errorDescription: 'boom', httpCode: '500' }, pairedItem: { item: 2 } },
		]);
	});

	it('reports the first item of a batch that threw when the node stops', async () => {
		batchBehaviour = 'throw';
		const { error } = await runNode(setup(), [{ op: 'single' }, { op: 'batch' }, { op: 'batch' }]);
		expect(error?.message).toBe('Provider down');
		expect(error?.context?.itemIndex).toBe(1);
	});

	it('fails an item the batch returned no result for instead of dropping it', async () => {
		batchBehaviour = 'short';
		const { items } = await runNode(setup({ continueOnFail: true }), [{ op: 'batch' }, { op: 'batch' }]);
		expect(items).toEqual([
			{ json: { batched: 0, size: 2 }, pairedItem: { item: 0 } },
			{ json: { error: 'The batch returned no result for this item' }, pairedItem: { item: 1 } },
		]);
	});

	it('keeps an unknown operation an error of its own item only', async () => {
		const { items } = await runNode(setup({ continueOnFail: true }), [{ op: 'batch' }, { op: 'nope' }, { op: 'batch' }]);
		expect(batchCalls).toEqual([[0, 2]]);
		expect(items[1]).toEqual({
			json: {
				error: 'The operation "nope" is not supported for resource "thing"',
				errorDescription: 'Pick the resource and operation again in the node.',
			},
			pairedItem: { item: 1 },
		});
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('router prepare hook', () => {
	it('prepares every item before executing any, and hands each execute() its prepared value', async () => {
		const { items, error } = await runNode(setup(), [{ op: 'prepared' }, { op: 'prepared' }]);
		expect(error).toBeUndefined();
		expect(prepareCalls).toEqual([0, 1]);
		expect(executed).toEqual([
			[0, { body: 'body-0' }],
			[1, { body: 'body-1' }],
		]);
		expect(items).toEqual([
			{ json: { sent: 0 }, pairedItem: { item: 0 } },
			{ json: { sent: 1 }, pairedItem: { item: 1 } },
		]);
	});

	it('without Continue On Fail, a bad last item stops the node before any item is executed', async () => {
		const { items, error } = await runNode(setup(), [{ op: 'prepared' }, { op: 'single' }, { op: 'prepared', bad: true }]);
		expect(executed).toEqual([]);
		expect(singleCalls).toEqual([]);
		expect(items).toEqual([]);
		expect(error?.message).toBe('Text: it is empty [item 2]');
		expect(error?.context?.itemIndex).toBe(2);
	});

	it('with Continue On Fail, the bad item becomes an error item and the others still run', async () => {
		const { items, error } = await runNode(setup({ continueOnFail: true }), [
			{ op: 'prepared' },
			{ op: 'prepared', bad: true },
			{ op: 'prepared' },
		]);
		expect(error).toBeUndefined();
		expect(executed.map(([index]) => index)).toEqual([0, 2]);
		expect(items).toEqual([
			{ json: { sent: 0 }, pairedItem: { item: 0 } },
			{ json: { error: 'Text: it is empty [item 1]' }, pairedItem: { item: 1 } },
			{ json: { sent: 2 }, pairedItem: { item: 2 } },
		]);
	});
});
