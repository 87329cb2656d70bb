'use strict';
// Leadway (HighLevel) tasks, users, calendars and appointments for the sandbox. Paths, queries and
// bodies as HighLevel's SDK (@gohighlevel/api-client 3.1.0) names them: Contacts service (tasks),
// Users.getUserByLocation, Calendars service (getCalendars, getCalendar, getSlots,
// createAppointment, getAppointment, editAppointment, deleteEvent). State is kept: tasks and
// appointments can be read back, and booked appointments take their slot out of the free slots.
//
// Free slots are computed, never random: each seeded calendar is open Monday to Friday 09:00–12:00
// and 14:00–17:00 in its own time zone, with slots of its slot length every slot interval; a slot
// is free when it starts inside the asked range, after the sandbox's clock, and no appointment of
// the calendar that is not cancelled overlaps it.

const { isObject, isText, ids } = require('../core');

const APPOINTMENT_STATUSES = ['new', 'confirmed', 'cancelled', 'showed', 'noshow', 'invalid'];
const MEETING_LOCATION_TYPES = ['custom', 'zoom', 'gmeet', 'phone', 'address', 'ms_teams', 'google'];
const OPEN_WINDOWS = [
	[9 * 60, 12 * 60],
	[14 * 60, 17 * 60],
];
const MINUTE = 60_000;
const DAY = 86_400_000;
// Not documented by HighLevel; a guard so that a huge range cannot make the sandbox loop for long.
const MAX_RANGE_DAYS = 366;

function seedCalendarState(locationId) {
	const users = [
		{ id: 'sandboxUserSales0001', name: 'Marcos Lima', firstName: 'Marcos', lastName: 'Lima', email: 'marcos@example.com', phone: '+5511911110001', deleted: false },
		{ id: 'sandboxUserSdr000002', name: 'Ana Souza', firstName: 'Ana', lastName: 'Souza', email: 'ana@example.com', phone: '+5511911110002', deleted: false },
	];
	const calendar = (id, name, slotDuration, teamMembers) => ({
		id,
		locationId,
		name,
		isActive: true,
		calendarType: 'round_robin',
		timeZone: 'America/Sao_Paulo',
		slotDuration,
		slotDurationUnit: 'mins',
		slotInterval: 30,
		slotIntervalUnit: 'mins',
		teamMembers: teamMembers.map((userId) => ({ userId, priority: 0.5 })),
	});
	return {
		users,
		calendars: [calendar('sandboxCalendarDemo1', 'Demonstração', 30, [users[0].id, users[1].id]), calendar('sandboxCalendarVisit', 'Visita técnica', 60, [users[0].id])],
		appointments: [],
		tasks: [],
	};
}

/** How far `timeZone` is ahead of UTC at `utcMs`, in ms. */
function zoneOffsetMs(utcMs, timeZone) {
	const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(utcMs));
	const part = (type) => Number(parts.find((p) => p.type === type).value);
	return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - Math.floor(utcMs / 1000) * 1000;
}

/** The UTC moment of a wall-clock time (ms since epoch, read as if UTC) in `timeZone`. */
function wallToUtc(wallMs, timeZone) {
	const guess = wallMs - zoneOffsetMs(wallMs, timeZone);
	return wallMs - zoneOffsetMs(guess, timeZone);
}

