'use strict';
// Leadway CRM = HighLevel / LeadConnector API v2 (providers.md §3, seeds/003_*): Bearer token,
// a Version header, the sub-account (location) the token belongs to, HighLevel's
// `{statusCode, message, error}` envelopes, 100 requests per 10 s and 200,000 per day with
// HighLevel's rate-limit headers; contacts, tags, notes, messages, conversations and templates.

const { isObject, isText, isHttpUrl, EMAIL, ids } = require('../core');
// What HighLevel's SDK declares for each write body, generated from @gohighlevel/api-client by
// ../sdk-dtos.js (committed, so the sandbox runs without the SDK; a test keeps it in step).
const DTO_TABLE = require('./leadway-dtos.json');
const { findEndpoint, undeclared } = require('../sdk-dtos');
const { seedCalendarState, calendarRoutes } = require('./leadway-calendar');

const TOKEN = 'sandbox-leadway-token';
const LOCATION_ID = 'sandbox-location-1';
const VERSIONS = ['2021-07-28', '2021-04-15'];
const MESSAGE_TYPES = ['SMS', 'RCS', 'Email', 'WhatsApp', 'IG', 'FB', 'Custom', 'Live_Chat', 'TIKTOK'];
const MESSAGE_TYPE_NAMES = { SMS: 'TYPE_SMS', RCS: 'TYPE_RCS', Email: 'TYPE_EMAIL', WhatsApp: 'TYPE_WHATSAPP', IG: 'TYPE_INSTAGRAM', FB: 'TYPE_FACEBOOK', Custom: 'TYPE_CUSTOM_SMS', Live_Chat: 'TYPE_LIVE_CHAT', TIKTOK: 'TYPE_TIKTOK' };
const SEARCH_OPERATORS = ['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists', 'range'];

const envelope = (statusCode, message, error) => ({ status: statusCode, body: { statusCode, message, ...(error ? { error } : {}) } });
const badRequest = (message) => envelope(400, message);
const unprocessable = (messages) => envelope(422, messages, 'Unprocessable Entity');
const notFound = (what) => envelope(404, `${what} not found`);

function seedContacts() {
	const at = '2026-01-05T12:00:00.000Z';
	return [
		{ id: 'sandboxContact0000001', locationId: LOCATION_ID, firstName: 'Joao', lastName: 'Silva', name: 'Joao Silva', email: 'joao@example.com', phone: '+5511999990001', tags: ['cliente'], customFields: [], dnd: false, source: 'sandbox', dateAdded: at, dateUpdated: at },
		{ id: 'sandboxContact0000002', locationId: LOCATION_ID, firstName: 'Maria', lastName: 'Santos', name: 'Maria Santos', email: 'maria@example.com', phone: '+5521988880002', tags: [], customFields: [], dnd: false, source: 'sandbox', dateAdded: at, dateUpdated: at },
	];
}

function seedTemplates() {
	const at = '2026-01-05T12:00:00.000Z';
	return [
		{ id: 'sandboxTemplateSms01', name: 'Boas-vindas SMS', type: 'sms', template: { body: 'Olá {{contact.first_name}}, bem-vindo!', attachments: [] }, dateAdded: at, locationId: LOCATION_ID, urlAttachments: [] },
		{ id: 'sandboxTemplateMail1', name: 'Boas-vindas e-mail', type: 'email', template: { subject: 'Bem-vindo', html: '<p>Olá {{contact.first_name}}</p>', attachments: [] }, dateAdded: at, locationId: LOCATION_ID, urlAttachments: [] },
		{ id: 'sandboxTemplateWa001', name: 'boas_vindas', type: 'whatsapp', template: { body: 'Olá {{1}}', attachments: [] }, dateAdded: at, locationId: LOCATION_ID, urlAttachments: [] },
	];
}

function seedConversation() {
	const messages = [];
	for (let i = 1; i <= 5; i += 1) {
		messages.push({
			id: `sandboxSeedMessage0${i}`,
			type: 1,
			messageType: 'TYPE_SMS',
			locationId: LOCATION_ID,
			contactId: 'sandboxContact0000001',
			conversationId: 'sandboxConversation01',
			dateAdded: `2026-01-05T12:0${i}:00.000Z`,
			body: `Mensagem ${i}`,
			direction: i % 2 ? 'inbound' : 'outbound',
			status: 'delivered',
			contentType: 'text/plain',
			attachments: [],
			source: 'app',
		});
	}
	return { id: 'sandboxConversation01', contactId: 'sandboxContact0000001', locationId: LOCATION_ID, messages };
}

