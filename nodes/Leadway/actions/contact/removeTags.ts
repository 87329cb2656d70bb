import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { changeTags, tagsDescription } from './tags';

export const description = tagsDescription('removeTags', 'remove from the contact');

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return await changeTags(this, itemIndex, 'DELETE');
}
