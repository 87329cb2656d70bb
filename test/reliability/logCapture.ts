// Records every line written through n8n's LoggerProxy and the console, for the secrets suites.
import { LoggerProxy } from 'n8n-workflow';

/** JSON that survives circular references and shows errors' own fields. */
export function safeJson(value: unknown): string {
	const seen = new WeakSet<object>();
	try {
		return typeof value === 'string'
			? value
			: (JSON.stringify(value, (_key, inner: unknown) => {
					if (inner && typeof inner === 'object') {
						if (seen.has(inner)) return '[circular]';
						seen.add(inner);
					}
					if (inner instanceof Error) return { name: inner.name, message: inner.message, ...(inner as object) };
					return inner;
				}) ?? String(value));
	} catch {
		return String(value);
	}
}

/** Starts capturing (call in beforeAll); the returned lines fill as n8n and the nodes log. */
export function captureLogs(): string[] {
	const lines: string[] = [];
	const record = (level: string) => (...args: unknown[]) => {
		lines.push(`${level} ${args.map((arg) => safeJson(arg)).join(' ')}`);
	};
	LoggerProxy.init({
		error: record('error'),
		warn: record('warn'),
		info: record('info'),
		debug: record('debug'),
		verbose: record('verbose'),
		scoped: () => LoggerProxy,
	} as never);
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest.spyOn(console, method).mockImplementation(record(`console.${method}`));
	}
	return lines;
}
