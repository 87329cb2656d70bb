// What an AI Agent's model reads about each send: n8n names and describes a tool from the operation's
// `action` label (`<action> in <node name>`). Every send must name its channel, and the name must fit
// the 64 characters n8n keeps of a tool name (issue 18).
import { NodeHelpers, nodeNameToToolName } from 'n8n-workflow';
import type { INode, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { IagenteSdr } from '../../nodes/IagenteSdr/IagenteSdr.node';
import { Leadway } from '../../nodes/Leadway/Leadway.node';
import { LigueLead } from '../../nodes/LigueLead/LigueLead.node';
import { Superlead } from '../../nodes/Superlead/Superlead.node';

/** The channel each send names, by node and resource. */
const CHANNELS: Record<string, RegExp> = {
	'IAGENTE SDR/whatsAppMessage': /\bwhatsapp\b/i,
	'IAGENTE SDR/rcsMessage': /\bRCS\b/,
	'Superlead/message': /\bwhatsapp\b/i,
	'Leadway CRM/message': /\bSMS\b/,
	'LigueLead/sms': /\bSMS\b/,
	'LigueLead/rcs': /\bRCS\b/,
	'LigueLead/voice': /\bvoice call\b/,
};

const sends = [new IagenteSdr(), new Superlead(), new Leadway(), new LigueLead()].flatMap((nodeType: INodeType) =>
	nodeType.description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as INodePropertyOptions[])
				.filter((option) => option.value === 'send' || option.value === 'sendAndWait')
				.map((option) => ({
					nodeType,
					resource: (property.displayOptions?.show?.resource as string[])[0],
					operation: option.value as string,
					action: option.action as string,
				})),
		),
);

describe('tool names and descriptions of the send actions', () => {
	it('covers every send of the four nodes', () => {
		expect(sends.map((s) => `${s.nodeType.description.defaults.name}/${s.resource}/${s.operation}`).sort()).toEqual([
			'IAGENTE SDR/rcsMessage/send',
			'IAGENTE SDR/whatsAppMessage/send',
			'IAGENTE SDR/whatsAppMessage/sendAndWait',
			'Leadway CRM/message/send',
			'Leadway CRM/message/sendAndWait',
			'LigueLead/rcs/send',
			'LigueLead/sms/send',
			'LigueLead/sms/sendAndWait',
			'LigueLead/voice/send',
			'Superlead/message/send',
			'Superlead/message/sendAndWait',
		]);
	});

	it.each(sends.map((s) => [`${s.nodeType.description.defaults.name} ${s.resource} ${s.operation}`, s]))(
		'%s: the description n8n gives the model names the channel; the tool name fits in 64 characters',
		(_label, { nodeType, resource, operation, action }) => {
			const nodeName = nodeType.description.defaults.name as string;
			// As n8n builds it for the `…Tool` variant (Set Automatically).
			const toolType = { ...nodeType, description: { ...nodeType.description, name: `${nodeType.description.name}Tool` } };
			const node = { name: `${action} in ${nodeName}`, parameters: { resource, operation, descriptionType: 'auto' } } as unknown as INode;
			const description = NodeHelpers.getToolDescriptionForNode(node, toolType as INodeType);
			expect(description).toBe(`${action} in ${nodeName}`);
			expect(description).toMatch(CHANNELS[`${nodeName}/${resource}`]);
			// The editor names a new tool node `<action> in <node name>`; n8n cuts tool names at 64 characters.
			expect(nodeNameToToolName(node)).toBe(node.name.replace(/ /g, '_'));
			expect(node.name.length).toBeLessThanOrEqual(64);
		},
	);

	it('Superlead says the lead must exist', () => {
		expect(sends.find((s) => s.nodeType.description.name === 'superlead' && s.operation === 'send')?.action).toMatch(/existing lead/);
	});
});
