// The shared Send and Wait pieces: the page behind the link, the answers the webhook records,
// the text with the link, and the resume link on n8n versions that do not sign it.
import type { IDataObject, IExecuteFunctions, INodeParameters, IWebhookResponseData } from 'n8n-workflow';

import { IagenteSdr } from '../../nodes/IagenteSdr/IagenteSdr.node';
import {
	composeChatText,
	composeSmsText,
	escapeHtml,
	renderResponsePage,
	resumeUrl,
} from '../../nodes/shared/sendAndWait';
import { webhookContext } from '../harness';
import { setup } from '../iagenteSdr/fixtures';

const node = new IagenteSdr();
const base: INodeParameters = { resource: 'whatsAppMessage', operation: 'sendAndWait', message: 'Aprova o desconto?' };

async function call(parameters: INodeParameters, method: string, body: IDataObject | string = {}) {
	const rawBody = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	const { context, captured } = webhookContext(setup({ ...base, ...parameters }), {
		method,
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		rawBody,
		body: body as IDataObject,
	});
	const result: IWebhookResponseData = await node.webhook.call(context);
	return { result, captured, html: String(captured.body ?? result.webhookResponse ?? '') };
}

const double = { approvalOptions: { values: { approvalType: 'double', approveLabel: 'Aprovar', disapproveLabel: 'Recusar' } } };

