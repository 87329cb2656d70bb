// Packs the recipients of many items into as few provider requests as a per-request limit allows.

export interface RecipientEntry {
	itemIndex: number;
	recipients: string[];
}

/**
 * Packs items into chunks of at most `maxPerRequest` recipients without ever splitting one
 * item across two requests (so each item belongs to exactly one request), using first-fit
 * decreasing. Chunks come back ordered by their first item; items inside a chunk in input order.
 * An item larger than the limit gets a chunk of its own (callers reject those before packing).
 */
export function packRecipients(entries: RecipientEntry[], maxPerRequest: number): RecipientEntry[][] {
	const limit = Math.max(1, maxPerRequest);
	const bySize = [...entries].sort(
		(a, b) => b.recipients.length - a.recipients.length || a.itemIndex - b.itemIndex,
	);
	const chunks: Array<{ size: number; entries: RecipientEntry[] }> = [];
	for (const entry of bySize) {
		const size = entry.recipients.length;
		const chunk = chunks.find((candidate) => candidate.size + size <= limit);
		if (chunk) {
			chunk.size += size;
			chunk.entries.push(entry);
		} else {
			chunks.push({ size, entries: [entry] });
		}
	}
	return chunks
		.map((chunk) => [...chunk.entries].sort((a, b) => a.itemIndex - b.itemIndex))
		.sort((a, b) => a[0].itemIndex - b[0].itemIndex);
}

/** The recipients of a chunk, in item order. */
export function chunkRecipients(chunk: RecipientEntry[]): string[] {
	return chunk.flatMap((entry) => entry.recipients);
}
