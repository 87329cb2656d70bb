// The webhook events IAGENTE SDR documents; shared by the Webhook resource and the trigger.
import type { INodePropertyOptions } from 'n8n-workflow';

export const WEBHOOK_EVENTS: INodePropertyOptions[] = [
	{ name: 'Handoff Closed', value: 'handoff.closed', description: 'A handoff to a human was closed' },
	{ name: 'Handoff Created', value: 'handoff.created', description: 'A conversation was handed to a human' },
	{ name: 'Lead Created', value: 'lead.created', description: 'A new lead was created' },
	{ name: 'Lead Qualified', value: 'lead.qualified', description: 'A lead was qualified' },
	{ name: 'Lead Updated', value: 'lead.updated', description: 'A lead was updated' },
	{ name: 'Message Received', value: 'message.received', description: 'A lead sent a message' },
	{ name: 'Message Sent', value: 'message.sent', description: 'A message was sent to a lead' },
];
