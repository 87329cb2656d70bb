// A corpus of invalid inputs across the operations of the four action nodes. Each must stop the node
// with a NodeOperationError that names the field (its display name) and the item, says how to fix
// it, and sends nothing: nock has no interceptor and real connections are off, and every request
// that tries to leave is counted.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { runNode } from '../harness';
import { nodeSetup } from './operations';
import type { Provider } from './operations';
import { printFigures } from '../../dev/test-support/figures';

const BASE_URL = 'https://provider.bad-input.example';

type Parameters = Record<string, unknown>;

interface Case {
	operation: string;
	provider: Provider;
	parameters: Parameters;
	/** Display name the message must start with. */
	field: string;
	value: unknown;
	/** The bad item's position; the items before it carry `validValue`. */
	itemIndex: number;
	validValue?: unknown;
}

const EXPRESSION = '={{ $json.v }}';
const HUGE = 'x'.repeat(200_000);

/** Junk that no field expecting text should take. */
const TEXT_JUNK: unknown[] = ['', '   ', '\n\t', { a: 1 }, [1, 2], true];
const PHONE_JUNK: unknown[] = ['', '  ', { a: 1 }, [], 12, 'abc', HUGE, '+', '(11) 1234', 11999999999.5];
const URL_JUNK: unknown[] = ['not a url', 'ftp://files.example.com/a.pdf', 'javascript:alert(1)', { url: 'https://a.b' }, 'https://', 'www.example.com/a.jpg'];
const EMAIL_JUNK: unknown[] = ['maria@', 'maria', { email: 'a@b.co' }, 'maria santos@empresa.com', 'a@b'];
const DATE_JUNK: unknown[] = ['tomorrow', '2025-13-45T10:00:00', { date: 1 }, 'x'];
const JSON_JUNK: unknown[] = ['{not json', '[1,', '{"title":"one card"}', 42];

/** Replaces `path` (dots for nesting) of the parameters with an expression reading the item's value. */
function withExpression(parameters: Parameters, path: string): Parameters {
	const copy = structuredClone(parameters);
	const keys = path.split('.');
	let target = copy as Record<string, unknown>;
	for (const key of keys.slice(0, -1)) {
		target[key] = { ...((target[key] as Record<string, unknown>) ?? {}) };
		target = target[key] as Record<string, unknown>;
	}
	target[keys[keys.length - 1]] = EXPRESSION;
	return copy;
}

const cases: Case[] = [];

function field(
	provider: Provider,
	operation: string,
	parameters: Parameters,
	path: string,
	display: string,
	values: unknown[],
	before?: { itemIndex: number; validValue: unknown },
) {
	for (const value of values) {
		cases.push({ operation, provider, parameters: withExpression(parameters, path), field: display, value, itemIndex: before?.itemIndex ?? 0, validValue: before?.validValue });
	}
}

const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const rlExpression = { __rl: true, mode: 'id', value: EXPRESSION };

function locator(provider: Provider, operation: string, parameters: Parameters, name: string, display: string, values: unknown[]) {
	for (const value of values) {
		cases.push({ operation, provider, parameters: { ...parameters, [name]: rlExpression }, field: display, value, itemIndex: 0 });
	}
}

