/**
 * The run history's URL state: which statuses, which dates, which order, how times are shown and which
 * run is open beside the list. A shared or old link must always open a working view: anything the
 * console cannot use is dropped (never an error page), and the page says what it dropped.
 *
 * The canonical search object leaves defaults out, so links stay short and two URLs that show the same
 * view are the same URL.
 */
import { z } from 'zod/mini';
import { isUuid, RUN_STATUSES, RUN_ORDER, type KnownRunStatus, type RunOrder } from '../../api';
import { noteValue, toIsoInstant, type Healed, type HealNote } from '../../lib/link-healing';
import { RANGE_PRESETS, type RangeChoice, type RangePreset } from '../../lib/date-range';
import type { RunFilters } from '../../queries/runs';
import { RUN_OUTCOMES, type RunOutcomeFilter } from '../../queries/run-outcomes';

import type { TimeZoneChoice } from '../../lib/time';

export type { TimeZoneChoice };

export interface RunsSearch {
  /** Known statuses in RUN_STATUSES order, no repeats; absent = every status. */
  status?: KnownRunStatus[];
  range?: RangePreset | 'custom';
  /** ISO instant; only with `range: 'custom'`. Runs started after it. */
  from?: string;
  /** ISO instant; only with `range: 'custom'`. Runs started before or on it. */
  to?: string;
  /** How times are shown and custom dates read; absent = UTC. */
  tz?: TimeZoneChoice;
  /** Absent = newest first. */
  order?: RunOrder;
  /** The run open beside the list. */
  run?: string;
  /**
   * Only the runs of destinations (in a Bill's history) or Bills (in a destination's) whose latest
   * finished run is failing, or succeeded after a failure (queries/run-outcomes.ts). Applied to the
   * loaded runs, so it is not a query filter.
   */
  outcome?: RunOutcomeFilter;
}

const KNOWN_KEYS = ['status', 'range', 'from', 'to', 'tz', 'order', 'run', 'outcome'] as const;

/** Older or hand-written spellings that still mean something. */
const ALIASES: Record<string, (typeof KNOWN_KEYS)[number]> = {
  statuses: 'status',
  startDate: 'from',
  endDate: 'to',
  runId: 'run',
};

const rangeSchema = z.enum([...RANGE_PRESETS, 'custom']);
const tzSchema = z.enum(['utc', 'local']);
const orderSchema = z.enum(RUN_ORDER);

/** `ERROR,AUTH_FAILED`, `["ERROR"]` or repeated keys; case-insensitive. */
function statusCandidates(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(statusCandidates);
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
  return [value];
}

/**
 * Turns whatever the URL holds into the canonical search of a working view and says what it dropped
 * (a `HealSearch`: the routes heal with it through src/lib/link-healing.ts). Pure and idempotent.
 */
export function healRunsSearch(raw: Readonly<Record<string, unknown>>): Healed<RunsSearch> {
  const notes: HealNote[] = [];
  const note = (text: string, param: string) => {
    notes.push({ text, param });
  };
  const input: Partial<Record<(typeof KNOWN_KEYS)[number], unknown>> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if ((KNOWN_KEYS as readonly string[]).includes(key)) {
      input[key as (typeof KNOWN_KEYS)[number]] = value;
    } else if (key in ALIASES) {
      const target = ALIASES[key] as (typeof KNOWN_KEYS)[number];
      if (input[target] === undefined) input[target] = value;
    } else {
      note(`Ignored the unknown parameter “${noteValue(key)}”.`, key);
    }
  }
  // An old link may carry startDate/endDate without saying it is a custom range.
  const legacyDates = ('startDate' in raw || 'endDate' in raw) && input.range === undefined;

  const search: RunsSearch = {};

  if (input.status !== undefined) {
    const picked = new Set<KnownRunStatus>();
    for (const candidate of statusCandidates(input.status)) {
      const upper = typeof candidate === 'string' ? candidate.toUpperCase() : undefined;
      const known = RUN_STATUSES.find((s) => s === upper);
      if (known) picked.add(known);
      else note(`Dropped the status “${noteValue(candidate)}”: it is not a run status.`, 'status');
    }
    if (picked.size > 0) {
      search.status = RUN_STATUSES.filter((s) => picked.has(s));
    }
  }

  let range: RangeChoice = 'all';
  if (input.range !== undefined && input.range !== 'all') {
    const parsed = rangeSchema.safeParse(input.range);
    if (parsed.success) range = parsed.data;
    else note(`Dropped the date range “${noteValue(input.range)}”: showing any time.`, 'range');
  } else if (legacyDates) {
    range = 'custom';
  }

  if (range === 'custom') {
    let from: string | undefined;
    let to: string | undefined;
    for (const key of ['from', 'to'] as const) {
      if (input[key] === undefined || input[key] === '') continue;
      const iso = toIsoInstant(input[key]);
      if (iso) {
        if (key === 'from') from = iso;
        else to = iso;
      } else {
        note(`Dropped the ${key} date “${noteValue(input[key])}”: it is not a date.`, key);
      }
    }
    if (from && to && Date.parse(from) > Date.parse(to)) {
      note('Dropped the custom dates: the start was after the end. Showing any time.', 'range');
    } else if (from || to) {
      search.range = 'custom';
      if (from) search.from = from;
      if (to) search.to = to;
    } else if (input.range === 'custom') {
      note('Dropped the custom range: it had no usable dates. Showing any time.', 'range');
    }
  } else {
    if (range !== 'all') search.range = range;
    if (!legacyDates && (input.from !== undefined || input.to !== undefined)) {
      note('Dropped the from/to dates: they only apply to a custom range.', 'range');
    }
  }

  if (input.tz !== undefined) {
    const parsed = tzSchema.safeParse(
      typeof input.tz === 'string' ? input.tz.toLowerCase() : input.tz,
    );
    if (!parsed.success) note(`Dropped the time zone “${noteValue(input.tz)}”: showing UTC.`, 'tz');
    else if (parsed.data === 'local') search.tz = 'local';
  }

  if (input.order !== undefined) {
    const parsed = orderSchema.safeParse(
      typeof input.order === 'string' ? input.order.toUpperCase() : input.order,
    );
    if (!parsed.success)
      note(`Dropped the order “${noteValue(input.order)}”: showing newest first.`, 'order');
    else if (parsed.data === 'ASC') search.order = 'ASC';
  }

  if (input.run !== undefined) {
    if (typeof input.run === 'string' && isUuid(input.run)) search.run = input.run.toLowerCase();
    else note(`Could not open the run “${noteValue(input.run)}”: it is not a run id.`, 'run');
  }

  if (input.outcome !== undefined) {
    const outcome = RUN_OUTCOMES.find(
      (o) => typeof input.outcome === 'string' && o === input.outcome.toLowerCase(),
    );
    if (outcome) search.outcome = outcome;
    else
      note(
        `Dropped the outcome “${noteValue(input.outcome)}”: it is “failing” or “resolved”. Showing every run.`,
        'outcome',
      );
  }

  return { search, notes };
}

/** The data-shaping part of the search, with defaults filled in. */
export function toRunFilters(search: RunsSearch): RunFilters {
  const filters: RunFilters = {
    statuses: search.status ?? [],
    range: search.range ?? 'all',
    order: search.order ?? 'DESC',
  };
  if (search.range === 'custom') {
    if (search.from) filters.from = search.from;
    if (search.to) filters.to = search.to;
  }
  return filters;
}
