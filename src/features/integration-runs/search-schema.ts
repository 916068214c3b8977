/**
 * The run history's URL state: which statuses, which dates, which order, how times are shown and which
 * run is open beside the list. A shared or old link must always open a working view: anything the
 * console cannot use is dropped (never an error page), and the page says what it dropped.
 *
 * The canonical search object leaves defaults out, so links stay short and two URLs that show the same
 * view are the same URL.
 */
import type { HistoryState } from '@tanstack/react-router';
import { z } from 'zod';
import { isUuid, RUN_STATUSES, RUN_ORDER, type KnownRunStatus, type RunOrder } from '../../api';
import {
  RANGE_PRESETS,
  type RangeChoice,
  type RangePreset,
  type RunFilters,
} from '../../queries/runs';

export type TimeZoneChoice = 'utc' | 'local';

export const RANGE_LABELS: Record<RangeChoice, string> = {
  all: 'Any time',
  '24h': 'Last 24 h',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  custom: 'Custom',
};

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
}

interface HealedSearch {
  search: RunsSearch;
  /** One sentence per thing dropped or changed, for the page to show. Empty for a clean URL. */
  notes: string[];
}

const KNOWN_KEYS = ['status', 'range', 'from', 'to', 'tz', 'order', 'run'] as const;

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
const DATE_START = /^\d{4}-\d{2}-\d{2}/;

/** An ISO date or date-time, as a canonical ISO instant; null when unusable. */
function toIsoInstant(value: unknown): string | null {
  if (typeof value !== 'string' || !DATE_START.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

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
 * Turns whatever the URL holds into a valid search and says what it dropped. Pure; used both as the
 * route's `validateSearch` (through `validateRunsSearch`) and by its `beforeLoad` to explain a healed
 * link (through `healRunsLink`).
 */
export function healRunsSearch(raw: Record<string, unknown>): HealedSearch {
  const notes: string[] = [];
  const input: Partial<Record<(typeof KNOWN_KEYS)[number], unknown>> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if ((KNOWN_KEYS as readonly string[]).includes(key)) {
      input[key as (typeof KNOWN_KEYS)[number]] = value;
    } else if (key in ALIASES) {
      const target = ALIASES[key] as (typeof KNOWN_KEYS)[number];
      if (input[target] === undefined) input[target] = value;
    } else {
      notes.push(`Ignored the unknown parameter “${key}”.`);
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
      else notes.push(`Dropped the status “${show(candidate)}”: it is not a run status.`);
    }
    if (picked.size > 0) {
      search.status = RUN_STATUSES.filter((s) => picked.has(s));
    }
  }

  let range: RangeChoice = 'all';
  if (input.range !== undefined && input.range !== 'all') {
    const parsed = rangeSchema.safeParse(input.range);
    if (parsed.success) range = parsed.data;
    else notes.push(`Dropped the date range “${show(input.range)}”: showing any time.`);
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
        notes.push(`Dropped the ${key} date “${show(input[key])}”: it is not a date.`);
      }
    }
    if (from && to && Date.parse(from) > Date.parse(to)) {
      notes.push('Dropped the custom dates: the start was after the end. Showing any time.');
    } else if (from || to) {
      search.range = 'custom';
      if (from) search.from = from;
      if (to) search.to = to;
    } else if (input.range === 'custom') {
      notes.push('Dropped the custom range: it had no usable dates. Showing any time.');
    }
  } else {
    if (range !== 'all') search.range = range;
    if (!legacyDates && (input.from !== undefined || input.to !== undefined)) {
      notes.push('Dropped the from/to dates: they only apply to a custom range.');
    }
  }

  if (input.tz !== undefined) {
    const parsed = tzSchema.safeParse(
      typeof input.tz === 'string' ? input.tz.toLowerCase() : input.tz,
    );
    if (!parsed.success) notes.push(`Dropped the time zone “${show(input.tz)}”: showing UTC.`);
    else if (parsed.data === 'local') search.tz = 'local';
  }

  if (input.order !== undefined) {
    const parsed = orderSchema.safeParse(
      typeof input.order === 'string' ? input.order.toUpperCase() : input.order,
    );
    if (!parsed.success)
      notes.push(`Dropped the order “${show(input.order)}”: showing newest first.`);
    else if (parsed.data === 'ASC') search.order = 'ASC';
  }

  if (input.run !== undefined) {
    if (typeof input.run === 'string' && isUuid(input.run)) search.run = input.run.toLowerCase();
    else notes.push(`Could not open the run “${show(input.run)}”: it is not a run id.`);
  }

  return { search, notes };
}

