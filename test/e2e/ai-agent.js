// The package's nodes as tools of n8n's AI Agent (3.1) in a real n8n, with a scripted model: the
// OpenAI Chat Model node (1.3, Chat Completions: "Use Responses API" off) talks to a mock on
// 127.0.0.1 (openai-mock.js) through an OpenAI credential whose Base URL points at it. Each tool's
// parameters are filled by $fromAI() as the editor writes them. Used by regular.e2e.js (one n8n boot).
'use strict';
const assert = require('node:assert/strict');
const { waitForExecution } = require('../../dev/lib/n8n');
const { waitFor } = require('../../dev/lib/proc');
const { startOpenAiMock } = require('./openai-mock');
const { form, statusOf } = require('./send-and-wait');
const { tally } = require('./helpers');

const PACKAGE = 'n8n-nodes-br-messaging';
const MANUAL = "When clicking 'Execute workflow'";
const AGENT = 'AI Agent';
/** The lead both Superlead and Leadway know in the sandbox (seeded), and who may get free-form WhatsApp. */
const LEAD_PHONE = '(11) 99999-0001';
/** The person who approves the gated tool on WhatsApp (IAGENTE SDR). */
const APPROVER_PHONE = '11999999999';

/** A parameter the model defines, written as the editor's "Let the model define this parameter" button writes it. */
const fromAI = (key, description = '') => `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`${description}\`, 'string') }}`;

/** The tool nodes, named as the editor names a new tool node: "<action> in <node name>". */
const TOOLS = {
	iagente: {
		name: 'Send a whatsapp message to a phone or lead ID in IAGENTE SDR',
		type: `${PACKAGE}.iagenteSdrTool`,
		credential: 'iagenteSdrApi',
		parameters: { descriptionType: 'auto', resource: 'whatsAppMessage', operation: 'send', sendTo: 'phone', phone: fromAI('Phone'), messageType: 'text', text: fromAI('Text') },
	},
	superlead: {
		name: 'Send a whatsapp message to an existing lead in Superlead',
		type: `${PACKAGE}.superleadTool`,
		credential: 'superleadApi',
		parameters: {
			descriptionType: 'auto',
			resource: 'message',
			operation: 'send',
			to: fromAI('To', "The lead's phone with area code (DDD), as the user wrote it"),
			messageType: 'text',
			text: fromAI('Text', 'The WhatsApp message, in Portuguese'),
		},
	},
	ligueLead: {
		name: 'Send an SMS to one or more phone numbers in LigueLead',
		type: `${PACKAGE}.ligueLeadTool`,
		credential: 'ligueLeadApi',
		// The report title is fixed, not left to the model: it is never part of the SMS.
		parameters: { descriptionType: 'auto', resource: 'sms', operation: 'send', title: 'Agente IA', message: fromAI('Message'), phones: fromAI('Phones') },
	},
	leadway: {
		name: 'Send a contact an SMS or email or other message in Leadway CRM',
		type: `${PACKAGE}.leadwayTool`,
		credential: 'leadwayApi',
		parameters: { descriptionType: 'auto', resource: 'message', operation: 'send', type: 'SMS', contactBy: 'phone', contactPhone: fromAI('Contact_Phone'), message: fromAI('Message') },
	},
};

/** The approval gate: IAGENTE SDR's `…HitlTool` variant, Approve and Disapprove, as the editor adds it. */
const GATE = {
	name: 'Approve on WhatsApp',
	type: `${PACKAGE}.iagenteSdrHitlTool`,
	credential: 'iagenteSdrApi',
	parameters: {
		resource: 'whatsAppMessage',
		operation: 'sendAndWait',
		responseType: 'approval',
		// n8n's default message with one change the README recommends: n8n 2.41 renders the default
		// `{{ $tool.parameters }}` as "[object Object]", so the reviewer would not see what is to be sent.
		message: '=The agent wants to run this tool: {{ $tool.name }}\n\nInput:\n{{ JSON.stringify($tool.parameters) }}',
		sendTo: 'phone',
		phone: APPROVER_PHONE,
		approvalOptions: { values: { approvalType: 'double', approveLabel: 'Aprovar', disapproveLabel: 'Recusar' } },
	},
};

