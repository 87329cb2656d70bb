// Every send and create of the four action nodes, set up to run against a local server, with
// three input items that each carry a marker (a phone or a name) found again in what was sent.
import { IagenteSdrApi } from '../../credentials/IagenteSdrApi.credentials';
import { LeadwayApi } from '../../credentials/LeadwayApi.credentials';
import { LigueLeadApi } from '../../credentials/LigueLeadApi.credentials';
import { SuperleadApi } from '../../credentials/SuperleadApi.credentials';
import { IagenteSdr } from '../../nodes/IagenteSdr/IagenteSdr.node';
import { Leadway } from '../../nodes/Leadway/Leadway.node';
import { LigueLead } from '../../nodes/LigueLead/LigueLead.node';
import { Superlead } from '../../nodes/Superlead/Superlead.node';
import type { Setup } from '../harness';

/** A credential value nobody could mistake: the secrets suite looks for it everywhere. */
const recognisable = (kind: string, provider: string) => `SECRET-${kind}-${provider}-${provider.length * 7919}`;

/** Fake credential values (not secrets of any account), one per credential field. */
export const SECRETS = {
	ligueLeadToken: recognisable('APIKEY', 'liguelead'),
	ligueLeadAppId: recognisable('APPID', 'liguelead'),
	superleadKey: recognisable('APIKEY', 'superlead'),
	superleadWebhook: recognisable('WHSEC', 'superlead'),
	leadwayToken: recognisable('APIKEY', 'leadway'),
	iagenteKey: recognisable('APIKEY', 'iagente'),
};

/** All secret values, for leak checks. */
export const SECRET_VALUES = Object.values(SECRETS);

/** The credential values of one provider (what its API could echo back). */
export const SECRETS_OF: Record<'ligueLead' | 'superlead' | 'leadway' | 'iagenteSdr', string[]> = {
	ligueLead: [SECRETS.ligueLeadToken, SECRETS.ligueLeadAppId],
	superlead: [SECRETS.superleadKey, SECRETS.superleadWebhook],
	leadway: [SECRETS.leadwayToken],
	iagenteSdr: [SECRETS.iagenteKey],
};

export type Provider = 'ligueLead' | 'superlead' | 'leadway' | 'iagenteSdr';

export function credentialsFor(provider: Provider, baseUrl: string): Setup['credentials'] {
	switch (provider) {
		case 'ligueLead':
			return { ligueLeadApi: { type: LigueLeadApi, data: { apiToken: SECRETS.ligueLeadToken, appId: SECRETS.ligueLeadAppId, baseUrl } } };
		case 'superlead':
			return { superleadApi: { type: SuperleadApi, data: { apiKey: SECRETS.superleadKey, baseUrl, webhookSecret: SECRETS.superleadWebhook } } };
		case 'leadway':
			return {
				leadwayApi: {
					type: LeadwayApi,
					data: { accessToken: SECRETS.leadwayToken, locationId: 'LocExample0001', baseUrl, apiVersion: '2021-07-28' },
				},
			};
		case 'iagenteSdr':
			return { iagenteSdrApi: { type: IagenteSdrApi, data: { apiKey: SECRETS.iagenteKey, baseUrl, authHeader: 'bearer' } } };
	}
}

const NODES = { ligueLead: LigueLead, superlead: Superlead, leadway: Leadway, iagenteSdr: IagenteSdr };

export function nodeSetup(provider: Provider, baseUrl: string, parameters: Setup['parameters'], extra: Partial<Setup> = {}): Setup {
	return { node: NODES[provider], credentials: credentialsFor(provider, baseUrl), parameters, executionId: 'execution-1', ...extra };
}

/** The marker of item i: part of its phone in every format (11 98765-000i), and of its names. */
export const marker = (i: number) => `98765000${i}`;

export const ITEMS = [0, 1, 2].map((i) => ({ phone: `(11) ${marker(i).slice(0, 5)}-${marker(i).slice(5)}`, name: `Lead ${marker(i)}`, contact: `c${marker(i)}` }));

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const contactExpression = '={{ { __rl: true, mode: "id", value: $json.contact } }}';

export interface SendOperation {
	name: string;
	provider: Provider;
	parameters: Setup['parameters'];
	/** Sends that carry an idempotency key the provider honours (a repeat is harmless). */
	idempotent?: boolean;
	/** All items go out in one request (LigueLead "Send to Many"). */
	shared?: boolean;
}

