import type { IntegrationRun } from '../api/schemas';
import { fromBase64 } from './run-log';
import { DEMO_USER_ID, OTHER_USER_ID, SEED_ANCHOR, SEED_IDS } from './seed';
import { createStore, StoreError, type DemoStore, type PageResult } from './store';

const FIXED_NOW = new Date('2026-11-21T09:30:00.000Z');

let store: DemoStore;
beforeEach(() => {
  store = createStore({ anchor: SEED_ANCHOR, clock: () => FIXED_NOW });
});

/** The StoreError a call throws (fails the test when it does not throw one). */
function storeError(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

/** Follows nextToken to the end; bounded so a paging bug cannot hang the suite. */
function walk<T>(fetchPage: (nextToken: string | undefined) => PageResult<T>): {
  items: T[];
  pages: number;
} {
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

const t = (r: IntegrationRun) => Date.parse(r.dtStarted ?? r.dtCreated ?? '');

const newConfig = {
  entityType: 'Bill',
  destination: 'Stripe',
  destinationId: SEED_IDS.destinations.stripeEu,
  name: 'Stripe – test invoices',
  configData: { currency: 'EUR' },
  integrationCredentialsId: '1a0b9c8d-7e6f-4a5b-8c4d-3e2f1a0b9c8d',
};

const newMapping = {
  m3terEntity: 'Account',
  m3terId: SEED_IDS.accounts.vandelay,
  externalSystem: 'Stripe',
  externalTable: 'Customer',
  externalId: 'cus_Vandelay0001',
};

describe('integration configs', () => {
  it('create sets version 1, an id and audit fields', () => {
    const created = store.createConfig(newConfig);
    expect(created).toMatchObject({ ...newConfig, version: 1, enabled: true, authorized: true });
    expect(created.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(created).toMatchObject({
      dtCreated: FIXED_NOW.toISOString(),
      dtLastModified: FIXED_NOW.toISOString(),
      createdBy: DEMO_USER_ID,
      lastModifiedBy: DEMO_USER_ID,
    });
    expect(store.getConfig(created.id)).toEqual(created);
  });

  it('create ignores a client-sent version and keeps inline credential secrets out', () => {
    const created = store.createConfig({
      entityType: 'Notification',
      destination: 'Webhook',
      version: 7,
      credentials: { type: 'M3TER_SIGNED_REQUEST', apiKey: 'key', secret: 's3cr3t' },
    });
    expect(created.version).toBe(1);
    expect(created.authorized).toBe(true);
    expect(created.integrationCredentialsId).toBeTruthy();
    expect(JSON.stringify(created)).not.toContain('s3cr3t');
  });

  it('update with the current version increments it and records who changed it', () => {
    const current = store.getConfig(SEED_IDS.configs.stripeEu);
    const updated = store.updateConfig(
      current.id,
      { ...current, name: 'Stripe – EU (renamed)' },
      { actor: OTHER_USER_ID },
    );
    expect(updated.version).toBe((current.version ?? 0) + 1);
    expect(updated.name).toBe('Stripe – EU (renamed)');
    expect(updated.lastModifiedBy).toBe(OTHER_USER_ID);
    expect(updated.dtLastModified).toBe(FIXED_NOW.toISOString());
    expect(updated.createdBy).toBe(current.createdBy);
    expect(updated.dtCreated).toBe(current.dtCreated);
  });

  it('PUT with a stale version → 409 naming both versions; nothing changes', () => {
    const current = store.getConfig(SEED_IDS.configs.netsuite);
    store.updateConfig(current.id, { ...current, name: 'first save' });
    const error = storeError(() => store.updateConfig(current.id, { ...current, name: 'second' }));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/version/i);
    expect(error.message).toContain(`expected version ${(current.version ?? 0) + 1}`);
    expect(error.message).toContain(`received ${current.version}`);
    expect(store.getConfig(current.id).name).toBe('first save');
  });

  it('PUT without version → 400 naming version', () => {
    const { version: _omit, ...rest } = store.getConfig(SEED_IDS.configs.netsuite);
    const error = storeError(() => store.updateConfig(rest.id, rest));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^version: /);
  });

  it('PUT is a full replace of the writable fields', () => {
    const current = store.getConfig(SEED_IDS.configs.xeroUk);
    const updated = store.updateConfig(current.id, {
      entityType: 'Bill',
      destination: 'Xero',
      version: current.version,
    });
    expect(updated.name).toBeUndefined();
    expect(updated.configData).toEqual({});
    // Server-owned fields survive a replace.
    expect(updated).toMatchObject({ id: current.id, enabled: true, authorized: true });
  });

  it.each([
    [{ destination: 'Stripe' }, /^entityType: is required/],
    [{ entityType: 'Bill' }, /^destination: is required/],
    [{ entityType: 'Bill', destination: '' }, /^destination: /],
    [{ entityType: 'Bill Run', destination: 'Stripe' }, /^entityType: /],
    [{ entityType: 'Bill', destination: 'Stripe', configData: 'x' }, /^configData: /],
    [
      { entityType: 'Bill', destination: 'Stripe', credentials: { name: 'no type' } },
      /^credentials\.type: is required/,
    ],
  ])('missing or malformed field → 400 naming it (%j)', (body, message) => {
    const error = storeError(() => store.createConfig(body));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });

  it('names every offending field at once', () => {
    const error = storeError(() => store.createConfig({ entityType: 'a b' }));
    expect(error.message).toMatch(/entityType: .*; destination: is required/);
  });

  it('rejects a body that is not an object', () => {
    expect(storeError(() => store.createConfig([])).status).toBe(400);
    expect(storeError(() => store.createConfig('Bill')).status).toBe(400);
  });

  it('unknown id → 404 for get, update, delete and enable', () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const call of [
      () => store.getConfig(id),
      () => store.updateConfig(id, { ...newConfig, version: 1 }),
      () => store.deleteConfig(id),
      () => store.enableConfig(id),
    ]) {
      const error = storeError(call);
      expect(error.status).toBe(404);
      expect(error.message).toContain(id);
    }
  });

  it('delete returns the deleted config, which is then gone', () => {
    const before = store.getConfig(SEED_IDS.configs.paddle);
    expect(store.deleteConfig(before.id)).toEqual(before);
    expect(storeError(() => store.getConfig(before.id)).status).toBe(404);
    expect(store.listConfigs({ pageSize: 200 }).data.map((c) => c.id)).not.toContain(before.id);
  });

  it('enable sets enabled (and bumps the version once)', () => {
    const before = store.getConfig(SEED_IDS.disabledConfig);
    expect(before.enabled).toBe(false);
    const enabled = store.enableConfig(before.id);
    expect(enabled.enabled).toBe(true);
    expect(enabled.version).toBe((before.version ?? 0) + 1);
    expect(store.getConfig(before.id).enabled).toBe(true);
    expect(store.enableConfig(before.id).version).toBe(enabled.version);
  });

  it('re-authorises a config when its credentials change', () => {
    const qb = store.getConfig(SEED_IDS.unauthorizedConfig);
    const updated = store.updateConfig(qb.id, {
      ...qb,
      credentials: { type: 'OAUTH_CLIENT_CREDENTIALS', name: 'QuickBooks reconnect' },
    });
    expect(updated.authorized).toBe(true);
    expect(updated.integrationCredentialsId).not.toBe(qb.integrationCredentialsId);
  });

  it('lists newest first, filters by destinationId, pages with a token', () => {
    const created = store.createConfig(newConfig);
    const first = store.listConfigs({ pageSize: 5 });
    expect(first.data).toHaveLength(5);
    expect(first.data[0]?.id).toBe(created.id);
    const all = walk((nextToken) => store.listConfigs({ pageSize: 4, nextToken })).items;
    expect(all).toHaveLength(15);
    expect(new Set(all.map((c) => c.id)).size).toBe(15);
    const stripeEu = store.listConfigs({ destinationId: SEED_IDS.destinations.stripeEu });
    expect(stripeEu.data.map((c) => c.id).sort()).toEqual(
      [created.id, SEED_IDS.configs.stripeEu].sort(),
    );
  });

  it('get-by-entity picks the config for an entity type, entity and destination', () => {
    expect(
      store.getConfigByEntity('Bill', {
        destination: 'stripe',
        destinationId: SEED_IDS.destinations.stripeUs,
      }).id,
    ).toBe(SEED_IDS.configs.stripeUs);
    expect(
      store.getConfigByEntity('Notification', { entityId: SEED_IDS.notifications[1] }).id,
    ).toBe(SEED_IDS.configs.webhookSlack);
    const error = storeError(() => store.getConfigByEntity('Bill', { destination: 'Oracle' }));
    expect(error.status).toBe(404);
    expect(error.message).toContain('Oracle');
  });

  it('lists the available systems, optionally for one entity type', () => {
    const all = store.availableSystems();
    expect(all.map((s) => s.identifier)).toEqual(
      expect.arrayContaining(['Stripe', 'NetSuite', 'Xero', 'Webhook']),
    );
    const forNotifications = store
      .availableSystems({ entityType: 'Notification' })
      .map((s) => s.identifier);
    expect(forNotifications).toContain('Webhook');
    expect(forNotifications).not.toContain('Stripe');
  });
});

