import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { loadOptionsContext, runNode } from '../harness';
import { searchWhatsAppTemplates } from '../../nodes/IagenteSdr/methods/listSearch';
import { API_KEY, BASE, BASE_PATH, setup } from './fixtures';

const api = () => nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}`, 'content-type': /application\/json/ } });
const sent = { data: { id: 'msg_1', status: 'queued' } };

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const send = (parameters: INodeParameters, input?: IDataObject[]) =>
	runNode(setup({ resource: 'whatsAppMessage', operation: 'send', sendTo: 'phone', phone: '11999999999', ...parameters }), input);

describe('IAGENTE SDR WhatsApp message', () => {
	it('sends the documented text example to a phone', async () => {
		api()
			.post(`${BASE_PATH}/whatsapp/messages`, { phone: '5511999999999', type: 'text', text: 'Ola! Como posso ajudar?' })
			.reply(201, sent);
		const { items, error } = await send({ messageType: 'text', text: 'Ola! Como posso ajudar?' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { id: 'msg_1', status: 'queued' }, pairedItem: { item: 0 } }]);
	});

	it('sends text to a lead ID as a number', async () => {
		api().post(`${BASE_PATH}/whatsapp/messages`, { lead_id: 123, type: 'text', text: 'Oi' }).reply(201, sent);
		const { items } = await send({ sendTo: 'leadId', leadId: '123', messageType: 'text', text: 'Oi' });
		expect(items[0].json).toEqual({ id: 'msg_1', status: 'queued' });
	});

	it('sends the documented template example by name with its variables', async () => {
		api()
			.post(`${BASE_PATH}/whatsapp/messages`, {
				phone: '5511999999999',
				type: 'template',
				template_name: 'boas_vindas',
				variables: ['Joao'],
			})
			.reply(201, sent);
		const { error } = await send({
			phone: '+55 (11) 99999-9999',
			messageType: 'template',
			template: { __rl: true, mode: 'name', value: 'boas_vindas' },
			variables: { variable: [{ value: 'Joao' }] },
		});
		expect(error).toBeUndefined();
	});

	it('sends a template picked from the list as template_id, with variables in order', async () => {
		api()
			.post(`${BASE_PATH}/whatsapp/messages`, {
				phone: '5511999999999',
				type: 'template',
				template_id: 12,
				variables: ['Ana', 'R$ 1.500,00'],
			})
			.reply(201, sent);
		const { error } = await send({
			messageType: 'template',
			template: { __rl: true, mode: 'list', value: '12', cachedResultName: 'cobranca' },
			variables: { variable: [{ value: '={{ $json.nome }}' }, { value: 'R$ 1.500,00' }] },
		}, [{ nome: 'Ana' }]);
		expect(error).toBeUndefined();
	});

	it('refuses a template send whose template expression resolves to nothing', async () => {
		const { error } = await send({
			messageType: 'template',
			template: { __rl: true, mode: 'name', value: '={{ $json.template }}' },
		});
		expect(error?.message).toBe('Template: no template was chosen [item 0]');
	});

	it.each([
		['image', { caption: 'Nosso catálogo' }, { caption: 'Nosso catálogo' }],
		['video', { caption: '' }, {}],
		['audio', { caption: 'ignored for audio' }, {}],
		['document', { caption: 'Proposta', filename: 'proposta.pdf' }, { caption: 'Proposta', filename: 'proposta.pdf' }],
	])('sends %s media from a URL', async (type, fields, expected) => {
		api()
			.post(`${BASE_PATH}/whatsapp/messages`, {
				phone: '5511999999999',
				type,
				media_url: 'https://cdn.example.com/file',
				...expected,
			})
			.reply(201, sent);
		const { error } = await send({ messageType: type, mediaUrl: 'https://cdn.example.com/file', ...fields });
		expect(error).toBeUndefined();
	});

	it('refuses media without a web address before sending', async () => {
		const { error } = await send({ messageType: 'image', mediaUrl: 'C:\\fotos\\a.jpg' });
		expect(error?.message).toBe('Media URL: "C:\\fotos\\a.jpg" is not a web address [item 0]');
	});

	it('refuses empty text before sending', async () => {
		const { error } = await send({ messageType: 'text', text: '   ' });
		expect(error?.message).toBe('Text: it is empty [item 0]');
	});

	it('lists templates for the picker and filters them by name', async () => {
		nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } })
			.get(`${BASE_PATH}/whatsapp/templates`)
			.reply(200, { data: [{ id: 12, name: 'cobranca', language: 'pt_BR' }, { id: 13, name: 'boas_vindas' }] });
		const context = loadOptionsContext(setup({ resource: 'whatsAppMessage', operation: 'send' }));
		const result = await searchWhatsAppTemplates.call(context, 'boas');
		expect(result).toEqual({ results: [{ name: 'boas_vindas', value: '13' }] });
	});
});
