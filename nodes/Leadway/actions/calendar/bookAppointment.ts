import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getLocationId, leadwayRequest, unwrap } from '../../transport';
import { contactLocatorField, readContactId } from '../common';
import { appointmentDetailFields, calendarField, endFromSlotLength, endTimeField, readAppointmentDetails, readCalendarId, startTimeField } from './fields';
import { readTimeZone, requireAfter, requireFuture, requireMoment } from './time';
import type { Moment } from './time';

const show = { resource: ['calendar'], operation: ['bookAppointment'] };

const properties: INodeProperties[] = [
	{ ...calendarField, required: true },
	{ ...startTimeField, required: true },
	endTimeField,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: appointmentDetailFields,
	},
];

export const description: INodeProperties[] = [
	...updateDisplayOptions({ show }, properties.slice(0, 1)),
	contactLocatorField(show, { description: 'The contact the appointment is booked for' }),
	...updateDisplayOptions({ show }, properties.slice(1)),
];

interface Prepared {
	calendarId: string;
	start: Moment;
	body: IDataObject;
}

/** Reads and checks the booking (dates included); the router runs it for all items before any is booked. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const calendarId = readCalendarId(this, itemIndex, this.getNodeParameter('calendarId', itemIndex, ''));
	const contactId = readContactId(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const timeZone = readTimeZone(this, itemIndex, fields.timeZone);
	const start = requireMoment(this, itemIndex, 'Start Time', this.getNodeParameter('startTime', itemIndex, ''), timeZone);
	requireFuture(this, itemIndex, 'Start Time', start);
	const rawEnd = this.getNodeParameter('endTime', itemIndex, '') as unknown;
	const body: IDataObject = { calendarId, contactId, startTime: start.iso };
	if (!(rawEnd === undefined || rawEnd === null || (typeof rawEnd === 'string' && rawEnd.trim() === ''))) {
		const end = requireMoment(this, itemIndex, 'End Time', rawEnd, timeZone);
		requireAfter(this, itemIndex, 'End Time', end, 'Start Time', start);
		body.endTime = end.iso;
	}
	Object.assign(body, readAppointmentDetails(this, itemIndex, fields));
	return { calendarId, start, body };
}

/** POST /calendars/events/appointments (SDK: calendars.createAppointment, body AppointmentCreateSchema). */
export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const { calendarId, start, body } = (prepared as Prepared | undefined) ?? (await prepare.call(this, itemIndex));
	const locationId = await getLocationId(this, itemIndex);
	const endTime = body.endTime ?? (await endFromSlotLength(this, itemIndex, calendarId, start));
	const sent: IDataObject = { ...body, locationId, endTime };
	return unwrap(await leadwayRequest(this, 'POST', '/calendars/events/appointments', { body: sent, itemIndex }), 'appointment');
}
