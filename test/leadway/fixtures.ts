import nock from 'nock';

import { LeadwayApi } from '../../credentials/LeadwayApi.credentials';
import { Leadway } from '../../nodes/Leadway/Leadway.node';
import type { Setup } from '../harness';

export const BASE = 'https://services.leadconnectorhq.com';
export const TOKEN = 'pit-example-token-0001';
export const LOCATION_ID = 'LocExample0001';
export const VERSION = '2021-07-28';

export const credentials = (data: Record<string, string> = {}): Setup['credentials'] => ({
	leadwayApi: {
		type: LeadwayApi,
		data: { accessToken: TOKEN, locationId: LOCATION_ID, baseUrl: BASE, apiVersion: VERSION, ...data },
	},
});

export const setup = (parameters: Setup['parameters'], extra: Partial<Setup> = {}): Setup => ({
	node: Leadway,
	credentials: credentials(),
	parameters,
	...extra,
});

/** nock scope that only matches requests carrying the token and the Version header. */
export const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${TOKEN}`, version: VERSION } });

/** A contact as HighLevel returns it. */
export const CONTACT = {
	id: 'seD4PfOuKoVMLkEZqohJ',
	locationId: LOCATION_ID,
	firstName: 'Maria',
	lastName: 'Santos',
	email: 'maria@empresa.com.br',
	phone: '+5511999999999',
	tags: ['cliente'],
	dateAdded: '2025-01-10T12:00:00.000Z',
};
