import { toEpochMs, toEpochSeconds, zoneOffsetMs } from '../../nodes/shared/time';

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
