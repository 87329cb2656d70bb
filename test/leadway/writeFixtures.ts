// The write operations of the Leadway CRM node with every field filled, shared by the DTO check
// (test/leadway/dto.test.ts, against nock) and the sandbox test (test/sandbox/leadway.test.ts, against
// the sandbox's HighLevel rules). IDs are the sandbox's seeded records, so both can run them.
//
// One entry per operation of the node: parameter sets that together fill every field the operation
// shows, or `noBody` with the reason it sends none. dto.test.ts fails when an operation or a field
// has no entry: add one here when the node gains an operation.
import type { IBinaryKeyData, IDataObject, INodeParameters } from 'n8n-workflow';

import { binaryFile } from '../harness/multipart';

export interface Variant {
	parameters: INodeParameters;
	binaryInput?: IBinaryKeyData;
	/** Records the sandbox must hold before the run (added to its Leadway state by name); the nock check ignores them. */
	sandboxRecords?: Record<string, IDataObject[]>;
}

export type Fixture =
	| {
			variants: Variant[];
			/** Fields (`name` or `collection.option`) that shape no body key, with the reason. */
			notInBody?: Record<string, string>;
	  }
	| { noBody: string };

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const CONTACT_ID = 'sandboxContact0000001';
const CONTACT = byId(CONTACT_ID);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const customFields = { field: [{ id: 'cf01', value: 'gold' }] };

/** Every contact field of Create and Create or Update (Additional Fields). */
const contactDetails = {
	address1: 'Av. Paulista, 1000',
	assignedTo: 'user01',
	city: 'São Paulo',
	companyName: 'Tech Corp',
	country: 'BR',
	customFields,
	dateOfBirth: '1990-05-17',
	dnd: false,
	firstName: 'Maria',
	gender: 'female',
	lastName: 'Santos',
	name: 'Maria Santos',
	postalCode: '01310-100',
	source: 'n8n',
	state: 'SP',
	tags: 'cliente, vip',
	timezone: 'America/Sao_Paulo',
	website: 'https://example.com',
};

/** Update Fields: the same minus Gender and Company Name, which UpdateContactDto does not declare. */
const updatableDetails: IDataObject = { ...contactDetails };
delete updatableDetails.gender;
delete updatableDetails.companyName;

const emailOptions = {
	emailBcc: 'bcc@example.com',
	emailCc: 'cc@example.com',
	customSubtypeId: 'subtype01',
	forward: {
		settings: {
			emailMessageId: 'email01',
			forwardWholeThread: true,
			isForwarded: true,
			messageId: 'message01',
			recipientContactId: 'contact02',
			toEmail: 'forward@example.com',
		},
	},
	emailFrom: 'vendas@example.com',
	optimizationPeriod: '48h',
	emailReplyMode: 'reply_all',
	replyMessageId: 'message00',
	threadId: 'thread01',
	emailTo: 'outro@example.com',
	usesNativeSchedulingAi: true,
};

const sendAdditionalFields = {
	appointmentId: 'appointment01',
	conversationProviderId: 'provider01',
	fromNumber: '+55 11 4000-0000',
	maxAttachmentMb: 5,
	scheduledTime: '2030-03-01T09:30:00-03:00',
	status: 'pending',
	subType: 'Email',
	toNumber: '(11) 99999-8888',
};

const USER_ID = 'sandboxUserSales0001';
const CALENDAR_ID = 'sandboxCalendarDemo1';
const TASK_ID = 'sandboxTask000000001';
const APPOINTMENT_ID = 'sandboxAppointment01';
const task = { id: TASK_ID, contactId: CONTACT_ID, title: 'Ligar para Maria', dueDate: '2030-01-07T18:00:00-03:00', completed: false };
const appointment = {
	id: APPOINTMENT_ID,
	calendarId: CALENDAR_ID,
	contactId: CONTACT_ID,
	locationId: 'sandbox-location-1',
	title: 'Demo',
	appointmentStatus: 'confirmed',
	startTime: '2030-01-07T09:00:00-03:00',
	endTime: '2030-01-07T09:30:00-03:00',
};

/** Every field of Book Appointment's and Update Appointment's collections but the times. */
const appointmentDetails = {
	address: 'Av. Paulista, 1000',
	appointmentStatus: 'confirmed',
	assignedUserId: USER_ID,
	description: 'Demonstração do plano anual',
	ignoreDateRange: true,
	ignoreFreeSlotValidation: true,
	meetingLocationId: 'location01',
	meetingLocationType: 'zoom',
	overrideLocationConfig: true,
	timeZone: 'America/Sao_Paulo',
	title: 'Demo com Maria',
	toNotify: false,
};

const byPhone = { contactBy: 'phone', contactPhone: '(11) 98888-7777', createContact: true };
const byEmail = { contactBy: 'email', contactEmail: 'maria@example.com', createContact: true };

