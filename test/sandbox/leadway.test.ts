// The real Leadway CRM node and trigger against the sandbox, over real sockets.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { LeadwayApi } from '../../credentials/LeadwayApi.credentials';
import { Leadway } from '../../nodes/Leadway/Leadway.node';
import { LeadwayTrigger } from '../../nodes/Leadway/LeadwayTrigger.node';
import { loadOptionsContext, runNode } from '../harness';
import type { Setup } from '../harness';
import { expectForgeriesRefused, startTriggerBridge, useSandbox } from './helpers';

const sandbox = useSandbox();

const credentials = (data: IDataObject = {}): Setup['credentials'] => ({
	leadwayApi: { type: LeadwayApi, data: { ...sandbox().credentials.leadwayApi, ...data } },
});
const setup = (parameters: Setup['parameters']): Setup => ({ node: Leadway, credentials: credentials(), parameters });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Leadway node against the sandbox', () => {
	it('creates a contact in the credential location, with the token and the Version header', async () => {
		const { items, error } = await runNode(
			setup({ resource: 'contact', operation: 'create', email: 'carla@example.com', phone: '(11) 97777-6666', additionalFields: { firstName: 'Carla' } }),
		);
		expect(error).toBeUndefined();
		const [request] = sandbox().requests({ provider: 'leadway' });
		expect(request).toMatchObject({
			method: 'POST',
			path: '/contacts/',
			status: 201,
			body: { locationId: 'sandbox-location-1', email: 'carla@example.com', phone: '+5511977776666', firstName: 'Carla' },
		});
		expect(request.headers).toMatchObject({ authorization: 'Bearer sandbox-leadway-token', version: '2021-07-28' });
		expect(items[0].json).toMatchObject({ locationId: 'sandbox-location-1', email: 'carla@example.com', firstName: 'Carla' });
	});

	it('a token of another location is refused: 403 for a Location ID it does not own', async () => {
		const { error } = await runNode({
			...setup({ resource: 'contact', operation: 'create', email: 'x@example.com', phone: '' }),
			credentials: credentials({ locationId: 'someone-elses-location' }),
		});
		expect(sandbox().requests()[0].status).toBe(403);
		expect(error?.message).toContain('does not have access to this location');
	});

	it('a wrong token gets HighLevel\'s 401 envelope', async () => {
		const { error } = await runNode({ ...setup({ resource: 'contact', operation: 'get', contactId: byId('sandboxContact0000001') }), credentials: credentials({ accessToken: 'sandbox-wrong' }) });
		expect(sandbox().requests()[0].responseBody).toEqual({ statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' });
		expect(error?.message).toContain('Invalid token');
	});

	it('searches contacts (POST /contacts/search), adds tags and a note, updates and deletes', async () => {
		const search = await runNode(setup({ resource: 'contact', operation: 'getAll', returnAll: true, query: 'silva' }));
		expect(search.error).toBeUndefined();
		expect(search.items.map((item) => item.json.id)).toEqual(['sandboxContact0000001']);
		expect(sandbox().requests({ path: '/contacts/search' })[0].body).toMatchObject({ locationId: 'sandbox-location-1', query: 'silva', page: 1 });

		const id = byId('sandboxContact0000001');
		expect((await runNode(setup({ resource: 'contact', operation: 'addTags', contactId: id, tags: 'vip, pago' }))).error).toBeUndefined();
		expect(sandbox().state('leadway').contacts[0].tags).toEqual(['cliente', 'vip', 'pago']);
		expect((await runNode(setup({ resource: 'contact', operation: 'addNote', contactId: id, body: 'Ligou às 9h' }))).error).toBeUndefined();
		expect(sandbox().state('leadway').notes).toEqual([expect.objectContaining({ body: 'Ligou às 9h', contactId: 'sandboxContact0000001' })]);
		expect((await runNode(setup({ resource: 'contact', operation: 'update', contactId: id, updateFields: { city: 'Santos' } }))).error).toBeUndefined();
		expect(sandbox().requests({ method: 'PUT' })[0]).toMatchObject({ path: '/contacts/sandboxContact0000001', status: 200, body: { city: 'Santos' } });
		expect((await runNode(setup({ resource: 'contact', operation: 'delete', contactId: id }))).error).toBeUndefined();
		expect(sandbox().state('leadway').contacts.map((c: IDataObject) => c.id)).toEqual(['sandboxContact0000002']);
	});

	it('searches with a filter condition and a sort, as the node builds them', async () => {
		await runNode(setup({ resource: 'contact', operation: 'create', email: 'ana@example.com', phone: '', additionalFields: { firstName: 'Ana', tags: 'cliente' } }));
		const { items, error } = await runNode(
			setup({
				resource: 'contact',
				operation: 'getAll',
				returnAll: true,
				filters: { condition: [{ field: 'tags', operator: 'eq', value: 'cliente' }] },
				options: { sortBy: 'firstNameLowerCase', sortDirection: 'asc' },
			}),
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.firstName)).toEqual(['Ana', 'Joao']);
		expect(sandbox().requests({ path: '/contacts/search' })[0].body).toMatchObject({
			filters: [{ field: 'tags', operator: 'eq', value: 'cliente' }],
			sort: [{ field: 'firstNameLowerCase', direction: 'asc' }],
		});
	});

	it('sends an SMS to a contact found by phone, then an email to a contact created by its address', async () => {
		const sms = await runNode(setup({ resource: 'message', operation: 'send', type: 'SMS', contactBy: 'phone', contactPhone: '(11) 99999-0001', message: 'Olá!' }));
		expect(sms.error).toBeUndefined();
		expect(sms.items[0].json).toMatchObject({ contactId: 'sandboxContact0000001', conversationId: 'sandboxConversation01', msg: 'Message queued successfully.' });

		const email = await runNode(
			setup({
				resource: 'message',
				operation: 'send',
				type: 'Email',
				contactBy: 'email',
				contactEmail: 'novo@example.com',
				createContact: true,
				subject: 'Bem-vindo',
				html: '<p>Olá</p>',
			}),
		);
		expect(email.error).toBeUndefined();
		expect(email.items[0].json.emailMessageId).toEqual(expect.any(String));
		expect(sandbox().requests({ provider: 'leadway' }).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'GET /contacts/search/duplicate 200',
			'POST /conversations/messages 201',
			'POST /contacts/upsert 201',
			'POST /conversations/messages 201',
		]);
		expect(sandbox().requests({ path: '/conversations/messages' })[1].body).toMatchObject({ type: 'Email', subject: 'Bem-vindo', html: '<p>Olá</p>' });
	});

	it('gets a sent message (its status moves on at each look-up) and lists a conversation', async () => {
		const sent = await runNode(setup({ resource: 'message', operation: 'send', type: 'SMS', contactBy: 'contact', contactId: byId('sandboxContact0000002'), message: 'Oi' }));
		const messageId = String(sent.items[0].json.messageId);
		const first = await runNode(setup({ resource: 'message', operation: 'get', messageId }));
		const second = await runNode(setup({ resource: 'message', operation: 'get', messageId }));
		expect([first.items[0].json.status, second.items[0].json.status]).toEqual(['pending', 'sent']);

		const list = await runNode(setup({ resource: 'message', operation: 'getAll', conversationId: 'sandboxConversation01', returnAll: true }));
		expect(list.error).toBeUndefined();
		expect(list.items).toHaveLength(5);
	});

	it('lists the location templates of one type', async () => {
		const { items, error } = await runNode(setup({ resource: 'template', operation: 'getAll', returnAll: true, filters: { type: 'email' } }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual(['sandboxTemplateMail1']);
		expect(sandbox().requests({ provider: 'leadway' })[0]).toMatchObject({ path: '/locations/sandbox-location-1/templates', query: { originId: 'sandbox-location-1', type: 'email' } });
	});
});

