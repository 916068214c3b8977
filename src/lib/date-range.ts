/**
 * The date ranges the run history and the integration events are filtered by: presets relative to
 * now, or a custom from/to. Pure rules with no query or API module behind them, so the routes' search
 * schemas (in the entry chunk) can name them without bringing a query module to every first screen.
 */

export const RANGE_PRESETS = ['24h', '7d', '30d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
/** `all` is the default (no date filter) and never written to the URL. */
export type RangeChoice = 'all' | RangePreset | 'custom';

const RANGE_DURATION_MS: Record<RangePreset, number> = {
  '24h': 24 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
  '30d': 30 * 24 * 3_600_000,
};

/** A range's filter fields: what the URL and the filter bar hold. */
export interface RangeFilter {
  range: RangeChoice;
  from?: string;
  to?: string;
}

export interface RunWindow {
  startDate?: string;
  endDate?: string;
}

/**
 * The dates sent to m3ter. Presets are relative to `now`, resolved when the first page is fetched and
 * then kept for the following pages (a cursor belongs to one exact query).
 */
export function resolveRunWindow(filters: RangeFilter, now: number): RunWindow {
  if (filters.range === 'all') return {};
  if (filters.range === 'custom') {
    const window: RunWindow = {};
    if (filters.from) window.startDate = filters.from;
    if (filters.to) window.endDate = filters.to;
    return window;
  }
  return { startDate: new Date(now - RANGE_DURATION_MS[filters.range]).toISOString() };
}