function seedPipelines() {
	const stage = (id, name, position) => ({ id, name, position });
	return [
		{ id: 'sandboxPipelineSales', name: 'Vendas', stages: [stage('sandboxStageNew00001', 'Novo', 0), stage('sandboxStageProposal1', 'Proposta', 1), stage('sandboxStageClosing01', 'Fechamento', 2)] },
		{ id: 'sandboxPipelineOnbrd', name: 'Onboarding', stages: [stage('sandboxStageKickoff01', 'Kickoff', 0)] },
	];
}

function seedOpportunities() {
	const at = '2026-01-05T12:00:00.000Z';
	return [
		{ id: 'sandboxOpportunity001', name: 'Plano anual - Joao', pipelineId: 'sandboxPipelineSales', pipelineStageId: 'sandboxStageProposal1', status: 'open', monetaryValue: 1200, contactId: 'sandboxContact0000001', locationId: LOCATION_ID, assignedTo: null, customFields: [], createdAt: at, updatedAt: at },
	];
}

function createState() {
	const conversation = seedConversation();
	return {
		pipelines: seedPipelines(),
		opportunities: seedOpportunities(),
		uploads: [],
		contacts: seedContacts(),
		templates: seedTemplates(),
		conversations: [conversation],
		messages: new Map(conversation.messages.map((m) => [m.id, m])),
		notes: [],
		...seedCalendarState(LOCATION_ID),
	};
}

/** Bearer token and a known Version header, on every endpoint. */
function authenticate(headers) {
	const token = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
	if (token !== TOKEN) return envelope(401, 'Invalid token: access token is invalid', 'Unauthorized');
	// HighLevel requires the header; it is not documented what a missing one answers, 400 is assumed.
	if (!VERSIONS.includes(headers.version)) return badRequest(`Version header must be one of ${VERSIONS.join(', ')}`);
	return { key: token };
}

function rateLimitHeaders(windows) {
	const [burst, daily] = windows;
	return {
		'X-RateLimit-Max': String(burst.limit),
		'X-RateLimit-Remaining': String(Math.max(0, burst.limit - burst.used)),
		'X-RateLimit-Interval-Milliseconds': String(burst.windowMs),
		'X-RateLimit-Limit-Daily': String(daily?.limit ?? ''),
		'X-RateLimit-Daily-Remaining': String(daily ? Math.max(0, daily.limit - daily.used) : ''),
	};
}

// HighLevel does not say what an exceeded limit answers; 429 with its usual envelope is assumed.
const rateLimited = () => envelope(429, 'Too Many Requests', 'Too Many Requests');

/** The token works only in its own sub-account. */
function checkLocation(locationId) {
	if (!isText(locationId)) return unprocessable(['locationId should not be empty', 'locationId must be a string']);
	if (locationId !== LOCATION_ID) return envelope(403, 'The token does not have access to this location.', 'Forbidden');
	return undefined;
}

const CONTACT_FIELDS = ['firstName', 'lastName', 'name', 'email', 'phone', 'gender', 'address1', 'city', 'state', 'postalCode', 'country', 'website', 'timezone', 'companyName', 'source', 'dateOfBirth', 'assignedTo', 'dnd', 'dndSettings', 'inboundDndSettings', 'tags', 'customFields'];

function contactProblems(body) {
	const problems = [];
	if (body.email !== undefined && body.email !== null && body.email !== '' && !EMAIL.test(String(body.email))) problems.push('email must be an email');
	if (body.phone !== undefined && body.phone !== null && !/^\+?[\d\s()-]{7,20}$/.test(String(body.phone))) problems.push('phone must be a valid phone number');
	if (body.tags !== undefined && !(Array.isArray(body.tags) && body.tags.every((t) => typeof t === 'string'))) problems.push('tags must be an array of strings');
	if (body.customFields !== undefined && !(Array.isArray(body.customFields) && body.customFields.every((f) => isObject(f) && isText(f.id ?? f.key)))) {
		problems.push('customFields.each must have an id');
	}
	if (body.dnd !== undefined && typeof body.dnd !== 'boolean') problems.push('dnd must be a boolean value');
	if (isObject(body.dndSettings)) {
		for (const [channel, setting] of Object.entries(body.dndSettings)) {
			if (!isObject(setting) || !['active', 'inactive', 'permanent'].includes(setting.status)) problems.push(`dndSettings.${channel}.status must be one of active, inactive, permanent`);
		}
	}
	return problems;
}

function pickContact(body) {
	const contact = {};
	// A property outside the endpoint's DTO never gets here: withDtoCheck answers 422 first.
	for (const key of CONTACT_FIELDS) if (body[key] !== undefined) contact[key] = body[key];
	return contact;
}