/** What the scripted model does per scenario: the tools it calls, one per turn, then a final answer. */
const SCENARIOS = {
	sends: [
		{ tool: /\bwhatsapp\b.* in IAGENTE SDR$/, args: { Phone: LEAD_PHONE, Text: 'Olá João, aqui é a IAGENTE SDR.' } },
		{ tool: /\bwhatsapp\b.*existing lead.* in Superlead$/, args: { To: LEAD_PHONE, Text: 'Olá João, aqui é a Superlead.' } },
		{ tool: /\bSMS\b.* in LigueLead$/, args: { Message: 'Ola Joao, aqui e a LigueLead.', Phones: LEAD_PHONE } },
		{ tool: /\bSMS\b.* in Leadway CRM$/, args: { Contact_Phone: LEAD_PHONE, Message: 'Olá João, aqui é a Leadway.' } },
	],
	refused: [{ tool: / in Superlead$/, args: { To: '123', Text: 'Oi' } }],
	approve: [{ tool: / in Superlead$/, args: { toolParameters: { To: LEAD_PHONE, Text: 'Seu desconto foi aprovado.' }, hitlParameters: {} } }],
	decline: [{ tool: / in Superlead$/, args: { toolParameters: { To: LEAD_PHONE, Text: 'Desconto recusado?' }, hitlParameters: {} } }],
};

const scenarioOf = (body) => {
	const user = (body.messages || []).find((m) => m.role === 'user');
	const text = typeof user?.content === 'string' ? user.content : JSON.stringify(user?.content ?? '');
	const match = /\[scenario:(\w+)\]/.exec(text);
	return match ? match[1] : undefined;
};

/** The scripted model: the next step of the scenario named in the prompt, picked from the tools n8n offers by their description. */
function scriptedModel(body) {
	const scenario = scenarioOf(body);
	const steps = SCENARIOS[scenario];
	if (!steps) throw new Error(`no scenario in the prompt: ${JSON.stringify(body.messages).slice(0, 300)}`);
	const done = (body.messages || []).filter((m) => m.role === 'assistant' && Array.isArray(m.tool_calls) && m.tool_calls.length > 0).length;
	if (done >= steps.length) return { text: `Scenario ${scenario} done.` };
	const step = steps[done];
	const tools = (body.tools || []).map((t) => t.function);
	const matching = tools.filter((t) => step.tool.test(t.description));
	if (matching.length !== 1) {
		throw new Error(`scenario ${scenario}, step ${done + 1}: ${matching.length} tools described like ${step.tool}; offered: ${tools.map((t) => `${t.name} = ${t.description}`).join(' | ')}`);
	}
	return { toolCall: { name: matching[0].name, args: step.args } };
}

function node(spec, id, position) {
	return {
		id,
		name: spec.name,
		type: spec.type,
		typeVersion: 1,
		position,
		parameters: spec.parameters,
		credentials: { [spec.credential]: { id: spec.credentialId, name: spec.credentialName } },
	};
}

/** A workflow: Manual Trigger → AI Agent (prompt), the OpenAI Chat Model, and the tools (directly, or behind the gate). */
function agentWorkflow({ name, prompt, tools, gated, credentials, openAiCredentialId }) {
	const bind = (spec) => ({ ...spec, credentialId: credentials[spec.credential], credentialName: `${spec.credential} (sandbox)` });
	const nodes = [
		{ id: 'b0000000-0000-4000-8000-000000000001', name: MANUAL, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'b0000000-0000-4000-8000-000000000002',
			name: AGENT,
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3.1,
			position: [240, 0],
			parameters: { promptType: 'define', text: prompt, options: { maxIterations: 10 } },
		},
		{
			id: 'b0000000-0000-4000-8000-000000000003',
			name: 'OpenAI Chat Model',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.3,
			position: [200, 220],
			parameters: { model: { __rl: true, mode: 'list', value: 'gpt-4o-mini' }, responsesApiEnabled: false, options: {} },
			credentials: { openAiApi: { id: openAiCredentialId, name: 'OpenAI (mock)' } },
		},
	];
	const connections = {
		[MANUAL]: { main: [[{ node: AGENT, type: 'main', index: 0 }]] },
		'OpenAI Chat Model': { ai_languageModel: [[{ node: AGENT, type: 'ai_languageModel', index: 0 }]] },
	};
	tools.forEach((spec, i) => {
		nodes.push(node(bind(spec), `b0000000-0000-4000-8000-00000000010${i}`, [400 + 160 * i, 220]));
		connections[spec.name] = { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] };
	});
	if (gated) {
		nodes.push(node(bind(GATE), 'b0000000-0000-4000-8000-000000000200', [400, 220]));
		connections[GATE.name] = { ai_tool: [[{ node: AGENT, type: 'ai_tool', index: 0 }]] };
		nodes.push(node(bind(gated), 'b0000000-0000-4000-8000-000000000201', [400, 440]));
		connections[gated.name] = { ai_tool: [[{ node: GATE.name, type: 'ai_tool', index: 0 }]] };
	}
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

