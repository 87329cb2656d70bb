// Calendar and user pickers for the task and calendar operations.
// GET /calendars/?locationId= (SDK: calendars.getCalendars, scope calendars.readonly) and
// GET /users/?locationId= (SDK: users.getUserByLocation, scope users.readonly). The SDK marks the
// latter deprecated in favour of GET /users/search, which requires the agency's companyId that a
// sub-account token and this credential do not carry; getUserByLocation takes the location alone.
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getLocationId, leadwayRequest } from '../transport';

function listOf(response: unknown, key: string): IDataObject[] {
	const list = response && typeof response === 'object' ? (response as IDataObject)[key] : undefined;
	return Array.isArray(list) ? (list as IDataObject[]).filter((entry) => entry && typeof entry === 'object' && entry.id !== undefined) : [];
}

export async function getCalendars(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const locationId = await getLocationId(this);
	const response = await leadwayRequest<IDataObject>(this, 'GET', '/calendars/', { qs: { locationId } });
	return listOf(response, 'calendars').map((calendar) => ({
		name: String(calendar.name ?? calendar.id),
		value: String(calendar.id),
		...(calendar.isActive === false ? { description: 'Inactive' } : {}),
	}));
}

export function userLabel(user: IDataObject): string {
	const name = String(user.name ?? '').trim() || [user.firstName, user.lastName].filter((part) => typeof part === 'string' && part !== '').join(' ');
	const email = typeof user.email === 'string' ? user.email : '';
	if (name && email) return `${name} (${email})`;
	return name || email || String(user.id);
}

export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const locationId = await getLocationId(this);
	const response = await leadwayRequest<IDataObject>(this, 'GET', '/users/', { qs: { locationId } });
	return listOf(response, 'users')
		.filter((user) => user.deleted !== true)
		.map((user) => ({ name: userLabel(user), value: String(user.id) }));
}
