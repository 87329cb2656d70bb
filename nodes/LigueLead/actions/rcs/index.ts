import type { INodeProperties } from 'n8n-workflow';

import * as createTemplate from './createTemplate';
import * as getAllAgents from './getAllAgents';
import * as getAllTemplates from './getAllTemplates';
import * as send from './send';

export { createTemplate, getAllAgents, getAllTemplates, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['rcs'] } },
		options: [
			{ name: 'Create Template', value: 'createTemplate', action: 'Create an RCS template', description: 'Create a text, media, card or carousel template' },
			{ name: 'Get Many Agents', value: 'getAllAgents', action: 'Get many RCS agents', description: 'List the RCS agents (sender brands) of this App ID' },
			{ name: 'Get Many Templates', value: 'getAllTemplates', action: 'Get many RCS templates', description: 'List the RCS templates' },
			{ name: 'Send', value: 'send', action: 'Send an RCS message to one or more phone numbers', description: 'Send a template, or a text from an agent, to up to 10,000 phones' },
		],
		default: 'send',
	},
	...send.description,
	...getAllAgents.description,
	...getAllTemplates.description,
	...createTemplate.description,
];
