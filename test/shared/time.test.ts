import { formatAtOffset, isTimeZone, readMoment, toEpochMs, toEpochSeconds, zoneOffsetMs } from '../../nodes/shared/time';

describe('toEpochSeconds', () => {
	it('reads date-picker wall-clock text in the workflow timezone', () => {
		// 08:04:23 in São Paulo (UTC-3, no daylight saving since 2019) is 11:04:23 UTC.
		expect(toEpochSeconds('2022-11-24T08:04:23', 'America/Sao_Paulo')).toBe(1669287863);
		expect(toEpochSeconds('2022-11-24 08:04', 'America/Sao_Paulo')).toBe(1669287840);
	});

	it('follows daylight saving time in zones that have it', () => {
		// New York: EST (UTC-5) in January, EDT (UTC-4) in July.
		expect(toEpochSeconds('2024-01-15T12:00:00', 'America/New_York')).toBe(Date.UTC(2024, 0, 15, 17) / 1000);
		expect(toEpochSeconds('2024-07-15T12:00:00', 'America/New_York')).toBe(Date.UTC(2024, 6, 15, 16) / 1000);
	});

	it('keeps the moment of text that carries Z or an offset, whatever the timezone', () => {
		expect(toEpochSeconds('2022-11-24T11:04:23Z', 'Asia/Tokyo')).toBe(1669287863);
		expect(toEpochSeconds('2022-11-24T08:04:23.000-03:00', 'Asia/Tokyo')).toBe(1669287863);
	});

	it('accepts epoch seconds, epoch milliseconds, Dates and Luxon-like objects', () => {
		expect(toEpochSeconds(1669287863, 'UTC')).toBe(1669287863);
		expect(toEpochSeconds('1669287863000', 'UTC')).toBe(1669287863);
		expect(toEpochSeconds(new Date(1669287863000), 'UTC')).toBe(1669287863);
		expect(toEpochSeconds({ toMillis: () => 1669287863000 }, 'UTC')).toBe(1669287863);
	});

	it('gives undefined for what is not a moment, an impossible date or an unknown timezone', () => {
		expect(toEpochMs('amanhã', 'UTC')).toBeUndefined();
		expect(toEpochMs('2024-02-30T10:00:00', 'UTC')).toBeUndefined();
		expect(toEpochMs('2024-02-10T10:00:00', 'Mars/Olympus')).toBeUndefined();
		expect(toEpochMs(undefined, 'UTC')).toBeUndefined();
		expect(toEpochMs(-5, 'UTC')).toBeUndefined();
	});
});

describe('zoneOffsetMs', () => {
	it('gives the offset of a zone at an instant', () => {
		expect(zoneOffsetMs(Date.UTC(2024, 0, 1), 'America/Sao_Paulo')).toBe(-3 * 3600 * 1000);
		expect(zoneOffsetMs(Date.UTC(2024, 0, 1), 'UTC')).toBe(0);
	});
});

describe('readMoment', () => {
	it('keeps the offset a date is written in, and reads Z as UTC', () => {
		expect(readMoment('2030-01-07T09:00:00-03:00')).toEqual({ ok: true, ms: Date.UTC(2030, 0, 7, 12), offsetMinutes: -180 });
		expect(readMoment('2030-01-07 09:00+0530')).toEqual({ ok: true, ms: Date.UTC(2030, 0, 7, 3, 30), offsetMinutes: 330 });
		expect(readMoment('2030-01-07T12:00:00.250Z')).toEqual({ ok: true, ms: Date.UTC(2030, 0, 7, 12, 0, 0, 250), offsetMinutes: 0 });
	});

	it('refuses wall-clock text without a time zone, and reads it in one that is given', () => {
		expect(readMoment('2030-01-07T09:00:00')).toEqual({ ok: false, reason: 'no-zone' });
		expect(readMoment('2030-01-07')).toEqual({ ok: false, reason: 'no-zone' });
		expect(readMoment('2030-01-07T09:00:00', 'America/Sao_Paulo')).toEqual({ ok: true, ms: Date.UTC(2030, 0, 7, 12), offsetMinutes: -180 });
		// New York is at -05:00 in January and -04:00 in July.
		expect(readMoment('2030-07-07T09:00:00', 'America/New_York')).toEqual({ ok: true, ms: Date.UTC(2030, 6, 7, 13), offsetMinutes: -240 });
	});

	it('takes Luxon-like values and Dates, refuses numbers, impossible dates and offsets', () => {
		expect(readMoment({ toISO: () => '2030-01-07T09:00:00.000-03:00' })).toEqual({ ok: true, ms: Date.UTC(2030, 0, 7, 12), offsetMinutes: -180 });
		expect(readMoment(new Date(Date.UTC(2030, 0, 7, 12)))).toEqual({ ok: true, ms: Date.UTC(2030, 0, 7, 12), offsetMinutes: 0 });
		expect(readMoment(1893931200000)).toEqual({ ok: false, reason: 'unreadable' });
		expect(readMoment('2030-02-30T09:00:00Z')).toEqual({ ok: false, reason: 'unreadable' });
		expect(readMoment('2030-01-07T24:00:00Z')).toEqual({ ok: false, reason: 'unreadable' });
		expect(readMoment('2030-01-07T09:00:00+19:00')).toEqual({ ok: false, reason: 'unreadable' });
	});
});

describe('formatAtOffset and isTimeZone', () => {
	it('writes a moment at an offset, Z at zero, milliseconds only when present', () => {
		expect(formatAtOffset(Date.UTC(2030, 0, 7, 12), -180)).toBe('2030-01-07T09:00:00-03:00');
		expect(formatAtOffset(Date.UTC(2030, 0, 7, 3, 30), 330)).toBe('2030-01-07T09:00:00+05:30');
		expect(formatAtOffset(Date.UTC(2030, 0, 7, 12, 0, 0, 250), 0)).toBe('2030-01-07T12:00:00.250Z');
	});

	it('knows IANA zone names', () => {
		expect(isTimeZone('America/Sao_Paulo')).toBe(true);
		expect(isTimeZone('Brasil/Sao Paulo')).toBe(false);
		expect(isTimeZone('')).toBe(false);
	});
});
