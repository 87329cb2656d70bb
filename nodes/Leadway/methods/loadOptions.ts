// Pipeline and stage pickers for the opportunity operations (GET /opportunities/pipelines).
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getLocationId, leadwayRequest } from '../transport';

async function fetchPipelines(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const locationId = await getLocationId(ctx);
	const response = await leadwayRequest<IDataObject>(ctx, 'GET', '/opportunities/pipelines', { qs: { locationId } });
	return Array.isArray(response?.pipelines) ? (response.pipelines as IDataObject[]) : [];
}

function stagesOf(pipeline: IDataObject): IDataObject[] {
	return Array.isArray(pipeline.stages) ? (pipeline.stages as IDataObject[]).filter((stage) => stage && typeof stage === 'object') : [];
}

/** The pipeline chosen in whichever field of the current operation holds one. */
function chosenPipeline(ctx: ILoadOptionsFunctions): string {
	for (const path of ['pipelineId', 'filters.pipelineId']) {
		try {
			const value = ctx.getCurrentNodeParameter(path);
			if (typeof value === 'string' && value.trim() !== '') return value.trim();
		} catch {
			// That field is not part of the current operation.
		}
	}
	return '';
}

export async function getPipelines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await fetchPipelines(this)).map((pipeline) => ({
		name: String(pipeline.name ?? pipeline.id),
		value: String(pipeline.id),
	}));
}

/** Stages of the chosen pipeline; with none chosen, every stage labelled with its pipeline. */
export async function getPipelineStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const pipelineId = chosenPipeline(this);
	const pipelines = (await fetchPipelines(this)).filter((pipeline) => pipelineId === '' || String(pipeline.id) === pipelineId);
	return pipelines.flatMap((pipeline) =>
		stagesOf(pipeline).map((stage) => ({
			name: pipelineId === '' ? `${String(pipeline.name ?? pipeline.id)} → ${String(stage.name ?? stage.id)}` : String(stage.name ?? stage.id),
			value: String(stage.id),
		})),
	);
}
