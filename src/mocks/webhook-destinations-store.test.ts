import { createMemoryPersistence } from './persistence';
import { CONFIG_IDS } from './seed-catalogue';
import { SEED_ANCHOR, SEED_IDS } from './seed';
import { WEBHOOK_URLS } from './seed-webhook-destinations';
import { createStore, StoreError, type DemoStore } from './store';

const FIXED_NOW = new Date('2026-11-21T09:30:00.000Z');
const credentials = { type: 'M3TER_SIGNED_REQUEST', apiKey: 'ak-live-123', secret: 'sh-456' };
const body = {
  name: 'Finance hook',
  description: 'Bill approved → warehouse',
  url: 'https://hooks.finance.example.com/m3ter',
  code: 'finance_hook',
  credentials,
};

let store: DemoStore;
beforeEach(() => {
  store = createStore({ anchor: SEED_ANCHOR, clock: () => FIXED_NOW });
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

describe('fake m3ter: webhook destinations', () => {
  it('seeds one destination per webhook config, at the URL its run errors name', () => {
    const configs = store
      .listConfigs({ pageSize: 200 })
      .data.filter((c) => c.destination === 'Webhook');
    expect(configs).toHaveLength(4);
    for (const config of configs) {
      const destination = store.getWebhookDestination(config.destinationId ?? '');
      expect(destination.url).toBe(WEBHOOK_URLS[config.id]);
      expect(destination.url).toMatch(/^https:\/\//);
      expect(destination.name).toBeTruthy();
      expect(destination.code).toBeTruthy();
    }
    expect(store.getWebhookDestination(SEED_IDS.destinations.webhookPagerduty).active).toBe(false);
    expect(WEBHOOK_URLS[CONFIG_IDS.webhookSlack]).toContain('relay.acme.example.com');
  });

  it('pages with nextToken and filters by ids', () => {
    const first = store.listWebhookDestinations({ pageSize: 3 });
    expect(first.data).toHaveLength(3);
    const second = store.listWebhookDestinations({ pageSize: 3, nextToken: first.nextToken });
    expect(second.data).toHaveLength(1);
    expect(second.nextToken).toBeUndefined();
    const ids = [SEED_IDS.destinations.webhookOps, SEED_IDS.destinations.webhookSlack];
    expect(
      store
        .listWebhookDestinations({ ids: ids.join(',') })
        .data.map((d) => d.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(storeError(() => store.listWebhookDestinations({ pageSize: 0 })).status).toBe(400);
  });

  it('requires name, description, url and credentials, and refuses URLs m3ter cannot reach', () => {
    expect(storeError(() => store.createWebhookDestination({})).message).toMatch(
      /name: is required.*description: is required.*url: is required.*credentials: is required/,
    );
    const refuse = (url: string) =>
      storeError(() => store.createWebhookDestination({ ...body, url })).message;
    expect(refuse('https://hooks.nowhere.invalid/x')).toBe(
      'url: Unable to resolve host hooks.nowhere.invalid: the URL must be a valid DNS name',
    );
    expect(refuse('https://does-not-resolve.example/hook')).toMatch(/^url: Unable to resolve host/);
    expect(refuse('https://a b.example.com')).toMatch(/^url: .* is not a valid URL/);
    expect(refuse('ftp://files.example.com')).toMatch(/^url: must be an http or https URL/);
    expect(
      storeError(() =>
        store.createWebhookDestination({ ...body, credentials: { type: 'M3TER_SIGNED_REQUEST' } }),
      ).message,
    ).toBe('credentials.apiKey: is required; credentials.secret: is required');
    expect(
      storeError(() => store.createWebhookDestination({ ...body, code: 'slack_relay' })).message,
    ).toMatch(/^code: /);
  });

  it('never answers or persists the api key or secret, and keeps them when an update leaves them out', () => {
    const persistence = createMemoryPersistence();
    const persisted = createStore({ anchor: SEED_ANCHOR, persistence });
    const created = persisted.createWebhookDestination(body);
    const raw = persistence.read() ?? '';
    expect(raw).not.toContain('ak-live-123');
    expect(raw).not.toContain('sh-456');
    expect(JSON.stringify(created)).not.toMatch(/ak-live-123|sh-456/);
    expect(created).toMatchObject({ version: 1, active: true, code: 'finance_hook' });
    const credentialsBefore = (created.credentials as { version: number }).version;

    const kept = persisted.updateWebhookDestination(created.id, {
      ...body,
      name: 'Renamed',
      credentials: { type: 'M3TER_SIGNED_REQUEST' },
      version: 1,
    });
    expect(kept).toMatchObject({ version: 2, name: 'Renamed' });
    expect((kept.credentials as { version: number }).version).toBe(credentialsBefore);

    const replaced = persisted.updateWebhookDestination(created.id, {
      ...body,
      credentials: { ...credentials, secret: 'rotated' },
      version: 2,
    });
    expect((replaced.credentials as { version: number }).version).toBe(credentialsBefore + 1);
    expect(persistence.read()).not.toContain('rotated');
    // Another "tab" reads the same destinations back.
    const other = createStore({ anchor: SEED_ANCHOR, persistence });
    expect(other.getWebhookDestination(created.id).version).toBe(3);
  });

  it('checks versions, answers 404 for unknown ids, and toggles active', () => {
    const id = SEED_IDS.destinations.webhookOps;
    const current = store.getWebhookDestination(id);
    const update = {
      ...body,
      code: 'acme_ops_alerts',
      credentials: { type: 'M3TER_SIGNED_REQUEST' },
    };
    expect(storeError(() => store.updateWebhookDestination(id, update)).message).toMatch(
      /^version: /,
    );
    expect(
      storeError(() =>
        store.updateWebhookDestination(id, { ...update, version: Number(current.version) + 1 }),
      ).status,
    ).toBe(409);
    const off = store.setWebhookDestinationActive(id, 'false');
    expect(off).toMatchObject({ active: false, version: Number(current.version) + 1 });
    expect(storeError(() => store.setWebhookDestinationActive(id, 'maybe')).status).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(storeError(() => store.getWebhookDestination(unknown)).status).toBe(404);
    expect(storeError(() => store.deleteWebhookDestination(unknown)).status).toBe(404);
    store.deleteWebhookDestination(id);
    expect(storeError(() => store.getWebhookDestination(id)).status).toBe(404);
  });
});