function newContact(state, body) {
	const now = new Date().toISOString();
	const fields = pickContact(body);
	const contact = {
		id: ids.highLevel(),
		locationId: LOCATION_ID,
		tags: [],
		customFields: [],
		dnd: false,
		...fields,
		dateAdded: now,
		dateUpdated: now,
	};
	if (!contact.name && (contact.firstName || contact.lastName)) contact.name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
	state.contacts.push(contact);
	return contact;
}

const samePhone = (a, b) => String(a ?? '').replace(/\D/g, '') !== '' && String(a ?? '').replace(/\D/g, '') === String(b ?? '').replace(/\D/g, '');
const sameEmail = (a, b) => isText(a) && isText(b) && a.toLowerCase() === b.toLowerCase();

function findDuplicate(state, { email, phone }) {
	return state.contacts.find((c) => sameEmail(c.email, email)) ?? state.contacts.find((c) => samePhone(c.phone, phone));
}

function findContact(state, id) {
	return state.contacts.find((c) => c.id === id);
}

function matchesFilter(contact, filter) {
	if (isObject(filter) && Array.isArray(filter.filters)) {
		const results = filter.filters.map((inner) => matchesFilter(contact, inner));
		return filter.group === 'OR' ? results.some(Boolean) : results.every(Boolean);
	}
	// HighLevel's search offers lower-cased copies of some fields (firstNameLowerCase …); comparisons here ignore case anyway.
	const value = contact[String(filter.field).replace(/LowerCase$/, '')];
	const text = Array.isArray(value) ? value.map(String) : [String(value ?? '').toLowerCase()];
	const wanted = Array.isArray(filter.value) ? filter.value.map((v) => String(v).toLowerCase()) : [String(filter.value ?? '').toLowerCase()];
	switch (filter.operator) {
		case 'eq': return wanted.some((w) => text.map((t) => t.toLowerCase()).includes(w));
		case 'not_eq': return !wanted.some((w) => text.map((t) => t.toLowerCase()).includes(w));
		case 'contains': return wanted.some((w) => text.some((t) => t.toLowerCase().includes(w)));
		case 'not_contains': return !wanted.some((w) => text.some((t) => t.toLowerCase().includes(w)));
		case 'exists': return value !== undefined && value !== null && value !== '';
		case 'not_exists': return value === undefined || value === null || value === '';
		// Ranges need typed fields HighLevel does not document here: accepted, not applied.
		default: return true;
	}
}

function filterProblems(filters, path = 'filters') {
	const problems = [];
	if (filters === undefined) return problems;
	if (!Array.isArray(filters)) return [`${path} must be an array`];
	filters.forEach((filter, index) => {
		if (isObject(filter) && Array.isArray(filter.filters)) {
			if (!['AND', 'OR'].includes(filter.group)) problems.push(`${path}.${index}.group must be AND or OR`);
			problems.push(...filterProblems(filter.filters, `${path}.${index}.filters`));
		} else if (!isObject(filter) || !isText(filter.field) || !SEARCH_OPERATORS.includes(filter.operator)) {
			problems.push(`${path}.${index} needs a field and an operator (${SEARCH_OPERATORS.join(', ')})`);
		}
	});
	return problems;
}

