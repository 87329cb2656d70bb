import { WorkflowExecute } from 'n8n-core';
import type { IBinaryKeyData, IDataObject } from 'n8n-workflow';
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
	...extra,
});

/** nock scope that only matches requests carrying both LigueLead auth headers. */
export const api = () => nock(BASE, { reqheaders: { 'api-token': API_TOKEN, 'app-id': APP_ID } });

export const accepted = (campaignId: string, kind = 'SMS') => ({
	message: `${kind} accepted successfully`,
	data: { campaign_id: campaignId, accepted_at: '2025-12-29T18:34:38.961Z' },
});

type StackItem = { json: IDataObject; binary?: IBinaryKeyData };

/**
 * The shared harness feeds JSON-only input items; this adds binary data to them (by position)
 * right before n8n-core runs the node, so getBinaryDataBuffer reads real binary input.
 */
export function withBinaryInput(binaries: Array<IBinaryKeyData | undefined>): jest.SpyInstance {
	const original = WorkflowExecute.prototype.processRunExecutionData;
	return jest
		.spyOn(WorkflowExecute.prototype, 'processRunExecutionData')
		.mockImplementation(function (this: WorkflowExecute, ...args: Parameters<typeof original>) {
			const stack = (this as unknown as {
				runExecutionData: { executionData: { nodeExecutionStack: Array<{ data: { main: StackItem[][] } }> } };
			}).runExecutionData.executionData.nodeExecutionStack;
			stack[0].data.main[0].forEach((item, index) => {
				if (binaries[index]) item.binary = binaries[index];
			});
			return original.apply(this, args);
		});
}

export function binaryFile(content: Buffer, mimeType: string, fileName: string): IBinaryKeyData {
	const extension = fileName.includes('.') ? fileName.split('.').pop() : undefined;
	return {
		data: { data: content.toString('base64'), mimeType, fileName, ...(extension ? { fileExtension: extension } : {}) },
	};
}
