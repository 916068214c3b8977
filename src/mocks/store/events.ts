/**
 * Events of the fake m3ter (docs/m3ter-api.md §6.4): the integration error events derived from the
 * run history (seed-events.ts). Read-only: m3ter's API has no call to mark an event actioned.
 */
import { INTEGRATION_EVENT_TYPE } from '../../api/schemas';
import { paginate, parsePageSize, type PageQuery, type PageResult } from '../paging';
import type { SeedEvent } from '../seed';
import { StoreError } from '../store-error';
import { given, same, splitIds } from './query';
import type { StoreState } from './state';

/** `GET /events` query, as received (strings; `ids` repeated or comma-separated). */
interface EventListQuery extends PageQuery {
  eventType?: string | null;
  eventName?: string | null;
  accountId?: string | null;
  resourceId?: string | null;
  notificationId?: string | null;
  notificationCode?: string | null;
  includeActioned?: string | null;
  ids?: readonly string[] | string | null;
}

export interface EventStore {
  listEvents(query?: EventListQuery): PageResult<SeedEvent>;
  getEvent(id: string): SeedEvent;
}

/** The events list's largest page (the spec: 1..100, not 1..200 as elsewhere). */
const EVENTS_MAX_PAGE_SIZE = 100;

/** The categories the spec documents for `eventType`; only integration events exist in this fake. */
const EVENT_TYPES = [
  'Notification',
  INTEGRATION_EVENT_TYPE,
  'IngestValidationFailure',
  'DataExportJobFailure',
] as const;

/** Filters that `ids` cannot be combined with (the spec: "cannot be used with other filters"). */
const FILTERS = [
  'eventType',
  'eventName',
  'accountId',
  'resourceId',
  'notificationId',
  'notificationCode',
  'includeActioned',
] as const satisfies readonly (keyof EventListQuery)[];

const limits = { maxPageSize: EVENTS_MAX_PAGE_SIZE };

/** Newest first: eventTime, then id. Sorted once per seeded list and shared by every store. */
const sortedLists = new WeakMap<readonly SeedEvent[], readonly SeedEvent[]>();
function newestFirst(events: readonly SeedEvent[]): readonly SeedEvent[] {
  let sorted = sortedLists.get(events);
  if (!sorted) {
    sorted = [...events].sort(
      (a, b) =>
        (a.eventTime < b.eventTime ? 1 : a.eventTime > b.eventTime ? -1 : 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    sortedLists.set(events, sorted);
  }
  return sorted;
}

function parseIncludeActioned(raw: string | null | undefined): boolean {
  if (!given(raw)) return false;
  const value = raw.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new StoreError(400, 'includeActioned: must be true or false');
}

function parseEventType(raw: string | null | undefined): string | undefined {
  if (!given(raw)) return undefined;
  const known = EVENT_TYPES.find((t) => same(t, raw.trim()));
  if (!known) throw new StoreError(400, `eventType: must be one of ${EVENT_TYPES.join(', ')}`);
  return known;
}

export function createEventStore(state: StoreState): EventStore {
  const { sync } = state;
  const events = () => newestFirst(state.data.seed.events);

  return {
    listEvents(query = {}) {
      sync();
      parsePageSize(query.pageSize, limits);
      const ids = splitIds(query.ids);
      if (ids.length > 0) {
        const combined = FILTERS.filter((name) => given(query[name]));
        if (combined.length > 0) {
          throw new StoreError(
            400,
            `ids: cannot be combined with other filters (${combined.join(', ')})`,
          );
        }
        // By ids: the events named, actioned or not, newest first; unknown ids are left out.
        const wanted = new Set(ids);
        const list = events().filter((e) => wanted.has(e.id));
        return paginate(list, query, `events|ids|${[...wanted].sort().join(',')}`, limits);
      }

      const eventType = parseEventType(query.eventType);
      const includeActioned = parseIncludeActioned(query.includeActioned);
      const eventName = given(query.eventName) ? query.eventName : undefined;
      const accountId = given(query.accountId) ? query.accountId : undefined;
      const resourceId = given(query.resourceId) ? query.resourceId : undefined;
      // Integration events trigger no Notification here, so a Notification filter matches none of them,
      // as does any category other than IntegrationEvent.
      const none =
        (eventType !== undefined && eventType !== INTEGRATION_EVENT_TYPE) ||
        given(query.notificationId) ||
        given(query.notificationCode);
      const list = none
        ? []
        : events().filter((e) => {
            const d = e.m3terEvent.eventData;
            if (!includeActioned && e.dtActioned !== undefined) return false;
            if (eventName !== undefined && e.eventName !== eventName) return false;
            if (accountId !== undefined && d.accountId !== accountId) return false;
            if (
              resourceId !== undefined &&
              d.entityId !== resourceId &&
              d.integrationConfigId !== resourceId &&
              d.integrationRunId !== resourceId
            ) {
              return false;
            }
            return true;
          });
      const key = [
        'events',
        eventType,
        eventName,
        accountId,
        resourceId,
        query.notificationId,
        query.notificationCode,
        includeActioned,
      ].join('|');
      return paginate(list, query, key, limits);
    },

    getEvent(id) {
      sync();
      const event = events().find((e) => e.id === id);
      if (!event) throw new StoreError(404, `Event not found: ${id}`);
      return event;
    },
  };
}
