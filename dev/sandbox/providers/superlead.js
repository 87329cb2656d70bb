'use strict';
// Superlead, as its OpenAPI excerpt describes it (/work/shared/seeds/002_*): Bearer key, the
// `{error:{code,message,request_id,details}}` envelope with the documented codes, 60 requests/min
// with Retry-After, leads (create, look up by phone), messages that only go to existing leads,
// Idempotency-Key replay, the 24 h window, and statuses that move on as the message is polled.

const { randomUUID } = require('node:crypto');
const { isObject, isText, isHttpUrl, EMAIL, rateLimitHeaders } = require('../core');

const API_KEY = 'sandbox-superlead-api-key';
const WEBHOOK_SECRET = 'sandbox-superlead-webhook-secret';

const MESSAGE_TYPES = ['text', 'template', 'image', 'video', 'audio', 'document', 'sticker', 'location', 'contacts', 'interactive', 'reaction'];
const PHONE = /^\+[1-9]\d{6,14}$/;
const BSUID = /^[A-Z]{2}\.\d{10,}$/;
const DAY_MS = 86_400_000;

/** The order a delivered message goes through, one step per GET /v1/messages/{id}. */
const PROGRESSION = ['accepted', 'sent', 'delivered', 'read'];

function error(status, code, message, details) {
	return { status, body: { error: { code, message, request_id: `req_sandbox_${randomUUID().slice(0, 8)}`, ...(details ? { details } : {}) } } };
}

const invalid = (details) => error(400, 'invalid_request', 'The request body is invalid. Check the details field and the API reference.', details);

function seedLeads() {
	const at = '2026-01-05T12:00:00.000Z';
	return [
		// Wrote to the company an hour before the sandbox started: free-form messages reach it.
		// Its BSUID is the docs' example, so a send `to` it finds this lead.
		{ id: 'lead_sandbox_0001', name: 'Joao Silva', phone: '+5511999990001', bsuid: 'BR.13491208655302741918', source: 'sandbox', channel: 'whatsapp', entry_point: null, funnel_stage: 'new', created_at: at, last_inbound_at: new Date(Date.now() - 3_600_000).toISOString() },
		// Never wrote: only templates reach it (free-form is accepted, then fails, as Meta does).
		{ id: 'lead_sandbox_0002', name: 'Maria Santos', phone: '+5521988880002', source: 'sandbox', channel: null, entry_point: null, funnel_stage: 'new', created_at: at, last_inbound_at: null },
	];
}

