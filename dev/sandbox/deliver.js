'use strict';
// Sends webhook events to a trigger URL the way each provider signs them, or forged on request:
//   iagente   X-Webhook-Signature: sha256=<hex HMAC-SHA256(raw body, signing_secret from POST /webhooks)>
//   superlead X-Superlead-Signature: sha256=<hex HMAC-SHA256(raw body, credential webhookSecret)>
//             (optionally `<timestamp>.<raw body>` with a timestamp header, as the trigger allows)
//   leadway   X-GHL-Signature: base64 Ed25519 over the raw body (sandbox key pair), or the legacy
//             X-WH-Signature RSA-SHA256 with { scheme: 'rsa' }; body `timestamp` + `webhookId`
//   liguelead no signature exists: the trigger's token in the URL (?token=) or in a header

const { createHash, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign } = require('node:crypto');

const { EVENTS } = require('./events');

/**
 * The sandbox's Ed25519 key pair for Leadway/HighLevel, derived from a fixed seed so its public
 * key is the same in every run (example workflows can carry it). It signs nothing real.
 */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const leadwayPrivateKey = createPrivateKey({
	key: Buffer.concat([ED25519_PKCS8_PREFIX, createHash('sha256').update('n8n-nodes-br-messaging sandbox: leadway ed25519').digest()]),
	format: 'der',
	type: 'pkcs8',
});

let rsaPair;
/** RSA is slow to generate, so the legacy-scheme pair is made on first use (and differs per process). */
function rsaKeys() {
	rsaPair ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
	return rsaPair;
}

const sandboxKeys = {
	/** Put this in the Leadway CRM Trigger's "Ed25519 Public Key" option. */
	leadwayPublicKeyPem: createPublicKey(leadwayPrivateKey).export({ type: 'spki', format: 'pem' }).toString().trim(),
	/** For the legacy X-WH-Signature scheme ("RSA Public Key" option); generated per process. */
	get leadwayRsaPublicKeyPem() {
		return rsaKeys().publicKey.export({ type: 'spki', format: 'pem' }).toString().trim();
	},
};

const FORGES = ['signature', 'missing', 'tampered', 'stale'];
const STALE_SECONDS = 15 * 60;

/** LigueLead reports phones as +55…; sends may carry them national (11 digits) or with 55. */
const e164 = (phone) => {
	if (typeof phone !== 'string') return undefined;
	const digits = phone.replace(/\D/g, '');
	return phone.startsWith('+') ? phone : digits.startsWith('55') && digits.length >= 12 ? `+${digits}` : `+55${digits}`;
};

const hmacHex = (secret, payload) => createHmac('sha256', secret).update(payload).digest('hex');

/** Registrations are matched on the URL without its query string, as n8n's webhook path has none. */
const withoutQuery = (url) => String(url).split('?')[0].replace(/\/+$/, '');

/** The latest IAGENTE webhook registered for this URL (the trigger re-registers on each activation). */
function findRegistration(state, url) {
	const wanted = withoutQuery(url);
	return [...state('iagente').webhooks].reverse().find((hook) => withoutQuery(hook.url) === wanted);
}

