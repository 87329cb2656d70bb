// The sandbox's own HTTP control API and switches, over real sockets.
import { startBridge } from '../../dev/sandbox/bridge';
import { startSandbox } from '../../dev/sandbox';
import { useSandbox } from './helpers';

const sandbox = useSandbox();

const superlead = async (path: string, key = 'sandbox-superlead-api-key') =>
	await fetch(`${sandbox().credentials.superleadApi.baseUrl}${path}`, { headers: { Authorization: `Bearer ${key}` } });

describe('sandbox control API', () => {
	it('reports health and lists recorded requests, filtered by provider, and forgets them on DELETE', async () => {
		const health = await fetch(`${sandbox().url}/__sandbox/health`);
		expect(await health.json()).toEqual({ ok: true, url: sandbox().url, providers: ['iagente', 'superlead', 'leadway', 'liguelead'], recorded: 0 });

		await superlead('/v1/templates');
		await superlead('/v1/templates', 'sandbox-wrong');
		await fetch(`${sandbox().credentials.ligueLeadApi.baseUrl}/rcs/agents`);
		const all = (await (await fetch(`${sandbox().url}/__sandbox/requests`)).json()) as Array<{ provider: string; status: number; path: string }>;
		expect(all.map((r) => `${r.provider} ${r.path} ${r.status}`)).toEqual([
			'superlead /v1/templates 200',
			'superlead /v1/templates 401',
			'liguelead /rcs/agents 401',
		]);
		const only = (await (await fetch(`${sandbox().url}/__sandbox/requests?provider=liguelead`)).json()) as unknown[];
		expect(only).toHaveLength(1);

		expect((await fetch(`${sandbox().url}/__sandbox/requests`, { method: 'DELETE' })).status).toBe(204);
		expect(await (await fetch(`${sandbox().url}/__sandbox/requests`)).json()).toEqual([]);
	});

	it('delivers over HTTP, and answers 400 with the reason when the options are wrong', async () => {
		const bridge = await startBridge(async ({ headers }) => ({ status: 200, body: { signature: headers['x-ghl-signature'] ?? null } }));
		try {
			const post = async (options: unknown) =>
				await fetch(`${sandbox().url}/__sandbox/deliver`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(options) });
			const delivered = await post({ provider: 'highlevel', to: `${bridge.url}/hook` });
			expect(delivered.status).toBe(200);
			expect(await delivered.json()).toMatchObject({ status: 200, body: { signature: expect.any(String) }, sent: { event: 'InboundMessage' } });

			const unknown = await post({ provider: 'whatsapp', to: `${bridge.url}/hook` });
			expect(unknown.status).toBe(400);
			expect(await unknown.json()).toEqual({ error: expect.stringContaining('Unknown provider "whatsapp"') });
			const badForge = await post({ provider: 'leadway', to: `${bridge.url}/hook`, forge: 'replay' });
			expect(await badForge.json()).toEqual({ error: 'deliver: forge must be one of signature, missing, tampered, stale' });
		} finally {
			await bridge.close();
		}
	});

	it('answers unknown endpoints in the provider\'s envelope, and 405 for a wrong method', async () => {
		const missing = await superlead('/v1/contacts');
		expect(missing.status).toBe(404);
		expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
		const wrongMethod = await fetch(`${sandbox().credentials.superleadApi.baseUrl}/v1/templates`, {
			method: 'DELETE',
			headers: { Authorization: 'Bearer sandbox-superlead-api-key' },
		});
		expect(wrongMethod.status).toBe(405);
	});

	it('reset() clears the recorded requests and the state', async () => {
		await fetch(`${sandbox().credentials.iagenteSdrApi.baseUrl}/leads/101`, { method: 'DELETE', headers: { 'X-API-Key': 'sandbox-iagente-api-key' } });
		expect(sandbox().state('iagente').leads).toHaveLength(2);
		sandbox().reset();
		expect(sandbox().requests()).toEqual([]);
		expect(sandbox().state('iagente').leads).toHaveLength(3);
	});
});

describe('sandbox switches', () => {
	it('with enforceRateLimits off, a full window is not refused', async () => {
		const relaxed = await startSandbox({ enforceRateLimits: false, rateLimits: { leadway: [{ limit: 1, windowMs: 60_000 }, { limit: 1, windowMs: 60_000 }] } });
		const strict = await startSandbox({ rateLimits: { leadway: [{ limit: 1, windowMs: 60_000 }, { limit: 1, windowMs: 60_000 }] } });
		try {
			for (const instance of [relaxed, strict]) {
				const headers = { Authorization: 'Bearer sandbox-leadway-token', Version: '2021-07-28' };
				for (let i = 0; i < 2; i += 1) await fetch(`${instance.credentials.leadwayApi.baseUrl}/opportunities/pipelines?locationId=sandbox-location-1`, { headers });
			}
			expect(relaxed.requests().map((r) => r.status)).toEqual([200, 200]);
			expect(strict.requests().map((r) => r.status)).toEqual([200, 429]);
			expect(strict.requests()[1].responseHeaders).toMatchObject({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Interval-Milliseconds': '60000' });
		} finally {
			await relaxed.close();
			await strict.close();
		}
	});
});
