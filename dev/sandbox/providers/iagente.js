'use strict';
// IAGENTE SDR, as its single-page API docs describe it (/work/shared/seeds/004_*): Bearer or
// X-API-Key auth, `{error:{code,message,details}}` errors, 60 requests/min and 10,000/day, leads,
// WhatsApp and RCS sends, templates, and webhooks that hand out a signing secret.

const { randomBytes } = require('node:crypto');
const { isObject, isText, isHttpUrl, EMAIL, rateLimitHeaders } = require('../core');

const API_KEY = 'sandbox-iagente-api-key';

const EVENTS = ['lead.created', 'lead.updated', 'lead.qualified', 'message.received', 'message.sent', 'handoff.created', 'handoff.closed'];
const TEMPERATURES = ['hot', 'warm', 'cool', 'cold', 'frozen'];
const WHATSAPP_TYPES = ['text', 'template', 'image', 'video', 'document', 'audio'];
const RCS_TYPES = ['text', 'file', 'card', 'carousel', 'replyable_text', 'location'];

function error(status, code, message, details) {
	return { status, body: { error: { code, message, ...(details ? { details } : {}) } } };
}

/** The documented validation envelope: `details` maps each field to its messages. */
function invalid(details) {
	return error(422, 'validation_error', 'The given data was invalid.', details);
}

function seedLeads() {
	const at = '2026-01-05T12:00:00.000Z';
	return [
		{ id: 101, phone: '5511999990001', name: 'Joao Silva', email: 'joao@example.com', company_name: 'Empresa LTDA', temperature: 'hot', lead_score: 85, deal_value: 15000, created_at: at, updated_at: at },
		{ id: 102, phone: '5521988880002', name: 'Maria Santos', email: 'maria@example.com', company_name: 'Tech Corp', temperature: 'warm', lead_score: 60, deal_value: null, created_at: at, updated_at: at },
		{ id: 103, phone: '5531977770003', name: 'Ana Souza', email: null, company_name: null, temperature: 'cold', lead_score: 20, deal_value: null, created_at: at, updated_at: at },
	];
}

function seedTemplates() {
	return [
		{ id: 1, name: 'boas_vindas', category: 'MARKETING', context: 'onboarding', language: 'pt_BR', meta_approved: true, body: 'Ola {{1}}, seja bem-vindo!', variables_count: 1 },
		{ id: 2, name: 'lembrete_reuniao', category: 'UTILITY', context: 'meeting', language: 'pt_BR', meta_approved: true, body: 'Ola {{1}}, sua reuniao e {{2}}.', variables_count: 2 },
		{ id: 3, name: 'rascunho_promocao', category: 'MARKETING', context: 'promo', language: 'pt_BR', meta_approved: false, body: 'Promocao {{1}}', variables_count: 1 },
	];
}

function createState() {
	return { leads: seedLeads(), nextLeadId: 104, templates: seedTemplates(), webhooks: [], nextWebhookId: 1, messages: [], nextMessageId: 9001 };
}

/** Both documented headers; either must carry the sandbox key. */
function authenticate(headers) {
	const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
	const key = bearer ?? headers['x-api-key']?.trim();
	if (key === API_KEY) return { key };
	return error(401, 'unauthenticated', key ? 'Invalid API key.' : 'API key missing. Send Authorization: Bearer <key> or X-API-Key.');
}

function rateLimited(full) {
	return error(429, 'rate_limit_exceeded', full.windowMs > 60_000 ? 'Daily request limit exceeded.' : 'Too many requests. Limit: 60 per minute.');
}

const page = (list, query) => {
	const perPage = query.per_page === undefined ? 25 : Number(query.per_page);
	const current = query.page === undefined ? 1 : Number(query.page);
	const details = {};
	if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) details.per_page = ['per_page must be an integer between 1 and 100.'];
	if (!Number.isInteger(current) || current < 1) details.page = ['page must be an integer of at least 1.'];
	if (Object.keys(details).length > 0) return invalid(details);
	const totalPages = Math.max(1, Math.ceil(list.length / perPage));
	return {
		status: 200,
		body: {
			data: list.slice((current - 1) * perPage, current * perPage),
			meta: { current_page: current, per_page: perPage, total: list.length, total_pages: totalPages },
		},
	};
};