function createDeliverer({ providerName, state, credentials, triggerSettings }) {
	return async function deliver(options = {}) {
		const provider = providerName(options.provider);
		let campaign;
		if (provider === 'liguelead' && options.campaignId !== undefined) {
			// A campaign sent through the sandbox: report on it, to its Status Callback URL by default.
			campaign = state('liguelead').campaigns.find((c) => c.id === options.campaignId);
			if (!campaign) throw new Error(`deliver: no LigueLead campaign ${options.campaignId} was sent through this sandbox`);
			options = { channel: campaign.type, phone: e164(campaign.phones?.[0]), message: campaign.message, isFlash: campaign.is_flash, ...options, to: options.to ?? campaign.webhook_url ?? undefined };
		}
		if (provider === 'superlead' && options.messageId !== undefined) {
			// A message sent through the sandbox: its status event carries its wamid, as Superlead's does.
			const entry = state('superlead').messages.get(options.messageId);
			if (!entry) throw new Error(`deliver: no Superlead message ${options.messageId} was sent through this sandbox`);
			options = { ...options, message: entry.message };
		}
		if (typeof options.to !== 'string' || !/^https?:\/\//.test(options.to)) {
			throw new Error('deliver: "to" must be the trigger\'s http(s) webhook URL');
		}
		const forge = options.forge;
		if (forge !== undefined && forge !== null && forge !== '' && !FORGES.includes(forge)) {
			throw new Error(`deliver: forge must be one of ${FORGES.join(', ')}`);
		}
		const catalogue = EVENTS[provider];
		let event = options.event || catalogue.default;
		const registration = provider === 'iagente' ? findRegistration(state, options.registeredUrl ?? options.to) : undefined;
		// IAGENTE sends only the events a webhook subscribed to: without an explicit event, pick one of those.
		if (!options.event && registration && !registration.events.includes(event)) event = registration.events[0];
		const payload = options.payload ?? catalogue.build(event, options);
		let url = options.to;
		const headers = { 'Content-Type': 'application/json', 'User-Agent': `n8n-br-messaging-sandbox/${provider}` };

		if (provider === 'leadway' && forge === 'stale') {
			payload.timestamp = new Date(Date.now() - STALE_SECONDS * 1000).toISOString();
		}
		const raw = Buffer.from(JSON.stringify(payload), 'utf8');

		if (provider === 'iagente') {
			if (forge === 'stale') throw new Error('deliver: IAGENTE SDR events carry no timestamp, so they cannot be stale');
			let secret = options.secret;
			if (!secret) secret = registration?.signing_secret;
			if (!secret && forge !== 'signature' && forge !== 'missing') {
				throw new Error(`deliver: no IAGENTE webhook is registered for ${url}; activate the trigger first (it registers itself with POST /webhooks)`);
			}
			if (forge === 'signature') secret = `whsec_wrong_${randomBytes(8).toString('hex')}`;
			if (forge !== 'missing') headers['X-Webhook-Signature'] = `sha256=${hmacHex(secret, raw)}`;
		}

		if (provider === 'superlead') {
			const secret = forge === 'signature' ? `wrong-${randomBytes(8).toString('hex')}` : (options.secret ?? credentials.superleadApi.webhookSecret);
			const timestampHeader = options.timestampHeader;
			if (forge === 'stale' && !timestampHeader) {
				throw new Error('deliver: Superlead documents no timestamp; pass timestampHeader (the trigger\'s "Timestamp Header" option) to send a stale one');
			}
			let signed = raw;
			if (timestampHeader) {
				const seconds = Math.floor(Date.now() / 1000) - (forge === 'stale' ? STALE_SECONDS : 0);
				headers[timestampHeader] = String(seconds);
				signed = Buffer.concat([Buffer.from(`${seconds}.`), raw]);
			}
			const digest = createHmac('sha256', secret).update(signed).digest(options.encoding === 'base64' ? 'base64' : 'hex');
			const prefix = options.signaturePrefix === 'none' ? '' : 'sha256=';
			if (forge !== 'missing') headers[options.signatureHeader ?? 'X-Superlead-Signature'] = `${prefix}${digest}`;
		}

		if (provider === 'leadway') {
			if (options.scheme === 'rsa') {
				const key = forge === 'signature' ? generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey : rsaKeys().privateKey;
				if (forge !== 'missing') headers['X-WH-Signature'] = sign('sha256', raw, key).toString('base64');
			} else {
				const key = forge === 'signature' ? generateKeyPairSync('ed25519').privateKey : leadwayPrivateKey;
				if (forge !== 'missing') headers['X-GHL-Signature'] = sign(null, raw, key).toString('base64');
			}
		}

		if (provider === 'liguelead') {
			if (forge === 'stale' || forge === 'tampered') {
				throw new Error(`deliver: LigueLead events are not signed and carry no checked timestamp, so "${forge}" does not apply; use forge "signature" (wrong token) or "missing"`);
			}
			// Where the LigueLead Trigger reads its token: the URL query (?token=) today; a header is
			// possible with tokenPlacement 'header' (or 'both') in case the trigger moves it there.
			// A token already in the URL (a Status Callback URL as the user wrote it) is kept.
			const tokenInUrl = new URL(url).searchParams.get(options.tokenParameter ?? 'token') ?? undefined;
			const token = forge === 'signature' ? `wrong-token-${randomBytes(8).toString('hex')}` : (options.token ?? tokenInUrl ?? triggerSettings.ligueLeadTrigger.token);
			const placement = options.tokenPlacement ?? 'query';
			if (forge !== 'missing') {
				if (placement === 'query' || placement === 'both') {
					const target = new URL(url);
					target.searchParams.set(options.tokenParameter ?? 'token', token);
					url = target.toString();
				}
				if (placement === 'header' || placement === 'both') headers[options.tokenHeader ?? 'X-Webhook-Token'] = token;
			} else if (placement !== 'header') {
				const target = new URL(url);
				target.searchParams.delete(options.tokenParameter ?? 'token');
				url = target.toString();
			}
		}

		let sent = raw;
		if (forge === 'tampered') {
			sent = Buffer.from(JSON.stringify({ ...payload, tampered: true }), 'utf8');
		}
		Object.assign(headers, options.headers ?? {});

		let response;
		try {
			response = await fetch(url, { method: 'POST', headers, body: sent, signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
		} catch (cause) {
			throw new Error(`deliver: could not reach ${url}: ${cause.cause?.code ?? cause.cause?.message ?? cause.message}`);
		}
		const text = await response.text();
		let body = text;
		try {
			body = text === '' ? undefined : JSON.parse(text);
		} catch {
			// Not JSON: keep the text.
		}
		return { status: response.status, body, sent: { url, headers, body: sent.toString('utf8'), event } };
	};
}

module.exports = { createDeliverer, sandboxKeys, FORGES };
