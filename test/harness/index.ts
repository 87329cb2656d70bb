// Runs our nodes the way n8n does: a real Workflow, n8n-core's WorkflowExecute (expressions,
// parameters, credentials, httpRequestWithAuthentication), and n8n-core's own hook, webhook and
// load-options contexts for triggers and pickers. nock intercepts the HTTP.
import {
	ExecutionLifecycleHooks,
	HookContext,
	LoadOptionsContext,
	WebhookContext,
	WorkflowExecute,
	generateUrlSignature,
	prepareUrlForSigning,
} from 'n8n-core';
import { ICredentialsHelper, Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	IBinaryKeyData,
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	IRun,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

export const PACKAGE_NAME = 'n8n-nodes-br-messaging';
const NODE_NAME = 'Node Under Test';

/** The secret n8n-core signs resume links with (getSignedResumeUrl): jest.config.js sets it as N8N_HMAC_SIGNATURE_SECRET. */
export const RESUME_SIGNING_SECRET = 'test-resume-signing-secret';
const WAITING_BASE_URL = 'https://n8n.example.com/webhook-waiting';

/** The link n8n-core signs for a node waiting in an execution, built with n8n-core's own helpers. */
export function signedResumeUrl(executionId = 'execution-1', nodeId = 'node-1'): string {
	const url = new URL(`${WAITING_BASE_URL}/${executionId}/${encodeURIComponent(nodeId)}`);
	url.searchParams.set('signature', generateUrlSignature(prepareUrlForSigning(url), RESUME_SIGNING_SECRET));
	return url.toString();
}

type NodeClass = new () => INodeType;
type CredentialClass = new () => ICredentialType;

class TestNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>();

	add(nodeType: INodeType, suffix = ''): string {
		const name = `${PACKAGE_NAME}.${nodeType.description.name}${suffix}`;
		this.types.set(name, nodeType);
		return name;
	}

	getByName(name: string): INodeType {
		const found = this.types.get(name);
		if (!found) throw new Error(`Unknown node type ${name}`);
		return found;
	}

	getByNameAndVersion(name: string): INodeType {
		return this.getByName(name);
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

/**
 * Like n8n's own CredentialsHelper: applies a credential's `authenticate` (function or generic,
 * with its expressions resolved) so tests see the real auth headers.
 */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
		private readonly onRead?: (type: string) => void,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.types[typeName];
		const options = requestOptions as IHttpRequestOptions;
		if (!type?.authenticate) return options;
		if (typeof type.authenticate === 'function') return await type.authenticate(credentials, options);
		const resolve = (value: string) =>
			workflow && node
				? (workflow.expression.getParameterValue(value, null, 0, 0, node.name, [], 'internal', {
						$credentials: credentials,
					} as IDataObject) as string)
				: value;
		const result = { ...options } as IHttpRequestOptions & Record<string, unknown>;
		for (const [target, values] of Object.entries(type.authenticate.properties)) {
			const resolved: Record<string, unknown> = {};
			for (const [key, value] of Object.entries(values as Record<string, string>)) {
				resolved[key] = resolve(value);
			}
			result[target] = { ...((result[target] as object) ?? {}), ...resolved };
		}
		return result;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used in tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const found = this.data[type];
		if (!found) throw new Error(`No test credentials for ${type}`);
		// In n8n each read is a database read and a decryption, so tests and the bench count them.
		this.onRead?.(type);
		// A fresh object per read, as n8n decrypts one per read.
		return { ...found };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return [];
	}
}