function findLead(state, id) {
	return state.leads.find((lead) => String(lead.id) === String(id));
}

const notFound = (what) => error(404, 'not_found', `${what} not found.`);

/** The documented lead fields; anything else is ignored, as the docs are silent about it. */
function leadFields(body, { create }) {
	const details = {};
	if (create && !isText(body.phone)) details.phone = ['O campo phone é obrigatório.'];
	if (body.phone !== undefined && !/^\+?\d{10,13}$/.test(String(body.phone))) details.phone = ['O campo phone deve ser um telefone com DDD.'];
	if (body.email !== undefined && body.email !== null && !EMAIL.test(String(body.email))) details.email = ['O campo email deve ser um endereço de e-mail válido.'];
	if (body.deal_value !== undefined && body.deal_value !== null && typeof body.deal_value !== 'number') details.deal_value = ['O campo deal_value deve ser um número.'];
	if (body.temperature !== undefined && !TEMPERATURES.includes(body.temperature)) details.temperature = [`temperature must be one of ${TEMPERATURES.join(', ')}.`];
	return details;
}

function sortLeads(list, sort) {
	if (!sort) return list;
	const desc = sort.startsWith('-');
	const field = desc ? sort.slice(1) : sort;
	return [...list].sort((a, b) => (a[field] > b[field] ? 1 : a[field] < b[field] ? -1 : 0) * (desc ? -1 : 1));
}

/** Whom a message goes to: `lead_id` or `phone`, one of them. */
function recipient(state, body, details) {
	if (body.lead_id === undefined && !isText(body.phone)) {
		details.phone = ['Informe lead_id ou phone.'];
		return undefined;
	}
	if (body.lead_id !== undefined) {
		const lead = findLead(state, body.lead_id);
		if (!lead) details.lead_id = ['Lead not found.'];
		return lead;
	}
	return undefined;
}

function queued(state, channel, body) {
	const message = {
		id: state.nextMessageId++,
		channel,
		type: body.type,
		lead_id: body.lead_id ?? null,
		phone: body.phone ?? null,
		status: 'queued',
		created_at: new Date().toISOString(),
	};
	state.messages.push(message);
	return { status: 201, body: { data: message } };
}

function sendWhatsApp({ state, body }) {
	const details = {};
	recipient(state, body, details);
	if (!WHATSAPP_TYPES.includes(body.type)) details.type = [`type must be one of ${WHATSAPP_TYPES.join(', ')}.`];
	if (body.type === 'text' && !isText(body.text)) details.text = ['text is required for type=text.'];
	if (body.type === 'template') {
		const template = state.templates.find((t) => (body.template_id !== undefined ? String(t.id) === String(body.template_id) : t.name === body.template_name));
		if (body.template_id === undefined && !isText(body.template_name)) details.template_id = ['template_id or template_name is required for type=template.'];
		else if (!template) details.template_id = ['Template not found.'];
		if (body.variables !== undefined && !Array.isArray(body.variables)) details.variables = ['variables must be an array.'];
	}
	if (['image', 'video', 'document', 'audio'].includes(body.type) && !isHttpUrl(body.media_url)) details.media_url = [`media_url is required for type=${body.type}.`];
	if (Object.keys(details).length > 0) return invalid(details);
	return queued(state, 'whatsapp', body);
}

function checkButtons(buttons, field, max, details) {
	if (buttons === undefined) return;
	if (!Array.isArray(buttons) || buttons.length > max) details[field] = [`${field} must be a list of at most ${max} buttons.`];
}