// LigueLead
const sms = { resource: 'sms', operation: 'send', title: 'Campanha', message: 'Oi', phones: '11999999999', options: {} };
field('ligueLead', 'SMS send', sms, 'title', 'Report Title', TEXT_JUNK);
field('ligueLead', 'SMS send', sms, 'message', 'Message', [...TEXT_JUNK, HUGE]);
field('ligueLead', 'SMS send', sms, 'phones', 'Phones', PHONE_JUNK);
field('ligueLead', 'SMS send', sms, 'options.webhookUrl', 'Status Callback URL', URL_JUNK);
field('ligueLead', 'SMS send (send to many)', { ...sms, options: { sendToMany: true } }, 'phones', 'Phones', ['abc', { a: 1 }], { itemIndex: 1, validValue: '11999999999' });
field('ligueLead', 'SMS send (flash)', { ...sms, options: { isFlash: true } }, 'message', 'Message', ['Veja https://example.com/oferta', 'Acesse loja.com.br']);
const voice = { resource: 'voice', operation: 'send', title: 'Campanha', audio: rl('436514'), phones: '11999999999', options: {} };
locator('ligueLead', 'voice send', voice, 'audio', 'Audio', ['', 'abc', { id: 1 }, '12.5']);
field('ligueLead', 'voice send', voice, 'phones', 'Phones', ['', { a: 1 }, 'abc']);
field('ligueLead', 'voice send', voice, 'options.retryEndTime', 'Retry End Time', ['25:00', '07:00', 'noon', { t: 1 }]);
field('ligueLead', 'voice send', voice, 'options.retryAttempts', 'Retry Attempts', [0, 4, 'abc', { n: 1 }]);
field('ligueLead', 'voice send', voice, 'options.retryIntervalMinutes', 'Retry Interval (Minutes)', [1, 1000, 'abc']);
const rcs = { resource: 'rcs', operation: 'send', phones: '11999999999', sendAs: 'message', message: 'Oi', agentId: rl('7b3c1e90-4d2a-4f11-9c8e-2a5b6d0f3e47'), options: {} };
locator('ligueLead', 'RCS send', rcs, 'agentId', 'Agent', ['', 'not-a-uuid', { id: 1 }]);
field('ligueLead', 'RCS send', rcs, 'message', 'Message', ['', { a: 1 }, 'x'.repeat(307)]);
field('ligueLead', 'RCS send', rcs, 'options.webhookUrl', 'Callback URL', ['not a url', `https://example.com/${'a'.repeat(600)}`, 'https://my_host.example.com/hook']);
const rcsTemplate = { resource: 'rcs', operation: 'send', phones: '11999999999', sendAs: 'template', templateId: rl('449dff4b-08c0-40a6-aa18-86dc6f9745bd'), options: {} };
locator('ligueLead', 'RCS send (template)', rcsTemplate, 'templateId', 'Template', ['', { id: 1 }]);
const createTemplate = { resource: 'rcs', operation: 'createTemplate', title: 'Pedido', templateType: 'text', body: 'Olá' };
field('ligueLead', 'RCS template create', createTemplate, 'title', 'Title', ['', { a: 1 }]);
field('ligueLead', 'RCS template create', createTemplate, 'body', 'Body', ['', [1], HUGE]);
field('ligueLead', 'RCS template create', { ...createTemplate, templateType: 'carousel', cardsInput: 'json' }, 'cardsJson', 'Cards (JSON)', JSON_JUNK);
locator('ligueLead', 'voice get upload', { resource: 'voice', operation: 'getUpload' }, 'uploadId', 'Audio', ['', { id: 1 }]);

// Superlead
const superleadSend = { resource: 'message', operation: 'send', to: '11999999999', messageType: 'text', text: 'Oi' };
field('superlead', 'message send', superleadSend, 'to', 'To', [...PHONE_JUNK, 'br.123', 'BR.']);
field('superlead', 'message send', superleadSend, 'text', 'Text', TEXT_JUNK);
field('superlead', 'message send', { ...superleadSend, messageType: 'json' }, 'messageJson', 'Message JSON', ['{not json', '[1,', '[1]', '{"contacts": []}']);
field('superlead', 'message send', superleadSend, 'options.idempotencyKey', 'Idempotency Key', [{ key: 1 }, ['a']]);
field('superlead', 'message send', superleadSend, 'options.externalId', 'External ID', ['x'.repeat(256), { id: 1 }]);
field('superlead', 'message send', { ...superleadSend, waitForFinalStatus: true }, 'statusTimeout', 'Timeout (Seconds)', [0, 601, 'abc']);
field('superlead', 'message send', { ...superleadSend, createLeadIfMissing: true }, 'leadName', 'Lead Name', ['', { n: 1 }, 'x'.repeat(201)]);
field('superlead', 'message send (second item)', superleadSend, 'to', 'To', ['abc'], { itemIndex: 1, validValue: '11999999999' });
const superleadLead = { resource: 'lead', operation: 'create', name: 'Maria', phone: '11999999999', additionalFields: {} };
field('superlead', 'lead create', superleadLead, 'name', 'Name', ['', '  ', { n: 1 }, 'x'.repeat(201)]);
field('superlead', 'lead create', superleadLead, 'phone', 'Phone', ['', { a: 1 }, 'abc', '+1 23']);
field('superlead', 'lead create', superleadLead, 'additionalFields.email', 'Email', EMAIL_JUNK);
field('superlead', 'lead create', superleadLead, 'additionalFields.notes', 'Notes', ['x'.repeat(2001)]);
field('superlead', 'message get', { resource: 'message', operation: 'get', messageId: 'msg_1' }, 'messageId', 'Message ID', ['', '   ', { id: 1 }]);

