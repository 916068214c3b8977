/**
 * The fake m3ter's events, bills and accounts (store/events.ts, store/billing.ts, seed-events.ts,
 * seed-billing.ts): the list rules, paging, and that the seed tells one story (every event has the run
 * it reports, every Bill its bill and account).
 */
import { INTEGRATION_EVENT_NAMES, type IntegrationRun } from '../api/schemas';
import { CONFIG_DEFS } from './seed-catalogue';
import {
  createSeed,
  generateRuns,
  SEED_ANCHOR,
  SEED_IDS,
  seedEvents,
  seedRuns,
  type SeedEvent,
  type SeedEventData,
} from './seed';
import { DAY } from './seed-common';
import { generateEvents } from './seed-events';
import { createStore, StoreError, type DemoStore, type PageResult } from './store';

const anchorMs = Date.parse(SEED_ANCHOR);
const events = seedEvents(SEED_ANCHOR);
const runs = seedRuns(SEED_ANCHOR);
const runById = new Map(runs.map((r) => [r.id, r]));
const configById = new Map(CONFIG_DEFS.map((c) => [c.id, c]));
const dataOf = (e: SeedEvent): SeedEventData => e.m3terEvent.eventData;

let store: DemoStore;
beforeEach(() => {
  store = createStore({ anchor: SEED_ANCHOR });
});

