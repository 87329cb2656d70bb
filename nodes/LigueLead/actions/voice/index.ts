import type { INodeProperties } from 'n8n-workflow';

import * as getAllUploads from './getAllUploads';
import * as getUpload from './getUpload';
import * as send from './send';
import * as uploadAudio from './uploadAudio';

export { getAllUploads, getUpload, send, uploadAudio };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['voice'] } },
		options: [
			{ name: 'Get Many Uploads', value: 'getAllUploads', action: 'Get many voice uploads', description: 'List the uploaded audio files' },
			{ name: 'Get Upload', value: 'getUpload', action: 'Get a voice upload', description: 'Get one uploaded audio file by ID' },
			{ name: 'Send', value: 'send', action: 'Send a voice call to one or more phone numbers', description: 'Call up to 10,000 phones and play an uploaded audio' },
			{ name: 'Upload Audio', value: 'uploadAudio', action: 'Upload a voice audio', description: 'Upload an MP3 or WAV file from a binary field' },
		],
		default: 'send',
	},
	...uploadAudio.description,
	...getUpload.description,
	...getAllUploads.description,
	...send.description,
];
