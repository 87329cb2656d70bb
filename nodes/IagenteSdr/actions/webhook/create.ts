import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkUrl, inputError, requireText } from '../../../shared/validation';
import { iagenteRequest, unwrapRecord } from '../../transport';
import { WEBHOOK_EVENTS } from './events';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'CRM sync',
		description: 'A name to recognise this webhook in IAGENTE SDR',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com/webhook',
		description: 'Where IAGENTE SDR will POST the events. To receive them in n8n, use the IAGENTE SDR Trigger node instead: it registers itself.',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: WEBHOOK_EVENTS,
		required: true,
		default: [],
	},
	{
		displayName: 'Include Signing Secret in Output',
		name: 'includeSecret',
		type: 'boolean',
		default: false,
		description:
			'Whether to output the signing secret IAGENTE SDR returns. It is shown only once; you need it to check signatures in your own receiver. Off by default so it does not end up in execution logs.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['create'] } },
	properties,
);

export function hideSecret(record: IDataObject, include: boolean): IDataObject {
	if (include || record.signing_secret === undefined) return record;
	return { ...record, signing_secret: '[hidden: turn on "Include Signing Secret in Output"]' };
}

/** Reads and checks the webhook; the router runs it for all items before any is created. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex));
	const url = checkUrl(this, itemIndex, 'URL', requireText(this, itemIndex, 'URL', this.getNodeParameter('url', itemIndex)));
	const events = this.getNodeParameter('events', itemIndex, []) as string[];
	if (events.length === 0) {
		throw inputError(this, itemIndex, 'Events', 'no event was chosen', 'Pick at least one event to receive.');
	}
	return { name, url, events };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? (await prepare.call(this, itemIndex));
	const record = unwrapRecord(await iagenteRequest(this, 'POST', '/webhooks', { body, itemIndex }));
	return hideSecret(record, this.getNodeParameter('includeSecret', itemIndex, false) as boolean);
}
