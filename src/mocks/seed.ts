/**
 * Deterministic demo data for the fake m3ter: the same anchor always yields the same configs,
 * mappings, external entities and run histories (seeded PRNG, no wall clock). Tests use the fixed
 * SEED_ANCHOR; the browser seeds once with "now" as the anchor and persists it, so run dates look
 * recent and stay identical across reloads and tabs.
 */
import type { ExternalMapping, IntegrationConfig, IntegrationRun } from '../api/schemas';
import { createRng, type Rng } from './prng';
import {
  ACCOUNTS,
  CONFIG_DEFS,
  CONFIG_IDS,
  DESTINATION_IDS,
  INTEGRATION_SERVICE_USER_ID,
  NOTIFICATION_IDS,
  NOTIFICATION_NAMES,
  PLANS,
  PRODUCTS,
  REGION_CONFIGS,
  seedUser,
  type SeedAccount,
  type SeedConfigDef,
  type SeedSystem,
} from './seed-catalogue';

export {
  ACCOUNTS,
  AVAILABLE_SYSTEMS,
  CONFIG_IDS,
  DEMO_USER_ID,
  DESTINATION_IDS,
  MAPPING_CONFIGURATION,
  NOTIFICATION_IDS,
  OTHER_USER_ID,
} from './seed-catalogue';

/** The fixed "now" of the test seed: every generated date is relative to it. */
export const SEED_ANCHOR = '2026-11-20T12:00:00.000Z';

/** The m3ter run statuses (docs/m3ter-api.md §4.6). Seeded runs use only these. */
type SeedStatus =
  | 'WAITING'
  | 'STARTED'
  | 'COMPLETE'
  | 'ERROR'
  | 'AWAITING_RETRY'
  | 'AUTH_FAILED'
  | 'ACCOUNTING_PERIOD_CLOSED'
  | 'INVOICE_ALREADY_PAID'
  | 'DISABLED'
  | 'TIMEOUT_LIMIT_EXCEEDED'
  | 'RATE_LIMIT_RETRY';

const IN_PROGRESS: ReadonlySet<SeedStatus> = new Set([
  'WAITING',
  'STARTED',
  'AWAITING_RETRY',
  'RATE_LIMIT_RETRY',
]);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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
} as const;

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
  /** Read-only history; shared between stores built from the same anchor. */
  runs: readonly IntegrationRun[];
  bills: readonly SeedBill[];
  notifications: readonly SeedNotification[];
  externalDirectory: ExternalDirectory;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function anchorMs(anchor: string): number {
  const ms = Date.parse(anchor);
  if (Number.isNaN(ms)) throw new Error(`Invalid seed anchor: ${anchor}`);
  return ms;
}

// ---------------------------------------------------------------------------------------------
// Configs

