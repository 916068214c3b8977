/**
 * Times as the lists show and take them, in UTC (the default: unambiguous in a ticket) or the viewer's
 * local zone: formatted instants and the values of `<input type="datetime-local">`.
 */

export type TimeZoneChoice = 'utc' | 'local';

// Plain Date arithmetic, not dayjs: the run table formats two instants per row and loads nothing else
// from a date library.

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

/** An instant without a zone designator is read as UTC in UTC mode (as m3ter means it), local otherwise. */
const NO_ZONE = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

function partsIn(iso: string, tz: TimeZoneChoice): Parts | null {
  const ms = Date.parse(tz === 'utc' && NO_ZONE.test(iso) ? `${iso}Z` : iso);
  if (!Number.isFinite(ms)) return null;
  const t = new Date(ms);
  return tz === 'utc'
    ? {
        y: t.getUTCFullYear(),
        mo: t.getUTCMonth() + 1,
        d: t.getUTCDate(),
        h: t.getUTCHours(),
        mi: t.getUTCMinutes(),
        s: t.getUTCSeconds(),
      }
    : {
        y: t.getFullYear(),
        mo: t.getMonth() + 1,
        d: t.getDate(),
        h: t.getHours(),
        mi: t.getMinutes(),
        s: t.getSeconds(),
      };
}

const two = (n: number) => String(n).padStart(2, '0');
const day = (p: Parts) => `${String(p.y).padStart(4, '0')}-${two(p.mo)}-${two(p.d)}`;

/** "2026-11-20 11:52:07" in the chosen zone; the input unchanged when it is not a date. */
export function formatInstant(iso: string, tz: TimeZoneChoice): string {
  const p = partsIn(iso, tz);
  return p ? `${day(p)} ${two(p.h)}:${two(p.mi)}:${two(p.s)}` : iso;
}

/**
 * "14:03:07", the viewer's local time of day at `ms`: when a list was last read. Plain arithmetic,
 * not `toLocaleTimeString`, whose first call in a page loads ICU's date data (measured ~30 ms on the
 * run history's first render).
 */
export function formatLocalClock(ms: number): string {
  const t = new Date(ms);
  return `${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}`;
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
  const p = partsIn(iso, tz);
  return p ? `${day(p)}T${two(p.h)}:${two(p.mi)}` : '';
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
