import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/descriptions';
import { ligueLeadRequest, toRecords } from '../../transport';
import { readLimit } from '../../../shared/validation';

export const description: INodeProperties[] = [...returnAllFields({ resource: ['voice'], operation: ['getAllUploads'] }, 1000)];

/** LigueLead documents no paging for this list: one request, then Limit is applied here. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	// Checked before the request, so a bad Limit sends nothing.
	const limit = returnAll ? 0 : readLimit(this, itemIndex);
	const records = toRecords(await ligueLeadRequest(this, 'GET', '/voice/uploads', { itemIndex }));
	if (returnAll) return records;
	return records.slice(0, limit);
}
