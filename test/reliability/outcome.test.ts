// Which failures leave a send's outcome unknown, read from the error as n8n hands it over.
import { certainlyNotSent, isOutcomeUnknown, isTimeout, markOutcomeUnknown, networkErrorCode } from '../../nodes/shared/outcome';

const wrapped = (code: string, message = 'request failed') => {
	const inner = Object.assign(new Error(message), { code });
	// n8n wraps the socket error in a NodeApiError whose cause is the original.
	return Object.assign(new Error('The connection to the server was closed unexpectedly'), { cause: inner });
};

describe('send outcome', () => {
	it('finds the socket code through the error n8n wraps around it', () => {
		expect(networkErrorCode(wrapped('ECONNRESET'))).toBe('ECONNRESET');
		expect(networkErrorCode(new Error('no code'))).toBeUndefined();
	});

	it('does not loop on an error that is its own cause', () => {
		const error = new Error('loop') as Error & { cause?: unknown };
		error.cause = error;
		expect(networkErrorCode(error)).toBeUndefined();
	});

	it('knows a refused connection or an unknown host never reached the provider', () => {
		expect(certainlyNotSent(wrapped('ECONNREFUSED'))).toBe(true);
		expect(certainlyNotSent(wrapped('ENOTFOUND'))).toBe(true);
		expect(certainlyNotSent(wrapped('ECONNRESET'))).toBe(false);
		expect(certainlyNotSent(wrapped('ECONNABORTED'))).toBe(false);
		expect(certainlyNotSent(new Error('socket hang up'))).toBe(false);
	});

	it('recognises a timeout by code or by axios message', () => {
		expect(isTimeout(wrapped('ECONNABORTED'))).toBe(true);
		expect(isTimeout(wrapped('ETIMEDOUT'))).toBe(true);
		expect(isTimeout(new Error('timeout of 250ms exceeded'))).toBe(true);
		expect(isTimeout(wrapped('ECONNRESET'))).toBe(false);
	});

	it('marks an error in its context, which n8n keeps with the execution', () => {
		const error = { context: {} };
		expect(isOutcomeUnknown(error)).toBe(false);
		expect(isOutcomeUnknown(markOutcomeUnknown(error))).toBe(true);
		expect(error.context).toEqual({ outcomeUnknown: true });
		expect(isOutcomeUnknown(new Error('plain'))).toBe(false);
		expect(isOutcomeUnknown(undefined)).toBe(false);
	});
});
