export interface BridgeRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	rawBody: Buffer;
}

export interface BridgeResponse {
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export function startBridge(
	handler: (request: BridgeRequest) => Promise<BridgeResponse> | BridgeResponse,
	options?: { host?: string; port?: number },
): Promise<{ url: string; close(): Promise<void> }>;
