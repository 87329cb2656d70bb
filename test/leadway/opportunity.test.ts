import nock from 'nock';

import { Leadway } from '../../nodes/Leadway/Leadway.node';
import { loadOptionsContext, runNode } from '../harness';
import { CONTACT, LOCATION_ID, api, setup } from './fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** An opportunity as HighLevel's SDK models it (SearchOpportunitiesResponseSchema). */
const OPPORTUNITY = {
	id: 'yWQobCRIhRguQtD2llvk',
	name: 'Plano anual - Maria Santos',
	monetaryValue: 1500.5,
	pipelineId: 'VDm7RPYC2GLUvdpKmBfC',
	pipelineStageId: 'e93ba61a-53b3-45e7-985a-c7732dbcdb69',
	assignedTo: 'zT46WSCPbudrq4zhWMk6',
	status: 'open',
	contactId: CONTACT.id,
	locationId: LOCATION_ID,
};

const PIPELINES = {
	pipelines: [
		{
			id: 'VDm7RPYC2GLUvdpKmBfC',
			name: 'Vendas',
			stages: [
				{ id: 'e93ba61a-53b3-45e7-985a-c7732dbcdb69', name: 'Novo lead' },
				{ id: '7915dedc-8f18-44d5-8bc3-77c04e994a10', name: 'Proposta enviada' },
			],
		},
		{ id: 'Pipe2', name: 'Renovação', stages: [{ id: 'st-r1', name: 'A renovar' }] },
	],
};

