// The credential is read once per node run and handed to n8n's httpRequestWithAuthentication as
// credentialsDecrypted, so n8n does not read it again per request (in n8n each read is a database
// read and a decryption). Counted on the harness's credentials helper, where every read lands.
import nock from 'nock';

import { runNode } from '../harness';
import { CONTACT, LOCATION_ID, api as leadwayApi, setup as leadwaySetup } from '../leadway/fixtures';
import { BASE, BASE_PATH, accepted, api, credentials, setup } from '../ligueLead/fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const OTHER_TOKEN = 'example-api-token-0002';
const OTHER_APP = 'example-app-id-0002';
const smsPerItem = { resource: 'sms', operation: 'send', title: 'Oferta', message: 'Oi', phones: '={{ $json.phone }}', options: { sendToMany: false } };
const phones = (count: number) => Array.from({ length: count }, (_, n) => ({ phone: `119${String(n).padStart(8, '0')}` }));

describe('credential reads per node run', () => {
	it('reads the LigueLead credential once for a run of 5 sends, each sent with its headers', async () => {
		const reads: string[] = [];
		api().post(`${BASE_PATH}/sms`).times(5).reply(202, accepted('c-1'));
		const { items, error } = await runNode(setup(smsPerItem, { onCredentialRead: (type) => reads.push(type) }), phones(5));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(reads).toEqual(['ligueLeadApi']);
	});

	it('reads it again in the next run, never reusing another run\'s credential', async () => {
		const reads: string[] = [];
		api().post(`${BASE_PATH}/sms`).times(2).reply(202, accepted('c-1'));
		nock(BASE, { reqheaders: { 'api-token': OTHER_TOKEN, 'app-id': OTHER_APP } })
			.post(`${BASE_PATH}/sms`)
			.times(2)
			.reply(202, accepted('c-2'));
		const onCredentialRead = (type: string) => reads.push(type);
		const first = await runNode(setup(smsPerItem, { onCredentialRead }), phones(2));
		const second = await runNode(
			setup(smsPerItem, { onCredentialRead, credentials: credentials({ apiToken: OTHER_TOKEN, appId: OTHER_APP }) }),
			phones(2),
		);
		expect([first.error, second.error]).toEqual([undefined, undefined]);
		expect(first.items.map((item) => item.json.campaign_id)).toEqual(['c-1', 'c-1']);
		expect(second.items.map((item) => item.json.campaign_id)).toEqual(['c-2', 'c-2']);
		expect(reads).toEqual(['ligueLeadApi', 'ligueLeadApi']);
	});

	it('reads it once per Retry On Fail try: each try is a new run', async () => {
		const reads: string[] = [];
		api().get(`${BASE_PATH}/voice/uploads`).reply(500, { error: 'upstream down' });
		api().get(`${BASE_PATH}/voice/uploads`).reply(200, { data: [{ id: 436514, name: 'aviso.mp3' }] });
		const { items, error } = await runNode(
			setup(
				{ resource: 'voice', operation: 'getAllUploads', returnAll: true },
				{ onCredentialRead: (type) => reads.push(type), retryOnFail: { maxTries: 2, waitBetweenTries: 0 } },
			),
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual([436514]);
		expect(reads).toEqual(['ligueLeadApi', 'ligueLeadApi']);
	});

	it('reads the Leadway credential once for 3 contacts, Location ID included', async () => {
		const reads: string[] = [];
		leadwayApi()
			.post('/contacts/', (body) => body.locationId === LOCATION_ID)
			.times(3)
			.reply(201, { contact: CONTACT });
		const { items, error } = await runNode(
			leadwaySetup(
				{ resource: 'contact', operation: 'create', email: '={{ $json.email }}', phone: '', additionalFields: {} },
				{ onCredentialRead: (type) => reads.push(type) },
			),
			[{ email: 'a@empresa.com.br' }, { email: 'b@empresa.com.br' }, { email: 'c@empresa.com.br' }],
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(reads).toEqual(['leadwayApi']);
	});
});
