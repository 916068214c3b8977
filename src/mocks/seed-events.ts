/**
 * The integration error events of the demo organisation (docs/m3ter-api.md §6.4), derived from the run
 * history so that every event tells the story of a failed run: same Bill or Notification, account,
 * config, destination and time. Read-only and deterministic like the runs; seed.ts caches them per
 * anchor.
 *
 * - Which runs raise one: the failed runs (`ERROR`, `AUTH_FAILED`, `DISABLED`) of the last
 *   EVENT_WINDOW_DAYS days, at most MAX_EVENTS_PER_SEND per entity and destination (the newest; the big
 *   Bill would otherwise raise hundreds).
 * - Which event: an `ERROR` for an unmapped account → `integration.missingaccountmapping.error`; a
 *   clearly validation-type `ERROR` (VALIDATION_ERROR) → `integration.validation.error`; any other
 *   `ERROR` → `integration.perform.error`; `AUTH_FAILED` → `integration.authentication.error`;
 *   `DISABLED` → `integration.disabled.error`. A config auto-disabled within the window also raised one
 *   `integration.disabled.error` when it was disabled (no run: nothing was sent).
 * - `eventTime`: a few seconds after the run completed.
 * - `dtActioned`: a little after a later run of the same entity and destination completed; otherwise,
 *   most events older than a week were actioned within three days. The auto-disable of a config that is
 *   still disabled is never actioned. Unactioned events have no `dtActioned`.
 */
import type { IntegrationEventName, IntegrationRun } from '../api/schemas';
import { createRng } from './prng';
import type { SeedBill } from './seed';
import { ACCOUNTS, CONFIG_DEFS, type SeedConfigDef } from './seed-catalogue';
import { DAY, HOUR, iso, MINUTE, SEED_IDS } from './seed-common';

/** How far back failed runs raise events. */
const EVENT_WINDOW_DAYS = 30;
/** Events kept per entity and destination (the newest). */
const MAX_EVENTS_PER_SEND = 40;

/**
 * `m3terEvent.eventData` of an integration event: the keys `readIntegrationEvent` reads first
 * (src/api/schemas/integration-event.ts). Documented in docs/m3ter-api.md §6.4.
 */
export interface SeedEventData {
  /** The run's error (the cause), then what to do about it. */
  message: string;
  entityType?: 'Bill' | 'Notification';
  entityId?: string;
  /** Bills only. */
  accountId?: string;
  integrationConfigId: string;
  integrationRunId?: string;
  destination: string;
  destinationId: string;
  /** A missing mapping: what is not mapped, and where. */
  m3terEntity?: 'Account';
  m3terId?: string;
  externalSystem?: string;
  externalTable?: string;
}

/** An `EventResponse` of the fake (a type, not an interface, so it is a JSON body). */
export type SeedEvent = {
  id: string;
  eventName: IntegrationEventName;
  eventTime: string;
  /** Absent until the event is actioned. */
  dtActioned?: string;
  m3terEvent: { eventData: SeedEventData };
};

/** Errors that say the data or settings were rejected, not that the call failed. */
const VALIDATION_ERROR =
  /validation error|INVALID_FLD_VALUE|USER_ERROR|price specified is inactive|Invalid currency/i;

/** Where an Account must be mapped for each destination (the customer record). */
const CUSTOMER_TABLES: Record<string, string> = {
  Stripe: 'Customer',
  NetSuite: 'Customer',
  Xero: 'Contact',
  QuickBooks: 'Customer',
  Chargebee: 'Customer',
  Paddle: 'Customer',
};

const FAILED: ReadonlySet<string> = new Set(['ERROR', 'AUTH_FAILED', 'DISABLED']);

interface Draft {
  run: IntegrationRun;
  config: SeedConfigDef;
  name: IntegrationEventName;
  /** When the run ended (ms). */
  ended: number;
  /** When a later run of the same send completed (ms), if one did. */
  resolved?: number;
  data: SeedEventData;
}

const startOf = (run: IntegrationRun): number => Date.parse(run.dtStarted ?? run.dtCreated ?? '');

