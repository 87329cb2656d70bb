// The texts a lead reads around a Send and Wait question, in both languages: the response page
// (exact HTML), its answers and refusals, every text replaced, and the Language field per node version.
import { NodeHelpers } from 'n8n-workflow';
import type { IDataObject, INode, INodeParameters, INodeTypeDescription, IWebhookResponseData } from 'n8n-workflow';

import { IagenteSdr } from '../../nodes/IagenteSdr/IagenteSdr.node';
import { Leadway } from '../../nodes/Leadway/Leadway.node';
import { LigueLead } from '../../nodes/LigueLead/LigueLead.node';
import { Superlead } from '../../nodes/Superlead/Superlead.node';
import { LEAD_TEXTS } from '../../nodes/shared/leadTexts';
import { webhookContext } from '../harness';
import { setup } from '../iagenteSdr/fixtures';

const node = new IagenteSdr();
const base: INodeParameters = { resource: 'whatsAppMessage', operation: 'sendAndWait', message: 'Podemos confirmar a visita?' };

async function call(parameters: INodeParameters, method: string, body: IDataObject | string = {}, typeVersion = 1.1) {
	const { context, captured } = webhookContext(setup({ ...base, ...parameters }, { typeVersion }), {
		method,
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		rawBody: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
		body: body as IDataObject,
	});
	const result: IWebhookResponseData = await node.webhook.call(context);
	return { result, captured, html: String(captured.body ?? result.webhookResponse ?? '') };
}

/** The page without its style sheet (the same in every page), so the rest can be compared whole. */
const bare = (html: string) => html.replace(/<style>[^<]*<\/style>/, '<style></style>');
const HEAD = (lang: string, title: string) =>
	`<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex,nofollow"><title>${title}</title><style></style></head><body><main>`;
const END = '</main></body></html>';
const double = { approvalOptions: { values: { approvalType: 'double' } } };
/** An answer whose value cannot even be turned into text: the page says it could not be read. */
const UNREADABLE = { approved: { toString: null } } as unknown as IDataObject;

