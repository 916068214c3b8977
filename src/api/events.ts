/**
 * Event endpoints (docs/m3ter-api.md §6.4): read-only. m3ter's public API has no call to mark an event
 * actioned, so nothing here writes. Every function may also throw what `request()` throws.
 */
import { apiPath, request, type CallOptions } from './http';
import type { PageParams } from './pagination';
import { eventPageSchema, eventSchema, type M3terEvent, type Page } from './schemas';

/** `GET /events` filters. `pageSize` is 1..100 here, not 1..200 as elsewhere. */
export interface EventFilters extends PageParams {
  /** The category, e.g. `IntegrationEvent`. */
  eventType?: string;
  /** One event name, e.g. `integration.perform.error`. */
  eventName?: string;
  accountId?: string;
  /** The entity the event concerns (e.g. a Bill's id). */
  resourceId?: string;
  /** Include events already actioned (m3ter's default leaves them out). */
  includeActioned?: boolean;
}

/** m3ter's largest events page. */
export const EVENTS_MAX_PAGE_SIZE = 100;

export const eventsApi = {
  /** `GET /events`: one page, newest first (docs/m3ter-api.md §6.4). */
  list(filters: EventFilters = {}, options: CallOptions = {}): Promise<Page<M3terEvent>> {
    return request({
      path: '/events',
      query: { ...filters },
      schema: eventPageSchema,
      signal: options.signal,
    });
  },

  /** `GET /events/{id}`. Throws NotFoundError for an unknown event. */
  get(id: string, options: CallOptions = {}): Promise<M3terEvent> {
    return request({ path: apiPath`/events/${id}`, schema: eventSchema, signal: options.signal });
  },
};
