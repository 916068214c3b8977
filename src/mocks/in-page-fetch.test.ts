/** The demo backend's fetch: answers what the handlers match, in the page; aborts end it; the rest goes on. */
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createInPageFetch } from './in-page-fetch';

const BASE = 'http://localhost:5173';

const handlers = [
  http.get('*/m3ter/organizations/:orgId/integrationconfigs', ({ request }) =>
    HttpResponse.json({ data: [{ id: 'c-1' }], asked: new URL(request.url).searchParams.get('q') }),
  ),
  http.post('*/m3ter/organizations/:orgId/integrationconfigs', async ({ request }) =>
    HttpResponse.json({ created: await request.json() }, { status: 201 }),
  ),
  http.get('*/m3ter/organizations/:orgId/slow', async () => {
    await delay(10_000);
    return HttpResponse.json({ late: true });
  }),
];

describe('createInPageFetch', () => {
  it('answers a matched request from the handlers, without the network', async () => {
    const network = vi.fn<typeof fetch>();
    const inPage = createInPageFetch(handlers, network);
    const res = await inPage(`${BASE}/m3ter/organizations/o-1/integrationconfigs?q=stripe`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: [{ id: 'c-1' }], asked: 'stripe' });
    const created = await inPage(`${BASE}/m3ter/organizations/o-1/integrationconfigs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Stripe' }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ created: { name: 'Stripe' } });
    expect(network).not.toHaveBeenCalled();
  });

  it('sends what no handler matches to the network, as it was asked', async () => {
    const network = vi.fn<typeof fetch>(() => Promise.resolve(new Response('asset')));
    const inPage = createInPageFetch(handlers, network);
    const res = await inPage(`${BASE}/assets/index.js`, { method: 'GET' });
    expect(await res.text()).toBe('asset');
    expect(network).toHaveBeenCalledWith(`${BASE}/assets/index.js`, { method: 'GET' });
  });

  it('ends a request when its signal aborts (a timeout, a caller that gave up)', async () => {
    const inPage = createInPageFetch(handlers, vi.fn<typeof fetch>());
    const controller = new AbortController();
    const pending = inPage(`${BASE}/m3ter/organizations/o-1/slow`, { signal: controller.signal });
    controller.abort(new DOMException('The request timed out', 'TimeoutError'));
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });

    const already = AbortSignal.abort(new DOMException('Gone', 'AbortError'));
    await expect(
      inPage(`${BASE}/m3ter/organizations/o-1/integrationconfigs`, { signal: already }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