function sendRcs({ state, body }) {
	const details = {};
	recipient(state, body, details);
	if (!RCS_TYPES.includes(body.type)) details.type = [`type must be one of ${RCS_TYPES.join(', ')}.`];
	if (body.type === 'text' || body.type === 'replyable_text') {
		if (!isText(body.text)) details.text = [`text is required for type=${body.type}.`];
		else if (body.text.length > 4096) details.text = ['text may have at most 4096 characters.'];
	}
	if (body.type === 'replyable_text' && (!Array.isArray(body.quick_replies) || body.quick_replies.length === 0 || body.quick_replies.length > 11)) {
		details.quick_replies = ['quick_replies must have between 1 and 11 entries.'];
	}
	if (body.type === 'file' && !isHttpUrl(body.file_url)) details.file_url = ['file_url is required for type=file.'];
	if (body.type === 'card') {
		if (!isText(body.title) && !isText(body.description)) details.title = ['A card needs a title or a description.'];
		if (typeof body.title === 'string' && body.title.length > 200) details.title = ['title may have at most 200 characters.'];
		checkButtons(body.buttons, 'buttons', 4, details);
	}
	if (body.type === 'carousel') {
		if (!Array.isArray(body.cards) || body.cards.length < 2 || body.cards.length > 10) details.cards = ['cards must have between 2 and 10 cards.'];
		if (body.card_width !== undefined && !['SMALL', 'MEDIUM'].includes(body.card_width)) details.card_width = ['card_width must be SMALL or MEDIUM.'];
		(Array.isArray(body.cards) ? body.cards : []).forEach((card, index) => {
			if (isObject(card) && typeof card.title === 'string' && card.title.length > 200) details[`cards.${index}.title`] = ['title may have at most 200 characters.'];
			checkButtons(card?.buttons, `cards.${index}.buttons`, 4, details);
		});
	}
	if (body.type === 'location') {
		if (typeof body.latitude !== 'number' || body.latitude < -90 || body.latitude > 90) details.latitude = ['latitude must be a number from -90 to 90.'];
		if (typeof body.longitude !== 'number' || body.longitude < -180 || body.longitude > 180) details.longitude = ['longitude must be a number from -180 to 180.'];
	}
	if (Object.keys(details).length > 0) return invalid(details);
	return queued(state, 'rcs', body);
}

/** The list leaves the secret out: it is handed out once, at creation. */
const publicWebhook = ({ signing_secret: _secret, ...hook }) => hook;

function createWebhook({ state, body }) {
	const details = {};
	if (!isText(body.name)) details.name = ['O campo name é obrigatório.'];
	if (!isHttpUrl(body.url)) details.url = ['O campo url deve ser uma URL http(s) válida.'];
	if (!Array.isArray(body.events) || body.events.length === 0) details.events = ['O campo events é obrigatório.'];
	else {
		const unknown = body.events.filter((event) => !EVENTS.includes(event));
		if (unknown.length > 0) details.events = [`Unknown events: ${unknown.join(', ')}. Valid: ${EVENTS.join(', ')}.`];
	}
	if (Object.keys(details).length > 0) return invalid(details);
	const hook = {
		id: state.nextWebhookId++,
		name: body.name,
		url: body.url,
		events: body.events,
		active: true,
		created_at: new Date().toISOString(),
		signing_secret: `whsec_sandbox_${randomBytes(16).toString('hex')}`,
	};
	state.webhooks.push(hook);
	return { status: 201, body: { data: hook } };
}

/** Posts a signed test event to the registered URL, as IAGENTE's "Test webhook" does. */
async function testWebhook({ state, params, sandbox }) {
	const hook = state.webhooks.find((h) => String(h.id) === params.id);
	if (!hook) return notFound('Webhook');
	const event = hook.events[0] ?? 'lead.created';
	try {
		const result = await sandbox.deliver({ provider: 'iagente', to: hook.url, event });
		return { status: 200, body: { data: { webhook_id: hook.id, event, delivered: result.status >= 200 && result.status < 300, status_code: result.status } } };
	} catch (cause) {
		return { status: 200, body: { data: { webhook_id: hook.id, event, delivered: false, status_code: null, error: cause.message } } };
	}
}

