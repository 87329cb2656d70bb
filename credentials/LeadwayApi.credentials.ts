import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export class LeadwayApi implements ICredentialType {
	name = 'leadwayApi';

	displayName = 'Leadway API';

	icon: Icon = { light: 'file:../nodes/Leadway/leadway.svg', dark: 'file:../nodes/Leadway/leadway.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-br-messaging/n8n-nodes-br-messaging#leadway-crm';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A Private Integration Token of the sub-account (Settings → Private Integrations, starts with pit-) or a location OAuth access token. Sent as "Authorization: Bearer".',
		},
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ve9EPM428h8vShlRW1KT',
			description:
				'ID of the sub-account (location) the token belongs to: Settings → Business Profile, or the part after /location/ in the address bar',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			required: true,
			description: 'The LeadConnector API address Leadway documents. Change it only if Leadway gives you another one.',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '2021-07-28',
			required: true,
			description:
				'Sent as the "Version" header on every request. Leadway documents 2021-07-28 for all endpoints; HighLevel\'s own spec lists 2021-04-15 for conversations.',
		},
	];

	// A function rather than `={{$credentials.…}}` expressions, which n8n evaluates on every request.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = {
			Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
			Version: String(credentials.apiVersion ?? ''),
		};
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...headers } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/contacts/',
			qs: { locationId: '={{$credentials.locationId}}', limit: 1 },
		},
	};
}
