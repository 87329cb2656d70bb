'use strict';
// LigueLead v1 (providers.md §1, seeds/000_* and 001_*): `api-token` + `app-id` headers, 202 for
// SMS/voice/RCS campaigns, multipart audio upload (MP3/WAV only, ≤50 MB), RCS agents and
// templates, `{error: "…"}` / `{error: [{field, message}]}` errors, 600,000 requests/min with
// X-RateLimit-Limit/Remaining/Reset. Accepted campaigns are kept so `deliver()` can report on them.

const { isObject, isText, isHttpUrl, ids, rateLimitHeaders } = require('../core');

const API_TOKEN = 'sandbox-liguelead-api-token';
const APP_ID = 'sandbox-app-id';
const WEBHOOK_TOKEN = 'sandbox-liguelead-webhook-token-0001';

const PHONE = /^(\+55\d{10,11}|55\d{10,11}|\d{10,11})$/;
const MAX_PHONES = 10_000;
const MAX_SMS = 1600;
const MAX_RCS_TEXT = 306;
const MAX_AUDIO_BYTES = 50 * 1024 * 1024;
const AUDIO_TYPES = ['audio/mpeg', 'audio/mp3', 'audio/wav', 'audio/x-wav', 'audio/wave'];
const BUTTON_TYPES = ['reply', 'open_url', 'dial_call'];

const fail = (status, error) => ({ status, body: { error } });
const fieldErrors = (list) => fail(400, list);

function seedUploads() {
	return [{ id: 436514, title: 'Boas-vindas', file_name: 'boas-vindas.mp3', mime_type: 'audio/mpeg', size: 48213, duration_seconds: 12, created_at: '2026-01-05T12:00:00.000Z' }];
}

function seedAgents() {
	return [
		{ id: '6f1d8c9e-2b7a-4c1e-9d3f-0a1b2c3d4e01', app_id: APP_ID, status: 'approved', sender_name: 'Sandbox Loja', rejection_reason: null },
		{ id: '6f1d8c9e-2b7a-4c1e-9d3f-0a1b2c3d4e02', app_id: APP_ID, status: 'pending', sender_name: 'Sandbox Pendente', rejection_reason: null },
	];
}

