#!/usr/bin/env node
'use strict';
// node dev/sandbox/cli.js serve [--port 4010] [--host 127.0.0.1] [--latency-ms 0] [--no-rate-limits]
// node dev/sandbox/cli.js deliver --sandbox http://127.0.0.1:4010 --provider leadway --to <trigger-url>
//      [--event InboundMessage] [--forge signature|missing|tampered|stale] [--payload '{"…"}']
//      [--token …] [--token-placement query|header|both] [--scheme ed25519|rsa] [--timestamp-header …]
// `deliver` exits 1 when the trigger did not answer 2xx (or, with --forge, when it did).

const { startSandbox } = require('./index');

function parseArgs(argv) {
	const args = { _: [] };
	for (let i = 0; i < argv.length; i += 1) {
		const arg = argv[i];
		if (!arg.startsWith('--')) {
			args._.push(arg);
			continue;
		}
		const [name, inline] = arg.slice(2).split(/=(.*)/s);
		if (name.startsWith('no-')) args[name.slice(3)] = false;
		else if (inline !== undefined) args[name] = inline;
		else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args[name] = argv[++i];
		else args[name] = true;
	}
	return args;
}

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

function usage(message) {
	if (message) console.error(`error: ${message}\n`);
	console.error(
		[
			'usage:',
			'  node dev/sandbox/cli.js serve [--port 4010] [--host 127.0.0.1] [--latency-ms 0] [--no-rate-limits]',
			'  node dev/sandbox/cli.js deliver --sandbox <url> --provider <iagente|superlead|leadway|liguelead> --to <trigger-url>',
			'         [--event <name>] [--forge signature|missing|tampered|stale] [--payload <json>] [--token <t>]',
		].join('\n'),
	);
	process.exit(2);
}

async function serve(args) {
	const port = args.port === undefined ? 4010 : Number(args.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535) usage('--port must be a port number');
	const sandbox = await startSandbox({
		port,
		host: typeof args.host === 'string' ? args.host : '127.0.0.1',
		latencyMs: Number(args['latency-ms'] ?? 0),
		enforceRateLimits: args['rate-limits'] !== false,
	});
	console.log(`Sandbox of the four provider APIs listening on ${sandbox.url}`);
	console.log('\nCredential values (n8n credential type → fields):');
	for (const [type, fields] of Object.entries(sandbox.credentials)) {
		console.log(`  ${type}`);
		for (const [field, value] of Object.entries(fields)) console.log(`    ${field}: ${value}`);
	}
	console.log('\nTrigger settings:');
	console.log(`  LigueLead Trigger → Token: ${sandbox.triggerSettings.ligueLeadTrigger.token}`);
	console.log('  Leadway CRM Trigger → Options → Ed25519 Public Key:');
	console.log(sandbox.triggerSettings.leadwayTrigger.ed25519PublicKey.replace(/^/gm, '    '));
	console.log(`\nRecorded requests: GET ${sandbox.url}/__sandbox/requests[?provider=…]`);
	console.log(`Fire a webhook:    node dev/sandbox/cli.js deliver --sandbox ${sandbox.url} --provider iagente --to <trigger production URL>`);
	const stop = async () => {
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

async function deliver(args) {
	if (typeof args.sandbox !== 'string') usage('--sandbox <url> is required (the URL `serve` printed)');
	if (typeof args.provider !== 'string') usage('--provider is required');
	if (typeof args.to !== 'string') usage('--to <trigger-url> is required');
	const options = {};
	for (const [name, value] of Object.entries(args)) {
		if (name === '_' || name === 'sandbox') continue;
		options[camel(name)] = value;
	}
	if (typeof options.payload === 'string') {
		try {
			options.payload = JSON.parse(options.payload);
		} catch {
			usage('--payload must be JSON');
		}
	}
	if (options.headers !== undefined) options.headers = JSON.parse(options.headers);
	const response = await fetch(`${args.sandbox.replace(/\/+$/, '')}/__sandbox/deliver`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(options),
	});
	const result = await response.json().catch(() => ({}));
	if (!response.ok) {
		console.error(`sandbox refused the delivery (${response.status}): ${result.error ?? JSON.stringify(result)}`);
		process.exit(1);
	}
	console.log(JSON.stringify({ status: result.status, body: result.body, event: result.sent?.event, forge: options.forge ?? null }, null, 2));
	const ok = result.status >= 200 && result.status < 300;
	if (options.forge ? ok : !ok) {
		console.error(options.forge ? `the trigger accepted a forged (${options.forge}) event` : `the trigger answered ${result.status}`);
		process.exit(1);
	}
}

const args = parseArgs(process.argv.slice(2));
const command = args._[0];
const run = command === 'serve' ? serve : command === 'deliver' ? deliver : undefined;
if (!run) usage(command ? `unknown command "${command}"` : undefined);
run(args).catch((cause) => {
	console.error(`error: ${cause.message}`);
	process.exit(1);
});
