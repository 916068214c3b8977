/**
 * The fake m3ter: every rule the console depends on lives here, not in the MSW handlers.
 *
 * Rules (docs/m3ter-api.md §2–§5 plus the decisions this fake takes where m3ter's docs are silent):
 * - create sets `version` 1; PUT needs the current `version` (400 when missing, 409 on a mismatch,
 *   message naming the version), then increments it. Audit fields are set on every write.
 * - request bodies are validated with the API module's zod request schemas; a 400 message starts
 *   with the field path (`entityType: …`) so the UI can put it on the field.
 * - unknown ids → 404. Lists page with `pageSize` 1..200 (1..100 for events; default 20) and an opaque
 *   `nextToken`.
 * - runs sort on `dtStarted` (falling back to `dtCreated` for WAITING runs, which have not started),
 *   newest first by default; `startDate` keeps runs started strictly after it, `endDate` runs
 *   started before or on it; `status` is a single RunStatus; `order` is ASC or DESC.
 * - configs and mappings list newest first (dtCreated, then id).
 * - a run log is `{ Payload: base64 }`; runs without a log (WAITING, or older than the 30-day
 *   retention) answer 404 rather than `{}`, so the UI can say "no log" instead of decoding nothing.
 * - events (docs/m3ter-api.md §6.4) list newest first (eventTime, then id) with `pageSize` 1..100
 *   (default 20). `eventType` is one of Notification, IntegrationEvent, IngestValidationFailure,
 *   DataExportJobFailure (unknown → 400 naming them; only IntegrationEvent has events here);
 *   `eventName` and `accountId` match exactly; `resourceId` matches the event's entityId,
 *   integrationConfigId or integrationRunId; `notificationId` / `notificationCode` match nothing
 *   (no integration event triggers a Notification); `includeActioned` is true or false (else 400),
 *   and defaults to false: actioned events are left out unless asked for (the fake's decision; the
 *   spec states no default). `ids` (repeated or comma-separated) returns those events, actioned or
 *   not, and cannot be combined with any other filter (400).
 * - bills and accounts: one per seeded Bill and account, `GET` by id only (unknown → 404).
 * - webhook destinations (docs/m3ter-api.md §6.1): name, description, url and credentials required;
 *   the url must be http(s) with a host that resolves (`*.invalid`, `does-not-resolve.example` never
 *   do); `code` unique; credentials write-only (fingerprints stored, masked answers; a PUT without
 *   apiKey/secret keeps them); `PUT /{id}/active?active=true|false`.
 *
 * Runs, events, bills and accounts are read-only (the console cannot create them), so only configs,
 * mappings, webhook destinations (credentials as fingerprints) and an id counter are persisted; the rest is regenerated from the persisted seed anchor.
 *
 * This module composes the parts in store/: state.ts (data, persistence, ids, audit fields,
 * versions), validation.ts (request bodies, 400 messages), query.ts (query values, name matching,
 * list order), and one module per resource: configs.ts, runs.ts, mappings.ts, events.ts, billing.ts
 * (bills and accounts).
 */
import { createBillingStore, type BillingStore } from './store/billing';
import { createConfigStore, type ConfigStore } from './store/configs';
import { createEventStore, type EventStore } from './store/events';
import { createMappingStore, type MappingStore } from './store/mappings';
import { createRunStore, type RunStore } from './store/runs';
import { createStoreState, type StoreOptions, type StoreSnapshot } from './store/state';
import {
  createWebhookDestinationStore,
  type WebhookDestinationStore,
} from './store/webhook-destinations';

export { StoreError } from './store-error';
export type { PageResult } from './paging';
export type { StoreOptions } from './store/state';

export interface DemoStore
  extends ConfigStore, RunStore, MappingStore, EventStore, BillingStore, WebhookDestinationStore {
  readonly anchor: string;

  /** Back to the seed (a new anchor in the browser), dropping every edit, in every tab. */
  reset(): void;
  /** The persisted part, as written to storage. */
  snapshot(): StoreSnapshot;
}

/**
 * Builds a fake m3ter organisation. Without `persistence` it lives in memory; with it, the mutable
 * part is re-read before every call whenever another store (another tab) has written it, and
 * written back after every change.
 */
export function createStore(options: StoreOptions = {}): DemoStore {
  const state = createStoreState(options);
  return {
    get anchor() {
      state.sync();
      return state.data.seed.anchor;
    },

    ...createConfigStore(state),
    ...createRunStore(state),
    ...createMappingStore(state),
    ...createEventStore(state),
    ...createBillingStore(state),
    ...createWebhookDestinationStore(state),

    reset() {
      state.reset();
    },

    snapshot() {
      state.sync();
      return structuredClone(state.snapshot());
    },
  };
}
