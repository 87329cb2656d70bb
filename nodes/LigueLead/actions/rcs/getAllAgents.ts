import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../../../shared/descriptions';
import { ligueLeadRequest, toRecords } from '../../transport';
import { readLimit } from '../../../shared/validation';

export const description: INodeProperties[] = [
	...returnAllFields({ resource: ['rcs'], operation: ['getAllAgents'] }, 1000),
	{
		displayName: 'Only Approved',
		name: 'onlyApproved',
		type: 'boolean',
		default: false,
		description: 'Whether to return only agents with status "approved" (the only ones that can send)',
		displayOptions: { show: { resource: ['rcs'], operation: ['getAllAgents'] } },
	},
];

/** LigueLead documents no paging for this list: one request, then the filter and Limit apply here. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	// Checked before the request, so a bad Limit sends nothing.
	const limit = returnAll ? 0 : readLimit(this, itemIndex);
	const onlyApproved = this.getNodeParameter('onlyApproved', itemIndex, false) as boolean;
	let records = toRecords(await ligueLeadRequest(this, 'GET', '/rcs/agents', { itemIndex }));
	if (onlyApproved) records = records.filter((agent) => agent.status === 'approved');
	if (returnAll) return records;
	return records.slice(0, limit);
}