// Leadway
const leadwaySend = { resource: 'message', operation: 'send', type: 'SMS', contactBy: 'contact', contactId: rl('abc123'), message: 'Oi' };
locator('leadway', 'message send', leadwaySend, 'contactId', 'Contact', ['', 'a b', { id: 1 }, '../x']);
field('leadway', 'message send', { ...leadwaySend, contactBy: 'phone', contactPhone: '11999999999' }, 'contactPhone', 'Contact Phone', ['', { a: 1 }, 'abc', HUGE]);
field('leadway', 'message send', { ...leadwaySend, contactBy: 'email', contactEmail: 'a@b.com' }, 'contactEmail', 'Contact Email', EMAIL_JUNK);
field('leadway', 'message send', leadwaySend, 'attachments', 'Attachment URLs', ['not a url', 'ftp://x.example.com/a', 'https://ok.example.com/a.pdf, javascript:alert(1)']);
field('leadway', 'message send', leadwaySend, 'additionalFields.scheduledTime', 'Scheduled Time', DATE_JUNK);
field('leadway', 'message send', leadwaySend, 'additionalFields.toNumber', 'To Number', ['abc', { a: 1 }]);
field('leadway', 'message send', leadwaySend, 'message', 'Message', ['', '   ']);
const leadwayEmail = { ...leadwaySend, type: 'Email', subject: 'Oi', emailOptions: {} };
field('leadway', 'message send (email)', leadwayEmail, 'emailOptions.emailFrom', 'From', ['maria', { e: 1 }]);
field('leadway', 'message send (email)', leadwayEmail, 'emailOptions.emailCc', 'CC', ['a@b.com, maria']);
const leadwayContact = { resource: 'contact', operation: 'create', email: 'maria@empresa.com', phone: '', additionalFields: {} };
field('leadway', 'contact create', leadwayContact, 'email', 'Email', EMAIL_JUNK);
field('leadway', 'contact create', { ...leadwayContact, email: '' }, 'phone', 'Phone', ['abc', { a: 1 }, '(11) 1234']);
field('leadway', 'contact add note', { resource: 'contact', operation: 'addNote', contactId: rl('abc123'), body: 'Ligou' }, 'body', 'Note', TEXT_JUNK);
const opportunity = { resource: 'opportunity', operation: 'create', contactId: rl('abc123'), pipelineId: 'VDm7RPYC2GLUvdpKmBfC', pipelineStageId: 'e93ba61a-53b3-45e7-985a-c7732dbcdb69', name: 'Plano', status: 'open', additionalFields: {} };
locator('leadway', 'opportunity create', opportunity, 'contactId', 'Contact', ['', { id: 1 }]);
field('leadway', 'opportunity create', opportunity, 'pipelineStageId', 'Stage', ['', '  ', { id: 1 }]);
field('leadway', 'opportunity create', opportunity, 'name', 'Name', ['', { n: 1 }]);
field('leadway', 'opportunity create', opportunity, 'additionalFields.assignedTo', 'Assigned To', [{ id: 1 }, [1]]);
field('leadway', 'opportunity create', opportunity, 'additionalFields.monetaryValue', 'Monetary Value', [-1, 'abc', { v: 1 }]);
const task = { resource: 'task', operation: 'create', contactId: rl('abc123'), title: 'Ligar', dueDate: '2030-01-07T18:00:00-03:00', additionalFields: {} };
field('leadway', 'task create', task, 'title', 'Title', ['', '  ', { t: 1 }, 'x'.repeat(256)]);
field('leadway', 'task create', task, 'dueDate', 'Due Date', [...DATE_JUNK, '2030-01-07T18:00:00', 1893952800000, '']);
field('leadway', 'task create', task, 'additionalFields.timeZone', 'Time Zone', ['Sao Paulo', { z: 1 }]);
const booking = { resource: 'calendar', operation: 'bookAppointment', calendarId: 'calDemo0000000000001', contactId: rl('abc123'), startTime: '2030-01-07T14:00:00-03:00', endTime: '', additionalFields: {} };
field('leadway', 'calendar book appointment', booking, 'calendarId', 'Calendar', ['', 'a b', { id: 1 }]);
field('leadway', 'calendar book appointment', booking, 'startTime', 'Start Time', [...DATE_JUNK, '2030-01-07T14:00:00', '2020-01-07T14:00:00-03:00', '']);
field('leadway', 'calendar book appointment', booking, 'endTime', 'End Time', ['2030-01-07T13:00:00-03:00', '2030-01-07T14:30:00', 'x']);
field('leadway', 'calendar book appointment', booking, 'additionalFields.appointmentStatus', 'Appointment Status', ['booked', { s: 1 }]);
const slots = { resource: 'calendar', operation: 'getFreeSlots', calendarId: 'calDemo0000000000001', startDate: '2030-01-07T00:00:00', endDate: '2030-01-09T00:00:00', timeZone: 'America/Sao_Paulo', returnAll: true, options: {} };
field('leadway', 'calendar get free slots', slots, 'endDate', 'End Date', ['2030-01-06T00:00:00', ...DATE_JUNK]);
field('leadway', 'calendar get free slots', slots, 'timeZone', 'Time Zone', ['', 'GMT-3:00', { z: 1 }]);
locator('leadway', 'contact get', { resource: 'contact', operation: 'get' }, 'contactId', 'Contact', ['', { id: 1 }]);

