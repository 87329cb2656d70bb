// Searchable pickers for the LigueLead node: audio uploads, RCS agents, RCS templates.
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ligueLeadRequest, toRecords } from '../transport';

function matches(name: string, filter: string | undefined): boolean {
	const needle = (filter ?? '').trim().toLowerCase();
	return needle === '' || name.toLowerCase().includes(needle);
}

export async function searchUploads(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const records = toRecords(await ligueLeadRequest(this, 'GET', '/voice/uploads'));
	const results = records
		.map((upload: IDataObject) => ({
			name: `${String(upload.title ?? upload.name ?? 'Audio')} (#${String(upload.id)})`,
			value: String(upload.id),
		}))
		.filter((entry) => matches(entry.name, filter));
	return { results };
}

export async function searchAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const records = toRecords(await ligueLeadRequest(this, 'GET', '/rcs/agents'));
	const results = records
		.map((agent: IDataObject) => {
			const status = String(agent.status ?? 'unknown');
			const name = String(agent.sender_name ?? agent.name ?? agent.id);
			return { name: status === 'approved' ? name : `${name} (${status}: cannot send)`, value: String(agent.id) };
		})
		.filter((entry) => matches(entry.name, filter));
	return { results };
}

export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const records = toRecords(await ligueLeadRequest(this, 'GET', '/rcs/templates'));
	const results = records
		.map((template: IDataObject) => ({ name: String(template.title ?? template.id), value: String(template.id) }))
		.filter((entry) => matches(entry.name, filter));
	return { results };
}
