/**
 * The Bills and Accounts of the demo organisation, as `GET /bills/{id}` and `GET /accounts/{id}` answer
 * them (docs/m3ter-api.md §6.5): one BillResponse per seeded Bill and one AccountResponse per seeded
 * account. Read-only and deterministic like the run history (seeded PRNG, dates relative to the
 * anchor); a Bill's audit dates are consistent with its runs (created before its first run, last
 * modified just before its latest one).
 */
import type { Account, Bill, IntegrationRun } from '../api/schemas';
import { createRng } from './prng';
import type { SeedBill } from './seed';
import {
  ACCOUNTS,
  BILLING_SERVICE_USER_ID,
  CONFIG_DEFS,
  seedUser,
  type Region,
  type SeedAccount,
} from './seed-catalogue';
import { DAY, HOUR, iso, MINUTE, SEED_IDS } from './seed-common';

/** Billing currency per region (the account's and its bills'). */
const REGION_CURRENCY: Record<Region, string> = {
  EU: 'EUR',
  US: 'USD',
  UK: 'GBP',
  AU: 'AUD',
  APAC: 'SGD',
  SELF: 'USD',
};

/** An account's unique short code: its name as a slug (`Acme Corp` → `acme-corp`). */
function accountCode(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** `YYYY-MM-DD` of the first day of the month `offset` months after the anchor's month (UTC). */
function monthStart(anchor: number, offset: number): string {
  const d = new Date(anchor);
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)).slice(0, 10);
}

const addDays = (date: string, days: number): string =>
  iso(Date.parse(`${date}T00:00:00.000Z`) + days * DAY).slice(0, 10);

/** Configs that only send a Bill once it is approved (so such a Bill cannot be PENDING). */
const APPROVAL_ONLY: ReadonlySet<string> = new Set(
  CONFIG_DEFS.filter((c) => c.configData.onlySendBillOnApproval === true).map((c) => c.id),
);

export function generateAccounts(anchor: number): Account[] {
  const rng = createRng(89);
  return ACCOUNTS.map((account, i) => {
    const code = accountCode(account.name);
    const created = anchor - rng.int(380, 900) * DAY - rng.int(0, DAY);
    const edits = rng.int(0, 3);
    return {
      id: account.id,
      version: 1 + edits,
      name: account.name,
      code,
      currency: REGION_CURRENCY[account.region],
      emailAddress: `billing@${code}.example.com`,
      dtCreated: iso(created),
      dtLastModified: iso(edits === 0 ? created : created + rng.int(5, 300) * DAY),
      createdBy: seedUser(i),
      lastModifiedBy: seedUser(i + edits),
    };
  });
}

interface RunSpan {
  first: number;
  last: number;
}

function runSpans(runs: readonly IntegrationRun[]): Map<string, RunSpan> {
  const spans = new Map<string, RunSpan>();
  for (const run of runs) {
    if (run.entityType !== 'Bill') continue;
    const t = Date.parse(run.dtCreated ?? run.dtStarted ?? '');
    const span = spans.get(run.entityId);
    if (!span) spans.set(run.entityId, { first: t, last: t });
    else {
      span.first = Math.min(span.first, t);
      span.last = Math.max(span.last, t);
    }
  }
  return spans;
}

/**
 * One BillResponse per seeded Bill. The big Bill is Acme's current month, still PENDING and
 * regenerated on every usage upload; bills 1–25 are for the previous month, 26–35 (the second bill of
 * the first ten accounts) for the month before, and locked.
 */
export function generateBillRecords(
  anchor: number,
  bills: readonly SeedBill[],
  runs: readonly IntegrationRun[],
): Bill[] {
  const rng = createRng(97);
  const spans = runSpans(runs);
  const accounts = new Map(ACCOUNTS.map((a) => [a.id, a]));
  return bills.map((bill, i) => {
    const account = accounts.get(bill.accountId) as SeedAccount;
    const big = bill.id === SEED_IDS.bigBill;
    const monthOffset = big ? 0 : i < 26 ? -1 : -2;
    const startDate = monthStart(anchor, monthOffset);
    const endDate = monthStart(anchor, monthOffset + 1);
    const span = spans.get(bill.id) ?? { first: anchor - 10 * DAY, last: anchor - DAY };
    const needsApproval = bill.configIds.some((id) => APPROVAL_ONLY.has(id));
    const pending = big || (!needsApproval && rng.chance(0.4));
    const status = pending ? 'PENDING' : 'APPROVED';
    const locked = !pending && monthOffset === -2;
    const cents = big ? rng.int(18_000_000, 26_000_000) : rng.int(45_000, 4_800_000);
    return {
      id: bill.id,
      version: big ? 2_701 : rng.int(2, 9),
      accountId: account.id,
      accountCode: accountCode(account.name),
      startDate,
      endDate,
      // m3ter dates a Bill on the day after its period (endDate is exclusive) and gives 30 days to pay.
      billDate: endDate,
      dueDate: addDays(endDate, 30),
      currency: REGION_CURRENCY[account.region],
      billTotal: cents / 100,
      sequentialInvoiceNumber: bill.invoiceNumber,
      status,
      locked,
      dtCreated: iso(span.first - rng.int(1, 6) * HOUR),
      dtLastModified: iso(span.last - rng.int(1, 50) * 1_000),
      createdBy: BILLING_SERVICE_USER_ID,
      // Approval is a person's doing; a PENDING bill was last touched by the billing service.
      lastModifiedBy: pending ? BILLING_SERVICE_USER_ID : seedUser(i),
      ...(pending
        ? {}
        : { dtApproved: iso(span.last - rng.int(2, 30) * MINUTE), approvedBy: seedUser(i) }),
    };
  });
}