function searchContacts({ state, body }) {
	const denied = checkLocation(body.locationId);
	if (denied) return denied;
	const problems = [];
	if (!Number.isInteger(body.pageLimit) || body.pageLimit < 1 || body.pageLimit > 500) problems.push('pageLimit must be an integer between 1 and 500');
	if (body.page !== undefined && (!Number.isInteger(body.page) || body.page < 1)) problems.push('page must be a positive integer');
	if (body.page !== undefined && body.searchAfter !== undefined) problems.push('page and searchAfter cannot be used together');
	if (body.searchAfter !== undefined && !Array.isArray(body.searchAfter)) problems.push('searchAfter must be an array');
	if (body.query !== undefined && (typeof body.query !== 'string' || body.query.length > 75)) problems.push('query must be a string of at most 75 characters');
	problems.push(...filterProblems(body.filters));
	if (body.sort !== undefined && !(Array.isArray(body.sort) && body.sort.every((s) => isObject(s) && isText(s.field) && ['asc', 'desc'].includes(s.direction)))) {
		problems.push('sort must be a list of {field, direction: asc|desc}');
	}
	if (problems.length > 0) return unprocessable(problems);

	let list = [...state.contacts].sort((a, b) => (a.dateAdded < b.dateAdded ? -1 : a.dateAdded > b.dateAdded ? 1 : a.id < b.id ? -1 : 1));
	if (isText(body.query)) {
		const q = body.query.toLowerCase();
		list = list.filter((c) => [c.name, c.firstName, c.lastName, c.email, c.phone, c.companyName].some((v) => String(v ?? '').toLowerCase().includes(q)));
	}
	if (Array.isArray(body.filters)) list = list.filter((c) => body.filters.every((f) => matchesFilter(c, f)));
	for (const { field, direction } of [...(body.sort ?? [])].reverse()) {
		const key = String(field).replace(/LowerCase$/, '');
		const sign = direction === 'asc' ? 1 : -1;
		list.sort((a, b) => String(a[key] ?? '').toLowerCase().localeCompare(String(b[key] ?? '').toLowerCase()) * sign);
	}
	const total = list.length;
	let start = ((body.page ?? 1) - 1) * body.pageLimit;
	if (Array.isArray(body.searchAfter)) {
		const after = list.findIndex((c) => c.id === body.searchAfter[1]);
		start = after + 1;
	}
	const contacts = list.slice(start, start + body.pageLimit).map((c) => ({ ...c, searchAfter: [Date.parse(c.dateAdded), c.id] }));
	return { status: 200, body: { contacts, total } };
}

function sendMessage({ state, body }) {
	const problems = [];
	if (!MESSAGE_TYPES.includes(body.type)) problems.push(`type must be one of the following values: ${MESSAGE_TYPES.join(', ')}`);
	if (!isText(body.contactId)) problems.push('contactId should not be empty');
	// The spec also lists subType and status as required, but clients (and HighLevel's own
	// examples of outbound sends) leave them out: not checked.
	if (body.attachments !== undefined && !(Array.isArray(body.attachments) && body.attachments.every(isHttpUrl))) problems.push('each value in attachments must be a URL address');
	for (const key of ['emailFrom', 'emailTo']) if (body[key] !== undefined && !EMAIL.test(String(body[key]))) problems.push(`${key} must be an email`);
	for (const key of ['emailCc', 'emailBcc']) {
		if (body[key] !== undefined && !(Array.isArray(body[key]) && body[key].every((e) => EMAIL.test(String(e))))) problems.push(`each value in ${key} must be an email`);
	}
	if (body.emailReplyMode !== undefined && !['reply', 'reply_all'].includes(body.emailReplyMode)) problems.push('emailReplyMode must be one of the following values: reply, reply_all');
	if (body.scheduledTimestamp !== undefined && !Number.isInteger(body.scheduledTimestamp)) problems.push('scheduledTimestamp must be an integer number');
	if (body.status !== undefined && !['delivered', 'failed', 'pending', 'read'].includes(body.status)) problems.push('status must be one of the following values: delivered, failed, pending, read');
	if (body.optimizationPeriod !== undefined && !['24h', '48h', '72h'].includes(body.optimizationPeriod)) problems.push('optimizationPeriod must be one of the following values: 24h, 48h, 72h');
	if (problems.length > 0) return unprocessable(problems);

	const contact = findContact(state, body.contactId);
	if (!contact) return badRequest('Contact not found');
	const hasContent = isText(body.message) || isText(body.html) || isText(body.templateId) || (Array.isArray(body.attachments) && body.attachments.length > 0) || isObject(body.forward);
	if (!hasContent) return badRequest('Message body, html, template or attachments are required');
	if (body.type === 'Email' && !isText(body.emailTo) && !isText(contact.email)) return badRequest('The contact has no email address');
	if (['SMS', 'WhatsApp', 'RCS'].includes(body.type) && !isText(body.toNumber) && !isText(contact.phone)) return badRequest('The contact has no phone number');
	if (isText(body.templateId) && !state.templates.some((t) => t.id === body.templateId)) return badRequest('Template not found');

	let conversation = state.conversations.find((c) => c.contactId === contact.id);
	if (!conversation) {
		conversation = { id: ids.highLevel(), contactId: contact.id, locationId: LOCATION_ID, messages: [] };
		state.conversations.push(conversation);
	}
	const message = {
		id: ids.highLevel(),
		type: MESSAGE_TYPES.indexOf(body.type) + 1,
		messageType: MESSAGE_TYPE_NAMES[body.type],
		locationId: LOCATION_ID,
		contactId: contact.id,
		conversationId: conversation.id,
		dateAdded: new Date().toISOString(),
		body: body.message ?? body.html ?? '',
		direction: 'outbound',
		status: body.scheduledTimestamp ? 'scheduled' : 'pending',
		contentType: body.type === 'Email' ? 'text/html' : 'text/plain',
		attachments: body.attachments ?? [],
		source: 'api',
		...(body.type === 'Email' ? { meta: { email: { subject: body.subject ?? '', messageIds: [] } } } : {}),
	};
	conversation.messages.push(message);
	state.messages.set(message.id, message);
	return {
		status: 201,
		body: {
			conversationId: conversation.id,
			messageId: message.id,
			...(body.type === 'Email' ? { emailMessageId: ids.highLevel() } : {}),
			msg: 'Message queued successfully.',
			status: message.status,
		},
	};
}

