// Date pickers give wall-clock text in the workflow's timezone; APIs want UTC epoch seconds.
// Pure functions on Intl, so no date library is needed at runtime.

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** How far `timeZone` is ahead of UTC at the instant `utcMs`, in ms (e.g. -3 h for America/Sao_Paulo). */
export function zoneOffsetMs(utcMs: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(utcMs));
	const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
	const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
	return asUtc - Math.floor(utcMs / 1000) * 1000;
}

function fromEpochNumber(value: number): number {
	// Epoch milliseconds are ~1.7e12; seconds ~1.7e9.
	return value > 1e11 ? value : value * 1000;
}

/**
 * Reads a moment as epoch ms: epoch seconds or ms, ISO text with Z or an offset, a Date, a Luxon
 * DateTime, or wall-clock text ("2025-03-01T09:30:00", what n8n's date picker gives), which is
 * read in `timeZone`. Undefined when the value cannot be read or the timezone is unknown.
 */
export function toEpochMs(value: unknown, timeZone: string): number | undefined {
	try {
		if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
		if (value && typeof value === 'object' && typeof (value as { toMillis?: unknown }).toMillis === 'function') {
			const ms = (value as { toMillis: () => number }).toMillis();
			return Number.isFinite(ms) ? ms : undefined;
		}
		if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? fromEpochNumber(value) : undefined;
		if (typeof value !== 'string') return undefined;
		const text = value.trim();
		if (/^\d+(\.\d+)?$/.test(text)) return fromEpochNumber(Number(text));
		if (HAS_ZONE.test(text)) {
			const ms = Date.parse(text);
			return Number.isNaN(ms) ? undefined : ms;
		}
		const match = WALL_CLOCK.exec(text);
		if (!match) return undefined;
		const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0'] = match;
		const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Number(fraction.padEnd(3, '0')));
		const check = new Date(wall);
		if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d) return undefined;
		// Two passes settle the offset on the right side of a daylight-saving change.
		const guess = wall - zoneOffsetMs(wall, timeZone);
		return wall - zoneOffsetMs(guess, timeZone);
	} catch {
		return undefined;
	}
}

/** The same moment as whole UTC epoch seconds. */
export function toEpochSeconds(value: unknown, timeZone: string): number | undefined {
	const ms = toEpochMs(value, timeZone);
	return ms === undefined ? undefined : Math.floor(ms / 1000);
}

const ZONED = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|([+-])(\d{2}):?(\d{2}))$/i;

/** Whether `timeZone` is an IANA time zone name this runtime knows (e.g. America/Sao_Paulo). */
export function isTimeZone(timeZone: string): boolean {
	if (timeZone.trim() === '') return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/** A moment read from the user's input, with the UTC offset it was written in (minutes). */
export type MomentReading =
	| { ok: true; ms: number; offsetMinutes: number }
	| { ok: false; reason: 'no-zone' | 'unreadable' };

/**
 * Reads a date and time that must say which moment it is: ISO text with `Z` or an offset (kept as
 * written), a Luxon DateTime (its own zone), or a JS Date. Wall-clock text without a zone
 * ("2030-01-07T09:00:00", what n8n's date picker gives) is read only in an explicitly given
 * `timeZone`; without one it is refused ('no-zone'), never guessed. Numbers are refused: seconds
 * and milliseconds would be a guess.
 */
export function readMoment(value: unknown, timeZone?: string): MomentReading {
	const zone = timeZone?.trim() ? timeZone.trim() : undefined;
	if (value instanceof Date) {
		const ms = value.getTime();
		if (Number.isNaN(ms)) return { ok: false, reason: 'unreadable' };
		return { ok: true, ms, offsetMinutes: zone ? Math.round(zoneOffsetMs(ms, zone) / 60_000) : 0 };
	}
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return readMoment((value as { toISO: () => unknown }).toISO(), zone);
	}
	if (typeof value !== 'string') return { ok: false, reason: 'unreadable' };
	const text = value.trim();
	const zoned = ZONED.exec(text);
	if (zoned) {
		const [, y, mo, d, h, mi, s = '0', fraction = '0', designator, sign, oh, om] = zoned;
		const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Number(fraction.padEnd(3, '0')));
		const check = new Date(wall);
		if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) return { ok: false, reason: 'unreadable' };
		const offsetMinutes = designator.toUpperCase() === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (+oh * 60 + +om);
		if (Math.abs(offsetMinutes) > 18 * 60) return { ok: false, reason: 'unreadable' };
		return { ok: true, ms: wall - offsetMinutes * 60_000, offsetMinutes };
	}
	if (!WALL_CLOCK.test(text)) return { ok: false, reason: 'unreadable' };
	if (!zone) return { ok: false, reason: 'no-zone' };
	const ms = toEpochMs(text, zone);
	if (ms === undefined) return { ok: false, reason: 'unreadable' };
	return { ok: true, ms, offsetMinutes: Math.round(zoneOffsetMs(ms, zone) / 60_000) };
}

/** ISO 8601 text of a moment at a UTC offset: `2030-01-07T09:00:00-03:00` (`Z` at offset 0). */
export function formatAtOffset(ms: number, offsetMinutes: number): string {
	const local = new Date(ms + offsetMinutes * 60_000).toISOString();
	const clock = local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23);
	if (offsetMinutes === 0) return `${clock}Z`;
	const abs = Math.abs(offsetMinutes);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${clock}${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
