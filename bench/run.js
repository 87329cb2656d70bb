#!/usr/bin/env node
// Benchmarks: run with `npm run bench` (Node 24). Prints figures and ratios; asserts nothing.
// The TypeScript sources are loaded through a small transpile-only require hook.
'use strict';
const fs = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
		fileName: filename,
	});
	module._compile(outputText, filename);
};

const nock = require('nock');
const { runNode } = require('../test/harness');
const { LigueLead } = require('../nodes/LigueLead/LigueLead.node.ts');
const { LigueLeadApi } = require('../credentials/LigueLeadApi.credentials');
const { parseBrazilianPhone } = require('../nodes/shared/phone');
const { computeHmac, verifyHmac } = require('../nodes/shared/signature');

const BASE = 'https://api.liguelead.example.com';

function ms(start) {
	return Number(process.hrtime.bigint() - start) / 1e6;
}

async function sendSms(count, sendToMany) {
	nock.cleanAll();
	let requests = 0;
	nock(BASE)
		.post('/v1/sms')
		.times(count)
		.reply(202, () => {
			requests++;
			return { message: 'SMS accepted successfully', data: { campaign_id: `c-${requests}`, accepted_at: '2026-01-01T00:00:00Z' } };
		});
	const input = Array.from({ length: count }, (_, n) => ({ phone: `119${String(n).padStart(8, '0')}` }));
	const start = process.hrtime.bigint();
	const { items, error } = await runNode(
		{
			node: LigueLead,
			credentials: {
				ligueLeadApi: { type: LigueLeadApi, data: { apiToken: 'example-token', appId: 'example-app', baseUrl: `${BASE}/v1` } },
			},
			parameters: {
				resource: 'sms',
				operation: 'send',
				title: 'Bench',
				message: 'Oferta de hoje',
				phones: '={{ $json.phone }}',
				options: { sendToMany },
			},
		},
		input,
	);
	const elapsed = ms(start);
	if (error) throw error;
	if (items.length !== count) throw new Error(`expected ${count} items, got ${items.length}`);
	return { requests, elapsed };
}

function throughput(label, count, fn) {
	const start = process.hrtime.bigint();
	for (let i = 0; i < count; i++) fn(i);
	const elapsed = ms(start);
	console.log(`${label}: ${count} in ${elapsed.toFixed(0)} ms = ${Math.round(count / (elapsed / 1000)).toLocaleString('en')} per second`);
}

async function main() {
	nock.disableNetConnect();
	const count = Number(process.env.BENCH_ITEMS || 5000);
	console.log(`LigueLead SMS → Send, ${count} items with one phone each (nock answers in-process):`);
	const many = await sendSms(count, true);
	const single = await sendSms(count, false);
	console.log(`  send to many ON : ${many.requests} requests, ${many.elapsed.toFixed(0)} ms (${(many.elapsed / count).toFixed(3)} ms/item)`);
	console.log(`  send to many OFF: ${single.requests} requests, ${single.elapsed.toFixed(0)} ms (${(single.elapsed / count).toFixed(3)} ms/item)`);
	console.log(`  ratio: ${(single.requests / many.requests).toFixed(0)}x fewer requests, ${(single.elapsed / many.elapsed).toFixed(1)}x faster`);

	const phones = ['(11) 99999-9999', '+55 21 98888-7777', '011 3333-4444', '5531977776666', '0 21 11 99999-9999'];
	throughput('Phone parsing', 200000, (i) => parseBrazilianPhone(phones[i % phones.length]));
	const body = Buffer.from(JSON.stringify({ event: 'message.received', data: { text: 'Olá, gostaria de uma cotação'.repeat(20) } }));
	const signature = `sha256=${computeHmac('bench-secret', body)}`;
	throughput('HMAC-SHA256 webhook verification (~700-byte body)', 100000, () =>
		verifyHmac({ secret: 'bench-secret', payload: body, signature, prefix: 'sha256=' }),
	);
	nock.restore();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
