/**
 * What the entity seed (seed.ts) and the run generator (seed-runs.ts) share: the well-known ids, and
 * the time units every generated date is built from.
 */
import { ACCOUNTS, CONFIG_IDS, DESTINATION_IDS, NOTIFICATION_IDS } from './seed-catalogue';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const iso = (ms: number): string => new Date(ms).toISOString();

/** Literal ids of well-known entities, for tests, e2e journeys and the README. */
export const SEED_IDS = {
  configs: CONFIG_IDS,
  destinations: DESTINATION_IDS,
  /** Disabled but still authorised (auto-disabled NetSuite sandbox). */
  disabledConfig: CONFIG_IDS.netsuiteSandbox,
  /** Enabled but not authorised (expired QuickBooks token). */
  unauthorizedConfig: CONFIG_IDS.quickbooks,
  /** Acme Corp's November bill, regenerated all month: > 5,000 runs to Stripe EU and NetSuite. */
  bigBill: 'b1000000-acbe-4c0e-9b11-000000005000',
  bills: {
    /** Globex: latest Stripe run STARTED; QuickBooks runs AUTH_FAILED. */
    started: 'b1000001-6c0b-4e5a-9b11-00000000b001',
    /** Initech: latest Stripe run WAITING (not started, so it has no dtStarted and no log). */
    waiting: 'b1000002-7d1c-4f6b-8c22-00000000b002',
    /** Umbrella Health: Stripe ERROR then a child run AWAITING_RETRY. */
    awaitingRetry: 'b1000003-8e2d-4a7c-9d33-00000000b003',
    /** Soylent Foods: Stripe RATE_LIMIT_RETRY in progress. */
    rateLimited: 'b1000004-9f3e-4b8d-8e44-00000000b004',
    /** Hooli: a complete retry chain ERROR → RATE_LIMIT_RETRY → COMPLETE. */
    retryChain: 'b1000007-c261-4eb0-9b77-00000000b007',
    /** Vandelay Industries: no Stripe customer mapping, every run fails. */
    missingMapping: 'b1000008-d372-4fc1-8c88-00000000b008',
    /** Wonka (UK): Xero ACCOUNTING_PERIOD_CLOSED. */
    periodClosed: 'b1000009-e483-40d2-9d99-00000000b009',
  },
  notifications: NOTIFICATION_IDS,
  accounts: {
    acme: ACCOUNTS[0]?.id ?? '',
    globex: ACCOUNTS[1]?.id ?? '',
    vandelay: ACCOUNTS[8]?.id ?? '',
  },
  runs: {
    /** Root of Hooli's chain (ERROR); its child and grandchild follow. */
    retryRoot: 'f1a00001-0000-4000-8000-00000000c001',
    retryChild: 'f2b00002-0000-4000-8000-00000000c002',
    retryGrandchild: 'f3c00003-0000-4000-8000-00000000c003',
    /** Initech's WAITING run: no log (404 from /logs/{id}). */
    waiting: 'f0000002-0000-4000-8000-00000000c004',
  },
  /**
   * Well-known integration events (seed-events.ts), all unactioned (no `dtActioned`), each the newest
   * of its kind; every other event id is drawn from a seeded PRNG.
   */
  events: {
    /**
     * `integration.missingaccountmapping.error`: the newest of Vandelay's bill (bills.missingMapping),
     * account accounts.vandelay, to Stripe (table `Customer`) through configs.stripeUs.
     */
    missingMapping: 'e1000001-0000-4000-8000-00000000e001',
    /** `integration.authentication.error`: the newest QuickBooks run of unauthorizedConfig. */
    authentication: 'e1000002-0000-4000-8000-00000000e002',
    /**
     * `integration.perform.error`: the newest unactioned one (the Slack relay webhook answered 502 to a
     * Notification); its run is `eventData.integrationRunId`.
     */
    perform: 'e1000003-0000-4000-8000-00000000e003',
    /** `integration.disabled.error`: disabledConfig was auto-disabled (no run, no entity). */
    disabled: 'e1000004-0000-4000-8000-00000000e004',
    /** `integration.validation.error` of a Bill (the destination rejected its data). */
    validation: 'e1000005-0000-4000-8000-00000000e005',
  },
} as const;