function storeError(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

function walk<T>(fetchPage: (nextToken: string | undefined) => PageResult<T>) {
  const items: T[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = fetchPage(token);
    items.push(...page.data);
    token = page.nextToken;
    pages += 1;
  } while (token && pages < 1_000);
  return { items, pages };
}

const all = (query: Parameters<DemoStore['listEvents']>[0] = {}) =>
  walk((nextToken) => store.listEvents({ ...query, pageSize: 100, nextToken })).items;

const isNewestFirst = (list: readonly SeedEvent[]) =>
  list.every((e, i) => {
    const prev = list[i - 1];
    return (
      !prev || prev.eventTime > e.eventTime || (prev.eventTime === e.eventTime && prev.id < e.id)
    );
  });

describe('events: the list', () => {
  it('walks every event exactly once, newest first, over several pages', () => {
    const { items, pages } = walk((nextToken) =>
      store.listEvents({ includeActioned: 'true', pageSize: 37, nextToken }),
    );
    expect(pages).toBe(Math.ceil(events.length / 37));
    expect(items).toHaveLength(events.length);
    expect(new Set(items.map((e) => e.id)).size).toBe(events.length);
    expect(isNewestFirst(items)).toBe(true);
  });

  it('leaves actioned events out unless includeActioned=true', () => {
    const open = all();
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((e) => e.dtActioned === undefined)).toBe(true);
    expect(all({ includeActioned: 'false' })).toEqual(open);
    expect(all({ includeActioned: 'TRUE' })).toHaveLength(events.length);
    expect(open.length).toBeLessThan(events.length);
    expect(storeError(() => store.listEvents({ includeActioned: 'yes' })).message).toBe(
      'includeActioned: must be true or false',
    );
  });

  it('eventType: IntegrationEvent has every event, the other documented categories none', () => {
    expect(all({ eventType: 'IntegrationEvent', includeActioned: 'true' })).toHaveLength(
      events.length,
    );
    for (const eventType of ['Notification', 'IngestValidationFailure', 'DataExportJobFailure']) {
      expect(store.listEvents({ eventType, includeActioned: 'true' }).data).toEqual([]);
    }
    const error = storeError(() => store.listEvents({ eventType: 'Billing' }));
    expect(error.status).toBe(400);
    expect(error.message).toBe(
      'eventType: must be one of Notification, IntegrationEvent, IngestValidationFailure, DataExportJobFailure',
    );
  });

  it('eventName, accountId and resourceId (entity, config or run) narrow the list', () => {
    for (const name of INTEGRATION_EVENT_NAMES) {
      const list = all({ eventName: name, includeActioned: 'true' });
      expect(list.length, name).toBe(events.filter((e) => e.eventName === name).length);
      expect(list.every((e) => e.eventName === name)).toBe(true);
    }
    expect(store.listEvents({ eventName: 'configuration.plan.created' }).data).toEqual([]);

    const vandelay = all({ accountId: SEED_IDS.accounts.vandelay, includeActioned: 'true' });
    expect(vandelay.length).toBeGreaterThan(0);
    expect(vandelay.every((e) => dataOf(e).accountId === SEED_IDS.accounts.vandelay)).toBe(true);

    const byBill = all({ resourceId: SEED_IDS.bills.missingMapping, includeActioned: 'true' });
    expect(byBill.map((e) => e.id)).toContain(SEED_IDS.events.missingMapping);
    expect(byBill.every((e) => dataOf(e).entityId === SEED_IDS.bills.missingMapping)).toBe(true);
    const byConfig = all({ resourceId: SEED_IDS.disabledConfig });
    expect(byConfig.map((e) => e.id)).toEqual([SEED_IDS.events.disabled]);
    const perform = store.getEvent(SEED_IDS.events.perform);
    const runId = dataOf(perform).integrationRunId ?? '';
    expect(all({ resourceId: runId }).map((e) => e.id)).toEqual([SEED_IDS.events.perform]);
  });

  it('filters combine, and a Notification filter matches no integration event', () => {
    const list = all({
      eventType: 'IntegrationEvent',
      eventName: 'integration.missingaccountmapping.error',
      accountId: SEED_IDS.accounts.vandelay,
      includeActioned: 'true',
    });
    expect(list.length).toBeGreaterThan(0);
    expect(
      list.every(
        (e) =>
          e.eventName === 'integration.missingaccountmapping.error' &&
          dataOf(e).accountId === SEED_IDS.accounts.vandelay,
      ),
    ).toBe(true);
    expect(store.listEvents({ notificationId: SEED_IDS.notifications[0] }).data).toEqual([]);
    expect(store.listEvents({ notificationCode: 'bill_approved' }).data).toEqual([]);
  });

  it('pageSize is 1..100, default 20', () => {
    expect(store.listEvents({ includeActioned: 'true' }).data).toHaveLength(20);
    expect(store.listEvents({ includeActioned: 'true', pageSize: '1' }).data).toHaveLength(1);
    expect(store.listEvents({ includeActioned: 'true', pageSize: 100 }).data).toHaveLength(100);
    for (const pageSize of ['0', '101', '-1', '2.5', 'ten']) {
      const error = storeError(() => store.listEvents({ pageSize }));
      expect(error.status, pageSize).toBe(400);
      expect(error.message).toBe('pageSize: must be an integer between 1 and 100');
    }
    // Other lists keep their 200.
    expect(store.listConfigs({ pageSize: 200 }).data.length).toBeGreaterThan(0);
  });

  it('nextToken belongs to its query: another filter or a forged token is a 400', () => {
    const first = store.listEvents({ includeActioned: 'true', pageSize: 10 });
    expect(first.nextToken).toBeDefined();
    const second = store.listEvents({
      includeActioned: 'true',
      pageSize: 50,
      nextToken: first.nextToken,
    });
    expect(second.data[0]?.id).toBe(events[10]?.id);
    expect(storeError(() => store.listEvents({ nextToken: first.nextToken })).message).toMatch(
      /^nextToken: belongs to a different query/,
    );
    expect(storeError(() => store.listEvents({ nextToken: '!!' })).message).toMatch(
      /^nextToken: is not a valid pagination token/,
    );
  });

  it('ids (comma-separated or repeated) returns those events, actioned or not, alone', () => {
    const actioned = events.find((e) => e.dtActioned !== undefined);
    const ids = [SEED_IDS.events.validation, actioned?.id ?? '', 'no-such-event'];
    const expected = events.filter((e) => ids.includes(e.id)).map((e) => e.id);
    expect(expected).toHaveLength(2);
    expect(store.listEvents({ ids: ids.join(',') }).data.map((e) => e.id)).toEqual(expected);
    expect(store.listEvents({ ids }).data.map((e) => e.id)).toEqual(expected);
    const paged = walk((nextToken) => store.listEvents({ ids, pageSize: 1, nextToken }));
    expect(paged.items.map((e) => e.id)).toEqual(expected);

    for (const other of [
      { eventName: 'integration.perform.error' },
      { includeActioned: 'true' },
      { accountId: SEED_IDS.accounts.acme, resourceId: SEED_IDS.bigBill },
    ]) {
      const error = storeError(() => store.listEvents({ ids, ...other }));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/^ids: cannot be combined with other filters \(/);
    }
  });

  it('getEvent, getBill and getAccount answer 404 for unknown ids', () => {
    expect(store.getEvent(SEED_IDS.events.missingMapping).id).toBe(SEED_IDS.events.missingMapping);
    for (const [fn, message] of [
      [() => store.getEvent('nope'), 'Event not found: nope'],
      [() => store.getBill('nope'), 'Bill not found: nope'],
      [() => store.getAccount('nope'), 'Account not found: nope'],
    ] as const) {
      const error = storeError(fn);
      expect([error.status, error.message]).toEqual([404, message]);
    }
  });
});