describe('Send and Wait page (GET)', () => {
	it('shows the message and one Approve button, and records nothing (link previews open links with GET)', async () => {
		const { result, captured, html } = await call({}, 'GET');
		expect(result).toEqual({ noWebhookResponse: true });
		expect(captured.statusCode).toBe(200);
		expect(captured.headers?.['content-type']).toBe('text/html; charset=utf-8');
		expect(html).toContain('<p>Aprova o desconto?</p>');
		expect(html.match(/<form method="post">/g)).toHaveLength(1);
		expect(html).toContain('<input type="hidden" name="approved" value="true"><button class="primary" type="submit">Approve</button>');
		expect(html).not.toContain('value="false"');
	});

	it('shows both buttons with their labels for Approve and Disapprove', async () => {
		const { html } = await call(double, 'GET');
		expect(html).toContain('<input type="hidden" name="approved" value="false"><button type="submit">Recusar</button>');
		expect(html).toContain('<input type="hidden" name="approved" value="true"><button class="primary" type="submit">Aprovar</button>');
	});

	it('escapes labels, title and message, so nothing typed in the node becomes markup on the page', async () => {
		const { html } = await call(
			{
				message: '<img src=x onerror=alert(1)> & "aspas"',
				approvalOptions: { values: { approvalType: 'double', approveLabel: '<b>Sim</b>', disapproveLabel: '"><script>x()</script>' } },
			},
			'GET',
		);
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;aspas&quot;');
		expect(html).toContain('>&lt;b&gt;Sim&lt;/b&gt;</button>');
		expect(html).toContain('>&quot;&gt;&lt;script&gt;x()&lt;/script&gt;</button>');
		expect(html).not.toMatch(/<script|<img|<b>/);
	});

	it('is self-contained: no script, no external asset, no link away', async () => {
		const { html } = await call(double, 'GET');
		expect(html).not.toMatch(/<script|<link|src=|href=|url\(|@import/i);
	});

	it('shows a one-field form for Free Text, with the form title, description and button label', async () => {
		const { html } = await call(
			{
				responseType: 'freeText',
				options: { responseFormTitle: 'Sua resposta', responseFormDescription: 'Conte o que achou', responseFormButtonLabel: 'Enviar' },
			},
			'GET',
		);
		expect(html).toContain('<title>Sua resposta</title>');
		expect(html).toContain('<h1>Sua resposta</h1><p>Conte o que achou</p>');
		expect(html).toContain('<textarea id="text" name="text" required></textarea>');
		expect(html).toContain('<button class="primary" type="submit">Enviar</button>');
		expect(html).not.toContain('name="approved"');
	});
});

describe('Send and Wait answer (POST)', () => {
	it('resumes with { data: { approved: true } } when the person approves', async () => {
		const { result } = await call({}, 'POST', { approved: 'true' });
		expect(result.workflowData).toEqual([[{ json: { data: { approved: true } } }]]);
		expect(String(result.webhookResponse)).toContain('Your response was recorded');
	});

	it('resumes with { data: { approved: false } } when the person disapproves', async () => {
		const { result } = await call(double, 'POST', { approved: 'false' });
		expect(result.workflowData).toEqual([[{ json: { data: { approved: false } } }]]);
	});

	it('refuses a disapproval when only approval was offered, and does not resume', async () => {
		const { result, captured, html } = await call({}, 'POST', { approved: 'false' });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(captured.statusCode).toBe(400);
		expect(html).toContain('That answer is not one of the choices');
	});

	it('refuses a POST without an answer', async () => {
		const { result, captured } = await call(double, 'POST', {});
		expect(result.workflowData).toBeUndefined();
		expect(captured.statusCode).toBe(400);
	});

	it('resumes with { data: { text } } for Free Text, the text as typed', async () => {
		const { result } = await call({ responseType: 'freeText' }, 'POST', { text: '  Pode dar 5%, não 10%.\nObrigado ' });
		expect(result.workflowData).toEqual([[{ json: { data: { text: '  Pode dar 5%, não 10%.\nObrigado ' } } }]]);
	});

	it('refuses an empty Free Text answer and shows the form again', async () => {
		const { result, captured, html } = await call({ responseType: 'freeText' }, 'POST', { text: '   ' });
		expect(result.workflowData).toBeUndefined();
		expect(captured.statusCode).toBe(400);
		expect(html).toContain('<p class="problem">Write a response before sending.</p>');
		expect(html).toContain('<textarea');
	});

	it('reads a form body n8n left as text', async () => {
		const { result } = await call({ responseType: 'freeText' }, 'POST', 'text=Sim%2C+pode+ir');
		expect(result.workflowData).toEqual([[{ json: { data: { text: 'Sim, pode ir' } } }]]);
	});

	it('never throws on hostile bodies: each is refused without resuming', async () => {
		const circular: IDataObject = {};
		circular.self = circular;
		const hostile: unknown[] = [null, 42, ['approved=true'], { data: ['true'] }, { approved: { toString: null } }, circular, 'a'.repeat(1_000_000)];
		for (const body of hostile) {
			const { context, captured } = webhookContext(setup(base), {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				rawBody: Buffer.from('x'),
				body,
			});
			const result: IWebhookResponseData = await node.webhook.call(context);
			expect(result.workflowData).toBeUndefined();
			// A person sees a page, never a JSON refusal or a 500.
			expect(captured.statusCode).toBe(400);
			expect(captured.headers?.['content-type']).toBe('text/html; charset=utf-8');
		}
	});

	it('answers other methods with 405 and does not resume', async () => {
		const { result, captured } = await call({}, 'PUT', { approved: 'true' });
		expect(result.workflowData).toBeUndefined();
		expect(captured.statusCode).toBe(405);
	});
});

describe('Send and Wait text and link', () => {
	it('puts the link below the message: after a blank line with its label in chats, on the next line alone in SMS', () => {
		expect(composeChatText('Aprova?', 'Responder', 'https://n8n.example.com/w/1/n')).toBe('Aprova?\n\nResponder: https://n8n.example.com/w/1/n');
		expect(composeChatText('Aprova?', ' ', 'https://n8n.example.com/w/1/n')).toBe('Aprova?\n\nhttps://n8n.example.com/w/1/n');
		expect(composeSmsText('Aprova?', 'https://n8n.example.com/w/1/n')).toBe('Aprova?\nhttps://n8n.example.com/w/1/n');
	});

	it('escapes the five HTML characters', () => {
		expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
	});

	it('on n8n without signed resume links (1.86…), appends the node ID to $execution.resumeUrl, keeping its query', () => {
		const expressions: string[] = [];
		const ctx = {
			evaluateExpression: (expression: string) => {
				expressions.push(expression);
				return 'https://n8n.example.com/webhook-waiting/42?token=abc';
			},
			getNode: () => ({ id: '8b1c6f7e-2d4a-4c1b-9a33-0f2e5d6c7b8a' }),
		} as unknown as IExecuteFunctions;
		expect(resumeUrl(ctx)).toBe('https://n8n.example.com/webhook-waiting/42/8b1c6f7e-2d4a-4c1b-9a33-0f2e5d6c7b8a?token=abc');
		expect(expressions).toEqual(['{{ $execution.resumeUrl }}']);
	});

	it('on n8n that signs resume links, uses the signed link and asks n8n to check it where n8n offers that', () => {
		const calls: string[] = [];
		const ctx = {
			setSignatureValidationRequired: () => calls.push('validate'),
			getSignedResumeUrl: () => {
				calls.push('sign');
				return 'https://n8n.example.com/webhook-waiting/42/node?signature=abc';
			},
		} as unknown as IExecuteFunctions;
		expect(resumeUrl(ctx)).toBe('https://n8n.example.com/webhook-waiting/42/node?signature=abc');
		expect(calls).toEqual(['validate', 'sign']);
	});
});

describe('renderResponsePage', () => {
	it('shows a problem note only when there is one', () => {
		const content = { title: 'T', description: '', responseType: 'approval' as const, approveLabel: 'A', submitLabel: 'S' };
		expect(renderResponsePage(content)).not.toContain('class="problem"');
		expect(renderResponsePage({ ...content, problem: 'x < y' })).toContain('<p class="problem">x &lt; y</p>');
	});
});
