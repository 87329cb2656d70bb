// Send and Wait for Response on Leadway's text channels: the message with the response link, sent
// like any Leadway message (same contact lookup, same request). Email gets an HTML part with a button.
import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import {
	checkSmsParts,
	escapeHtml,
	SEND_AND_WAIT,
	sendAndWaitOperation,
	sendAndWaitProperties,
} from '../../../shared/sendAndWait';
import type { ResponseRequest } from '../../../shared/sendAndWait';
import type { SmsSize } from '../../../shared/sms';
import { inputError } from '../../../shared/validation';
import { CHANNELS } from './channels';
import { channelField, contactFields, sendMessage, subjectField } from './send';
import type { SendInput } from './send';

const show = { resource: ['message'], operation: [SEND_AND_WAIT] };

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show }, [
		{
			...channelField,
			// Custom needs a conversation provider set up per location; it is left to the plain Send.
			options: CHANNELS.filter((channel) => channel.value !== 'Custom'),
		},
		...contactFields,
		{ ...subjectField, required: true },
	]),
	...sendAndWaitProperties('message', {
		messageDescription:
			'What to ask. The response link goes below it (for email, also as a button). On SMS the link counts: it alone is about 90 to 170 characters.',
		sms: true,
		smsWhen: { type: ['SMS'] },
	}),
];

/** The email's HTML part: the message as typed (escaped), then the link as a button. */
export function responseEmailHtml(request: ResponseRequest): string {
	const label = escapeHtml(request.buttonLabel);
	const message = escapeHtml(request.message).replace(/\r?\n/g, '<br>');
	return (
		`<p>${message}</p>` +
		`<p><a href="${escapeHtml(request.url)}" style="display:inline-block;padding:10px 20px;border-radius:6px;background:#1d6ef5;color:#ffffff;text-decoration:none">${label}</a></p>`
	);
}

interface Prepared {
	input: SendInput;
	sms?: SmsSize;
}

const operation = sendAndWaitOperation<Prepared>({
	async prepare(itemIndex, request) {
		const type = this.getNodeParameter('type', itemIndex) as string;
		if (type === 'SMS') {
			return { input: { type, message: request.smsText }, sms: checkSmsParts(this, itemIndex, request) };
		}
		if (type === 'Email') {
			const subject = String(this.getNodeParameter('subject', itemIndex, '') ?? '');
			if (subject.trim() === '') {
				throw inputError(this, itemIndex, 'Subject', 'it is empty', 'Fill in the subject of the email.');
			}
			return { input: { type, subject, message: request.text, html: responseEmailHtml(request) } };
		}
		return { input: { type, message: request.text } };
	},
	async send(itemIndex, { input, sms }): Promise<IDataObject> {
		const sent = await sendMessage(this, itemIndex, input);
		return sms ? { ...sent, encoding: sms.encoding, characters: sms.characters, parts: sms.parts } : sent;
	},
});

export const { prepare, execute, waitForResponse } = operation;
