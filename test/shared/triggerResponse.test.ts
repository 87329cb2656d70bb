// What n8n answers a provider whose signed event starts an execution. n8n answers an `onReceived`
// webhook with the description's `responseData`, which it defaults to the literal 'firstEntryJson'
// (n8n 2.41's Stripe and GitHub triggers answer exactly that); the four triggers declare an empty one
// so that their own `{"received":true}` goes back instead.
import type { INodeType } from 'n8n-workflow';

import { IagenteSdrTrigger } from '../../nodes/IagenteSdr/IagenteSdrTrigger.node';
import { LeadwayTrigger } from '../../nodes/Leadway/LeadwayTrigger.node';
import { LigueLeadTrigger } from '../../nodes/LigueLead/LigueLeadTrigger.node';
import { SuperleadTrigger } from '../../nodes/Superlead/SuperleadTrigger.node';
import { acknowledge, startExecution, TRIGGER_WEBHOOK } from '../../nodes/shared/webhook';
import { onReceivedAnswer } from '../sandbox/helpers';

const TRIGGERS: Array<[string, INodeType]> = [
	['IAGENTE SDR Trigger', new IagenteSdrTrigger()],
	['Leadway CRM Trigger', new LeadwayTrigger()],
	['LigueLead Trigger', new LigueLeadTrigger()],
	['Superlead Trigger', new SuperleadTrigger()],
];

describe.each(TRIGGERS)('%s answers', (_name, trigger) => {
	it('declares one POST webhook answered on receipt with an empty responseData', () => {
		expect(trigger.description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' },
		]);
	});

	it('a started execution with 200 {"received":true}, an ignored event with the reason', () => {
		expect(onReceivedAnswer(trigger, startExecution([{ json: { event: 'x' } }]))).toEqual({ received: true });
		expect(onReceivedAnswer(trigger, acknowledge('status "sent" is not selected'))).toEqual({
			received: true,
			ignored: 'status "sent" is not selected',
		});
	});
});

it('without the empty responseData, n8n would answer the literal "firstEntryJson" (what the triggers did before)', () => {
	const declaredBefore = { ...TRIGGER_WEBHOOK };
	delete declaredBefore.responseData;
	const before = { description: { ...new SuperleadTrigger().description, webhooks: [declaredBefore] } } as INodeType;
	expect(onReceivedAnswer(before, startExecution([{ json: {} }]))).toBe('firstEntryJson');
});