// IAGENTE SDR
const whatsApp = { resource: 'whatsAppMessage', operation: 'send', sendTo: 'phone', phone: '11999999999', messageType: 'text', text: 'Oi' };
field('iagenteSdr', 'WhatsApp send', whatsApp, 'phone', 'Phone', PHONE_JUNK);
field('iagenteSdr', 'WhatsApp send', whatsApp, 'text', 'Text', TEXT_JUNK);
field('iagenteSdr', 'WhatsApp send', { ...whatsApp, messageType: 'image', mediaUrl: 'https://a.example.com/a.jpg' }, 'mediaUrl', 'Media URL', URL_JUNK);
field('iagenteSdr', 'WhatsApp send', { ...whatsApp, sendTo: 'leadId', leadId: '7' }, 'leadId', 'Lead ID', ['', '  ', { id: 1 }]);
const iagenteRcs = { resource: 'rcsMessage', operation: 'send', sendTo: 'phone', phone: '11999999999', rcsType: 'text', text: 'Oi' };
field('iagenteSdr', 'RCS send', iagenteRcs, 'text', 'Text', ['', { a: 1 }, 'x'.repeat(4097)]);
field('iagenteSdr', 'RCS send', { ...iagenteRcs, rcsType: 'file', fileUrl: 'https://a.example.com/a.pdf', mimeType: 'application/pdf' }, 'fileUrl', 'File URL', ['not a url', { u: 1 }]);
field('iagenteSdr', 'RCS send', { ...iagenteRcs, rcsType: 'file', fileUrl: 'https://a.example.com/a.pdf', mimeType: 'application/pdf' }, 'mimeType', 'MIME Type', ['pdf', '', { m: 1 }]);
field('iagenteSdr', 'RCS send', { ...iagenteRcs, rcsType: 'location', latitude: 0, longitude: 0 }, 'latitude', 'Latitude', [91, -91, 'abc', { l: 1 }]);
field('iagenteSdr', 'RCS send', { ...iagenteRcs, rcsType: 'location', latitude: 0, longitude: 0 }, 'longitude', 'Longitude', [181, 'abc']);
field('iagenteSdr', 'RCS send', { ...iagenteRcs, rcsType: 'carousel', cardsInput: 'json' }, 'cardsJson', 'Cards (JSON)', JSON_JUNK);
const iagenteLead = { resource: 'lead', operation: 'create', phone: '11999999999', additionalFields: {} };
field('iagenteSdr', 'lead create', iagenteLead, 'phone', 'Phone', ['', { a: 1 }, 'abc', HUGE]);
field('iagenteSdr', 'lead create', iagenteLead, 'additionalFields.email', 'Email', ['maria', { e: 1 }]);
field('iagenteSdr', 'lead get', { resource: 'lead', operation: 'get', leadId: '7' }, 'leadId', 'Lead ID', ['', '   ', { id: 1 }]);
const webhook = { resource: 'webhook', operation: 'create', name: 'Hook', url: 'https://meusite.com/webhook', events: ['lead.created'] };
field('iagenteSdr', 'webhook create', webhook, 'url', 'URL', URL_JUNK);
field('iagenteSdr', 'webhook create', webhook, 'name', 'Name', ['', { n: 1 }]);

