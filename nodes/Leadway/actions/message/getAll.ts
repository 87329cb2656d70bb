import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/descriptions';
import { collectCursor } from '../../../shared/pagination';
import type { CursorPage } from '../../../shared/pagination';
import { leadwayRequest } from '../../transport';
import { readId } from '../common';
import { readLimit } from '../../../shared/validation';

const show = { resource: ['message'], operation: ['getAll'] };

/** Page size asked for; HighLevel documents a default of 20 and no maximum, 100 is what we ask at most. */
const MAX_PAGE_SIZE = 100;

export const MESSAGE_TYPES = [
	'TYPE_ACTIVITY_APPOINTMENT',
	'TYPE_ACTIVITY_CONTACT',
	'TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG',
	'TYPE_ACTIVITY_INVOICE',
	'TYPE_ACTIVITY_OPPORTUNITY',
	'TYPE_ACTIVITY_PAYMENT',
	'TYPE_CALL',
	'TYPE_EMAIL',
	'TYPE_FACEBOOK',
	'TYPE_GMB',
	'TYPE_INSTAGRAM',
	'TYPE_INTERNAL_COMMENTS',
	'TYPE_LIVE_CHAT',
	'TYPE_SMS',
	'TYPE_WHATSAPP',
];

function typeName(value: string): string {
	const words = value.replace(/^TYPE_/, '').toLowerCase().split('_');
	const named = words.map((word) =>
		word === 'sms' || word === 'gmb' ? word.toUpperCase() : word === 'whatsapp' ? 'WhatsApp' : word[0].toUpperCase() + word.slice(1),
	);
	return named.join(' ');
}

const properties: INodeProperties[] = [
	{
		displayName: 'Conversation ID',
		name: 'conversationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ABC12h2F6uBrIkfXYazb',
		description: 'The conversationId that Send returned, or one from a trigger event',
	},
	...returnAllFields(show, 10000),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Message Types',
				name: 'types',
				type: 'multiOptions',
				options: MESSAGE_TYPES.map((value) => ({ name: typeName(value), value })),
				default: [],
				description: 'Only messages of these kinds',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

/** The list arrives as `{messages: {lastMessageId, nextPage, messages: [...]}}` (spec) or flat. */
export function toMessagePage(body: unknown): CursorPage<string> {
	const outer = (body ?? {}) as IDataObject;
	const inner = outer.messages && !Array.isArray(outer.messages) ? (outer.messages as IDataObject) : outer;
	const records = Array.isArray(inner.messages) ? (inner.messages as IDataObject[]) : [];
	const next =
		inner.nextPage === true && typeof inner.lastMessageId === 'string' && inner.lastMessageId !== ''
			? inner.lastMessageId
			: undefined;
	return { records, next };
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const conversationId = readId(this, itemIndex, 'conversationId', 'Conversation ID');
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : (readLimit(this, itemIndex));
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const types = Array.isArray(filters.types) ? (filters.types as string[]) : [];
	return await collectCursor<string>(
		async (lastMessageId, pageSize) => {
			const qs: IDataObject = { limit: pageSize };
			if (lastMessageId) qs.lastMessageId = lastMessageId;
			if (types.length > 0) qs.type = types.join(',');
			return toMessagePage(
				await leadwayRequest(this, 'GET', `/conversations/${conversationId}/messages`, { qs, itemIndex }),
			);
		},
		{ returnAll, limit, maxPerPage: MAX_PAGE_SIZE },
	);
}
