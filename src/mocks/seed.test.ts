import { RUN_STATUSES, type IntegrationRun } from '../api/schemas';
import { buildRunLogText } from './run-log';
import { createSeed, DESTINATION_IDS, generateRuns, SEED_ANCHOR, SEED_IDS, seedRuns } from './seed';

const seed = createSeed(SEED_ANCHOR);
const runs = seed.runs;

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('seed: configs', () => {
  it('has at least 12 configs over at least 5 destinations', () => {
    expect(seed.configs.length).toBeGreaterThanOrEqual(12);
    expect(new Set(seed.configs.map((c) => c.destination)).size).toBeGreaterThanOrEqual(5);
  });

  it('has disabled and unauthorised configs, and healthy ones', () => {
    expect(seed.configs.some((c) => c.enabled === false)).toBe(true);
    expect(seed.configs.some((c) => c.authorized === false)).toBe(true);
    expect(seed.configs.some((c) => c.enabled && c.authorized)).toBe(true);
    expect(seed.configs.find((c) => c.id === SEED_IDS.disabledConfig)?.enabled).toBe(false);
    expect(seed.configs.find((c) => c.id === SEED_IDS.unauthorizedConfig)?.authorized).toBe(false);
  });

  it('gives every config a version, audit fields and a realistic name', () => {
    for (const c of seed.configs) {
      expect(c.version).toBeGreaterThanOrEqual(1);
      expect(c.createdBy).toMatch(/^USER_/);
      expect(Date.parse(c.dtCreated ?? '')).toBeLessThan(Date.parse(SEED_ANCHOR));
      expect(c.name).toBeTruthy();
    }
    expect(seed.configs.map((c) => c.name)).toContain('Stripe – EU invoices');
    expect(seed.configs.map((c) => c.name)).toContain('NetSuite AR sync');
  });
});

