/**
 * The run history of the demo organisation: every integration run of the seeded bills and
 * notifications, with retry chains, realistic error texts and the well-known cases tests rely on.
 * Deterministic like the rest of the seed (seeded PRNG, dates relative to the anchor); seed.ts calls
 * it and caches the result.
 */
import type { IntegrationRun } from '../api/schemas';
import { createRng, type Rng } from './prng';
import type { SeedBill, SeedNotification } from './seed';
import {
  ACCOUNTS,
  CONFIG_DEFS,
  INTEGRATION_SERVICE_USER_ID,
  type SeedAccount,
  type SeedConfigDef,
} from './seed-catalogue';
import { DAY, HOUR, iso, MINUTE, SEED_IDS } from './seed-common';
import { errorText, externalFor } from './seed-run-errors';

/** The m3ter run statuses (docs/m3ter-api.md §4.6). Seeded runs use only these. */
export type SeedStatus =
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

export interface RunContext {
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

/**
 * The full, read-only run history for the seeded bills and notifications, dated relative to `anchor`
 * (epoch ms). Each part draws from its own PRNG, so the result depends only on the arguments.
 */
export function generateRunHistory(
  anchor: number,
  bills: readonly SeedBill[],
  notifications: readonly SeedNotification[],
): IntegrationRun[] {
  const out: IntegrationRun[] = [];
  const big = bills.find((b) => b.id === SEED_IDS.bigBill);
  if (big) bigBillRuns(out, big, anchor);
  billRuns(out, bills, anchor);
  notificationRuns(out, notifications, anchor);
  return out;
}
