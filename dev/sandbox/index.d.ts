// Types for TypeScript callers (tests, e2e scripts) of the plain-JavaScript sandbox.

export type ProviderName = 'iagente' | 'superlead' | 'leadway' | 'liguelead';

export interface RecordedRequest {
	provider: ProviderName;
	method: string;
	/** The path after the credential's Base URL, as the node's transport passes it (e.g. `/leads`, `/v1/messages`). */
	path: string;
	/** The full request path, prefix included. */
	url: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON; multipart bodies as their fields plus `files: [{ name, filename, contentType, size }]`. */
	body: unknown;
	rawBody: string;
	status: number;
	/** What the sandbox answered (headers it set, e.g. Retry-After, and the JSON body). */
	responseHeaders: Record<string, string>;
	responseBody: unknown;
	at: string;
}

export interface RequestFilter {
	provider?: string;
	method?: string;
	path?: string | RegExp;
}

export type Forge = 'signature' | 'missing' | 'tampered' | 'stale';

export interface DeliverOptions {
	provider: string;
	/** The trigger's webhook URL (LigueLead with `campaignId`: defaults to that send's Status Callback URL). */
	to?: string;
	event?: string;
	payload?: Record<string, unknown>;
	forge?: Forge;
	/** Extra headers, sent as given. */
	headers?: Record<string, string>;
	timeoutMs?: number;
	/** IAGENTE: the URL the trigger registered, when it is reached at another address than `to`. */
	registeredUrl?: string;
	/** IAGENTE and Superlead: sign with this secret instead of the sandbox's. */
	secret?: string;
	/** Superlead: header names and digest format, matching the trigger's options. */
	signatureHeader?: string;
	signaturePrefix?: 'sha256=' | 'none';
	encoding?: 'hex' | 'base64';
	timestampHeader?: string;
	/** Leadway: Ed25519 X-GHL-Signature (default) or the legacy RSA X-WH-Signature. */
	scheme?: 'ed25519' | 'rsa';
	/** LigueLead: the token and where it goes (query `?token=` by default). */
	token?: string;
	tokenPlacement?: 'query' | 'header' | 'both';
	tokenParameter?: string;
	tokenHeader?: string;
	/** Superlead: a message sent through the sandbox, whose status event to send (with `status`). */
	messageId?: string;
	/** LigueLead: the event's details; `campaignId` of a send made through the sandbox fills channel and phone. */
	channel?: 'sms' | 'voice' | 'rcs';
	status?: string;
	phone?: string;
	campaignId?: string;
}

export interface DeliverResult {
	status: number;
	body: unknown;
	sent: { url: string; headers: Record<string, string>; body: string; event: string };
}

export interface RateLimitWindow {
	limit: number;
	windowMs: number;
}

export interface SandboxOptions {
	port?: number;
	host?: string;
	latencyMs?: number;
	enforceRateLimits?: boolean;
	/** Replaces a provider's documented windows, e.g. `{ superlead: [{ limit: 2, windowMs: 60000 }] }`. */
	rateLimits?: Partial<Record<ProviderName, RateLimitWindow[]>>;
	/** Called with each provider request once it is answered (npm run dev prints Send and Wait links from it). */
	onRequest?: (record: RecordedRequest) => void;
	/** 'always' (default): every 429 carries Retry-After; 'documented': only Superlead's, as the providers document. */
	retryAfter?: 'always' | 'documented';
}

export interface SandboxCredentials {
	iagenteSdrApi: { apiKey: string; baseUrl: string; authHeader: string };
	superleadApi: { apiKey: string; baseUrl: string; webhookSecret: string };
	leadwayApi: { accessToken: string; locationId: string; baseUrl: string; apiVersion: string };
	ligueLeadApi: { apiToken: string; appId: string; baseUrl: string; webhookToken: string };
}

export interface Sandbox {
	url: string;
	port: number;
	credentials: SandboxCredentials;
	triggerSettings: {
		ligueLeadTrigger: { token: string };
		leadwayTrigger: { ed25519PublicKey: string };
	};
	sandboxKeys: SandboxKeys;
	requests(filter?: RequestFilter): RecordedRequest[];
	reset(): void;
	/** Replaces providers' windows while running (and optionally the Retry-After policy). */
	configureRateLimits(limits: Partial<Record<ProviderName, RateLimitWindow[]>>, settings?: { retryAfter?: 'always' | 'documented' }): void;
	state(provider: string): any;
	deliver(options: DeliverOptions): Promise<DeliverResult>;
	close(): Promise<void>;
}

export interface SandboxKeys {
	leadwayPublicKeyPem: string;
	readonly leadwayRsaPublicKeyPem: string;
}

export function startSandbox(options?: SandboxOptions): Promise<Sandbox>;
export const sandboxKeys: SandboxKeys;
