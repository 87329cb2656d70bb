// Small pieces every trigger's webhook() uses. A throw from webhook() makes n8n answer 500 and
// save a failed execution (and run the error workflow), so an unauthenticated sender could fill
// the executions list: everything here refuses instead of throwing.
import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeProperties,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

/** How many event IDs a trigger remembers to drop repeated deliveries. */
export const REMEMBERED_DELIVERIES = 200;

/**
 * The exact bytes the provider sent, as n8n read them. Never the parsed body re-serialised: that is
 * not what was signed, and re-serialising a hostile, deeply nested body overflows the stack.
 * Empty when n8n kept no bytes (multipart), which no signature matches.
 */
export function readRawBody(ctx: IWebhookFunctions): Buffer {
	const request = ctx.getRequestObject() as { rawBody?: unknown } | undefined;
	const raw = request?.rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	return Buffer.alloc(0);
}

export function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/**
 * The event as a JSON object, or undefined when the request holds none. n8n parses only some
 * content types (JSON, text, form, XML), so its body may be undefined, null, a string, an array or
 * a number; a body it did not parse is read from the raw bytes.
 */
export function readJsonObject(ctx: IWebhookFunctions, rawBody: Buffer): IDataObject | undefined {
	const parsed: unknown = ctx.getBodyData();
	if (isPlainObject(parsed) && Object.keys(parsed).length > 0) return parsed;
	if (rawBody.length === 0) return isPlainObject(parsed) ? parsed : undefined;
	try {
		const fromBytes: unknown = JSON.parse(rawBody.toString('utf8'));
		return isPlainObject(fromBytes) ? fromBytes : undefined;
	} catch {
		return undefined;
	}
}

/** A secret of only spaces is no secret: '' means "not configured". */
export function configuredSecret(value: unknown): string {
	return typeof value === 'string' && value.trim() !== '' ? value : '';
}

/**
 * The single value of a request header (n8n gives header names in lower case). A header that is
 * absent, repeated (an array) or not text gives undefined: a repeated signature is ambiguous.
 */
export function singleHeader(headers: unknown, name: string): string | undefined {
	if (!isPlainObject(headers)) return undefined;
	const value = headers[name.trim().toLowerCase()];
	return typeof value === 'string' ? value : undefined;
}

/** Whether the request carries the header at all, with any value. */
export function hasHeader(headers: unknown, name: string): boolean {
	return isPlainObject(headers) && headers[name.trim().toLowerCase()] !== undefined;
}

/** Answers the caller directly and starts no execution. */
export function rejectRequest(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	try {
		const response = ctx.getResponseObject();
		response.status(status).json({ error: message }).end();
	} catch {
		// Nothing more can be told to the caller; still start nothing.
	}
	return { noWebhookResponse: true };
}

/**
 * The webhook every trigger declares. n8n answers an `onReceived` webhook with its `responseData`
 * when that is set, and takes the literal text 'firstEntryJson' when it is not (n8n 2.41 then answers
 * a genuine event `200 "firstEntryJson"`, as its own Stripe and GitHub triggers do). An empty
 * `responseData` lets the answer the trigger returns (`webhookResponse`) through instead.
 */
export const TRIGGER_WEBHOOK: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	responseData: '',
	path: 'webhook',
};

/** Starts one execution with these items and answers 200 `{"received":true}`. */
export function startExecution(items: INodeExecutionData[]): IWebhookResponseData {
	return { workflowData: [items], webhookResponse: { received: true } };
}

/** Answers 200 without starting an execution. */
export function acknowledge(reason: string): IWebhookResponseData {
	return { webhookResponse: { received: true, ignored: reason } };
}

export const INTERNAL_REFUSAL = 'Request refused';

/**
 * Runs a trigger's checks so that nothing a request carries can make webhook() throw: an
 * unexpected error is logged and answered 401, and no execution starts or fails.
 */