function suggestedFix(
  name: IntegrationEventName,
  config: SeedConfigDef,
  entity: string,
  data: SeedEventData,
): string {
  switch (name) {
    case 'integration.missingaccountmapping.error':
      return `create an external mapping from Account ${data.m3terId ?? ''} to a ${config.destination} ${data.externalTable ?? ''}, then resend the Bill.`;
    case 'integration.authentication.error':
      return `reconnect the "${config.name}" integration with valid ${config.destination} credentials, then resend the ${entity}.`;
    case 'integration.disabled.error':
      return `fix what made the "${config.name}" integration fail, enable it again, then resend the ${entity}.`;
    case 'integration.validation.error':
      return `correct the ${entity} data or the integration settings ${config.destination} rejected, then resend the ${entity}.`;
    default:
      return `check the run's log and ${config.destination}'s status, then resend the ${entity}.`;
  }
}

function draftFor(
  run: IntegrationRun,
  config: SeedConfigDef,
  bills: ReadonlyMap<string, SeedBill>,
): Omit<Draft, 'resolved'> {
  const bill = run.entityType === 'Bill' ? bills.get(run.entityId) : undefined;
  const account = bill ? ACCOUNTS.find((a) => a.id === bill.accountId) : undefined;
  const table = CUSTOMER_TABLES[config.destination];
  const error = run.error ?? `${run.status} from ${config.destination}`;
  let name: IntegrationEventName;
  if (run.status === 'AUTH_FAILED') name = 'integration.authentication.error';
  else if (run.status === 'DISABLED') name = 'integration.disabled.error';
  else if (account && !account.mapped && table) name = 'integration.missingaccountmapping.error';
  else if (VALIDATION_ERROR.test(error)) name = 'integration.validation.error';
  else name = 'integration.perform.error';

  const data: SeedEventData = {
    message: '',
    entityType: run.entityType === 'Notification' ? 'Notification' : 'Bill',
    entityId: run.entityId,
    ...(bill ? { accountId: bill.accountId } : {}),
    integrationConfigId: config.id,
    integrationRunId: run.id,
    destination: config.destination,
    destinationId: config.destinationId,
  };
  if (name === 'integration.missingaccountmapping.error' && account && table) {
    Object.assign(data, {
      m3terEntity: 'Account',
      m3terId: account.id,
      externalSystem: config.destination,
      externalTable: table,
    });
  }
  data.message = `${error}. Suggested fix: ${suggestedFix(name, config, run.entityType, data)}`;
  const ended = Date.parse(run.dtCompleted ?? run.dtStarted ?? run.dtCreated ?? '');
  return { run, config, name, ended, data };
}

/** The failed runs that raise events, per entity and destination, with what resolved each. */
function draftsFromRuns(
  anchor: number,
  runs: readonly IntegrationRun[],
  bills: ReadonlyMap<string, SeedBill>,
): Draft[] {
  const configs = new Map(CONFIG_DEFS.map((c) => [c.destinationId, c]));
  const since = anchor - EVENT_WINDOW_DAYS * DAY;
  // Each run's start, parsed once: the big Bill's sends have thousands of runs to order.
  const sends = new Map<string, Array<{ run: IntegrationRun; t: number }>>();
  for (const run of runs) {
    const key = `${run.entityType}|${run.entityId}|${run.destinationId ?? ''}`;
    const item = { run, t: startOf(run) };
    const list = sends.get(key);
    if (list) list.push(item);
    else sends.set(key, [item]);
  }
  const drafts: Draft[] = [];
  for (const list of sends.values()) {
    const config = configs.get(list[0]?.run.destinationId ?? '');
    if (!config) continue;
    const ordered = list.sort((a, b) => a.t - b.t);
    const failed = ordered.filter(
      ({ run }) =>
        FAILED.has(run.status) && Date.parse(run.dtCompleted ?? run.dtStarted ?? '') >= since,
    );
    for (const { run, t } of failed.slice(-MAX_EVENTS_PER_SEND)) {
      const later = ordered.find(
        (o) => o.run.status === 'COMPLETE' && o.run.dtCompleted !== undefined && o.t > t,
      );
      const draft: Draft = draftFor(run, config, bills);
      if (later?.run.dtCompleted) draft.resolved = Date.parse(later.run.dtCompleted);
      drafts.push(draft);
    }
  }
  return drafts;
}

