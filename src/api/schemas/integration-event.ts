/**
 * Events (docs/m3ter-api.md §6.4): m3ter records every integration failure as an event. The spec leaves
 * `m3terEvent` open, so it is kept as received and read leniently by `readIntegrationEvent`: an event
 * whose details have an unknown shape still lists, with its raw JSON.
 */
import { z } from 'zod/mini';
import { pageSchema } from './common';

/** The `eventType` category of integration failures (the `GET /events` filter). */
export const INTEGRATION_EVENT_TYPE = 'IntegrationEvent';

/** The five integration error events, in the order m3ter's Console lists them. */
export const INTEGRATION_EVENT_NAMES = [
  'integration.validation.error',
  'integration.missingaccountmapping.error',
  'integration.authentication.error',
  'integration.perform.error',
  'integration.disabled.error',
] as const;

export type IntegrationEventName = (typeof INTEGRATION_EVENT_NAMES)[number];

export function isIntegrationEventName(name: string): name is IntegrationEventName {
  return (INTEGRATION_EVENT_NAMES as readonly string[]).includes(name);
}

/**
 * `EventResponse`. The spec marks `dtActioned` required, yet an event nobody has actioned has no such
 * date: it is optional here (docs/m3ter-api.md §6.4). `m3terEvent` is any JSON.
 */
export const eventSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  eventName: z.string().check(z.minLength(1)),
  eventTime: z.string().check(z.minLength(1)),
  dtActioned: z.nullish(z.string()),
  m3terEvent: z.unknown(),
});

export type M3terEvent = z.infer<typeof eventSchema>;

export const eventPageSchema = pageSchema(eventSchema);

/** What an integration event is about, as far as its `m3terEvent` says (every field may be missing). */
export interface IntegrationEventFacts {
  /** Cause and suggested fix, as m3ter words it. */
  message?: string;
  /** `Bill` or `Notification`. */
  entityType?: string;
  entityId?: string;
  accountId?: string;
  integrationConfigId?: string;
  integrationRunId?: string;
  /** The destination system, e.g. `Stripe`. */
  destination?: string;
  destinationId?: string;
  /** For a missing mapping: what is not mapped, and where. */
  m3terEntity?: string;
  m3terId?: string;
  externalSystem?: string;
  externalTable?: string;
}

const FACT_KEYS = [
  'message',
  'entityType',
  'entityId',
  'accountId',
  'integrationConfigId',
  'integrationRunId',
  'destination',
  'destinationId',
  'm3terEntity',
  'm3terId',
  'externalSystem',
  'externalTable',
] as const satisfies readonly (keyof IntegrationEventFacts)[];

/** Other spellings seen in m3ter's DTOs for the same facts. */
const ALIASES: Partial<Record<(typeof FACT_KEYS)[number], readonly string[]>> = {
  message: ['errorMessage', 'error', 'description'],
  integrationConfigId: ['integrationConfigurationId', 'configId'],
  integrationRunId: ['runId'],
  destination: ['destinationSystem'],
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The facts of an event's `m3terEvent`: looked up in `eventData`, then at the top level; only
 * non-empty strings count. Anything else (an unknown shape, a number where a string was expected)
 * is ignored, never thrown: the raw JSON stays available to show.
 */
export function readIntegrationEvent(m3terEvent: unknown): IntegrationEventFacts {
  const facts: IntegrationEventFacts = {};
  if (!isRecord(m3terEvent)) return facts;
  const sources = [m3terEvent.eventData, m3terEvent].filter(isRecord);
  for (const key of FACT_KEYS) {
    for (const source of sources) {
      const value = [key, ...(ALIASES[key] ?? [])]
        .map((name) => source[name])
        .find((v): v is string => typeof v === 'string' && v.trim() !== '');
      if (value !== undefined) {
        facts[key] = value;
        break;
      }
    }
  }
  return facts;
}
