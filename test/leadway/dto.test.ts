// Every Leadway write body, checked key by key against the request DTO HighLevel's official SDK
// (@gohighlevel/api-client, a devDependency) declares for its endpoint. The DTOs are read from the
// SDK's .d.ts files on each run (dev/sandbox/sdk-dtos.js), so the check follows the SDK.
//
// Each operation of the node (enumerated from its description) needs an entry in FIXTURES
// (writeFixtures.ts): parameter sets that together fill every field the operation shows, or `noBody`
// with the reason. A new operation without an entry, or a new field no fixture fills, fails here.
import nock from 'nock';
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { committedText, findEndpoint, readSdkTable, serialise, undeclared } from '../../dev/sandbox/sdk-dtos';
import { Leadway } from '../../nodes/Leadway/Leadway.node';
import { runNode } from '../harness';
import { multipartParts, rawBody } from '../harness/multipart';
import { BASE, setup } from './fixtures';
import { FIXTURES } from './writeFixtures';
import type { Fixture, Variant } from './writeFixtures';

/** One answer that lets every operation go on to its next request. */
const ANSWER = {
	contact: { id: 'contact01' },
	conversations: [],
	conversation: { id: 'conversation01' },
	uploadedFiles: { 'proposta.pdf': 'https://files.example.com/proposta.pdf' },
	conversationId: 'conversation01',
	messageId: 'message01',
	opportunity: { id: 'opportunity01' },
	note: { id: 'note01' },
	tags: ['vip'],
	succeded: true,
};

interface Captured {
	method: string;
	path: string;
	body: IDataObject | undefined;
}

/** Answers every request to Leadway and records it; multipart bodies become `{ part name: '' }`. */
function capture(): Captured[] {
	const captured: Captured[] = [];
	const scope = nock(BASE).persist();
	for (const method of ['get', 'post', 'put', 'delete', 'patch'] as const) {
		scope[method](/.*/).reply(function (this: nock.ReplyFnContext, uri: string, body: nock.Body) {
			const type = String(this.req.headers['content-type'] ?? '');
			let parsed: IDataObject | undefined;
			if (type.startsWith('multipart/form-data')) {
				const names = multipartParts(type, rawBody(String(body))).map((part) => /\bname="([^"]*)"/.exec(part.headers)?.[1] ?? '?');
				parsed = Object.fromEntries(names.map((name) => [name, '']));
			} else if (body && typeof body === 'object') {
				parsed = body as IDataObject;
			} else if (typeof body === 'string' && body !== '') {
				parsed = JSON.parse(body) as IDataObject;
			}
			captured.push({ method: method.toUpperCase(), path: new URL(uri, BASE).pathname, body: parsed });
			return [200, ANSWER];
		});
	}
	return captured;
}

const node = new Leadway();
const versions = node.description.version;
const LATEST = Array.isArray(versions) ? Math.max(...versions) : versions;

/** Whether a field exists at the latest version (its `@version` conditions only). */
function atLatest(field: { displayOptions?: INodeProperties['displayOptions'] }): boolean {
	const shown = field.displayOptions?.show?.['@version'];
	const hidden = field.displayOptions?.hide?.['@version'];
	if (shown && !shown.includes(LATEST)) return false;
	if (hidden && hidden.includes(LATEST)) return false;
	return true;
}

/** `resource:operation` of every operation the node offers. */
function operations(): string[] {
	const resources = node.description.properties.find((property) => property.name === 'resource')!.options as INodePropertyOptions[];
	return resources.flatMap((resource) => {
		const field = node.description.properties.find(
			(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value),
		)!;
		return (field.options as INodePropertyOptions[]).map((operation) => `${resource.value}:${operation.value}`);
	});
}

/** The fields an operation shows at the latest version: `name`, and `collection.option` for collections. */
function fieldsOf(key: string): string[] {
	const [resource, operation] = key.split(':');
	const names = new Set<string>();
	for (const property of node.description.properties) {
		const show = property.displayOptions?.show;
		if (!show?.resource?.includes(resource) || !show.operation?.includes(operation) || !atLatest(property)) continue;
		if (property.type === 'collection') {
			for (const option of property.options as INodeProperties[]) if (atLatest(option)) names.add(`${property.name}.${option.name}`);
		} else {
			names.add(property.name);
		}
	}
	return [...names];
}

function filled(variants: Variant[], field: string): boolean {
	const [name, option] = field.split('.');
	return variants.some(({ parameters }) => {
		const value = parameters[name];
		if (option === undefined) return value !== undefined;
		return typeof value === 'object' && value !== null && (value as IDataObject)[option] !== undefined;
	});
}

