import { SuperleadApi } from '../../credentials/SuperleadApi.credentials';
import { Superlead } from '../../nodes/Superlead/Superlead.node';
import { SuperleadTrigger } from '../../nodes/Superlead/SuperleadTrigger.node';
import type { Setup } from '../harness';

export const BASE = 'https://api.superlead.example.com';
export const API_KEY = 'sl_live_example_key_0001';
export const SIGNING_SECRET = 'example-secret-superlead-webhook';

export const credentials = (data: Record<string, string> = {}): Setup['credentials'] => ({
	superleadApi: {
		type: SuperleadApi,
		data: { apiKey: API_KEY, baseUrl: BASE, webhookSecret: SIGNING_SECRET, ...data },
	},
});

/**
 * runNode leaves the execution ID undefined unless it is given (its additionalData spread
 * overrides the 'execution-1' default), so the fixtures always give one, as n8n always does.
 */
export const setup = (parameters: Setup['parameters'], extra: Partial<Setup> = {}): Setup => ({
	node: Superlead,
	credentials: credentials(),
	parameters,
	executionId: 'execution-1',
	...extra,
});

export const triggerSetup = (parameters: Setup['parameters'], credentialData: Record<string, string> = {}): Setup => ({
	node: SuperleadTrigger,
	credentials: credentials(credentialData),
	parameters,
});

/** The 201 answer of POST /v1/messages, as documented. */
export const accepted = (extra: Record<string, unknown> = {}) => ({
	id: 'msg_01HZX3',
	wamid: 'wamid.HBgNNTUxMTk5OTk5OTk5ORUCABEYEjI=',
	external_id: null,
	to: '+5511999999999',
	type: 'text',
	status: 'accepted',
	created_at: '2026-11-21T12:00:00Z',
	...extra,
});

export const leadRecord = (extra: Record<string, unknown> = {}) => ({
	id: 'lead_8f2k',
	name: 'Maria Santos',
	phone: '+5511999999999',
	source: 'api',
	channel: null,
	entry_point: null,
	funnel_stage: 'novo',
	created_at: '2026-11-21T12:00:00Z',
	...extra,
});

export const errorBody = (code: string, message: string, extra: Record<string, unknown> = {}) => ({
	error: { code, message, request_id: 'req_7Yh2', ...extra },
});
