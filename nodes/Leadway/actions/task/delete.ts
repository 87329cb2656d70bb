import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { leadwayRequest } from '../../transport';
import { contactLocatorField, readContactId } from '../common';
import { readTaskId, taskIdField } from './fields';

const show = { resource: ['task'], operation: ['delete'] };

export const description: INodeProperties[] = [contactLocatorField(show, { description: 'The contact the task belongs to' }), taskIdField(show)];

/** Checks the IDs; the router runs it for all items before any is deleted. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<{ contactId: string; taskId: string }> {
	return { contactId: readContactId(this, itemIndex), taskId: readTaskId(this, itemIndex) };
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const { contactId, taskId } = (prepared as { contactId: string; taskId: string } | undefined) ?? (await prepare.call(this, itemIndex));
	await leadwayRequest(this, 'DELETE', `/contacts/${contactId}/tasks/${taskId}`, { itemIndex });
	return { deleted: true, id: decodeURIComponent(taskId), contactId };
}
