import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { leadwayRequest } from '../../transport';
import { appointmentIdField, readAppointmentId } from './fields';

export const description: INodeProperties[] = [appointmentIdField({ resource: ['calendar'], operation: ['deleteAppointment'] })];

export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<string> {
	return readAppointmentId(this, itemIndex);
}

/**
 * DELETE /calendars/events/{eventId} (SDK: calendars.deleteEvent). Its body type,
 * DeleteAppointmentSchema, declares no field, so nothing is sent.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const id = (prepared as string | undefined) ?? (await prepare.call(this, itemIndex));
	await leadwayRequest(this, 'DELETE', `/calendars/events/${id}`, { itemIndex });
	return { deleted: true, id: decodeURIComponent(id) };
}
