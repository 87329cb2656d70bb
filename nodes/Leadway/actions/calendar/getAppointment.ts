import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { leadwayRequest, unwrap } from '../../transport';
import { appointmentIdField, readAppointmentId } from './fields';

export const description: INodeProperties[] = [appointmentIdField({ resource: ['calendar'], operation: ['getAppointment'] })];

/** GET /calendars/events/appointments/{eventId} (SDK: calendars.getAppointment, answers `{ event }`). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readAppointmentId(this, itemIndex);
	return unwrap(await leadwayRequest(this, 'GET', `/calendars/events/appointments/${id}`, { itemIndex }), 'event');
}
