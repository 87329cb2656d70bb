// The sandbox refuses what HighLevel refuses: any property outside the DTO HighLevel's SDK declares
// for a Leadway write gets HighLevel's 422 envelope, and the node's real bodies (every write
// operation, every field filled: test/leadway/writeFixtures.ts) pass.
import { findEndpoint } from '../../dev/sandbox/sdk-dtos';
import { DTO_TABLE, routes } from '../../dev/sandbox/providers/leadway';
import { LeadwayApi } from '../../credentials/LeadwayApi.credentials';
import { Leadway } from '../../nodes/Leadway/Leadway.node';
import { runNode } from '../harness';
import type { Setup } from '../harness';
import { CONTACT_ID, FIXTURES } from '../leadway/writeFixtures';
import type { Fixture, Variant } from '../leadway/writeFixtures';
import { useSandbox } from './helpers';

const sandbox = useSandbox();
const versions = new Leadway().description.version;
const LATEST = Array.isArray(versions) ? Math.max(...versions) : versions;

const setup = (parameters: Setup['parameters'], extra: Partial<Setup> = {}): Setup => ({
	node: Leadway,
	credentials: { leadwayApi: { type: LeadwayApi, data: { ...sandbox().credentials.leadwayApi } } },
	parameters,
	...extra,
});

/** A request straight to the sandbox's Leadway API, with the credential's token and Version. */
async function call(method: string, path: string, body: Record<string, unknown> | FormData) {
	const { baseUrl, accessToken, apiVersion } = sandbox().credentials.leadwayApi as Record<string, string>;
	const json = !(body instanceof FormData);
	const response = await fetch(`${baseUrl}${path}`, {
		method,
		headers: { authorization: `Bearer ${accessToken}`, version: apiVersion, ...(json ? { 'content-type': 'application/json' } : {}) },
		body: json ? JSON.stringify(body) : body,
	});
	return { status: response.status, body: (await response.json()) as unknown };
}

const unprocessable = (...message: string[]) => ({ statusCode: 422, message, error: 'Unprocessable Entity' });

/** Sandbox routes that take a body HighLevel's SDK declares no DTO for, and why. */
const WITHOUT_DTO: Record<string, string> = {
	'POST /contacts/search': 'a read; the SDK declares an empty SearchBodyV2DTO, the sandbox checks the documented search body itself',
};

describe('Leadway sandbox: bodies outside the SDK\'s DTOs', () => {
	it('every Leadway write route of the sandbox is guarded by its endpoint\'s DTO', () => {
		const writes = routes.filter(([method]) => ['POST', 'PUT', 'PATCH'].includes(method)).map(([method, pattern]) => `${method} ${pattern}`);
		const unguarded = writes.filter((route) => {
			const [method, pattern] = route.split(' ');
			return !findEndpoint(DTO_TABLE, method, pattern.replace(/:(\w+)/g, 'any-$1')) && !(route in WITHOUT_DTO);
		});
		expect(unguarded).toEqual([]);
		expect(writes.length).toBeGreaterThanOrEqual(10);
	});

	it('a property outside the DTO gets HighLevel\'s 422 envelope on every guarded route, before anything changes', async () => {
		const ids: Record<string, string> = { id: CONTACT_ID, contactId: CONTACT_ID };
		const guarded = routes.filter(([method, pattern]) => findEndpoint(DTO_TABLE, method, pattern.replace(/:(\w+)/g, 'any-$1')) && method !== 'GET');
		for (const [method, pattern] of guarded) {
			const path = pattern.replace(/:(\w+)/g, (_, name: string) => (pattern.startsWith('/opportunities') ? 'sandboxOpportunity001' : ids[name] ?? 'sandboxId'));
			const answer = await call(method, path, { strayField: 'x' });
			expect([`${method} ${pattern}`, answer]).toEqual([`${method} ${pattern}`, { status: 422, body: unprocessable('property strayField should not exist') }]);
		}
		expect(sandbox().state('leadway').contacts.find((contact: { id: string }) => contact.id === CONTACT_ID)).not.toHaveProperty('strayField');
	});

	it('Gender on Contact → Update (what version 1 of the node could send) gets 422 "property gender should not exist"', async () => {
		const answer = await call('PUT', `/contacts/${CONTACT_ID}`, { city: 'Santos', gender: 'male' });
		expect(answer).toEqual({ status: 422, body: unprocessable('property gender should not exist') });
		expect(sandbox().state('leadway').contacts[0].city).toBeUndefined();
		expect((await call('PUT', `/contacts/${CONTACT_ID}`, { city: 'Santos' })).status).toBe(200);
	});

	it('nested objects and lists are checked too, as HighLevel words it', async () => {
		const contact = await call('POST', '/contacts/', {
			locationId: 'sandbox-location-1',
			email: 'x@example.com',
			customFields: [{ id: 'cf01', value: 'gold' }],
			dndSettings: { SMS: { status: 'active', until: 'x' } },
		});
		expect(contact).toEqual({
			status: 422,
			body: unprocessable('customFields.0.property value should not exist', 'dndSettings.SMS.property until should not exist'),
		});
		const form = new FormData();
		form.append('conversationId', 'sandboxConversation01');
		form.append('locationId', 'sandbox-location-1');
		form.append('caption', 'x');
		form.append('fileAttachment', new Blob([Buffer.from('%PDF-1.4')], { type: 'application/pdf' }), 'a.pdf');
		expect(await call('POST', '/conversations/messages/upload', form)).toEqual({ status: 422, body: unprocessable('property caption should not exist') });
	});

	it('a version 1 node with Gender on Update is refused before it reaches Leadway', async () => {
		const { error } = await runNode(
			setup({ resource: 'contact', operation: 'update', contactId: { __rl: true, mode: 'id', value: CONTACT_ID }, updateFields: { city: 'Santos', gender: 'male' } }),
		);
		expect(error?.message).toContain('Update Fields → Gender: Leadway does not accept Gender when updating a contact');
		expect(sandbox().requests({ provider: 'leadway' })).toEqual([]);
	});
});

describe('Leadway sandbox: the node\'s real bodies, every field filled, pass', () => {
	const writes = Object.entries(FIXTURES).filter((entry): entry is [string, Extract<Fixture, { variants: Variant[] }>] => 'variants' in entry[1]);

	it.each(writes)('%s', async (key, fixture) => {
		const [resource, operation] = key.split(':');
		for (const variant of fixture.variants) {
			sandbox().reset();
			const state = sandbox().state('leadway') as Record<string, unknown[]>;
			for (const [name, records] of Object.entries(variant.sandboxRecords ?? {})) state[name].push(...records.map((record) => ({ ...record })));
			const { error } = await runNode(
				setup({ resource, operation, ...variant.parameters }, { typeVersion: LATEST, ...(variant.binaryInput ? { binaryInput: [variant.binaryInput] } : {}) }),
			);
			const answered = sandbox().requests({ provider: 'leadway' }).map((request) => `${request.method} ${request.path} ${request.status}`);
			expect([error?.message, answered.filter((line) => !/ 2\d\d$/.test(line))]).toEqual([undefined, []]);
			expect(answered.length).toBeGreaterThan(0);
		}
	});
});