describe('Leadway opportunity', () => {
	it('creates an opportunity in a pipeline stage for a contact, with value, owner and custom fields', async () => {
		api()
			.post('/opportunities/', {
				pipelineId: OPPORTUNITY.pipelineId,
				locationId: LOCATION_ID,
				name: OPPORTUNITY.name,
				pipelineStageId: OPPORTUNITY.pipelineStageId,
				status: 'open',
				contactId: CONTACT.id,
				monetaryValue: 1500.5,
				assignedTo: OPPORTUNITY.assignedTo,
				customFields: [{ id: 'cfOrigem', field_value: 'n8n' }],
			})
			.reply(201, { opportunity: OPPORTUNITY });

		const { items, error } = await runNode(
			setup({
				resource: 'opportunity',
				operation: 'create',
				contactId: byId(CONTACT.id),
				pipelineId: OPPORTUNITY.pipelineId,
				pipelineStageId: OPPORTUNITY.pipelineStageId,
				name: `  ${OPPORTUNITY.name} `,
				status: 'open',
				additionalFields: {
					monetaryValue: 1500.5,
					assignedTo: OPPORTUNITY.assignedTo,
					customFields: { field: [{ id: 'cfOrigem', value: 'n8n' }] },
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: OPPORTUNITY, pairedItem: { item: 0 } }]);
	});

	it('refuses to create without a stage, naming the field and the item, before any request', async () => {
		const { items, error } = await runNode(
			setup({
				resource: 'opportunity',
				operation: 'create',
				contactId: byId(CONTACT.id),
				pipelineId: OPPORTUNITY.pipelineId,
				pipelineStageId: '={{ $json.stage }}',
				name: 'Sem etapa',
				status: 'open',
			}),
		);
		expect(items).toEqual([]);
		expect(error?.message).toBe('Stage: no stage was chosen [item 0]');
		expect(error?.description).toContain('Pick a stage');
	});

	it('refuses a negative or non-numeric monetary value on the item that has it', async () => {
		const { items } = await runNode(
			setup(
				{
					resource: 'opportunity',
					operation: 'create',
					contactId: byId(CONTACT.id),
					pipelineId: OPPORTUNITY.pipelineId,
					pipelineStageId: OPPORTUNITY.pipelineStageId,
					name: 'Valor ruim',
					status: 'open',
					additionalFields: { monetaryValue: '={{ $json.value }}' },
				},
				{ continueOnFail: true },
			),
			[{ value: -1 }, { value: '1.500,00' }],
		);
		expect(items.map((item) => [item.json.error, item.pairedItem])).toEqual([
			['Monetary Value: -1 is not an amount [item 0]', { item: 0 }],
			['Monetary Value: "1.500,00" is not an amount [item 1]', { item: 1 }],
		]);
	});

	it('gets an opportunity by ID', async () => {
		api().get(`/opportunities/${OPPORTUNITY.id}`).reply(200, { opportunity: OPPORTUNITY });
		const { items, error } = await runNode(setup({ resource: 'opportunity', operation: 'get', opportunityId: ` ${OPPORTUNITY.id} ` }));
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: OPPORTUNITY, pairedItem: { item: 0 } }]);
	});

	it('deletes an opportunity and answers { deleted: true }', async () => {
		api().delete(`/opportunities/${OPPORTUNITY.id}`).reply(200, { succeded: true });
		const { items, error } = await runNode(setup({ resource: 'opportunity', operation: 'delete', opportunityId: OPPORTUNITY.id }));
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { deleted: true, id: OPPORTUNITY.id }, pairedItem: { item: 0 } }]);
	});

	it('moves an opportunity to another stage and changes its value, sending only what was set', async () => {
		const moved = { ...OPPORTUNITY, pipelineStageId: '7915dedc-8f18-44d5-8bc3-77c04e994a10', monetaryValue: 2000 };
		api()
			.put(`/opportunities/${OPPORTUNITY.id}`, {
				monetaryValue: 2000,
				pipelineId: OPPORTUNITY.pipelineId,
				pipelineStageId: '7915dedc-8f18-44d5-8bc3-77c04e994a10',
			})
			.reply(200, { opportunity: moved });
		const { items, error } = await runNode(
			setup({
				resource: 'opportunity',
				operation: 'update',
				opportunityId: OPPORTUNITY.id,
				pipelineId: OPPORTUNITY.pipelineId,
				updateFields: { pipelineStageId: '7915dedc-8f18-44d5-8bc3-77c04e994a10', monetaryValue: 2000 },
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: moved, pairedItem: { item: 0 } }]);
	});

	it('checks every item before updating any: a bad second item stops the node before the first is written', async () => {
		const { items, error } = await runNode(
			setup({
				resource: 'opportunity',
				operation: 'update',
				opportunityId: '={{ $json.id }}',
				pipelineId: '',
				updateFields: { monetaryValue: '={{ $json.value }}' },
			}),
			[
				{ id: OPPORTUNITY.id, value: 100 },
				{ id: 'op2', value: 'cem reais' },
			],
		);
		expect(items).toEqual([]);
		expect(error?.message).toBe('Monetary Value: "cem reais" is not an amount [item 1]');
	});

	it('refuses an update with nothing to change', async () => {
		const { error } = await runNode(
			setup({ resource: 'opportunity', operation: 'update', opportunityId: OPPORTUNITY.id, pipelineId: '', updateFields: {} }),
		);
		expect(error?.message).toBe('Update Fields: no field to update was given [item 0]');
	});

	it('marks an opportunity lost with a lost reason', async () => {
		api().put(`/opportunities/${OPPORTUNITY.id}/status`, { status: 'lost', lostReasonId: 'lr-preco' }).reply(200, { succeded: true });
		const { items, error } = await runNode(
			setup({ resource: 'opportunity', operation: 'updateStatus', opportunityId: OPPORTUNITY.id, status: 'lost', lostReasonId: 'lr-preco' }),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{ json: { id: OPPORTUNITY.id, status: 'lost', lostReasonId: 'lr-preco', succeded: true }, pairedItem: { item: 0 } },
		]);
	});

	it('marks an opportunity won without sending a lost reason', async () => {
		api().put(`/opportunities/${OPPORTUNITY.id}/status`, { status: 'won' }).reply(200, { succeded: true });
		const { items } = await runNode(
			setup({ resource: 'opportunity', operation: 'updateStatus', opportunityId: OPPORTUNITY.id, status: 'won', lostReasonId: 'ignored' }),
		);
		expect(items).toEqual([{ json: { id: OPPORTUNITY.id, status: 'won', succeded: true }, pairedItem: { item: 0 } }]);
	});

	it('searches opportunities with every filter, following the startAfter cursor for Return All', async () => {
		const page1 = Array.from({ length: 100 }, (_, index) => ({ ...OPPORTUNITY, id: `op${index}` }));
		const filters = {
			location_id: LOCATION_ID,
			q: 'Maria',
			pipeline_id: OPPORTUNITY.pipelineId,
			pipeline_stage_id: OPPORTUNITY.pipelineStageId,
			contact_id: CONTACT.id,
			assigned_to: OPPORTUNITY.assignedTo,
			status: 'open',
		};
		api()
			.get('/opportunities/search')
			.query({ ...filters, limit: 100 })
			.reply(200, { opportunities: page1, meta: { total: 101, startAfter: 1736510400000, startAfterId: 'op99' } });
		api()
			.get('/opportunities/search')
			.query({ ...filters, limit: 100, startAfter: '1736510400000', startAfterId: 'op99' })
			.reply(200, { opportunities: [{ ...OPPORTUNITY, id: 'op100' }], meta: { total: 101, startAfter: 1736510500000, startAfterId: 'op100' } });

		const { items, error } = await runNode(
			setup({
				resource: 'opportunity',
				operation: 'getAll',
				returnAll: true,
				filters: {
					query: ' Maria ',
					pipelineId: OPPORTUNITY.pipelineId,
					pipelineStageId: OPPORTUNITY.pipelineStageId,
					contactId: CONTACT.id,
					assignedTo: OPPORTUNITY.assignedTo,
					status: 'open',
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(101);
		expect(items[100]).toEqual({ json: { ...OPPORTUNITY, id: 'op100' }, pairedItem: { item: 0 } });
	});

	it('asks for no more than the limit', async () => {
		api()
			.get('/opportunities/search')
			.query({ location_id: LOCATION_ID, limit: 2 })
			.reply(200, { opportunities: [OPPORTUNITY, { ...OPPORTUNITY, id: 'op2' }], meta: { startAfter: 1, startAfterId: 'op2' } });
		const { items } = await runNode(setup({ resource: 'opportunity', operation: 'getAll', returnAll: false, limit: 2, filters: {} }));
		expect(items.map((item) => item.json.id)).toEqual([OPPORTUNITY.id, 'op2']);
	});

	it('lists pipelines, and the stages of the chosen pipeline', async () => {
		api().get('/opportunities/pipelines').query({ locationId: LOCATION_ID }).times(2).reply(200, PIPELINES);
		const node = new Leadway();
		const context = loadOptionsContext(setup({ resource: 'opportunity', operation: 'create', pipelineId: 'VDm7RPYC2GLUvdpKmBfC' }));
		expect(await node.methods.loadOptions.getPipelines.call(context)).toEqual([
			{ name: 'Vendas', value: 'VDm7RPYC2GLUvdpKmBfC' },
			{ name: 'Renovação', value: 'Pipe2' },
		]);
		expect(await node.methods.loadOptions.getPipelineStages.call(context)).toEqual([
			{ name: 'Novo lead', value: 'e93ba61a-53b3-45e7-985a-c7732dbcdb69' },
			{ name: 'Proposta enviada', value: '7915dedc-8f18-44d5-8bc3-77c04e994a10' },
		]);
	});

	it('lists every stage with its pipeline when no pipeline is chosen', async () => {
		api().get('/opportunities/pipelines').query({ locationId: LOCATION_ID }).reply(200, PIPELINES);
		const context = loadOptionsContext(setup({ resource: 'opportunity', operation: 'getAll', filters: {} }));
		expect(await new Leadway().methods.loadOptions.getPipelineStages.call(context)).toEqual([
			{ name: 'Vendas → Novo lead', value: 'e93ba61a-53b3-45e7-985a-c7732dbcdb69' },
			{ name: 'Vendas → Proposta enviada', value: '7915dedc-8f18-44d5-8bc3-77c04e994a10' },
			{ name: 'Renovação → A renovar', value: 'st-r1' },
		]);
	});
});
