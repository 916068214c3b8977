/**
 * Deterministic demo data for the fake m3ter: the same anchor always yields the same configs,
 * mappings, external entities and run histories (seeded PRNG, no wall clock). Tests use the fixed
 * SEED_ANCHOR; the browser seeds once with "now" as the anchor and persists it, so run dates look
 * recent and stay identical across reloads and tabs.
 */
import type {
  Account,
  Bill,
  ExternalMapping,
  IntegrationConfig,
  IntegrationRun,
} from '../api/schemas';
import { createRng } from './prng';
import {
  ACCOUNTS,
  CONFIG_DEFS,
  CONFIG_IDS,
  INTEGRATION_SERVICE_USER_ID,
  NOTIFICATION_IDS,
  NOTIFICATION_NAMES,
  PLANS,
  PRODUCTS,
  REGION_CONFIGS,
  seedUser,
  type SeedAccount,
} from './seed-catalogue';
import { generateAccounts, generateBillRecords } from './seed-billing';
import { DAY, HOUR, iso, SEED_IDS } from './seed-common';
import { generateEvents, type SeedEvent } from './seed-events';
import { generateRunHistory } from './seed-runs';
import {
  seedWebhookDestinations,
  type StoredWebhookDestination,
} from './seed-webhook-destinations';

export {
  AVAILABLE_SYSTEMS,
  DEMO_USER_ID,
  DESTINATION_IDS,
  MAPPING_CONFIGURATION,
  OTHER_USER_ID,
} from './seed-catalogue';

/** The fixed "now" of the test seed: every generated date is relative to it. */
export const SEED_ANCHOR = '2026-11-20T12:00:00.000Z';

export { SEED_IDS } from './seed-common';
export type { SeedEvent, SeedEventData } from './seed-events';

export interface SeedBill {
  id: string;
  accountId: string;
  accountName: string;
  invoiceNumber: string;
  configIds: readonly string[];
}

export interface SeedNotification {
  id: string;
  name: string;
  configId: string;
}

export interface ExternalEntity {
  externalId: string;
  externalName: string;
}

/** External entities per system and table, as the destination would list them. */
export type ExternalDirectory = Record<string, Record<string, ExternalEntity[]>>;

export interface DemoSeed {
  anchor: string;
  configs: IntegrationConfig[];
  mappings: ExternalMapping[];
  /** Webhook destinations, one per webhook config (mutable copies, like the configs). */
  webhookDestinations: StoredWebhookDestination[];
  /** Read-only history; shared between stores built from the same anchor. */
  runs: readonly IntegrationRun[];
  /** Integration error events derived from the runs (read-only, shared like the runs). */
  events: readonly SeedEvent[];
  /** `GET /bills/{id}`: one per entry of `bills` (read-only, shared). */
  billRecords: readonly Bill[];
  /** `GET /accounts/{id}`: one per seeded account (read-only, shared). */
  accounts: readonly Account[];
  bills: readonly SeedBill[];
  notifications: readonly SeedNotification[];
  externalDirectory: ExternalDirectory;
}

function anchorMs(anchor: string): number {
  const ms = Date.parse(anchor);
  if (Number.isNaN(ms)) throw new Error(`Invalid seed anchor: ${anchor}`);
  return ms;
}

// ---------------------------------------------------------------------------------------------
// Configs

function seedConfigs(anchor: string): IntegrationConfig[] {
  const now = anchorMs(anchor);
  const rng = createRng(11);
  return CONFIG_DEFS.map((def, i) => {
    const created = now - def.createdDaysAgo * DAY - rng.int(0, 8 * HOUR);
    const edits = rng.int(0, 4);
    const modified = def.brokenDaysAgo
      ? now - def.brokenDaysAgo * DAY
      : created + Math.floor((now - created) * rng.next() * 0.8);
    const config: IntegrationConfig = {
      id: def.id,
      version: 1 + edits + (def.brokenDaysAgo ? 1 : 0),
      entityType: def.entityType,
      destination: def.destination,
      destinationId: def.destinationId,
      configData: structuredClone(def.configData),
      authorized: def.authorized,
      enabled: def.enabled,
      triggerType: 'EVENT',
      integrationCredentialsId: def.integrationCredentialsId,
      name: def.name,
      dtCreated: iso(created),
      dtLastModified: iso(edits === 0 && !def.brokenDaysAgo ? created : modified),
      createdBy: seedUser(i),
      // An auto-disable or a lost token is m3ter's doing, not a user's.
      lastModifiedBy: def.brokenDaysAgo ? INTEGRATION_SERVICE_USER_ID : seedUser(i + edits),
    };
    if (def.entityId) config.entityId = def.entityId;
    return config;
  });
}

