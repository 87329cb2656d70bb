// The item loop every action node shares: resource/operation → operation, pairedItem on every
// output item, continueOnFail, and the item index on every error.
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

export type OperationResult = IDataObject | IDataObject[];

export interface Operation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}

export type ResourceMap = Record<string, Record<string, Operation>>;

function attachItemIndex(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(ctx.getNode(), message, { itemIndex });
}

export function findOperation(
	ctx: IExecuteFunctions,
	resources: ResourceMap,
	resource: string,
	operation: string,
	itemIndex: number,
): Operation {
	const found = resources[resource]?.[operation];
	if (!found) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The operation "${operation}" is not supported for resource "${resource}"`,
			{ itemIndex, description: 'Pick the resource and operation again in the node.' },
		);
	}
	return found;
}

export async function route(
	this: IExecuteFunctions,
	resources: ResourceMap,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operationName = this.getNodeParameter('operation', itemIndex) as string;
			const operation = findOperation(this, resources, resource, operationName, itemIndex);
			const result = await operation.execute.call(this, itemIndex);
			const records = Array.isArray(result) ? result : [result];
			for (const json of records) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			const nodeError = attachItemIndex(this, error, itemIndex);
			if (this.continueOnFail()) {
				output.push({
					json: {
						error: nodeError.message,
						...(nodeError.description ? { errorDescription: nodeError.description } : {}),
						...(nodeError instanceof NodeApiError && nodeError.httpCode
							? { httpCode: nodeError.httpCode }
							: {}),
					},
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw nodeError;
		}
	}
	return [output];
}
