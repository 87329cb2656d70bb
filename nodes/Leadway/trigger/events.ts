// HighLevel webhook event types (docs/webhook events) and the message types InboundMessage /
// OutboundMessage carry.
import type { INodePropertyOptions } from 'n8n-workflow';

export const ALL_EVENTS = '*';

export const WEBHOOK_EVENTS: INodePropertyOptions[] = [
	{ name: 'All Events', value: ALL_EVENTS, description: 'Every event HighLevel sends to this URL' },
	{ name: 'Appointment Create', value: 'AppointmentCreate' },
	{ name: 'Appointment Delete', value: 'AppointmentDelete' },
	{ name: 'Appointment Update', value: 'AppointmentUpdate' },
	{ name: 'Contact Create', value: 'ContactCreate' },
	{ name: 'Contact Delete', value: 'ContactDelete' },
	{ name: 'Contact DND Update', value: 'ContactDndUpdate' },
	{ name: 'Contact Tag Update', value: 'ContactTagUpdate' },
	{ name: 'Contact Update', value: 'ContactUpdate' },
	{ name: 'Conversation Unread Update', value: 'ConversationUnreadWebhook' },
	{ name: 'Inbound Message', value: 'InboundMessage', description: 'A contact sent a message (SMS, WhatsApp, email…)' },
	{ name: 'Note Create', value: 'NoteCreate' },
	{ name: 'Opportunity Create', value: 'OpportunityCreate' },
	{ name: 'Opportunity Delete', value: 'OpportunityDelete' },
	{ name: 'Opportunity Stage Update', value: 'OpportunityStageUpdate' },
	{ name: 'Opportunity Status Update', value: 'OpportunityStatusUpdate' },
	{ name: 'Opportunity Update', value: 'OpportunityUpdate' },
	{ name: 'Outbound Message', value: 'OutboundMessage', description: 'A message was sent to a contact' },
	{ name: 'Task Complete', value: 'TaskComplete' },
	{ name: 'Task Create', value: 'TaskCreate' },
	{ name: 'Task Delete', value: 'TaskDelete' },
];

export const MESSAGE_TYPES: INodePropertyOptions[] = [
	{ name: 'Call', value: 'Call' },
	{ name: 'Custom', value: 'Custom' },
	{ name: 'Email', value: 'Email' },
	{ name: 'Facebook', value: 'FB' },
	{ name: 'Google Business', value: 'GMB' },
	{ name: 'Instagram', value: 'IG' },
	{ name: 'Live Chat', value: 'Live_Chat' },
	{ name: 'RCS', value: 'RCS' },
	{ name: 'SMS', value: 'SMS' },
	{ name: 'TikTok', value: 'TIKTOK' },
	{ name: 'WhatsApp', value: 'WhatsApp' },
];

const ALIASES: Record<string, string> = { facebook: 'fb', instagram: 'ig', webchat: 'livechat' };

/** "TYPE_WHATSAPP", "WhatsApp", "Live Chat" and "Live_Chat" compare equal. */
export function normalizeMessageType(value: unknown): string {
	const plain = String(value ?? '')
		.toLowerCase()
		.replace(/^type_/, '')
		.replace(/[^a-z0-9]/g, '');
	return ALIASES[plain] ?? plain;
}
