import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export class SuperleadApi implements ICredentialType {
	name = 'superleadApi';

	displayName = 'Superlead API';

	icon: Icon = {
		light: 'file:../nodes/Superlead/superlead.svg',
		dark: 'file:../nodes/Superlead/superlead.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-br-messaging/n8n-nodes-br-messaging#superlead';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'sl_live_…',
			description: 'Created in the Superlead panel under Integrações → API. Starts with sl_live_.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.superlead.app',
			required: true,
			description: 'Address of the Superlead API, without /v1',
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only the Superlead Trigger uses it: the secret Superlead signs webhook requests with (HMAC-SHA256). Leave empty if you only send messages.',
		},
	];

	// A function rather than a `={{$credentials.…}}` expression, which n8n evaluates on every request.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = { Authorization: `Bearer ${String(credentials.apiKey ?? '')}` };
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...headers } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/templates',
		},
	};
}