function listMessages({ state, params, query }) {
	const conversation = state.conversations.find((c) => c.id === params.conversationId);
	if (!conversation) return notFound('Conversation');
	const limit = query.limit === undefined ? 20 : Number(query.limit);
	if (!Number.isInteger(limit) || limit < 1 || limit > 100) return unprocessable(['limit must not be greater than 100', 'limit must be a positive integer']);
	// Newest first, as HighLevel lists them; lastMessageId continues after that message.
	let list = [...conversation.messages].reverse();
	if (isText(query.type)) {
		const types = query.type.split(',').map((t) => t.trim());
		list = list.filter((m) => types.includes(m.messageType));
	}
	if (isText(query.lastMessageId)) {
		const index = list.findIndex((m) => m.id === query.lastMessageId);
		list = index === -1 ? [] : list.slice(index + 1);
	}
	const page = list.slice(0, limit);
	return {
		status: 200,
		body: { messages: { lastMessageId: page.at(-1)?.id ?? null, nextPage: list.length > limit, messages: page } },
	};
}


const OPPORTUNITY_STATUSES = ['open', 'won', 'lost', 'abandoned'];
/** The file types HighLevel's conversation upload takes (its SDK's list). */
const UPLOAD_TYPES = ['image/jpeg', 'image/jpg', 'image/png', 'video/mp4', 'video/mpeg', 'audio/mpeg', 'application/zip', 'application/x-zip-compressed', 'application/vnd.rar', 'application/x-rar-compressed', 'application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/plain', 'audio/wav', 'audio/x-wav'];

function opportunityProblems(state, body, { create }) {
	const problems = [];
	if (create) {
		for (const key of ['pipelineId', 'name', 'status', 'contactId']) if (!isText(body[key])) problems.push(`${key} should not be empty`);
	}
	if (body.status !== undefined && !OPPORTUNITY_STATUSES.includes(body.status)) problems.push(`status must be one of the following values: ${OPPORTUNITY_STATUSES.join(', ')}`);
	if (body.monetaryValue !== undefined && (typeof body.monetaryValue !== 'number' || body.monetaryValue < 0)) problems.push('monetaryValue must be a non-negative number');
	if (typeof body.name === 'string' && body.name.length > 255) problems.push('name must be shorter than or equal to 255 characters');
	if (problems.length > 0) return unprocessable(problems);
	const pipelineId = body.pipelineId;
	if (pipelineId !== undefined) {
		const pipeline = state.pipelines.find((p) => p.id === pipelineId);
		if (!pipeline) return badRequest('Pipeline not found');
		if (body.pipelineStageId !== undefined && !pipeline.stages.some((stage) => stage.id === body.pipelineStageId)) return badRequest('Pipeline stage not found in this pipeline');
	}
	if (body.contactId !== undefined && !findContact(state, body.contactId)) return badRequest('Contact not found');
	return undefined;
}

const OPPORTUNITY_FIELDS = ['name', 'pipelineId', 'pipelineStageId', 'status', 'monetaryValue', 'contactId', 'assignedTo', 'customFields', 'source'];

function pickOpportunity(body) {
	const picked = {};
	for (const key of OPPORTUNITY_FIELDS) if (body[key] !== undefined) picked[key] = body[key];
	return picked;
}

