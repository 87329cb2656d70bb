import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export class IagenteSdrApi implements ICredentialType {
	name = 'iagenteSdrApi';

	displayName = 'IAGENTE SDR API';

	icon: Icon = { light: 'file:../nodes/IagenteSdr/iagenteSdr.svg', dark: 'file:../nodes/IagenteSdr/iagenteSdr.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-br-messaging/n8n-nodes-br-messaging#iagente-sdr';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Created in the IAGENTE SDR panel under API Keys. Starts with sk_live_.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://homolog.sdrbot.ai/api/v1',
			required: true,
			description:
				'Your IAGENTE SDR address followed by /api/v1. Each company has its own domain; the default is the documented one.',
		},
		{
			displayName: 'Send Key As',
			name: 'authHeader',
			type: 'options',
			options: [
				{ name: 'Authorization: Bearer (Recommended)', value: 'bearer' },
				{ name: 'X-API-Key Header', value: 'xApiKey' },
			],
			default: 'bearer',
			description: 'Which header carries the API key. Both are accepted by IAGENTE SDR.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const key = String(credentials.apiKey ?? '');
		const headers =
			credentials.authHeader === 'xApiKey'
				? { 'X-API-Key': key }
				: { Authorization: `Bearer ${key}` };
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...headers } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/leads',
			qs: { per_page: 1 },
		},
	};
}