export function seedConfigs(anchor: string): IntegrationConfig[] {
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

export function seedMappings(anchor: string): {
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

// ---------------------------------------------------------------------------------------------
// Runs

interface RunContext {
  rng: Rng;
  entityType: 'Bill' | 'Notification';
  entityId: string;
  config: SeedConfigDef;
  account?: SeedAccount;
  invoiceNumber?: string;
  /** Stable per bill and destination: the invoice m3ter created there. */
  external?: { externalId: string; url: string };
  customerRef: string;
  periodLabel: string;
}

const CONFIG_BY_ID = new Map(CONFIG_DEFS.map((c) => [c.id, c]));

function configDef(id: string): SeedConfigDef {
  const def = CONFIG_BY_ID.get(id);
  if (!def) throw new Error(`Unknown seed config ${id}`);
  return def;
}

function externalFor(system: SeedSystem, rng: Rng, invoiceNumber: string) {
  switch (system) {
    case 'Stripe': {
      const id = `in_1Q${rng.alnum(22)}`;
      return { externalId: id, url: `https://dashboard.stripe.com/invoices/${id}` };
    }
    case 'NetSuite': {
      const id = String(rng.int(40000, 69999));
      return {
        externalId: id,
        url: `https://system.netsuite.com/app/accounting/transactions/custinvc.nl?id=${id}`,
      };
    }
    case 'Xero': {
      const id = rng.uuid();
      return {
        externalId: id,
        url: `https://go.xero.com/AccountsReceivable/View.aspx?InvoiceID=${id}`,
      };
    }
    case 'QuickBooks': {
      const id = String(rng.int(1000, 9999));
      return { externalId: id, url: `https://app.qbo.intuit.com/app/invoice?txnId=${id}` };
    }
    case 'Chargebee':
      return {
        externalId: invoiceNumber,
        url: `https://acme-apac.chargebee.com/d/invoices/${invoiceNumber}`,
      };
    case 'Paddle': {
      const id = `txn_01h${rng.alnum(23).toLowerCase()}`;
      return { externalId: id, url: `https://vendors.paddle.com/transactions-v2/${id}` };
    }
    default:
      return undefined;
  }
}

const WEBHOOK_URLS: Record<string, string> = {
  [CONFIG_IDS.webhookOps]: 'https://hooks.acme-ops.example.com/m3ter/alerts',
  [CONFIG_IDS.webhookSlack]: 'https://relay.acme.example.com/slack/usage',
  [CONFIG_IDS.webhookPagerduty]: 'https://events.pagerduty.com/integration/3f9a/enqueue',
  [CONFIG_IDS.webhookWarehouse]: 'https://ingest.acme-dwh.example.com/m3ter/bills',
};

/**
 * What each destination says when a Bill's Account has no customer record mapped there; undefined for
 * destinations (webhooks) that need no mapping.
 */
function missingCustomerError(
  system: string,
  account: { id: string; name: string },
  customerRef: string,
): string | undefined {
  switch (system) {
    case 'Stripe':
      return `Stripe API error: No such customer: '${customerRef}' (resource_missing)`;
    case 'Xero':
      return `Xero validation error: Contact for Account '${account.name}' not found – create an external mapping for Account ${account.id}`;
    case 'NetSuite':
      return `NetSuite: no external mapping to a Customer record for Account ${account.id} ('${account.name}') – create one, then resync the bill`;
    case 'QuickBooks':
      return `QuickBooks: Object Not Found (610): Customer for Account '${account.name}' is not mapped – create an external mapping for Account ${account.id}`;
    case 'Chargebee':
      return `Chargebee: customer[id] : Customer not found for id ${customerRef} (resource_not_found)`;
    case 'Paddle':
      return `Paddle: entity_not_found – no Customer is mapped for Account ${account.id}; create an external mapping`;
    default:
      return undefined;
  }
}

/** Realistic error text for a failed or retried run, naming the real cause. */
function errorText(status: SeedStatus, ctx: RunContext): string | undefined {
  const { rng, config } = ctx;
  const system = config.destination;
  const invoice = ctx.invoiceNumber ?? `INV-${rng.int(20000, 29999)}`;
  switch (status) {
    case 'ERROR':
      if (ctx.account && !ctx.account.mapped) {
        const missing = missingCustomerError(system, ctx.account, ctx.customerRef);
        if (missing) return missing;
      }
      switch (system) {
        case 'Stripe':
          return rng.pick([
            `Stripe API error: No such customer: '${ctx.customerRef}' (resource_missing)`,
            `Stripe API error: Invalid currency: eur for customer with default currency usd (invalid_request_error)`,
            `Stripe API error: The price specified is inactive. This field only accepts active prices. (price_1Q${rng.alnum(8)})`,
          ]);
        case 'NetSuite':
          return rng.pick([
            `NetSuite: INVALID_KEY_OR_REF Invalid entity reference key ${rng.int(1000, 1999)} for subsidiary 3`,
            `NetSuite: USER_ERROR You must enter at least one line item for this transaction`,
            `NetSuite: INVALID_FLD_VALUE You have entered an Invalid Field Value 46 for the following field: taxcode`,
          ]);
        case 'Xero':
          return `Xero validation error: Account code '200' is not a valid code for this document`;
        case 'QuickBooks':
          return `QuickBooks: Duplicate Document Number Error (6140): ${invoice} already exists`;
        case 'Chargebee':
          return `Chargebee: customer[id] : Customer not found for id ${ctx.customerRef} (resource_not_found)`;
        case 'Paddle':
          return `Paddle: transaction_billed_cannot_be_updated – the transaction is already billed`;
        default:
          return `Webhook endpoint ${WEBHOOK_URLS[config.id] ?? 'https://hooks.example.com'} returned HTTP 502 Bad Gateway`;
      }
    case 'AWAITING_RETRY':
      return rng.pick([
        'Connection reset by peer (ECONNRESET); retry 2 of 5 scheduled',
        `${system} returned HTTP 503 Service Unavailable; retry scheduled in 5 min`,
      ]);
    case 'AUTH_FAILED':
      switch (system) {
        case 'QuickBooks':
          return '401 Unauthorized: token expired for QuickBooks realm 9130354720218466 – reconnect the integration';
        case 'Xero':
          return 'Xero: 401 Unauthorized – OAuth2 refresh token has expired for tenant 0c1d2e3f; reconnect the Xero organisation';
        case 'NetSuite':
          return 'NetSuite: INVALID_LOGIN_ATTEMPT Invalid login attempt for token-based role 1042';
        case 'Stripe':
          return 'Stripe API error: Invalid API Key provided: rk_live_****4fQz (authentication_required)';
        default:
          return `Webhook endpoint ${WEBHOOK_URLS[config.id] ?? ''} returned 401 Unauthorized: signature verification failed (M3TER_SIGNED_REQUEST)`;
      }
    case 'ACCOUNTING_PERIOD_CLOSED':
      return system === 'NetSuite'
        ? `NetSuite: PERIOD_CLOSED The accounting period ${ctx.periodLabel} is closed for subsidiary 3`
        : system === 'QuickBooks'
          ? `QuickBooks: Closed period – the transaction date falls before the books closing date (${ctx.periodLabel})`
          : `Accounting period ${ctx.periodLabel} is closed in Xero`;
    case 'INVOICE_ALREADY_PAID':
      return `Invoice ${invoice} already paid`;
    case 'DISABLED':
      return `Integration "${config.name}" is disabled; run skipped`;
    case 'TIMEOUT_LIMIT_EXCEEDED':
      return 'Request timed out after 30000 ms';
    case 'RATE_LIMIT_RETRY':
      return system === 'Webhook'
        ? `429 Too Many Requests from ${WEBHOOK_URLS[config.id] ?? 'webhook'}; retrying in 8 s`
        : `429 Too Many Requests from ${system}; retrying in 8 s`;
    default:
      return undefined;
  }
}

/** Delay before the next attempt of a chain, by the status of the attempt that failed. */
function retryDelay(status: SeedStatus, rng: Rng): number {
  switch (status) {
    case 'RATE_LIMIT_RETRY':
      return 8_000 + rng.int(0, 900);
    case 'AWAITING_RETRY':
      return 5 * MINUTE + rng.int(0, 20_000);
    case 'TIMEOUT_LIMIT_EXCEEDED':
      return 30_000 + MINUTE + rng.int(0, 20_000);
    default:
      return 2 * MINUTE + rng.int(0, 30_000);
  }
}

function attemptDuration(status: SeedStatus, rng: Rng): number {
  switch (status) {
    case 'TIMEOUT_LIMIT_EXCEEDED':
      return 30_000 + rng.int(2, 400);
    case 'DISABLED':
      return rng.int(5, 40);
    case 'COMPLETE':
      return rng.int(600, 6_500);
    default:
      return rng.int(250, 3_000);
  }
}

interface ChainOptions {
  /** Fixed ids for the chain's runs (well-known runs). */
  ids?: readonly string[];
}

/**
 * Emits one send of an entity to one destination: a root run and, when it was retried, its children
 * linked by parentIntegrationRunId. The last run of a chain that is still in progress has no
 * dtCompleted; a WAITING run has not started, so it has no dtStarted either.
 */
function emitChain(
  out: IntegrationRun[],
  ctx: RunContext,
  startMs: number,
  statuses: readonly SeedStatus[],
  opts: ChainOptions = {},
): void {
  const { rng } = ctx;
  let t = startMs;
  let parent: string | undefined;
  statuses.forEach((status, k) => {
    const isLast = k === statuses.length - 1;
    const running = isLast && IN_PROGRESS.has(status);
    const duration = attemptDuration(status, rng);
    const id = opts.ids?.[k] ?? rng.uuid();
    const created = t - rng.int(40, 900);
    const run: IntegrationRun = {
      id,
      version: status === 'WAITING' ? 1 : running ? 2 : 3,
      entityType: ctx.entityType,
      entityId: ctx.entityId,
      status,
      destination: ctx.config.destination,
      destinationId: ctx.config.destinationId,
      dtCreated: iso(created),
      dtLastModified: iso(running ? t : t + duration),
      createdBy: INTEGRATION_SERVICE_USER_ID,
      lastModifiedBy: INTEGRATION_SERVICE_USER_ID,
    };
    if (status !== 'WAITING') run.dtStarted = iso(t);
    if (!running) run.dtCompleted = iso(t + duration);
    const error = errorText(status, ctx);
    if (error) run.error = error;
    if ((status === 'COMPLETE' || status === 'INVOICE_ALREADY_PAID') && ctx.external) {
      run.externalId = ctx.external.externalId;
      run.url = ctx.external.url;
    }
    if (parent) run.parentIntegrationRunId = parent;
    out.push(run);
    parent = id;
    t += duration + retryDelay(status, rng);
  });
}

/** What happened to a send, drawn for ordinary history (not the forced, well-known cases). */
function drawChain(ctx: RunContext): SeedStatus[] {
  const system = ctx.config.destination;
  const r = ctx.rng.next();
  const accounting = system === 'NetSuite' || system === 'Xero' || system === 'QuickBooks';
  if (r < 0.8) return ['COMPLETE'];
  if (r < 0.84) return ['ERROR', 'AWAITING_RETRY', 'COMPLETE'];
  if (r < 0.88) return ['RATE_LIMIT_RETRY', 'COMPLETE'];
  if (r < 0.91) return ['TIMEOUT_LIMIT_EXCEEDED', 'COMPLETE'];
  if (r < 0.94) return ['ERROR'];
  if (r < 0.96) return accounting ? ['ACCOUNTING_PERIOD_CLOSED'] : ['TIMEOUT_LIMIT_EXCEEDED'];
  if (r < 0.98 && system !== 'Webhook') return ['INVOICE_ALREADY_PAID'];
  return ['ERROR', 'ERROR'];
}

/** The config's state at the time of a send overrides the draw (auto-disabled, token lost). */
function stateChain(ctx: RunContext, atMs: number, anchor: number): SeedStatus[] | undefined {
  const { config, account } = ctx;
  const broken = config.brokenDaysAgo !== undefined && atMs > anchor - config.brokenDaysAgo * DAY;
  if (broken && !config.enabled) return ['DISABLED'];
  if (broken && !config.authorized) return ['AUTH_FAILED'];
  if (account && !account.mapped) return ctx.rng.chance(0.5) ? ['ERROR', 'ERROR'] : ['ERROR'];
  return undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function periodLabel(ms: number): string {
  const d = new Date(ms);
  // Bills are for the previous calendar month. (Not toLocaleString: its output varies with ICU data.)
  const prev = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  return `${MONTHS[prev.getUTCMonth()] ?? ''} ${prev.getUTCFullYear()}`;
}

interface ForcedLatest {
  chain: SeedStatus[];
  /** Minutes before the anchor the chain started. */
  minutesAgo: number;
  ids?: readonly string[];
}

/** Latest send to the first destination of some bills: guarantees every status and the in-progress cases. */
const FORCED_LATEST: Record<number, ForcedLatest> = {
  1: { chain: ['STARTED'], minutesAgo: 2 },
  2: { chain: ['WAITING'], minutesAgo: 1, ids: [SEED_IDS.runs.waiting] },
  3: { chain: ['ERROR', 'AWAITING_RETRY'], minutesAgo: 4 },
  4: { chain: ['RATE_LIMIT_RETRY'], minutesAgo: 0.5 },
  5: { chain: ['TIMEOUT_LIMIT_EXCEEDED'], minutesAgo: 50 },
  6: { chain: ['INVOICE_ALREADY_PAID'], minutesAgo: 75 },
  7: {
    chain: ['ERROR', 'RATE_LIMIT_RETRY', 'COMPLETE'],
    minutesAgo: 95,
    ids: [SEED_IDS.runs.retryRoot, SEED_IDS.runs.retryChild, SEED_IDS.runs.retryGrandchild],
  },
  9: { chain: ['ACCOUNTING_PERIOD_CLOSED'], minutesAgo: 180 },
  10: { chain: ['ERROR'], minutesAgo: 240 },
  11: { chain: ['TIMEOUT_LIMIT_EXCEEDED', 'AWAITING_RETRY', 'COMPLETE'], minutesAgo: 300 },
  17: { chain: ['ACCOUNTING_PERIOD_CLOSED'], minutesAgo: 600 },
};

function contextFor(
  rng: Rng,
  bill: SeedBill,
  config: SeedConfigDef,
  account: SeedAccount,
  anchor: number,
): RunContext {
  const ctx: RunContext = {
    rng,
    entityType: 'Bill',
    entityId: bill.id,
    config,
    account,
    invoiceNumber: bill.invoiceNumber,
    customerRef: `cus_${rng.alnum(14)}`,
    periodLabel: periodLabel(anchor),
  };
  const external = externalFor(config.destination, rng, bill.invoiceNumber);
  if (external) ctx.external = external;
  return ctx;
}

function billRuns(out: IntegrationRun[], bills: readonly SeedBill[], anchor: number): void {
  const rng = createRng(53);
  bills.forEach((bill, i) => {
    if (bill.id === SEED_IDS.bigBill) return;
    const account = ACCOUNTS.find((a) => a.id === bill.accountId) as SeedAccount;
    const forced = FORCED_LATEST[i];
    // Bills 1..11 were last sent within hours; later ones spread back over ~11 days.
    const lastSend = forced
      ? anchor - forced.minutesAgo * MINUTE
      : anchor - (i < 12 ? i * 25 * MINUTE : (i - 8) * 9 * HOUR) - rng.int(0, 50 * MINUTE);
    const sends = rng.int(2, 7);
    // Earlier sends (bill regenerated or re-approved): 1–5 days apart, so some pass 30 days (no log).
    const times = [lastSend];
    for (let s = 1; s < sends; s++) {
      times.push((times[s - 1] ?? lastSend) - rng.int(1, 5) * DAY - rng.int(0, 6 * HOUR));
    }
    times.reverse();
    bill.configIds.forEach((configId, c) => {
      const config = configDef(configId);
      const ctx = contextFor(rng, bill, config, account, anchor);
      times.forEach((t, s) => {
        const isLatest = s === times.length - 1;
        // The destinations of one send are called seconds apart, the first one last, so that a
        // bill's latest run is its forced (well-known) case.
        const start = t - c * rng.int(1_500, 9_000);
        if (isLatest && forced && c === 0) {
          emitChain(out, ctx, start, forced.chain, forced.ids ? { ids: forced.ids } : {});
          return;
        }
        emitChain(out, ctx, start, stateChain(ctx, start, anchor) ?? drawChain(ctx));
      });
    });
  });
}

/** Acme's November bill is regenerated on every usage upload: ~5,400 runs over 15 days. */
function bigBillRuns(out: IntegrationRun[], bill: SeedBill, anchor: number): void {
  const rng = createRng(61);
  const account = ACCOUNTS.find((a) => a.id === bill.accountId) as SeedAccount;
  const contexts = bill.configIds.map((id) =>
    contextFor(rng, bill, configDef(id), account, anchor),
  );
  const regenerations = 2_700;
  const every = 8 * MINUTE;
  const first = anchor - regenerations * every;
  for (let g = 0; g < regenerations; g++) {
    const t = first + g * every + rng.int(0, 90_000);
    contexts.forEach((ctx, c) => {
      emitChain(out, ctx, t + c * rng.int(1_500, 9_000), drawChain(ctx));
    });
  }
}

function notificationRuns(
  out: IntegrationRun[],
  notifications: readonly SeedNotification[],
  anchor: number,
): void {
  const rng = createRng(71);
  notifications.forEach((n, i) => {
    const config = configDef(n.configId);
    const ctx: RunContext = {
      rng,
      entityType: 'Notification',
      entityId: n.id,
      config,
      customerRef: '',
      periodLabel: periodLabel(anchor),
    };
    const firings = rng.int(8, 30);
    let t = anchor - rng.int(2, 26) * MINUTE * (i + 1);
    const times: number[] = [];
    for (let f = 0; f < firings; f++) {
      times.push(t);
      t -= rng.int(2, 40) * HOUR;
    }
    times.reverse().forEach((at, f) => {
      const isLatest = f === times.length - 1;
      if (isLatest && i === 4) return emitChain(out, ctx, at, ['WAITING']);
      if (isLatest && i === 5) return emitChain(out, ctx, at, ['AUTH_FAILED']);
      emitChain(out, ctx, at, stateChain(ctx, at, anchor) ?? drawChain(ctx));
    });
  });
}

/** Generates the full, read-only run history for an anchor (no caching; see seedRuns). */
export function generateRuns(anchor: string): IntegrationRun[] {
  const now = anchorMs(anchor);
  const bills = seedBills();
  const out: IntegrationRun[] = [];
  const big = bills.find((b) => b.id === SEED_IDS.bigBill);
  if (big) bigBillRuns(out, big, now);
  billRuns(out, bills, now);
  notificationRuns(out, seedNotifications(), now);
  return out;
}

let cachedRuns: { anchor: string; runs: readonly IntegrationRun[] } | undefined;

/**
 * The run history for an anchor, generated once and shared: runs are read-only in the console, so
 * every store reset in the test suite can reuse the same ~7,000 objects instead of rebuilding them.
 */
export function seedRuns(anchor: string): readonly IntegrationRun[] {
  if (cachedRuns?.anchor !== anchor) {
    const runs = generateRuns(anchor);
    for (const run of runs) Object.freeze(run);
    cachedRuns = { anchor, runs: Object.freeze(runs) };
  }
  return cachedRuns.runs;
}

/** The whole demo organisation for an anchor. Configs and mappings are fresh, mutable copies. */
export function createSeed(anchor: string = SEED_ANCHOR): DemoSeed {
  const { mappings, directory } = seedMappings(anchor);
  return {
    anchor,
    configs: seedConfigs(anchor),
    mappings,
    runs: seedRuns(anchor),
    bills: seedBills(),
    notifications: seedNotifications(),
    externalDirectory: directory,
  };
}
