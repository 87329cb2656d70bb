// Searchable pickers for the Superlead node.
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { superleadRequest, toTemplateList } from '../transport';

function languageOf(template: Record<string, unknown>): string {
	const language = template.language;
	if (typeof language === 'string') return language;
	if (language && typeof language === 'object' && typeof (language as { code?: unknown }).code === 'string') {
		return (language as { code: string }).code;
	}
	return '';
}

/** Templates from GET /v1/templates; the value is the template name the API sends by. */
export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const templates = toTemplateList(await superleadRequest(this, 'GET', '/v1/templates'));
	const needle = (filter ?? '').toLowerCase();
	const results = templates
		.filter((template) => typeof template.name === 'string' && template.name !== '')
		.map((template) => {
			const status = typeof template.status === 'string' ? template.status.toLowerCase() : '';
			const details = [languageOf(template), status].filter(Boolean);
			const name = String(template.name);
			return { name: details.length > 0 ? `${name} (${details.join(', ')})` : name, value: name };
		})
		.filter((entry) => needle === '' || entry.name.toLowerCase().includes(needle));
	return { results };
}
