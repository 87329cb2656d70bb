// Test-side tooling, never part of the package. The fields a request type of HighLevel's SDK (@gohighlevel/api-client 3.1.0, a devDependency) declares,
// read from its model declarations, so a test can hold a Leadway body against the SDK's DTO.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function sdkDtoFields(area: string, name: string): string[] {
	const file = join(__dirname, '..', '..', 'node_modules', '@gohighlevel', 'api-client', 'dist', 'lib', 'code', area, 'models', `${area}.d.ts`);
	const source = readFileSync(file, 'utf8');
	const match = new RegExp(`export interface ${name} \\{([^}]*)\\}`).exec(source);
	if (!match) throw new Error(`${name} is not declared in ${file}`);
	return [...match[1].matchAll(/^\s*([A-Za-z0-9_]+)\??:/gm)].map((field) => field[1]);
}

/** The keys of `body` that the DTO does not declare (empty when the body fits it). */
export function undeclared(body: object, area: string, name: string): string[] {
	const fields = sdkDtoFields(area, name);
	return Object.keys(body).filter((key) => !fields.includes(key));
}
