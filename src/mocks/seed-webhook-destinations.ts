/**
 * The demo organisation's webhook destinations (docs/m3ter-api.md §6.1): one per webhook config, at
 * the URL its runs' error texts name (seed-run-errors.ts reads WEBHOOK_URLS from here). Credentials are
 * kept the way the fake keeps every secret: a fingerprint, never the value.
 */
import { fnv1a } from './prng';
import {
  CONFIG_IDS,
  DESTINATION_IDS,
  INTEGRATION_SERVICE_USER_ID,
  seedUser,
} from './seed-catalogue';
import { DAY, HOUR, iso } from './seed-common';

/** What the fake stores of signing credentials: never the api key or secret themselves. */
export interface StoredWebhookCredentials {
  id: string;
  type: 'M3TER_SIGNED_REQUEST';
  destination: 'WEBHOOK';
  destinationId: string;
  name?: string;
  /** fnv1a of the api key and of the secret: tells a replacement apart, reveals nothing. */
  apiKeyFingerprint: string;
  secretFingerprint: string;
  version: number;
  dtCreated: string;
  dtLastModified: string;
  createdBy: string;
  lastModifiedBy: string;
}

export interface StoredWebhookDestination {
  id: string;
  version: number;
  name: string;
  description: string;
  code?: string;
  active: boolean;
  url: string;
  credentials: StoredWebhookCredentials;
  dtCreated: string;
  dtLastModified: string;
  createdBy: string;
  lastModifiedBy: string;
  /** Fields a client sent that this fake does not know (a full-replace PUT keeps them). */
  extra?: Record<string, unknown>;
}

export const fingerprint = (value: string): string =>
  fnv1a(`webhook-credential:${value}`).toString(36);

interface WebhookDestinationDef {
  id: string;
  configId: string;
  name: string;
  code: string;
  description: string;
  url: string;
  active: boolean;
  createdDaysAgo: number;
}

const DEFS: readonly WebhookDestinationDef[] = [
  {
    id: DESTINATION_IDS.webhookOps,
    configId: CONFIG_IDS.webhookOps,
    name: 'Acme ops alerts',
    code: 'acme_ops_alerts',
    description: 'Ops on-call endpoint for usage and credit alerts',
    url: 'https://hooks.acme-ops.example.com/m3ter/alerts',
    active: true,
    createdDaysAgo: 331,
  },
  {
    id: DESTINATION_IDS.webhookSlack,
    configId: CONFIG_IDS.webhookSlack,
    name: 'Slack relay',
    code: 'slack_relay',
    description: 'Relays usage thresholds to the #billing Slack channel',
    url: 'https://relay.acme.example.com/slack/usage',
    active: true,
    createdDaysAgo: 181,
  },
  {
    id: DESTINATION_IDS.webhookPagerduty,
    configId: CONFIG_IDS.webhookPagerduty,
    name: 'PagerDuty events',
    code: 'pagerduty_events',
    description: 'PagerDuty Events API v2 integration for credit exhaustion',
    url: 'https://events.pagerduty.com/integration/3f9a/enqueue',
    active: false,
    createdDaysAgo: 161,
  },
  {
    id: DESTINATION_IDS.webhookWarehouse,
    configId: CONFIG_IDS.webhookWarehouse,
    name: 'Data warehouse ingest',
    code: 'dwh_ingest',
    description: 'Approved Bills into the finance data warehouse',
    url: 'https://ingest.acme-dwh.example.com/m3ter/bills',
    active: true,
    createdDaysAgo: 141,
  },
];

/** The URL each webhook config sends to (its destination's), for the error texts of its runs. */
export const WEBHOOK_URLS: Readonly<Record<string, string>> = Object.fromEntries(
  DEFS.map((def) => [def.configId, def.url]),
);

export function seedWebhookDestinations(anchor: string): StoredWebhookDestination[] {
  const now = Date.parse(anchor);
  return DEFS.map((def, i) => {
    const created = iso(now - def.createdDaysAgo * DAY);
    const modified = iso(now - def.createdDaysAgo * DAY + (i + 1) * 3 * HOUR);
    const createdBy = seedUser(i);
    return {
      id: def.id,
      version: def.active ? 2 : 3,
      name: def.name,
      description: def.description,
      code: def.code,
      active: def.active,
      url: def.url,
      credentials: {
        id: `${def.id.slice(0, 24)}${'c'.repeat(12)}`,
        type: 'M3TER_SIGNED_REQUEST',
        destination: 'WEBHOOK',
        destinationId: def.id,
        name: `${def.name} signing key`,
        apiKeyFingerprint: fingerprint(`seed-api-key-${def.code}`),
        secretFingerprint: fingerprint(`seed-secret-${def.code}`),
        version: 1,
        dtCreated: created,
        dtLastModified: created,
        createdBy,
        lastModifiedBy: createdBy,
      },
      dtCreated: created,
      dtLastModified: modified,
      createdBy,
      lastModifiedBy: def.active ? createdBy : INTEGRATION_SERVICE_USER_ID,
    };
  });
}
