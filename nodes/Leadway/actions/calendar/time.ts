// Dates of tasks and appointments: each must say which moment it is, or the node refuses it.
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { timing } from '../../../shared/http';
import { formatAtOffset, isTimeZone, readMoment } from '../../../shared/time';
import { describeValue, inputError, textValue } from '../../../shared/validation';

export const ZONE_FIX =
	'Write the date with its UTC offset or Z (e.g. 2030-01-07T09:00:00-03:00, as Get Free Slots gives it), or set "Time Zone" (e.g. America/Sao_Paulo) to read dates written without one in that zone.';

export function timeZoneField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '',
		placeholder: 'e.g. America/Sao_Paulo',
		description:
			'IANA time zone in which dates written without a UTC offset (such as those of the date picker) are read. Left empty, such dates are refused instead of guessed.',
		...overrides,
	};
}

/** The Time Zone field, checked: undefined when empty. */
export function readTimeZone(ctx: IExecuteFunctions, itemIndex: number, raw: unknown, label = 'Time Zone'): string | undefined {
	const zone = textValue(ctx, itemIndex, label, raw).trim();
	if (zone === '') return undefined;
	if (!isTimeZone(zone)) {
		throw inputError(ctx, itemIndex, label, `"${describeValue(zone)}" is not a time zone`, 'Use an IANA time zone name such as America/Sao_Paulo, America/Manaus or UTC.');
	}
	return zone;
}

export interface Moment {
	ms: number;
	offsetMinutes: number;
	/** ISO 8601 with the offset it was written in (or the Time Zone's), as sent to Leadway. */
	iso: string;
}

/** A date and time that names its moment; refuses text without a zone (unless a Time Zone is set) and anything unreadable. */
export function requireMoment(ctx: IExecuteFunctions, itemIndex: number, label: string, raw: unknown, timeZone: string | undefined): Moment {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		throw inputError(ctx, itemIndex, label, 'it is empty', `Fill in "${label}". ${ZONE_FIX}`);
	}
	const reading = readMoment(raw, timeZone);
	if (!reading.ok) {
		const shown = describeValue(raw);
		throw inputError(
			ctx,
			itemIndex,
			label,
			reading.reason === 'no-zone' ? `"${shown}" has no time zone` : `"${shown}" is not a date and time`,
			ZONE_FIX,
		);
	}
	return { ms: reading.ms, offsetMinutes: reading.offsetMinutes, iso: formatAtOffset(reading.ms, reading.offsetMinutes) };
}

/** Refuses a start that is already past (by the clock of the shared HTTP layer, which tests control). */
export function requireFuture(ctx: IExecuteFunctions, itemIndex: number, label: string, moment: Moment): void {
	const now = timing.now();
	if (moment.ms <= now) {
		throw inputError(
			ctx,
			itemIndex,
			label,
			`${moment.iso} is in the past (now is ${formatAtOffset(Math.floor(now / 1000) * 1000, moment.offsetMinutes)})`,
			'Give a start time later than now. Check the date, and the UTC offset or Time Zone it is written in.',
		);
	}
}

/** Refuses an end that is not after the start. */
export function requireAfter(ctx: IExecuteFunctions, itemIndex: number, label: string, end: Moment, startLabel: string, start: Moment): void {
	if (end.ms <= start.ms) {
		throw inputError(
			ctx,
			itemIndex,
			label,
			`${end.iso} is ${end.ms === start.ms ? 'the same moment as' : 'before'} the ${startLabel} ${start.iso}`,
			`Give an end later than "${startLabel}".`,
		);
	}
}