function seedTemplates() {
	return [
		{ id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c01', title: 'Oferta', type: 'text', agent_id: seedAgents()[0].id, body: 'Olá {{1}}, sua oferta chegou!', fallback_message: 'Olá {{1}}, sua oferta chegou!' },
	];
}

function createState() {
	return { uploads: seedUploads(), nextUploadId: 436515, agents: seedAgents(), templates: seedTemplates(), campaigns: [] };
}

function authenticate(headers) {
	if (headers['api-token'] !== API_TOKEN || headers['app-id'] !== APP_ID) {
		return fail(401, headers['api-token'] && headers['app-id'] ? 'Unauthorized: invalid api-token or app-id' : 'Unauthorized: send the api-token and app-id headers');
	}
	return { key: API_TOKEN };
}

const rateLimited = () => fail(429, 'Too Many Requests');

function checkPhones(phones, errors) {
	if (!Array.isArray(phones) || phones.length === 0) {
		errors.push({ field: 'phones', message: 'phones must be a non-empty array' });
		return;
	}
	if (phones.length > MAX_PHONES) errors.push({ field: 'phones', message: `at most ${MAX_PHONES} phones per request` });
	const bad = phones.filter((p) => typeof p !== 'string' || !PHONE.test(p));
	if (bad.length > 0) errors.push({ field: 'phones', message: `invalid phone number(s): ${bad.slice(0, 5).join(', ')}` });
}

/**
 * http(s), no `_` in the host name, at most 512 characters (vendor node and MCP server). LigueLead
 * wants a public address; the sandbox accepts loopback ones on purpose, so local triggers get callbacks.
 */
function checkWebhookUrl(value, errors) {
	if (value === undefined) return;
	if (!isHttpUrl(value) || value.length > 512 || new URL(value).hostname.includes('_')) {
		errors.push({ field: 'webhook_url', message: 'webhook_url must be a public http(s) URL of at most 512 characters without "_" in the host' });
	}
}

function accept(state, type, body, label) {
	const campaign = { id: ids.uuid(), type, accepted_at: new Date().toISOString(), phones: body.phones, webhook_url: body.webhook_url ?? null, title: body.title ?? null, message: body.message ?? null, is_flash: body.is_flash === true };
	state.campaigns.push(campaign);
	return { status: 202, body: { message: `${label} accepted successfully`, data: { campaign_id: campaign.id, accepted_at: campaign.accepted_at } } };
}

function sendSms({ state, body }) {
	const errors = [];
	if (!isText(body.message)) errors.push({ field: 'message', message: 'message is required' });
	else if (body.message.length > MAX_SMS) errors.push({ field: 'message', message: `message may have at most ${MAX_SMS} characters` });
	if (body.is_flash !== undefined && typeof body.is_flash !== 'boolean') errors.push({ field: 'is_flash', message: 'is_flash must be a boolean' });
	if (body.is_flash === true && /https?:\/\/|www\./i.test(body.message ?? '')) errors.push({ field: 'message', message: 'SMS Flash messages cannot contain links' });
	if (body.title !== undefined && typeof body.title !== 'string') errors.push({ field: 'title', message: 'title must be a string' });
	if (body.group_id !== undefined && typeof body.group_id !== 'string') errors.push({ field: 'group_id', message: 'group_id must be a string' });
	checkPhones(body.phones, errors);
	checkWebhookUrl(body.webhook_url, errors);
	if (errors.length > 0) return fieldErrors(errors);
	return accept(state, 'sms', body, 'SMS');
}

function sendVoice({ state, body }) {
	const errors = [];
	if (!isText(body.title)) errors.push({ field: 'title', message: 'title is required' });
	if (!Number.isInteger(body.voice_upload_id)) errors.push({ field: 'voice_upload_id', message: 'voice_upload_id must be an integer' });
	checkPhones(body.phones, errors);
	if (body.retry_attempts !== undefined && (!Number.isInteger(body.retry_attempts) || body.retry_attempts < 1 || body.retry_attempts > 3)) {
		errors.push({ field: 'retry_attempts', message: 'retry_attempts must be between 1 and 3' });
	}
	if (body.retry_interval_min !== undefined && (!Number.isInteger(body.retry_interval_min) || body.retry_interval_min < 5 || body.retry_interval_min > 180)) {
		errors.push({ field: 'retry_interval_min', message: 'retry_interval_min must be between 5 and 180' });
	}
	// The docs also want it ≥10 minutes after now (São Paulo time); that depends on the clock, so
	// only the 08:00–21:45 window is checked here.
	if (body.retry_end_time !== undefined) {
		const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(String(body.retry_end_time));
		const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : -1;
		if (minutes < 8 * 60 || minutes > 21 * 60 + 45) errors.push({ field: 'retry_end_time', message: 'retry_end_time must be HH:MM between 08:00 and 21:45' });
	}
	checkWebhookUrl(body.webhook_url, errors);
	if (errors.length > 0) return fieldErrors(errors);
	if (!state.uploads.some((u) => u.id === body.voice_upload_id)) return fail(404, `Voice upload ${body.voice_upload_id} not found`);
	return accept(state, 'voice', body, 'Voice');
}

function upload({ state, body, multipart }) {
	if (!multipart) return fail(400, 'Send multipart/form-data with the parts title and file');
	const file = body.files.find((f) => f.name === 'file');
	const errors = [];
	if (!isText(body.fields.title)) errors.push({ field: 'title', message: 'title is required' });
	if (!file) errors.push({ field: 'file', message: 'file is required' });
	if (errors.length > 0) return fieldErrors(errors);
	if (!AUDIO_TYPES.includes(file.contentType.toLowerCase())) return fail(415, `Unsupported audio type "${file.contentType}": send MP3 (audio/mpeg) or WAV (audio/wav)`);
	if (file.size === 0) return fieldErrors([{ field: 'file', message: 'file is empty' }]);
	if (file.size > MAX_AUDIO_BYTES) return fail(413, 'File too large: at most 50 MB');
	const record = { id: state.nextUploadId++, title: body.fields.title, file_name: file.filename, mime_type: file.contentType, size: file.size, created_at: new Date().toISOString() };
	state.uploads.push(record);
	return { status: 201, body: { message: 'Voice upload successful.', data: { id: record.id, title: record.title } } };
}

function checkButtons(buttons, path, errors, { min, max }) {
	if (!Array.isArray(buttons) || buttons.length < min || buttons.length > max) {
		errors.push({ field: path, message: `${path} must have between ${min} and ${max} buttons` });
		return;
	}
	buttons.forEach((button, index) => {
		const where = `${path}[${index}]`;
		if (!isObject(button) || !BUTTON_TYPES.includes(button.type)) errors.push({ field: `${where}.type`, message: `type must be one of ${BUTTON_TYPES.join(', ')}` });
		else if (!isText(button.title)) errors.push({ field: `${where}.title`, message: 'title is required' });
		else if (button.type === 'open_url' && !isHttpUrl(button.url)) errors.push({ field: `${where}.url`, message: 'url is required for open_url' });
		else if (button.type === 'dial_call' && !isText(button.phone_number)) errors.push({ field: `${where}.phone_number`, message: 'phone_number is required for dial_call' });
	});
}

/** `required`: media templates need one; for cards the vendor's docs are unclear, so it is optional there. */
function checkMedia(object, path, errors, { required = true } = {}) {
	if (object.media_url !== undefined && object.media_file !== undefined) errors.push({ field: `${path}media_url`, message: 'media_url and media_file are mutually exclusive' });
	else if (object.media_url === undefined && object.media_file === undefined) {
		if (required) errors.push({ field: `${path}media_url`, message: 'media_url or media_file is required' });
	}
	else if (object.media_url !== undefined && !isHttpUrl(object.media_url)) errors.push({ field: `${path}media_url`, message: 'media_url must be a URL' });
	else if (object.media_file !== undefined) {
		const match = /^data:[\w.+-]+\/[\w.+-]+;base64,(.+)$/.exec(String(object.media_file));
		if (!match) errors.push({ field: `${path}media_file`, message: 'media_file must be a base64 data URI' });
		else if (Buffer.byteLength(match[1], 'base64') > 5 * 1024 * 1024) errors.push({ field: `${path}media_file`, message: 'media_file may have at most 5 MB' });
	}
}

function createTemplate({ state, params, body }) {
	const type = params.type;
	if (!['text', 'media', 'card', 'carousel'].includes(type)) return fail(404, `Unknown template type ${type}`);
	const errors = [];
	if (!isText(body.title)) errors.push({ field: 'title', message: 'title is required' });
	if (body.fallback_message !== undefined && (typeof body.fallback_message !== 'string' || body.fallback_message.length > MAX_RCS_TEXT)) {
		errors.push({ field: 'fallback_message', message: `fallback_message may have at most ${MAX_RCS_TEXT} characters` });
	}
	if (type !== 'carousel') {
		if (!isText(body.body)) errors.push({ field: 'body', message: 'body is required' });
		else if (body.body.length > MAX_SMS) errors.push({ field: 'body', message: `body may have at most ${MAX_SMS} characters` });
	}
	if (type === 'media' || type === 'card') {
		if (!isText(body.header) || body.header.length > 100) errors.push({ field: 'header', message: 'header is required, at most 100 characters' });
		checkMedia(body, '', errors, { required: type === 'media' });
	}
	if (type === 'card') checkButtons(body.buttons, 'buttons', errors, { min: 1, max: 4 });
	if (type === 'carousel') {
		if (!Array.isArray(body.cards) || body.cards.length < 2 || body.cards.length > 10) errors.push({ field: 'cards', message: 'cards must have between 2 and 10 cards' });
		else {
			body.cards.forEach((card, index) => {
				const path = `cards[${index}]`;
				if (!isText(card?.header) || card.header.length > 100) errors.push({ field: `${path}.header`, message: 'header is required, at most 100 characters' });
				if (!isText(card?.body)) errors.push({ field: `${path}.body`, message: 'body is required' });
				if (isObject(card)) checkMedia(card, `${path}.`, errors);
				if (card?.buttons !== undefined) checkButtons(card.buttons, `${path}.buttons`, errors, { min: 0, max: 2 });
			});
			const shapes = body.cards.map((card) => (Array.isArray(card?.buttons) ? card.buttons.map((b) => b?.type).join(',') : ''));
			if (new Set(shapes).size > 1) errors.push({ field: 'cards', message: 'every card must have the same number and types of buttons, in the same order' });
		}
	}
	if (errors.length > 0) return fieldErrors(errors);
	const template = { id: ids.uuid(), type, agent_id: state.agents[0].id, ...body, created_at: new Date().toISOString() };
	state.templates.push(template);
	return { status: 201, body: { message: 'Template created successfully', data: template } };
}

function sendRcs({ state, body }) {
	const errors = [];
	checkPhones(body.phones, errors);
	checkWebhookUrl(body.webhook_url, errors);
	const byTemplate = body.template_id !== undefined;
	if (byTemplate && body.message !== undefined) errors.push({ field: 'message', message: 'template_id and message are mutually exclusive' });
	if (byTemplate && body.agent_id !== undefined) errors.push({ field: 'agent_id', message: 'agent_id must be omitted with template_id' });
	if (!byTemplate) {
		if (!isText(body.message)) errors.push({ field: 'message', message: 'message or template_id is required' });
		else if (body.message.length > MAX_RCS_TEXT) errors.push({ field: 'message', message: `message may have at most ${MAX_RCS_TEXT} characters` });
		if (!isText(body.agent_id)) errors.push({ field: 'agent_id', message: 'agent_id is required with message' });
	}
	if (body.template_variables !== undefined && !(Array.isArray(body.template_variables) && body.template_variables.every((v) => isObject(v) && v.key !== undefined))) {
		errors.push({ field: 'template_variables', message: 'template_variables must be a list of {key, value}' });
	}
	if (errors.length > 0) return fieldErrors(errors);
	if (byTemplate && !state.templates.some((t) => t.id === body.template_id)) return fail(404, `RCS template ${body.template_id} not found`);
	if (!byTemplate) {
		const agent = state.agents.find((a) => a.id === body.agent_id);
		if (!agent) return fail(404, `RCS agent ${body.agent_id} not found`);
		if (agent.status !== 'approved') return fail(403, `RCS agent ${agent.id} is ${agent.status}, not approved`);
	}
	return accept(state, 'rcs', body, 'RCS');
}

const routes = [
	['POST', '/sms', sendSms],
	['POST', '/voice', sendVoice],
	['POST', '/voice/uploads', upload],
	// List and item shapes are not documented; `{ data }` is what the vendor's code reads.
	['GET', '/voice/uploads', ({ state }) => ({ status: 200, body: { data: state.uploads } })],
	['GET', '/voice/uploads/:id', ({ state, params }) => {
		const found = state.uploads.find((u) => String(u.id) === params.id);
		return found ? { status: 200, body: { data: found } } : fail(404, `Voice upload ${params.id} not found`);
	}],
	['GET', '/rcs/agents', ({ state }) => ({ status: 200, body: { data: state.agents } })],
	['GET', '/rcs/templates', ({ state }) => ({ status: 200, body: { data: state.templates } })],
	['POST', '/rcs/templates/:type', createTemplate],
	['POST', '/rcs', sendRcs],
	// The vendor credential's test calls it; its answer is undocumented.
	['GET', '/health', () => ({ status: 200, body: { status: 'ok' } })],
];

module.exports = {
	name: 'liguelead',
	displayName: 'LigueLead',
	basePath: '/v1',
	credentialType: 'ligueLeadApi',
	// webhookToken: the LigueLead Trigger's token once it lives in the credential (branch webhooks);
	// until then the same value goes in the trigger's Token parameter (triggerSettings).
	credentials: (url) => ({ apiToken: API_TOKEN, appId: APP_ID, baseUrl: `${url}/liguelead/v1`, webhookToken: WEBHOOK_TOKEN }),
	rateLimits: [{ limit: 600_000, windowMs: 60_000 }],
	createState,
	authenticate,
	rateLimitHeaders,
	rateLimited,
	error: (status, message) => fail(status, message),
	routes,
	API_TOKEN,
	APP_ID,
	WEBHOOK_TOKEN,
};
