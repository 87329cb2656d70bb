'use strict';
// The request bodies HighLevel declares for the endpoints Leadway CRM writes to, read from HighLevel's
// official SDK (@gohighlevel/api-client, a devDependency): each service's compiled `<area>.js` gives
// the method and path of an SDK method, its `<area>.d.ts` the request-body DTO, and
// `models/<area>.d.ts` the DTO's declared properties (recursively, where a property is another
// interface of the same file). Nothing here is hand-copied from the SDK: the sandbox uses the table
// this writes (`providers/leadway-dtos.json`, so it runs without the SDK installed), and
// `test/leadway/dto.test.ts` checks the nodes' real bodies against a fresh read.
//
//   node dev/sandbox/sdk-dtos.js --write   regenerate providers/leadway-dtos.json
//   node dev/sandbox/sdk-dtos.js --check   exit 1 when the committed table differs from the SDK

const fs = require('node:fs');
const path = require('node:path');

const TABLE_FILE = path.join(__dirname, 'providers', 'leadway-dtos.json');

/**
 * The SDK methods behind every Leadway write, `<area>.<method>`. Task and Calendar entries serve the
 * Task and Calendar operations. POST /contacts/search is a read and is left out: the SDK declares its
 * body as an empty DTO (SearchBodyV2DTO) although HighLevel documents the search body elsewhere.
 */
const LEADWAY_WRITES = [
	'contacts.createContact',
	'contacts.upsertContact',
	'contacts.updateContact',
	'contacts.addTags',
	'contacts.removeTags',
	'contacts.createNote',
	'contacts.createTask',
	'contacts.updateTask',
	'contacts.updateTaskCompleted',
	'conversations.sendANewMessage',
	'conversations.createConversation',
	'conversations.uploadFileAttachments',
	'opportunities.createOpportunity',
	'opportunities.updateOpportunity',
	'opportunities.updateOpportunityStatus',
	'calendars.createAppointment',
	'calendars.editAppointment',
	'calendars.deleteEvent',
];

/**
 * Where the SDK types a body or a property as `any`, the SDK's own schema that stands for it, by name,
 * with the evidence. Keys: `<area>.<method>` for a whole body, `<Interface>.<property>` for a property.
 */
const LINKS = {
	// `uploadFileAttachments(requestBody: any)`: multipart. The fields are UploadFilesDto's; the file
	// part's name comes from the method's own description ("a buffer with the key fileAttachment").
	'conversations.uploadFileAttachments': { dto: 'UploadFilesDto', extra: ['fileAttachment'] },
	// `forward?: any`: ForwardConfigDto is the SDK's schema for the send's forward block.
	'SendMessageBodyDto.forward': { dto: 'ForwardConfigDto' },
	// `customFields?: any[]`: each entry is one of the customFieldsInput{String,Array,Object}Schema
	// (HighLevel's oneOf), which declare the same keys: id, key, field_value.
	'CreateContactDto.customFields': { dto: ['customFieldsInputStringSchema', 'customFieldsInputArraySchema', 'customFieldsInputObjectSchema'] },
	'UpsertContactDto.customFields': { dto: ['customFieldsInputStringSchema', 'customFieldsInputArraySchema', 'customFieldsInputObjectSchema'] },
	'UpdateContactDto.customFields': { dto: ['customFieldsInputStringSchema', 'customFieldsInputArraySchema', 'customFieldsInputObjectSchema'] },
	'CreateDto.customFields': { dto: ['customFieldsInputStringSchema', 'customFieldsInputArraySchema', 'customFieldsInputObjectSchema'] },
	'UpdateOpportunityDto.customFields': { dto: ['customFieldsInputStringSchema', 'customFieldsInputArraySchema', 'customFieldsInputObjectSchema'] },
};

function sdkRoot() {
	return path.dirname(require.resolve('@gohighlevel/api-client/package.json'));
}

/** `{ method, path }` of every method of a service's compiled class. */
function serviceRoutes(source) {
	const routes = {};
	const pattern = /async (\w+)\([^)]*\) \{[\s\S]*?method: '([A-Z]+)',\s*url: \(0, request_utils_1\.buildUrl\)\('([^']+)'/g;
	for (const [, name, method, url] of source.matchAll(pattern)) routes[name] = { method, path: url };
	return routes;
}

/** The request-body type of every method of a service's declaration: `Models.X`, `Models.X[]` or `any`. */
function serviceBodies(source) {
	const bodies = {};
	const pattern = /^ {4}(\w+)\(([\s\S]*?)\): Promise<[^\n]*;$/gm;
	for (const [, name, params] of source.matchAll(pattern)) {
		const body = /requestBody: ([\w.]+(?:\[\])?)/.exec(params)?.[1];
		if (body) bodies[name] = body.replace(/^Models\./, '');
	}
	return bodies;
}