// Send and Wait for Response (one message, for the first item)
field('ligueLead', 'SMS send and wait', { resource: 'sms', operation: 'sendAndWait', title: 'Confirmacao', phones: '11999999999', message: 'Confirma?' }, 'message', 'Message', ['', { a: 1 }]);
field('superlead', 'message send and wait', { resource: 'message', operation: 'sendAndWait', to: '11999999999', message: 'Confirma?' }, 'to', 'To', ['abc', { a: 1 }]);
field('leadway', 'message send and wait', { resource: 'message', operation: 'sendAndWait', type: 'WhatsApp', contactBy: 'contact', contactId: rl('abc123'), message: 'Confirma?' }, 'message', 'Message', ['', [1]]);
field('iagenteSdr', 'WhatsApp send and wait', { resource: 'whatsAppMessage', operation: 'sendAndWait', sendTo: 'phone', phone: '11999999999', message: 'Confirma?' }, 'phone', 'Phone', ['', { a: 1 }]);

// Limit of the Get Many operations (an expression could give anything)
field('ligueLead', 'voice get many uploads', { resource: 'voice', operation: 'getAllUploads', returnAll: false, limit: 5 }, 'limit', 'Limit', [0, -1, 2.5, 'abc']);
field('superlead', 'template get many', { resource: 'template', operation: 'getAll', returnAll: false, limit: 5 }, 'limit', 'Limit', [0, 'abc']);
field('leadway', 'contact get many', { resource: 'contact', operation: 'getAll', returnAll: false, limit: 5, filters: {} }, 'limit', 'Limit', [-3, { n: 1 }]);
field('iagenteSdr', 'lead get many', { resource: 'lead', operation: 'getAll', returnAll: false, limit: 5, filters: {} }, 'limit', 'Limit', [0, '10']);

// Request Options, shared by every node
for (const provider of ['ligueLead', 'superlead', 'leadway', 'iagenteSdr'] as const) {
	const base = { ligueLead: sms, superlead: superleadSend, leadway: leadwaySend, iagenteSdr: whatsApp }[provider];
	field(provider, 'Request Options', { ...base, requestOptions: {} }, 'requestOptions.timeout', 'Request Timeout (Seconds)', [0, -1, 'abc', 601]);
	field(provider, 'Request Options', { ...base, requestOptions: {} }, 'requestOptions.retryOnRateLimit', 'Retry on Rate Limit', ['yes']);
	field(provider, 'Request Options', { ...base, requestOptions: {} }, 'requestOptions.maxRateLimitWait', 'Max Wait on Rate Limit (Seconds)', [-1, 'abc']);
	// On the second item: the first, valid, item is not sent either.
	field(provider, 'Request Options (second item)', { ...base, requestOptions: {} }, 'requestOptions.timeout', 'Request Timeout (Seconds)', [{ s: 1 }], {
		itemIndex: 1,
		validValue: 30,
	});
}

const attempts: string[] = [];
const onNoMatch = (request: { method?: string; path?: string; href?: string }) => {
	attempts.push(`${request.method ?? ''} ${request.href ?? request.path ?? ''}`);
};

beforeAll(() => {
	nock.cleanAll();
	nock.disableNetConnect();
	nock.emitter.on('no match', onNoMatch);
});

afterAll(() => {
	nock.emitter.removeListener('no match', onNoMatch);
	printFigures('bad input figures', { cases: cases.length, requestsSent: attempts.length });
});

const describeValue = (value: unknown) => {
	const text = typeof value === 'string' ? JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…(${value.length})` : value) : JSON.stringify(value);
	return text ?? String(value);
};

describe('bad input', () => {
	it('has at least 100 cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(100);
	});

	it.each(cases.map((entry) => ({ ...entry, shown: describeValue(entry.value) })))(
		'$provider $operation: $field = $shown is refused before any request',
		async ({ provider, parameters, field: display, value, itemIndex, validValue }) => {
			const before = attempts.length;
			const valid = { v: validValue };
			const input = [...Array.from({ length: itemIndex }, () => valid), { v: value }];
			const { items, error } = await runNode(nodeSetup(provider, BASE_URL, parameters as INodeParameters), input as IDataObject[]);
			expect(attempts.length).toBe(before);
			expect(items).toEqual([]);
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message.startsWith(`${display}:`)).toBe(true);
			expect(error?.message.endsWith(`[item ${itemIndex}]`)).toBe(true);
			expect(error?.context?.itemIndex).toBe(itemIndex);
			expect(typeof error?.description).toBe('string');
			expect((error?.description ?? '').length).toBeGreaterThan(10);
			// A huge input is never echoed whole.
			expect(error!.message.length).toBeLessThan(400);
		},
	);
});
