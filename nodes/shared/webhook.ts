// Small pieces every trigger's webhook() uses.
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** The exact bytes the provider sent; falls back to re-serialised JSON only when n8n kept none. */
export function readRawBody(ctx: IWebhookFunctions): Buffer {
	const request = ctx.getRequestObject() as { rawBody?: Buffer | string };
	if (Buffer.isBuffer(request.rawBody)) return request.rawBody;
	if (typeof request.rawBody === 'string') return Buffer.from(request.rawBody, 'utf8');
	return Buffer.from(JSON.stringify(ctx.getBodyData()), 'utf8');
}

/** Answers the caller directly and starts no execution. */
export function rejectRequest(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const response = ctx.getResponseObject();
	response.status(status).json({ error: message }).end();
	return { noWebhookResponse: true };
}
