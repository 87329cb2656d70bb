// Files from the item's binary data, uploaded to the contact's conversation and sent as attachments.
// Endpoints and the `fileAttachment` field follow HighLevel's official SDK (@gohighlevel/api-client 3.1.0).
import { NodeOperationError } from 'n8n-workflow';
import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { getLocationId, leadwayRequest } from '../../transport';

/** The file types HighLevel's upload endpoint lists, by extension, with the type sent for each. */
const ALLOWED: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	mp4: 'video/mp4',
	mpeg: 'video/mpeg',
	zip: 'application/zip',
	rar: 'application/vnd.rar',
	pdf: 'application/pdf',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	txt: 'text/plain',
	mp3: 'audio/mpeg',
	wav: 'audio/wav',
};
const ALLOWED_LIST = 'JPG, JPEG, PNG, MP4, MPEG, ZIP, RAR, PDF, DOC, DOCX, TXT, MP3, WAV';

/** Extensions each declared type may stand for, to accept files whose name has no extension. */
const BY_MIME_TYPE: Record<string, string> = Object.fromEntries(
	Object.entries(ALLOWED).map(([extension, mimeType]) => [mimeType, extension]),
);

export const DEFAULT_MAX_ATTACHMENT_MB = 10;

export interface AttachmentFile {
	/** The node field that named it, for errors (Attachment Files, Input Binary Field(s)). */
	field: string;
	property: string;
	fileName: string;
	mimeType: string;
}

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function tooLarge(ctx: IExecuteFunctions, itemIndex: number, file: AttachmentFile, bytes: number, maxBytes: number) {
	return inputError(
		ctx,
		itemIndex,
		file.field,
		`"${file.fileName}" has ${megabytes(bytes)}, more than the ${megabytes(maxBytes)} allowed`,
		'Use a smaller file, or raise "Max Attachment Size (MB)" under Additional Fields if Leadway accepts larger files for your account.',
	);
}

/** The extension the file's name gives, else the one its declared type maps to. */
function extensionOf(binary: IBinaryData): string | undefined {
	const fromName = (binary.fileName ?? '').includes('.') ? binary.fileName!.split('.').pop()!.toLowerCase() : undefined;
	if (fromName) return fromName;
	if (binary.fileExtension) return binary.fileExtension.toLowerCase();
	return BY_MIME_TYPE[(binary.mimeType ?? '').split(';')[0].trim().toLowerCase()];
}

/**
 * Reads and checks the files the binary fields `properties` hold, before anything is sent: each
 * binary property must exist on the item, be of a type Leadway takes, and not be over the size
 * limit when n8n already knows its size. `field` names the node field they came from.
 */
export function readAttachmentFiles(
	ctx: IExecuteFunctions,
	itemIndex: number,
	properties: string[],
	maxBytes: number,
	field: string,
): AttachmentFile[] {
	const binaries = ctx.getInputData()[itemIndex]?.binary ?? {};
	return properties.map((property) => {
		const binary = binaries[property];
		if (!binary) {
			const present = Object.keys(binaries);
			throw inputError(
				ctx,
				itemIndex,
				field,
				`the item has no binary property "${property}"`,
				present.length > 0
					? `Use one of the item's binary properties: ${present.join(', ')}.`
					: 'The item has no files. Put the file on the item first (e.g. with a Read/Write Files or HTTP Request node), then name its binary property here.',
			);
		}
		const extension = extensionOf(binary);
		const mimeType = extension ? ALLOWED[extension] : undefined;
		const shownName = binary.fileName ?? property;
		if (!extension || !mimeType) {
			throw inputError(
				ctx,
				itemIndex,
				field,
				`"${shownName}" (${binary.mimeType || 'no type'}) is not a file type Leadway accepts`,
				`Leadway accepts ${ALLOWED_LIST}. Convert the file first, or send a link to it under Attachment URLs.`,
			);
		}
		const file = { field, property, fileName: binary.fileName || `${property}.${extension}`, mimeType };
		if (typeof binary.bytes === 'number' && binary.bytes > maxBytes) throw tooLarge(ctx, itemIndex, file, binary.bytes, maxBytes);
		return file;
	});
}

