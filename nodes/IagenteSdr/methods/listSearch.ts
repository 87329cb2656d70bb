// Searchable pickers for the IAGENTE SDR node.
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { iagenteRequest, toPage } from '../transport';

export async function searchWhatsAppTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const { records } = toPage(await iagenteRequest(this, 'GET', '/whatsapp/templates'));
	const needle = (filter ?? '').toLowerCase();
	const results = records
		.map((template: IDataObject) => {
			const name = String(template.name ?? template.template_name ?? template.id);
			const language = template.language ? ` (${String(template.language)})` : '';
			return { name: `${name}${language}`, value: String(template.id ?? name) };
		})
		.filter((entry) => needle === '' || entry.name.toLowerCase().includes(needle));
	return { results };
}
