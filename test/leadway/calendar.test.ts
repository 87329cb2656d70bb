// Leadway calendars: exact requests per HighLevel's SDK (@gohighlevel/api-client 3.1.0, Calendars
// service: getSlots, createAppointment, getAppointment, editAppointment, deleteEvent, getCalendar,
// getCalendars), and the date checks made before any request.
import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';

import { Leadway } from '../../nodes/Leadway/Leadway.node';
import { useFakeClock } from '../harness/clock';
import { loadOptionsContext, runNode } from '../harness';
import { CONTACT, LOCATION_ID, api, setup } from './fixtures';
import { dtoShape, undeclared } from '../../dev/sandbox/sdk-dtos';

const NOW = Date.parse('2029-12-20T12:00:00Z');

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
	useFakeClock(NOW);
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const CALENDAR_ID = 'calDemo0000000000001';
const EVENT_ID = 'evtOcQHyuzHvysMo5N5V';

/** HighLevel's free-slots answer: one key per day, plus a traceId. */
const FREE_SLOTS = {
	'2030-01-08': { slots: ['2030-01-08T09:00:00-03:00', '2030-01-08T09:30:00-03:00'] },
	'2030-01-07': { slots: ['2030-01-07T14:00:00-03:00'] },
	traceId: '5b4a2c1e-0000-4000-8000-000000000001',
};

/** An appointment as the SDK models the create/edit answer (AppointmentSchemaResponse). */
const APPOINTMENT = {
	id: EVENT_ID,
	calendarId: CALENDAR_ID,
	locationId: LOCATION_ID,
	contactId: CONTACT.id,
	startTime: '2030-01-07T14:00:00-03:00',
	endTime: '2030-01-07T14:30:00-03:00',
	title: 'Demo com Maria',
	appointmentStatus: 'confirmed',
	assignedUserId: 'usrSalesMarcos000001',
	address: 'https://meet.example.com/demo',
	isRecurring: false,
};

const freeSlots = (extra: INodeParameters = {}) =>
	setup({
		resource: 'calendar',
		operation: 'getFreeSlots',
		calendarId: CALENDAR_ID,
		startDate: '2030-01-07T00:00:00',
		endDate: '2030-01-09T00:00:00',
		timeZone: 'America/Sao_Paulo',
		returnAll: true,
		...extra,
	});

