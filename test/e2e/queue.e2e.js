// Queue mode as production runs it: Postgres (Debian's postgresql) as n8n's database, Redis (Debian's
// redis-server), one main, two workers and one webhook process sharing one encryption key, each with
// the packed package installed. One send workflow runs on a worker; one trigger receives webhooks on
// the webhook process and its executions run on the workers.
'use strict';
const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const { bootAndProvision, runSendWorkflow, driveTrigger, workerThatRan, printTally } = require('./helpers');

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

	it('no process logged an unrecognized node type', () => {
		const all = [stack.processes.main, stack.processes.webhook, ...stack.processes.workers];
		for (const p of all) assert.doesNotMatch(p.proc.log(), /Unrecognized node type/i, `${p.proc.name} logged an unrecognized node type`);
	});
});
