import { FAULTS_OFF, normalizeFaults } from './demo-controls';
import { createFaultSwitch, drawFault } from './faults';
import {
  createLocalStoragePersistence,
  createMemoryPersistence,
  FAULTS_STORAGE_KEY,
  STORE_STORAGE_KEY,
} from './persistence';
import { OTHER_USER_ID, SEED_ANCHOR, SEED_IDS } from './seed';
import { createStore, StoreError } from './store';

const mapping = {
  m3terEntity: 'Account',
  m3terId: SEED_IDS.accounts.vandelay,
  externalSystem: 'Stripe',
  externalTable: 'Customer',
  externalId: 'cus_Vandelay0001',
};

describe('store persistence', () => {
  it('writes a snapshot of configs, mappings and webhook destinations only (runs are regenerated)', () => {
    const persistence = createMemoryPersistence();
    createStore({ persistence });
    const raw = persistence.read() ?? '';
    const snapshot: unknown = JSON.parse(raw);
    expect(snapshot).toMatchObject({ format: 1, anchor: SEED_ANCHOR, seq: 0 });
    expect(Object.keys(snapshot as object).sort()).toEqual([
      'anchor',
      'configs',
      'format',
      'mappings',
      'seq',
      'webhookDestinations',
    ]);
    // Small enough to rewrite on every change.
    expect(raw.length).toBeLessThan(150_000);
  });

  it('keeps edits across a reload (a new store over the same storage)', () => {
    const persistence = createMemoryPersistence();
    const before = createStore({ persistence });
    const config = before.getConfig(SEED_IDS.configs.stripeEu);
    before.updateConfig(config.id, { ...config, name: 'Renamed before reload' });
    const created = before.createMapping(mapping);
    before.deleteMapping(before.listMappings({ pageSize: 2 }).data[1]?.id ?? '');

    const after = createStore({ persistence });
    expect(after.getConfig(config.id)).toMatchObject({
      name: 'Renamed before reload',
      version: (config.version ?? 0) + 1,
    });
    expect(after.getMapping(created.id)).toEqual(created);
    expect(after.snapshot()).toEqual(before.snapshot());
    // The id counter is persisted too, so new ids never collide with earlier ones.
    expect(after.createMapping({ ...mapping, externalId: 'cus_2' }).id).not.toBe(created.id);
  });

  it('lets two stores (two tabs) share one backend, conflicts included', () => {
    const persistence = createMemoryPersistence();
    const tabA = createStore({ persistence });
    const tabB = createStore({ persistence });
    const loadedInA = tabA.getConfig(SEED_IDS.configs.netsuite);
    const loadedInB = tabB.getConfig(SEED_IDS.configs.netsuite);

    tabB.updateConfig(
      loadedInB.id,
      { ...loadedInB, name: 'Saved in tab B' },
      { actor: OTHER_USER_ID },
    );
    expect(tabA.getConfig(loadedInA.id)).toMatchObject({
      name: 'Saved in tab B',
      lastModifiedBy: OTHER_USER_ID,
    });

    let conflict: unknown;
    try {
      tabA.updateConfig(loadedInA.id, { ...loadedInA, name: 'Saved in tab A' });
    } catch (error) {
      conflict = error;
    }
    expect(conflict).toBeInstanceOf(StoreError);
    expect((conflict as StoreError).status).toBe(409);

    const created = tabA.createMapping(mapping);
    expect(tabB.getMapping(created.id)).toEqual(created);
    // Ids stay unique across tabs because the counter travels with the snapshot.
    expect(tabB.createMapping({ ...mapping, externalId: 'cus_B' }).id).not.toBe(created.id);
  });

  it('reset reseeds, clears edits and is seen by the other tab', () => {
    const persistence = createMemoryPersistence();
    let anchors = 0;
    const anchor = () => (anchors++ === 0 ? SEED_ANCHOR : '2026-12-01T00:00:00.000Z');
    const tabA = createStore({ persistence, anchor });
    const tabB = createStore({ persistence, anchor });
    expect(anchors).toBe(1); // tab B loaded tab A's seed rather than seeding again
    const config = tabA.getConfig(SEED_IDS.configs.xeroUk);
    tabA.updateConfig(config.id, { ...config, name: 'Edited' });
    tabA.deleteConfig(SEED_IDS.configs.paddle);

    tabB.reset();
    expect(tabB.anchor).toBe('2026-12-01T00:00:00.000Z');
    expect(tabA.anchor).toBe('2026-12-01T00:00:00.000Z');
    expect(tabA.getConfig(config.id).name).toBe('Xero – UK ledger');
    expect(tabA.getConfig(SEED_IDS.configs.paddle).id).toBe(SEED_IDS.configs.paddle);
    // Runs follow the new anchor.
    expect(tabA.latestRun('Bill', SEED_IDS.bills.started).dtStarted).toBe(
      '2026-11-30T23:58:00.000Z',
    );
  });

  it('re-anchors an old run history at start-up but keeps the edits', () => {
    const persistence = createMemoryPersistence();
    const first = createStore({ persistence });
    const config = first.getConfig(SEED_IDS.configs.xeroUk);
    first.updateConfig(config.id, { ...config, name: 'Kept across visits' });
    const later = '2026-12-24T09:00:00.000Z';
    const options = { persistence, anchor: () => later, clock: () => new Date(later) };

    const sameDay = createStore({ ...options, refreshAnchorAfterMs: 60 * 86_400_000 });
    expect(sameDay.anchor).toBe(SEED_ANCHOR);
    const nextVisit = createStore({ ...options, refreshAnchorAfterMs: 86_400_000 });
    expect(nextVisit.anchor).toBe(later);
    expect(nextVisit.getConfig(config.id).name).toBe('Kept across visits');
    expect(nextVisit.latestRun('Bill', SEED_IDS.bills.started).dtStarted).toBe(
      '2026-12-24T08:58:00.000Z',
    );
  });

  it('reseeds when the snapshot is missing, corrupt or from another format', () => {
    for (const raw of [null, '{not json', JSON.stringify({ format: 0, anchor: SEED_ANCHOR })]) {
      const persistence = createMemoryPersistence(raw);
      const store = createStore({ persistence });
      expect(store.listConfigs({ pageSize: 200 }).data).toHaveLength(14);
      expect(JSON.parse(persistence.read() ?? '{}')).toMatchObject({ format: 1 });
    }
    const persistence = createMemoryPersistence();
    const store = createStore({ persistence });
    store.deleteConfig(SEED_IDS.configs.paddle);
    persistence.clear(); // e.g. the user cleared site data in another tab
    expect(store.getConfig(SEED_IDS.configs.paddle).id).toBe(SEED_IDS.configs.paddle);
  });

  it('uses localStorage under a versioned key in the browser', () => {
    const store = createStore({ persistence: createLocalStoragePersistence() });
    const config = store.getConfig(SEED_IDS.configs.stripeUs);
    store.updateConfig(config.id, { ...config, name: 'Stored in localStorage' });
    expect(STORE_STORAGE_KEY).toMatch(/:v\d+$/);
    expect(window.localStorage.getItem(STORE_STORAGE_KEY)).toContain('Stored in localStorage');
    const reloaded = createStore({ persistence: createLocalStoragePersistence() });
    expect(reloaded.getConfig(config.id).name).toBe('Stored in localStorage');
    reloaded.reset();
    expect(window.localStorage.getItem(STORE_STORAGE_KEY)).not.toContain('Stored in localStorage');
  });
});

