// The channels POST /conversations/messages accepts, and which template type each can use.
import type { INodePropertyOptions } from 'n8n-workflow';

export const CHANNELS: INodePropertyOptions[] = [
	{ name: 'Custom', value: 'Custom', description: 'A custom conversation provider (give its Conversation Provider ID)' },
	{ name: 'Email', value: 'Email' },
	{ name: 'Facebook Messenger', value: 'FB' },
	{ name: 'Instagram', value: 'IG' },
	{ name: 'Live Chat', value: 'Live_Chat' },
	{ name: 'RCS', value: 'RCS' },
	{ name: 'SMS', value: 'SMS' },
	{ name: 'TikTok', value: 'TIKTOK' },
	{ name: 'WhatsApp', value: 'WhatsApp' },
];

/** Template types of GET /locations/{id}/templates that fit each channel. */
export function templateTypeForChannel(channel: string): string | undefined {
	if (channel === 'Email') return 'email';
	if (channel === 'WhatsApp') return 'whatsapp';
	if (channel === 'SMS' || channel === 'RCS') return 'sms';
	return undefined;
}