/** `2030-01-07T09:00:00-03:00`, as HighLevel writes slots. */
function formatInZone(ms, timeZone) {
	const offset = Math.round(zoneOffsetMs(ms, timeZone) / MINUTE);
	const clock = new Date(ms + offset * MINUTE).toISOString().slice(0, 19);
	const abs = Math.abs(offset);
	const pad = (n) => String(n).padStart(2, '0');
	return `${clock}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function isTimeZone(zone) {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
		return isText(zone);
	} catch {
		return false;
	}
}

const UNIT_MS = { mins: MINUTE, hours: 60 * MINUTE };
const slotLengthMs = (calendar) => calendar.slotDuration * (UNIT_MS[calendar.slotDurationUnit] ?? MINUTE);

/** Every slot start the calendar's open hours give between `fromMs` and `toMs`. */
function candidateSlots(calendar, fromMs, toMs) {
	const zone = calendar.timeZone;
	const length = slotLengthMs(calendar);
	const step = calendar.slotInterval * (UNIT_MS[calendar.slotIntervalUnit] ?? MINUTE);
	const firstDay = Math.floor((fromMs + zoneOffsetMs(fromMs, zone)) / DAY) * DAY;
	const starts = [];
	for (let day = firstDay; day <= toMs + zoneOffsetMs(toMs, zone); day += DAY) {
		const weekday = new Date(day).getUTCDay();
		if (weekday === 0 || weekday === 6) continue;
		for (const [open, close] of OPEN_WINDOWS) {
			for (let minute = open; minute * MINUTE + length <= close * MINUTE; minute += step / MINUTE) {
				const start = wallToUtc(day + minute * MINUTE, zone);
				if (start >= fromMs && start <= toMs) starts.push(start);
			}
		}
	}
	return starts;
}

const overlaps = (aStart, aEnd, bStart, bEnd) => aStart < bEnd && bStart < aEnd;

function isFree(state, calendar, startMs, endMs, exceptId) {
	return !state.appointments.some(
		(a) => a.calendarId === calendar.id && a.id !== exceptId && a.appointmentStatus !== 'cancelled' && overlaps(startMs, endMs, Date.parse(a.startTime), Date.parse(a.endTime)),
	);
}

/** A bookable slot: one the open hours give, in the future, not taken. */
function isFreeSlot(state, calendar, startMs, endMs, exceptId) {
	if (startMs <= Date.now()) return false;
	if (!candidateSlots(calendar, startMs, startMs).includes(startMs)) return false;
	return isFree(state, calendar, startMs, endMs, exceptId);
}

const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const isZonedIso = (value) => typeof value === 'string' && ZONED_ISO.test(value) && !Number.isNaN(Date.parse(value));

function appointmentResponse(a) {
	const { calendarId, locationId, contactId, startTime, endTime, title, meetingLocationType, appointmentStatus, assignedUserId, address, isRecurring, rrule, id } = a;
	const shown = { calendarId, locationId, contactId, startTime, endTime, title, meetingLocationType, appointmentStatus, assignedUserId, address, isRecurring, rrule, id };
	for (const key of Object.keys(shown)) if (shown[key] === undefined) delete shown[key];
	return shown;
}

const APPOINTMENT_FIELDS = ['title', 'meetingLocationType', 'meetingLocationId', 'overrideLocationConfig', 'appointmentStatus', 'assignedUserId', 'description', 'address', 'rrule', 'calendarId', 'startTime', 'endTime'];
const TASK_FIELDS = ['title', 'body', 'dueDate', 'completed', 'assignedTo'];

/** Routes of the tasks, users and calendars, given the provider's helpers. */
function calendarRoutes({ checkLocation, findContact, badRequest, unprocessable, notFound }) {
	const findCalendar = (state, id) => state.calendars.find((c) => c.id === id);
	const findAppointment = (state, id) => state.appointments.find((a) => a.id === id);

	function appointmentProblems(state, body, { create }) {
		const problems = [];
		if (create) for (const key of ['calendarId', 'contactId', 'startTime']) if (!isText(body[key])) problems.push(`${key} should not be empty`);
		for (const key of ['startTime', 'endTime']) if (body[key] !== undefined && !isZonedIso(body[key])) problems.push(`${key} must be a valid ISO 8601 date string with a time zone`);
		if (body.appointmentStatus !== undefined && !APPOINTMENT_STATUSES.includes(body.appointmentStatus)) problems.push(`appointmentStatus must be one of the following values: ${APPOINTMENT_STATUSES.join(', ')}`);
		if (body.meetingLocationType !== undefined && !MEETING_LOCATION_TYPES.includes(body.meetingLocationType)) problems.push(`meetingLocationType must be one of the following values: ${MEETING_LOCATION_TYPES.join(', ')}`);
		for (const key of ['ignoreDateRange', 'toNotify', 'ignoreFreeSlotValidation', 'overrideLocationConfig']) if (body[key] !== undefined && typeof body[key] !== 'boolean') problems.push(`${key} must be a boolean value`);
		if (body.assignedUserId !== undefined && !state.users.some((u) => u.id === body.assignedUserId)) problems.push('assignedUserId must be a user of the location');
		return problems;
	}

	/** The end a booking gets (the calendar's slot length when none is sent), or a refusal. */
	function checkSlot(state, calendar, startTime, endTime, ignore, exceptId) {
		const startMs = Date.parse(startTime);
		const endMs = endTime === undefined ? startMs + slotLengthMs(calendar) : Date.parse(endTime);
		if (endMs <= startMs) return { refused: badRequest('endTime must be after startTime') };
		// HighLevel's wording for a taken or closed slot, as integrators report it (not in its reference).
		if (ignore !== true && !isFreeSlot(state, calendar, startMs, endMs, exceptId)) return { refused: badRequest('The slot you have selected is no longer available.') };
		return { endTime: endTime ?? formatInZone(endMs, calendar.timeZone) };
	}

	function taskOf(state, params) {
		const contact = findContact(state, params.id);
		if (!contact) return { refused: badRequest('Contact not found') };
		const task = params.taskId === undefined ? undefined : state.tasks.find((t) => t.id === params.taskId && t.contactId === contact.id);
		if (params.taskId !== undefined && !task) return { refused: notFound('Task') };
		return { contact, task };
	}

	function taskProblems(body, { create }) {
		const problems = [];
		if (create) {
			if (!isText(body.title)) problems.push('title should not be empty');
			if (body.dueDate === undefined) problems.push('dueDate should not be empty');
			if (typeof body.completed !== 'boolean') problems.push('completed must be a boolean value');
		}
		if (body.title !== undefined && !isText(body.title)) problems.push('title must be a string');
		if (body.body !== undefined && typeof body.body !== 'string') problems.push('body must be a string');
		if (body.dueDate !== undefined && !isZonedIso(body.dueDate)) problems.push('dueDate must be a valid ISO 8601 date string with a time zone');
		if (body.completed !== undefined && typeof body.completed !== 'boolean') problems.push('completed must be a boolean value');
		if (body.assignedTo !== undefined && !isText(body.assignedTo)) problems.push('assignedTo must be a string');
		return problems;
	}

	const pick = (body, fields) => Object.fromEntries(fields.filter((key) => body[key] !== undefined).map((key) => [key, body[key]]));

	return [
		['GET', '/users/', ({ state, query }) => checkLocation(query.locationId) ?? { status: 200, body: { users: state.users } }],
		['GET', '/calendars/', ({ state, query }) => checkLocation(query.locationId) ?? { status: 200, body: { calendars: state.calendars } }],
		['GET', '/calendars/:id', ({ state, params }) => {
			const calendar = findCalendar(state, params.id);
			return calendar ? { status: 200, body: { calendar } } : notFound('Calendar');
		}],
		['GET', '/calendars/:id/free-slots', ({ state, params, query }) => {
			const calendar = findCalendar(state, params.id);
			if (!calendar) return notFound('Calendar');
			const problems = [];
			const startDate = Number(query.startDate);
			const endDate = Number(query.endDate);
			if (!/^\d+$/.test(String(query.startDate ?? ''))) problems.push('startDate must be a number (epoch milliseconds)');
			if (!/^\d+$/.test(String(query.endDate ?? ''))) problems.push('endDate must be a number (epoch milliseconds)');
			if (query.timezone !== undefined && !isTimeZone(query.timezone)) problems.push('timezone must be a valid IANA time zone');
			if (problems.length > 0) return unprocessable(problems);
			if (endDate < startDate) return badRequest('endDate must be after startDate');
			if (endDate - startDate > MAX_RANGE_DAYS * DAY) return badRequest(`The date range can be at most ${MAX_RANGE_DAYS} days`);
			if (isText(query.userId) && !calendar.teamMembers.some((m) => m.userId === query.userId)) return badRequest('The user is not a team member of this calendar');
			const zone = query.timezone ?? calendar.timeZone;
			const length = slotLengthMs(calendar);
			const answer = {};
			for (const start of candidateSlots(calendar, startDate, endDate)) {
				if (start <= Date.now() || !isFree(state, calendar, start, start + length)) continue;
				const text = formatInZone(start, zone);
				const day = text.slice(0, 10);
				(answer[day] ??= { slots: [] }).slots.push(text);
			}
			return { status: 200, body: { ...answer, traceId: ids.uuid() } };
		}],
		['POST', '/calendars/events/appointments', ({ state, body }) => {
			const denied = checkLocation(body.locationId);
			if (denied) return denied;
			const problems = appointmentProblems(state, body, { create: true });
			if (problems.length > 0) return unprocessable(problems);
			const calendar = findCalendar(state, body.calendarId);
			if (!calendar) return badRequest('Calendar not found');
			if (!findContact(state, body.contactId)) return badRequest('Contact not found');
			const slot = checkSlot(state, calendar, body.startTime, body.endTime, body.ignoreFreeSlotValidation);
			if (slot.refused) return slot.refused;
			const now = new Date().toISOString();
			const appointment = {
				title: 'Appointment',
				appointmentStatus: 'confirmed',
				...pick(body, APPOINTMENT_FIELDS),
				endTime: slot.endTime,
				id: ids.highLevel(),
				locationId: body.locationId,
				contactId: body.contactId,
				groupId: '',
				users: [],
				isRecurring: false,
				dateAdded: now,
				dateUpdated: now,
			};
			state.appointments.push(appointment);
			return { status: 201, body: appointmentResponse(appointment) };
		}],
		['GET', '/calendars/events/appointments/:id', ({ state, params }) => {
			const appointment = findAppointment(state, params.id);
			return appointment ? { status: 200, body: { event: appointment } } : notFound('Appointment');
		}],
		['PUT', '/calendars/events/appointments/:id', ({ state, params, body }) => {
			const appointment = findAppointment(state, params.id);
			if (!appointment) return notFound('Appointment');
			const problems = appointmentProblems(state, body, { create: false });
			if (problems.length > 0) return unprocessable(problems);
			const calendar = findCalendar(state, body.calendarId ?? appointment.calendarId);
			if (!calendar) return badRequest('Calendar not found');
			const changes = pick(body, APPOINTMENT_FIELDS);
			if (body.startTime !== undefined || body.endTime !== undefined) {
				const startTime = body.startTime ?? appointment.startTime;
				const endTime = body.endTime ?? (body.startTime === undefined ? appointment.endTime : undefined);
				const slot = checkSlot(state, calendar, startTime, endTime, body.ignoreFreeSlotValidation, appointment.id);
				if (slot.refused) return slot.refused;
				changes.endTime = slot.endTime;
			}
			Object.assign(appointment, changes, { dateUpdated: new Date().toISOString() });
			return { status: 200, body: appointmentResponse(appointment) };
		}],
		['DELETE', '/calendars/events/:id', ({ state, params }) => {
			const appointment = findAppointment(state, params.id);
			if (!appointment) return notFound('Event');
			state.appointments = state.appointments.filter((a) => a !== appointment);
			return { status: 200, body: { succeeded: true } };
		}],
		['GET', '/contacts/:id/tasks', ({ state, params }) => {
			const { refused, contact } = taskOf(state, params);
			return refused ?? { status: 200, body: { tasks: state.tasks.filter((t) => t.contactId === contact.id) } };
		}],
		['POST', '/contacts/:id/tasks', ({ state, params, body }) => {
			const { refused, contact } = taskOf(state, params);
			if (refused) return refused;
			const problems = isObject(body) ? taskProblems(body, { create: true }) : ['the body must be a JSON object'];
			if (problems.length > 0) return unprocessable(problems);
			const task = { id: ids.highLevel(), ...pick(body, TASK_FIELDS), contactId: contact.id };
			state.tasks.push(task);
			return { status: 201, body: { task } };
		}],
		['GET', '/contacts/:id/tasks/:taskId', ({ state, params }) => {
			const { refused, task } = taskOf(state, params);
			return refused ?? { status: 200, body: { task } };
		}],
		['PUT', '/contacts/:id/tasks/:taskId', ({ state, params, body }) => {
			const { refused, task } = taskOf(state, params);
			if (refused) return refused;
			const problems = taskProblems(body ?? {}, { create: false });
			if (problems.length > 0) return unprocessable(problems);
			Object.assign(task, pick(body ?? {}, TASK_FIELDS));
			return { status: 200, body: { task } };
		}],
		['PUT', '/contacts/:id/tasks/:taskId/completed', ({ state, params, body }) => {
			const { refused, task } = taskOf(state, params);
			if (refused) return refused;
			if (typeof body?.completed !== 'boolean') return unprocessable(['completed must be a boolean value']);
			task.completed = body.completed;
			return { status: 200, body: { task } };
		}],
		['DELETE', '/contacts/:id/tasks/:taskId', ({ state, params }) => {
			const { refused, task } = taskOf(state, params);
			if (refused) return refused;
			state.tasks = state.tasks.filter((t) => t !== task);
			return { status: 200, body: { succeded: true } };
		}],
	];
}

module.exports = { seedCalendarState, calendarRoutes, formatInZone };