// ---------------------------------------------------------------------------------------------
// External directory (what each system would list) and mappings

interface DirectoryLink {
  m3terEntity: string;
  m3terId: string;
  system: string;
  table: string;
  entity: ExternalEntity;
  integrationConfigId?: string;
}

function buildDirectory(): { directory: ExternalDirectory; links: DirectoryLink[] } {
  const rng = createRng(23);
  const directory: ExternalDirectory = {};
  const links: DirectoryLink[] = [];
  const add = (system: string, table: string, entity: ExternalEntity): void => {
    const tables = (directory[system] ??= {});
    (tables[table] ??= []).push(entity);
  };
  const link = (l: DirectoryLink): void => {
    add(l.system, l.table, l.entity);
    links.push(l);
  };

  ACCOUNTS.forEach((account, i) => {
    const acc = { m3terEntity: 'Account', m3terId: account.id };
    const name = account.name;
    const stripeCustomer = { externalId: `cus_${rng.alnum(14)}`, externalName: name };
    const netsuiteCustomer = { externalId: String(1400 + i * 17), externalName: name };
    const xeroContact = { externalId: rng.uuid(), externalName: name };
    const qbCustomer = { externalId: String(58 + i * 3), externalName: name };
    const sfAccount = { externalId: `001Dn0000${rng.alnum(9)}`, externalName: name };
    const chargebeeCustomer = { externalId: rng.alnum(16), externalName: name };
    const paddleCustomer = {
      externalId: `ctm_01h${rng.alnum(23).toLowerCase()}`,
      externalName: name,
    };
    // Unmapped accounts still exist in the destination: the picker offers them, no mapping links them.
    const maybeLink = (
      system: string,
      table: string,
      entity: ExternalEntity,
      configId?: string,
    ) => {
      if (account.mapped) link({ ...acc, system, table, entity, integrationConfigId: configId });
      else add(system, table, entity);
    };
    switch (account.region) {
      case 'EU':
        maybeLink('Stripe', 'Customer', stripeCustomer, CONFIG_IDS.stripeEu);
        maybeLink('NetSuite', 'Customer', netsuiteCustomer, CONFIG_IDS.netsuite);
        break;
      case 'US':
        maybeLink('Stripe', 'Customer', stripeCustomer, CONFIG_IDS.stripeUs);
        maybeLink('QuickBooks', 'Customer', qbCustomer);
        break;
      case 'UK':
        maybeLink('Xero', 'Contact', xeroContact, CONFIG_IDS.xeroUk);
        maybeLink('NetSuite', 'Customer', netsuiteCustomer);
        break;
      case 'AU':
        maybeLink('Xero', 'Contact', xeroContact, CONFIG_IDS.xeroAu);
        break;
      case 'APAC':
        maybeLink('Chargebee', 'Customer', chargebeeCustomer, CONFIG_IDS.chargebee);
        break;
      case 'SELF':
        maybeLink('Paddle', 'Customer', paddleCustomer);
        break;
    }
    // CRM sync covers every account, including those with billing gaps.
    if (account.region !== 'SELF') {
      link({ ...acc, system: 'Salesforce', table: 'Account', entity: sfAccount });
    }
  });
  // A few prospects exist only in the CRM and in Stripe (no m3ter account yet).
  for (const name of ['Krusty Krab Holdings', 'Los Pollos Hermanos', 'Bluth Company']) {
    add('Stripe', 'Customer', { externalId: `cus_${rng.alnum(14)}`, externalName: name });
    add('Salesforce', 'Account', { externalId: `001Dn0000${rng.alnum(9)}`, externalName: name });
    add('Salesforce', 'Opportunity', {
      externalId: `006Dn0000${rng.alnum(9)}`,
      externalName: `${name} – FY27 expansion`,
    });
  }

  PRODUCTS.forEach((product, i) => {
    const p = { m3terEntity: 'Product', m3terId: product.id };
    link({
      ...p,
      system: 'Stripe',
      table: 'Product',
      entity: { externalId: `prod_${rng.alnum(14)}`, externalName: product.name },
    });
    link({
      ...p,
      system: 'NetSuite',
      table: 'Item',
      entity: { externalId: String(812 + i * 5), externalName: product.name },
      integrationConfigId: CONFIG_IDS.netsuite,
    });
    link({
      ...p,
      system: 'Xero',
      table: 'Item',
      entity: {
        externalId: product.name
          .toUpperCase()
          .replace(/[^A-Z]+/g, '-')
          .slice(0, 24),
        externalName: product.name,
      },
    });
    link({
      ...p,
      system: 'QuickBooks',
      table: 'Item',
      entity: { externalId: String(19 + i), externalName: product.name },
    });
    link({
      ...p,
      system: 'Chargebee',
      table: 'Item',
      entity: {
        externalId: `${product.name.toLowerCase().replace(/[^a-z]+/g, '-')}-sgd`,
        externalName: product.name,
      },
    });
  });

  PLANS.forEach((plan) => {
    const p = { m3terEntity: 'Plan', m3terId: plan.id };
    link({
      ...p,
      system: 'Stripe',
      table: 'Price',
      entity: { externalId: `price_1Q${rng.alnum(22)}`, externalName: plan.name },
    });
    link({
      ...p,
      system: 'Chargebee',
      table: 'Plan',
      entity: {
        externalId: plan.name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        externalName: plan.name,
      },
    });
  });

  // Reference data that is picked but never mapped from an m3ter entity.
  add('NetSuite', 'Subsidiary', { externalId: '1', externalName: 'Acme Holdings Inc.' });
  add('NetSuite', 'Subsidiary', { externalId: '3', externalName: 'Acme Europe B.V.' });
  add('NetSuite', 'Subsidiary', { externalId: '5', externalName: 'Acme UK Ltd' });
  add('NetSuite', 'Department', { externalId: '7', externalName: 'Finance' });
  add('Xero', 'Account', { externalId: '200', externalName: 'Sales' });
  add('Xero', 'Account', { externalId: '260', externalName: 'Other Revenue' });
  add('Xero', 'Account', { externalId: '610', externalName: 'Accounts Receivable' });
  add('Stripe', 'TaxRate', { externalId: `txr_1Q${rng.alnum(20)}`, externalName: 'VAT 21% (NL)' });
  add('Stripe', 'TaxRate', { externalId: `txr_1Q${rng.alnum(20)}`, externalName: 'VAT 19% (DE)' });
  return { directory, links };
}

