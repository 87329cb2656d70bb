import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkMaxLength, inputError, requireText } from '../../../shared/validation';
import { ligueLeadRequest, unwrapData } from '../../transport';
import { phonesField, readId, readPhones, readWebhookUrl } from '../common';

export const RCS_MESSAGE_MAX = 306;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const variablesField = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Variable',
	default: {},
	description,
	options: [
		{
			displayName: 'Variable',
			name: 'variable',
			values: [
				{
					displayName: 'Key',
					name: 'key',
					type: 'string',
					default: '',
					placeholder: 'e.g. 1',
					description: 'The placeholder number, e.g. 1 for {{1}}',
				},
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
});

const properties: INodeProperties[] = [
	{
		displayName: 'Send As',
		name: 'sendAs',
		type: 'options',
		options: [
			{ name: 'Template', value: 'template', description: 'A template created in LigueLead; it carries its own agent' },
			{ name: 'Text Message', value: 'message', description: 'Free text up to 306 characters from an agent; also the SMS fallback' },
		],
		default: 'template',
		description: 'LigueLead takes either a template or a text with an agent, never both',
	},
	{
		displayName: 'Template',
		name: 'templateId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		displayOptions: { show: { sendAs: ['template'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTemplates', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 449dff4b-08c0-40a6-aa18-86dc6f9745bd' },
		],
	},
	{
		...variablesField('templateVariables', 'Template Variables', 'Values for the template\'s {{N}} placeholders; unset ones use the template\'s defaults'),
		displayOptions: { show: { sendAs: ['template'] } },
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: 'At most 306 characters. Sent as SMS where the phone has no RCS.',
		displayOptions: { show: { sendAs: ['message'] } },
	},
	{
		displayName: 'Agent',
		name: 'agentId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'An approved RCS agent (the sender brand) of this App ID',
		displayOptions: { show: { sendAs: ['message'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchAgents', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 7b3c1e90-4d2a-4f11-9c8e-2a5b6d0f3e47',
				validation: [{ type: 'regex', properties: { regex: UUID.source, errorMessage: 'The agent ID is a UUID' } }],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Callback URL',
				name: 'webhookUrl',
				type: 'string',
				default: '',
				description: 'Where LigueLead posts the status of this send instead of the Webhook URL set in its panel. At most 512 characters.',
			},
		],
	},
];

export const description: INodeProperties[] = [
	phonesField('rcs', 'send'),
	...updateDisplayOptions({ show: { resource: ['rcs'], operation: ['send'] } }, properties),
];

/** `[{ key, value }]` from the key/value rows, keys trimmed, empty rows dropped, keys unique. */
export function readVariables(ctx: IExecuteFunctions, itemIndex: number, field: string, raw: unknown): IDataObject[] {
	const rows = ((raw as IDataObject | undefined)?.variable ?? []) as IDataObject[];
	const seen = new Set<string>();
	const variables: IDataObject[] = [];
	for (const row of rows) {
		const key = String(row.key ?? '').trim();
		if (key === '') continue;
		if (seen.has(key)) {
			throw inputError(ctx, itemIndex, field, `the key "${key}" appears twice`, 'Give each placeholder one value.');
		}
		seen.add(key);
		variables.push({ key, value: String(row.value ?? '') });
	}
	return variables;
}

/** Reads and checks the send; the router runs it for all items before any is sent. */
export async function prepare(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = { phones: readPhones(this, itemIndex, { allowLandlines: false }) };
	const sendAs = this.getNodeParameter('sendAs', itemIndex) as string;
	if (sendAs === 'message') {
		const message = requireText(this, itemIndex, 'Message', this.getNodeParameter('message', itemIndex)).trim();
		checkMaxLength(this, itemIndex, 'Message', message, RCS_MESSAGE_MAX);
		const agentId = readId(this, itemIndex, 'agentId', 'Agent');
		if (!UUID.test(agentId)) {
			throw inputError(this, itemIndex, 'Agent', `"${agentId}" is not an agent ID`, 'Pick the agent from the list, or give its UUID (RCS → Get Many Agents).');
		}
		body.message = message;
		body.agent_id = agentId;
	} else {
		body.template_id = readId(this, itemIndex, 'templateId', 'Template');
		const variables = readVariables(this, itemIndex, 'Template Variables', this.getNodeParameter('templateVariables', itemIndex, {}));
		if (variables.length > 0) body.template_variables = variables;
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const webhookUrl = readWebhookUrl(this, itemIndex, 'Callback URL', options.webhookUrl);
	if (webhookUrl) body.webhook_url = webhookUrl;
	return body;
}

export async function execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? (await prepare.call(this, itemIndex));
	const response = await ligueLeadRequest<IDataObject>(this, 'POST', '/rcs', { body, itemIndex });
	const result: IDataObject = { ...unwrapData(response) };
	if (typeof response?.message === 'string') result.message = response.message;
	return { ...result, phones: body.phones, recipients: (body.phones as string[]).length };
}
