// Send and Wait for Response on WhatsApp: a text with the response link, sent like any text.
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { sendAndWaitOperation, sendAndWaitProperties } from '../../../shared/sendAndWait';
import { readRecipient } from '../common';
import { sendWhatsApp } from './send';

export const description: INodeProperties[] = sendAndWaitProperties('whatsAppMessage', {
	messageDescription:
		'What to ask. The response link goes below it. A free-form text reaches the lead only within 24 hours of their last message.',
});

const operation = sendAndWaitOperation<IDataObject>({
	async prepare(itemIndex, request) {
		return { ...readRecipient(this, itemIndex), type: 'text', text: request.text };
	},
	async send(itemIndex, body) {
		return await sendWhatsApp(this, itemIndex, body);
	},
});

export const { prepare, execute, waitForResponse } = operation;