/** Starts the mock, creates the OpenAI credential pointing at it and the two agent workflows. */
async function setUpAgent(stack) {
	const mock = await startOpenAiMock({ reply: scriptedModel });
	const credential = await stack.client.createCredential({
		name: 'OpenAI (mock)',
		type: 'openAiApi',
		data: { apiKey: 'sk-mock-not-a-real-key', organizationId: '', url: `${mock.url}/v1`, header: false },
	});
	const credentials = stack.provisioned.credentials;
	const create = async (spec) => (await stack.client.createWorkflow(agentWorkflow({ ...spec, credentials, openAiCredentialId: credential.id }))).id;
	const workflows = {};
	for (const scenario of ['sends', 'refused']) {
		workflows[scenario] = await create({
			name: `AI Agent: ${scenario}`,
			prompt: `[scenario:${scenario}] Send our welcome message to João, ${LEAD_PHONE}, on every channel you have.`,
			tools: [TOOLS.iagente, TOOLS.superlead, TOOLS.ligueLead, TOOLS.leadway],
		});
	}
	for (const scenario of ['approve', 'decline']) {
		workflows[scenario] = await create({
			name: `AI Agent: ${scenario} (approval gate)`,
			prompt: `[scenario:${scenario}] Tell João, ${LEAD_PHONE}, about his discount on WhatsApp.`,
			tools: [],
			gated: TOOLS.superlead,
		});
	}
	return { mock, workflows, stop: () => mock.close() };
}

/** The model requests of one scenario, in order. */
const requestsOf = (agent, scenario) => agent.mock.requests.filter((r) => scenarioOf(r.body) === scenario).map((r) => r.body);

/** The tool message that answers the call the model made in its previous answer; asserts it is there. */
function toolResultIn(body, label) {
	const messages = body.messages || [];
	const calls = messages.filter((m) => m.role === 'assistant' && Array.isArray(m.tool_calls));
	const lastCall = calls[calls.length - 1]?.tool_calls[0];
	assert.ok(lastCall, `${label}: the model's next request repeats its tool call`);
	const result = messages.find((m) => m.role === 'tool' && m.tool_call_id === lastCall.id);
	assert.ok(result, `${label}: the model's next request carries the result of tool call ${lastCall.id}: ${JSON.stringify(messages).slice(0, 600)}`);
	return typeof result.content === 'string' ? result.content : JSON.stringify(result.content);
}

function assertNoMockFailures(agent) {
	assert.deepEqual(agent.mock.failures, [], 'the scripted model understood every request');
}

/** Runs a workflow from its Manual Trigger and waits for it to end; returns the execution. */
async function runToEnd(stack, workflowId) {
	const executionId = await stack.client.runManually(workflowId, MANUAL);
	const { execution, data } = await waitForExecution(stack.client, stack.install, executionId, 180000);
	return { executionId, execution, data };
}

const failures = (data) =>
	Object.entries(data.resultData.runData)
		.flatMap(([name, runs]) => runs.filter((r) => r.error).map((r) => `${name}: ${r.error.message}`))
		.join('; ');