function searchOpportunities({ state, query }) {
	const denied = checkLocation(query.location_id);
	if (denied) return denied;
	const limit = query.limit === undefined ? 20 : Number(query.limit);
	if (!Number.isInteger(limit) || limit < 1 || limit > 100) return unprocessable(['limit must not be greater than 100']);
	if (query.status !== undefined && ![...OPPORTUNITY_STATUSES, 'all'].includes(query.status)) return unprocessable([`status must be one of the following values: ${OPPORTUNITY_STATUSES.join(', ')}, all`]);
	let list = [...state.opportunities].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
	const filters = [['pipeline_id', 'pipelineId'], ['pipeline_stage_id', 'pipelineStageId'], ['contact_id', 'contactId'], ['assigned_to', 'assignedTo']];
	for (const [name, field] of filters) if (isText(query[name])) list = list.filter((o) => o[field] === query[name]);
	if (isText(query.status) && query.status !== 'all') list = list.filter((o) => o.status === query.status);
	if (isText(query.q)) list = list.filter((o) => o.name.toLowerCase().includes(query.q.toLowerCase()));
	const total = list.length;
	if (isText(query.startAfterId)) list = list.slice(list.findIndex((o) => o.id === query.startAfterId) + 1);
	const page = list.slice(0, limit);
	const last = page.at(-1);
	return {
		status: 200,
		body: { opportunities: page, meta: { total, startAfterId: last?.id ?? null, startAfter: last ? Date.parse(last.createdAt) : null } },
	};
}

function upload({ state, body, multipart }) {
	if (!multipart) return badRequest('Send multipart/form-data with conversationId, locationId and fileAttachment');
	const denied = checkLocation(body.fields.locationId);
	if (denied) return denied;
	if (!isText(body.fields.conversationId)) return unprocessable(['conversationId should not be empty']);
	if (!state.conversations.some((c) => c.id === body.fields.conversationId)) return badRequest('Conversation not found');
	const files = body.files.filter((f) => f.name === 'fileAttachment');
	if (files.length === 0) return badRequest('fileAttachment is required');
	const wrong = files.find((f) => !UPLOAD_TYPES.includes(f.contentType.toLowerCase()));
	if (wrong) return envelope(415, `Unsupported file type ${wrong.contentType}`);
	const uploadedFiles = {};
	for (const file of files) {
		// A clearly fake host: the sandbox stores nothing, it only hands out a URL to send.
		const url = `https://files.sandbox.invalid/${LOCATION_ID}/${ids.hex(16)}/${encodeURIComponent(file.filename)}`;
		state.uploads.push({ conversationId: body.fields.conversationId, filename: file.filename, contentType: file.contentType, size: file.size, url });
		uploadedFiles[file.filename] = url;
	}
	return { status: 200, body: { uploadedFiles } };
}

const MESSAGE_PROGRESSION = ['pending', 'sent', 'delivered'];

