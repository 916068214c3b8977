/** Times on the run screens: UTC by default, the viewer's zone on request, and the date-time inputs. */
import { describe, expect, it } from 'vitest';
import { formatInstant, formatLocalClock, fromDateTimeInput, toDateTimeInput } from './time';

describe('run times', () => {
  it('formats an instant in UTC, seconds included, and leaves a non-date as it came', () => {
    expect(formatInstant('2026-11-20T11:52:07.123Z', 'utc')).toBe('2026-11-20 11:52:07');
    expect(formatInstant('2026-11-20T23:59:59+02:00', 'utc')).toBe('2026-11-20 21:59:59');
    // m3ter means UTC when a time carries no zone.
    expect(formatInstant('2026-11-20T11:52:07', 'utc')).toBe('2026-11-20 11:52:07');
    expect(formatInstant('not a date', 'utc')).toBe('not a date');
  });

  it("formats in the viewer's zone when asked", () => {
    const iso = '2026-01-02T03:04:05Z';
    const local = new Date(iso);
    const two = (n: number) => String(n).padStart(2, '0');
    expect(formatInstant(iso, 'local')).toBe(
      `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())} ` +
        `${two(local.getHours())}:${two(local.getMinutes())}:${two(local.getSeconds())}`,
    );
  });

  it('round-trips a date-time input in both zones, and refuses impossible dates', () => {
    expect(toDateTimeInput('2026-11-20T11:52:07Z', 'utc')).toBe('2026-11-20T11:52');
    expect(toDateTimeInput(undefined, 'utc')).toBe('');
    expect(toDateTimeInput('garbage', 'utc')).toBe('');
    expect(fromDateTimeInput('2026-11-20T11:52', 'utc')).toBe('2026-11-20T11:52:00.000Z');
    const local = fromDateTimeInput('2026-11-20T11:52', 'local');
    expect(local && toDateTimeInput(local, 'local')).toBe('2026-11-20T11:52');
    expect(fromDateTimeInput('2026-02-31T10:00', 'utc')).toBeNull();
    expect(fromDateTimeInput('2026-11-20', 'utc')).toBeNull();
  });
});

describe('formatLocalClock', () => {
  it("says the local time of day as en-GB's 24-hour clock does", () => {
    for (const iso of ['2026-11-20T00:00:00', '2026-11-20T09:05:03', '2026-11-20T23:59:59']) {
      const ms = new Date(iso).getTime();
      expect(formatLocalClock(ms)).toBe(new Date(ms).toLocaleTimeString('en-GB'));
    }
  });
});