const table = readSdkTable();

describe('Leadway write bodies against the DTOs of HighLevel\'s official SDK', () => {
	beforeEach(() => {
		nock.cleanAll();
		nock.disableNetConnect();
	});

	it('has a fixture (or a stated reason for having none) for every operation of the node, and none for operations it lacks', () => {
		expect(Object.keys(FIXTURES).sort()).toEqual(operations().sort());
	});

	it('the fixtures fill every field each write operation shows (at the latest version)', () => {
		const unfilled = Object.entries(FIXTURES).flatMap(([key, fixture]) => {
			if ('noBody' in fixture) return [];
			const skipped = Object.keys(fixture.notInBody ?? {});
			return fieldsOf(key)
				.filter((field) => !['resource', 'operation', 'requestOptions'].includes(field))
				.filter((field) => !skipped.includes(field) && !skipped.includes(field.split('.')[0]))
				.filter((field) => !filled(fixture.variants, field))
				.map((field) => `${key} ${field}`);
		});
		expect(unfilled).toEqual([]);
	});

	const writes = Object.entries(FIXTURES).filter((entry): entry is [string, Extract<Fixture, { variants: Variant[] }>] => 'variants' in entry[1]);

	it.each(writes)('%s sends only properties its endpoint\'s DTO declares', async (key, fixture) => {
		const [resource, operation] = key.split(':');
		const problems: string[] = [];
		for (const [position, variant] of fixture.variants.entries()) {
			const captured = capture();
			const { error } = await runNode({
				...setup({ resource, operation, ...variant.parameters }, variant.binaryInput ? { binaryInput: [variant.binaryInput] } : {}),
				typeVersion: LATEST,
			});
			expect(error).toBeUndefined();
			const bodies = captured.filter((request) => request.body !== undefined && Object.keys(request.body).length > 0);
			expect(bodies.length).toBeGreaterThan(0);
			for (const request of bodies) {
				const endpoint = findEndpoint(table, request.method, request.path);
				if (!endpoint) {
					problems.push(`variant ${position + 1}: ${request.method} ${request.path} has no DTO in the table (add its SDK method to LEADWAY_WRITES in dev/sandbox/sdk-dtos.js)`);
					continue;
				}
				for (const problem of undeclared(endpoint.properties, request.body)) {
					problems.push(`variant ${position + 1}: ${request.method} ${request.path} (${endpoint.dto}): ${problem}`);
				}
			}
			nock.cleanAll();
		}
		expect(problems).toEqual([]);
	});

	it('the check finds an undeclared property, also inside nested objects and lists', () => {
		const update = findEndpoint(table, 'PUT', '/contacts/contact01')!;
		expect(update.dto).toBe('UpdateContactDto');
		expect(undeclared(update.properties, { city: 'Santos', gender: 'male', companyName: 'Tech Corp' })).toEqual([
			'property gender should not exist',
			'property companyName should not exist',
		]);
		expect(undeclared(update.properties, { customFields: [{ id: 'cf01', value: 'x' }] })).toEqual(['customFields.0.property value should not exist']);
		expect(undeclared(update.properties, { dndSettings: { SMS: { status: 'active', until: 'x' } } })).toEqual(['dndSettings.SMS.property until should not exist']);
		const send = findEndpoint(table, 'POST', '/conversations/messages')!;
		expect(undeclared(send.properties, { type: 'Email', contactId: 'c', forward: { isForwarded: true, cc: 'x' } })).toEqual(['forward.property cc should not exist']);
		expect(findEndpoint(table, 'POST', '/contacts/upsert')!.dto).toBe('UpsertContactDto');
	});

	it('maps the Task and Calendar writes to their SDK DTOs', () => {
		const dto = (method: string, path: string) => findEndpoint(table, method, path)?.dto;
		expect(dto('POST', '/contacts/c1/tasks')).toBe('CreateTaskParams');
		expect(dto('PUT', '/contacts/c1/tasks/t1')).toBe('UpdateTaskBody');
		expect(dto('PUT', '/contacts/c1/tasks/t1/completed')).toBe('UpdateTaskStatusParams');
		expect(dto('POST', '/calendars/events/appointments')).toBe('AppointmentCreateSchema');
		expect(dto('PUT', '/calendars/events/appointments/e1')).toBe('AppointmentEditSchema');
		expect(dto('DELETE', '/calendars/events/e1')).toBe('DeleteAppointmentSchema');
	});

	it('the sandbox\'s committed table is what the SDK declares today', () => {
		expect(committedText()).toBe(serialise(table));
	});
});
