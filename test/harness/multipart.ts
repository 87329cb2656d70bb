// Reading multipart/form-data bodies that nock captured, and binary input files for tests.
import type { IBinaryKeyData } from 'n8n-workflow';

export interface Part {
	headers: string;
	content: Buffer;
}

/** nock hands binary bodies over as hex and text bodies as they are. */
export const rawBody = (body: string): Buffer =>
	body.length % 2 === 0 && /^[0-9a-f]+$/.test(body) ? Buffer.from(body, 'hex') : Buffer.from(body, 'utf8');

/** Splits a multipart/form-data body into its parts. */
export function multipartParts(contentType: string, body: Buffer): Part[] {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
	if (!boundary) throw new Error(`no boundary in ${contentType}`);
	const delimiter = `--${boundary[1] ?? boundary[2]}`;
	const text = body.toString('latin1');
	return text
		.split(delimiter)
		.slice(1, -1)
		.map((chunk) => {
			const trimmed = chunk.replace(/^\r\n/, '').replace(/\r\n$/, '');
			const split = trimmed.indexOf('\r\n\r\n');
			return { headers: trimmed.slice(0, split), content: Buffer.from(trimmed.slice(split + 4), 'latin1') };
		});
}

/** One binary property `data` holding the file, as n8n keeps it beside the item's JSON. */
export function binaryFile(content: Buffer, mimeType: string, fileName: string, property = 'data'): IBinaryKeyData {
	const extension = fileName.includes('.') ? fileName.split('.').pop() : undefined;
	return {
		[property]: { data: content.toString('base64'), mimeType, fileName, ...(extension ? { fileExtension: extension } : {}) },
	};
}