describe('Send and Wait page in Portuguese (the default from node version 1.1)', () => {
	it('asks with a Portuguese title and buttons around the message, in a page marked pt-BR', async () => {
		const { captured, html } = await call(double, 'GET');
		expect(captured.statusCode).toBe(200);
		expect(bare(html)).toBe(
			HEAD('pt-BR', 'Aguardamos sua resposta') +
				'<h1>Aguardamos sua resposta</h1><p>Podemos confirmar a visita?</p>' +
				'<form method="post"><input type="hidden" name="approved" value="false"><button type="submit">Recusar</button></form>' +
				'<form method="post"><input type="hidden" name="approved" value="true"><button class="primary" type="submit">Aprovar</button></form>' +
				END,
		);
	});

	it('labels the Free Text field and its button in Portuguese', async () => {
		const { html } = await call({ responseType: 'freeText' }, 'GET');
		expect(bare(html)).toBe(
			HEAD('pt-BR', 'Aguardamos sua resposta') +
				'<h1>Aguardamos sua resposta</h1><p>Podemos confirmar a visita?</p>' +
				'<form method="post" style="display:block"><label for="text">Sua resposta</label><textarea id="text" name="text" required></textarea>' +
				'<p><button class="primary" type="submit">Enviar</button></p></form>' +
				END,
		);
	});

	it('thanks in Portuguese after an answer, and resumes with the same output as in English', async () => {
		const { result } = await call({}, 'POST', { approved: 'true' });
		expect(result.workflowData).toEqual([[{ json: { data: { approved: true } } }]]);
		expect(bare(String(result.webhookResponse))).toBe(
			HEAD('pt-BR', 'Resposta enviada') +
				'<h1>Resposta enviada. Obrigado!</h1><p>Sua resposta foi registrada. Você já pode fechar esta página.</p>' +
				END,
		);
	});

	it('refuses a blank answer, a choice not offered and another method in Portuguese', async () => {
		const blank = await call({ responseType: 'freeText' }, 'POST', { text: '  ' });
		expect(blank.captured.statusCode).toBe(400);
		expect(blank.html).toContain('<p class="problem">Escreva uma resposta antes de enviar.</p>');
		const notOffered = await call({}, 'POST', { approved: 'false' });
		expect(notOffered.captured.statusCode).toBe(400);
		expect(notOffered.html).toContain('<p class="problem">Essa resposta não é uma das opções. Use um dos botões abaixo.</p>');
		const put = await call({}, 'PUT', { approved: 'true' });
		expect(put.captured.statusCode).toBe(405);
		expect(put.html).toContain('<p class="problem">Use os botões desta página.</p>');
		for (const { html } of [blank, notOffered, put]) expect(html).not.toMatch(/Write a|Use a button|Use the buttons|Response/);
	});

	it('explains in Portuguese when an answer cannot be read', async () => {
		const { captured, html } = await call({}, 'POST', UNREADABLE);
		expect(captured.statusCode).toBe(400);
		expect(bare(html)).toBe(
			HEAD('pt-BR', 'Resposta não registrada') +
				'<h1>Algo deu errado</h1><p>Não conseguimos ler sua resposta, então nada foi registrado. Abra de novo o link da mensagem e use os botões.</p>' +
				END,
		);
	});

	it('speaks English when the node is set to English', async () => {
		const { html } = await call({ ...double, language: 'en' }, 'GET');
		expect(bare(html)).toBe(
			HEAD('en', 'Response requested') +
				'<h1>Response requested</h1><p>Podemos confirmar a visita?</p>' +
				'<form method="post"><input type="hidden" name="approved" value="false"><button type="submit">Decline</button></form>' +
				'<form method="post"><input type="hidden" name="approved" value="true"><button class="primary" type="submit">Approve</button></form>' +
				END,
		);
		const { result } = await call({ language: 'en' }, 'POST', { approved: 'true' });
		expect(String(result.webhookResponse)).toContain('<h1>Got it, thanks</h1><p>Your response was recorded. This page can be closed now.</p>');
	});

	it('keeps a version 1 node in English, as it always was, and lets it choose Portuguese', async () => {
		expect(bare((await call({}, 'GET', {}, 1)).html)).toContain(`${HEAD('en', 'Response requested')}<h1>Response requested</h1>`);
		expect(bare((await call({ language: 'pt-BR' }, 'GET', {}, 1)).html)).toContain(HEAD('pt-BR', 'Aguardamos sua resposta'));
	});

	it('falls back to the version\'s language, never to a broken page, when Language holds something else', async () => {
		for (const language of ['fr', 'constructor', '__proto__']) {
			const { captured, html } = await call({ language }, 'GET');
			expect(captured.statusCode).toBe(200);
			expect(html).toContain('<h1>Aguardamos sua resposta</h1>');
		}
	});
});

