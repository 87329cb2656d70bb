// Hostile and odd values where a phone is expected: each gives a NodeOperationError naming the
// field and the item, never a TypeError or a stack overflow, and nothing is sent.
import nock from 'nock';
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { requireLeadwayPhone } from '../../nodes/Leadway/actions/common';
import { readPhone as superleadPhone } from '../../nodes/Superlead/actions/common';
import { requireDialNumber, requirePhone, requirePhoneList } from '../../nodes/shared/validation';
import { runNode } from '../harness';
import { setup as iagente } from '../iagenteSdr/fixtures';
import { setup as ligueLead } from '../ligueLead/fixtures';

const node: INode = { id: 'n1', name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
const ctx = { getNode: () => node } as unknown as IExecuteFunctions;

function circularObject(): unknown {
	const value: Record<string, unknown> = { phone: '11999999999' };
	value.self = value;
	return value;
}

function circularList(): unknown {
	const value: unknown[] = ['11999999999'];
	value.push(value);
	return [value, { a: 1 }];
}

function deepList(): unknown {
	let value: unknown = { phone: 1 };
	for (let i = 0; i < 200_000; i++) value = [value];
	return value;
}

/** The message of the NodeOperationError `run` throws; anything else shows up in the mismatch. */
function thrownBy(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		return error instanceof NodeOperationError ? error.message : `not a NodeOperationError: ${String(error)}`;
	}
	return 'nothing was thrown';
}

const HOSTILE: Array<[string, () => unknown]> = [
	['an object', () => ({ phone: '11999999999' })],
	['a circular object', circularObject],
	['an object without a prototype', () => Object.create(null)],
	['an object whose toString throws', () => ({ toString: () => { throw new Error('boom'); } })],
	['a symbol', () => Symbol('11999999999')],
	['a negative BigInt', () => BigInt(-11999999999)],
	['NaN', () => Number.NaN],
	['Infinity', () => Number.POSITIVE_INFINITY],
	['a decimal number', () => 1199999.9999],
	['a negative number', () => -11999999999],
	['true', () => true],
	['a function', () => () => '11999999999'],
	['a date', () => new Date(0)],
	['a map', () => new Map([['phone', '11999999999']])],
	['65 characters', () => '1'.repeat(65)],
	['10 MB of digits', () => '9'.repeat(10_000_000)],
	['a number with letters', () => '11 9999O-9999'],
	['only invisible marks', () => '\u202a\u200e\u202c'],
];

describe('hostile phone values', () => {
	it.each(HOSTILE)('requirePhone refuses %s with a NodeOperationError naming field and item', (_name, make) => {
		expect(thrownBy(() => requirePhone(ctx, 3, 'Phone', make(), 'e164'))).toMatch(
			/^Phone: .* is not a valid Brazilian phone number: .+ \[item 3\]$/s,
		);
	});

	it.each(HOSTILE)('requireDialNumber refuses %s with a NodeOperationError', (_name, make) => {
		expect(() => requireDialNumber(ctx, 2, 'Button → Phone Number', make())).toThrow(NodeOperationError);
	});

	it.each(HOSTILE)('the Leadway and Superlead phone readers refuse %s with a NodeOperationError', (_name, make) => {
		expect(() => requireLeadwayPhone(ctx, 0, 'Phone', make())).toThrow(NodeOperationError);
		expect(() => superleadPhone(ctx, 0, 'Phone', make())).toThrow(NodeOperationError);
	});

	it.each([
		...HOSTILE,
		['a list that contains itself, and an object', circularList],
		['a list nested 200,000 deep', deepList],
	] as Array<[string, () => unknown]>)('requirePhoneList refuses %s with a NodeOperationError', (_name, make) => {
		expect(thrownBy(() => requirePhoneList(ctx, 1, 'Phones', make(), 'national'))).toMatch(/^Phones: .+ \[item 1\]$/s);
	});

	it('names a circular object as such and shows invisible marks in the message', () => {
		expect(() => requirePhone(ctx, 0, 'Phone', circularObject(), 'e164')).toThrow(
			'Phone: "an object" is not a valid Brazilian phone number: it is not text [item 0]',
		);
		expect(() => requirePhone(ctx, 0, 'Phone', '\u202a+44 20 7946 0958\u202c', 'e164')).toThrow(
			'Phone: "\\u{202A}+44 20 7946 0958\\u{202C}" is not a valid Brazilian phone number: it has the country code +44, not +55 (Brazil) [item 0]',
		);
	});
});

describe('hostile phone values in a running node', () => {
	beforeEach(() => {
		nock.cleanAll();
		nock.disableNetConnect();
	});
	afterEach(() => {
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('refuses an object mapped into IAGENTE SDR lead Phone before sending, naming the item', async () => {
		const { error, items } = await runNode(
			iagente({ resource: 'lead', operation: 'create', phone: '={{ $json.phone }}', additionalFields: {} }),
			[{ phone: '11999999999' }, { phone: { ddd: 11, number: 999999999 } }],
		);
		expect(items).toEqual([]);
		expect(error?.message).toBe(
			'Phone: "{"ddd":11,"number":999999999}" is not a valid Brazilian phone number: it is not text [item 1]',
		);
	});

	it('refuses a 10,000-character text and a WhatsApp-copied foreign number in LigueLead Phones', async () => {
		const parameters = (phones: string) => ({ resource: 'sms', operation: 'send', title: 'T', message: 'M', phones, options: {} });
		const long = await runNode(ligueLead(parameters('={{ $json.phones }}')), [{ phones: '1'.repeat(10_000) }]);
		expect(long.error?.message).toBe(
			`Phones: entry 1 "${'1'.repeat(40)}…" is not a valid Brazilian phone number: it is longer than 64 characters [item 0]`,
		);
		const copied = await runNode(ligueLead(parameters('={{ $json.phones }}')), [{ phones: '\u202a+351 912 345 678\u202c' }]);
		expect(copied.error?.message).toBe(
			'Phones: entry 1 "\\u{202A}+351 912 345 678\\u{202C}" is not a valid Brazilian phone number: it has the country code +351, not +55 (Brazil) [item 0]',
		);
	});
});
