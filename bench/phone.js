#!/usr/bin/env node
// Phone parser speed against libphonenumber-js (max metadata, the test oracle), side by side in one
// run on the same inputs. Needs the compiled package: `npm run build` first. Prints figures and the
// ratio; asserts nothing, exits non-zero only when it cannot run.
'use strict';
const path = require('path');

const ROUNDS = 15;

/** A fixed mix of what users paste: Brazilian numbers in common forms, numbers abroad, slips. */
function inputs() {
	let state = 20260811;
	const random = () => {
		state = (state * 1103515245 + 12345) >>> 0;
		return state / 4294967296;
	};
	const digits = (n) => Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('');
	const ddds = ['11', '21', '31', '41', '51', '61', '71', '81', '85', '91', '19', '48', '55', '62', '98'];
	const forms = [
		(d, a, b) => `${d}${a}${b}`,
		(d, a, b) => `(${d}) ${a}-${b}`,
		(d, a, b) => `+55 ${d} ${a}-${b}`,
		(d, a, b) => `55${d}${a}${b}`,
		(d, a, b) => `0${d} ${a}-${b}`,
		(d, a, b) => `0 21 ${d} ${a}-${b}`,
		(d, a, b) => `\u202a+55 (${d}) ${a}-${b}\u202c`,
		(d, a, b) => `'+55${d}${a}${b}`,
		(d, a, b) => `${d}.${a}.${b}`,
	];
	const abroad = ['+351 912 345 678', '+44 (0)20 7946 0958', '+1 (416) 555-1234', '(+49) 89 515111', '+34 612 34 56 78'];
	const list = [];
	for (let i = 0; i < 4000; i++) {
		const ddd = ddds[Math.floor(random() * ddds.length)];
		const mobile = random() < 0.7;
		const a = mobile ? `9${digits(4)}` : `${2 + Math.floor(random() * 4)}${digits(3)}`;
		list.push(forms[Math.floor(random() * forms.length)](ddd, a, digits(4)));
		if (i % 8 === 0) list.push(abroad[Math.floor(random() * abroad.length)]);
		if (i % 10 === 0) list.push(`${ddd} ${a}-${digits(5)}`);
	}
	return list;
}

function time(fn, list) {
	const start = process.hrtime.bigint();
	let sink = 0;
	for (const text of list) sink += fn(text) ? 1 : 0;
	return { ms: Number(process.hrtime.bigint() - start) / 1e6, sink };
}

async function run() {
	const { toE164 } = require(path.join(__dirname, '..', 'dist', 'nodes', 'shared', 'phone.js'));
	const { parsePhoneNumberFromString } = require('libphonenumber-js/max');
	const ours = (text) => toE164(text, { minForeignDigits: 7 }).ok;
	const theirs = (text) => {
		const parsed = parsePhoneNumberFromString(text, 'BR');
		return parsed !== undefined && parsed.isValid();
	};
	const list = inputs();
	// Warm both up, then alternate which runs first. The machine is shared, so each side's figure
	// is its best round (the one least disturbed); the median of per-round ratios is printed too.
	time(ours, list);
	time(theirs, list);
	const oursMs = [];
	const theirsMs = [];
	const accepted = { ours: 0, theirs: 0 };
	for (let round = 0; round < ROUNDS; round++) {
		const pair = round % 2 === 0 ? [ours, theirs] : [theirs, ours];
		for (const fn of pair) {
			const { ms, sink } = time(fn, list);
			if (fn === ours) {
				oursMs.push(ms);
				accepted.ours = sink;
			} else {
				theirsMs.push(ms);
				accepted.theirs = sink;
			}
		}
	}
	const ratios = oursMs.map((ms, round) => theirsMs[round] / ms).sort((a, b) => a - b);
	const best = (values) => Math.min(...values);
	const figures = {
		inputs: list.length,
		rounds: ROUNDS,
		oursMicrosecondsPerInput: Number(((best(oursMs) * 1000) / list.length).toFixed(2)),
		libphonenumberMicrosecondsPerInput: Number(((best(theirsMs) * 1000) / list.length).toFixed(2)),
		speedRatio: Number((best(theirsMs) / best(oursMs)).toFixed(1)),
		medianRoundRatio: Number(ratios[Math.floor(ratios.length / 2)].toFixed(1)),
		acceptedOurs: accepted.ours,
		acceptedLibphonenumber: accepted.theirs,
	};
	return { name: 'phone parser vs libphonenumber-js (parse + isValid, default country BR)', figures };
}

module.exports = { run };

if (require.main === module) {
	run()
		.then(({ name, figures }) => {
			console.log(name);
			for (const [key, value] of Object.entries(figures)) console.log(`  ${key}: ${value}`);
			console.log(`  → the package's parser is ${figures.speedRatio}× as fast as libphonenumber-js`);
		})
		.catch((error) => {
			console.error(`bench/phone.js could not run: ${error.message} (run \`npm run build\` first)`);
			process.exitCode = 1;
		});
}
