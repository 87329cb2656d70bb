// The AI-SDR example (dev/workflows/leadway-ai-sdr-booking.json) in a real n8n: a signed inbound
// message reaches the published Leadway CRM Trigger; the workflow gets the calendar's free slots from
// tomorrow on, books the first, creates a follow-up task and answers the lead over the same channel.
// Every request the sandbox recorded is asserted, with the values derived from the event, the
// free-slots answer and the execution's own start (the workflow asks from "tomorrow" in São Paulo).
'use strict';
const assert = require('node:assert/strict');
const { webhookUrl } = require('../../dev/lib/setup');
const { waitForExecution, nodeOutput } = require('../../dev/lib/n8n');
const { waitFor } = require('../../dev/lib/proc');
const { assertRequests } = require('./expectations');
const { tally } = require('./helpers');

const FILE = 'leadway-ai-sdr-booking.json';
const CALENDAR = 'sandboxCalendarDemo1';
const ZONE_OFFSET_MS = -3 * 3600 * 1000; // America/Sao_Paulo, without daylight saving since 2019
const DAY_MS = 86400 * 1000;

/** Midnight in São Paulo `days` days after the São Paulo day of `ms`, as epoch ms. */
function saoPauloMidnight(ms, days) {
	const local = ms + ZONE_OFFSET_MS;
	return Math.floor(local / DAY_MS) * DAY_MS + days * DAY_MS - ZONE_OFFSET_MS;
}

/** `2030-01-07T09:30:00-03:00` for a moment, at São Paulo's offset. */
function atSaoPaulo(ms) {
	return `${new Date(ms + ZONE_OFFSET_MS).toISOString().slice(0, 19)}-03:00`;
}

async function runAiSdrWorkflow(stack) {
	const { sandbox, client } = stack;
	const wf = stack.provisioned.workflows.find((w) => w.file === FILE);
	assert.ok(wf, `${FILE} was not imported`);
	assert.ok(wf.trigger, `${FILE} is recognised as a trigger workflow, so the dev setup publishes it`);
	const trigger = wf.nodes.find((n) => n.webhookId);
	const url = webhookUrl(stack.webhookBase, trigger);
	await waitFor(
		`n8n to serve the webhook ${url}`,
		async () => {
			const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
			await res.text();
			return res.status !== 404;
		},
		{ timeoutMs: 90000, intervalMs: 300 },
	);
	const before = sandbox.requests({ provider: 'leadway' }).length;
	const delivered = await sandbox.deliver({ provider: 'leadway', to: url });
	assert.equal(delivered.status, 200, `the signed inbound message must get 200, got ${delivered.status}: ${JSON.stringify(delivered.body)}`);
	const event = JSON.parse(delivered.sent.body);

	const [listed] = await waitFor(
		`the execution of "${wf.name}" to finish`,
		async () => {
			const list = await client.listExecutions(wf.id);
			return list.length > 0 && list.every((e) => !['new', 'running', 'waiting'].includes(e.status)) ? list : false;
		},
		{ timeoutMs: 120000, intervalMs: 300 },
	);
	assert.equal((await client.listExecutions(wf.id)).length, 1, 'one inbound message, one execution');
	const { execution, data } = await waitForExecution(client, stack.install, listed.id);
	const failed = Object.entries(data.resultData.runData)
		.filter(([, runs]) => runs[0].error)
		.map(([name, runs]) => `${name}: ${runs[0].error.message} ${runs[0].error.description || ''}`);
	assert.equal(execution.status, 'success', `execution ${listed.id} ended ${execution.status}: ${failed.join('; ')}`);

	const records = sandbox.requests({ provider: 'leadway' }).slice(before);
	const auth = { authorization: `Bearer ${sandbox.credentials.leadwayApi.accessToken}`, version: '2021-07-28' };
	const locationId = sandbox.credentials.leadwayApi.locationId;

	// 1. Free slots from tomorrow 00:00 to 8 days later, São Paulo time. `$now` is read while the
	// execution runs, so the range is the one of its start or of its end (a midnight may fall between).
	const [slotsRequest] = records;
	assert.equal(`${slotsRequest.method} ${slotsRequest.path}`, `GET /calendars/${CALENDAR}/free-slots`);
	assert.equal(slotsRequest.headers.authorization, auth.authorization);
	assert.equal(slotsRequest.headers.version, auth.version);
	const ranges = [Date.parse(execution.startedAt), Date.parse(execution.stoppedAt)].map((ms) => ({
		startDate: String(saoPauloMidnight(ms, 1)),
		endDate: String(saoPauloMidnight(ms, 8)),
		timezone: 'America/Sao_Paulo',
	}));
	assert.ok(
		ranges.some((range) => JSON.stringify(range) === JSON.stringify(slotsRequest.query)),
		`free-slots query ${JSON.stringify(slotsRequest.query)} is none of ${JSON.stringify(ranges)}`,
	);
	const offered = Object.entries(slotsRequest.responseBody)
		.filter(([day]) => /^\d{4}-\d{2}-\d{2}$/.test(day))
		.flatMap(([, entry]) => entry.slots);
	assert.ok(offered.length > 0, 'the sandbox calendar offers slots in the coming week');
	const first = offered.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
	assert.deepEqual(nodeOutput(data, 'Get Free Slots').map((s) => s.startTime), [first], 'Get Free Slots (Limit 1) outputs the earliest slot');

	// 2–5. Slot length, booking, task, reply over the channel the lead wrote on.
	const endTime = atSaoPaulo(Date.parse(first) + 30 * 60 * 1000);
	const when = `${first.slice(8, 10)}/${first.slice(5, 7)} às ${first.slice(11, 16)}`;
	assertRequests(
		records.slice(1),
		[
			{ method: 'GET', url: `/leadway/calendars/${CALENDAR}`, headers: auth, body: undefined },
			{
				method: 'POST',
				url: '/leadway/calendars/events/appointments',
				headers: auth,
				status: 201,
				body: {
					calendarId: CALENDAR,
					contactId: event.contactId,
					startTime: first,
					title: 'Demonstração (agendada pelo SDR)',
					assignedUserId: 'sandboxUserSales0001',
					locationId,
					endTime,
				},
			},
			{
				method: 'POST',
				url: `/leadway/contacts/${event.contactId}/tasks`,
				headers: auth,
				status: 201,
				body: { title: 'Preparar a demonstração', dueDate: first, completed: false, body: `Lead escreveu: ${event.body}`, assignedTo: 'sandboxUserSales0001' },
			},
			{
				method: 'POST',
				url: '/leadway/conversations/messages',
				headers: auth,
				status: 201,
				body: { type: event.messageType, contactId: event.contactId, message: `Perfeito! Sua demonstração está marcada para ${when} (horário de Brasília). Até lá!` },
			},
		],
		'Leadway AI-SDR booking',
	);
	assert.equal(nodeOutput(data, 'Book Appointment')[0].id, records[2].responseBody.id, 'the booking output carries the appointment the API created');
	assert.equal(nodeOutput(data, 'Create Follow-up Task')[0].id, records[3].responseBody.task.id);
	assert.equal(nodeOutput(data, 'Reply to Lead')[0].messageId, records[4].responseBody.messageId);
	const stored = sandbox.state('leadway').appointments.find((a) => a.id === records[2].responseBody.id);
	assert.ok(stored && stored.startTime === first, 'the sandbox kept the appointment');
	tally.requests += records.length;
	tally.executions += 1;
	return records.length;
}

module.exports = { runAiSdrWorkflow };
