// Splitting what a user typed or mapped into a list.

class Leave {
	constructor(readonly array: unknown[]) {}
}

/**
 * The entries of a list: an array (nested arrays flattened; an array inside itself is not read
 * again, so a list that contains itself ends), or one text with entries separated by commas,
 * semicolons or new lines, trimmed, empty ones dropped. Entries that are not text (numbers,
 * objects) are kept as they are, for the caller to accept or refuse.
 */
export function listEntries(value: unknown): unknown[] {
	const result: unknown[] = [];
	const open = new Set<unknown[]>();
	// An explicit stack, not recursion: a deeply nested array cannot overflow the call stack.
	// A LEAVE entry closes an array once its entries are read.
	const stack: unknown[] = [value];
	while (stack.length > 0) {
		const part = stack.pop();
		if (part === undefined || part === null) continue;
		if (part instanceof Leave) {
			open.delete(part.array);
			continue;
		}
		if (Array.isArray(part)) {
			if (open.has(part)) continue;
			open.add(part);
			stack.push(new Leave(part));
			for (let i = part.length - 1; i >= 0; i--) stack.push(part[i]);
			continue;
		}
		if (typeof part !== 'string') {
			result.push(part);
			continue;
		}
		for (const piece of part.split(/[,;\n\r]+/)) {
			const trimmed = piece.trim();
			if (trimmed !== '') result.push(trimmed);
		}
	}
	return result;
}

/** {@link listEntries} as text: numbers and other values become their text. */
export function splitList(value: unknown): string[] {
	const result: string[] = [];
	for (const entry of listEntries(value)) {
		if (typeof entry === 'string') {
			result.push(entry);
			continue;
		}
		let text: string;
		try {
			text = String(entry);
		} catch {
			text = Object.prototype.toString.call(entry);
		}
		for (const piece of text.split(/[,;\n\r]+/)) {
			const trimmed = piece.trim();
			if (trimmed !== '') result.push(trimmed);
		}
	}
	return result;
}
