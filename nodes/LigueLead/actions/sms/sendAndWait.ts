// Send and Wait for Response by SMS (never flash: flash SMS refuse links). One phone, one campaign,
// sent like any SMS; the output shows the parts and credits, link included.
import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { checkSmsParts, SEND_AND_WAIT, sendAndWaitOperation, sendAndWaitProperties } from '../../../shared/sendAndWait';
import { checkMaxLength, inputError, requireText } from '../../../shared/validation';
import { readPhones, sendCampaigns } from '../common';
import type { CampaignRequest } from '../common';
import { buildSmsBody, MAX_SMS_LENGTH, shapeSmsResult, titleField } from './send';

const show = { resource: ['sms'], operation: [SEND_AND_WAIT] };

export const description: INodeProperties[] = [
	{
		displayName: 'Phone',
		name: 'phones',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. (11) 99999-9999',
		description: 'The one Brazilian mobile number to ask, in any format (with or without +55, DDD in brackets, dashes…)',
		displayOptions: { show },
	},
	...updateDisplayOptions({ show }, [titleField]),
	...sendAndWaitProperties('sms', {
		messageDescription:
			'What to ask. The response link goes on the next line and counts: the link alone is about 90 to 170 characters. Accents such as ã, õ, ç switch the SMS to UCS-2 (70 characters per part instead of 160).',
		sms: true,
	}),
];

const operation = sendAndWaitOperation<CampaignRequest>({
	async prepare(itemIndex, request) {
		const title = requireText(this, itemIndex, 'Report Title', this.getNodeParameter('title', itemIndex)).trim();
		const phones = readPhones(this, itemIndex, { allowLandlines: false });
		if (phones.length !== 1) {
			// One person answers: with a list, whoever answers first would decide for everyone.
			throw inputError(this, itemIndex, 'Phone', `it has ${phones.length} numbers`, 'Send and Wait asks one person: give one phone number. To ask several people, loop over them.');
		}
		checkMaxLength(this, itemIndex, 'Message', request.smsText, MAX_SMS_LENGTH);
		checkSmsParts(this, itemIndex, request);
		const body = buildSmsBody({ title, message: request.smsText, phones });
		delete body.phones;
		return { body, phones, sendToMany: false };
	},
	async send(itemIndex, prepared): Promise<IDataObject> {
		const [result] = await sendCampaigns(this, [itemIndex], '/sms', () => prepared, shapeSmsResult);
		if (result instanceof Error) throw result;
		return result as IDataObject;
	},
});

export const { prepare, execute, waitForResponse } = operation;