describe('events: the seed', () => {
  it('has several hundred events, every integration event name, and unactioned ones of each', () => {
    expect(events.length).toBeGreaterThanOrEqual(200);
    expect(events.length).toBeLessThanOrEqual(600);
    for (const name of INTEGRATION_EVENT_NAMES) {
      const named = events.filter((e) => e.eventName === name);
      expect(named.length, name).toBeGreaterThan(0);
      expect(
        named.some((e) => e.dtActioned === undefined),
        name,
      ).toBe(true);
    }
    // Most events older than a week were actioned.
    const old = events.filter((e) => Date.parse(e.eventTime) < anchorMs - 7 * DAY);
    const oldActioned = old.filter((e) => e.dtActioned !== undefined);
    expect(oldActioned.length / old.length).toBeGreaterThan(0.6);
  });

  it('every event is the failed run it reports: same entity, account, config, destination, time', () => {
    const bills = new Map(createSeed(SEED_ANCHOR).bills.map((b) => [b.id, b]));
    const expectedName = (run: IntegrationRun, d: SeedEventData) =>
      run.status === 'AUTH_FAILED'
        ? ['integration.authentication.error']
        : run.status === 'DISABLED'
          ? ['integration.disabled.error']
          : d.m3terEntity === 'Account'
            ? ['integration.missingaccountmapping.error']
            : ['integration.validation.error', 'integration.perform.error'];
    const problems: string[] = [];
    for (const event of events) {
      const d = dataOf(event);
      const config = configById.get(d.integrationConfigId);
      const t = Date.parse(event.eventTime);
      if (!config) problems.push(`${event.id}: unknown config`);
      if (
        config &&
        (config.destination !== d.destination || config.destinationId !== d.destinationId)
      )
        problems.push(`${event.id}: destination is not its config's`);
      if (!d.message) problems.push(`${event.id}: no message`);
      if (event.dtActioned !== undefined) {
        const actioned = Date.parse(event.dtActioned);
        if (!(actioned > t && actioned <= anchorMs)) problems.push(`${event.id}: dtActioned`);
      }
      if (t > anchorMs || t < anchorMs - 31 * DAY) problems.push(`${event.id}: eventTime`);
      if (d.integrationRunId === undefined) {
        // The auto-disable of a config: no run, no entity, still disabled, never actioned.
        if (event.eventName !== 'integration.disabled.error' || config?.enabled !== false)
          problems.push(`${event.id}: no run`);
        if (event.dtActioned !== undefined) problems.push(`${event.id}: auto-disable actioned`);
        continue;
      }
      const run = runById.get(d.integrationRunId);
      if (!run) {
        problems.push(`${event.id}: run ${d.integrationRunId} does not exist`);
        continue;
      }
      if (!expectedName(run, d).includes(event.eventName))
        problems.push(`${event.id}: ${event.eventName} for a ${run.status} run`);
      if (run.entityType !== d.entityType || run.entityId !== d.entityId)
        problems.push(`${event.id}: entity`);
      if (run.destination !== d.destination || run.destinationId !== d.destinationId)
        problems.push(`${event.id}: destination`);
      if (!d.message.startsWith(run.error ?? '')) problems.push(`${event.id}: message`);
      const ended = Date.parse(run.dtCompleted ?? run.dtStarted ?? '');
      if (!(t >= ended && t - ended <= 10_000)) problems.push(`${event.id}: not seconds after`);
      if (run.entityType === 'Bill') {
        if (d.accountId !== bills.get(run.entityId)?.accountId)
          problems.push(`${event.id}: account`);
      } else if (d.accountId !== undefined) problems.push(`${event.id}: Notification account`);
      if (event.eventName === 'integration.missingaccountmapping.error') {
        if (d.m3terId !== d.accountId || d.externalSystem !== d.destination || !d.externalTable)
          problems.push(`${event.id}: mapping facts`);
        if (
          !store
            .listMappingsForM3terEntity('Account', d.m3terId ?? '')
            .data.every((m) => m.externalSystem !== d.externalSystem)
        )
          problems.push(`${event.id}: the account is mapped to ${d.externalSystem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names the well-known cases in SEED_IDS.events, all unactioned', () => {
    const byId = new Map(events.map((e) => [e.id, e]));
    const get = (id: string) => {
      const event = byId.get(id);
      expect(event, id).toBeDefined();
      expect(event?.dtActioned, id).toBeUndefined();
      return event as SeedEvent;
    };
    const missing = get(SEED_IDS.events.missingMapping);
    expect(missing.eventName).toBe('integration.missingaccountmapping.error');
    expect(dataOf(missing)).toMatchObject({
      entityType: 'Bill',
      entityId: SEED_IDS.bills.missingMapping,
      accountId: SEED_IDS.accounts.vandelay,
      integrationConfigId: SEED_IDS.configs.stripeUs,
      destination: 'Stripe',
      m3terEntity: 'Account',
      m3terId: SEED_IDS.accounts.vandelay,
      externalSystem: 'Stripe',
      externalTable: 'Customer',
    });
    const newestOfBill = events.find(
      (e) =>
        e.eventName === 'integration.missingaccountmapping.error' &&
        dataOf(e).entityId === SEED_IDS.bills.missingMapping,
    );
    expect(newestOfBill?.id).toBe(SEED_IDS.events.missingMapping);

    const auth = get(SEED_IDS.events.authentication);
    expect(auth.eventName).toBe('integration.authentication.error');
    expect(dataOf(auth).integrationConfigId).toBe(SEED_IDS.unauthorizedConfig);
    const perform = get(SEED_IDS.events.perform);
    expect(perform.eventName).toBe('integration.perform.error');
    expect(runById.get(dataOf(perform).integrationRunId ?? '')?.status).toBe('ERROR');
    const disabled = get(SEED_IDS.events.disabled);
    expect(disabled.eventName).toBe('integration.disabled.error');
    expect(dataOf(disabled).integrationConfigId).toBe(SEED_IDS.disabledConfig);
    const validation = get(SEED_IDS.events.validation);
    expect(validation.eventName).toBe('integration.validation.error');
    expect(dataOf(validation).entityType).toBe('Bill');
  });

  it('is deterministic and moves with the anchor (same ids, shifted times), never persisted', () => {
    const seed = createSeed(SEED_ANCHOR);
    const bills = seed.bills;
    expect(generateEvents(anchorMs, runs, bills)).toEqual(events);
    const shift = 3 * DAY + 7_000;
    // generateRuns, not createSeed: the cached history of SEED_ANCHOR stays in place for other tests.
    const laterAnchor = new Date(anchorMs + shift).toISOString();
    const later = generateEvents(anchorMs + shift, generateRuns(laterAnchor), bills);
    expect(later.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(later.map((e) => Date.parse(e.eventTime))).toEqual(
      events.map((e) => Date.parse(e.eventTime) + shift),
    );
    expect(Object.keys(store.snapshot())).not.toContain('events');
    expect(JSON.stringify(store.snapshot())).not.toContain(SEED_IDS.events.perform);
  });
});

describe('bills and accounts', () => {
  const seed = createSeed(SEED_ANCHOR);

  it('every seeded Bill has a bill, for its account, and every account a record', () => {
    for (const seedBill of seed.bills) {
      const bill = store.getBill(seedBill.id);
      const account = store.getAccount(bill.accountId ?? '');
      expect(bill).toMatchObject({
        id: seedBill.id,
        accountId: seedBill.accountId,
        accountCode: account.code,
        currency: account.currency,
        sequentialInvoiceNumber: seedBill.invoiceNumber,
      });
      expect(account.name).toBe(seedBill.accountName);
      expect(['PENDING', 'APPROVED']).toContain(bill.status);
      const cents = (bill.billTotal ?? 0) * 100;
      expect(Math.abs(cents - Math.round(cents))).toBeLessThan(1e-6);
      expect(bill.startDate).toMatch(/^\d{4}-\d{2}-01$/);
      expect(bill.endDate! > bill.startDate!).toBe(true);
      expect(bill.dueDate! > bill.billDate!).toBe(true);
      expect(Date.parse(bill.dtCreated ?? '')).toBeLessThanOrEqual(
        Date.parse(bill.dtLastModified ?? ''),
      );
    }
    const billRunIds = new Set(runs.filter((r) => r.entityType === 'Bill').map((r) => r.entityId));
    for (const id of billRunIds) expect(() => store.getBill(id)).not.toThrow();
    expect(store.getBill(SEED_IDS.bigBill)).toMatchObject({ status: 'PENDING', currency: 'EUR' });

    const codes = seed.accounts.map((a) => a.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(store.getAccount(SEED_IDS.accounts.vandelay)).toMatchObject({
      name: 'Vandelay Industries',
      code: 'vandelay-industries',
      currency: 'USD',
    });
  });

  it('a bill is created before its first run and last modified before its latest', () => {
    for (const bill of seed.billRecords) {
      const times = runs
        .filter((r) => r.entityId === bill.id)
        .map((r) => Date.parse(r.dtCreated ?? ''));
      expect(Date.parse(bill.dtCreated ?? '')).toBeLessThan(Math.min(...times));
      expect(Date.parse(bill.dtLastModified ?? '')).toBeLessThan(Math.max(...times));
    }
  });
});

describe('events over HTTP (handlers/events.ts)', () => {
  const base = `${window.location.origin}/m3ter/organizations/2d1c7a4e-5b0f-4c8e-9a51-7e3f0d6b8c21`;

  it('passes repeated ids and every filter through, and answers errors as { message }', async () => {
    const ids = [SEED_IDS.events.perform, SEED_IDS.events.validation];
    const repeated = await fetch(`${base}/events?ids=${ids[0]}&ids=${ids[1]}`);
    const body = (await repeated.json()) as { data: SeedEvent[] };
    expect(body.data.map((e) => e.id).sort()).toEqual([...ids].sort());

    const filtered = await fetch(
      `${base}/events?eventType=IntegrationEvent&eventName=integration.disabled.error&resourceId=${SEED_IDS.disabledConfig}&pageSize=5`,
    );
    expect(((await filtered.json()) as { data: SeedEvent[] }).data.map((e) => e.id)).toEqual([
      SEED_IDS.events.disabled,
    ]);

    const combined = await fetch(`${base}/events?ids=${ids[0]}&accountId=x`);
    expect(combined.status).toBe(400);
    expect(await combined.json()).toEqual({
      message: 'ids: cannot be combined with other filters (accountId)',
    });
    const bill = await fetch(`${base}/bills/${SEED_IDS.bills.missingMapping}`);
    expect(((await bill.json()) as { accountId: string }).accountId).toBe(
      SEED_IDS.accounts.vandelay,
    );
    expect((await fetch(`${base}/accounts/unknown`)).status).toBe(404);
  });
});