describe('fault switch', () => {
  it('is off by default and persists what is set', () => {
    const persistence = createLocalStoragePersistence(FAULTS_STORAGE_KEY);
    const faults = createFaultSwitch(persistence);
    expect(faults.get()).toEqual(FAULTS_OFF);
    faults.set({ latencyMs: 800, failureRate: 0.25 });
    expect(createFaultSwitch(createLocalStoragePersistence(FAULTS_STORAGE_KEY)).get()).toEqual({
      latencyMs: 800,
      failureRate: 0.25,
    });
    faults.reset();
    expect(faults.get()).toEqual(FAULTS_OFF);
  });

  it('clamps nonsense, including a hand-edited stored value', () => {
    expect(normalizeFaults({ latencyMs: -5, failureRate: 3 })).toEqual({
      latencyMs: 0,
      failureRate: 1,
    });
    expect(normalizeFaults({ latencyMs: 'slow' })).toEqual(FAULTS_OFF);
    expect(normalizeFaults(null)).toEqual(FAULTS_OFF);
    window.localStorage.setItem(FAULTS_STORAGE_KEY, '{oops');
    expect(createFaultSwitch(createLocalStoragePersistence(FAULTS_STORAGE_KEY)).get()).toEqual(
      FAULTS_OFF,
    );
  });

  it('fails a request with 500, 503 or 429 at the configured rate', () => {
    expect(drawFault(FAULTS_OFF, () => 0)).toBeUndefined();
    const always = { latencyMs: 0, failureRate: 1 };
    const statuses = [0, 0.4, 0.8].map((r) => drawFault(always, () => r)?.status);
    expect(statuses).toEqual([500, 503, 429]);
    expect(drawFault({ latencyMs: 0, failureRate: 0.3 }, () => 0.5)).toBeUndefined();
  });
});