describe('Leadway opportunities and attachment files against the sandbox', () => {
	it('picks a pipeline and stage, creates an opportunity, finds it, moves it, marks it won and deletes it', async () => {
		const node = new Leadway();
		const context = loadOptionsContext(setup({ resource: 'opportunity', operation: 'create', pipelineId: 'sandboxPipelineSales' }));
		expect(await node.methods.loadOptions.getPipelines.call(context)).toEqual([
			{ name: 'Vendas', value: 'sandboxPipelineSales' },
			{ name: 'Onboarding', value: 'sandboxPipelineOnbrd' },
		]);
		expect(sandbox().requests()[0]).toMatchObject({ method: 'GET', path: '/opportunities/pipelines', query: { locationId: 'sandbox-location-1' }, status: 200 });

		const created = await runNode(
			setup({
				resource: 'opportunity',
				operation: 'create',
				contactId: byId('sandboxContact0000002'),
				pipelineId: 'sandboxPipelineSales',
				pipelineStageId: 'sandboxStageNew00001',
				name: 'Plano mensal - Maria',
				status: 'open',
				additionalFields: { monetaryValue: 99.9 },
			}),
		);
		expect(created.error).toBeUndefined();
		const id = String(created.items[0].json.id);
		expect(sandbox().requests({ path: '/opportunities/' })[0]).toMatchObject({
			method: 'POST',
			status: 201,
			body: { locationId: 'sandbox-location-1', pipelineId: 'sandboxPipelineSales', pipelineStageId: 'sandboxStageNew00001', contactId: 'sandboxContact0000002', status: 'open', monetaryValue: 99.9 },
		});

		const found = await runNode(setup({ resource: 'opportunity', operation: 'getAll', returnAll: true, filters: { contactId: 'sandboxContact0000002' } }));
		expect(found.items.map((item) => item.json.id)).toEqual([id]);
		expect(sandbox().requests({ path: '/opportunities/search' })[0].query).toMatchObject({ location_id: 'sandbox-location-1', contact_id: 'sandboxContact0000002' });

		const moved = await runNode(
			setup({ resource: 'opportunity', operation: 'update', opportunityId: id, pipelineId: 'sandboxPipelineSales', updateFields: { pipelineStageId: 'sandboxStageClosing01' } }),
		);
		expect(moved.items[0].json).toMatchObject({ id, pipelineStageId: 'sandboxStageClosing01' });
		expect((await runNode(setup({ resource: 'opportunity', operation: 'updateStatus', opportunityId: id, status: 'won' }))).error).toBeUndefined();
		expect((await runNode(setup({ resource: 'opportunity', operation: 'get', opportunityId: id }))).items[0].json).toMatchObject({ status: 'won' });
		expect((await runNode(setup({ resource: 'opportunity', operation: 'delete', opportunityId: id }))).error).toBeUndefined();
		expect(sandbox().state('leadway').opportunities.map((o: IDataObject) => o.id)).toEqual(['sandboxOpportunity001']);
	});

	it('a stage of another pipeline is refused', async () => {
		const { error } = await runNode(
			setup({ resource: 'opportunity', operation: 'create', contactId: byId('sandboxContact0000002'), pipelineId: 'sandboxPipelineOnbrd', pipelineStageId: 'sandboxStageNew00001', name: 'X', status: 'open' }),
		);
		expect(sandbox().requests({ path: '/opportunities/' })[0].status).toBe(400);
		expect(error?.message).toContain('Pipeline stage not found');
	});

	it('uploads a PDF to the contact\'s conversation (multipart), then sends its URL with the message', async () => {
		const pdf = Buffer.from('%PDF-1.4 sandbox', 'latin1');
		const { items, error } = await runNode({
			...setup({
				resource: 'message',
				operation: 'send',
				type: 'WhatsApp',
				contactBy: 'contact',
				contactId: byId('sandboxContact0000002'),
				message: 'Segue a proposta',
				attachments: '',
				attachmentFiles: 'data',
			}),
			binaryInput: [{ data: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'proposta.pdf' } }],
		});
		expect(error).toBeUndefined();
		expect(sandbox().requests({ provider: 'leadway' }).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			'GET /conversations/search 200',
			'POST /conversations/ 201',
			'POST /conversations/messages/upload 200',
			'POST /conversations/messages 201',
		]);
		const upload = sandbox().requests({ path: '/conversations/messages/upload' })[0];
		expect(upload.body).toMatchObject({ locationId: 'sandbox-location-1', contactId: 'sandboxContact0000002', files: [{ name: 'fileAttachment', filename: 'proposta.pdf', contentType: 'application/pdf', size: pdf.length }] });
		const [stored] = sandbox().state('leadway').uploads;
		expect(sandbox().requests({ path: '/conversations/messages' })[0].body).toMatchObject({ type: 'WhatsApp', message: 'Segue a proposta', attachments: [stored.url] });
		expect(items[0].json.conversationId).toBe(upload.body && (upload.body as IDataObject).conversationId);
	});
});