export async function guardWebhook(
	ctx: IWebhookFunctions,
	label: string,
	handle: () => Promise<IWebhookResponseData>,
	refuse: () => IWebhookResponseData = () => rejectRequest(ctx, 401, INTERNAL_REFUSAL),
): Promise<IWebhookResponseData> {
	try {
		return await handle();
	} catch (error) {
		try {
			ctx.logger.error(`${label}: a request was refused because checking it failed: ${(error as Error)?.message ?? String(error)}`);
		} catch {
			// A logger that fails must not turn the refusal into a 500.
		}
		try {
			return refuse();
		} catch {
			return rejectRequest(ctx, 401, INTERNAL_REFUSAL);
		}
	}
}

/**
 * Whether `id` was seen among the last REMEMBERED_DELIVERIES IDs kept under `key` in the node's
 * static data; remembers it when not. Best effort: n8n saves static data with the execution an
 * event starts, so two deliveries at the same moment, or queue mode, can still let a repeat through.
 */
export function isRepeatedDelivery(ctx: IWebhookFunctions, key: string, id: string): boolean {
	const data = ctx.getWorkflowStaticData('node');
	const seen = Array.isArray(data[key]) ? (data[key] as unknown[]).filter((entry) => typeof entry === 'string') : [];
	if (seen.includes(id)) return true;
	data[key] = [...seen, id].slice(-REMEMBERED_DELIVERIES);
	return false;
}

/**
 * The event ID at a dot path of the body ("id", "data.event_id"), as text; undefined when the path
 * is empty or holds no string or number.
 */
export function eventIdAt(body: IDataObject, path: string): string | undefined {
	const parts = path
		.split('.')
		.map((part) => part.trim())
		.filter((part) => part !== '');
	if (parts.length === 0) return undefined;
	let value: unknown = body;
	for (const part of parts) {
		if (!isPlainObject(value) || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
		value = value[part];
	}
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Static-data key of the event IDs seen last by the IAGENTE SDR and Superlead triggers. */
export const SEEN_EVENT_IDS_KEY = 'recentEventIds';

/**
 * The "Ignore Repeated Deliveries" and "Event ID Field" options, for providers whose event ID
 * field is not published: off by default, since a wrong field (a lead's ID, which repeats across
 * events) would drop real events.
 */
export function repeatOptions(provider: string): INodeProperties[] {
	return [
		{
			displayName: 'Event ID Field',
			name: 'eventIdField',
			type: 'string',
			default: '',
			placeholder: 'e.g. event_id or data.delivery_id',
			description: `Dot path of the body field that identifies one event, for Ignore Repeated Deliveries. ${provider} does not publish it: open a received event and pick a field that is unique per event (not a lead or message ID, which several events share).`,
		},
		{
			displayName: 'Ignore Repeated Deliveries',
			name: 'ignoreRepeats',
			type: 'boolean',
			default: false,
			description: `Whether to answer but not run again for an event whose Event ID Field value was seen before (the last ${REMEMBERED_DELIVERIES} are remembered). A replayed request is otherwise accepted, since its signature stays valid.`,
		},
	];
}

/** Refuses to activate with Ignore Repeated Deliveries on but no Event ID Field to read. */
export function assertRepeatOptions(ctx: IHookFunctions): void {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	if (options.ignoreRepeats === true && String(options.eventIdField ?? '').trim() === '') {
		throw new NodeOperationError(ctx.getNode(), 'Ignore Repeated Deliveries is on, but Event ID Field is empty', {
			description: 'Set Options → Event ID Field to the body field that is unique per event (e.g. event_id), or turn Ignore Repeated Deliveries off.',
		});
	}
}

/** Whether this body repeats an event seen before, as the repeat options ask. */
export function isRepeatedEvent(ctx: IWebhookFunctions, options: IDataObject, body: IDataObject): boolean {
	if (options.ignoreRepeats !== true || typeof options.eventIdField !== 'string') return false;
	const id = eventIdAt(body, options.eventIdField);
	return id !== undefined && isRepeatedDelivery(ctx, SEEN_EVENT_IDS_KEY, id);
}
