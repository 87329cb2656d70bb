// A batch (one provider request for several items) can leave later items with an unknown outcome
// while the first fails plainly: n8n's Retry On Fail must not send those later items again.
import { NodeApiError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { markOutcomeUnknown } from '../../nodes/shared/outcome';
import { route } from '../../nodes/shared/router';
import type { Operation } from '../../nodes/shared/router';

const node = { id: 'n', name: 'N', type: 't', typeVersion: 1, position: [0, 0], parameters: {} };

/** One try of the node over `count` items, sharing n8n's execution context across tries. */
function oneTry(context: Record<string, unknown>, count: number): IExecuteFunctions {
	return {
		getInputData: () => Array.from({ length: count }, (_, i) => ({ json: { i } })),
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			name === 'resource' ? 'r' : name === 'operation' ? 'o' : name === 'requestOptions' ? { maxConcurrentRequests: 1 } : fallback,
		getNode: () => node,
		continueOnFail: () => false,
		getContext: () => context,
	} as unknown as IExecuteFunctions;
}

describe('router: unknown outcomes inside a batch', () => {
	it('remembers every item of the batch, so a retry does not resend the ones the pool never reached', async () => {
		const sent: number[][] = [];
		const campaigns: Operation = {
			description: [],
			execute: async () => ({}),
			async executeBatch(this: IExecuteFunctions, indexes: number[]) {
				sent.push(indexes);
				const timedOut = markOutcomeUnknown(new NodeApiError(this.getNode(), { message: 'timeout' }, { message: 'timeout' }));
				return indexes.map((index) =>
					index === 0 ? new NodeApiError(this.getNode(), { message: 'bad' }, { message: 'bad', httpCode: '422' }) : timedOut,
				);
			},
		};
		const context: Record<string, unknown> = {};
		await expect(route.call(oneTry(context, 3), { r: { o: campaigns } })).rejects.toThrow('bad');
		// Retry On Fail: item 0 failed plainly and may go again; items 1 and 2 may have gone out.
		await expect(route.call(oneTry(context, 3), { r: { o: campaigns } })).rejects.toThrow();
		expect(sent).toEqual([[0, 1, 2], [0]]);
	});
});
