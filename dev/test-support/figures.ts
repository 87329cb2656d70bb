// Test-side tooling, never part of the package (like dev/sandbox): prints the figures a suite
// measured, one line each, so the docs can quote them from a recorded run.
export function printFigures(label: string, figures: unknown): void {
	process.stdout.write(`${label}: ${typeof figures === 'string' ? figures : JSON.stringify(figures)}\n`);
}