/** `{ Interface: { property: type } }` of a models declaration file. */
function interfaces(source) {
	const found = {};
	const pattern = /^export interface (\w+) \{\n([\s\S]*?)^\}/gm;
	for (const [, name, body] of source.matchAll(pattern)) {
		const properties = {};
		for (const line of body.split('\n')) {
			const match = /^ {4}['"]?([\w$-]+)['"]?\??: (.+);$/.exec(line);
			if (match) properties[match[1]] = match[2];
		}
		found[name] = properties;
	}
	return found;
}

/**
 * The shape of a DTO: `{ property: shape }` where `true` accepts any value and an object lists the
 * keys allowed in the value (in each element, for an array). Named interfaces nest; `any` stays open
 * unless LINKS names the SDK schema for it.
 */
function shapeOf(models, names, seen = []) {
	const list = Array.isArray(names) ? names : [names];
	const shape = {};
	for (const name of list) {
		const properties = models[name];
		if (!properties) throw new Error(`The SDK declares no interface ${name}`);
		for (const [property, type] of Object.entries(properties)) {
			const link = LINKS[`${name}.${property}`];
			const referenced = /^(\w+)(?:\[\])*$/.exec(type)?.[1];
			let inner = true;
			if (link) inner = shapeOf(models, link.dto, [...seen, name]);
			else if (referenced && models[referenced] && !seen.includes(referenced)) inner = shapeOf(models, referenced, [...seen, name]);
			shape[property] = mergeShapes(shape[property], inner);
		}
	}
	return shape;
}

function mergeShapes(a, b) {
	if (a === undefined) return b;
	if (a === true || b === true) return true;
	const merged = { ...a };
	for (const [key, value] of Object.entries(b)) merged[key] = mergeShapes(merged[key], value);
	return merged;
}

const areas = {};

/** One service area of the SDK (`contacts`, `calendars`, …): its routes, body types and model interfaces, read once. */
function area(name) {
	if (!areas[name]) {
		const read = (file) => fs.readFileSync(path.join(sdkRoot(), 'dist', 'lib', 'code', name, file), 'utf8');
		areas[name] = {
			routes: serviceRoutes(read(`${name}.js`)),
			bodies: serviceBodies(read(`${name}.d.ts`)),
			models: interfaces(read(path.join('models', `${name}.d.ts`))),
		};
	}
	return areas[name];
}

/** The shape of one named DTO of an SDK area, read from the SDK: `dtoShape('contacts', 'CreateTaskParams')`. */
function dtoShape(areaName, dto) {
	return shapeOf(area(areaName).models, dto);
}

/** The endpoint table for the given `<area>.<method>` list, read from the SDK. */
function readSdkTable(operations = LEADWAY_WRITES) {
	const version = JSON.parse(fs.readFileSync(path.join(sdkRoot(), 'package.json'), 'utf8')).version;
	const endpoints = operations.map((operation) => {
		const [areaName, method] = operation.split('.');
		const { routes, bodies, models } = area(areaName);
		const route = routes[method];
		if (!route) throw new Error(`The SDK has no method ${operation}`);
		const declared = bodies[method];
		if (!declared) throw new Error(`The SDK method ${operation} takes no request body`);
		const link = LINKS[operation];
		const dto = link ? link.dto : declared.replace(/\[\]$/, '');
		if (!link && !models[dto]) throw new Error(`${operation} declares its body as ${declared}, which is not an interface: add a LINKS entry`);
		const properties = shapeOf(models, dto);
		for (const extra of link?.extra ?? []) properties[extra] = true;
		return { operation, method: route.method, path: route.path, dto: Array.isArray(dto) ? dto.join(' | ') : dto, ...(link?.extra ? { extra: link.extra } : {}), properties };
	});
	return { sdk: `@gohighlevel/api-client@${version}`, endpoints };
}

/** `/contacts/{contactId}/tasks` → a regex matching the path as the node writes it (trailing slash optional). */
function pathMatcher(pattern) {
	const source = pattern
		.replace(/\/+$/, '')
		.split('/')
		.map((part) => (/^\{\w+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
		.join('/');
	return new RegExp(`^${source}/?$`);
}

/** The endpoint of a table for a request: literal paths win over ones with parameters. */
function findEndpoint(table, method, requestPath) {
	const candidates = table.endpoints.filter((endpoint) => endpoint.method === method && pathMatcher(endpoint.path).test(requestPath.split('?')[0]));
	const literal = (endpoint) => endpoint.path.split('/').filter((part) => part && !part.startsWith('{')).length;
	return candidates.sort((a, b) => literal(b) - literal(a))[0];
}

/**
 * Every key of `value` that `shape` does not declare, as HighLevel (NestJS's ValidationPipe with
 * forbidNonWhitelisted) words it: `property gender should not exist`, prefixed with the path of a
 * nested object (`customFields.0.property x should not exist`).
 */
function undeclared(shape, value, prefix = '') {
	if (shape === true || value === null || typeof value !== 'object') return [];
	if (Array.isArray(value)) return value.flatMap((element, index) => undeclared(shape, element, `${prefix}${index}.`));
	const problems = [];
	for (const [key, inner] of Object.entries(value)) {
		if (!Object.prototype.hasOwnProperty.call(shape, key)) problems.push(`${prefix}property ${key} should not exist`);
		else problems.push(...undeclared(shape[key], inner, `${prefix}${key}.`));
	}
	return problems;
}

function loadTable() {
	return JSON.parse(fs.readFileSync(TABLE_FILE, 'utf8'));
}

const serialise = (table) => `${JSON.stringify(table, null, '\t')}\n`;

/** The committed table's text, or '' when there is none. */
function committedText() {
	return fs.existsSync(TABLE_FILE) ? fs.readFileSync(TABLE_FILE, 'utf8') : '';
}

module.exports = { LEADWAY_WRITES, TABLE_FILE, readSdkTable, dtoShape, loadTable, committedText, findEndpoint, pathMatcher, undeclared, serialise };

if (require.main === module) {
	const mode = process.argv[2];
	const fresh = serialise(readSdkTable());
	if (mode === '--write') {
		fs.writeFileSync(TABLE_FILE, fresh);
		process.stdout.write(`wrote ${path.relative(process.cwd(), TABLE_FILE)}\n`);
	} else if (mode === '--check') {
		if (committedText() !== fresh) {
			process.stderr.write(`${TABLE_FILE} differs from the SDK: run node dev/sandbox/sdk-dtos.js --write\n`);
			process.exit(1);
		}
		process.stdout.write('the Leadway DTO table matches the SDK\n');
	} else {
		process.stdout.write(fresh);
	}
}
