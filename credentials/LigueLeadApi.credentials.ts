import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export class LigueLeadApi implements ICredentialType {
	name = 'ligueLeadApi';

	displayName = 'LigueLead API';

	icon: Icon = { light: 'file:../nodes/LigueLead/ligueLead.svg', dark: 'file:../nodes/LigueLead/ligueLead.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-br-messaging/n8n-nodes-br-messaging#liguelead';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'In the LigueLead client area (areadocliente.liguelead.app.br): Integrations → API Token. Sent as the api-token header.',
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			description: 'Shown next to the API token in the LigueLead client area. Sent as the app-id header.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.liguelead.com.br/v1',
			required: true,
			description: 'The LigueLead API address; change it only if LigueLead tells you to',
		},
		{
			displayName: 'Webhook Token',
			name: 'webhookToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only the LigueLead Trigger uses it. LigueLead signs nothing, so the trigger accepts only requests whose URL ends in ?token= followed by this token. Use at least 16 random characters, e.g. from a password manager or <code>openssl rand -hex 24</code>, and keep a copy to build the URL you paste in LigueLead.',
		},
	];

	// A function, not generic `={{$credentials.…}}` headers: n8n evaluates those expressions on every
	// request. n8n calls it wherever the credential is used, including the HTTP Request node with this
	// credential as a predefined credential type.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = { 'api-token': String(credentials.apiToken ?? ''), 'app-id': String(credentials.appId ?? '') };
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...headers } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/voice/uploads',
		},
	};
}
