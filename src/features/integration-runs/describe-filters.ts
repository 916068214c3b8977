import { RUN_STATUS_GROUPS } from '../../api';
import { RANGE_LABELS } from '../../lib/labels';
import type { RunsSearch } from './search-schema';
import { formatInstant } from '../../lib/time';

/** The filters in words ("status failed; started in the last 7 days"), for counts and empty states. */
export function describeFilters(search: RunsSearch): string {
  const parts: string[] = [];
  if (search.status?.length) {
    const groups = RUN_STATUS_GROUPS.filter((g) =>
      g.statuses.every((s) => search.status?.includes(s)),
    );
    const inGroups = new Set(groups.flatMap((g) => g.statuses as readonly string[]));
    const loose = search.status.filter((s) => !inGroups.has(s));
    parts.push(`status ${[...groups.map((g) => g.label.toLowerCase()), ...loose].join(', ')}`);
  }
  const tz = search.tz ?? 'utc';
  if (search.range === 'custom') {
    const from = search.from ? `from ${formatInstant(search.from, tz)}` : '';
    const to = search.to ? `to ${formatInstant(search.to, tz)}` : '';
    parts.push(`started ${[from, to].filter(Boolean).join(' ')}`);
  } else if (search.range) {
    parts.push(`started in the ${RANGE_LABELS[search.range].toLowerCase()}`);
  }
  return parts.length > 0 ? parts.join('; ') : 'all runs';
}