/** Each provider's send tool is called once; the sandbox records the exact request; each result reaches the model. */
async function checkSends(stack, agent) {
	const { sandbox } = stack;
	const since = { iagente: sandbox.requests({ provider: 'iagente' }).length, superlead: sandbox.requests({ provider: 'superlead' }).length, liguelead: sandbox.requests({ provider: 'liguelead' }).length, leadway: sandbox.requests({ provider: 'leadway' }).length };
	const { executionId, execution, data } = await runToEnd(stack, agent.workflows.sends);
	assertNoMockFailures(agent);
	assert.equal(execution.status, 'success', `execution ${executionId} of the agent ended ${execution.status}: ${failures(data)}`);

	const requests = requestsOf(agent, 'sends');
	assert.equal(requests.length, 5, `the model was asked 5 times (4 tool calls, then the answer), got ${requests.length}`);
	// What the model reads: the four tools, named and described from the action labels.
	const offered = requests[0].tools.map((t) => `${t.function.name} = ${t.function.description}`).sort();
	assert.deepEqual(offered, [
		'Send_a_contact_an_SMS_or_email_or_other_message_in_Leadway_CRM = Send a contact an SMS or email or other message in Leadway CRM',
		'Send_a_whatsapp_message_to_a_phone_or_lead_ID_in_IAGENTE_SDR = Send a whatsapp message to a phone or lead ID in IAGENTE SDR',
		'Send_a_whatsapp_message_to_an_existing_lead_in_Superlead = Send a whatsapp message to an existing lead in Superlead',
		'Send_an_SMS_to_one_or_more_phone_numbers_in_LigueLead = Send an SMS to one or more phone numbers in LigueLead',
	]);
	const superleadSchema = requests[0].tools.find((t) => / in Superlead$/.test(t.function.description)).function.parameters;
	assert.deepEqual(Object.keys(superleadSchema.properties).sort(), ['Text', 'To'], 'the Superlead tool asks the model for To and Text only');
	assert.equal(superleadSchema.properties.To.description, "The lead's phone with area code (DDD), as the user wrote it", 'the $fromAI description reaches the model');

	const after = (provider) => sandbox.requests({ provider }).slice(since[provider]);
	const shape = (r, headers) => ({ method: r.method, url: r.url, headers: Object.fromEntries(headers.map((h) => [h, r.headers[h]])), body: r.body });
	const creds = sandbox.credentials;

	// IAGENTE SDR: one WhatsApp text to the phone the model gave.
	const iagente = after('iagente').filter((r) => r.method === 'POST');
	assert.equal(iagente.length, 1, `IAGENTE SDR: one POST, got ${iagente.map((r) => r.url).join(', ')}`);
	assert.deepEqual(shape(iagente[0], ['authorization']), {
		method: 'POST',
		url: '/iagente/api/v1/whatsapp/messages',
		headers: { authorization: `Bearer ${creds.iagenteSdrApi.apiKey}` },
		body: { phone: '5511999990001', type: 'text', text: 'Olá João, aqui é a IAGENTE SDR.' },
	});
	// Superlead: one message, E.164, with its automatic Idempotency-Key.
	const superlead = after('superlead').filter((r) => r.method === 'POST');
	assert.equal(superlead.length, 1, `Superlead: one POST, got ${superlead.map((r) => r.url).join(', ')}`);
	assert.match(String(superlead[0].headers['idempotency-key']), /^n8n-superlead-[0-9a-f]{40}$/);
	assert.deepEqual(shape(superlead[0], ['authorization']), {
		method: 'POST',
		url: '/superlead/v1/messages',
		headers: { authorization: `Bearer ${creds.superleadApi.apiKey}` },
		body: { type: 'text', text: { body: 'Olá João, aqui é a Superlead.' }, to: '+5511999990001' },
	});
	// LigueLead: one SMS campaign with the fixed report title.
	const ligueLead = after('liguelead').filter((r) => r.method === 'POST');
	assert.equal(ligueLead.length, 1, `LigueLead: one POST, got ${ligueLead.map((r) => r.url).join(', ')}`);
	assert.deepEqual(shape(ligueLead[0], ['api-token', 'app-id']), {
		method: 'POST',
		url: '/liguelead/v1/sms',
		headers: { 'api-token': creds.ligueLeadApi.apiToken, 'app-id': creds.ligueLeadApi.appId },
		body: { title: 'Agente IA', message: 'Ola Joao, aqui e a LigueLead.', phones: ['11999990001'] },
	});
	// Leadway: the contact looked up by phone, then one SMS to it.
	const leadway = after('leadway');
	const leadwaySend = leadway.filter((r) => r.method === 'POST');
	assert.equal(leadwaySend.length, 1, `Leadway: one POST, got ${leadway.map((r) => `${r.method} ${r.url}`).join(', ')}`);
	assert.deepEqual(shape(leadwaySend[0], ['authorization', 'version']), {
		method: 'POST',
		url: '/leadway/conversations/messages',
		headers: { authorization: `Bearer ${creds.leadwayApi.accessToken}`, version: '2021-07-28' },
		body: { type: 'SMS', contactId: 'sandboxContact0000001', message: 'Olá João, aqui é a Leadway.' },
	});

	// Each result reaches the model's next request, with what the provider answered.
	const results = [1, 2, 3, 4].map((k) => toolResultIn(requests[k], `after tool call ${k}`));
	const answered = [iagente[0], superlead[0], ligueLead[0], leadwaySend[0]].map((r) => r.responseBody);
	const ids = [answered[0].data.id, answered[1].id, answered[2].data.campaign_id, answered[3].messageId];
	ids.forEach((id, k) => assert.ok(results[k].includes(String(id)), `the result of tool call ${k + 1} carries the provider's ID ${id}: ${results[k]}`));
	tally.executions += 1;
	tally.requests += 4;
}

