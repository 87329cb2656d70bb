import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { formatAtOffset } from '../../../shared/time';
import { inputError } from '../../../shared/validation';
import { leadwayRequest, unwrap } from '../../transport';
import { appointmentDetailFields, appointmentIdField, endTimeField, readAppointmentDetails, readAppointmentId, startTimeField } from './fields';
import { readTimeZone, requireAfter, requireFuture, requireMoment } from './time';
import type { Moment } from './time';

const show = { resource: ['calendar'], operation: ['updateAppointment'] };

const properties: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: ([
			...appointmentDetailFields,
			{ ...startTimeField, description: `${String(startTimeField.description)}. To reschedule: a new Start Time alone keeps the appointment's length.` },
			{ ...endTimeField, description: 'When the appointment ends. Left out with a new Start Time: the appointment keeps its length.' },
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description: INodeProperties[] = [
	appointmentIdField(show),
	...updateDisplayOptions({ show }, properties),
];

interface Prepared {
	id: string;
	start?: Moment;
	body: IDataObject;
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Reads and checks the changes (dates included); the router runs it for all items before any is written. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<Prepared> {
	const id = readAppointmentId(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const timeZone = readTimeZone(this, itemIndex, fields.timeZone);
	const body: IDataObject = {};
	let start: Moment | undefined;
	if (!isEmpty(fields.startTime)) {
		start = requireMoment(this, itemIndex, 'Start Time', fields.startTime, timeZone);
		requireFuture(this, itemIndex, 'Start Time', start);
		body.startTime = start.iso;
	}
	if (!isEmpty(fields.endTime)) {
		if (!start) {
			throw inputError(this, itemIndex, 'End Time', 'it was given without a Start Time', 'Add "Start Time" as well: a reschedule gives the new start (and optionally the new end).');
		}
		const end = requireMoment(this, itemIndex, 'End Time', fields.endTime, timeZone);
		requireAfter(this, itemIndex, 'End Time', end, 'Start Time', start);
		body.endTime = end.iso;
	}
	Object.assign(body, readAppointmentDetails(this, itemIndex, fields));
	if (Object.keys(body).length === 0) {
		throw inputError(this, itemIndex, 'Update Fields', 'no field to update was given', 'Add at least one field under "Update Fields" (Time Zone alone changes nothing).');
	}
	return { id, start, body };
}

/**
 * PUT /calendars/events/appointments/{eventId} (SDK: calendars.editAppointment, body
 * AppointmentEditSchema). A new start without an end first reads the appointment
 * (calendars.getAppointment) so that it keeps its length.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const { id, start, body } = (prepared as Prepared | undefined) ?? (await prepare.call(this, itemIndex));
	const sent: IDataObject = { ...body };
	if (start && sent.endTime === undefined) {
		const current = unwrap(await leadwayRequest(this, 'GET', `/calendars/events/appointments/${id}`, { itemIndex }), 'event');
		const length = Date.parse(String(current.endTime)) - Date.parse(String(current.startTime));
		if (!Number.isFinite(length) || length <= 0) {
			throw inputError(this, itemIndex, 'End Time', 'the appointment\'s current length could not be read', 'Fill in "End Time" as well.');
		}
		sent.endTime = formatAtOffset(start.ms + length, start.offsetMinutes);
	}
	return unwrap(await leadwayRequest(this, 'PUT', `/calendars/events/appointments/${id}`, { body: sent, itemIndex }), 'appointment');
}