describe('paging rules', () => {
  it.each([0, 201, -1, 1.5, 'ten'])('pageSize %j → 400 naming pageSize', (pageSize) => {
    const error = storeError(() => store.listRunsForEntity('Bill', SEED_IDS.bigBill, { pageSize }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^pageSize: /);
    expect(storeError(() => store.listConfigs({ pageSize })).status).toBe(400);
    expect(storeError(() => store.listMappings({ pageSize })).status).toBe(400);
  });

  it('accepts pageSize 1 and 200, and defaults an empty one', () => {
    expect(store.listRunsForEntity('Bill', SEED_IDS.bigBill, { pageSize: 1 }).data).toHaveLength(1);
    expect(
      store.listRunsForEntity('Bill', SEED_IDS.bigBill, { pageSize: '200' }).data,
    ).toHaveLength(200);
    expect(store.listRunsForEntity('Bill', SEED_IDS.bigBill, { pageSize: '' }).data).toHaveLength(
      20,
    );
  });

  it('nextToken is opaque, absent on the last page, and bound to its query', () => {
    const first = store.listRunsForEntity('Bill', SEED_IDS.bigBill, { pageSize: 50 });
    const token = first.nextToken ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token).not.toContain('50');
    // Another filter or order with this token is refused rather than paged wrongly.
    for (const other of [{ order: 'ASC' }, { status: 'ERROR' }, { startDate: '2026-11-01' }]) {
      const error = storeError(() =>
        store.listRunsForEntity('Bill', SEED_IDS.bigBill, {
          ...other,
          pageSize: 50,
          nextToken: token,
        }),
      );
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/^nextToken: /);
    }
    expect(
      storeError(() =>
        store.listRunsForEntity('Bill', SEED_IDS.bills.started, { nextToken: token }),
      ).status,
    ).toBe(400);
    expect(storeError(() => store.listMappings({ nextToken: token })).status).toBe(400);
    expect(storeError(() => store.listConfigs({ nextToken: 'not-a-token' })).status).toBe(400);
    const small = store.listRunsForEntity('Bill', SEED_IDS.bills.started, { pageSize: 200 });
    expect(small.nextToken).toBeUndefined();
  });

  it.each(['DESC', 'ASC'])(
    'walks every run of the 5,000-run bill exactly once, in %s order',
    (order) => {
      const { items, pages } = walk((nextToken) =>
        store.listRunsForEntity('Bill', SEED_IDS.bigBill, { pageSize: 200, order, nextToken }),
      );
      expect(items.length).toBeGreaterThanOrEqual(5_000);
      expect(new Set(items.map((r) => r.id)).size).toBe(items.length);
      expect(pages).toBe(Math.ceil(items.length / 200));
      for (let i = 1; i < items.length; i++) {
        const [prev, cur] = [items[i - 1], items[i]];
        if (!prev || !cur) continue;
        if (order === 'ASC') expect(t(prev)).toBeLessThanOrEqual(t(cur));
        else expect(t(prev)).toBeGreaterThanOrEqual(t(cur));
      }
    },
  );

  it('both orders hold the same runs, and DESC (the default) starts with the newest', () => {
    const walkIds = (order?: string) =>
      walk((nextToken) =>
        store.listRunsForEntity('Bill', SEED_IDS.bigBill, { pageSize: 200, order, nextToken }),
      ).items.map((r) => r.id);
    const desc = walkIds();
    const asc = walkIds('ASC');
    expect(desc).toEqual([...asc].reverse());
    expect(desc[0]).toBe(store.latestRun('Bill', SEED_IDS.bigBill).id);
  });

  it('walks a status-filtered list exactly once', () => {
    const all = walk((nextToken) =>
      store.listRunsForEntity('Bill', SEED_IDS.bigBill, { pageSize: 200, nextToken }),
    ).items;
    const expected = all.filter((r) => r.status === 'ERROR').map((r) => r.id);
    expect(expected.length).toBeGreaterThan(20);
    for (const pageSize of [7, 200]) {
      const { items } = walk((nextToken) =>
        store.listRunsForEntity('Bill', SEED_IDS.bigBill, { pageSize, status: 'ERROR', nextToken }),
      );
      expect(items.map((r) => r.id)).toEqual(expected);
    }
  });
});

