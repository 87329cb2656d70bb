import { IagenteSdrApi } from '../../credentials/IagenteSdrApi.credentials';
import { IagenteSdr } from '../../nodes/IagenteSdr/IagenteSdr.node';
import type { Setup } from '../harness';

export const BASE = 'https://sdr.example.com';
export const BASE_PATH = '/api/v1';
export const API_KEY = 'sk_live_example_key_0001';

export const credentials = (data: Record<string, string> = {}): Setup['credentials'] => ({
	iagenteSdrApi: {
		type: IagenteSdrApi,
		data: { apiKey: API_KEY, baseUrl: `${BASE}${BASE_PATH}`, authHeader: 'bearer', ...data },
	},
});

export const setup = (parameters: Setup['parameters'], extra: Partial<Setup> = {}): Setup => ({
	node: IagenteSdr,
	credentials: credentials(),
	parameters,
	...extra,
});
