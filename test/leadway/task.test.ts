// Leadway tasks (a contact's tasks): exact requests per HighLevel's SDK (@gohighlevel/api-client 3.1.0,
// Contacts service: createTask, getTask, getAllTasks, updateTask, updateTaskCompleted, deleteTask).
import nock from 'nock';

import { Leadway } from '../../nodes/Leadway/Leadway.node';
import { loadOptionsContext, runNode } from '../harness';
import { CONTACT, LOCATION_ID, api, setup } from './fixtures';
import { dtoShape, undeclared } from '../../dev/sandbox/sdk-dtos';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** A task as the SDK models it (TaskSchema). */
const TASK = {
	id: 'tsk5vJ2cMXCMWmWgvAFq',
	title: 'Ligar para Maria antes da demo',
	body: 'Confirmar o horário e o endereço.',
	assignedTo: 'usrSalesMarcos000001',
	dueDate: '2030-01-07T18:00:00-03:00',
	completed: false,
	contactId: CONTACT.id,
};
const TASKS_PATH = `/contacts/${CONTACT.id}/tasks`;

describe('Leadway task', () => {
	it('creates a task with title, body, due date (offset kept) and assigned user; completed defaults to false', async () => {
		api()
			.post(TASKS_PATH, { title: TASK.title, dueDate: TASK.dueDate, completed: false, body: TASK.body, assignedTo: TASK.assignedTo })
			.reply(201, { task: TASK });
		const { items, error } = await runNode(
			setup({
				resource: 'task',
				operation: 'create',
				contactId: byId(CONTACT.id),
				title: ` ${TASK.title} `,
				dueDate: TASK.dueDate,
				additionalFields: { body: TASK.body, assignedTo: TASK.assignedTo },
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: TASK, pairedItem: { item: 0 } }]);
	});

	it('reads a picker date without offset in the Time Zone given, and sends completed: true when set', async () => {
		api()
			.post(TASKS_PATH, { title: 'Enviar proposta', dueDate: '2030-01-07T18:00:00-03:00', completed: true })
			.reply(201, { task: { ...TASK, title: 'Enviar proposta', completed: true } });
		const { error } = await runNode(
			setup({
				resource: 'task',
				operation: 'create',
				contactId: byId(CONTACT.id),
				title: 'Enviar proposta',
				dueDate: '2030-01-07T18:00:00',
				additionalFields: { timeZone: 'America/Sao_Paulo', completed: true },
			}),
		);
		expect(error).toBeUndefined();
	});

	it('refuses a due date without a time zone, an unknown time zone and an unreadable date, per item, before any request', async () => {
		const { items } = await runNode(
			setup(
				{
					resource: 'task',
					operation: 'create',
					contactId: byId(CONTACT.id),
					title: 'X',
					dueDate: '={{ $json.due }}',
					additionalFields: { timeZone: '={{ $json.zone }}' },
				},
				{ continueOnFail: true },
			),
			[
				{ due: '2030-01-07T18:00:00', zone: '' },
				{ due: '2030-01-07T18:00:00', zone: 'Brasil/Sao Paulo' },
				{ due: 'amanhã às 18h', zone: 'America/Sao_Paulo' },
				{ due: '2030-02-30T18:00:00Z', zone: '' },
			],
		);
		expect(items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Due Date: "2030-01-07T18:00:00" has no time zone [item 0]', { item: 0 }],
			['Time Zone: "Brasil/Sao Paulo" is not a time zone [item 1]', { item: 1 }],
			['Due Date: "amanhã às 18h" is not a date and time [item 2]', { item: 2 }],
			['Due Date: "2030-02-30T18:00:00Z" is not a date and time [item 3]', { item: 3 }],
		]);
		expect(items[0].json.errorDescription).toContain('2030-01-07T09:00:00-03:00');
	});

	it('refuses an empty title naming the field and the item', async () => {
		const { items, error } = await runNode(setup({ resource: 'task', operation: 'create', contactId: byId(CONTACT.id), title: '  ', dueDate: TASK.dueDate }));
		expect(items).toEqual([]);
		expect(error?.message).toBe('Title: it is empty [item 0]');
	});

	it('gets a task of a contact', async () => {
		api().get(`${TASKS_PATH}/${TASK.id}`).reply(200, { task: TASK });
		const { items, error } = await runNode(setup({ resource: 'task', operation: 'get', contactId: byId(CONTACT.id), taskId: TASK.id }));
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: TASK, pairedItem: { item: 0 } }]);
	});

	it('lists the tasks of a contact: the endpoint has no paging, Limit keeps the first N of its answer', async () => {
		const tasks = [TASK, { ...TASK, id: 'tsk2' }, { ...TASK, id: 'tsk3' }];
		api().get(TASKS_PATH).query({}).reply(200, { tasks });
		const limited = await runNode(setup({ resource: 'task', operation: 'getAll', contactId: byId(CONTACT.id), returnAll: false, limit: 2 }));
		expect(limited.error).toBeUndefined();
		expect(limited.items.map((item) => item.json.id)).toEqual([TASK.id, 'tsk2']);

		api().get(TASKS_PATH).query({}).reply(200, { tasks });
		const all = await runNode(setup({ resource: 'task', operation: 'getAll', contactId: byId(CONTACT.id), returnAll: true }));
		expect(all.items.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[TASK.id, { item: 0 }],
			['tsk2', { item: 0 }],
			['tsk3', { item: 0 }],
		]);
	});

	it('updates only the fields set (UpdateTaskBody), with a new due date in UTC', async () => {
		api()
			.put(`${TASKS_PATH}/${TASK.id}`, { title: 'Nova data', dueDate: '2030-01-08T12:00:00Z' })
			.reply(200, { task: { ...TASK, title: 'Nova data', dueDate: '2030-01-08T12:00:00Z' } });
		const { items, error } = await runNode(
			setup({ resource: 'task', operation: 'update', contactId: byId(CONTACT.id), taskId: TASK.id, updateFields: { title: 'Nova data', dueDate: '2030-01-08T12:00:00Z' } }),
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: TASK.id, title: 'Nova data' });
	});

	it('refuses an update with nothing to change (a Time Zone alone changes nothing)', async () => {
		const { error } = await runNode(
			setup({ resource: 'task', operation: 'update', contactId: byId(CONTACT.id), taskId: TASK.id, updateFields: { timeZone: 'America/Sao_Paulo' } }),
		);
		expect(error?.message).toBe('Update Fields: no field to update was given [item 0]');
	});

	it('marks a task completed, and incomplete again (PUT …/completed)', async () => {
		api().put(`${TASKS_PATH}/${TASK.id}/completed`, { completed: true }).reply(200, { task: { ...TASK, completed: true } });
		api().put(`${TASKS_PATH}/${TASK.id}/completed`, { completed: false }).reply(200, { task: TASK });
		const done = await runNode(setup({ resource: 'task', operation: 'markCompleted', contactId: byId(CONTACT.id), taskId: TASK.id, completed: true }));
		expect(done.items).toEqual([{ json: { ...TASK, completed: true }, pairedItem: { item: 0 } }]);
		const open = await runNode(setup({ resource: 'task', operation: 'markCompleted', contactId: byId(CONTACT.id), taskId: TASK.id, completed: false }));
		expect(open.items).toEqual([{ json: TASK, pairedItem: { item: 0 } }]);
	});

	it('refuses a Completed that is not true or false', async () => {
		const { error } = await runNode(
			setup({ resource: 'task', operation: 'markCompleted', contactId: byId(CONTACT.id), taskId: TASK.id, completed: '={{ $json.done }}' }),
			[{ done: 'sim' }],
		);
		expect(error?.message).toBe('Completed: it is not true or false [item 0]');
	});

	it('deletes a task and answers { deleted: true }', async () => {
		api().delete(`${TASKS_PATH}/${TASK.id}`).reply(200, { succeded: true });
		const { items, error } = await runNode(setup({ resource: 'task', operation: 'delete', contactId: byId(CONTACT.id), taskId: TASK.id }));
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true, id: TASK.id, contactId: CONTACT.id }, pairedItem: { item: 0 } }]);
	});

	it('refuses an empty Task ID before any request', async () => {
		const { error } = await runNode(setup({ resource: 'task', operation: 'delete', contactId: byId(CONTACT.id), taskId: ' ' }));
		expect(error?.message).toBe('Task ID: it is empty [item 0]');
	});

	it('every task body carries only fields of the SDK\'s DTO for its endpoint', () => {
		const full = { title: 'x', body: 'y', dueDate: TASK.dueDate, completed: true, assignedTo: 'u' };
		expect(Object.keys(dtoShape('contacts', 'CreateTaskParams')).sort()).toEqual(Object.keys(full).sort());
		expect(undeclared(dtoShape('contacts', 'CreateTaskParams'), full)).toEqual([]);
		expect(undeclared(dtoShape('contacts', 'UpdateTaskBody'), full)).toEqual([]);
		expect(undeclared(dtoShape('contacts', 'UpdateTaskStatusParams'), { completed: true })).toEqual([]);
		// The check itself can fail: a field the DTO lacks is reported.
		expect(undeclared(dtoShape('contacts', 'UpdateTaskBody'), { ...full, dueDateTimezone: 'x' })).toEqual(['property dueDateTimezone should not exist']);
	});

	it('lists the users of the location for the Assigned User picker (GET /users/?locationId=)', async () => {
		api()
			.get('/users/')
			.query({ locationId: LOCATION_ID })
			.reply(200, {
				users: [
					{ id: 'usrSalesMarcos000001', name: 'Marcos Lima', email: 'marcos@empresa.com.br' },
					{ id: 'usrSdrAna00000000002', firstName: 'Ana', lastName: 'Souza' },
					{ id: 'usrGone', name: 'Ex-funcionário', deleted: true },
				],
			});
		const context = loadOptionsContext(setup({ resource: 'task', operation: 'create' }));
		expect(await new Leadway().methods.loadOptions.getUsers.call(context)).toEqual([
			{ name: 'Marcos Lima (marcos@empresa.com.br)', value: 'usrSalesMarcos000001' },
			{ name: 'Ana Souza', value: 'usrSdrAna00000000002' },
		]);
	});
});
