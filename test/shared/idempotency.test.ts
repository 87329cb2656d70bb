import { idempotencyKey, stableStringify } from '../../nodes/shared/idempotency';

const base = { executionId: '42', nodeId: 'node-a', itemIndex: 0, payload: { to: '+5511999999999', text: { body: 'Olá' } } };

describe('idempotencyKey', () => {
	it('is the same for the same execution, node, item and payload', () => {
		expect(idempotencyKey(base)).toBe(idempotencyKey({ ...base, payload: { text: { body: 'Olá' }, to: '+5511999999999' } }));
	});

	it('differs when the item, the node, the execution or the payload differs', () => {
		const key = idempotencyKey(base);
		expect(idempotencyKey({ ...base, itemIndex: 1 })).not.toBe(key);
		expect(idempotencyKey({ ...base, nodeId: 'node-b' })).not.toBe(key);
		expect(idempotencyKey({ ...base, executionId: '43' })).not.toBe(key);
		expect(idempotencyKey({ ...base, payload: { ...base.payload, to: '+5511988888888' } })).not.toBe(key);
	});

	it('differs for another run of the node in the execution; the first run keeps the key it had before runs were counted', () => {
		const key = idempotencyKey(base);
		expect(idempotencyKey({ ...base, run: 0 })).toBe(key);
		expect(idempotencyKey({ ...base, run: 1 })).not.toBe(key);
		expect(idempotencyKey({ ...base, run: 2 })).not.toBe(idempotencyKey({ ...base, run: 1 }));
	});

	it('has a fixed, header-safe shape', () => {
		expect(idempotencyKey(base)).toMatch(/^n8n-[0-9a-f]{40}$/);
	});
});

describe('stableStringify', () => {
	it('sorts keys at every depth and drops undefined values', () => {
		expect(stableStringify({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[2,{"y":2,"z":1}]},"b":1}');
	});
});
