// @vitest-environment node
/**
 * The page and its demo worker over a real message channel: answers rebuilt as Responses, the
 * network for what no handler matches, aborts, storage kept in step both ways, and failures to start.
 */
import { delay, getResponse, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DemoBackendOptions } from './demo-backend';
import { connectDemoBackend, serveDemoBackend } from './demo-channel';
import { FAULTS_STORAGE_KEY, STORE_STORAGE_KEY } from './persistence';

const BASE = 'http://localhost:5173';

const handlers = (options: DemoBackendOptions) => [
  http.get('*/m3ter/organizations/:orgId/integrationconfigs', ({ request }) =>
    HttpResponse.json({ data: [{ id: 'c-1' }], asked: new URL(request.url).searchParams.get('q') }),
  ),
  http.post('*/m3ter/organizations/:orgId/integrationconfigs', async ({ request }) =>
    HttpResponse.json({ created: await request.json() }, { status: 201 }),
  ),
  http.delete('*/m3ter/organizations/:orgId/integrationconfigs/:id', () =>
    HttpResponse.json(null, { status: 204 }),
  ),
  http.get('*/m3ter/organizations/:orgId/slow', async () => {
    await delay(10_000);
    return HttpResponse.json({ late: true });
  }),
  // What the backend finds in a slot, and a write to one (as the fake m3ter does on every edit).
  http.get('*/m3ter/organizations/:orgId/slot', () =>
    HttpResponse.json({ faults: options.storage(FAULTS_STORAGE_KEY).read() }),
  ),
  http.put('*/m3ter/organizations/:orgId/slot', async ({ request }) => {
    options.storage(STORE_STORAGE_KEY).write(await request.text());
    return HttpResponse.json({ ok: true });
  }),
  // The store slot as the backend has it; `?write=` writes it first (a GET: sent without waiting).
  http.get('*/m3ter/organizations/:orgId/store', ({ request }) => {
    const value = new URL(request.url).searchParams.get('write');
    if (value !== null) options.storage(STORE_STORAGE_KEY).write(value);
    return HttpResponse.json({ store: options.storage(STORE_STORAGE_KEY).read() });
  }),
];

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

function connect({
  storage = memoryStorage(),
  network = vi.fn<typeof fetch>(),
  failed = new Promise<never>(() => undefined),
  create = (options: DemoBackendOptions) => {
    const all = handlers(options);
    return { answer: (request: Request) => getResponse(all, request), reset: vi.fn() };
  },
}: {
  storage?: Storage;
  network?: typeof fetch;
  failed?: Promise<never>;
  create?: Parameters<typeof serveDemoBackend>[1];
} = {}) {
  const channel = new MessageChannel();
  channels.push(channel);
  serveDemoBackend(channel.port2, create);
  const connection = connectDemoBackend(channel.port1, {
    actor: 'USER_tab',
    storage,
    network,
    failed,
  });
  return { connection, storage, network };
}

