// What each example workflow must send through a real n8n, and what it must output. The values come
// from the workflow files in dev/workflows and the sandbox credentials, written out here by hand so a
// change in what the nodes send fails the suite.
'use strict';
const assert = require('node:assert/strict');
const { nodeOutput } = require('../../dev/lib/n8n');

const MANUAL = "When clicking 'Execute workflow'";

/** Keeps the request fields the suite asserts on; headers only those named. */
function shape(record, headerNames) {
	const headers = {};
	for (const name of headerNames) headers[name] = record.headers[name];
	return { method: record.method, url: record.url, headers, body: record.body };
}

/**
 * Requests that go out side by side (the items of one node run concurrently): their order on the wire is
 * not defined, so `assertRequests` matches them to the recorded ones by content, as a set.
 */
function concurrent(...requests) {
	return { concurrent: requests };
}

function matches(record, { status, ...want }) {
	try {
		assert.deepEqual(shape(record, Object.keys(want.headers)), want);
	} catch {
		return false;
	}
	return status !== undefined ? record.status === status : record.status >= 200 && record.status < 300;
}

/**
 * Asserts the recorded requests against the expected ones: sequential ones position by position, each
 * `concurrent(...)` group as a set over the positions it spans (each expected request matched to a
 * different recorded one with exactly its content).
 */
function assertRequests(records, expected, label) {
	const total = expected.reduce((n, e) => n + (e.concurrent ? e.concurrent.length : 1), 0);
	assert.equal(
		records.length,
		total,
		`${label}: the sandbox recorded ${records.length} requests, expected ${total}: ${records.map((r) => `${r.method} ${r.url}`).join(', ')}`,
	);
	let at = 0;
	for (const entry of expected) {
		if (!entry.concurrent) {
			const { status, ...want } = entry;
			const i = at;
			assert.deepEqual(shape(records[i], Object.keys(want.headers)), want, `${label}: request ${i + 1} differs`);
			if (status !== undefined) assert.equal(records[i].status, status, `${label}: request ${i + 1} answer`);
			else assert.ok(records[i].status >= 200 && records[i].status < 300, `${label}: request ${i + 1} got ${records[i].status}`);
			at += 1;
			continue;
		}
		const group = records.slice(at, at + entry.concurrent.length);
		const unmatched = [...group];
		entry.concurrent.forEach((want, k) => {
			const hit = unmatched.findIndex((record) => matches(record, want));
			assert.ok(
				hit >= 0,
				`${label}: no request among ${at + 1}–${at + group.length} (concurrent, any order) matches expected ${k + 1} of the group: ` +
					`${JSON.stringify(want)}; left unmatched: ${JSON.stringify(unmatched.map((r) => shape(r, Object.keys(want.headers))))}`,
			);
			unmatched.splice(hit, 1);
		});
		at += group.length;
	}
}

