// Prepares a fresh n8n the way a new user would through its UI: owner account, one credential per
// provider pointing at the sandbox, the example workflows, and the trigger workflows published.
'use strict';
const fs = require('fs');
const path = require('path');

const OWNER = Object.freeze({
	email: 'dev@example.com',
	firstName: 'Dev',
	lastName: 'Sandbox',
	password: 'Sandbox-dev-1',
});

const CREDENTIAL_NAMES = Object.freeze({
	ligueLeadApi: 'LigueLead (sandbox)',
	superleadApi: 'Superlead (sandbox)',
	leadwayApi: 'Leadway (sandbox)',
	iagenteSdrApi: 'IAGENTE SDR (sandbox)',
});

const PACKAGE = 'n8n-nodes-br-messaging';
const WORKFLOWS_DIR = path.join(__dirname, '..', 'workflows');
// Values the sandbox decides (its Leadway signing key) are filled in at import.
const PLACEHOLDERS = {
	__SANDBOX_LEADWAY_ED25519_PUBLIC_KEY__: (sandbox) => sandbox.triggerSettings.leadwayTrigger.ed25519PublicKey,
};

function loadWorkflowFiles(dir = WORKFLOWS_DIR) {
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) }));
}

const isTriggerWorkflow = (workflow) => workflow.nodes.some((n) => /Trigger$/.test(n.type) && !n.type.startsWith('n8n-nodes-base.'));

/** Points the workflow's credential references at the credentials created in this n8n, and fills sandbox values. */
function bindWorkflow(workflow, credentialIds, sandbox, packageName = PACKAGE) {
	const copy = JSON.parse(JSON.stringify(workflow));
	for (const node of copy.nodes) {
		// A per-provider package (n8n-nodes-liguelead …) registers the same nodes under its own name.
		if (node.type.startsWith(`${PACKAGE}.`)) node.type = `${packageName}.${node.type.slice(PACKAGE.length + 1)}`;
		for (const type of Object.keys(node.credentials || {})) {
			if (!credentialIds[type]) throw new Error(`workflow "${copy.name}" uses credential type ${type}, which was not created`);
			node.credentials[type] = { id: credentialIds[type], name: CREDENTIAL_NAMES[type] };
		}
	}
	let text = JSON.stringify(copy);
	for (const [placeholder, value] of Object.entries(PLACEHOLDERS)) {
		text = text.split(placeholder).join(JSON.stringify(value(sandbox)).slice(1, -1));
	}
	return JSON.parse(text);
}

/**
 * Owner, credentials and workflows. Returns { owner, credentials: {type: id}, workflows: [{ file, id, name,
 * trigger, nodes }] }. Trigger workflows are published when `activate` is true.
 */
async function provision(
	client,
	sandbox,
	{ activate = true, log = () => {}, files = loadWorkflowFiles(), credentialTypes = Object.keys(sandbox.credentials), packageName = PACKAGE } = {},
) {
	await client.setupOwner(OWNER);
	log(`owner ${OWNER.email} created`);
	const credentials = {};
	for (const type of credentialTypes) {
		const data = sandbox.credentials[type];
		const created = await client.createCredential({ name: CREDENTIAL_NAMES[type] || `${type} (sandbox)`, type, data });
		credentials[type] = created.id;
	}
	log(`credentials created: ${Object.keys(credentials).join(', ')}`);
	const workflows = [];
	for (const { file, workflow } of files) {
		const created = await client.createWorkflow(bindWorkflow(workflow, credentials, sandbox, packageName));
		const entry = { file, id: created.id, name: created.name, trigger: isTriggerWorkflow(workflow), nodes: created.nodes };
		if (entry.trigger && activate) await client.activateWorkflow(created.id);
		workflows.push(entry);
	}
	// n8n 2.x publishes a workflow; 1.x activates it (there is no publish step).
	const done = client.features && client.features.publish === false ? 'activated' : 'published';
	log(`workflows imported: ${workflows.length} (${workflows.filter((w) => w.trigger).length} triggers ${activate ? done : `not ${done}`})`);
	return { owner: OWNER, credentials, workflows };
}

/** The production webhook URL of a trigger node (path `webhook` under its webhookId). */
function webhookUrl(baseUrl, node) {
	return `${baseUrl.replace(/\/$/, '')}/webhook/${node.webhookId}/webhook`;
}

module.exports = { PACKAGE, OWNER, CREDENTIAL_NAMES, loadWorkflowFiles, bindWorkflow, provision, webhookUrl, isTriggerWorkflow, WORKFLOWS_DIR };
