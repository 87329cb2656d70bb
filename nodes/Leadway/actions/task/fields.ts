// Fields and readers shared by the task operations (a contact's tasks, /contacts/{contactId}/tasks).
// Bodies follow HighLevel's SDK (@gohighlevel/api-client 3.1.0): CreateTaskParams and UpdateTaskBody
// declare title, body, dueDate, completed and assignedTo, nothing else.
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { checkMaxLength, inputError, textValue } from '../../../shared/validation';
import { readBoolean, readId } from '../common';
import { readTimeZone, requireMoment, timeZoneField } from '../calendar/time';

export const assignedUserField: INodeProperties = {
	displayName: 'Assigned User Name or ID',
	name: 'assignedTo',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: '',
	description:
		'The Leadway user responsible for the task. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export function taskIdField(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Task ID',
		name: 'taskId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5vJ2cMXCMWmWgvAFqA5H',
		description: 'The ID of the task (a previous node\'s output, or Get Many)',
		displayOptions: { show },
	};
}

export const dueDateField: INodeProperties = {
	displayName: 'Due Date',
	name: 'dueDate',
	type: 'dateTime',
	default: '',
	description: 'When the task is due. Give a UTC offset (e.g. 2030-01-07T18:00:00-03:00) or set Time Zone for a date without one.',
};

/** Body, assignee, completion and time zone: offered by Create (Additional Fields) and Update. */
export const taskOptionFields: INodeProperties[] = [
	assignedUserField,
	{ displayName: 'Body', name: 'body', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Details of the task' },
	{ displayName: 'Completed', name: 'completed', type: 'boolean', default: false, description: 'Whether the task is done' },
	timeZoneField(),
];

export function readTaskId(ctx: IExecuteFunctions, itemIndex: number): string {
	return readId(ctx, itemIndex, 'taskId', 'Task ID');
}

/** Checks the given fields and returns only those set, as the SDK names them. */
export function readTaskFields(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (fields.title !== undefined) {
		const title = textValue(ctx, itemIndex, 'Title', fields.title).trim();
		if (title === '') throw inputError(ctx, itemIndex, 'Title', 'it is empty', 'Give the task a title.');
		checkMaxLength(ctx, itemIndex, 'Title', title, 255);
		body.title = title;
	}
	if (fields.body !== undefined) {
		const text = textValue(ctx, itemIndex, 'Body', fields.body);
		if (text.trim() !== '') body.body = text;
	}
	if (fields.dueDate !== undefined) {
		const timeZone = readTimeZone(ctx, itemIndex, fields.timeZone);
		body.dueDate = requireMoment(ctx, itemIndex, 'Due Date', fields.dueDate, timeZone).iso;
	}
	if (fields.completed !== undefined) {
		body.completed = readBoolean(ctx, itemIndex, 'Completed', fields.completed);
	}
	const assignedTo = textValue(ctx, itemIndex, 'Assigned User', fields.assignedTo).trim();
	if (assignedTo !== '') body.assignedTo = assignedTo;
	return body;
}
