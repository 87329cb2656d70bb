// Splitting what a user typed or mapped into a list.

/**
 * An array (nested arrays flattened), or one text with entries separated by commas, semicolons or
 * new lines, into trimmed, non-empty entries.
 */
export function splitList(value: unknown): string[] {
	const parts: unknown[] = Array.isArray(value) ? value : [value];
	const result: string[] = [];
	for (const part of parts) {
		if (part === undefined || part === null) continue;
		if (Array.isArray(part)) {
			result.push(...splitList(part));
			continue;
		}
		for (const piece of String(part).split(/[,;\n\r]+/)) {
			const trimmed = piece.trim();
			if (trimmed !== '') result.push(trimmed);
		}
	}
	return result;
}