/** Configs auto-disabled within the window raised a disabled error then (no run, no entity). */
function autoDisableEvents(anchor: number): Array<{ config: SeedConfigDef; at: number }> {
  const since = anchor - EVENT_WINDOW_DAYS * DAY;
  return CONFIG_DEFS.filter((c) => c.brokenDaysAgo !== undefined && !c.enabled)
    .map((config) => ({ config, at: anchor - (config.brokenDaysAgo ?? 0) * DAY }))
    .filter(({ at }) => at >= since);
}

/** Well-known events (SEED_IDS.events): picked by rule among the unactioned ones, given fixed ids. */
function assignWellKnownIds(events: SeedEvent[]): void {
  const newest = (predicate: (e: SeedEvent, d: SeedEventData) => boolean, label: string) => {
    const found = events
      .filter((e) => e.dtActioned === undefined && predicate(e, e.m3terEvent.eventData))
      .sort((a, b) => b.eventTime.localeCompare(a.eventTime))[0];
    // A change to the run history that loses a well-known case must fail loudly, not silently.
    if (!found) throw new Error(`Seed events: no unactioned event for SEED_IDS.events.${label}`);
    return found;
  };
  const ids = SEED_IDS.events;
  const picks: Array<[string, SeedEvent]> = [
    [
      ids.missingMapping,
      newest(
        (e, d) =>
          e.eventName === 'integration.missingaccountmapping.error' &&
          d.entityId === SEED_IDS.bills.missingMapping &&
          d.destination === 'Stripe',
        'missingMapping',
      ),
    ],
    [
      ids.authentication,
      newest(
        (e, d) =>
          e.eventName === 'integration.authentication.error' &&
          d.integrationConfigId === SEED_IDS.unauthorizedConfig &&
          d.integrationRunId !== undefined,
        'authentication',
      ),
    ],
    [ids.perform, newest((e) => e.eventName === 'integration.perform.error', 'perform')],
    [
      ids.disabled,
      newest(
        (e, d) =>
          e.eventName === 'integration.disabled.error' &&
          d.integrationConfigId === SEED_IDS.disabledConfig,
        'disabled',
      ),
    ],
    [
      ids.validation,
      newest(
        (e, d) => e.eventName === 'integration.validation.error' && d.entityType === 'Bill',
        'validation',
      ),
    ],
  ];
  for (const [id, event] of picks) event.id = id;
}

/**
 * The integration events for the run history of `anchor` (epoch ms), newest first. Depends only on
 * its arguments: its own PRNG, dates relative to the anchor.
 */
export function generateEvents(
  anchor: number,
  runs: readonly IntegrationRun[],
  bills: readonly SeedBill[],
): SeedEvent[] {
  const rng = createRng(83);
  const billById = new Map(bills.map((b) => [b.id, b]));
  const weekAgo = anchor - 7 * DAY;
  const events: SeedEvent[] = [];

  for (const draft of draftsFromRuns(anchor, runs, billById)) {
    const eventTime = Math.min(anchor, draft.ended + rng.int(1_000, 6_000));
    const event: SeedEvent = {
      id: rng.uuid(),
      eventName: draft.name,
      eventTime: iso(eventTime),
      m3terEvent: { eventData: draft.data },
    };
    const afterFix =
      draft.resolved !== undefined ? draft.resolved + rng.int(2, 90) * MINUTE : undefined;
    const dismissed = eventTime < weekAgo && rng.chance(0.85);
    if (afterFix !== undefined && afterFix <= anchor) event.dtActioned = iso(afterFix);
    else if (dismissed) event.dtActioned = iso(eventTime + rng.int(1, 72) * HOUR);
    events.push(event);
  }

  for (const { config, at } of autoDisableEvents(anchor)) {
    events.push({
      id: rng.uuid(),
      eventName: 'integration.disabled.error',
      eventTime: iso(at + rng.int(1_000, 6_000)),
      m3terEvent: {
        eventData: {
          message: `Integration "${config.name}" was disabled automatically after repeated failures; its runs are skipped. Suggested fix: fix what made it fail, then enable it again.`,
          integrationConfigId: config.id,
          destination: config.destination,
          destinationId: config.destinationId,
        },
      },
    });
  }

  assignWellKnownIds(events);
  return events.sort(
    (a, b) => b.eventTime.localeCompare(a.eventTime) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
