// Each test file gets its own copy of nock, but they all patch the same Node http module: a copy
// left active after its file would answer the next file's requests. Activate on entry, restore on exit.
import nock from 'nock';
import { setSafeRegexEngine } from 'n8n-workflow';

import { resetLimiters } from '../nodes/shared/limiter';
import { patientRegexEngine } from '../dev/test-support/regexEngine';
import { useFakeClock } from './harness/clock';

// n8n-workflow's regex guard with a limit a loaded machine cannot reach (why: dev/test-support/regexEngine.ts).
setSafeRegexEngine(patientRegexEngine);

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