/**
 * The route's search: the run history's, plus `healedFrom` while a bad link is being healed
 * (docs/architecture.md §7: a bad link heals in `beforeLoad`).
 *
 * TanStack Router rewrites a link to its validated form (replacing history) before any `beforeLoad`
 * runs (its Transitioner canonicalises the URL it starts on), so by then the raw link is gone. When
 * validation drops something it keeps the link's search in `healedFrom`; `beforeLoad` (healRunsLink)
 * reads what was lost from it and redirects to the canonical URL, carrying the notes in the history
 * entry's state (readHealNotes). The canonical URL never holds `healedFrom`.
 */
export interface RunsRouteSearch extends RunsSearch {
  healedFrom?: Record<string, unknown>;
}

const healedFromSchema = z.record(z.string(), z.unknown()).optional().catch(undefined);

/**
 * The route's `validateSearch`: never throws, so a bad link cannot reach the error page. Every known
 * key is present (undefined when dropped) because the router spreads the result over the raw search:
 * a dropped `order=sideways` would otherwise survive into the route's search.
 */
export function validateRunsSearch(raw: Record<string, unknown>): RunsRouteSearch {
  const { healedFrom: given, ...rest } = raw;
  const healed = healRunsSearch(rest);
  // Validation runs again on the rewritten URL, where only unknown parameters are still wrong: the
  // first, complete record of the link is kept.
  const healedFrom = healedFromSchema.parse(given) ?? (healed.notes.length > 0 ? rest : undefined);
  const cleared = Object.fromEntries(
    [...KNOWN_KEYS, 'healedFrom'].map((key) => [key, undefined]),
  ) as RunsRouteSearch;
  return { ...cleared, ...healed.search, healedFrom };
}

interface HealedLink {
  /** The canonical search of what is shown: defaults and `healedFrom` left out. */
  search: RunsSearch;
  /** What the link lost, for the page to say (see HealedSearch). */
  notes: string[];
  /** Whether the URL differs from `search`: then `beforeLoad` redirects to it. */
  changed: boolean;
}

/** For the route's `beforeLoad`: the validated search and the URL's raw one (`location.search`). */
export function healRunsLink(search: RunsRouteSearch, raw: Record<string, unknown>): HealedLink {
  // The router's validated search still holds the URL's unknown parameters: keep the known keys only.
  const canonical = Object.fromEntries(
    KNOWN_KEYS.flatMap((key) => (search[key] === undefined ? [] : [[key, search[key]]])),
  ) as RunsSearch;
  const changed = search.healedFrom !== undefined || !isCanonicalSearch(raw, canonical);
  return {
    search: canonical,
    notes: changed ? healRunsSearch(search.healedFrom ?? raw).notes : [],
    changed,
  };
}

declare module '@tanstack/react-router' {
  interface HistoryState {
    /** What the link that opened this history entry lost (see RunsRouteSearch). */
    runHistoryHealNotes?: string[];
  }
}

/** The history state a healing redirect carries: the notes, when there are any. */
export function healNotesState(notes: readonly string[]): HistoryState | undefined {
  return notes.length > 0 ? { runHistoryHealNotes: [...notes] } : undefined;
}

const healNotesSchema = z.array(z.string().max(500)).max(50).catch([]);

/**
 * The notes of a history entry (`location.state.runHistoryHealNotes`). A browser keeps the state
 * across reloads and app versions, so it is checked rather than trusted.
 */
export function readHealNotes(value: unknown): readonly string[] {
  return value === undefined ? NO_NOTES : healNotesSchema.parse(value);
}
const NO_NOTES: readonly string[] = [];

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

/** Whether the raw search already is the canonical form of `search` (else `beforeLoad` redirects). */
export function isCanonicalSearch(raw: Record<string, unknown>, search: RunsSearch): boolean {
  const keys = Object.keys(raw).filter((k) => raw[k] !== undefined);
  const canonicalKeys = Object.keys(search);
  if (keys.length !== canonicalKeys.length) return false;
  return canonicalKeys.every(
    (k) => JSON.stringify(raw[k]) === JSON.stringify(search[k as keyof RunsSearch]),
  );
}