const routes = [
	['GET', '/leads', ({ state, query }) => {
		if (query.temperature !== undefined && !TEMPERATURES.includes(query.temperature)) {
			return invalid({ temperature: [`temperature must be one of ${TEMPERATURES.join(', ')}.`] });
		}
		let list = state.leads;
		if (query.phone) list = list.filter((lead) => lead.phone.replace(/\D/g, '').endsWith(String(query.phone).replace(/\D/g, '')));
		if (query.email) list = list.filter((lead) => lead.email === query.email);
		if (query.temperature) list = list.filter((lead) => lead.temperature === query.temperature);
		return page(sortLeads(list, query.sort), query);
	}],
	['POST', '/leads', ({ state, body }) => {
		const details = leadFields(body, { create: true });
		if (Object.keys(details).length > 0) return invalid(details);
		const now = new Date().toISOString();
		// The docs say nothing about duplicate phones, so a second lead with the same phone is allowed.
		const lead = { temperature: 'cold', lead_score: 0, email: null, name: null, company_name: null, deal_value: null, ...body, id: state.nextLeadId++, created_at: now, updated_at: now };
		state.leads.push(lead);
		return { status: 201, body: { data: lead } };
	}],
	['GET', '/leads/:id', ({ state, params }) => {
		const lead = findLead(state, params.id);
		return lead ? { status: 200, body: { data: lead } } : notFound('Lead');
	}],
	...['PUT', 'PATCH'].map((method) => [method, '/leads/:id', ({ state, params, body }) => {
		const lead = findLead(state, params.id);
		if (!lead) return notFound('Lead');
		const details = leadFields(body, { create: false });
		if (Object.keys(details).length > 0) return invalid(details);
		Object.assign(lead, body, { id: lead.id, updated_at: new Date().toISOString() });
		return { status: 200, body: { data: lead } };
	}]),
	['DELETE', '/leads/:id', ({ state, params }) => {
		const lead = findLead(state, params.id);
		if (!lead) return notFound('Lead');
		state.leads = state.leads.filter((l) => l !== lead);
		return { status: 204 };
	}],
	['POST', '/whatsapp/messages', sendWhatsApp],
	['GET', '/whatsapp/templates', ({ state, query }) => {
		let list = state.templates;
		if (query.category) list = list.filter((t) => t.category.toLowerCase() === String(query.category).toLowerCase());
		if (query.context) list = list.filter((t) => t.context === query.context);
		if (query.meta_approved !== undefined) list = list.filter((t) => String(t.meta_approved) === String(query.meta_approved));
		return page(list, query);
	}],
	['POST', '/rcs/messages', sendRcs],
	['GET', '/webhooks', ({ state }) => ({ status: 200, body: { data: state.webhooks.map(publicWebhook) } })],
	['POST', '/webhooks', createWebhook],
	// Not in the docs (only list, create and test are); REST convention, and the trigger needs it.
	['DELETE', '/webhooks/:id', ({ state, params }) => {
		const hook = state.webhooks.find((h) => String(h.id) === params.id);
		if (!hook) return notFound('Webhook');
		state.webhooks = state.webhooks.filter((h) => h !== hook);
		return { status: 204 };
	}],
	['POST', '/webhooks/:id/test', testWebhook],
];

module.exports = {
	name: 'iagente',
	displayName: 'IAGENTE SDR',
	basePath: '/api/v1',
	credentialType: 'iagenteSdrApi',
	credentials: (url) => ({ apiKey: API_KEY, baseUrl: `${url}/iagente/api/v1`, authHeader: 'bearer' }),
	rateLimits: [
		{ limit: 60, windowMs: 60_000 },
		{ limit: 10_000, windowMs: 86_400_000 },
	],
	createState,
	authenticate,
	// IAGENTE documents X-RateLimit-Limit and -Remaining only.
	rateLimitHeaders: (windows) => rateLimitHeaders(windows, { reset: false }),
	rateLimited,
	error: (status, message) => error(status, status === 404 ? 'not_found' : 'bad_request', message),
	routes,
	EVENTS,
	API_KEY,
};
