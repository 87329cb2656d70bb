// Searchable pickers for the Leadway node: contacts (POST /contacts/search) and templates.
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fetchTemplatePage } from '../actions/template/getAll';
import { templateTypeForChannel } from '../actions/message/channels';
import { getLocationId, leadwayRequest } from '../transport';

const PAGE_SIZE = 50;

export function contactLabel(contact: IDataObject): string {
	const name =
		String(contact.contactName ?? '').trim() ||
		[contact.firstName, contact.lastName].filter((part) => typeof part === 'string' && part !== '').join(' ') ||
		String(contact.name ?? '').trim();
	const reach = [contact.email, contact.phone].filter((part) => typeof part === 'string' && part !== '').join(', ');
	if (name && reach) return `${name} (${reach})`;
	return name || reach || String(contact.id);
}

export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const locationId = await getLocationId(this);
	const page = paginationToken ? Number(paginationToken) : 1;
	const body: IDataObject = { locationId, pageLimit: PAGE_SIZE, page };
	const query = (filter ?? '').trim().slice(0, 75);
	if (query) body.query = query;
	const response = await leadwayRequest<IDataObject>(this, 'POST', '/contacts/search', { body, safeToRepeat: true });
	const contacts = Array.isArray(response?.contacts) ? (response.contacts as IDataObject[]) : [];
	return {
		results: contacts.map((contact) => ({ name: contactLabel(contact), value: String(contact.id) })),
		paginationToken: contacts.length === PAGE_SIZE ? String(page + 1) : undefined,
	};
}

export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const locationId = await getLocationId(this);
	let channel = '';
	try {
		channel = String(this.getNodeParameter('type', '') ?? '');
	} catch {
		channel = '';
	}
	const type = templateTypeForChannel(channel);
	const skip = paginationToken ? Number(paginationToken) : 0;
	const page = await fetchTemplatePage(this, locationId, { originId: locationId, ...(type ? { type } : {}) }, skip, PAGE_SIZE);
	const needle = (filter ?? '').toLowerCase();
	const results = page.records
		.map((template) => ({
			name: `${String(template.name ?? template.id)}${template.type ? ` (${String(template.type)})` : ''}`,
			value: String(template.id),
		}))
		.filter((entry) => needle === '' || entry.name.toLowerCase().includes(needle));
	return { results, paginationToken: page.next !== undefined ? String(page.next) : undefined };
}
