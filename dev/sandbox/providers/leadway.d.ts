// Types for tests that look at the Leadway (HighLevel) provider of the sandbox directly.
import type { DtoTable } from '../sdk-dtos';

/** `[method, pattern, handler]`, patterns with `:param` segments, as the sandbox serves them. */
export const routes: Array<[string, string, (context: unknown) => unknown]>;
/** What HighLevel's SDK declares for each write body (providers/leadway-dtos.json). */
export const DTO_TABLE: DtoTable;
export const TOKEN: string;
export const LOCATION_ID: string;