describe('run filters and scoping', () => {
  const bigBillRuns = () =>
    walk((nextToken) =>
      store.listRunsForEntity('Bill', SEED_IDS.bigBill, { pageSize: 200, order: 'ASC', nextToken }),
    ).items;

  it('startDate keeps runs started after it; endDate keeps runs started before or on it', () => {
    const runs = bigBillRuns();
    const pivot = runs[2_500];
    if (!pivot?.dtStarted) throw new Error('seed changed: pivot run has no dtStarted');
    const at = pivot.dtStarted;
    const justBefore = new Date(Date.parse(at) - 1).toISOString();
    const query = (q: { startDate?: string; endDate?: string }) =>
      walk((nextToken) =>
        store.listRunsForEntity('Bill', SEED_IDS.bigBill, { ...q, pageSize: 200, nextToken }),
      ).items.map((r) => r.id);

    expect(query({ startDate: at })).not.toContain(pivot.id);
    expect(query({ endDate: at })).toContain(pivot.id);
    expect(query({ endDate: justBefore })).not.toContain(pivot.id);
    expect(query({ startDate: at, endDate: at })).toEqual([]);
    expect(query({ startDate: justBefore, endDate: at })).toEqual([pivot.id]);

    const after = query({ startDate: at });
    expect(after).toHaveLength(runs.filter((r) => t(r) > Date.parse(at)).length);
    const upTo = query({ endDate: at });
    expect(upTo).toHaveLength(runs.filter((r) => t(r) <= Date.parse(at)).length);
  });

  it('accepts plain dates and rejects unparseable ones naming the field', () => {
    const sinceNov19 = store.listRunsForEntity('Bill', SEED_IDS.bigBill, {
      startDate: '2026-11-19',
      pageSize: 200,
      order: 'ASC',
    });
    expect(t(sinceNov19.data[0] as IntegrationRun)).toBeGreaterThan(
      Date.parse('2026-11-19T00:00:00Z'),
    );
    expect(
      storeError(() =>
        store.listRunsForEntity('Bill', SEED_IDS.bigBill, { startDate: 'yesterday' }),
      ).message,
    ).toMatch(/^startDate: /);
    expect(
      storeError(() => store.listRunsForEntity('Bill', SEED_IDS.bigBill, { endDate: '2026-13-45' }))
        .message,
    ).toMatch(/^endDate: /);
  });

  it('rejects an unknown status or order naming the parameter', () => {
    expect(
      storeError(() => store.listRunsForEntity('Bill', SEED_IDS.bigBill, { status: 'FAILED' }))
        .message,
    ).toMatch(/^status: /);
    expect(
      storeError(() => store.listRunsForEntity('Bill', SEED_IDS.bigBill, { order: 'newest' }))
        .message,
    ).toMatch(/^order: /);
  });

  it('scopes runs per entity', () => {
    const page = store.listRunsForEntity('Bill', SEED_IDS.bills.retryChain, { pageSize: 200 });
    expect(page.data.length).toBeGreaterThan(3);
    expect(
      page.data.every((r) => r.entityId === SEED_IDS.bills.retryChain && r.entityType === 'Bill'),
    ).toBe(true);
    expect(page.data.map((r) => r.id)).toContain(SEED_IDS.runs.retryGrandchild);
    const notification = store.listRunsForEntity('Notification', SEED_IDS.notifications[0], {
      pageSize: 200,
    });
    expect(notification.data.length).toBeGreaterThan(0);
    expect(notification.data.every((r) => r.entityType === 'Notification')).toBe(true);
    // The entity type is part of the scope: a Bill id is not a Notification.
    expect(store.listRunsForEntity('Notification', SEED_IDS.bigBill).data).toEqual([]);
    expect(store.listRunsForEntity('Bill', '00000000-0000-4000-8000-000000000000').data).toEqual(
      [],
    );
  });

  it('scopes runs per destination, optionally by destination system', () => {
    const { items } = walk((nextToken) =>
      store.listRunsForDestination(SEED_IDS.destinations.stripeEu, {
        pageSize: 200,
        status: 'COMPLETE',
        nextToken,
      }),
    );
    expect(items.length).toBeGreaterThan(1_000);
    expect(
      items.every(
        (r) => r.destinationId === SEED_IDS.destinations.stripeEu && r.status === 'COMPLETE',
      ),
    ).toBe(true);
    expect(
      store.listRunsForDestination(SEED_IDS.destinations.stripeEu, { destination: 'stripe' }).data
        .length,
    ).toBe(20);
    expect(
      store.listRunsForDestination(SEED_IDS.destinations.stripeEu, { destination: 'NetSuite' })
        .data,
    ).toEqual([]);
  });

  it('gets one run, the latest run of an entity, and latest runs for several ids', () => {
    expect(store.getRun(SEED_IDS.runs.retryChild).parentIntegrationRunId).toBe(
      SEED_IDS.runs.retryRoot,
    );
    expect(storeError(() => store.getRun('nope')).status).toBe(404);
    const latest = store.latestRun('Bill', SEED_IDS.bills.waiting);
    expect(latest.id).toBe(SEED_IDS.runs.waiting);
    expect(storeError(() => store.latestRun('Bill', 'nope')).status).toBe(404);
    const several = store.latestRuns('Bill', [
      `${SEED_IDS.bills.waiting},${SEED_IDS.bills.started}`,
      'nope',
    ]);
    expect(several.map((r) => r.entityId)).toEqual([
      SEED_IDS.bills.waiting,
      SEED_IDS.bills.started,
    ]);
  });

  it('returns a run log as base64, and 404 when the run has none', () => {
    const log = store.runLog(SEED_IDS.runs.retryRoot);
    const text = fromBase64(log.Payload);
    expect(text).toContain(`Integration run ${SEED_IDS.runs.retryRoot} started`);
    expect(text).toContain('ERROR');
    const error = storeError(() => store.runLog(SEED_IDS.runs.waiting));
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/log/i);
    expect(storeError(() => store.runLog('nope')).status).toBe(404);
  });
});