/** The contact's conversation: the existing one, or a new one (uploads belong to a conversation). */
async function conversationOf(ctx: IExecuteFunctions, itemIndex: number, locationId: string, contactId: string): Promise<string> {
	const found = await leadwayRequest<IDataObject>(ctx, 'GET', '/conversations/search', {
		qs: { locationId, contactId, limit: 1 },
		itemIndex,
	});
	const existing = Array.isArray(found?.conversations) ? (found.conversations as IDataObject[])[0] : undefined;
	if (existing && typeof existing.id === 'string' && existing.id !== '') return existing.id;
	const created = await leadwayRequest<IDataObject>(ctx, 'POST', '/conversations/', {
		body: { locationId, contactId },
		itemIndex,
	});
	const conversation = (created?.conversation ?? created) as IDataObject | undefined;
	if (conversation && typeof conversation.id === 'string' && conversation.id !== '') return conversation.id;
	throw new NodeOperationError(ctx.getNode(), `Leadway did not return a conversation for the contact, so the files could not be uploaded [item ${itemIndex}]`, {
		itemIndex,
		description: 'Nothing was sent. Check that the token has the conversations.write scope, then run the node again.',
	});
}

/** Every http(s) URL in the upload answer `{ uploadedFiles: { <name>: <url> } }`. */
export function uploadedUrls(response: unknown): string[] {
	const files = (response as IDataObject | undefined)?.uploadedFiles;
	if (!files || typeof files !== 'object') return [];
	const values = Array.isArray(files) ? files : Object.values(files as IDataObject);
	return values.filter((value): value is string => typeof value === 'string' && /^https?:\/\//.test(value));
}

/** Uploads each file to the contact's conversation and returns the URLs to send, in order. */
export async function uploadAttachmentFiles(
	ctx: IExecuteFunctions,
	itemIndex: number,
	contactId: string,
	files: AttachmentFile[],
	maxBytes: number,
): Promise<string[]> {
	if (files.length === 0) return [];
	// Read and size-check every file before the first upload.
	const contents: Buffer[] = [];
	for (const file of files) {
		const content = await ctx.helpers.getBinaryDataBuffer(itemIndex, file.property);
		if (content.length === 0) {
			throw inputError(ctx, itemIndex, file.field, `"${file.fileName}" is empty`, 'Pass a file with content.');
		}
		if (content.length > maxBytes) throw tooLarge(ctx, itemIndex, file, content.length, maxBytes);
		contents.push(content);
	}
	const locationId = await getLocationId(ctx, itemIndex);
	const conversationId = await conversationOf(ctx, itemIndex, locationId, contactId);
	const urls: string[] = [];
	for (const [position, file] of files.entries()) {
		const form = new FormData();
		form.append('conversationId', conversationId);
		form.append('locationId', locationId);
		form.append('contactId', contactId);
		form.append('fileAttachment', new Blob([new Uint8Array(contents[position])], { type: file.mimeType }), file.fileName);
		// An upload only stores a file; repeating it cannot message anyone, so it may be retried.
		const response = await leadwayRequest<IDataObject>(ctx, 'POST', '/conversations/messages/upload', {
			body: form,
			itemIndex,
			safeToRepeat: true,
		});
		const received = uploadedUrls(response);
		if (received.length === 0) {
			throw new NodeOperationError(ctx.getNode(), `Leadway stored no URL for "${file.fileName}" [item ${itemIndex}]`, {
				itemIndex,
				description: 'The message was not sent. Check the file, or send a link to it under Attachment URLs.',
			});
		}
		urls.push(...received);
	}
	return urls;
}
