import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
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

	// Generic headers, so the credential also works as a predefined credential type in the HTTP Request node.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'api-token': '={{$credentials.apiToken}}',
				'app-id': '={{$credentials.appId}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/voice/uploads',
		},
	};
}
