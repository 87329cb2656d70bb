import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { leadwayRequest, unwrap } from '../../transport';
import { appointmentIdField, readAppointmentId } from './fields';

export const description: INodeProperties[] = [appointmentIdField({ resource: ['calendar'], operation: ['cancelAppointment'] })];

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readAppointmentId(this, itemIndex);
}

/**
 * Cancel keeps the appointment, with status `cancelled`: PUT /calendars/events/appointments/{eventId}
 * with `{ appointmentStatus: "cancelled" }` (SDK: calendars.editAppointment). The slot becomes free.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const id = (prepared as string | undefined) ?? (await prepare.call(this, itemIndex));
	const body = { appointmentStatus: 'cancelled' };
	return unwrap(await leadwayRequest(this, 'PUT', `/calendars/events/appointments/${id}`, { body, itemIndex }), 'appointment');
}