export interface Setup {
	node: NodeClass;
	credentials: Record<string, { type: CredentialClass; data: ICredentialDataDecryptedObject }>;
	parameters: INodeParameters;
	continueOnFail?: boolean;
	staticData?: IDataObject;
	executionId?: string;
	nodeId?: string;
	/** The node's typeVersion in the workflow (1 unless given). */
	typeVersion?: number;
	/** n8n's Retry On Fail setting of the node. */
	retryOnFail?: { maxTries: number; waitBetweenTries: number };
	/** Binary data of the input items, by position (n8n keeps files beside the item's JSON). */
	binaryInput?: Array<IBinaryKeyData | undefined>;
	/** Registers the node as n8n's AI Agent tool variant (type `…Tool`, as n8n derives it from a usableAsTool node). */
	asTool?: boolean;
	/** How many times the node runs in the one execution, each run over the same input (default 1). */
	runs?: number;
	/** Called on every credential read n8n makes (getCredentials, and n8n's own read when not handed one). */
	onCredentialRead?: (type: string) => void;
}

function build(setup: Setup) {
	const nodeTypes = new TestNodeTypes();
	const nodeType = new setup.node();
	const typeName = nodeTypes.add(nodeType, setup.asTool ? 'Tool' : '');
	const credentialTypes: Record<string, ICredentialType> = {};
	const credentialData: Record<string, ICredentialDataDecryptedObject> = {};
	const nodeCredentials: Record<string, INodeCredentialsDetails> = {};
	for (const [name, { type, data }] of Object.entries(setup.credentials)) {
		credentialTypes[name] = new type();
		credentialData[name] = data;
		nodeCredentials[name] = { id: `cred-${name}`, name: `Test ${name}` };
	}
	const node: INode = {
		id: setup.nodeId ?? 'node-1',
		name: NODE_NAME,
		type: typeName,
		typeVersion: setup.typeVersion ?? 1,
		position: [0, 0],
		parameters: setup.parameters,
		credentials: nodeCredentials,
		webhookId: 'abc123',
		...(setup.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(setup.retryOnFail ? { retryOnFail: true, ...setup.retryOnFail } : {}),
	};
	const workflow = new Workflow({
		id: 'workflow-1',
		name: 'Test workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData: setup.staticData ? { [`node:${NODE_NAME}`]: setup.staticData } : {},
	});
	const credentialsHelper = new TestCredentialsHelper(credentialTypes, credentialData, setup.onCredentialRead);
	return { workflow, node, nodeType, credentialsHelper };
}

function additionalData(
	credentialsHelper: ICredentialsHelper,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		executionId: extra.executionId ?? 'execution-1',
		webhookBaseUrl: 'https://n8n.example.com/webhook',
		webhookTestBaseUrl: 'https://n8n.example.com/webhook-test',
		webhookWaitingBaseUrl: WAITING_BASE_URL,
		formWaitingBaseUrl: 'https://n8n.example.com/form-waiting',
		instanceBaseUrl: 'https://n8n.example.com/',
		restApiUrl: 'https://n8n.example.com/rest',
		variables: {},
		userId: 'user-1',
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('not used in tests');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used in tests');
		},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunResult {
	/** Output items of the node, pairedItem included. */
	items: INodeExecutionData[];
	/** The error that stopped the node, when it failed. */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string | null };
	run: IRun;
	/** Output items of every run of the node (Setup.runs), in order. */
	runs: INodeExecutionData[][];
}

/** Executes the node once over the given input items, as a manual run of a one-node workflow. */
export async function runNode(setup: Setup, input: IDataObject[] = [{}]): Promise<RunResult> {
	const { workflow, node, credentialsHelper } = build(setup);
	const hooks = new ExecutionLifecycleHooks('manual', setup.executionId ?? 'execution-1', {
		id: 'workflow-1',
		name: 'Test workflow',
		nodes: [node],
		connections: {},
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let finished: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));
	const data = additionalData(credentialsHelper, { hooks, executionId: setup.executionId ?? 'execution-1' } as never);
	const stackEntry = () => ({
		node,
		data: {
			main: [
				input.map((json, index) => {
					const binary = setup.binaryInput?.[index];
					return binary ? { json, binary } : { json };
				}),
			],
		},
		source: null,
	});
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: Array.from({ length: setup.runs ?? 1 }, stackEntry),
		},
	});
	const execute = new WorkflowExecute(data, 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await done;
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const items = (taskData?.data?.main?.[0] ?? []) as INodeExecutionData[];
	const error = (taskData?.error ?? run.data.resultData.error) as RunResult['error'];
	const runs = (run.data.resultData.runData[NODE_NAME] ?? []).map((task) => (task.data?.main?.[0] ?? []) as INodeExecutionData[]);
	return { items, error, run, runs };
}