describe('external mappings', () => {
  it('create sets version 1 and audit fields; delete returns the mapping', () => {
    const created = store.createMapping(newMapping);
    expect(created).toMatchObject({ ...newMapping, version: 1, createdBy: DEMO_USER_ID });
    expect(store.getMapping(created.id)).toEqual(created);
    expect(store.deleteMapping(created.id)).toEqual(created);
    expect(storeError(() => store.getMapping(created.id)).status).toBe(404);
  });

  it('update checks the version like configs do', () => {
    const created = store.createMapping(newMapping);
    const updated = store.updateMapping(created.id, {
      ...newMapping,
      externalId: 'cus_New',
      version: 1,
    });
    expect(updated).toMatchObject({ externalId: 'cus_New', version: 2 });
    const stale = storeError(() => store.updateMapping(created.id, { ...newMapping, version: 1 }));
    expect(stale.status).toBe(409);
    expect(stale.message).toMatch(/version/i);
    expect(storeError(() => store.updateMapping(created.id, newMapping)).message).toMatch(
      /^version: /,
    );
  });

  it.each([
    ['m3terEntity', { ...newMapping, m3terEntity: undefined }, /^m3terEntity: is required/],
    ['externalId', { ...newMapping, externalId: ' cus_1' }, /^externalId: /],
    ['externalTable', { ...newMapping, externalTable: 'Cust\u0007omer' }, /^externalTable: /],
    [
      'integrationConfigId',
      { ...newMapping, integrationConfigId: 'nope' },
      /^integrationConfigId: /,
    ],
  ])('missing or malformed %s → 400 naming it', (_field, body, message) => {
    const error = storeError(() => store.createMapping(body));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });

  it('unknown id → 404 for get, update and delete', () => {
    expect(storeError(() => store.getMapping('nope')).status).toBe(404);
    expect(
      storeError(() => store.updateMapping('nope', { ...newMapping, version: 1 })).status,
    ).toBe(404);
    expect(storeError(() => store.deleteMapping('nope')).status).toBe(404);
  });

  it('filters by externalSystemId (the system name)', () => {
    const { items } = walk((nextToken) =>
      store.listMappings({ externalSystemId: 'Stripe', pageSize: 200, nextToken }),
    );
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((m) => m.externalSystem === 'Stripe')).toBe(true);
  });

  it('filters by m3terIds, comma-separated or repeated', () => {
    const ids = [SEED_IDS.accounts.acme, SEED_IDS.accounts.globex];
    const comma = store.listMappings({ m3terIds: ids.join(','), pageSize: 200 }).data;
    const repeated = store.listMappings({ m3terIds: ids, pageSize: 200 }).data;
    expect(comma.length).toBeGreaterThanOrEqual(4);
    expect(comma.every((m) => ids.includes(m.m3terId))).toBe(true);
    expect(new Set(comma.map((m) => m.m3terId))).toEqual(new Set(ids));
    expect(repeated).toEqual(comma);
    expect(store.listMappings({ m3terIds: [], pageSize: 200 }).data).toHaveLength(
      store.snapshot().mappings.length,
    );
  });

  it('filters by integrationConfigId and combines filters', () => {
    const linked = store.listMappings({
      integrationConfigId: SEED_IDS.configs.netsuite,
      pageSize: 200,
    }).data;
    expect(linked.length).toBeGreaterThan(5);
    expect(linked.every((m) => m.integrationConfigId === SEED_IDS.configs.netsuite)).toBe(true);
    const both = store.listMappings({
      integrationConfigId: SEED_IDS.configs.netsuite,
      externalSystemId: 'Stripe',
    }).data;
    expect(both).toEqual([]);
  });

  it('lists newest first and walks every mapping exactly once', () => {
    const created = store.createMapping(newMapping);
    const { items } = walk((nextToken) => store.listMappings({ pageSize: 17, nextToken }));
    expect(items[0]?.id).toBe(created.id);
    expect(new Set(items.map((m) => m.id)).size).toBe(items.length);
    expect(items.length).toBe(store.snapshot().mappings.length);
  });

  it('lists mappings of one m3ter entity and of one external entity', () => {
    const acme = store.listMappingsForM3terEntity('Account', SEED_IDS.accounts.acme).data;
    expect(acme.map((m) => m.externalSystem).sort()).toEqual(['NetSuite', 'Salesforce', 'Stripe']);
    const stripe = acme.find((m) => m.externalSystem === 'Stripe');
    if (!stripe) throw new Error('seed changed: Acme has no Stripe mapping');
    const back = store.listMappingsForExternalEntity('Stripe', 'Customer', stripe.externalId).data;
    expect(back.map((m) => m.id)).toEqual([stripe.id]);
    expect(store.listMappingsForExternalEntity('Stripe', 'Customer', 'cus_nobody').data).toEqual(
      [],
    );
    expect(
      storeError(() =>
        store.listMappingsForM3terEntity('Account', SEED_IDS.accounts.acme, { pageSize: 0 }),
      ).status,
    ).toBe(400);
  });

  it('describes the mapping configuration: m3ter entities and systems with tables', () => {
    const configuration = store.mappingConfiguration();
    expect(configuration.m3terEntities).toEqual(
      expect.arrayContaining([
        'Account',
        'Product',
        'Plan',
        'PlanTemplate',
        'Meter',
        'Aggregation',
        'Bill',
      ]),
    );
    const byName = new Map(configuration.externalSystems.map((s) => [s.name, s]));
    expect(byName.get('Stripe')?.allowCustomExternalTables).toBe(false);
    expect(byName.get('Stripe')?.tables).toEqual(
      expect.arrayContaining(['Customer', 'Product', 'Price', 'Invoice']),
    );
    expect(byName.get('NetSuite')?.tables).toEqual(
      expect.arrayContaining(['Customer', 'Item', 'Subsidiary']),
    );
    expect(byName.get('Xero')?.tables).toEqual(
      expect.arrayContaining(['Contact', 'Item', 'Account']),
    );
    expect(byName.get('QuickBooks')?.tables).toEqual(expect.arrayContaining(['Customer', 'Item']));
    expect(byName.get('Salesforce')).toMatchObject({ allowCustomExternalTables: true });
  });

  it('lists external entity values for systems that can be queried', () => {
    const customers = store.externalEntityValues('Stripe', 'Account');
    expect(customers.find((c) => c.externalName === 'Acme Corp')?.externalId).toMatch(/^cus_/);
    // Unmapped customers are offered too: that is what the picker is for.
    expect(customers.map((c) => c.externalName)).toContain('Vandelay Industries');
    expect(
      store.externalEntityValues('STRIPE', 'Plan').every((p) => p.externalId.startsWith('price_')),
    ).toBe(true);
    expect(
      store.externalEntityValues('Stripe', 'Account', { externalTable: 'TaxRate' }),
    ).toHaveLength(2);
    expect(
      store.externalEntityValues('NetSuite', 'Account', { externalTable: 'Subsidiary' }).length,
    ).toBe(3);
    expect(store.externalEntityValues('Xero', 'Account').length).toBeGreaterThan(0);
  });

  it('returns [] where the system cannot be queried, until it is authorised', () => {
    expect(store.externalEntityValues('Paddle', 'Account')).toEqual([]);
    expect(store.externalEntityValues('HubSpot', 'Account')).toEqual([]);
    expect(store.externalEntityValues('Oracle', 'Account')).toEqual([]);
    expect(store.externalEntityValues('Stripe', 'Account', { externalTable: 'Refund' })).toEqual(
      [],
    );
    // QuickBooks' only config lost its token.
    expect(store.externalEntityValues('QuickBooks', 'Account')).toEqual([]);
    const qb = store.getConfig(SEED_IDS.unauthorizedConfig);
    store.updateConfig(qb.id, { ...qb, credentials: { type: 'OAUTH_CLIENT_CREDENTIALS' } });
    expect(store.externalEntityValues('QuickBooks', 'Account').length).toBeGreaterThan(5);
  });

  it('looks values up with a specific credential', () => {
    const stripeEu = store.getConfig(SEED_IDS.configs.stripeEu);
    const xeroAu = store.getConfig(SEED_IDS.configs.xeroAu);
    expect(
      store.externalEntityValues('Stripe', 'Account', {
        integrationCredentialsId: stripeEu.integrationCredentialsId,
      }).length,
    ).toBeGreaterThan(5);
    expect(
      store.externalEntityValues('Xero', 'Account', {
        integrationCredentialsId: xeroAu.integrationCredentialsId,
      }),
    ).toEqual([]);
    expect(
      storeError(() =>
        store.externalEntityValues('Stripe', 'Account', { integrationCredentialsId: 'nope' }),
      ).status,
    ).toBe(404);
  });
});