function seedTemplates() {
	return [
		{ name: 'boas_vindas', language: 'pt_BR', category: 'MARKETING', status: 'APPROVED', components: [{ type: 'BODY', text: 'Olá {{1}}, seja bem-vindo!' }] },
		{ name: 'confirmacao_pedido', language: 'pt_BR', category: 'UTILITY', status: 'APPROVED', components: [{ type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} foi confirmado.' }] },
		{ name: 'hello_world', language: 'en_US', category: 'UTILITY', status: 'APPROVED', components: [{ type: 'BODY', text: 'Hello World' }] },
	];
}

function createState() {
	return { leads: seedLeads(), templates: seedTemplates(), messages: new Map(), idempotency: new Map() };
}

function authenticate(headers) {
	const key = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
	if (key === API_KEY) return { key };
	return error(401, 'invalid_api_key', "Missing or invalid API key. Send it as 'Authorization: Bearer sl_live_...'.");
}

const rateLimited = () => error(429, 'rate_limit_exceeded', 'Rate limit for this API key exceeded. Retry after the time in the Retry-After header.');

const digits = (text) => String(text ?? '').replace(/\D/g, '');

/** Brazilian mobiles with and without the 9th digit are the same lead, as Superlead's lookup says. */
function phoneVariants(phone) {
	const d = digits(phone);
	const national = d.startsWith('55') && d.length >= 12 ? d.slice(2) : d;
	const variants = new Set([national]);
	if (national.length === 11 && national[2] === '9') variants.add(national.slice(0, 2) + national.slice(3));
	if (national.length === 10) variants.add(`${national.slice(0, 2)}9${national.slice(2)}`);
	return variants;
}

function findLead(state, phone) {
	const wanted = phoneVariants(phone);
	return state.leads.find((lead) => [...phoneVariants(lead.phone)].some((v) => wanted.has(v)));
}

const publicLead = ({ last_inbound_at: _at, bsuid: _bsuid, ...lead }) => lead;

const LEAD_FIELDS = {
	name: { min: 1, max: 200 },
	phone: {},
	source: { min: 1, max: 120 },
	channel: { min: 1, max: 120 },
	entry_point: { min: 1, max: 120 },
	email: {},
	notes: { max: 2000 },
	utm_source: { max: 255 },
	utm_medium: { max: 255 },
	utm_campaign: { max: 255 },
	utm_term: { max: 255 },
	utm_content: { max: 255 },
};

function createLead({ state, body }) {
	const details = [];
	if (!isObject(body)) return invalid([{ path: '', message: 'Expected a JSON object' }]);
	for (const key of Object.keys(body)) {
		if (!(key in LEAD_FIELDS)) details.push({ path: key, message: 'Unrecognized key (additionalProperties: false)' });
	}
	for (const required of ['name', 'phone']) if (body[required] === undefined) details.push({ path: required, message: 'Required' });
	for (const [key, { min, max }] of Object.entries(LEAD_FIELDS)) {
		const value = body[key];
		if (value === undefined) continue;
		if (typeof value !== 'string') details.push({ path: key, message: 'Expected string' });
		else if (min !== undefined && value.length < min) details.push({ path: key, message: `String must contain at least ${min} character(s)` });
		else if (max !== undefined && value.length > max) details.push({ path: key, message: `String must contain at most ${max} character(s)` });
	}
	if (typeof body.phone === 'string' && !PHONE.test(body.phone)) details.push({ path: 'phone', message: 'Invalid phone: expected E.164 (^\\+[1-9]\\d{6,14}$)' });
	if (typeof body.email === 'string' && !EMAIL.test(body.email)) details.push({ path: 'email', message: 'Invalid email' });
	if (details.length > 0) return invalid(details);
	if (findLead(state, body.phone)) {
		return error(409, 'lead_already_exists', 'A lead with this phone number already exists in your company. You can message it directly via POST /v1/messages.');
	}
	const lead = {
		id: `lead_${randomUUID()}`,
		name: body.name,
		phone: body.phone,
		source: body.source ?? 'api',
		channel: body.channel ?? null,
		entry_point: body.entry_point ?? null,
		funnel_stage: 'new',
		created_at: new Date().toISOString(),
		last_inbound_at: null,
	};
	state.leads.push(lead);
	return { status: 201, body: publicLead(lead) };
}

/** What each message type must carry; the shapes follow the WhatsApp Cloud API Superlead mirrors. */
function checkContent(body, details) {
	const content = body[body.type];
	if (body.type === 'contacts') {
		if (!Array.isArray(content) || content.length === 0) details.push({ path: 'contacts', message: 'Expected a non-empty array' });
		return;
	}
	if (!isObject(content)) {
		details.push({ path: body.type, message: `Required for type "${body.type}"` });
		return;
	}
	if (body.type === 'text') {
		if (!isText(content.body)) details.push({ path: 'text.body', message: 'Required' });
		else if (content.body.length > 4096) details.push({ path: 'text.body', message: 'String must contain at most 4096 character(s)' });
	}
	if (body.type === 'template') {
		if (!isText(content.name)) details.push({ path: 'template.name', message: 'Required' });
		if (!isObject(content.language) || !isText(content.language.code)) details.push({ path: 'template.language.code', message: 'Required' });
	}
	if (['image', 'video', 'audio', 'document', 'sticker'].includes(body.type)) {
		if (!isText(content.id) && !isHttpUrl(content.link)) details.push({ path: `${body.type}.link`, message: 'Give a public link or a media id' });
	}
	if (body.type === 'location') {
		if (typeof content.latitude !== 'number' || Math.abs(content.latitude) > 90) details.push({ path: 'location.latitude', message: 'Number from -90 to 90' });
		if (typeof content.longitude !== 'number' || Math.abs(content.longitude) > 180) details.push({ path: 'location.longitude', message: 'Number from -180 to 180' });
	}
	if (body.type === 'reaction' && !isText(content.message_id)) details.push({ path: 'reaction.message_id', message: 'Required' });
}

function sendMessage({ state, body, headers }) {
	const details = [];
	if (!isObject(body)) return invalid([{ path: '', message: 'Expected a JSON object' }]);
	if (!isText(body.to)) details.push({ path: 'to', message: 'Required' });
	else if (!PHONE.test(body.to) && !BSUID.test(body.to)) details.push({ path: 'to', message: 'Expected an E.164 phone (+5511999999999) or a BSUID (BR.13491208655302741918)' });
	if (!MESSAGE_TYPES.includes(body.type)) details.push({ path: 'type', message: `Expected one of ${MESSAGE_TYPES.join(', ')}` });
	if (body.external_id !== undefined && (typeof body.external_id !== 'string' || body.external_id.length < 1 || body.external_id.length > 255)) {
		details.push({ path: 'external_id', message: 'String of 1 to 255 characters' });
	}
	if (body.context !== undefined && (!isObject(body.context) || !isText(body.context.message_id))) details.push({ path: 'context.message_id', message: 'Required in context' });
	if (MESSAGE_TYPES.includes(body.type)) checkContent(body, details);
	if (details.length > 0) return invalid(details);

	const key = headers['idempotency-key'];
	const fingerprint = JSON.stringify(body);
	if (key) {
		const earlier = state.idempotency.get(key);
		if (earlier && Date.now() - earlier.at < DAY_MS) {
			if (earlier.fingerprint !== fingerprint) {
				return error(409, 'idempotency_conflict', 'This Idempotency-Key was already used with a different request body, or the original request is still in progress.');
			}
			return { ...earlier.response, headers: { 'Idempotent-Replayed': 'true' } };
		}
	}

	const lead = BSUID.test(body.to) ? state.leads.find((l) => l.bsuid === body.to) : findLead(state, body.to);
	if (!lead) return error(404, 'lead_not_found', 'No lead matches this recipient in your company. The API only messages existing leads.');
	if (body.type === 'template') {
		const template = state.templates.find((t) => t.name === body.template.name && t.language === body.template.language.code);
		if (!template) return error(422, 'template_not_found', 'Template not found. Check the exact name and language with GET /v1/templates.');
	}
	const inWindow = lead.last_inbound_at !== null && Date.now() - Date.parse(lead.last_inbound_at) < DAY_MS;
	const message = {
		id: `msg_${randomUUID()}`,
		wamid: `wamid.sandbox${randomUUID().replace(/-/g, '')}`,
		external_id: body.external_id ?? null,
		to: lead.phone,
		type: body.type,
		status: 'accepted',
		created_at: new Date().toISOString(),
	};
	// Outside the 24 h window Meta may accept a free-form message and fail it seconds later; the
	// sandbox always takes that path, so "Wait for Final Status" has a failure to find.
	state.messages.set(message.id, { message, step: 0, failsOutsideWindow: body.type !== 'template' && !inWindow });
	const response = { status: 201, body: { ...message } };
	if (key) state.idempotency.set(key, { fingerprint, response, at: Date.now() });
	return response;
}

function getMessage({ state, params }) {
	const entry = state.messages.get(params.id);
	if (!entry) return error(404, 'message_not_found', 'No message with this id exists in your company.');
	if (entry.message.status !== 'failed' && entry.message.status !== 'read') {
		if (entry.failsOutsideWindow) {
			entry.message.status = 'failed';
			entry.message.error = { code: 131047, title: 'Re-engagement message', message: 'More than 24 hours have passed since the recipient last replied to the sender number.' };
		} else {
			entry.step += 1;
			entry.message.status = PROGRESSION[Math.min(entry.step, PROGRESSION.length - 1)];
		}
	}
	return { status: 200, body: { ...entry.message } };
}

const routes = [
	['POST', '/v1/leads', createLead],
	['GET', '/v1/leads', ({ state, query }) => {
		if (!isText(query.phone)) return invalid([{ path: 'phone', message: 'Required query parameter' }]);
		const lead = findLead(state, query.phone);
		return lead ? { status: 200, body: publicLead(lead) } : error(404, 'lead_not_found', 'No lead matches this phone in your company.');
	}],
	['POST', '/v1/messages', sendMessage],
	['GET', '/v1/messages/:id', getMessage],
	// The list's shape is not published; `{ data: [...] }` is what the node reads first.
	['GET', '/v1/templates', ({ state }) => ({ status: 200, body: { data: state.templates } })],
];

module.exports = {
	name: 'superlead',
	displayName: 'Superlead',
	basePath: '',
	credentialType: 'superleadApi',
	credentials: (url) => ({ apiKey: API_KEY, baseUrl: `${url}/superlead`, webhookSecret: WEBHOOK_SECRET }),
	rateLimits: [{ limit: 60, windowMs: 60_000 }],
	// "429 inclui Retry-After": the only provider that documents it.
	documentsRetryAfter: true,
	createState,
	authenticate,
	rateLimitHeaders,
	rateLimited,
	error: (status, message) => error(status, status === 404 ? 'not_found' : 'invalid_request', message),
	routes,
	API_KEY,
	WEBHOOK_SECRET,
};
