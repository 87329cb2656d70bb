import type { IBinaryData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { ligueLeadRequest, unwrapData } from '../../transport';

export const MAX_AUDIO_BYTES = 50 * 1024 * 1024;

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field holding the MP3 or WAV file',
		description: 'MP3 or WAV only, at most 50 MB (LigueLead recommends 5–10 MB and under 2 minutes)',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Black Friday message',
		description: 'Name of the audio in LigueLead. Empty uses the file name.',
	},
];

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['voice'], operation: ['uploadAudio'] } },
	properties,
);

const MIME_ALIASES: Record<string, 'audio/mpeg' | 'audio/wav'> = {
	'audio/mpeg': 'audio/mpeg',
	'audio/mp3': 'audio/mpeg',
	'audio/mpeg3': 'audio/mpeg',
	'audio/x-mpeg-3': 'audio/mpeg',
	'audio/x-mp3': 'audio/mpeg',
	'audio/wav': 'audio/wav',
	'audio/x-wav': 'audio/wav',
	'audio/wave': 'audio/wav',
	'audio/vnd.wave': 'audio/wav',
};
const EXTENSIONS: Record<string, 'audio/mpeg' | 'audio/wav'> = { mp3: 'audio/mpeg', wav: 'audio/wav' };
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/**
 * The audio MIME type LigueLead accepts for a file, from its declared type, or from its
 * extension when the type is generic. Undefined for anything that is not MP3 or WAV.
 */
export function audioMimeType(mimeType: string | undefined, fileName: string | undefined): 'audio/mpeg' | 'audio/wav' | undefined {
	const type = (mimeType ?? '').split(';')[0].trim().toLowerCase();
	if (MIME_ALIASES[type]) return MIME_ALIASES[type];
	if (!GENERIC_TYPES.has(type)) return undefined;
	const extension = (fileName ?? '').split('.').pop()?.toLowerCase() ?? '';
	return EXTENSIONS[extension];
}

/** The multipart body: `title` and `file` (with the audio type and file name). */
export function buildUploadForm(title: string, file: Buffer, mimeType: string, fileName: string): FormData {
	const form = new FormData();
	form.append('title', title);
	form.append('file', new Blob([new Uint8Array(file)], { type: mimeType }), fileName);
	return form;
}

function describeFile(binary: IBinaryData): string {
	return binary.fileName ? `"${binary.fileName}" (${binary.mimeType || 'no type'})` : `a ${binary.mimeType || 'file without type'}`;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	const binary = this.helpers.assertBinaryData(itemIndex, property);
	const mimeType = audioMimeType(binary.mimeType, binary.fileName);
	if (!mimeType) {
		throw inputError(
			this,
			itemIndex,
			'Input Binary Field',
			`${describeFile(binary)} is not MP3 or WAV audio`,
			'LigueLead accepts only MP3 (audio/mpeg) or WAV (audio/wav). Convert the file first, e.g. ffmpeg -i input.m4a output.mp3.',
		);
	}
	const file = await this.helpers.getBinaryDataBuffer(itemIndex, property);
	if (file.length === 0) {
		throw inputError(this, itemIndex, 'Input Binary Field', 'the file is empty', 'Pass an MP3 or WAV file with sound in it.');
	}
	if (file.length > MAX_AUDIO_BYTES) {
		throw inputError(
			this,
			itemIndex,
			'Input Binary Field',
			`the file has ${(file.length / 1024 / 1024).toFixed(1)} MB, more than the 50 MB LigueLead accepts`,
			'Compress it, e.g. ffmpeg -i input.wav -ar 16000 -ab 128k -ac 1 output.mp3 (5–10 MB is recommended).',
		);
	}
	const extension = mimeType === 'audio/mpeg' ? 'mp3' : 'wav';
	const fileName = binary.fileName || `audio.${extension}`;
	const titleParameter = String(this.getNodeParameter('title', itemIndex, '') ?? '').trim();
	const title = titleParameter || fileName.replace(/\.[^.]+$/, '') || 'Audio';

	const body = await ligueLeadRequest<IDataObject>(this, 'POST', '/voice/uploads', {
		body: buildUploadForm(title, file, mimeType, fileName),
		itemIndex,
	});
	const result: IDataObject = { ...unwrapData(body) };
	if (typeof body?.message === 'string') result.message = body.message;
	return result;
}