export const SEND_OPERATIONS: SendOperation[] = [
	...[false, true].flatMap((isFlash) =>
		[false, true].map((sendToMany) => ({
			name: `LigueLead SMS send${isFlash ? ' (flash)' : ''}, send to many ${sendToMany ? 'on' : 'off'}`,
			provider: 'ligueLead' as const,
			shared: sendToMany,
			parameters: {
				resource: 'sms',
				operation: 'send',
				title: 'Campanha',
				message: 'Seu pedido saiu para entrega',
				phones: '={{ $json.phone }}',
				options: { isFlash, sendToMany },
			},
		})),
	),
	...[false, true].map((sendToMany) => ({
		name: `LigueLead voice send, send to many ${sendToMany ? 'on' : 'off'}`,
		provider: 'ligueLead' as const,
		shared: sendToMany,
		parameters: { resource: 'voice', operation: 'send', title: 'Campanha', audio: byId('436514'), phones: '={{ $json.phone }}', options: { sendToMany } },
	})),
	{
		name: 'LigueLead RCS send',
		provider: 'ligueLead',
		parameters: {
			resource: 'rcs',
			operation: 'send',
			phones: '={{ $json.phone }}',
			sendAs: 'message',
			message: 'Oi',
			agentId: byId('7b3c1e90-4d2a-4f11-9c8e-2a5b6d0f3e47'),
		},
	},
	{
		name: 'LigueLead RCS template create',
		provider: 'ligueLead',
		parameters: { resource: 'rcs', operation: 'createTemplate', title: '={{ $json.name }}', templateType: 'text', body: 'Olá {{1}}' },
	},
	{
		name: 'Superlead message send',
		provider: 'superlead',
		idempotent: true,
		parameters: { resource: 'message', operation: 'send', to: '={{ $json.phone }}', messageType: 'text', text: 'Oi' },
	},
	{
		name: 'Superlead lead create',
		provider: 'superlead',
		parameters: { resource: 'lead', operation: 'create', name: '={{ $json.name }}', phone: '={{ $json.phone }}' },
	},
	{
		name: 'Leadway message send',
		provider: 'leadway',
		parameters: { resource: 'message', operation: 'send', type: 'SMS', contactBy: 'contact', contactId: contactExpression, message: 'Oi' },
	},
	{
		name: 'Leadway contact create',
		provider: 'leadway',
		parameters: { resource: 'contact', operation: 'create', email: '', phone: '={{ $json.phone }}' },
	},
	{
		name: 'Leadway contact add note',
		provider: 'leadway',
		parameters: { resource: 'contact', operation: 'addNote', contactId: contactExpression, body: 'Ligou' },
	},
	{
		name: 'Leadway opportunity create',
		provider: 'leadway',
		parameters: {
			resource: 'opportunity',
			operation: 'create',
			contactId: contactExpression,
			pipelineId: 'VDm7RPYC2GLUvdpKmBfC',
			pipelineStageId: 'e93ba61a-53b3-45e7-985a-c7732dbcdb69',
			name: '={{ $json.name }}',
			status: 'open',
		},
	},
	{
		name: 'Leadway task create',
		provider: 'leadway',
		parameters: { resource: 'task', operation: 'create', contactId: contactExpression, title: '={{ $json.name }}', dueDate: '2030-01-07T18:00:00-03:00' },
	},
	{
		name: 'Leadway calendar book appointment',
		provider: 'leadway',
		parameters: {
			resource: 'calendar',
			operation: 'bookAppointment',
			calendarId: 'calDemo0000000000001',
			contactId: contactExpression,
			startTime: '2030-01-07T14:00:00-03:00',
			endTime: '2030-01-07T14:30:00-03:00',
			additionalFields: { title: '={{ $json.name }}' },
		},
	},
	{
		name: 'IAGENTE SDR WhatsApp send',
		provider: 'iagenteSdr',
		parameters: { resource: 'whatsAppMessage', operation: 'send', sendTo: 'phone', phone: '={{ $json.phone }}', messageType: 'text', text: 'Oi' },
	},
	{
		name: 'IAGENTE SDR RCS send',
		provider: 'iagenteSdr',
		parameters: { resource: 'rcsMessage', operation: 'send', sendTo: 'phone', phone: '={{ $json.phone }}', rcsType: 'text', text: 'Oi' },
	},
	{
		name: 'IAGENTE SDR lead create',
		provider: 'iagenteSdr',
		parameters: { resource: 'lead', operation: 'create', phone: '={{ $json.phone }}', additionalFields: {} },
	},
	{
		name: 'IAGENTE SDR webhook create',
		provider: 'iagenteSdr',
		parameters: { resource: 'webhook', operation: 'create', name: '={{ $json.name }}', url: 'https://meusite.com/webhook', events: ['lead.created'] },
	},
];

/** Send and Wait for Response: one message, for the first item only, then the execution waits. */
export const SEND_AND_WAIT_OPERATIONS: SendOperation[] = [
	{
		name: 'LigueLead SMS send and wait',
		provider: 'ligueLead',
		parameters: { resource: 'sms', operation: 'sendAndWait', title: 'Confirmacao', phones: '={{ $json.phone }}', message: 'Confirma?' },
	},
	{
		name: 'Superlead message send and wait',
		provider: 'superlead',
		idempotent: true,
		parameters: { resource: 'message', operation: 'sendAndWait', to: '={{ $json.phone }}', message: 'Confirma?' },
	},
	{
		name: 'Leadway message send and wait',
		provider: 'leadway',
		parameters: { resource: 'message', operation: 'sendAndWait', type: 'WhatsApp', contactBy: 'contact', contactId: contactExpression, message: 'Confirma?' },
	},
	{
		name: 'IAGENTE SDR WhatsApp send and wait',
		provider: 'iagenteSdr',
		parameters: { resource: 'whatsAppMessage', operation: 'sendAndWait', sendTo: 'phone', phone: '={{ $json.phone }}', message: 'Confirma?' },
	},
];
