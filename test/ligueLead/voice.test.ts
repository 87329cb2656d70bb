import nock from 'nock';

import { runNode } from '../harness';
import { multipartParts, rawBody } from '../harness/multipart';
import type { Part } from '../harness/multipart';
import { BASE_PATH, accepted, api, binaryFile, setup, withBinaryInput } from './fixtures';

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
	jest.restoreAllMocks();
});

const MP3 = Buffer.concat([Buffer.from('ID3'), Buffer.from([0x03, 0x00, 0x00, 0xff, 0xfb, 0x90, 0x64])]);

const upload = (extra: Record<string, unknown> = {}) => ({
	resource: 'voice',
	operation: 'uploadAudio',
	binaryPropertyName: 'data',
	...extra,
});

describe('LigueLead voice: upload audio', () => {
	it('uploads an MP3 from a binary field as multipart title + file with the audio type', async () => {
		withBinaryInput([binaryFile(MP3, 'audio/mpeg', 'lembrete.mp3')]);
		let parts: Part[] = [];
		api()
			.post(`${BASE_PATH}/voice/uploads`, function (this: { headers: Record<string, string> }, body: string) {
				parts = multipartParts(this.headers['content-type'], rawBody(body));
				return true;
			})
			.matchHeader('content-type', /^multipart\/form-data; boundary=/)
			.reply(201, { message: 'Voice upload successful.', data: { id: 436514, title: 'Lembrete de consulta' } });

		const { items, error } = await runNode(setup(upload({ title: 'Lembrete de consulta' })));
		expect(error).toBeUndefined();
		expect(parts.map((part) => part.headers)).toEqual([
			'Content-Disposition: form-data; name="title"',
			'Content-Disposition: form-data; name="file"; filename="lembrete.mp3"\r\nContent-Type: audio/mpeg',
		]);
		expect(parts[0].content.toString('utf8')).toBe('Lembrete de consulta');
		expect(parts[1].content.equals(MP3)).toBe(true);
		expect(items).toEqual([
			{ json: { id: 436514, title: 'Lembrete de consulta', message: 'Voice upload successful.' }, pairedItem: { item: 0 } },
		]);
	});

	it('names a WAV sent as octet-stream audio/wav from its extension and titles it after the file', async () => {
		withBinaryInput([binaryFile(Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVEfmt '), 'application/octet-stream', 'aviso.wav')]);
		let parts: Part[] = [];
		api()
			.post(`${BASE_PATH}/voice/uploads`, function (this: { headers: Record<string, string> }, body: string) {
				parts = multipartParts(this.headers['content-type'], rawBody(body));
				return true;
			})
			.reply(201, { message: 'Voice upload successful.', data: { id: 7, title: 'aviso' } });

		const { items } = await runNode(setup(upload()));
		expect(parts[0].content.toString()).toBe('aviso');
		expect(parts[1].headers).toBe('Content-Disposition: form-data; name="file"; filename="aviso.wav"\r\nContent-Type: audio/wav');
		expect(items[0].json.id).toBe(7);
	});

	it('rejects an M4A file before uploading', async () => {
		withBinaryInput([binaryFile(Buffer.from('....ftypM4A '), 'audio/mp4', 'gravacao.m4a')]);
		const { error, items } = await runNode(setup(upload()));
		expect(items).toEqual([]);
		expect(error?.message).toBe('Input Binary Field: "gravacao.m4a" (audio/mp4) is not MP3 or WAV audio [item 0]');
		expect(error?.description).toContain('LigueLead accepts only MP3 (audio/mpeg) or WAV (audio/wav)');
	});

	it('rejects an audio file over 50 MB before uploading', async () => {
		withBinaryInput([binaryFile(Buffer.alloc(50 * 1024 * 1024 + 1), 'audio/mpeg', 'longo.mp3')]);
		const { error } = await runNode(setup(upload()));
		expect(error?.message).toBe(
			'Input Binary Field: the file has 50.0 MB, more than the 50 MB LigueLead accepts [item 0]',
		);
	});

	it('says which binary field is missing', async () => {
		const { error } = await runNode(setup(upload({ binaryPropertyName: 'audio' })));
		expect(error?.message).toContain('audio');
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('turns a 415 into the audio-type hint', async () => {
		withBinaryInput([binaryFile(MP3, 'audio/mpeg', 'a.mp3')]);
		api().post(`${BASE_PATH}/voice/uploads`).reply(415, { error: 'Unsupported media type' });
		const { error } = await runNode(setup(upload()));
		expect(error?.message).toBe('LigueLead error 415: Unsupported media type');
		expect(error?.description).toContain('only MP3 (audio/mpeg) or WAV (audio/wav)');
	});
});

describe('LigueLead voice: uploads', () => {
	it('gets one upload by ID', async () => {
		api()
			.get(`${BASE_PATH}/voice/uploads/436514`)
			.reply(200, { data: { id: 436514, title: 'Lembrete', created_at: '2026-01-10T12:00:00Z' } });

		const { items } = await runNode(
			setup({ resource: 'voice', operation: 'getUpload', uploadId: { __rl: true, mode: 'id', value: '436514' } }),
		);
		expect(items).toEqual([
			{ json: { id: 436514, title: 'Lembrete', created_at: '2026-01-10T12:00:00Z' }, pairedItem: { item: 0 } },
		]);
	});

	it('gets many uploads up to the limit, one item each', async () => {
		api()
			.get(`${BASE_PATH}/voice/uploads`)
			.reply(200, { data: [{ id: 1, title: 'A' }, { id: 2, title: 'B' }, { id: 3, title: 'C' }] });

		const { items } = await runNode(setup({ resource: 'voice', operation: 'getAllUploads', returnAll: false, limit: 2 }));
		expect(items).toEqual([
			{ json: { id: 1, title: 'A' }, pairedItem: { item: 0 } },
			{ json: { id: 2, title: 'B' }, pairedItem: { item: 0 } },
		]);
	});

	it('gets all uploads from a bare array', async () => {
		api().get(`${BASE_PATH}/voice/uploads`).reply(200, [{ id: 1 }, { id: 2 }, { id: 3 }]);
		const { items } = await runNode(setup({ resource: 'voice', operation: 'getAllUploads', returnAll: true }));
		expect(items.map((item) => item.json.id)).toEqual([1, 2, 3]);
	});

	it('explains a 404 for an unknown upload ID', async () => {
		api().get(`${BASE_PATH}/voice/uploads/999`).reply(404, { error: 'Voice upload not found' });
		const { error } = await runNode(
			setup({ resource: 'voice', operation: 'getUpload', uploadId: { __rl: true, mode: 'id', value: '999' } }),
		);
		expect(error?.message).toBe('LigueLead error 404: Voice upload not found');
		expect(error?.description).toContain('no audio upload, template or agent with it exists');
	});
});

const voiceSend = (extra: Record<string, unknown> = {}) => ({
	resource: 'voice',
	operation: 'send',
	title: 'Voice Campaign - Black Friday',
	audio: { __rl: true, mode: 'list', value: '436514' },
	phones: '11999999999, +55 21 98888-8888',
	...extra,
});

describe('LigueLead voice: send', () => {
	it('sends the documented body with group, retries and callback URL', async () => {
		api()
			.post(`${BASE_PATH}/voice`, {
				title: 'Voice Campaign - Black Friday',
				voice_upload_id: 436514,
				phones: ['11999999999', '21988888888'],
				group_id: 'optional-group-id',
				retry_attempts: 2,
				retry_interval_min: 30,
				retry_end_time: '21:45',
				webhook_url: 'https://n8n.example.com/webhook/abc/webhook?token=example-token-value',
			})
			.reply(202, accepted('3b4f7c5e-7e2d-4157-b542-5eb2155455c5', 'Voice'));

		const { items, error } = await runNode(
			setup(
				voiceSend({
					options: {
						groupId: 'optional-group-id',
						retryAttempts: 2,
						retryIntervalMinutes: 30,
						retryEndTime: '21:45',
						webhookUrl: 'https://n8n.example.com/webhook/abc/webhook?token=example-token-value',
					},
				}),
			),
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([
			{
				json: {
					campaign_id: '3b4f7c5e-7e2d-4157-b542-5eb2155455c5',
					accepted_at: '2025-12-29T18:34:38.961Z',
					message: 'Voice accepted successfully',
					voice_upload_id: 436514,
					phones: ['11999999999', '21988888888'],
					recipients: 2,
					campaignRecipients: 2,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('calls landlines too, in national 10-digit form', async () => {
		api()
			.post(`${BASE_PATH}/voice`, { title: 'Voice Campaign - Black Friday', voice_upload_id: 436514, phones: ['1133334444'] })
			.reply(202, accepted('c', 'Voice'));
		const { error } = await runNode(setup(voiceSend({ phones: '+55 (11) 3333-4444' })));
		expect(error).toBeUndefined();
	});

	it.each([
		['Retry Attempts', { retryAttempts: 4 }, 'Retry Attempts: 4 is outside the allowed range [item 0]'],
		['Retry Interval (Minutes)', { retryIntervalMinutes: 4 }, 'Retry Interval (Minutes): 4 is outside the allowed range [item 0]'],
		['Retry End Time', { retryEndTime: '07:59' }, 'Retry End Time: 07:59 is outside the dialing window 08:00–21:45 [item 0]'],
		['Retry End Time', { retryEndTime: '21:46' }, 'Retry End Time: 21:46 is outside the dialing window 08:00–21:45 [item 0]'],
		['Retry End Time', { retryEndTime: '9h30' }, 'Retry End Time: it is not a time in HH:MM form [item 0]'],
	])('rejects a bad %s before sending', async (_field, options, message) => {
		const { error, items } = await runNode(setup(voiceSend({ options })));
		expect(items).toEqual([]);
		expect(error?.message).toBe(message);
	});

	it('rejects an audio ID that is not a number before sending', async () => {
		const { error } = await runNode(setup(voiceSend({ audio: { __rl: true, mode: 'list', value: 'abc' } })));
		expect(error?.message).toBe('Audio: "abc" is not an upload ID [item 0]');
	});

	it('rejects more than 10,000 phones before sending', async () => {
		const phones = Array.from({ length: 10_001 }, (_, n) => `119${String(n).padStart(8, '0')}`);
		const { error } = await runNode(setup(voiceSend({ phones: '={{ $json.phones }}' })), [{ phones }]);
		expect(error?.message).toBe('Phones: it has 10001 entries [item 0]');
	});
});
