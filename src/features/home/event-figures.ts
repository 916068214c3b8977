/**
 * The home page's figures from the last two weeks of integration error events: what is not yet
 * actioned, per event name, over the last 24 hours and 7 days; and how many happened each day.
 */
import { INTEGRATION_EVENT_NAMES, type IntegrationEventName, type M3terEvent } from '../../api';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface UnactionedCounts {
  name: IntegrationEventName;
  last24h: number;
  last7d: number;
}

const isKnown = (name: string): name is IntegrationEventName =>
  (INTEGRATION_EVENT_NAMES as readonly string[]).includes(name);

/** Unactioned events per name (every one of the five, zeros included), counted back from `now`. */
export function unactionedCounts(events: readonly M3terEvent[], now: number): UnactionedCounts[] {
  const rows = new Map(
    INTEGRATION_EVENT_NAMES.map((name) => [name, { name, last24h: 0, last7d: 0 }]),
  );
  for (const event of events) {
    if (event.dtActioned || !isKnown(event.eventName)) continue;
    const age = now - Date.parse(event.eventTime);
    const row = rows.get(event.eventName);
    if (!row || !(age >= 0)) continue;
    if (age <= DAY) row.last24h += 1;
    if (age <= 7 * DAY) row.last7d += 1;
  }
  return [...rows.values()];
}

export interface DayCounts {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  counts: Record<IntegrationEventName, number>;
  total: number;
}

const zeroCounts = (): Record<IntegrationEventName, number> =>
  Object.fromEntries(INTEGRATION_EVENT_NAMES.map((name) => [name, 0])) as Record<
    IntegrationEventName,
    number
  >;

/** Events (actioned or not) per UTC day for the `days` days up to `now`, oldest first. */
export function eventsPerDay(
  events: readonly M3terEvent[],
  now: number,
  days: number,
): DayCounts[] {
  const today = Math.floor(now / DAY) * DAY;
  const result: DayCounts[] = [];
  for (let i = days - 1; i >= 0; i--) {
    result.push({
      day: new Date(today - i * DAY).toISOString().slice(0, 10),
      counts: zeroCounts(),
      total: 0,
    });
  }
  const first = today - (days - 1) * DAY;
  for (const event of events) {
    if (!isKnown(event.eventName)) continue;
    const t = Date.parse(event.eventTime);
    const index = Math.floor((t - first) / DAY);
    const bucket = result[index];
    if (!bucket || t > now) continue;
    bucket.counts[event.eventName] += 1;
    bucket.total += 1;
  }
  return result;
}