/** One entry per operation of the node; add one when the node gains an operation. */
export const FIXTURES: Record<string, Fixture> = {
	'calendar:bookAppointment': {
		variants: [
			{
				parameters: {
					calendarId: CALENDAR_ID,
					contactId: CONTACT,
					startTime: '2030-01-07T14:00:00-03:00',
					endTime: '2030-01-07T14:30:00-03:00',
					additionalFields: appointmentDetails,
				},
			},
		],
	},
	'calendar:cancelAppointment': { variants: [{ parameters: { appointmentId: APPOINTMENT_ID }, sandboxRecords: { appointments: [appointment] } }] },
	'calendar:deleteAppointment': { noBody: 'DELETE /calendars/events/{eventId} sends no body: DeleteAppointmentSchema declares no field' },
	'calendar:getAppointment': { noBody: 'a GET' },
	'calendar:getFreeSlots': { noBody: 'a GET' },
	'calendar:updateAppointment': {
		variants: [
			{
				parameters: {
					appointmentId: APPOINTMENT_ID,
					updateFields: { ...appointmentDetails, startTime: '2030-01-08T10:00:00-03:00', endTime: '2030-01-08T11:00:00-03:00' },
				},
				sandboxRecords: { appointments: [appointment] },
			},
		],
	},
	'contact:addNote': { variants: [{ parameters: { contactId: CONTACT, body: 'Ligou às 9h', additionalFields: { userId: 'user01' } } }] },
	'contact:addTags': { variants: [{ parameters: { contactId: CONTACT, tags: 'vip, pago' } }] },
	'contact:create': {
		variants: [{ parameters: { email: 'maria@example.com', phone: '(11) 99999-9999', additionalFields: contactDetails } }],
	},
	'contact:delete': { noBody: 'DELETE /contacts/{contactId} carries no body' },
	'contact:get': { noBody: 'a GET' },
	'contact:getAll': {
		noBody: 'POST /contacts/search is a read; the SDK declares its body as an empty DTO (SearchBodyV2DTO), so the search body is checked by the sandbox rules instead',
	},
	'contact:removeTags': { variants: [{ parameters: { contactId: CONTACT, tags: 'vip' } }] },
	'contact:update': {
		variants: [{ parameters: { contactId: CONTACT, updateFields: { ...updatableDetails, email: 'maria@example.com', phone: '(11) 99999-9999' } } }],
	},
	'contact:upsert': {
		variants: [{ parameters: { email: 'maria@example.com', phone: '(11) 99999-9999', additionalFields: contactDetails } }],
	},
	'message:get': { noBody: 'a GET' },
	'message:getAll': { noBody: 'a GET' },
	'message:send': {
		variants: [
			{
				parameters: {
					type: 'Email',
					contactBy: 'contact',
					contactId: CONTACT,
					message: 'Olá',
					subject: 'Proposta',
					html: '<p>Olá</p>',
					templateId: byId('sandboxTemplateMail1'),
					attachments: 'https://example.com/tabela.png',
					binaryData: true,
					binaryPropertyName: 'data',
					emailOptions,
					additionalFields: sendAdditionalFields,
				},
				binaryInput: binaryFile(PDF, 'application/pdf', 'proposta.pdf'),
			},
			{ parameters: { type: 'SMS', ...byPhone, message: 'Olá' } },
			{ parameters: { type: 'WhatsApp', ...byEmail, message: 'Olá' } },
		],
	},
	'message:sendAndWait': {
		variants: [
			{ parameters: { type: 'Email', contactBy: 'contact', contactId: CONTACT, subject: 'Posso marcar?', message: 'Posso marcar a demo?' } },
			{ parameters: { type: 'SMS', ...byPhone, message: 'Posso marcar a demo?' } },
			{ parameters: { type: 'WhatsApp', ...byEmail, message: 'Posso marcar a demo?', responseType: 'freeText' } },
		],
		notInBody: {
			responseType: 'chooses the response page; the body carries only the text with the link',
			approvalOptions: 'labels of the response page',
			options: 'link label, wait limit and response form texts: the page and the wait',
			maxSmsParts: 'a guard on the SMS size, checked before sending',
			language: 'language of the link label and the response page; the body carries only the text with the link',
		},
	},
	'opportunity:create': {
		variants: [
			{
				parameters: {
					contactId: CONTACT,
					pipelineId: 'sandboxPipelineSales',
					pipelineStageId: 'sandboxStageNew00001',
					name: 'Plano anual',
					status: 'open',
					additionalFields: { assignedTo: 'user01', customFields, monetaryValue: 1500.5 },
				},
			},
		],
	},
	'opportunity:delete': { noBody: 'DELETE /opportunities/{id} carries no body' },
	'opportunity:get': { noBody: 'a GET' },
	'opportunity:getAll': { noBody: 'a GET' },
	'opportunity:update': {
		variants: [
			{
				parameters: {
					opportunityId: 'sandboxOpportunity001',
					pipelineId: 'sandboxPipelineSales',
					updateFields: { assignedTo: 'user01', customFields, monetaryValue: 10, name: 'Plano mensal', pipelineStageId: 'sandboxStageClosing01', status: 'won' },
				},
			},
		],
	},
	'opportunity:updateStatus': { variants: [{ parameters: { opportunityId: 'sandboxOpportunity001', status: 'lost', lostReasonId: 'reason01' } }] },
	'task:create': {
		variants: [
			{
				parameters: {
					contactId: CONTACT,
					title: 'Ligar para Maria',
					dueDate: '2030-01-07T18:00:00',
					additionalFields: { assignedTo: USER_ID, body: 'Confirmar a demo', completed: false, timeZone: 'America/Sao_Paulo' },
				},
			},
		],
	},
	'task:delete': { noBody: 'DELETE /contacts/{contactId}/tasks/{taskId} carries no body' },
	'task:get': { noBody: 'a GET' },
	'task:getAll': { noBody: 'a GET' },
	'task:markCompleted': { variants: [{ parameters: { contactId: CONTACT, taskId: TASK_ID, completed: true }, sandboxRecords: { tasks: [task] } }] },
	'task:update': {
		variants: [
			{
				parameters: {
					contactId: CONTACT,
					taskId: TASK_ID,
					updateFields: { assignedTo: USER_ID, body: 'Remarcar', completed: true, dueDate: '2030-01-08T18:00:00-03:00', timeZone: 'America/Sao_Paulo', title: 'Ligar de novo' },
				},
				sandboxRecords: { tasks: [task] },
			},
		],
	},
	'template:getAll': { noBody: 'a GET' },
};
