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