describe('the demo backend over its channel', () => {
  it('answers matched requests from the handlers, bodies and statuses intact, without the network', async () => {
    const { connection, network } = connect();
    await connection.ready;
    const res = await connection.fetch(
      `${BASE}/m3ter/organizations/o-1/integrationconfigs?q=stripe`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ data: [{ id: 'c-1' }], asked: 'stripe' });

    const created = await connection.fetch(`${BASE}/m3ter/organizations/o-1/integrationconfigs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Stripe' }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ created: { name: 'Stripe' } });

    const deleted = await connection.fetch(
      `${BASE}/m3ter/organizations/o-1/integrationconfigs/c-1`,
      { method: 'DELETE' },
    );
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect(network).not.toHaveBeenCalled();
  });

  it('takes requests before the backend has started, and answers them once it has', async () => {
    const { connection } = connect();
    const early = connection.fetch(`${BASE}/m3ter/organizations/o-1/integrationconfigs`);
    expect((await early).status).toBe(200);
  });

  it('sends what no handler matches to the network, as it was asked', async () => {
    const network = vi.fn<typeof fetch>(() => Promise.resolve(new Response('asset')));
    const { connection } = connect({ network });
    const res = await connection.fetch(`${BASE}/assets/index.js`, { method: 'GET' });
    expect(await res.text()).toBe('asset');
    expect(network).toHaveBeenCalledWith(`${BASE}/assets/index.js`, { method: 'GET' });
  });

  it('ends a request when its signal aborts (a timeout, a caller that gave up)', async () => {
    const { connection } = connect();
    const controller = new AbortController();
    const pending = connection.fetch(`${BASE}/m3ter/organizations/o-1/slow`, {
      signal: controller.signal,
    });
    controller.abort(new DOMException('The request timed out', 'TimeoutError'));
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });

    const already = AbortSignal.abort(new DOMException('Gone', 'AbortError'));
    await expect(
      connection.fetch(`${BASE}/m3ter/organizations/o-1/integrationconfigs`, { signal: already }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });

  it("starts from the page's storage, writes back to it, and picks up what changes there", async () => {
    const storage = memoryStorage({ [FAULTS_STORAGE_KEY]: '{"latencyMs":5}' });
    const { connection } = connect({ storage });
    const slot = async () =>
      (await connection.fetch(`${BASE}/m3ter/organizations/o-1/slot`)).json() as Promise<unknown>;
    expect(await slot()).toEqual({ faults: '{"latencyMs":5}' });

    await connection.fetch(`${BASE}/m3ter/organizations/o-1/slot`, {
      method: 'PUT',
      body: '{"configs":[]}',
    });
    expect(storage.getItem(STORE_STORAGE_KEY)).toBe('{"configs":[]}');

    // Another tab (or this page's fault switch, or the page back from the back/forward cache)
    // changed a slot; then another cleared everything. The next request sees it.
    storage.setItem(FAULTS_STORAGE_KEY, '{"latencyMs":9}');
    expect(await slot()).toEqual({ faults: '{"latencyMs":9}' });
    storage.clear();
    expect(await slot()).toEqual({ faults: null });
  });

  it("never takes another tab's older value over its own write that is still on its way", async () => {
    const storage = memoryStorage({ [STORE_STORAGE_KEY]: 'seed' });
    const { connection } = connect({ storage });
    await connection.ready;
    // This tab writes (the worker's write is reported back asynchronously)...
    const mine = connection.fetch(`${BASE}/m3ter/organizations/o-1/store?write=mine`);
    // ...while another tab's write lands in storage before this page has stored its own.
    storage.setItem(STORE_STORAGE_KEY, 'theirs');
    const read = connection.fetch(`${BASE}/m3ter/organizations/o-1/store`);
    await mine;
    // This tab wrote last: storage and its backend agree on its value.
    expect(await (await read).json()).toEqual({ store: 'mine' });
    expect(storage.getItem(STORE_STORAGE_KEY)).toBe('mine');
  });

  it('passes the reset on to the backend, and settles once storage has the seed', async () => {
    const storage = memoryStorage({ [STORE_STORAGE_KEY]: 'edited' });
    const { connection } = connect({
      storage,
      create: ({ storage: slot }) => ({
        answer: () => Promise.resolve(undefined),
        reset: () => slot(STORE_STORAGE_KEY).write('seed'),
      }),
    });
    await connection.reset();
    expect(storage.getItem(STORE_STORAGE_KEY)).toBe('seed');
  });

  it('fails calls like the network when the backend cannot start', async () => {
    const { connection } = connect({
      create: () => {
        throw new Error('seed broke');
      },
    });
    await expect(connection.ready).rejects.toThrow('seed broke');
    await expect(
      connection.fetch(`${BASE}/m3ter/organizations/o-1/integrationconfigs`),
    ).rejects.toThrow(TypeError);
  });

  it('fails waiting and later calls when the worker cannot load', async () => {
    let fail: (error: Error) => void = () => undefined;
    const failed = new Promise<never>((_, reject) => (fail = reject));
    // No backend answers on this channel: only the worker's failure can end the call.
    const channel = new MessageChannel();
    channels.push(channel);
    const connection = connectDemoBackend(channel.port1, {
      actor: 'USER_tab',
      storage: memoryStorage(),
      network: vi.fn<typeof fetch>(),
      failed,
    });
    const waiting = connection.fetch(`${BASE}/m3ter/organizations/o-1/integrationconfigs`);
    fail(new Error('its worker could not be loaded'));
    await expect(connection.ready).rejects.toThrow('its worker could not be loaded');
    await expect(waiting).rejects.toThrow(/not running \(its worker could not be loaded\)/);
    await expect(
      connection.fetch(`${BASE}/m3ter/organizations/o-1/integrationconfigs`),
    ).rejects.toThrow(TypeError);
  });
});