function seedMappings(anchor: string): {
  mappings: ExternalMapping[];
  directory: ExternalDirectory;
} {
  const now = anchorMs(anchor);
  const rng = createRng(37);
  const { directory, links } = buildDirectory();
  const mappings = links.map((l, i): ExternalMapping => {
    const created = now - rng.int(3, 330) * DAY - rng.int(0, DAY);
    const edits = rng.chance(0.2) ? rng.int(1, 2) : 0;
    const mapping: ExternalMapping = {
      id: rng.uuid(),
      version: 1 + edits,
      m3terEntity: l.m3terEntity,
      m3terId: l.m3terId,
      externalSystem: l.system,
      externalTable: l.table,
      externalId: l.entity.externalId,
      dtCreated: iso(created),
      dtLastModified: iso(edits ? created + rng.int(1, 40) * HOUR : created),
      createdBy: seedUser(i),
      lastModifiedBy: seedUser(i + edits),
    };
    if (l.integrationConfigId) mapping.integrationConfigId = l.integrationConfigId;
    return mapping;
  });
  return { mappings, directory };
}

// ---------------------------------------------------------------------------------------------
// Bills and notifications

function seedBills(): SeedBill[] {
  const rng = createRng(41);
  const wellKnown: Record<number, string> = {
    0: SEED_IDS.bigBill,
    1: SEED_IDS.bills.started,
    2: SEED_IDS.bills.waiting,
    3: SEED_IDS.bills.awaitingRetry,
    4: SEED_IDS.bills.rateLimited,
    7: SEED_IDS.bills.retryChain,
    8: SEED_IDS.bills.missingMapping,
    9: SEED_IDS.bills.periodClosed,
  };
  const bills: SeedBill[] = [];
  for (let i = 0; i < 36; i++) {
    const account = ACCOUNTS[i % ACCOUNTS.length] as SeedAccount;
    bills.push({
      id: wellKnown[i] ?? rng.uuid(),
      accountId: account.id,
      accountName: account.name,
      invoiceNumber: `INV-${20900 + i * 7 + rng.int(0, 6)}`,
      configIds: REGION_CONFIGS[account.region],
    });
  }
  return bills;
}