describe('Leadway daily limit in the sandbox', () => {
	const limited = useSandbox({ rateLimits: { leadway: [{ limit: 100, windowMs: 10_000 }, { limit: 1, windowMs: 86_400_000 }] } });

	it('once the daily quota is used up the node stops at once and says so', async () => {
		const run = async () =>
			await runNode({
				node: Leadway,
				credentials: { leadwayApi: { type: LeadwayApi, data: { ...limited().credentials.leadwayApi } } },
				parameters: { resource: 'template', operation: 'getAll', returnAll: true },
			});
		expect((await run()).error).toBeUndefined();
		const { error } = await run();
		const refused = limited().requests();
		expect(refused.map((r) => r.status)).toEqual([200, 429]);
		expect(refused[1].responseHeaders).toMatchObject({ 'X-RateLimit-Daily-Remaining': '0', 'X-RateLimit-Remaining': '99' });
		expect(error?.description).toContain('daily limit');
	});
});

describe('Leadway CRM Trigger against the sandbox', () => {
	const triggerSetup = (options: INodeParameters): Setup => ({
		node: LeadwayTrigger,
		credentials: {},
		parameters: { events: ['InboundMessage'], otherEvents: '', messageTypes: [], options },
	});

	it('accepts Ed25519-signed events checked with the sandbox public key, refuses forged and stale ones', async () => {
		const bridge = await startTriggerBridge(new LeadwayTrigger(), triggerSetup({ ed25519PublicKey: sandbox().sandboxKeys.leadwayPublicKeyPem }));
		try {
			const valid = await sandbox().deliver({ provider: 'leadway', to: bridge.url });
			expect(valid.status).toBe(200);
			// What n8n answers the provider for an event that starts an execution (not the literal "firstEntryJson").
			expect(valid.body).toEqual({ received: true });
			expect(valid.sent.headers['X-GHL-Signature']).toEqual(expect.any(String));
			expect(bridge.executions).toHaveLength(1);
			expect(bridge.executions[0][0]).toMatchObject({ type: 'InboundMessage', messageType: 'SMS', locationId: 'sandbox-location-1' });
			await expectForgeriesRefused(sandbox(), { provider: 'leadway', to: bridge.url }, ['signature', 'missing', 'tampered', 'stale']);
			expect(bridge.executions).toHaveLength(1);
		} finally {
			await bridge.close();
		}
	});

	it('with HighLevel\'s real key (the default) a sandbox signature is refused', async () => {
		const bridge = await startTriggerBridge(new LeadwayTrigger(), triggerSetup({}));
		try {
			expect((await sandbox().deliver({ provider: 'leadway', to: bridge.url })).status).toBe(401);
		} finally {
			await bridge.close();
		}
	});

	it('accepts the legacy RSA X-WH-Signature with the sandbox RSA key', async () => {
		const bridge = await startTriggerBridge(new LeadwayTrigger(), triggerSetup({ acceptLegacyRsa: true, rsaPublicKey: sandbox().sandboxKeys.leadwayRsaPublicKeyPem }));
		try {
			expect((await sandbox().deliver({ provider: 'leadway', to: bridge.url, scheme: 'rsa' })).status).toBe(200);
			expect((await sandbox().deliver({ provider: 'leadway', to: bridge.url, scheme: 'rsa', forge: 'signature' })).status).toBe(401);
			expect(bridge.executions).toHaveLength(1);
		} finally {
			await bridge.close();
		}
	});
});

