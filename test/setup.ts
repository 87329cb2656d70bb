// Each test file gets its own copy of nock, but they all patch the same Node http module: a copy
// left active after its file would answer the next file's requests. Activate on entry, restore on exit.
import nock from 'nock';

beforeAll(() => {
	if (!nock.isActive()) nock.activate();
	nock.disableNetConnect();
});

afterAll(() => {
	nock.cleanAll();
	nock.enableNetConnect();
	nock.restore();
});
