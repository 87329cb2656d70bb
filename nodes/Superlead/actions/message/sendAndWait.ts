// Send and Wait for Response on WhatsApp: a text with the response link, sent like any Superlead send.
import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { SEND_AND_WAIT, sendAndWaitOperation, sendAndWaitProperties } from '../../../shared/sendAndWait';
import { checkMaxLength } from '../../../shared/validation';
import { readRecipient } from '../common';
import { TEXT_MAX } from './content';
import { buildSendBody, defaultIdempotencyKey, leadFields, readLeadCreation, sendPrepared, toField } from './send';
import type { PreparedSend } from './send';

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show: { resource: ['message'], operation: [SEND_AND_WAIT] } }, [toField, ...leadFields]),
	...sendAndWaitProperties('message', {
		messageDescription: `What to ask. The response link goes below it (all together at most ${TEXT_MAX} characters). A free-form text reaches the lead only within 24 hours of their last message.`,
	}),
];

const operation = sendAndWaitOperation<PreparedSend>({
	async prepare(itemIndex, request) {
		const { to, isPhone } = readRecipient(this, itemIndex, this.getNodeParameter('to', itemIndex));
		checkMaxLength(this, itemIndex, 'Message', request.text, TEXT_MAX);
		const body = buildSendBody(to, { type: 'text', text: { body: request.text } }, {});
		const { createLead, leadName } = readLeadCreation(this, itemIndex, isPhone);
		const key = defaultIdempotencyKey(this, itemIndex, body);
		return { to, body, key, createLead, leadName, wait: false, timeoutSeconds: 0, intervalSeconds: 0 };
	},
	async send(itemIndex, prepared) {
		return await sendPrepared(this, itemIndex, prepared);
	},
});

export const { prepare, execute, waitForResponse } = operation;
