import nock from 'nock';

import { runNode } from '../harness';
import { API_KEY, BASE, BASE_PATH, setup } from './fixtures';

const sent = { data: { id: 'rcs_1', status: 'queued' } };
const expectSend = (body: nock.DataMatcherMap) =>
	nock(BASE, { reqheaders: { authorization: `Bearer ${API_KEY}` } })
		.post(`${BASE_PATH}/rcs/messages`, body)
		.reply(201, sent);

beforeEach(() => {
	nock.cleanAll();
	nock.disableNetConnect();
});
afterEach(() => {
	expect(nock.pendingMocks()).toEqual([]);
});

const send = (parameters: Record<string, unknown>) =>
	runNode(setup({ resource: 'rcsMessage', operation: 'send', sendTo: 'phone', phone: '11999999999', ...parameters }));

const card = (title: string, extra: Record<string, unknown> = {}) => ({
	title,
	description: `Descricao do ${title}`,
	mediaUrl: `https://exemplo.com/${title}.jpg`,
	buttonType: 'url',
	buttonText: 'Comprar',
	buttonValue: `https://exemplo.com/${title}`,
	...extra,
});

describe('IAGENTE SDR RCS message', () => {
	it('sends the documented text example', async () => {
		expectSend({ phone: '5511999999999', type: 'text', text: 'Ola! Como posso ajudar?' });
		const { items, error } = await send({ rcsType: 'text', text: 'Ola! Como posso ajudar?' });
		expect(error).toBeUndefined();
		expect(items).toEqual([{ json: { id: 'rcs_1', status: 'queued' }, pairedItem: { item: 0 } }]);
	});

	it('accepts text of exactly 4096 characters and refuses 4097 before sending', async () => {
		expectSend({ phone: '5511999999999', type: 'text', text: 'a'.repeat(4096) });
		expect((await send({ rcsType: 'text', text: 'a'.repeat(4096) })).error).toBeUndefined();
		const { error } = await send({ rcsType: 'text', text: 'a'.repeat(4097) });
		expect(error?.message).toBe('Text: it has 4097 characters, more than the 4096 allowed [item 0]');
		expect(error?.description).toBe('Shorten "Text" to at most 4096 characters.');
	});

	it('sends a file with its MIME type, to a lead ID', async () => {
		expectSend({ lead_id: 42, type: 'file', file_url: 'https://exemplo.com/catalogo.pdf', mime_type: 'application/pdf' });
		const { error } = await send({
			sendTo: 'leadId',
			leadId: '42',
			rcsType: 'file',
			fileUrl: 'https://exemplo.com/catalogo.pdf',
			mimeType: 'application/pdf',
		});
		expect(error).toBeUndefined();
	});

	it('refuses a file whose MIME type is not one', async () => {
		const { error } = await send({ rcsType: 'file', fileUrl: 'https://exemplo.com/a.pdf', mimeType: 'pdf' });
		expect(error?.message).toBe('MIME Type: "pdf" is not a MIME type [item 0]');
	});

	it('sends the documented card example with url and call buttons', async () => {
		expectSend({
			phone: '5511999999999',
			type: 'card',
			title: 'Produto em Destaque',
			description: 'Confira nossa oferta especial!',
			media_url: 'https://exemplo.com/imagem.jpg',
			buttons: [
				{ type: 'url', text: 'Ver Mais', url: 'https://exemplo.com' },
				{ type: 'call', text: 'Ligar', phone_number: '+5511999999999' },
			],
		});
		const { error } = await send({
			rcsType: 'card',
			title: 'Produto em Destaque',
			cardDescription: 'Confira nossa oferta especial!',
			mediaUrl: 'https://exemplo.com/imagem.jpg',
			buttons: {
				button: [
					{ type: 'url', text: 'Ver Mais', value: 'https://exemplo.com' },
					{ type: 'call', text: 'Ligar', value: '(11) 99999-9999' },
				],
			},
		});
		expect(error).toBeUndefined();
	});

	it('sends a reply button with its payload, defaulting the payload to the text', async () => {
		expectSend({
			phone: '5511999999999',
			type: 'card',
			title: 'Oferta',
			buttons: [
				{ type: 'reply', text: 'Quero', payload: 'want' },
				{ type: 'reply', text: 'Depois', payload: 'Depois' },
			],
		});
		const { error } = await send({
			rcsType: 'card',
			title: 'Oferta',
			buttons: { button: [{ type: 'reply', text: 'Quero', value: 'want' }, { type: 'reply', text: 'Depois', value: '' }] },
		});
		expect(error).toBeUndefined();
	});

	it('refuses a card title over 200 characters and a fifth button', async () => {
		let { error } = await send({ rcsType: 'card', title: 'T'.repeat(201) });
		expect(error?.message).toBe('Card → Title: it has 201 characters, more than the 200 allowed [item 0]');
		const button = { type: 'reply', text: 'x', value: 'x' };
		({ error } = await send({ rcsType: 'card', title: 'Oferta', buttons: { button: [button, button, button, button, button] } }));
		expect(error?.message).toBe('Card → Buttons: it has 5 entries [item 0]');
		expect(error?.description).toBe('Give at most 4.');
	});

	it('refuses a url button whose value is not a web address', async () => {
		const { error } = await send({
			rcsType: 'card',
			title: 'Oferta',
			buttons: { button: [{ type: 'url', text: 'Ver', value: 'exemplo' }] },
		});
		expect(error?.message).toBe('Card → Button 1 → Value: "exemplo" is not a web address [item 0]');
	});

	it('sends the documented carousel example built from fields', async () => {
		expectSend({
			phone: '5511999999999',
			type: 'carousel',
			card_width: 'MEDIUM',
			cards: [
				{
					title: 'Produto A',
					description: 'Descricao do Produto A',
					media_url: 'https://exemplo.com/Produto A.jpg',
					buttons: [{ type: 'url', text: 'Comprar', url: 'https://exemplo.com/Produto A' }],
				},
				{
					title: 'Produto B',
					description: 'Descricao do Produto B',
					media_url: 'https://exemplo.com/Produto B.jpg',
					buttons: [{ type: 'url', text: 'Comprar', url: 'https://exemplo.com/Produto B' }],
				},
			],
		});
		const { error } = await send({
			rcsType: 'carousel',
			cardWidth: 'MEDIUM',
			cardsInput: 'fields',
			cards: { card: [card('Produto A'), card('Produto B')] },
		});
		expect(error).toBeUndefined();
	});

	it('sends a SMALL carousel given as JSON', async () => {
		const cards = [
			{ title: 'A', buttons: [{ type: 'call', text: 'Ligar', phone_number: '0800 123 4567' }] },
			{ title: 'B', media_url: 'https://exemplo.com/b.jpg' },
		];
		expectSend({
			phone: '5511999999999',
			type: 'carousel',
			card_width: 'SMALL',
			cards: [
				{ title: 'A', buttons: [{ type: 'call', text: 'Ligar', phone_number: '08001234567' }] },
				{ title: 'B', media_url: 'https://exemplo.com/b.jpg' },
			],
		});
		const { error } = await send({ rcsType: 'carousel', cardWidth: 'SMALL', cardsInput: 'json', cardsJson: JSON.stringify(cards) });
		expect(error).toBeUndefined();
	});

	it('refuses a carousel with 1 or 11 cards, and JSON that is not a list', async () => {
		let { error } = await send({ rcsType: 'carousel', cardsInput: 'fields', cards: { card: [card('A')] } });
		expect(error?.message).toBe('Cards: it has 1 entries [item 0]');
		expect(error?.description).toBe('Give between 2 and 10.');
		const eleven = Array.from({ length: 11 }, (_, i) => ({ title: `Card ${i}` }));
		({ error } = await send({ rcsType: 'carousel', cardsInput: 'json', cardsJson: JSON.stringify(eleven) }));
		expect(error?.message).toBe('Cards: it has 11 entries [item 0]');
		({ error } = await send({ rcsType: 'carousel', cardsInput: 'json', cardsJson: '{"title":"A"}' }));
		expect(error?.message).toBe('Cards (JSON): it is not a JSON array of cards [item 0]');
	});

	it('sends the documented quick replies example', async () => {
		expectSend({
			phone: '5511999999999',
			type: 'replyable_text',
			text: 'Qual opcao voce prefere?',
			quick_replies: [
				{ text: 'Opcao A', payload: 'option_a' },
				{ text: 'Opcao B', payload: 'option_b' },
				{ text: 'Falar com atendente', payload: 'human' },
			],
		});
		const { error } = await send({
			rcsType: 'replyable_text',
			text: 'Qual opcao voce prefere?',
			quickReplies: {
				reply: [
					{ text: 'Opcao A', payload: 'option_a' },
					{ text: 'Opcao B', payload: 'option_b' },
					{ text: 'Falar com atendente', payload: 'human' },
				],
			},
		});
		expect(error).toBeUndefined();
	});

	it('refuses 12 quick replies', async () => {
		const reply = { text: 'x', payload: 'x' };
		const { error } = await send({ rcsType: 'replyable_text', text: 'Escolha', quickReplies: { reply: Array(12).fill(reply) } });
		expect(error?.message).toBe('Quick Replies: it has 12 entries [item 0]');
		expect(error?.description).toBe('Give between 1 and 11.');
	});

	it('sends a location with its label', async () => {
		expectSend({ phone: '5511999999999', type: 'location', latitude: -23.561414, longitude: -46.655881, label: 'Loja Paulista' });
		const { error } = await send({ rcsType: 'location', latitude: -23.561414, longitude: -46.655881, label: 'Loja Paulista' });
		expect(error).toBeUndefined();
	});

	it('refuses a latitude outside -90..90 given by expression', async () => {
		const { error } = await send({ rcsType: 'location', latitude: '={{ 91 }}', longitude: 0 });
		expect(error?.message).toBe('Latitude: 91 is outside the allowed range [item 0]');
		expect(error?.description).toBe('Use a number between -90 and 90.');
	});
});
