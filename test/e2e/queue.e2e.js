// Queue mode as production runs it: Postgres (Debian's postgresql) as n8n's database, Redis (Debian's
// redis-server), one main, two workers and one webhook process sharing one encryption key, each with
// the packed package installed. One send workflow runs on a worker; one trigger receives webhooks on
// the webhook process and its executions run on the workers; one Send and Wait round trip waits, is
// answered through the webhook process and resumed by a worker.
'use strict';
const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const { waitFor } = require('../../dev/lib/proc');
const { bootAndProvision, runSendWorkflow, driveTrigger, workerThatRan, printTally } = require('./helpers');
const { sendAndReadLink, checkPageAndTamper, answerAndCheck } = require('./send-and-wait');

describe('n8n queue mode (main + 2 workers + webhook process, Postgres, Redis)', () => {
	let stack;

	before(async () => {
		stack = await bootAndProvision('queue', { workers: 2 });
	}, { timeout: 15 * 60 * 1000 });

	after(async () => {
		printTally('queue mode');
		if (stack) await stack.stop();
	});

	it('runs the LigueLead SMS + voice workflow on a worker', { timeout: 180000 }, async () => {
		const { executionId } = await runSendWorkflow(stack, 'liguelead-sms-and-voice.json');
		assert.ok(await workerThatRan(stack, executionId), `no worker log says it finished execution ${executionId}; the main ran it instead`);
	});

	it('the Superlead trigger takes webhooks on the webhook process; workers run exactly the genuine ones', { timeout: 300000 }, async () => {
		assert.notEqual(stack.webhookBase, stack.url, 'webhooks go to the webhook process, not the main');
		const { executions } = await driveTrigger(stack, 'trigger-superlead.json');
		for (const e of executions) assert.ok(await workerThatRan(stack, e.id), `no worker log says it finished execution ${e.id}`);
	});

	it('the IAGENTE trigger registered the webhook process URL and receives signed events there', { timeout: 300000 }, async () => {
		await driveTrigger(stack, 'trigger-iagente.json');
	});

	it('Send and Wait: waits, the link goes through the webhook process, a worker resumes, sent once', { timeout: 300000 }, async () => {
		// Production queue mode: WEBHOOK_URL (every process) is the webhook process's address, and the main
		// serves no production or waiting webhooks (N8N_DISABLE_PRODUCTION_MAIN_PROCESS).
		assert.notEqual(stack.webhookBase, stack.url, 'waiting webhooks go to the webhook process, not the main');
		// sendAndReadLink: the execution turns `waiting`, one message recorded, its link on stack.webhookBase.
		const sent = await sendAndReadLink(stack, 'iagente-whatsapp-approval.json');
		assert.ok(await workerThatRan(stack, sent.executionId), `no worker log says it ran execution ${sent.executionId} up to the wait`);
		const onMain = await fetch(sent.link.replace(stack.webhookBase.replace(/\/$/, ''), stack.url.replace(/\/$/, '')));
		const mainPage = await onMain.text();
		assert.ok(onMain.status === 404 || !mainPage.includes('Aprova o desconto'), `the main must not serve the waiting page (got ${onMain.status})`);
		await checkPageAndTamper(stack, sent);
		const enqueued = new RegExp(`Enqueued execution ${sent.executionId} \\(job (\\d+)\\)`, 'g');
		const jobsBefore = [...stack.processes.webhook.proc.log().matchAll(enqueued)].length;
		// answerAndCheck: the answer (to the webhook process) resumes it with the approval; still one message.
		await answerAndCheck(stack, sent, { approved: 'true' }, { data: { approved: true } });
		// The webhook process put the resumption on the queue, and a worker ran that very job.
		const newJobs = () => [...stack.processes.webhook.proc.log().matchAll(enqueued)].slice(jobsBefore).map((m) => m[1]);
		await waitFor(`the webhook process to log that it enqueued execution ${sent.executionId}`, () => newJobs().length > 0, { timeoutMs: 150000 });
		const jobs = newJobs();
		assert.equal(jobs.length, 1, `the webhook process's log says it enqueued the resumption of execution ${sent.executionId} once, found ${jobs.length}`);
		await waitFor(`a worker to log that it finished job ${jobs[0]} (execution ${sent.executionId} resumed)`, () =>
			stack.processes.workers.some((w) => w.proc.log().includes(`Worker finished execution ${sent.executionId} (job ${jobs[0]})`)),
		{ timeoutMs: 150000 });
	});

	// Issue 15: the two workers share one account's budget through the provider's headers alone.
	it('two workers run one large Leadway send on one account within its limit: 0 failed, 429s at most 1 % of requests', { timeout: 600000 }, async () => {
		const { PROVIDERS } = require('../../dev/sandbox');
		const { waitForExecution } = require('../../dev/lib/n8n');
		const { MANUAL } = require('./expectations');
		const { sandbox, client } = stack;
		const executions = 6;
		const itemsEach = 50;
		const send = { method: 'POST', path: '/conversations/messages' };
		// HighLevel's 100 per 10 s scaled to 20 per 2 s: the same 10 per second the node paces at by
		// default, so each worker alone would send at the full rate. 429s without Retry-After, as HighLevel.
		sandbox.configureRateLimits({ leadway: [{ limit: 20, windowMs: 2000 }, PROVIDERS.leadway.rateLimits[1]] }, { retryAfter: 'documented' });
		try {
			const credential = sandbox.credentials.leadwayApi;
			const created = await fetch(`${credential.baseUrl}/contacts/`, {
				method: 'POST',
				headers: { authorization: `Bearer ${credential.accessToken}`, version: '2021-07-28', 'content-type': 'application/json' },
				body: JSON.stringify({ locationId: credential.locationId, firstName: 'Queue', phone: '+5511955554444' }),
			});
			assert.equal(created.status, 201, `the sandbox did not create the contact: ${created.status}`);
			const contactId = (await created.json()).contact.id;
			const workflow = await client.createWorkflow({
				name: 'Queue mode: one large Leadway send',
				nodes: [
					{ id: 'b0000000-0000-4000-8000-000000000001', name: MANUAL, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					{
						id: 'b0000000-0000-4000-8000-000000000002',
						name: 'Items',
						type: 'n8n-nodes-base.code',
						typeVersion: 2,
						position: [220, 0],
						parameters: { jsCode: `return Array.from({ length: ${itemsEach} }, (_, n) => ({ json: { n } }));` },
					},
					{
						id: 'b0000000-0000-4000-8000-000000000003',
						name: 'Send SMS',
						type: 'n8n-nodes-br-messaging.leadway',
						typeVersion: 1,
						position: [440, 0],
						parameters: {
							resource: 'message',
							operation: 'send',
							type: 'SMS',
							contactBy: 'contact',
							contactId: { __rl: true, mode: 'id', value: contactId },
							message: '={{ "Queue item " + $json.n + " of execution " + $execution.id }}',
						},
						credentials: { leadwayApi: { id: stack.provisioned.credentials.leadwayApi, name: 'Leadway (sandbox)' } },
					},
				],
				connections: {
					[MANUAL]: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
					Items: { main: [[{ node: 'Send SMS', type: 'main', index: 0 }]] },
				},
				settings: { executionOrder: 'v1' },
			});
			const before = sandbox.requests({ provider: 'leadway', ...send }).length;
			// Started at once, so the queue hands them to both workers.
			const ids = await Promise.all(Array.from({ length: executions }, () => client.runManually(workflow.id, MANUAL)));
			for (const id of ids) {
				const { execution, data } = await waitForExecution(client, stack.install, id, 300000);
				const why = Object.entries(data.resultData.runData ?? {})
					.filter(([, runs]) => runs[0]?.error)
					.map(([name, runs]) => `${name}: ${runs[0].error.message}`)
					.join('; ');
				assert.equal(execution.status, 'success', `execution ${id} ended ${execution.status}: ${why || data.resultData.error?.message}`);
				const out = data.resultData.runData['Send SMS'][0].data.main[0];
				assert.equal(out.length, itemsEach, `execution ${id}: ${out.length} output items`);
				const failed = out.filter((item) => item.json.error !== undefined || !item.json.messageId);
				assert.equal(failed.length, 0, `execution ${id}: ${failed.length} items failed, e.g. ${JSON.stringify(failed[0]?.json)}`);
			}
			const ran = new Set((await Promise.all(ids.map((id) => workerThatRan(stack, id)))).filter(Boolean));
			assert.equal(ran.size, 2, `the ${executions} executions ran on ${ran.size} worker(s); the test needs both sharing the account`);
			const records = sandbox.requests({ provider: 'leadway', ...send }).slice(before);
			const limited = records.filter((r) => r.status === 429).length;
			const accepted = records.filter((r) => r.status === 201 || r.status === 200).length;
			assert.equal(accepted, executions * itemsEach, `the sandbox accepted ${accepted} sends for ${executions * itemsEach} items`);
			console.log(`[e2e] queue budget: ${records.length} requests, ${limited} answered 429 (${((100 * limited) / records.length).toFixed(2)} %), ${accepted} accepted, on ${ran.size} workers`);
			assert.ok(limited <= records.length * 0.01, `${limited} of ${records.length} requests got a 429: more than 1 %`);
		} finally {
			sandbox.configureRateLimits({ leadway: PROVIDERS.leadway.rateLimits }, { retryAfter: 'always' });
		}
	});

	it('no process logged an unrecognized node type', () => {
		const all = [stack.processes.main, stack.processes.webhook, ...stack.processes.workers];
		for (const p of all) assert.doesNotMatch(p.proc.log(), /Unrecognized node type/i, `${p.proc.name} logged an unrecognized node type`);
	});
});
