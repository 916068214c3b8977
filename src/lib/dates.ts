import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import utc from 'dayjs/plugin/utc';

dayjs.extend(relativeTime);
dayjs.extend(utc);

/** "2026-11-20 14:03:07 UTC": unambiguous for sharing in tickets. */
export function formatExact(iso: string): string {
  const d = dayjs.utc(iso);
  return d.isValid() ? `${d.format('YYYY-MM-DD HH:mm:ss')} UTC` : iso;
}

export function formatRelative(iso: string, now: Date = new Date()): string {
  const d = dayjs(iso);
  return d.isValid() ? d.from(now) : iso;
}

/** "1 h 4 min", "3.2 s", "850 ms"; null when either end is missing or the order is wrong. */
export function formatDuration(startIso?: string | null, endIso?: string | null): string | null {
  if (!startIso || !endIso) return null;
  const ms = Date.parse(endIso) - Date.parse(startIso);
  if (!Number.isFinite(ms) || ms < 0) return null;
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
