// Trigger refusals with recognisable secrets: a forged or malformed delivery is refused, and neither
// the answer n8n sends back nor anything logged carries the signing secret or the API key, even when
// the sender puts the secret itself where the signature belongs. (LigueLead's trigger token is
// moving into its credential and Leadway verifies with HighLevel's public keys: no secret to leak.)
import type { IDataObject } from 'n8n-workflow';

import { IagenteSdrTrigger } from '../../nodes/IagenteSdr/IagenteSdrTrigger.node';
import { SuperleadTrigger } from '../../nodes/Superlead/SuperleadTrigger.node';
import { computeHmac } from '../../nodes/shared/signature';
import { webhookContext } from '../harness';
import { captureLogs } from './logCapture';
import { SECRETS, credentialsFor } from './operations';

const IAGENTE_SIGNING_SECRET = `${SECRETS.iagenteKey}-signing`;
const SECRET_TEXTS = [SECRETS.superleadKey, SECRETS.superleadWebhook, SECRETS.iagenteKey, IAGENTE_SIGNING_SECRET];

let logLines: string[] = [];

beforeAll(() => {
	logLines = captureLogs();
});

afterAll(() => {
	jest.restoreAllMocks();
});

beforeEach(() => {
	logLines.length = 0;
});

const event = JSON.stringify({ event: 'lead.created', type: 'message.status', data: { id: 1 } });

interface Hostile {
	name: string;
	body: string;
	headers: (secret: string, header: string) => Record<string, string>;
}

const HOSTILE: Hostile[] = [
	{ name: 'no signature', body: event, headers: () => ({}) },
	{ name: 'signed with another secret', body: event, headers: (_secret, header) => ({ [header]: `sha256=${computeHmac('not-the-secret', Buffer.from(event))}` }) },
	{ name: 'the secret itself as the signature', body: event, headers: (secret, header) => ({ [header]: secret }) },
	{ name: 'the secret with the prefix as the signature', body: event, headers: (secret, header) => ({ [header]: `sha256=${secret}` }) },
	{ name: 'a truncated signature', body: event, headers: (secret, header) => ({ [header]: `sha256=${computeHmac(secret, Buffer.from(event)).slice(0, 20)}` }) },
	{ name: 'signature of the body plus one byte', body: event, headers: (secret, header) => ({ [header]: `sha256=${computeHmac(secret, Buffer.from(`${event} `))}` }) },
	{ name: 'not JSON, signed with another secret', body: '<xml/>', headers: (_secret, header) => ({ [header]: 'sha256=00' }) },
];

const TRIGGERS = [
	{
		name: 'Superlead',
		header: 'x-superlead-signature',
		secret: SECRETS.superleadWebhook,
		run: async (body: string, headers: Record<string, string>) => {
			const { context, captured } = webhookContext(
				{ node: SuperleadTrigger, credentials: credentialsFor('superlead', 'https://api.superlead.example.com'), parameters: { events: ['messageStatus', 'incomingMessage'], statuses: [], options: {} } },
				{ headers: { 'content-type': 'application/json', ...headers }, rawBody: Buffer.from(body), body: { text: body } as IDataObject },
			);
			return { result: await new SuperleadTrigger().webhook.call(context), captured };
		},
	},
	{
		name: 'IAGENTE SDR',
		header: 'x-webhook-signature',
		secret: IAGENTE_SIGNING_SECRET,
		run: async (body: string, headers: Record<string, string>) => {
			const { context, captured } = webhookContext(
				{ node: IagenteSdrTrigger, credentials: credentialsFor('iagenteSdr', 'https://sdr.example.com/api/v1'), parameters: { events: ['lead.created'] } },
				{ headers: { 'content-type': 'application/json', ...headers }, rawBody: Buffer.from(body), body: { text: body } as IDataObject },
				{ signingSecret: IAGENTE_SIGNING_SECRET, webhookId: '5' },
			);
			return { result: await new IagenteSdrTrigger().webhook.call(context), captured };
		},
	},
];

const cases = TRIGGERS.flatMap((trigger) => HOSTILE.map((hostile) => ({ trigger, hostile, label: `${trigger.name}: ${hostile.name}` })));

describe('trigger refusals leak no secret', () => {
	it.each(cases)('$label', async ({ trigger, hostile }) => {
		const { result, captured } = await trigger.run(hostile.body, hostile.headers(trigger.secret, trigger.header));
		// Refused: no workflow started, and an error status sent back.
		expect(result.workflowData).toBeUndefined();
		expect(captured.statusCode).toBeGreaterThanOrEqual(400);
		const texts = [JSON.stringify(captured.body ?? ''), JSON.stringify(result), logLines.join('\n')].join('\n');
		expect(SECRET_TEXTS.filter((secret) => texts.includes(secret))).toEqual([]);
	});
});
