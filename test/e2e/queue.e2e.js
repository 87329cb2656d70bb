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

	it('no process logged an unrecognized node type', () => {
		const all = [stack.processes.main, stack.processes.webhook, ...stack.processes.workers];
		for (const p of all) assert.doesNotMatch(p.proc.log(), /Unrecognized node type/i, `${p.proc.name} logged an unrecognized node type`);
	});
});