/** An invalid phone is refused before anything is sent, and the model reads the fix. */
async function checkRefused(stack, agent) {
	const before = stack.sandbox.requests({ provider: 'superlead', method: 'POST' }).length;
	const { executionId, execution, data } = await runToEnd(stack, agent.workflows.refused);
	assertNoMockFailures(agent);
	assert.equal(execution.status, 'success', `execution ${executionId} of the agent ended ${execution.status}: ${failures(data)}`);
	const requests = requestsOf(agent, 'refused');
	assert.equal(requests.length, 2, `the model was asked twice (the call, then the answer), got ${requests.length}`);
	const result = toolResultIn(requests[1], 'after the refused call');
	assert.ok(result.includes('To: \\"123\\" is not a valid Brazilian phone number'), `the model reads what was wrong: ${result}`);
	assert.ok(result.includes('Use a Brazilian number with area code (DDD), for example 11999999999'), `the model reads how to fix it: ${result}`);
	assert.ok(!result.includes('[item'), `no item suffix in what the model reads: ${result}`);
	assert.equal(stack.sandbox.requests({ provider: 'superlead', method: 'POST' }).length, before, 'nothing was sent to Superlead');
	tally.executions += 1;
}

/** The gate: the approval request goes out on WhatsApp; approving sends the gated message, declining sends nothing. */
async function checkGate(stack, agent, approve) {
	const scenario = approve ? 'approve' : 'decline';
	const { sandbox } = stack;
	const approvals = () => sandbox.requests({ provider: 'iagente', path: '/whatsapp/messages' });
	const sends = () => sandbox.requests({ provider: 'superlead', method: 'POST' });
	const approvalsBefore = approvals().length;
	const sendsBefore = sends().length;
	const executionId = await stack.client.runManually(agent.workflows[scenario], MANUAL);
	let ended = '';
	await waitFor(
		`the agent's execution ${executionId} to wait for the approval`,
		async () => {
			const status = await statusOf(stack, executionId);
			if (['success', 'error', 'crashed', 'canceled'].includes(status)) ended = `it ended "${status}" instead of waiting`;
			return status === 'waiting';
		},
		{ timeoutMs: 120000, intervalMs: 300, failFast: () => ended },
	);
	assertNoMockFailures(agent);
	const asked = approvals().slice(approvalsBefore);
	assert.equal(asked.length, 1, `one approval request went out on WhatsApp, got ${asked.length}`);
	assert.equal(asked[0].body.phone, '5511999999999', 'the approval goes to the approver');
	assert.match(String(asked[0].body.text), /^The agent wants to run this tool: .*Superlead/, 'the approval names the tool');
	assert.ok(String(asked[0].body.text).includes(LEAD_PHONE), `the approval shows the tool's input: ${asked[0].body.text}`);
	const link = /(http:\/\/127\.0\.0\.1:\d+\/webhook-waiting\/\S+)$/.exec(String(asked[0].body.text));
	assert.ok(link, `the approval message ends with the link: ${asked[0].body.text}`);
	assert.equal(sends().length, sendsBefore, 'nothing goes to the lead before the approval');

	const res = await form(link[1], { approved: approve ? 'true' : 'false' });
	const html = await res.text();
	assert.equal(res.status, 200, `the answer is recorded, got ${res.status}: ${html.slice(0, 300)}`);
	const { execution, data } = await waitForExecution(stack.client, stack.install, executionId, 180000);
	assertNoMockFailures(agent);
	assert.equal(execution.status, 'success', `execution ${executionId} ended ${execution.status}: ${failures(data)}`);
	const requests = requestsOf(agent, scenario);
	assert.equal(requests.length, 2, `the model was asked twice (the gated call, then the answer), got ${requests.length}`);
	const result = toolResultIn(requests[1], `after the ${scenario}d gate`);
	const sent = sends().slice(sendsBefore);
	if (approve) {
		assert.equal(sent.length, 1, `approved: the gated message went out once, got ${sent.length}`);
		assert.deepEqual({ url: sent[0].url, body: sent[0].body }, { url: '/superlead/v1/messages', body: { type: 'text', text: { body: 'Seu desconto foi aprovado.' }, to: '+5511999990001' } });
		assert.ok(result.includes(sent[0].responseBody.id), `the model reads the sent message's ID: ${result}`);
	} else {
		assert.equal(sent.length, 0, `declined: nothing was sent to the lead, got ${sent.map((r) => r.url).join(', ')}`);
		assert.ok(result.includes('User rejected the tool call'), `the model reads that the call was rejected: ${result}`);
	}
	tally.executions += 1;
	tally.requests += approve ? 2 : 1;
}

module.exports = { setUpAgent, checkSends, checkRefused, checkGate, scriptedModel, agentWorkflow, TOOLS, GATE };
