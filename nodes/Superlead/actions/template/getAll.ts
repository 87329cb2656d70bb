import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/descriptions';
import { superleadRequest, toTemplateList } from '../../transport';
import { readLimit } from '../../../shared/validation';

const show = { resource: ['template'], operation: ['getAll'] };

export const description = returnAllFields(show, 1000);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	// Checked before the request, so a bad Limit sends nothing.
	const limit = returnAll ? 0 : readLimit(this, itemIndex);
	// GET /v1/templates documents no paging or filter parameters: one request, the limit applied here.
	const templates = toTemplateList(await superleadRequest(this, 'GET', '/v1/templates', { itemIndex }));
	if (returnAll) return templates;
	return templates.slice(0, limit);
}