const routes = [
	// Tasks, users, calendars and appointments (./leadway-calendar.js).
	...calendarRoutes({ checkLocation, findContact, badRequest, unprocessable, notFound }),
	['POST', '/contacts/', ({ state, body }) => {
		const denied = checkLocation(body.locationId);
		if (denied) return denied;
		const problems = contactProblems(body);
		if (problems.length > 0) return unprocessable(problems);
		// HighLevel may refuse duplicates depending on the location's "Allow Duplicate Contact"
		// setting; the sandbox location allows them.
		return { status: 201, body: { contact: newContact(state, body) } };
	}],
	['POST', '/contacts/upsert', ({ state, body }) => {
		const denied = checkLocation(body.locationId);
		if (denied) return denied;
		const problems = contactProblems(body);
		if (!isText(body.email) && !isText(body.phone)) problems.push('email or phone is required to upsert a contact');
		if (problems.length > 0) return unprocessable(problems);
		const existing = findDuplicate(state, body);
		if (existing) {
			Object.assign(existing, pickContact(body), { dateUpdated: new Date().toISOString() });
			return { status: 200, body: { new: false, contact: existing, traceId: ids.uuid() } };
		}
		return { status: 201, body: { new: true, contact: newContact(state, body), traceId: ids.uuid() } };
	}],
	['POST', '/contacts/search', searchContacts],
	['GET', '/contacts/search/duplicate', ({ state, query }) => {
		const denied = checkLocation(query.locationId);
		if (denied) return denied;
		if (!isText(query.number) && !isText(query.email)) return badRequest('number or email is required');
		const contact = findDuplicate(state, { email: query.email, phone: query.number });
		return { status: 200, body: { contact: contact ?? null } };
	}],
	// Deprecated list endpoint; only the credential test calls it.
	['GET', '/contacts/', ({ state, query }) => {
		const denied = checkLocation(query.locationId);
		if (denied) return denied;
		const limit = query.limit === undefined ? 20 : Number(query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) return unprocessable(['limit must not be greater than 100']);
		const contacts = state.contacts.slice(0, limit);
		return { status: 200, body: { contacts, count: state.contacts.length, meta: { total: state.contacts.length, startAfterId: contacts.at(-1)?.id ?? null, startAfter: null } } };
	}],
	['GET', '/contacts/:id', ({ state, params }) => {
		const contact = findContact(state, params.id);
		return contact ? { status: 200, body: { contact } } : badRequest('Contact not found');
	}],
	['PUT', '/contacts/:id', ({ state, params, body }) => {
		const contact = findContact(state, params.id);
		if (!contact) return badRequest('Contact not found');
		const problems = contactProblems(body);
		if (problems.length > 0) return unprocessable(problems);
		Object.assign(contact, pickContact(body), { dateUpdated: new Date().toISOString() });
		return { status: 200, body: { succeded: true, contact } };
	}],
	['DELETE', '/contacts/:id', ({ state, params }) => {
		const contact = findContact(state, params.id);
		if (!contact) return badRequest('Contact not found');
		state.contacts = state.contacts.filter((c) => c !== contact);
		return { status: 200, body: { succeded: true } };
	}],
	...['POST', 'DELETE'].map((method) => [method, '/contacts/:id/tags', ({ state, params, body }) => {
		const contact = findContact(state, params.id);
		if (!contact) return badRequest('Contact not found');
		if (!Array.isArray(body.tags) || body.tags.length === 0 || !body.tags.every(isText)) return unprocessable(['tags must contain at least 1 elements', 'each value in tags must be a string']);
		contact.tags = method === 'POST' ? [...new Set([...(contact.tags ?? []), ...body.tags])] : (contact.tags ?? []).filter((t) => !body.tags.includes(t));
		return { status: method === 'POST' ? 201 : 200, body: { tags: contact.tags } };
	}]),
	['POST', '/contacts/:id/notes', ({ state, params, body }) => {
		const contact = findContact(state, params.id);
		if (!contact) return badRequest('Contact not found');
		if (!isText(body.body)) return unprocessable(['body should not be empty', 'body must be a string']);
		const note = { id: ids.highLevel(), body: body.body, contactId: contact.id, userId: body.userId ?? null, dateAdded: new Date().toISOString() };
		state.notes.push(note);
		return { status: 201, body: { note } };
	}],
	['POST', '/conversations/messages', sendMessage],
	['GET', '/conversations/messages/:id', ({ state, params }) => {
		const message = state.messages.get(params.id);
		if (!message) return notFound('Message');
		// Each look-up moves a sent message one status on, so "get status" shows it progress.
		const step = MESSAGE_PROGRESSION.indexOf(message.status);
		if (step !== -1 && step < MESSAGE_PROGRESSION.length - 1) {
			const shown = { ...message };
			message.status = MESSAGE_PROGRESSION[step + 1];
			return { status: 200, body: shown };
		}
		return { status: 200, body: message };
	}],
	['GET', '/conversations/:conversationId/messages', listMessages],
	['GET', '/conversations/search', ({ state, query }) => {
		const denied = checkLocation(query.locationId);
		if (denied) return denied;
		const limit = query.limit === undefined ? 20 : Number(query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) return unprocessable(['limit must not be greater than 100']);
		const list = state.conversations.filter((c) => !isText(query.contactId) || c.contactId === query.contactId);
		const conversations = list.slice(0, limit).map(({ messages, ...conversation }) => ({ ...conversation, lastMessageBody: messages.at(-1)?.body ?? null }));
		return { status: 200, body: { conversations, total: list.length } };
	}],
	['POST', '/conversations/', ({ state, body }) => {
		const denied = checkLocation(body.locationId);
		if (denied) return denied;
		if (!isText(body.contactId)) return unprocessable(['contactId should not be empty']);
		if (!findContact(state, body.contactId)) return badRequest('Contact not found');
		// What HighLevel answers when the contact already has a conversation is not documented: the
		// sandbox hands back the existing one.
		let conversation = state.conversations.find((c) => c.contactId === body.contactId);
		if (!conversation) {
			conversation = { id: ids.highLevel(), contactId: body.contactId, locationId: LOCATION_ID, messages: [] };
			state.conversations.push(conversation);
		}
		const { messages: _messages, ...shown } = conversation;
		return { status: 201, body: { success: true, conversation: shown } };
	}],
	['POST', '/conversations/messages/upload', upload],
	['GET', '/opportunities/pipelines', ({ state, query }) => checkLocation(query.locationId) ?? { status: 200, body: { pipelines: state.pipelines } }],
	['GET', '/opportunities/search', searchOpportunities],
	['POST', '/opportunities/', ({ state, body }) => {
		const denied = checkLocation(body.locationId);
		if (denied) return denied;
		const refused = opportunityProblems(state, body, { create: true });
		if (refused) return refused;
		const now = new Date().toISOString();
		const opportunity = { id: ids.highLevel(), monetaryValue: 0, assignedTo: null, customFields: [], ...pickOpportunity(body), locationId: LOCATION_ID, createdAt: now, updatedAt: now };
		state.opportunities.push(opportunity);
		return { status: 201, body: { opportunity } };
	}],
	['GET', '/opportunities/:id', ({ state, params }) => {
		const opportunity = state.opportunities.find((o) => o.id === params.id);
		return opportunity ? { status: 200, body: { opportunity } } : notFound('Opportunity');
	}],
	['PUT', '/opportunities/:id', ({ state, params, body }) => {
		const opportunity = state.opportunities.find((o) => o.id === params.id);
		if (!opportunity) return notFound('Opportunity');
		const refused = opportunityProblems(state, { pipelineId: opportunity.pipelineId, ...body }, { create: false });
		if (refused) return refused;
		Object.assign(opportunity, pickOpportunity(body), { updatedAt: new Date().toISOString() });
		return { status: 200, body: { opportunity } };
	}],
	['PUT', '/opportunities/:id/status', ({ state, params, body }) => {
		const opportunity = state.opportunities.find((o) => o.id === params.id);
		if (!opportunity) return notFound('Opportunity');
		if (!OPPORTUNITY_STATUSES.includes(body.status)) return unprocessable([`status must be one of the following values: ${OPPORTUNITY_STATUSES.join(', ')}`]);
		opportunity.status = body.status;
		if (isText(body.lostReasonId)) opportunity.lostReasonId = body.lostReasonId;
		opportunity.updatedAt = new Date().toISOString();
		return { status: 200, body: { succeded: true } };
	}],
	['DELETE', '/opportunities/:id', ({ state, params }) => {
		const opportunity = state.opportunities.find((o) => o.id === params.id);
		if (!opportunity) return notFound('Opportunity');
		state.opportunities = state.opportunities.filter((o) => o !== opportunity);
		return { status: 200, body: { succeded: true } };
	}],
	['GET', '/locations/:locationId/templates', ({ state, params, query }) => {
		const denied = checkLocation(params.locationId);
		if (denied) return denied;
		if (!isText(query.originId)) return unprocessable(['originId should not be empty']);
		if (query.type !== undefined && !['sms', 'email', 'whatsapp'].includes(query.type)) return unprocessable(['type must be one of the following values: sms, email, whatsapp']);
		const skip = query.skip === undefined ? 0 : Number(query.skip);
		const limit = query.limit === undefined ? 25 : Number(query.limit);
		if (!Number.isInteger(skip) || skip < 0 || !Number.isInteger(limit) || limit < 1) return unprocessable(['skip and limit must be positive integers']);
		const list = state.templates.filter((t) => !query.type || t.type === query.type);
		return { status: 200, body: { templates: list.slice(skip, skip + limit), totalCount: list.length } };
	}],
];

