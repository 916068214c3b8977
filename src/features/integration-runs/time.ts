/**
 * Times on the run screens, in UTC (the default: unambiguous in a ticket) or the viewer's local zone.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { TimeZoneChoice } from './search-schema';

dayjs.extend(utc);

const DISPLAY = 'YYYY-MM-DD HH:mm:ss';
const INPUT = 'YYYY-MM-DDTHH:mm';

function inZone(iso: string, tz: TimeZoneChoice) {
  return tz === 'utc' ? dayjs.utc(iso) : dayjs(iso);
}

/** "2026-11-20 11:52:07" in the chosen zone; the input unchanged when it is not a date. */
export function formatInstant(iso: string, tz: TimeZoneChoice): string {
  const d = inZone(iso, tz);
  return d.isValid() ? d.format(DISPLAY) : iso;
}

/** "UTC", or the local zone's offset ("UTC+01:00"), for column headers. */
export function zoneLabel(tz: TimeZoneChoice, at: Date = new Date()): string {
  if (tz === 'utc') return 'UTC';
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `local, UTC${sign}${hh}:${mm}`;
}

/** The value of an `<input type="datetime-local">` showing `iso` in the chosen zone. */
export function toDateTimeInput(iso: string | undefined, tz: TimeZoneChoice): string {
  if (!iso) return '';
  const d = inZone(iso, tz);
  return d.isValid() ? d.format(INPUT) : '';
}

/**
 * An `<input type="datetime-local">` value ("2026-11-20T11:52", seconds optional) read in the chosen
 * zone, as an ISO instant; null when it is not a complete date and time.
 */
export function fromDateTimeInput(value: string, tz: TimeZoneChoice): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [y = 0, mo = 1, d = 0, h = 0, mi = 0, s = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const ms =
    tz === 'utc' ? Date.UTC(y, mo - 1, d, h, mi, s) : new Date(y, mo - 1, d, h, mi, s).getTime();
  const date = new Date(ms);
  // Reject 2026-02-31 and friends, which Date would silently roll over.
  const check = tz === 'utc' ? date.getUTCDate() : date.getDate();
  if (Number.isNaN(ms) || check !== d) return null;
  return date.toISOString();
}
