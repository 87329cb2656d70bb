// Fields and readers shared by the calendar operations. Paths, bodies and queries follow HighLevel's
// SDK (@gohighlevel/api-client 3.1.0, Calendars service): AppointmentCreateSchema and
// AppointmentEditSchema are the only fields an appointment write sends.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkMaxLength, inputError, textValue } from '../../../shared/validation';
import { leadwayRequest, unwrap } from '../../transport';
import { readBoolean, readId, readPickedId } from '../common';
import { timeZoneField } from './time';
import type { Moment } from './time';
import { formatAtOffset } from '../../../shared/time';

export const calendarField: INodeProperties = {
	displayName: 'Calendar Name or ID',
	name: 'calendarId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCalendars' },
	default: '',
	description:
		'A calendar of the location. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const assignedUserField: INodeProperties = {
	displayName: 'Assigned User Name or ID',
	name: 'assignedUserId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: '',
	description:
		'The Leadway user who takes the appointment. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** HighLevel's appointment statuses (its API reference; the SDK types the field as a plain string). */
export const APPOINTMENT_STATUS_OPTIONS = [
	{ name: 'Cancelled', value: 'cancelled' },
	{ name: 'Confirmed', value: 'confirmed' },
	{ name: 'Invalid', value: 'invalid' },
	{ name: 'New', value: 'new' },
	{ name: 'No Show', value: 'noshow' },
	{ name: 'Showed', value: 'showed' },
];
const APPOINTMENT_STATUSES = APPOINTMENT_STATUS_OPTIONS.map((option) => option.value);

/** HighLevel's meeting location types (its API reference; the SDK types the field as a plain string). */
export const MEETING_LOCATION_OPTIONS = [
	{ name: 'Address', value: 'address' },
	{ name: 'Custom', value: 'custom' },
	{ name: 'Google (Calendar Integration)', value: 'google' },
	{ name: 'Google Meet', value: 'gmeet' },
	{ name: 'Microsoft Teams', value: 'ms_teams' },
	{ name: 'Phone', value: 'phone' },
	{ name: 'Zoom', value: 'zoom' },
];
const MEETING_LOCATIONS = MEETING_LOCATION_OPTIONS.map((option) => option.value);

export function appointmentIdField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Appointment ID',
		name: 'appointmentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ocQHyuzHvysMo5N5VsXc',
		description: 'The ID of the appointment (Book Appointment\'s output, or the event ID of a trigger). For one occurrence of a recurring appointment, its instance ID.',
		displayOptions: { show },
	};
}

export const startTimeField: INodeProperties = {
	displayName: 'Start Time',
	name: 'startTime',
	type: 'dateTime',
	default: '',
	description: 'When the appointment starts, with its UTC offset (e.g. 2030-01-07T09:00:00-03:00, as Get Free Slots gives it), or set Time Zone',
};

export const endTimeField: INodeProperties = {
	displayName: 'End Time',
	name: 'endTime',
	type: 'dateTime',
	default: '',
	description: 'When the appointment ends. Left empty: the start plus the calendar\'s slot length.',
};

/** Fields Book Appointment and Update Appointment both offer (AppointmentCreateSchema ∩ AppointmentEditSchema). */
export const appointmentDetailFields: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		placeholder: 'e.g. Av. Paulista, 1000 - São Paulo, or a meeting link',
		description: 'Where the meeting takes place: a street address, a phone number or a link',
	},
	{ displayName: 'Appointment Status', name: 'appointmentStatus', type: 'options', options: APPOINTMENT_STATUS_OPTIONS, default: 'confirmed' },
	assignedUserField,
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{
		displayName: 'Ignore Date Range',
		name: 'ignoreDateRange',
		type: 'boolean',
		default: false,
		description: 'Whether to book outside the range of days the calendar allows bookings for',
	},
	{
		displayName: 'Ignore Free Slot Check',
		name: 'ignoreFreeSlotValidation',
		type: 'boolean',
		default: false,
		description: 'Whether to book even when the time is not a free slot of the calendar (e.g. to double-book on purpose)',
	},
	{ displayName: 'Meeting Location Type', name: 'meetingLocationType', type: 'options', options: MEETING_LOCATION_OPTIONS, default: 'custom' },
	{
		displayName: 'Meeting Location ID',
		name: 'meetingLocationId',
		type: 'string',
		default: '',
		description: 'ID of one of the meeting locations configured on the calendar',
	},
	{
		displayName: 'Notify',
		name: 'toNotify',
		type: 'boolean',
		default: true,
		description: 'Whether Leadway runs the calendar\'s notifications and automations for this booking',
	},
	{
		displayName: 'Override Location Config',
		name: 'overrideLocationConfig',
		type: 'boolean',
		default: false,
		description: 'Whether the Meeting Location Type given here replaces the calendar\'s configured location (HighLevel expects this on when a type is given without a Meeting Location ID)',
	},
	timeZoneField(),
	{ displayName: 'Title', name: 'title', type: 'string', default: '', placeholder: 'e.g. Demo with Maria' },
];

