/** `true` accepts any value; an object lists the keys allowed (in each element, for an array). */
export type Shape = true | { [property: string]: Shape };

export interface Endpoint {
	/** `<area>.<method>` of the SDK. */
	operation: string;
	method: string;
	/** The SDK's path, parameters in braces: `/contacts/{contactId}`. */
	path: string;
	dto: string;
	extra?: string[];
	properties: { [property: string]: Shape };
}

export interface DtoTable {
	sdk: string;
	endpoints: Endpoint[];
}

export const LEADWAY_WRITES: string[];
export const TABLE_FILE: string;
export function readSdkTable(operations?: string[]): DtoTable;
/** The shape of one named DTO of an SDK area (`contacts`, `calendars`, …), read from the SDK. */
export function dtoShape(area: string, dto: string): { [property: string]: Shape };
export function loadTable(): DtoTable;
export function committedText(): string;
export function findEndpoint(table: DtoTable, method: string, path: string): Endpoint | undefined;
export function pathMatcher(pattern: string): RegExp;
export function undeclared(shape: Shape, value: unknown, prefix?: string): string[];
export function serialise(table: DtoTable): string;
