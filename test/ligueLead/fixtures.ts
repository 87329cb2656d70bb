import type { IBinaryKeyData } from 'n8n-workflow';
import nock from 'nock';

import { LigueLeadApi } from '../../credentials/LigueLeadApi.credentials';
import { LigueLead } from '../../nodes/LigueLead/LigueLead.node';
import type { Setup } from '../harness';

export const BASE = 'https://api.liguelead.example.com';
export const BASE_PATH = '/v1';
export const API_TOKEN = 'example-api-token-0001';
export const APP_ID = 'example-app-id-0001';

export const credentials = (data: Record<string, string> = {}): Setup['credentials'] => ({
	ligueLeadApi: {
		type: LigueLeadApi,
		data: { apiToken: API_TOKEN, appId: APP_ID, baseUrl: `${BASE}${BASE_PATH}`, ...data },
	},
});

export const setup = (parameters: Setup['parameters'], extra: Partial<Setup> = {}): Setup => ({
	node: LigueLead,
	credentials: credentials(),
	parameters,
	...(pendingBinary ? { binaryInput: pendingBinary } : {}),
	...extra,
});

/** nock scope that only matches requests carrying both LigueLead auth headers. */
export const api = () => nock(BASE, { reqheaders: { 'api-token': API_TOKEN, 'app-id': APP_ID } });

export const accepted = (campaignId: string, kind = 'SMS') => ({
	message: `${kind} accepted successfully`,
	data: { campaign_id: campaignId, accepted_at: '2025-12-29T18:34:38.961Z' },
});

let pendingBinary: Array<IBinaryKeyData | undefined> | undefined;

/** Gives the next setup() binary input items (by position); reset after each test. */
export function withBinaryInput(binaries: Array<IBinaryKeyData | undefined>): void {
	pendingBinary = binaries;
}

afterEach(() => {
	pendingBinary = undefined;
});

export { binaryFile } from '../harness/multipart';