describe('Every text of the page can be replaced', () => {
	const pageTexts = {
		pageTitle: 'Sua opinião <importa>',
		responseFieldLabel: 'Conte pra gente',
		emptyResponseMessage: 'Faltou escrever!',
		invalidAnswerMessage: 'Escolha um botão.',
		confirmationTitle: 'Valeu!',
		confirmationMessage: 'Já anotamos.',
		errorTitle: 'Ops',
		errorMessage: 'Tente de novo pelo link.',
	};

	it('uses each replacement, escaped, in both languages', async () => {
		for (const language of ['pt-BR', 'en']) {
			const options = { options: { pageTexts: { values: pageTexts } }, language };
			const approval = await call({ ...options, approvalOptions: { values: { approveLabel: 'Sim', approvalType: 'double', disapproveLabel: 'Não' } } }, 'GET');
			expect(approval.html).toContain('<title>Sua opinião &lt;importa&gt;</title>');
			expect(approval.html).toContain('<h1>Sua opinião &lt;importa&gt;</h1>');
			expect(approval.html).toContain('>Sim</button>');
			expect(approval.html).toContain('>Não</button>');
			const free = await call({ ...options, responseType: 'freeText', options: { pageTexts: { values: pageTexts }, responseFormButtonLabel: 'Mandar' } }, 'GET');
			expect(free.html).toContain('<label for="text">Conte pra gente</label>');
			expect(free.html).toContain('>Mandar</button>');
			expect((await call({ ...options, responseType: 'freeText' }, 'POST', { text: '' })).html).toContain('<p class="problem">Faltou escrever!</p>');
			expect((await call(options, 'POST', { approved: 'false' })).html).toContain('<p class="problem">Escolha um botão.</p>');
			expect((await call(options, 'PUT')).html).toContain('<p class="problem">Escolha um botão.</p>');
			const recorded = String((await call(options, 'POST', { approved: 'true' })).result.webhookResponse);
			expect(recorded).toContain('<title>Valeu!</title>');
			expect(recorded).toContain('<h1>Valeu!</h1><p>Já anotamos.</p>');
			const unreadable = (await call(options, 'POST', UNREADABLE)).html;
			expect(unreadable).toContain('<title>Ops</title>');
			expect(unreadable).toContain('<h1>Ops</h1><p>Tente de novo pelo link.</p>');
		}
	});

	it('keeps the language\'s text for a replacement left empty', async () => {
		const { html } = await call({ options: { pageTexts: { values: { pageTitle: '  ', responseFieldLabel: '' } } }, responseType: 'freeText' }, 'GET');
		expect(html).toContain('<h1>Aguardamos sua resposta</h1>');
		expect(html).toContain('<label for="text">Sua resposta</label>');
	});

	it('the Free Text form title still comes before the page title', async () => {
		const { html } = await call({ responseType: 'freeText', options: { responseFormTitle: 'Horário', pageTexts: { values: { pageTitle: 'Outro' } } } }, 'GET');
		expect(html).toContain('<h1>Horário</h1>');
	});
});

describe('The texts table', () => {
	it('has every text in both languages, none empty, and the Portuguese ones differ from the English', () => {
		const keys = Object.keys(LEAD_TEXTS.en).sort();
		expect(Object.keys(LEAD_TEXTS['pt-BR']).sort()).toEqual(keys);
		for (const key of keys as Array<keyof typeof LEAD_TEXTS.en>) {
			expect(LEAD_TEXTS.en[key].trim()).not.toBe('');
			expect(LEAD_TEXTS['pt-BR'][key]).not.toBe(LEAD_TEXTS.en[key]);
		}
	});
});

describe('The Language field and Max SMS Parts per node version, as n8n resolves them', () => {
	// NodeHelpers.getNodeParameters is what n8n runs on a saved workflow: it fills in the defaults of
	// the fields shown for the node's version (an old workflow never stored a default value).
	const resolve = (description: INodeTypeDescription, parameters: INodeParameters, typeVersion: number) => {
		const workflowNode = { typeVersion, parameters } as unknown as INode;
		return NodeHelpers.getNodeParameters(description.properties, parameters, true, false, workflowNode, description) as IDataObject;
	};
	const cases: Array<[string, INodeTypeDescription, INodeParameters, boolean]> = [
		['IAGENTE SDR', new IagenteSdr().description, { resource: 'whatsAppMessage', operation: 'sendAndWait' }, false],
		['Superlead', new Superlead().description, { resource: 'message', operation: 'sendAndWait' }, false],
		['Leadway (SMS)', new Leadway().description, { resource: 'message', operation: 'sendAndWait', type: 'SMS' }, true],
		['LigueLead', new LigueLead().description, { resource: 'sms', operation: 'sendAndWait' }, true],
	];

	it.each(cases)('%s: version 1 defaults to English (and 2 SMS parts), version 1.1 to Portuguese (and 4)', (_name, description, parameters, sms) => {
		expect(description.version).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
		const v1 = resolve(description, parameters, 1);
		const v11 = resolve(description, parameters, 1.1);
		expect(v1.language).toBe('en');
		expect(v11.language).toBe('pt-BR');
		expect(v1.maxSmsParts).toBe(sms ? 2 : undefined);
		expect(v11.maxSmsParts).toBe(sms ? 4 : undefined);
		// A choice stored in the workflow wins at any version.
		expect(resolve(description, { ...parameters, language: 'pt-BR' }, 1).language).toBe('pt-BR');
	});

	it('shows Language only for Send and Wait', () => {
		const description = new LigueLead().description;
		expect(resolve(description, { resource: 'sms', operation: 'send' }, 1.1).language).toBeUndefined();
	});
});