const SEND_CASES = {
	'liguelead-sms-and-voice.json': {
		provider: 'liguelead',
		check({ records, data, sandbox }) {
			const auth = { 'api-token': sandbox.credentials.ligueLeadApi.apiToken, 'app-id': sandbox.credentials.ligueLeadApi.appId };
			const phones = ['11999999999', '21988888888'];
			assertRequests(
				records,
				[
					{
						method: 'POST',
						url: '/liguelead/v1/sms',
						headers: auth,
						body: { title: 'Boas-vindas', message: 'Olá! Obrigado por se cadastrar. Responda SAIR para não receber mais.', phones },
					},
					{ method: 'POST', url: '/liguelead/v1/voice', headers: auth, body: { title: 'Lembrete por voz', voice_upload_id: 436514, phones } },
				],
				'LigueLead SMS + voice',
			);
			const [sms] = nodeOutput(data, 'Send SMS');
			assert.equal(sms.campaign_id, records[0].responseBody.data.campaign_id, 'SMS output carries the campaign the API created');
			assert.deepEqual(
				{ phones: sms.phones, recipients: sms.recipients, encoding: sms.encoding, parts: sms.parts, estimatedCredits: sms.estimatedCredits },
				// "ã" is outside GSM-7: the SMS goes as UCS-2, 68 characters fit one part.
				{ phones, recipients: 2, encoding: 'UCS-2', parts: 1, estimatedCredits: 2 },
			);
			const [voice] = nodeOutput(data, 'Start Voice Campaign');
			assert.equal(voice.campaign_id, records[1].responseBody.data.campaign_id);
			assert.equal(voice.recipients, 2);
			return 2;
		},
	},
	'superlead-whatsapp-template.json': {
		provider: 'superlead',
		check({ records, data, sandbox }) {
			const auth = { authorization: `Bearer ${sandbox.credentials.superleadApi.apiKey}` };
			const to = '+5511977776666';
			const key = records[2] && records[2].headers['idempotency-key'];
			assert.match(String(key), /^n8n-superlead-[0-9a-f]{40}$/, 'the send carries an automatic Idempotency-Key');
			assertRequests(
				records,
				[
					// The lead does not exist yet: looked up (404), created, then the template goes out.
					{ method: 'GET', url: `/superlead/v1/leads?phone=${encodeURIComponent(to)}`, headers: auth, body: undefined, status: 404 },
					{ method: 'POST', url: '/superlead/v1/leads', headers: auth, body: { name: 'Maria Santos', phone: to } },
					{
						method: 'POST',
						url: '/superlead/v1/messages',
						headers: { ...auth, 'idempotency-key': key },
						body: {
							type: 'template',
							template: {
								name: 'boas_vindas',
								language: { code: 'pt_BR' },
								components: [{ type: 'body', parameters: [{ type: 'text', text: 'Maria' }] }],
							},
							to,
						},
					},
				],
				'Superlead WhatsApp template',
			);
			const [sent] = nodeOutput(data, 'Send WhatsApp Template');
			assert.equal(sent.id, records[2].responseBody.id, 'output carries the message the API accepted');
			assert.equal(sent.leadCreated, true, 'output says the lead was created');
			return 3;
		},
	},
	'leadway-contact-sms-email.json': {
		provider: 'leadway',
		check({ records, data, sandbox }) {
			const auth = { authorization: `Bearer ${sandbox.credentials.leadwayApi.accessToken}`, version: '2021-07-28' };
			const [contact] = nodeOutput(data, 'Create Contact');
			assert.ok(contact && contact.id, 'Create Contact outputs the new contact with its id');
			assert.equal(contact.id, records[0].responseBody.contact.id);
			assertRequests(
				records,
				[
					{
						method: 'POST',
						url: '/leadway/contacts/',
						headers: auth,
						body: {
							locationId: sandbox.credentials.leadwayApi.locationId,
							firstName: 'Maria',
							lastName: 'Santos',
							source: 'n8n',
							email: 'maria.santos@example.com',
							phone: '+5511966665555',
						},
					},
					{
						method: 'POST',
						url: '/leadway/conversations/messages',
						headers: auth,
						body: { type: 'SMS', contactId: contact.id, message: 'Olá Maria! Seu cadastro foi recebido.' },
					},
					{
						method: 'POST',
						url: '/leadway/conversations/messages',
						headers: auth,
						body: { type: 'Email', contactId: contact.id, html: '<p>Olá Maria, obrigado pelo cadastro!</p>', subject: 'Bem-vinda, Maria' },
					},
				],
				'Leadway contact + SMS + email',
			);
			assert.equal(nodeOutput(data, 'Send SMS')[0].messageId, records[1].responseBody.messageId);
			assert.equal(nodeOutput(data, 'Send Email')[0].messageId, records[2].responseBody.messageId);
			return 3;
		},
	},
	'iagente-leads-rcs-card.json': {
		provider: 'iagente',
		check({ records, data, sandbox }) {
			const auth = { authorization: `Bearer ${sandbox.credentials.iagenteSdrApi.apiKey}` };
			const leads = nodeOutput(data, 'List Leads');
			assert.equal(leads.length, 2, 'List Leads stops at its limit of 2');
			assert.deepEqual(leads, records[0].responseBody.data.slice(0, 2), 'List Leads outputs the leads the API returned');
			const card = (leadId) => ({
				method: 'POST',
				url: '/iagente/api/v1/rcs/messages',
				headers: auth,
				body: {
					lead_id: leadId,
					type: 'card',
					title: 'Oferta da semana',
					description: 'Confira nossa oferta especial!',
					media_url: 'https://example.com/oferta.jpg',
					buttons: [{ type: 'url', text: 'Ver oferta', url: 'https://example.com/oferta' }],
				},
			});
			assertRequests(
				records,
				// The two cards go out side by side: any order on the wire, but each lead gets exactly its card.
				[{ method: 'GET', url: '/iagente/api/v1/leads?page=1&per_page=2', headers: auth, body: undefined }, concurrent(card(leads[0].id), card(leads[1].id))],
				'IAGENTE leads + RCS card',
			);
			const sent = nodeOutput(data, 'Send RCS Card');
			assert.deepEqual(
				sent.map((m) => m.lead_id),
				leads.map((l) => l.id),
				'one card per lead, output in input order whatever the order on the wire',
			);
			// Each output item is the answer to its own lead's request, not the other one's.
			for (const item of sent) {
				const record = records.find((r) => r.body && r.body.lead_id === item.lead_id && r.url === '/iagente/api/v1/rcs/messages');
				assert.equal(item.id, record.responseBody.data.id, `the output for lead ${item.lead_id} carries the message the API created for it`);
			}
			return 3;
		},
	},
};

/**
 * Per trigger: the forgeries its verification must refuse, a genuine event of a kind the example
 * workflow did not select (accepted, but must start nothing), and a value identifying each event.
 */
const TRIGGER_CASES = {
	'trigger-iagente.json': { provider: 'iagente', forges: ['signature', 'missing', 'tampered'], unselected: 'lead.created', marker: (p) => p.id },
	'trigger-superlead.json': {
		provider: 'superlead',
		forges: ['signature', 'missing', 'tampered'],
		unselected: 'whatsapp.message.received',
		marker: (p) => p.id,
	},
	'trigger-leadway.json': { provider: 'leadway', forges: ['signature', 'missing', 'tampered', 'stale'], unselected: 'ContactCreate', marker: (p) => p.webhookId },
	'trigger-liguelead.json': { provider: 'liguelead', forges: ['signature', 'missing'], marker: (p) => p.campaign.id },
};

module.exports = { SEND_CASES, TRIGGER_CASES, MANUAL, assertRequests, concurrent };
