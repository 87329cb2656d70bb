// Shared by the sandbox tests: the real nodes talk to the sandbox over real sockets on 127.0.0.1,
// and triggers are reached through a tiny HTTP bridge that runs n8n-core's WebhookContext.
import nock from 'nock';
import type { IDataObject, INodeType, IWebhookResponseData } from 'n8n-workflow';

import { startSandbox } from '../../dev/sandbox';
import { startBridge } from '../../dev/sandbox/bridge';
import type { DeliverOptions, Forge, Sandbox, SandboxOptions } from '../../dev/sandbox';
import { webhookContext } from '../harness';
import type { Setup } from '../harness';

/** Starts a sandbox for the file and lets nock pass loopback traffic through (test/setup.ts blocks the rest). */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		sandbox = await startSandbox(options);
	});
	beforeEach(() => sandbox?.reset());
	// Loopback stays allowed until the file ends (test/setup.ts restores nock then): another
	// describe of the same file may still be reaching its own sandbox or bridge.
	afterAll(async () => await sandbox?.close());
	return () => {
		if (!sandbox) throw new Error('sandbox not started');
		return sandbox;
	};
}

export interface Bridge {
	url: string;
	/** How many requests started an execution (the trigger returned workflowData). */
	executions: IDataObject[][];
	close(): Promise<void>;
}

/**
 * An HTTP endpoint that hands each POST to a trigger's webhook() in n8n-core's WebhookContext, and
 * answers what the trigger answered: its own status (401 …) or 200 with the webhook response.
 */
export async function startTriggerBridge(
	trigger: INodeType,
	setup: Setup,
	staticData: () => IDataObject = () => ({}),
): Promise<Bridge> {
	const executions: IDataObject[][] = [];
	const bridge = await startBridge(async ({ headers, rawBody, query }) => {
		let body: IDataObject;
		try {
			body = JSON.parse(rawBody.toString('utf8') || '{}') as IDataObject;
		} catch {
			body = {};
		}
		const { context, captured } = webhookContext(setup, { headers, rawBody, body, query }, staticData());
		const result = await trigger.webhook!.call(context);
		if (captured.statusCode !== undefined) return { status: captured.statusCode, body: captured.body ?? {} };
		if (result.workflowData) executions.push(result.workflowData[0].map((item) => item.json));
		return { status: 200, body: onReceivedAnswer(trigger, result) };
	});
	return { url: `${bridge.url}/webhook/abc123/webhook`, executions, close: bridge.close };
}

/**
 * What n8n (2.41, webhook-helpers + extractWebhookOnReceivedResponse) answers an `onReceived` webhook
 * that did not answer itself: without workflowData, the trigger's webhookResponse (or
 * "Webhook call received"); with workflowData, the description's `responseData`, which n8n defaults to
 * the literal 'firstEntryJson' when unset, then webhookResponse, then "Workflow was started".
 */
export function onReceivedAnswer(trigger: INodeType, result: IWebhookResponseData): unknown {
	if (result.workflowData === undefined) return result.webhookResponse ?? { message: 'Webhook call received' };
	const declared = trigger.description.webhooks?.[0]?.responseData;
	const responseData = declared === undefined ? 'firstEntryJson' : declared;
	if (responseData === 'noData') return undefined;
	if (responseData) return responseData;
	return result.webhookResponse ?? { message: 'Workflow was started' };
}

/** Delivers each forgery and expects the trigger to refuse every one with a 401. */
export async function expectForgeriesRefused(sandbox: Sandbox, options: DeliverOptions, forges: Forge[]): Promise<void> {
	for (const forge of forges) {
		const forged = await sandbox.deliver({ ...options, forge });
		expect({ forge, status: forged.status }).toEqual({ forge, status: 401 });
	}
}
