import { describe, expect, it } from 'vitest';
import { fromDateTimeInput, toDateTimeInput } from './time';

describe('the date range control’s custom dates', () => {
  it('reads a typed date and time in UTC as an instant, and shows it back', () => {
    expect(fromDateTimeInput('2026-11-20T09:30', 'utc')).toBe('2026-11-20T09:30:00.000Z');
    expect(fromDateTimeInput(' 2026-11-20T09:30:15 ', 'utc')).toBe('2026-11-20T09:30:15.000Z');
    expect(toDateTimeInput('2026-11-20T09:30:15.000Z', 'utc')).toBe('2026-11-20T09:30');
  });

  it('reads local time in the browser’s zone', () => {
    const iso = fromDateTimeInput('2026-11-20T09:30', 'local');
    expect(iso).toBe(new Date(2026, 10, 20, 9, 30).toISOString());
    expect(toDateTimeInput(iso ?? '', 'local')).toBe('2026-11-20T09:30');
  });

  it('rejects what is not a whole, real date and time', () => {
    for (const text of ['2026-11-20', '2026-02-31T10:00', 'soon', '2026-11-20T25:00', '']) {
      expect(fromDateTimeInput(text, 'utc')).toBeNull();
    }
    expect(toDateTimeInput(undefined, 'utc')).toBe('');
    expect(toDateTimeInput('not a date', 'utc')).toBe('');
  });
});