/** n8n-core's HookContext for one of the trigger's webhookMethods (checkExists/create/delete). */
export function hookContext(setup: Setup, staticData: IDataObject) {
	const { workflow, node, credentialsHelper } = build(setup);
	workflow.staticData = { [`node:${NODE_NAME}`]: staticData } as never;
	const webhookData = {
		httpMethod: 'POST',
		node: NODE_NAME,
		path: 'abc123/webhook',
		webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook' },
		workflowId: 'workflow-1',
		workflowExecuteAdditionalData: additionalData(credentialsHelper),
		webhookId: 'abc123',
	} as unknown as IWebhookData;
	const context = new HookContext(
		workflow,
		node,
		additionalData(credentialsHelper),
		'webhook' as WorkflowExecuteMode,
		'activate',
		webhookData,
	);
	return { context, staticData: () => workflow.staticData[`node:${NODE_NAME}`] as IDataObject };
}

export interface WebhookRequest {
	/** A repeated header can be given as an array; n8n itself joins most repeats with ", ". */
	headers: Record<string, string | string[]>;
	/** Undefined stands for multipart requests, whose bytes n8n does not keep. */
	rawBody: Buffer | undefined;
	/** What n8n parsed (any JSON value, or undefined for content types it does not parse); when the key is absent, the raw body parsed as JSON. */
	body?: unknown;
	query?: IDataObject;
	params?: IDataObject;
	/** HTTP method of the request (default POST). */
	method?: string;
}

export interface CapturedResponse {
	statusCode?: number;
	body?: unknown;
	/** Headers the handler set (only present when it set one). */
	headers?: Record<string, string>;
	ended: boolean;
}

/** n8n-core's WebhookContext fed with a fake HTTP request and a response recorder. */
export function webhookContext(setup: Setup, request: WebhookRequest, staticData: IDataObject = {}) {
	const { workflow, node, credentialsHelper } = build(setup);
	workflow.staticData = { [`node:${NODE_NAME}`]: staticData } as never;
	const captured: CapturedResponse = { ended: false };
	const res = {
		status(code: number) {
			captured.statusCode = code;
			return res;
		},
		json(body: unknown) {
			captured.body = body;
			return res;
		},
		send(body: unknown) {
			captured.body = body;
			return res;
		},
		end() {
			captured.ended = true;
			return res;
		},
		setHeader(name: string, value: string) {
			captured.headers = { ...captured.headers, [name.toLowerCase()]: value };
			return res;
		},
	};
	const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
	const body =
		'body' in request ? request.body : (JSON.parse(request.rawBody?.toString('utf8') || '{}') as IDataObject);
	const method = request.method ?? 'POST';
	const req = { method, headers, body, rawBody: request.rawBody, query: request.query ?? {}, params: request.params ?? {} };
	const data = additionalData(credentialsHelper, {
		httpRequest: req,
		httpResponse: res,
	} as never);
	const webhookData = {
		httpMethod: method,
		node: NODE_NAME,
		path: 'abc123/webhook',
		webhookDescription: { name: 'default', httpMethod: method, path: 'webhook' },
		workflowId: 'workflow-1',
		workflowExecuteAdditionalData: data,
		webhookId: 'abc123',
	} as unknown as IWebhookData;
	const context = new WebhookContext(workflow, node, data, 'webhook', webhookData, [], null);
	return { context, captured };
}

/** n8n-core's LoadOptionsContext, for listSearch and loadOptions methods. */
export function loadOptionsContext(setup: Setup) {
	const { workflow, node, credentialsHelper } = build(setup);
	// The editor sends the node's current parameters with every picker request.
	return new LoadOptionsContext(workflow, node, additionalData(credentialsHelper, { currentNodeParameters: setup.parameters }), '');
}