function seedNotifications(): SeedNotification[] {
  const webhookConfigs = [
    CONFIG_IDS.webhookOps,
    CONFIG_IDS.webhookSlack,
    CONFIG_IDS.webhookPagerduty,
    CONFIG_IDS.webhookWarehouse,
  ];
  return NOTIFICATION_IDS.map((id, i) => ({
    id,
    name: NOTIFICATION_NAMES[i] ?? `Notification ${i + 1}`,
    configId: webhookConfigs[i % webhookConfigs.length] ?? CONFIG_IDS.webhookOps,
  }));
}

/** Generates the full, read-only run history for an anchor (no caching; see seedRuns). */
export function generateRuns(anchor: string): IntegrationRun[] {
  return generateRunHistory(anchorMs(anchor), seedBills(), seedNotifications());
}

/**
 * The read-only part of the seed for one anchor: generated once and shared (see seedRuns). The
 * runs are made at once; the events, bills and accounts derived from them on first use, so the demo
 * backend answers its first request (a run history) without waiting for them (about 45 of ~120 ms).
 */
interface ReadOnlySeed {
  readonly anchor: string;
  readonly runs: readonly IntegrationRun[];
  readonly events: readonly SeedEvent[];
  readonly billRecords: readonly Bill[];
  readonly accounts: readonly Account[];
}

let cachedReadOnly: ReadOnlySeed | undefined;

function frozen<T extends object>(items: T[], deep = false): readonly T[] {
  for (const item of items) (deep ? deepFreeze : Object.freeze)(item);
  return Object.freeze(items);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** `make()` on the first call, its result after. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function readOnlySeed(anchor: string): ReadOnlySeed {
  if (cachedReadOnly?.anchor !== anchor) {
    const ms = anchorMs(anchor);
    const bills = seedBills();
    const runs = frozen(generateRunHistory(ms, bills, seedNotifications()));
    const events = once(() => frozen(generateEvents(ms, runs, bills), true));
    const billRecords = once(() => frozen(generateBillRecords(ms, bills, runs)));
    const accounts = once(() => frozen(generateAccounts(ms)));
    cachedReadOnly = {
      anchor,
      runs,
      get events() {
        return events();
      },
      get billRecords() {
        return billRecords();
      },
      get accounts() {
        return accounts();
      },
    };
  }
  return cachedReadOnly;
}

/**
 * The run history for an anchor, generated once and shared: runs are read-only in the console, so
 * every store reset in the test suite can reuse the same ~7,000 objects instead of rebuilding them.
 * The events, bills and accounts of the same anchor are cached with it, made on first use.
 */
export function seedRuns(anchor: string): readonly IntegrationRun[] {
  return readOnlySeed(anchor).runs;
}

/** The integration error events for an anchor (seed-events.ts), newest first; cached like the runs. */
export function seedEvents(anchor: string): readonly SeedEvent[] {
  return readOnlySeed(anchor).events;
}

/** The whole demo organisation for an anchor. Configs and mappings are fresh, mutable copies. */
export function createSeed(anchor: string = SEED_ANCHOR): DemoSeed {
  const { mappings, directory } = seedMappings(anchor);
  const readOnly = readOnlySeed(anchor);
  return {
    anchor,
    configs: seedConfigs(anchor),
    mappings,
    webhookDestinations: seedWebhookDestinations(anchor),
    runs: readOnly.runs,
    // Made on first use (see readOnlySeed).
    get events() {
      return readOnly.events;
    },
    get billRecords() {
      return readOnly.billRecords;
    },
    get accounts() {
      return readOnly.accounts;
    },
    bills: seedBills(),
    notifications: seedNotifications(),
    externalDirectory: directory,
  };
}
