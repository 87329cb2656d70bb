import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact, requireText } from '../../../shared/validation';
import { leadwayRequest, unwrap } from '../../transport';
import { contactLocatorField, readContactId } from '../common';

const show = { resource: ['contact'], operation: ['addNote'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Note',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'Text of the note',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'string',
				default: '',
				description: 'ID of the Leadway user shown as the note\'s author',
			},
		],
	},
];

export const description: INodeProperties[] = [contactLocatorField(show), ...updateDisplayOptions({ show }, properties)];

/** Reads and checks the note; the router runs it for all items before any is added. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<{ id: string; body: IDataObject }> {
	const id = readContactId(this, itemIndex);
	const text = requireText(this, itemIndex, 'Note', this.getNodeParameter('body', itemIndex));
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = compact({ body: text, userId: typeof extra.userId === 'string' ? extra.userId.trim() : undefined });
	return { id, body };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as { id: string; body: IDataObject } | undefined) ?? (await prepare.call(this, itemIndex));
	return unwrap(await leadwayRequest(this, 'POST', `/contacts/${id}/notes`, { body, itemIndex }), 'note');
}
