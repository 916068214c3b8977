import { getResponse } from 'msw';
import { createFakeM3ter } from './fake-m3ter';
import { demoFaults, demoStore } from './node';
import { fromBase64 } from './run-log';
import { OTHER_USER_ID, SEED_ANCHOR, SEED_IDS, seedRuns } from './seed';

const ORG = '2d1c7a4e-5b0f-4c8e-9a51-7e3f0d6b8c21';
const BASE = `${window.location.origin}/m3ter/organizations/${ORG}`;

async function call(
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const response = await fetch(`${BASE}${path}`, {
    method: init.method ?? 'GET',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body,
  });
  return { status: response.status, body: await response.json() };
}

interface PageBody {
  data: Array<Record<string, unknown>>;
  nextToken?: string;
}

const asPage = (body: unknown) => body as PageBody;
const asRecord = (body: unknown) => body as Record<string, unknown>;

/** An m3ter error: the status, and a body that is exactly `{ message }` matching `message`. */
function expectError(
  res: { status: number; body: unknown },
  status: number,
  message: RegExp,
): void {
  expect(res.status).toBe(status);
  expect(Object.keys(asRecord(res.body))).toEqual(['message']);
  expect(asRecord(res.body).message).toMatch(message);
}

describe('HTTP wiring of the fake m3ter', () => {
  it('answers config CRUD with m3ter status codes and {message} errors', async () => {
    const created = await call('/integrationconfigs', {
      method: 'POST',
      body: { entityType: 'Bill', destination: 'Stripe', name: 'Via HTTP' },
    });
    expect(created.status).toBe(200);
    const config = asRecord(created.body);
    expect(config).toMatchObject({ version: 1, name: 'Via HTTP' });

    const stale = await call(`/integrationconfigs/${String(config.id)}`, {
      method: 'PUT',
      body: { ...config, version: 0 },
    });
    expectError(stale, 409, /version/i);

    const noVersion = await call(`/integrationconfigs/${String(config.id)}`, {
      method: 'PUT',
      body: { entityType: 'Bill', destination: 'Stripe' },
    });
    expectError(noVersion, 400, /^version: /);

    const updated = await call(`/integrationconfigs/${String(config.id)}`, {
      method: 'PUT',
      body: { ...config, name: 'Renamed' },
    });
    expect(updated.body).toMatchObject({ version: 2, name: 'Renamed' });

    const deleted = await call(`/integrationconfigs/${String(config.id)}`, { method: 'DELETE' });
    expect(deleted.body).toMatchObject({ id: config.id, name: 'Renamed' });
    expect((await call(`/integrationconfigs/${String(config.id)}`)).status).toBe(404);
  });

  it('rejects malformed JSON, an empty body and invalid fields with 400', async () => {
    const malformed = await call('/integrationconfigs', {
      method: 'POST',
      rawBody: '{"entityType": "Bill",',
    });
    expectError(malformed, 400, /JSON/);
    const empty = await call('/externalmappings', { method: 'POST', rawBody: '' });
    expect(empty.status).toBe(400);
    const invalid = await call('/externalmappings', {
      method: 'POST',
      body: { m3terEntity: 'Account' },
    });
    expectError(invalid, 400, /^m3terId: is required/);
  });

  it('enables a config and finds configs by entity and the available systems', async () => {
    const enabled = await call(`/integrationconfigs/${SEED_IDS.disabledConfig}/enable`, {
      method: 'POST',
    });
    expect(enabled.body).toMatchObject({ id: SEED_IDS.disabledConfig, enabled: true });
    const byEntity = await call(
      `/integrationconfigs/entity/Bill?destination=Stripe&destinationId=${SEED_IDS.destinations.stripeEu}`,
    );
    expect(byEntity.body).toMatchObject({ id: SEED_IDS.configs.stripeEu });
    const systems = await call('/integrationconfigs/available/systems?entityType=Bill');
    expect(systems.status).toBe(200);
    expect((systems.body as Array<{ identifier: string }>).map((s) => s.identifier)).toContain(
      'NetSuite',
    );
  });

  it('gives the literal run paths priority over {entityType}/{entityId} and {id}', async () => {
    const log = await call(`/integrationruns/logs/${SEED_IDS.runs.retryRoot}`);
    expect(fromBase64(String(asRecord(log.body).Payload))).toContain(SEED_IDS.runs.retryRoot);
    expect((await call(`/integrationruns/logs/${SEED_IDS.runs.waiting}`)).status).toBe(404);

    const byDestination = asPage(
      (await call(`/integrationruns/destinations/${SEED_IDS.destinations.netsuite}?pageSize=5`))
        .body,
    );
    expect(byDestination.data).toHaveLength(5);
    expect(
      byDestination.data.every((r) => r.destinationId === SEED_IDS.destinations.netsuite),
    ).toBe(true);

    const latest = await call(`/integrationruns/Bill/latest/${SEED_IDS.bills.waiting}`);
    expect(latest.body).toMatchObject({ id: SEED_IDS.runs.waiting, status: 'WAITING' });

    const latestForIds = await call(
      `/integrationruns/Bill/latest?ids=${SEED_IDS.bills.waiting}&ids=${SEED_IDS.bills.started}`,
    );
    expect((latestForIds.body as Array<{ entityId: string }>).map((r) => r.entityId)).toEqual([
      SEED_IDS.bills.waiting,
      SEED_IDS.bills.started,
    ]);

    const perEntity = asPage(
      (await call(`/integrationruns/Bill/${SEED_IDS.bills.retryChain}?status=COMPLETE`)).body,
    );
    expect(perEntity.data.length).toBeGreaterThan(0);
    expect(
      perEntity.data.every(
        (r) => r.entityId === SEED_IDS.bills.retryChain && r.status === 'COMPLETE',
      ),
    ).toBe(true);

    const one = await call(`/integrationruns/${SEED_IDS.runs.retryChild}`);
    expect(one.body).toMatchObject({
      id: SEED_IDS.runs.retryChild,
      parentIntegrationRunId: SEED_IDS.runs.retryRoot,
    });
    expect((await call('/integrationruns/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('passes run query parameters through: pageSize bounds, order and dates', async () => {
    for (const pageSize of [0, 201]) {
      const res = await call(`/integrationruns/Bill/${SEED_IDS.bigBill}?pageSize=${pageSize}`);
      expectError(res, 400, /^pageSize: /);
    }
    const asc = asPage(
      (await call(`/integrationruns/Bill/${SEED_IDS.bigBill}?order=ASC&pageSize=1`)).body,
    );
    const desc = asPage((await call(`/integrationruns/Bill/${SEED_IDS.bigBill}?pageSize=1`)).body);
    expect(String(asc.data[0]?.dtStarted) < String(desc.data[0]?.dtStarted)).toBe(true);
    const windowed = asPage(
      (
        await call(
          `/integrationruns/Bill/${SEED_IDS.bigBill}?startDate=2026-11-20T00:00:00Z&endDate=2026-11-20T06:00:00Z&pageSize=200`,
        )
      ).body,
    );
    expect(windowed.data.length).toBeGreaterThan(50);
    expect(
      windowed.data.every(
        (r) =>
          String(r.dtStarted) > '2026-11-20T00:00:00' &&
          String(r.dtStarted) <= '2026-11-20T06:00:00.000Z',
      ),
    ).toBe(true);
  });

  it('walks the 5,000-run bill over HTTP, every run once', async () => {
    const seen = new Set<string>();
    let path: string | undefined =
      `/integrationruns/Bill/${SEED_IDS.bigBill}?pageSize=200&order=ASC`;
    let pages = 0;
    while (path && pages < 100) {
      const page = asPage((await call(path)).body);
      for (const run of page.data) {
        expect(seen.has(String(run.id))).toBe(false);
        seen.add(String(run.id));
      }
      pages += 1;
      path = page.nextToken
        ? `/integrationruns/Bill/${SEED_IDS.bigBill}?pageSize=200&order=ASC&nextToken=${encodeURIComponent(page.nextToken)}`
        : undefined;
    }
    expect(seen.size).toBeGreaterThanOrEqual(5_000);
    expect(seen.size).toBe(
      seedRuns(SEED_ANCHOR).filter((r) => r.entityId === SEED_IDS.bigBill).length,
    );
    const reused = await call(
      `/integrationruns/Bill/${SEED_IDS.bigBill}?pageSize=200&status=ERROR&nextToken=${encodeURIComponent(
        asPage((await call(`/integrationruns/Bill/${SEED_IDS.bigBill}?pageSize=200`)).body)
          .nextToken ?? '',
      )}`,
    );
    expectError(reused, 400, /^nextToken: /);
  });

  it('filters mappings by m3terIds comma-separated or repeated, system and config', async () => {
    const ids = [SEED_IDS.accounts.acme, SEED_IDS.accounts.globex];
    const comma = asPage(
      (await call(`/externalmappings?pageSize=200&m3terIds=${ids.join(',')}`)).body,
    );
    const repeated = asPage(
      (await call(`/externalmappings?pageSize=200&m3terIds=${ids[0]}&m3terIds=${ids[1]}`)).body,
    );
    expect(comma.data.length).toBeGreaterThanOrEqual(4);
    expect(repeated.data).toEqual(comma.data);
    expect(comma.data.every((m) => ids.includes(String(m.m3terId)))).toBe(true);
    const stripe = asPage(
      (await call('/externalmappings?pageSize=200&externalSystemId=Stripe')).body,
    );
    expect(stripe.data.every((m) => m.externalSystem === 'Stripe')).toBe(true);
    const linked = asPage(
      (
        await call(
          `/externalmappings?pageSize=200&integrationConfigId=${SEED_IDS.configs.stripeEu}`,
        )
      ).body,
    );
    expect(linked.data.every((m) => m.integrationConfigId === SEED_IDS.configs.stripeEu)).toBe(
      true,
    );
  });

  it('serves mapping CRUD, per-entity lists, configuration and external values', async () => {
    const created = asRecord(
      (
        await call('/externalmappings', {
          method: 'POST',
          body: {
            m3terEntity: 'Account',
            m3terId: SEED_IDS.accounts.vandelay,
            externalSystem: 'Stripe',
            externalTable: 'Customer',
            externalId: 'cus vandelay/01',
          },
        })
      ).body,
    );
    expect(created).toMatchObject({ version: 1 });
    // Path segments are URL-decoded before they reach the store.
    const byExternal = asPage(
      (
        await call(
          `/externalmappings/externalid/Stripe/Customer/${encodeURIComponent('cus vandelay/01')}`,
        )
      ).body,
    );
    expect(byExternal.data.map((m) => m.id)).toEqual([created.id]);
    const byM3ter = asPage(
      (await call(`/externalmappings/external/Account/${SEED_IDS.accounts.vandelay}`)).body,
    );
    expect(byM3ter.data.map((m) => m.id)).toContain(created.id);
    const updated = await call(`/externalmappings/${String(created.id)}`, {
      method: 'PUT',
      body: { ...created, externalId: 'cus_V2' },
    });
    expect(updated.body).toMatchObject({ version: 2, externalId: 'cus_V2' });
    expect(
      (await call(`/externalmappings/${String(created.id)}`, { method: 'DELETE' })).body,
    ).toMatchObject({
      id: created.id,
    });

    const configuration = asRecord((await call('/externalmappingconfiguration')).body);
    expect(configuration.m3terEntities).toContain('Account');
    const values = (
      await call('/externalmappingconfiguration/values/Stripe/Account?externalTable=Customer')
    ).body;
    const acme = (values as Array<{ externalId: string; externalName: string }>).find(
      (v) => v.externalName === 'Acme Corp',
    );
    expect(acme?.externalId).toMatch(/^cus_/);
    const credentialId = demoStore().getConfig(SEED_IDS.configs.stripeEu).integrationCredentialsId;
    const withCredential = await call(
      `/externalmappingconfiguration/values/Stripe/Account/${String(credentialId)}`,
    );
    expect(withCredential.body).toEqual(values);
    expect((await call('/externalmappingconfiguration/values/QuickBooks/Account')).body).toEqual(
      [],
    );
  });

  it('serves state changed directly in the store ("another user edited it")', async () => {
    const config = demoStore().getConfig(SEED_IDS.configs.netsuite);
    demoStore().updateConfig(
      config.id,
      { ...config, name: 'Changed by a colleague' },
      { actor: OTHER_USER_ID },
    );
    const res = await call(`/integrationconfigs/${config.id}`);
    expect(res.body).toMatchObject({
      name: 'Changed by a colleague',
      lastModifiedBy: OTHER_USER_ID,
    });
  });

  it('answers unknown endpoints under an organisation with a 404 message', async () => {
    const res = await call('/integrationconfigs/available/Stripe/entities/extra');
    expectError(res, 404, /Not found/);
  });

  it('injects faults only when the switch is on', async () => {
    demoFaults.set({ latencyMs: 0, failureRate: 1 });
    const failed = await call('/integrationconfigs');
    expect([500, 503, 429]).toContain(failed.status);
    expectError(failed, failed.status, /simulated/);
    demoFaults.set({ latencyMs: 30, failureRate: 0 });
    const started = performance.now();
    expect((await call('/integrationconfigs')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('works as a fake upstream through getResponse, without the /m3ter prefix', async () => {
    const fake = createFakeM3ter();
    const response = await getResponse(
      fake.handlers,
      new Request(
        `http://upstream.test/organizations/${ORG}/integrationconfigs/${SEED_IDS.configs.stripeEu}`,
      ),
    );
    expect(response?.status).toBe(200);
    expect(await response?.json()).toMatchObject({ id: SEED_IDS.configs.stripeEu });
  });
});
