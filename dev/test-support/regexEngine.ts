// The tests' regex engine for n8n-workflow's safeRegex: n8n's own vm engine with a longer limit.
import type { RegexEngine } from 'n8n-workflow';
import * as vm from 'node:vm';

// n8n-workflow runs the regexes of parameter validation (resource locators) in a vm with a 250 ms wall-clock
// limit, a guard against catastrophic backtracking. On a loaded machine a plain ID pattern has run past it
// ("Regular expression execution timed out"). Same engine, a limit a busy machine cannot reach.
const REGEX_TIMEOUT_MS = 10_000;
const regexContext = vm.createContext({ pattern: '', flags: '', input: '', replacement: '', result: undefined as unknown });
const regexScripts = {
	exec: new vm.Script('result = new RegExp(pattern, flags).exec(input)'),
	test: new vm.Script('result = new RegExp(pattern, flags).test(input)'),
	replace: new vm.Script('result = input.replace(new RegExp(pattern, flags), replacement)'),
	matchAll: new vm.Script('result = Array.from(input.matchAll(new RegExp(pattern, flags)))'),
	split: new vm.Script('result = input.split(new RegExp(pattern, flags))'),
};
function runRegex(script: vm.Script, pattern: string, input: string, flags = '', replacement = ''): never {
	Object.assign(regexContext, { pattern, input, flags, replacement, result: undefined });
	script.runInContext(regexContext, { timeout: REGEX_TIMEOUT_MS });
	return regexContext.result as never;
}
export const patientRegexEngine: RegexEngine = {
	exec: (pattern, input, flags) => runRegex(regexScripts.exec, pattern, input, flags),
	test: (pattern, input, flags) => runRegex(regexScripts.test, pattern, input, flags),
	replace: (pattern, input, flags, replacement) => runRegex(regexScripts.replace, pattern, input, flags, replacement),
	matchAll: (pattern, input, flags) =>
		runRegex(regexScripts.matchAll, pattern, input, (flags ?? '').includes('g') ? flags : `${flags ?? ''}g`),
	split: (pattern, input, flags) => runRegex(regexScripts.split, pattern, input, flags),
};