describe('Leadway calendar: Get Free Slots', () => {
	it('asks for the range in epoch ms with the time zone, and outputs one item per slot in time order', async () => {
		api()
			.get(`/calendars/${CALENDAR_ID}/free-slots`)
			.query({ startDate: String(Date.parse('2030-01-07T03:00:00Z')), endDate: String(Date.parse('2030-01-09T03:00:00Z')), timezone: 'America/Sao_Paulo' })
			.reply(200, FREE_SLOTS);
		const { items, error } = await runNode(freeSlots());
		expect(error).toBeUndefined();
		const slot = (startTime: string, date: string, dayOfWeek: string) => ({
			json: { startTime, date, dayOfWeek, calendarId: CALENDAR_ID, timeZone: 'America/Sao_Paulo' },
			pairedItem: { item: 0 },
		});
		expect(items).toEqual([
			slot('2030-01-07T14:00:00-03:00', '2030-01-07', 'Monday'),
			slot('2030-01-08T09:00:00-03:00', '2030-01-08', 'Tuesday'),
			slot('2030-01-08T09:30:00-03:00', '2030-01-08', 'Tuesday'),
		]);
	});

	it('sends the optional user, and Limit keeps the earliest slots (the endpoint has no paging)', async () => {
		api()
			.get(`/calendars/${CALENDAR_ID}/free-slots`)
			.query({ startDate: String(Date.parse('2030-01-07T03:00:00Z')), endDate: String(Date.parse('2030-01-09T03:00:00Z')), timezone: 'America/Sao_Paulo', userId: 'usrSalesMarcos000001' })
			.reply(200, FREE_SLOTS);
		const { items } = await runNode(freeSlots({ returnAll: false, limit: 1, options: { userId: 'usrSalesMarcos000001' } }));
		expect(items.map((item) => item.json.startTime)).toEqual(['2030-01-07T14:00:00-03:00']);
	});

	it('outputs no item when the calendar has no free slot', async () => {
		api().get(`/calendars/${CALENDAR_ID}/free-slots`).query(true).reply(200, { traceId: 'x' });
		const { items, error } = await runNode(freeSlots());
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it('refuses an end before the start, an empty time zone and an empty calendar, before any request', async () => {
		const run = async (extra: INodeParameters, input: INodeParameters = {}) => (await runNode(freeSlots(extra), [input])).error?.message;
		expect(await run({ endDate: '2030-01-06T00:00:00-03:00' })).toBe('End Date: 2030-01-06T00:00:00-03:00 is before the Start Date 2030-01-07T00:00:00-03:00 [item 0]');
		expect(await run({ timeZone: '={{ $json.zone }}' }, { zone: ' ' })).toBe('Time Zone: it is empty [item 0]');
		expect(await run({ calendarId: '={{ $json.calendar }}' }, { calendar: '' })).toBe('Calendar: no calendar was chosen [item 0]');
		expect(await run({ startDate: 'next monday' })).toBe('Start Date: "next monday" is not a date and time [item 0]');
	});

	it('lists the calendars of the location for the picker (GET /calendars/?locationId=)', async () => {
		api()
			.get('/calendars/')
			.query({ locationId: LOCATION_ID })
			.reply(200, { calendars: [{ id: CALENDAR_ID, name: 'Demonstração' }, { id: 'calOld', name: 'Antigo', isActive: false }] });
		const context = loadOptionsContext(setup({ resource: 'calendar', operation: 'getFreeSlots' }));
		expect(await new Leadway().methods.loadOptions.getCalendars.call(context)).toEqual([
			{ name: 'Demonstração', value: CALENDAR_ID },
			{ name: 'Antigo', value: 'calOld', description: 'Inactive' },
		]);
	});
});

const book = (extra: INodeParameters = {}, additionalFields: INodeParameters = {}) =>
	setup({
		resource: 'calendar',
		operation: 'bookAppointment',
		calendarId: CALENDAR_ID,
		contactId: byId(CONTACT.id),
		startTime: '2030-01-07T14:00:00-03:00',
		endTime: '',
		additionalFields,
		...extra,
	});

describe('Leadway calendar: Book Appointment', () => {
	it('books start and end as written, with title, status, user, address and the free-slot check off (AppointmentCreateSchema)', async () => {
		const body = {
			calendarId: CALENDAR_ID,
			contactId: CONTACT.id,
			startTime: '2030-01-07T14:00:00-03:00',
			endTime: '2030-01-07T14:45:00-03:00',
			title: 'Demo com Maria',
			appointmentStatus: 'confirmed',
			assignedUserId: 'usrSalesMarcos000001',
			address: 'https://meet.example.com/demo',
			meetingLocationType: 'custom',
			ignoreFreeSlotValidation: true,
			toNotify: false,
			locationId: LOCATION_ID,
		};
		expect(undeclared(dtoShape('calendars', 'AppointmentCreateSchema'), body)).toEqual([]);
		api().post('/calendars/events/appointments', body).reply(201, { ...APPOINTMENT, endTime: '2030-01-07T14:45:00-03:00' });
		const { items, error } = await runNode(
			book(
				{ endTime: '2030-01-07T14:45:00-03:00' },
				{
					title: 'Demo com Maria',
					appointmentStatus: 'confirmed',
					assignedUserId: 'usrSalesMarcos000001',
					address: 'https://meet.example.com/demo',
					meetingLocationType: 'custom',
					ignoreFreeSlotValidation: true,
					toNotify: false,
				},
			),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { ...APPOINTMENT, endTime: '2030-01-07T14:45:00-03:00' }, pairedItem: { item: 0 } }]);
	});

	it('without an end, reads the calendar\'s slot length (GET /calendars/{id}) and sends start + length at the start\'s offset', async () => {
		api().get(`/calendars/${CALENDAR_ID}`).reply(200, { calendar: { id: CALENDAR_ID, name: 'Demo', slotDuration: 30, slotDurationUnit: 'mins' } });
		api()
			.post('/calendars/events/appointments', {
				calendarId: CALENDAR_ID,
				contactId: CONTACT.id,
				startTime: '2030-01-07T14:00:00-03:00',
				endTime: '2030-01-07T14:30:00-03:00',
				locationId: LOCATION_ID,
			})
			.reply(201, APPOINTMENT);
		const { items, error } = await runNode(book());
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual(APPOINTMENT);
	});

	it('a slot length in hours, and a picker date read in the Time Zone given', async () => {
		api().get(`/calendars/${CALENDAR_ID}`).reply(200, { calendar: { id: CALENDAR_ID, slotDuration: 1, slotDurationUnit: 'hours' } });
		api()
			.post('/calendars/events/appointments', {
				calendarId: CALENDAR_ID,
				contactId: CONTACT.id,
				startTime: '2030-01-07T10:00:00-04:00',
				endTime: '2030-01-07T11:00:00-04:00',
				locationId: LOCATION_ID,
			})
			.reply(201, APPOINTMENT);
		const { error } = await runNode(book({ startTime: '2030-01-07T10:00:00' }, { timeZone: 'America/Manaus' }));
		expect(error).toBeUndefined();
	});

	it('a calendar without a usable slot length asks for an End Time', async () => {
		api().get(`/calendars/${CALENDAR_ID}`).reply(200, { calendar: { id: CALENDAR_ID, slotDuration: 30, slotDurationUnit: 'days' } });
		const { error } = await runNode(book());
		expect(error?.message).toBe(`End Time: the calendar ${CALENDAR_ID} gives no usable slot length (30 "days") [item 0]`);
		expect(error?.description).toBe('Fill in "End Time" for this calendar.');
	});

	it('refuses a start in the past, an end before the start, and dates without a time zone, per item, before any request', async () => {
		const { items } = await runNode({ ...book({ startTime: '={{ $json.start }}', endTime: '={{ $json.end }}' }), continueOnFail: true }, [
			{ start: '2029-12-20T08:59:00-03:00', end: '' },
			{ start: '2030-01-07T14:00:00-03:00', end: '2030-01-07T13:30:00-03:00' },
			{ start: '2030-01-07T14:00:00-03:00', end: '2030-01-07T14:00:00-03:00' },
			{ start: '2030-01-07T14:00:00', end: '' },
			{ start: '2030-01-07T14:00:00-03:00', end: '2030-01-07T14:30' },
		]);
		expect(items.map((item) => item.json.error)).toEqual([
			'Start Time: 2029-12-20T08:59:00-03:00 is in the past (now is 2029-12-20T09:00:00-03:00) [item 0]',
			'End Time: 2030-01-07T13:30:00-03:00 is before the Start Time 2030-01-07T14:00:00-03:00 [item 1]',
			'End Time: 2030-01-07T14:00:00-03:00 is the same moment as the Start Time 2030-01-07T14:00:00-03:00 [item 2]',
			'Start Time: "2030-01-07T14:00:00" has no time zone [item 3]',
			'End Time: "2030-01-07T14:30" has no time zone [item 4]',
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	});

	it('without Continue On Fail, one bad item stops the node before any appointment is booked', async () => {
		const { items, error } = await runNode(book({ startTime: '={{ $json.start }}', endTime: '2030-01-07T15:00:00-03:00' }), [
			{ start: '2030-01-07T14:00:00-03:00' },
			{ start: '2030-01-07T16:00:00-03:00' },
		]);
		expect(items).toEqual([]);
		expect(error?.message).toBe('End Time: 2030-01-07T15:00:00-03:00 is before the Start Time 2030-01-07T16:00:00-03:00 [item 1]');
	});
});

describe('Leadway calendar: Get, Update, Cancel and Delete Appointment', () => {
	const EVENT = { ...APPOINTMENT, groupId: 'grp1', users: [], dateAdded: '2029-12-20T12:00:00.000Z', dateUpdated: '2029-12-20T12:00:00.000Z' };

	it('gets an appointment (the SDK\'s `{ event }` answer, unwrapped)', async () => {
		api().get(`/calendars/events/appointments/${EVENT_ID}`).reply(200, { event: EVENT });
		const { items, error } = await runNode(setup({ resource: 'calendar', operation: 'getAppointment', appointmentId: EVENT_ID }));
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: EVENT, pairedItem: { item: 0 } }]);
	});

	it('reschedules with a new start alone: reads the appointment and keeps its length (AppointmentEditSchema)', async () => {
		api().get(`/calendars/events/appointments/${EVENT_ID}`).reply(200, { event: EVENT });
		api()
			.put(`/calendars/events/appointments/${EVENT_ID}`, { startTime: '2030-01-08T10:00:00-03:00', endTime: '2030-01-08T10:30:00-03:00' })
			.reply(200, { ...APPOINTMENT, startTime: '2030-01-08T10:00:00-03:00', endTime: '2030-01-08T10:30:00-03:00' });
		const { items, error } = await runNode(
			setup({ resource: 'calendar', operation: 'updateAppointment', appointmentId: EVENT_ID, updateFields: { startTime: '2030-01-08T10:00:00-03:00' } }),
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: EVENT_ID, startTime: '2030-01-08T10:00:00-03:00', endTime: '2030-01-08T10:30:00-03:00' });
	});

	it('updates start, end and status as given, sending only those', async () => {
		api()
			.put(`/calendars/events/appointments/${EVENT_ID}`, { startTime: '2030-01-08T13:00:00Z', endTime: '2030-01-08T14:00:00Z', appointmentStatus: 'showed' })
			.reply(200, APPOINTMENT);
		const { error } = await runNode(
			setup({
				resource: 'calendar',
				operation: 'updateAppointment',
				appointmentId: EVENT_ID,
				updateFields: { startTime: '2030-01-08T13:00:00Z', endTime: '2030-01-08T14:00:00Z', appointmentStatus: 'showed' },
			}),
		);
		expect(error).toBeUndefined();
	});

	it('refuses an update to the past, an end without a start, and an update with nothing in it', async () => {
		const run = async (updateFields: INodeParameters) =>
			(await runNode(setup({ resource: 'calendar', operation: 'updateAppointment', appointmentId: EVENT_ID, updateFields }))).error?.message;
		expect(await run({ startTime: '2029-01-08T10:00:00-03:00' })).toBe('Start Time: 2029-01-08T10:00:00-03:00 is in the past (now is 2029-12-20T09:00:00-03:00) [item 0]');
		expect(await run({ endTime: '2030-01-08T10:00:00-03:00' })).toBe('End Time: it was given without a Start Time [item 0]');
		expect(await run({ timeZone: 'UTC' })).toBe('Update Fields: no field to update was given [item 0]');
		expect(await run({ appointmentStatus: 'done' })).toBe('Appointment Status: "done" is not one of the options [item 0]');
	});

	it('updates every detail field at once, sending exactly AppointmentEditSchema fields (no locationId or contactId)', async () => {
		const updateFields = {
			title: 'Demo remarcada',
			appointmentStatus: 'confirmed',
			assignedUserId: 'usrSdrAna00000000002',
			address: 'Av. Paulista, 1000',
			meetingLocationType: 'address',
			meetingLocationId: 'loc1',
			overrideLocationConfig: true,
			description: 'Levar proposta',
			ignoreDateRange: false,
			toNotify: true,
			ignoreFreeSlotValidation: false,
		};
		const body = { startTime: '2030-01-08T13:00:00Z', endTime: '2030-01-08T14:00:00Z', ...updateFields };
		expect(undeclared(dtoShape('calendars', 'AppointmentEditSchema'), body)).toEqual([]);
		expect(undeclared(dtoShape('calendars', 'AppointmentEditSchema'), { ...body, locationId: LOCATION_ID })).toEqual(['property locationId should not exist']);
		api().put(`/calendars/events/appointments/${EVENT_ID}`, body).reply(200, APPOINTMENT);
		const { error } = await runNode(
			setup({
				resource: 'calendar',
				operation: 'updateAppointment',
				appointmentId: EVENT_ID,
				updateFields: { ...updateFields, startTime: '2030-01-08T13:00:00Z', endTime: '2030-01-08T14:00:00Z', timeZone: 'America/Sao_Paulo' },
			}),
		);
		expect(error).toBeUndefined();
		expect(undeclared(dtoShape('calendars', 'AppointmentEditSchema'), { appointmentStatus: 'cancelled' })).toEqual([]);
	});

	it('cancels an appointment: status cancelled, the record stays', async () => {
		api().put(`/calendars/events/appointments/${EVENT_ID}`, { appointmentStatus: 'cancelled' }).reply(200, { ...APPOINTMENT, appointmentStatus: 'cancelled' });
		const { items, error } = await runNode(setup({ resource: 'calendar', operation: 'cancelAppointment', appointmentId: EVENT_ID }));
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { ...APPOINTMENT, appointmentStatus: 'cancelled' }, pairedItem: { item: 0 } }]);
	});

	it('deletes an appointment (DELETE /calendars/events/{id}, no body) and answers { deleted: true }', async () => {
		api()
			.delete(`/calendars/events/${EVENT_ID}`, (body) => body === '' || body === undefined)
			.reply(200, { succeeded: true });
		const { items, error } = await runNode(setup({ resource: 'calendar', operation: 'deleteAppointment', appointmentId: EVENT_ID }));
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true, id: EVENT_ID }, pairedItem: { item: 0 } }]);
	});
});