export function readAppointmentId(ctx: IExecuteFunctions, itemIndex: number): string {
	return readId(ctx, itemIndex, 'appointmentId', 'Appointment ID');
}

export function readCalendarId(ctx: IExecuteFunctions, itemIndex: number, raw: unknown): string {
	return readPickedId(ctx, itemIndex, raw, 'Calendar', 'Pick the calendar from the list, or give its ID.');
}

function readChoice(ctx: IExecuteFunctions, itemIndex: number, label: string, value: unknown, allowed: string[]): string {
	const text = textValue(ctx, itemIndex, label, value).trim();
	if (!allowed.includes(text)) {
		throw inputError(ctx, itemIndex, label, `"${text.slice(0, 40)}" is not one of the options`, `Use one of: ${allowed.join(', ')}.`);
	}
	return text;
}

/** The detail fields that were set, checked, as the SDK's DTOs name them. */
export function readAppointmentDetails(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.title !== undefined) {
		const title = textValue(ctx, itemIndex, 'Title', fields.title).trim();
		checkMaxLength(ctx, itemIndex, 'Title', title, 255);
		if (title !== '') body.title = title;
	}
	if (fields.meetingLocationType !== undefined) body.meetingLocationType = readChoice(ctx, itemIndex, 'Meeting Location Type', fields.meetingLocationType, MEETING_LOCATIONS);
	const meetingLocationId = textValue(ctx, itemIndex, 'Meeting Location ID', fields.meetingLocationId).trim();
	if (meetingLocationId !== '') body.meetingLocationId = meetingLocationId;
	if (fields.overrideLocationConfig !== undefined) body.overrideLocationConfig = readBoolean(ctx, itemIndex, 'Override Location Config', fields.overrideLocationConfig);
	if (fields.appointmentStatus !== undefined) body.appointmentStatus = readChoice(ctx, itemIndex, 'Appointment Status', fields.appointmentStatus, APPOINTMENT_STATUSES);
	const assignedUserId = textValue(ctx, itemIndex, 'Assigned User', fields.assignedUserId).trim();
	if (assignedUserId !== '') body.assignedUserId = assignedUserId;
	if (fields.description !== undefined) {
		const description = textValue(ctx, itemIndex, 'Description', fields.description);
		if (description.trim() !== '') body.description = description;
	}
	if (fields.address !== undefined) {
		const address = textValue(ctx, itemIndex, 'Address', fields.address).trim();
		if (address !== '') body.address = address;
	}
	if (fields.ignoreDateRange !== undefined) body.ignoreDateRange = readBoolean(ctx, itemIndex, 'Ignore Date Range', fields.ignoreDateRange);
	if (fields.toNotify !== undefined) body.toNotify = readBoolean(ctx, itemIndex, 'Notify', fields.toNotify);
	if (fields.ignoreFreeSlotValidation !== undefined) {
		body.ignoreFreeSlotValidation = readBoolean(ctx, itemIndex, 'Ignore Free Slot Check', fields.ignoreFreeSlotValidation);
	}
	return body;
}

const UNIT_MS: Record<string, number> = { mins: 60_000, min: 60_000, minutes: 60_000, hours: 3_600_000, hour: 3_600_000 };

/**
 * The end of an appointment that starts at `start` and lasts the calendar's slot length
 * (GET /calendars/{calendarId}, SDK: calendars.getCalendar; `slotDuration` in `slotDurationUnit`,
 * minutes when the calendar gives no unit, which was HighLevel's only unit before units existed).
 */
export async function endFromSlotLength(ctx: IExecuteFunctions, itemIndex: number, calendarId: string, start: Moment): Promise<string> {
	const calendar = unwrap(await leadwayRequest(ctx, 'GET', `/calendars/${encodeURIComponent(calendarId)}`, { itemIndex }), 'calendar');
	const duration = Number(calendar.slotDuration);
	const unit = calendar.slotDurationUnit === undefined || calendar.slotDurationUnit === null ? 'mins' : String(calendar.slotDurationUnit).toLowerCase();
	const unitMs = UNIT_MS[unit];
	if (!Number.isFinite(duration) || duration <= 0 || unitMs === undefined) {
		throw inputError(
			ctx,
			itemIndex,
			'End Time',
			`the calendar ${calendarId} gives no usable slot length (${JSON.stringify(calendar.slotDuration ?? null)} ${JSON.stringify(calendar.slotDurationUnit ?? null)})`,
			'Fill in "End Time" for this calendar.',
		);
	}
	return formatAtOffset(start.ms + duration * unitMs, start.offsetMinutes);
}
