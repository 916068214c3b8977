import { SOLVIMON_SECRET_MASK } from '../../api/solvimon';
import { demoFaults, solvimonDemoStore } from '../node';
import { SOLVIMON_SEED_IDS as ID } from './seed';

const BASE = `${window.location.origin}/solvimon/v1/integrations`;

async function call(
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const response = await fetch(`${BASE}${path}`, {
    method: init.method ?? 'GET',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A Solvimon `ApiError`: the status, and only ApiError's fields. */
function expectApiError(
  res: { status: number; body: Record<string, unknown> },
  status: number,
  code: string,
): void {
  expect(res.status).toBe(status);
  expect(res.body.code).toBe(code);
  expect(['API_ERROR', 'INVALID_REQUEST']).toContain(res.body.type);
  expect(typeof res.body.message).toBe('string');
  const allowed = ['type', 'code', 'field', 'message', 'resource_id', 'resource_type'];
  expect(Object.keys(res.body).filter((k) => !allowed.includes(k))).toEqual([]);
}

describe('HTTP wiring of the fake Solvimon', () => {
  it('create answers 201; read, PATCH, actions and delete 200', async () => {
    const created = await call('', {
      method: 'POST',
      body: {
        reference: 'via-http',
        type: 'EMAIL_PROVIDER',
        email_provider: { variant: 'SYSTEM' },
      },
    });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    expect((await call(`/${id}`)).status).toBe(200);
    const patched = await call(`/${id}`, {
      method: 'PATCH',
      body: {
        reference: 'via-http',
        name: 'Via HTTP',
        description: '',
        type: 'EMAIL_PROVIDER',
        linked_resources_configurations: [],
      },
    });
    expect(patched).toMatchObject({ status: 200, body: { name: 'Via HTTP' } });
    expect((await call(`/${id}/activate`, { method: 'POST' })).body.status).toBe('ACTIVE');
    expect((await call(`/${id}/deprecate`, { method: 'POST' })).body.status).toBe('DEPRECATED');
    expect((await call(`/${id}/archive`, { method: 'POST' })).body.status).toBe('ARCHIVED');
    expect((await call(`/${id}`, { method: 'DELETE' })).status).toBe(200);
    expectApiError(await call(`/${id}`), 404, 'RESOURCE_NOT_FOUND');
  });

  it('answers rule breaks with ApiError bodies carrying code and field', async () => {
    const duplicate = await call('', {
      method: 'POST',
      body: { reference: 'stripe-eu-live', type: 'PAYMENT_GATEWAY' },
    });
    expectApiError(duplicate, 409, 'RESOURCE_ALREADY_EXISTS');
    expect(duplicate.body).toMatchObject({ field: 'reference', resource_id: ID.stripeLive });

    const invalid = await call('', {
      method: 'POST',
      body: { reference: 'a b', type: 'DATA_EXPORT' },
    });
    expectApiError(invalid, 400, 'INVALID_FIELD');
    expect(invalid.body.field).toBe('reference');

    const refused = await call(`/${ID.gcsExport}/deprecate`, { method: 'POST' });
    expectApiError(refused, 400, 'INVALID_OPERATION');
    expect(refused.body.message).toBe(
      'Only an ACTIVE integration can be deprecated: this one is DRAFT',
    );

    expectApiError(await call('?limit=500'), 400, 'INVALID_FIELD');
    expectApiError(
      await call('', { method: 'POST', rawBody: '{"reference":' }),
      400,
      'BAD_REQUEST',
    );
    expectApiError(await call('', { method: 'POST' }), 400, 'BAD_REQUEST');
  });

  it('pages with links built from the path the client called', async () => {
    const page = await call('?limit=4&page=2&order_by=reference');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ page: 2, limit: 4 });
    expect(page.body.links).toMatchObject({
      previous: '/solvimon/v1/integrations?limit=4&page=1&order_by=reference',
      next: '/solvimon/v1/integrations?limit=4&page=3&order_by=reference',
    });
  });

  it('test-connection takes an empty body, and literal paths are not read as ids', async () => {
    expect(await call('/test-connection', { method: 'POST' })).toMatchObject({
      status: 200,
      body: { successful: false },
    });
    const mandates = await fetch(`${BASE}/e-invoicing/default-mandates?limit=2`);
    expect(mandates.status).toBe(200);
    expect(await mandates.json()).toHaveLength(2);
    expectApiError(await call('/test-connection'), 404, 'RESOURCE_NOT_FOUND');
    expectApiError(
      await call(`/${ID.stripeLive}/suspend`, { method: 'POST' }),
      404,
      'RESOURCE_NOT_FOUND',
    );
  });

  it('answers a set secret as the mask and refuses the mask sent back as its value', async () => {
    const read = await call(`/${ID.mailgunEu}`);
    expect(read.body.authentication).toEqual({
      api_key: { header: 'Authorization', value: SOLVIMON_SECRET_MASK },
    });
    const page = await call('?limit=100');
    const s3 = (page.body.data as Array<Record<string, unknown>>).find((i) => i.id === ID.s3Export);
    expect(s3).toBeDefined();
    expect(JSON.stringify(s3)).not.toContain(SOLVIMON_SECRET_MASK);

    const { id: _id, object_type: _o, message: _m, status: _s, ...asRead } = read.body;
    const refused = await call(`/${ID.mailgunEu}`, { method: 'PATCH', body: asRead });
    expectApiError(refused, 400, 'INVALID_FIELD');
    expect(refused.body.field).toBe('authentication.api_key.value');
    expect(refused.body.message).toMatch(/is the mask of the stored secret/);
  });

  it('writes through to the store the tests can read', async () => {
    await call(`/${ID.stripeLive}`, { method: 'DELETE' });
    expect(
      solvimonDemoStore()
        .snapshot()
        .integrations.map((r) => r.integration.id),
    ).not.toContain(ID.stripeLive);
  });

  it('the demo fault switch applies, in Solvimon’s error shape', async () => {
    demoFaults.set({ latencyMs: 0, failureRate: 1 });
    const res = await call(`/${ID.stripeLive}`);
    expect([500, 503, 429]).toContain(res.status);
    expectApiError(res, res.status, 'INTERNAL_ERROR');
    expect(res.body.message).toMatch(/simulated by the demo fault switch/);
    demoFaults.reset();
    expect((await call(`/${ID.stripeLive}`)).status).toBe(200);
  });
});
