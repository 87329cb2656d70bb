import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ligueLeadRequest, unwrapData } from '../../transport';
import { readId } from '../common';

export const description: INodeProperties[] = [
	{
		displayName: 'Audio',
		name: 'uploadId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The uploaded audio to read',
		displayOptions: { show: { resource: ['voice'], operation: ['getUpload'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchUploads', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 436514',
				validation: [{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'The upload ID is a number' } }],
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = readId(this, itemIndex, 'uploadId', 'Audio');
	return unwrapData(await ligueLeadRequest(this, 'GET', `/voice/uploads/${encodeURIComponent(id)}`, { itemIndex }));
}