describe('Leadway tasks and calendars against the sandbox', () => {
	const contact = byId('sandboxContact0000001');
	const CALENDAR = 'sandboxCalendarDemo1';
	const freeSlots = async () =>
		await runNode(
			setup({
				resource: 'calendar',
				operation: 'getFreeSlots',
				calendarId: CALENDAR,
				startDate: '2030-01-07T00:00:00',
				endDate: '2030-01-08T00:00:00',
				timeZone: 'America/Sao_Paulo',
				returnAll: true,
			}),
		);

	it('picks calendars and users of the location', async () => {
		const node = new Leadway();
		const context = loadOptionsContext(setup({ resource: 'calendar', operation: 'bookAppointment' }));
		expect(await node.methods.loadOptions.getCalendars.call(context)).toEqual([
			{ name: 'Demonstração', value: CALENDAR },
			{ name: 'Visita técnica', value: 'sandboxCalendarVisit' },
		]);
		expect(await node.methods.loadOptions.getUsers.call(context)).toEqual([
			{ name: 'Marcos Lima (marcos@example.com)', value: 'sandboxUserSales0001' },
			{ name: 'Ana Souza (ana@example.com)', value: 'sandboxUserSdr000002' },
		]);
		expect(sandbox().requests().map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)} ${r.status}`)).toEqual([
			'GET /calendars/ {"locationId":"sandbox-location-1"} 200',
			'GET /users/ {"locationId":"sandbox-location-1"} 200',
		]);
	});

	it('gets free slots, books the first, which then is no longer free; reschedules, cancels and deletes it', async () => {
		const before = await freeSlots();
		expect(before.error).toBeUndefined();
		expect(before.items.map((item) => item.json.startTime)).toEqual([
			...['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'].map((t) => `2030-01-07T${t}:00-03:00`),
		]);
		expect(sandbox().requests()[0]).toMatchObject({
			method: 'GET',
			path: `/calendars/${CALENDAR}/free-slots`,
			query: { startDate: String(Date.parse('2030-01-07T03:00:00Z')), endDate: String(Date.parse('2030-01-08T03:00:00Z')), timezone: 'America/Sao_Paulo' },
			status: 200,
		});

		const booked = await runNode(
			setup({
				resource: 'calendar',
				operation: 'bookAppointment',
				calendarId: CALENDAR,
				contactId: contact,
				startTime: String(before.items[0].json.startTime),
				endTime: '',
				additionalFields: { title: 'Demo com Joao', assignedUserId: 'sandboxUserSales0001' },
			}),
		);
		expect(booked.error).toBeUndefined();
		const id = String(booked.items[0].json.id);
		expect(sandbox().requests({ method: 'POST' })[0]).toMatchObject({
			path: '/calendars/events/appointments',
			status: 201,
			body: {
				calendarId: CALENDAR,
				contactId: 'sandboxContact0000001',
				locationId: 'sandbox-location-1',
				startTime: '2030-01-07T09:00:00-03:00',
				endTime: '2030-01-07T09:30:00-03:00',
				title: 'Demo com Joao',
				assignedUserId: 'sandboxUserSales0001',
			},
		});
		expect((await freeSlots()).items.map((item) => item.json.startTime)).not.toContain('2030-01-07T09:00:00-03:00');

		const again = await runNode(
			setup({ resource: 'calendar', operation: 'bookAppointment', calendarId: CALENDAR, contactId: byId('sandboxContact0000002'), startTime: '2030-01-07T09:00:00-03:00', endTime: '' }),
		);
		expect(again.error?.message).toContain('The slot you have selected is no longer available.');

		const moved = await runNode(setup({ resource: 'calendar', operation: 'updateAppointment', appointmentId: id, updateFields: { startTime: '2030-01-07T14:00:00-03:00' } }));
		expect(moved.error).toBeUndefined();
		const got = await runNode(setup({ resource: 'calendar', operation: 'getAppointment', appointmentId: id }));
		expect(got.items[0].json).toMatchObject({ id, startTime: '2030-01-07T14:00:00-03:00', endTime: '2030-01-07T14:30:00-03:00', appointmentStatus: 'confirmed' });
		expect((await freeSlots()).items.map((item) => item.json.startTime)).toContain('2030-01-07T09:00:00-03:00');

		expect((await runNode(setup({ resource: 'calendar', operation: 'cancelAppointment', appointmentId: id }))).items[0].json).toMatchObject({ appointmentStatus: 'cancelled' });
		expect((await freeSlots()).items.map((item) => item.json.startTime)).toContain('2030-01-07T14:00:00-03:00');
		expect((await runNode(setup({ resource: 'calendar', operation: 'deleteAppointment', appointmentId: id }))).items[0].json).toEqual({ deleted: true, id });
		expect(sandbox().state('leadway').appointments).toEqual([]);
	}, 120_000); // a dozen node runs over real sockets: 30 s ran out at load average 18 during npm test

	it('creates a task, lists, updates, completes and deletes it', async () => {
		const created = await runNode(
			setup({
				resource: 'task',
				operation: 'create',
				contactId: contact,
				title: 'Ligar para Joao',
				dueDate: '2030-01-07T18:00:00-03:00',
				additionalFields: { assignedTo: 'sandboxUserSdr000002', body: 'Confirmar a demo' },
			}),
		);
		expect(created.error).toBeUndefined();
		const taskId = String(created.items[0].json.id);
		expect(sandbox().requests({ method: 'POST' })[0]).toMatchObject({
			path: '/contacts/sandboxContact0000001/tasks',
			status: 201,
			body: { title: 'Ligar para Joao', dueDate: '2030-01-07T18:00:00-03:00', completed: false, body: 'Confirmar a demo', assignedTo: 'sandboxUserSdr000002' },
		});
		const listed = await runNode(setup({ resource: 'task', operation: 'getAll', contactId: contact, returnAll: true }));
		expect(listed.items.map((item) => item.json.id)).toEqual([taskId]);
		expect((await runNode(setup({ resource: 'task', operation: 'update', contactId: contact, taskId, updateFields: { title: 'Ligar amanhã' } }))).error).toBeUndefined();
		expect((await runNode(setup({ resource: 'task', operation: 'markCompleted', contactId: contact, taskId, completed: true }))).error).toBeUndefined();
		const got = await runNode(setup({ resource: 'task', operation: 'get', contactId: contact, taskId }));
		expect(got.items[0].json).toMatchObject({ id: taskId, title: 'Ligar amanhã', completed: true, contactId: 'sandboxContact0000001' });
		expect((await runNode(setup({ resource: 'task', operation: 'delete', contactId: contact, taskId }))).error).toBeUndefined();
		expect(sandbox().state('leadway').tasks).toEqual([]);
	}, 120_000); // a dozen node runs over real sockets: 30 s ran out at load average 18 during npm test
});
