const crypto = require('crypto');
const url = 'http://127.0.0.1:5688/webhook/6f1d2a3b-1111-4222-8333-944455556666/webhook';
const secret = 'whsec_e2e_placeholder';
async function post(body, signature) {
	const headers = { 'content-type': 'application/json' };
	if (signature) headers['x-webhook-signature'] = signature;
	const res = await fetch(url, { method: 'POST', headers, body });
	return `${res.status} ${await res.text()}`;
}
const sign = (b, s = secret) => 'sha256=' + crypto.createHmac('sha256', s).update(Buffer.from(b, 'utf8')).digest('hex');
(async () => {
	const accented = JSON.stringify({ event: 'message.received', data: { text: 'Olá, quero uma cotação — João' } });
	// Whitespace and key order the way a provider might send them: n8n must verify the raw bytes.
	const spaced = '{ "event" : "message.received",\n  "data": {"text": "ação"} }';
	console.log('valid accented  :', await post(accented, sign(accented)));
	console.log('valid spaced    :', await post(spaced, sign(spaced)));
	console.log('wrong secret    :', await post(accented, sign(accented, 'whsec_other')));
	console.log('missing header  :', await post(accented));
	console.log('tampered body   :', await post(accented.replace('João', 'Joao'), sign(accented)));
	const other = JSON.stringify({ event: 'lead.created', data: { id: 1 } });
	console.log('unselected event:', await post(other, sign(other)));
})();
