import type { INodeProperties } from 'n8n-workflow';

export const webhookIdField = (operation: string): INodeProperties => ({
	displayName: 'Webhook ID',
	name: 'webhookId',
	type: 'string',
	required: true,
	default: '',
	description: 'ID of the webhook, as returned by Create or Get Many',
	displayOptions: { show: { resource: ['webhook'], operation: [operation] } },
});
