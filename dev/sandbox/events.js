'use strict';
// Sample webhook events per provider. Where the provider documents an example, the shape follows
// it (LigueLead `campaign.status`, HighLevel InboundMessage/ContactCreate); IAGENTE and Superlead
// publish no payloads, so theirs are plausible shapes, marked as such in the README.

const { randomUUID } = require('node:crypto');

const now = () => new Date().toISOString();

const EVENTS = {
	iagente: {
		default: 'message.received',
		build(event) {
			const lead = { id: 101, phone: '5511999990001', name: 'Joao Silva', email: 'joao@example.com', temperature: 'hot' };
			const data = event.startsWith('message.')
				? { lead, message: { id: 9001, direction: event === 'message.received' ? 'inbound' : 'outbound', channel: 'whatsapp', type: 'text', text: 'Olá! Quero saber mais sobre o plano.' } }
				: event.startsWith('handoff.')
					? { lead, handoff: { id: 501, status: event === 'handoff.closed' ? 'closed' : 'open', reason: 'Lead asked for a human' } }
					: { lead };
			// Not documented: an event name, an id and a timestamp beside the data, as most webhook APIs do.
			return { event, id: `evt_${randomUUID()}`, created_at: now(), data };
		},
	},
	superlead: {
		default: 'whatsapp.message.status',
		build(event, options = {}) {
			if (event === 'whatsapp.message.status') {
				const message = options.message ?? {};
				return {
					event,
					id: `evt_${randomUUID()}`,
					created_at: now(),
					data: {
						wamid: message.wamid ?? `wamid.sandbox${Date.now()}`,
						message_id: message.id ?? randomUUID(),
						external_id: message.external_id ?? null,
						to: message.to ?? '+5511999990001',
						status: options.status ?? 'delivered',
						timestamp: now(),
					},
				};
			}
			return {
				event,
				id: `evt_${randomUUID()}`,
				created_at: now(),
				data: { from: '+5511999990001', fromUserId: 'BR.13491208655302741918', wamid: `wamid.sandbox${Date.now()}`, type: 'text', text: { body: 'Olá, tudo bem?' } },
			};
		},
	},
	leadway: {
		default: 'InboundMessage',
		build(event) {
			const base = { type: event, locationId: 'sandbox-location-1', timestamp: now(), webhookId: randomUUID() };
			if (event === 'InboundMessage' || event === 'OutboundMessage') {
				return {
					...base,
					attachments: [],
					body: 'Olá, gostaria de agendar uma visita.',
					contactId: 'sandboxContact0000001',
					contentType: 'text/plain',
					conversationId: 'sandboxConversation01',
					dateAdded: now(),
					direction: event === 'InboundMessage' ? 'inbound' : 'outbound',
					messageType: 'SMS',
					status: 'delivered',
					messageId: `sandboxMsg${Date.now()}`,
				};
			}
			return {
				...base,
				id: 'sandboxContact0000001',
				firstName: 'Joao',
				lastName: 'Silva',
				name: 'Joao Silva',
				email: 'joao@example.com',
				phone: '+5511999990001',
				tags: ['sandbox'],
				customFields: [],
				dnd: false,
				dateAdded: now(),
			};
		},
	},
	liguelead: {
		default: 'campaign.status',
		build(event, options = {}) {
			return {
				event,
				app_id: 'sandbox-app-id',
				occurred_at: now(),
				campaign: {
					id: options.campaignId ?? randomUUID(),
					type: options.channel ?? 'sms',
					source: 'api',
					phone: options.phone ?? '+5511999990001',
					credits_required: 1,
					sent_at: now().slice(0, 10),
					status: options.status ?? 'delivered',
					message: options.message ?? (options.channel === 'voice' ? null : 'Sua consulta é amanhã às 9h.'),
					is_flash: options.isFlash === true,
				},
			};
		},
	},
};

module.exports = { EVENTS };