/**
 * HighLevel validates each write body against its DTO and refuses any property the DTO does not
 * declare (NestJS's ValidationPipe, forbidNonWhitelisted): 422 `{ statusCode, message: [...], error }`
 * before anything else is looked at. Every route whose method and path match an endpoint of the table
 * gets that check first, whoever wrote the route; multipart bodies are checked by their part names.
 */
function withDtoCheck([method, pattern, handler]) {
	// A route parameter (`:id`) stands for any segment, as the SDK's `{contactId}` does.
	const endpoint = findEndpoint(DTO_TABLE, method, pattern.replace(/:(\w+)/g, 'any-$1'));
	if (!endpoint) return [method, pattern, handler];
	return [method, pattern, (ctx) => {
		const body = ctx.multipart
			? Object.fromEntries([...Object.keys(ctx.body.fields), ...ctx.body.files.map((file) => file.name)].map((key) => [key, '']))
			: ctx.body;
		const problems = isObject(body) ? undeclared(endpoint.properties, body) : [];
		return problems.length > 0 ? unprocessable(problems) : handler(ctx);
	}];
}

module.exports = {
	name: 'leadway',
	displayName: 'Leadway CRM',
	basePath: '',
	credentialType: 'leadwayApi',
	credentials: (url) => ({ accessToken: TOKEN, locationId: LOCATION_ID, baseUrl: `${url}/leadway`, apiVersion: '2021-07-28' }),
	rateLimits: [
		{ limit: 100, windowMs: 10_000 },
		{ limit: 200_000, windowMs: 86_400_000 },
	],
	createState,
	authenticate,
	rateLimitHeaders,
	rateLimited,
	error: (status, message) => envelope(status, message),
	routes: routes.map(withDtoCheck),
	DTO_TABLE,
	TOKEN,
	LOCATION_ID,
};