describe('seed: runs', () => {
  const bills = new Set(runs.filter((r) => r.entityType === 'Bill').map((r) => r.entityId));
  const notifications = new Set(
    runs.filter((r) => r.entityType === 'Notification').map((r) => r.entityId),
  );

  it('covers at least 30 Bills and 8 Notifications', () => {
    expect(bills.size).toBeGreaterThanOrEqual(30);
    expect(notifications.size).toBeGreaterThanOrEqual(8);
  });

  it('uses all 11 statuses and no other', () => {
    const statuses = new Set(runs.map((r) => r.status));
    expect([...statuses].sort()).toEqual([...RUN_STATUSES].sort());
  });

  it('has one Bill with at least 5,000 runs', () => {
    const perEntity = countBy(runs, (r) => r.entityId);
    expect(perEntity.get(SEED_IDS.bigBill)).toBeGreaterThanOrEqual(5_000);
  });

  it('links retry chains through parentIntegrationRunId to earlier runs of the same entity', () => {
    const byId = new Map(runs.map((r) => [r.id, r]));
    const children = runs.filter((r) => r.parentIntegrationRunId);
    expect(children.length).toBeGreaterThan(50);
    for (const child of children) {
      const parent = byId.get(child.parentIntegrationRunId ?? '');
      expect(parent?.entityId).toBe(child.entityId);
      expect(parent?.destinationId).toBe(child.destinationId);
      expect(Date.parse(parent?.dtStarted ?? '')).toBeLessThan(Date.parse(child.dtStarted ?? ''));
    }
    const chain = [SEED_IDS.runs.retryRoot, SEED_IDS.runs.retryChild, SEED_IDS.runs.retryGrandchild]
      .map((id) => byId.get(id))
      .map((r) => [r?.status, r?.parentIntegrationRunId]);
    expect(chain).toEqual([
      ['ERROR', undefined],
      ['RATE_LIMIT_RETRY', SEED_IDS.runs.retryRoot],
      ['COMPLETE', SEED_IDS.runs.retryChild],
    ]);
  });

  it('has realistic error texts, external ids and https urls', () => {
    const errors = runs.map((r) => r.error).filter(Boolean);
    expect(errors).toContainEqual(expect.stringMatching(/No such customer: 'cus_/));
    expect(errors).toContainEqual(expect.stringMatching(/INVALID_KEY_OR_REF/));
    expect(errors).toContainEqual(
      expect.stringMatching(/Accounting period \w+ \d{4} is closed in Xero/),
    );
    expect(errors).toContainEqual(expect.stringMatching(/^Invoice INV-\d+ already paid$/));
    expect(errors).toContainEqual(expect.stringMatching(/token expired for QuickBooks realm/));
    expect(errors).toContainEqual('Request timed out after 30000 ms');
    expect(errors).toContainEqual(expect.stringMatching(/429 Too Many Requests from Stripe/));
    const complete = runs.filter((r) => r.status === 'COMPLETE' && r.destination !== 'Webhook');
    expect(complete.every((r) => r.externalId && r.url?.startsWith('https://'))).toBe(true);
    expect(complete.map((r) => r.externalId)).toContainEqual(expect.stringMatching(/^in_1Q/));
    expect(complete.map((r) => r.url)).toContainEqual(
      expect.stringMatching(/^https:\/\/dashboard\.stripe\.com\/invoices\/in_/),
    );
    expect(complete.map((r) => r.url)).toContainEqual(
      expect.stringMatching(/custinvc\.nl\?id=\d+$/),
    );
  });

  it("words each run's error as its own destination does", () => {
    for (const run of runs) {
      if (!run.error) continue;
      for (const system of ['Stripe', 'NetSuite', 'Xero', 'QuickBooks', 'Chargebee', 'Paddle']) {
        if (run.error.startsWith(system)) expect(run.destination).toBe(system);
      }
    }
  });

  it('keeps in-progress runs open and finished runs completed', () => {
    for (const r of runs) {
      if (r.status === 'WAITING') expect(r.dtStarted).toBeUndefined();
      else expect(r.dtStarted).toBeDefined();
    }
    const started = runs.filter((r) => r.status === 'STARTED');
    expect(started.every((r) => r.dtCompleted === undefined)).toBe(true);
    const finished = runs.filter((r) => ['COMPLETE', 'ERROR', 'DISABLED'].includes(r.status));
    expect(finished.every((r) => r.dtCompleted !== undefined)).toBe(true);
  });

  it('puts a good share of runs in the last 7 days before the anchor, none after it', () => {
    const anchor = Date.parse(SEED_ANCHOR);
    const t = (r: IntegrationRun) => Date.parse(r.dtStarted ?? r.dtCreated ?? '');
    expect(runs.every((r) => t(r) <= anchor)).toBe(true);
    const lastWeek = runs.filter(
      (r) => r.entityId !== SEED_IDS.bigBill && t(r) > anchor - 7 * 86_400_000,
    );
    expect(lastWeek.length).toBeGreaterThan(100);
    expect(new Set(lastWeek.map((r) => r.entityId)).size).toBeGreaterThanOrEqual(20);
  });

  it('sends runs to several destinations with their destination ids', () => {
    const destinations = new Set(runs.map((r) => r.destinationId));
    expect(destinations).toContain(DESTINATION_IDS.stripeEu);
    expect(destinations).toContain(DESTINATION_IDS.netsuite);
    expect(destinations).toContain(DESTINATION_IDS.webhookOps);
    expect(destinations.size).toBeGreaterThanOrEqual(8);
  });

  it('has a log for a started run and none for a WAITING one', () => {
    const anchor = Date.parse(SEED_ANCHOR);
    const waiting = runs.find((r) => r.id === SEED_IDS.runs.waiting);
    const retry = runs.find((r) => r.id === SEED_IDS.runs.retryChild);
    expect(waiting && buildRunLogText(waiting, anchor)).toBeUndefined();
    expect(retry && buildRunLogText(retry, anchor)).toContain(
      `Retry of integration run ${SEED_IDS.runs.retryRoot}`,
    );
  });

  it('generates the 5,000-run history fast, once per anchor', () => {
    const started = performance.now();
    generateRuns('2026-06-01T00:00:00.000Z');
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(seedRuns(SEED_ANCHOR)).toBe(seedRuns(SEED_ANCHOR));
  });
});

describe('seed: mappings', () => {
  it('has at least 80 mappings over accounts, products and plans', () => {
    expect(seed.mappings.length).toBeGreaterThanOrEqual(80);
    const entities = new Set(seed.mappings.map((m) => m.m3terEntity));
    expect(entities).toEqual(new Set(['Account', 'Product', 'Plan']));
    expect(new Set(seed.mappings.map((m) => m.externalSystem)).size).toBeGreaterThanOrEqual(5);
    expect(seed.mappings.some((m) => m.integrationConfigId)).toBe(true);
  });

  it('leaves the known gaps unmapped (Vandelay has no Stripe customer)', () => {
    const vandelay = seed.mappings.filter((m) => m.m3terId === SEED_IDS.accounts.vandelay);
    expect(vandelay.map((m) => m.externalSystem)).toEqual(['Salesforce']);
  });
});

describe('seed: determinism', () => {
  it('builds the same organisation twice', () => {
    const again = createSeed(SEED_ANCHOR);
    expect(again.configs).toEqual(seed.configs);
    expect(again.mappings).toEqual(seed.mappings);
    expect(again.externalDirectory).toEqual(seed.externalDirectory);
    expect(generateRuns(SEED_ANCHOR)).toEqual(runs);
  });

  it('keeps ids and statuses for another anchor and only shifts dates', () => {
    const shifted = generateRuns('2027-01-10T08:30:00.000Z');
    const shift = Date.parse('2027-01-10T08:30:00.000Z') - Date.parse(SEED_ANCHOR);
    expect(shifted.map((r) => [r.id, r.status])).toEqual(runs.map((r) => [r.id, r.status]));
    const first = runs[0];
    const firstShifted = shifted[0];
    expect(Date.parse(firstShifted?.dtStarted ?? '') - Date.parse(first?.dtStarted ?? '')).toBe(
      shift,
    );
  });
});
