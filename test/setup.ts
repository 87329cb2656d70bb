// Each test file gets its own copy of nock, but they all patch the same Node http module: a copy
// left active after its file would answer the next file's requests. Activate on entry, restore on exit.
import nock from 'nock';

import { resetLimiters } from '../nodes/shared/limiter';
import { useFakeClock } from './harness/clock';

beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
});

// Requests are paced per credential across the whole process: every test starts with no pace
// history and a fake clock, so pacing costs no real time (tests that check waits spy on `timing`).
beforeEach(() => {
	resetLimiters();
	useFakeClock(Date.now());
});

afterAll(() => {
	nock.cleanAll();
	nock.enableNetConnect();
	nock.restore();
});
