import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/descriptions';
import { inputError, readLimit, textValue } from '../../../shared/validation';
import { leadwayRequest } from '../../transport';
import { calendarField, readCalendarId } from './fields';
import { readTimeZone, requireAfter, requireMoment, timeZoneField } from './time';

const show = { resource: ['calendar'], operation: ['getFreeSlots'] };

const properties: INodeProperties[] = [
	{ ...calendarField, required: true },
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'First moment to look for free slots from. A date without a UTC offset is read in the Time Zone below.',
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Last moment to look for free slots until. A date alone means its midnight: to include all of 7 January, end on 8 January.',
	},
	{
		...timeZoneField({
			description:
				'IANA time zone of the slots Leadway returns (sent as `timezone`), and in which Start Date and End Date are read when written without a UTC offset',
		}),
		required: true,
	},
	...returnAllFields(show, 1000),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'User Name or ID',
				name: 'userId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getUsers' },
				default: '',
				description:
					'Only the slots of this team member of the calendar. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions({ show }, properties);

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * HighLevel answers `{ "2030-01-07": { "slots": ["2030-01-07T09:00:00-03:00", …] }, …, "traceId": … }`
 * (the SDK types it as `any`; SlotsSchema is the per-day object). Flattened into one record per slot,
 * in time order.
 */
export function flattenSlots(response: unknown, calendarId: string, timeZone: string): IDataObject[] {
	if (!response || typeof response !== 'object' || Array.isArray(response)) return [];
	const slots: Array<{ ms: number; record: IDataObject }> = [];
	for (const [day, entry] of Object.entries(response as IDataObject)) {
		if (!DAY_KEY.test(day) || !entry || typeof entry !== 'object') continue;
		const list = (entry as IDataObject).slots;
		if (!Array.isArray(list)) continue;
		for (const slot of list) {
			if (typeof slot !== 'string') continue;
			const ms = Date.parse(slot);
			if (Number.isNaN(ms)) continue;
			slots.push({ ms, record: { startTime: slot, date: day, dayOfWeek: weekday(ms, timeZone), calendarId, timeZone } });
		}
	}
	return slots.sort((a, b) => a.ms - b.ms).map((slot) => slot.record);
}

function weekday(ms: number, timeZone: string): string {
	return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long' }).format(new Date(ms));
}

/** GET /calendars/{calendarId}/free-slots (SDK: calendars.getSlots; query startDate, endDate in epoch ms, timezone, userId). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const calendarId = readCalendarId(this, itemIndex, this.getNodeParameter('calendarId', itemIndex, ''));
	const timeZone = readTimeZone(this, itemIndex, this.getNodeParameter('timeZone', itemIndex, ''));
	if (!timeZone) {
		throw inputError(this, itemIndex, 'Time Zone', 'it is empty', 'Give the IANA time zone of the slots, e.g. America/Sao_Paulo.');
	}
	const start = requireMoment(this, itemIndex, 'Start Date', this.getNodeParameter('startDate', itemIndex, ''), timeZone);
	const end = requireMoment(this, itemIndex, 'End Date', this.getNodeParameter('endDate', itemIndex, ''), timeZone);
	requireAfter(this, itemIndex, 'End Date', end, 'Start Date', start);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? 0 : readLimit(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { startDate: start.ms, endDate: end.ms, timezone: timeZone };
	const userId = textValue(this, itemIndex, 'User', options.userId).trim();
	if (userId !== '') qs.userId = userId;
	const response = await leadwayRequest<IDataObject>(this, 'GET', `/calendars/${encodeURIComponent(calendarId)}/free-slots`, { qs, itemIndex });
	const slots = flattenSlots(response, calendarId, timeZone);
	return returnAll ? slots : slots.slice(0, limit);
}
