import { http, HttpResponse, type JsonBodyType } from 'msw';
import { server } from '../mocks/node';
import { configsApi } from './configs';
import { InvalidResponseError, NotFoundError, VersionConflictError } from './errors';

const ORG = '*/organizations/:orgId';

interface Seen {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

/** Answers every request under the org with `body` and records what was asked. */
function answer(body: JsonBodyType | null, status = 200): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.all(`${ORG}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const text = await request.text();
      seen.push({
        method: request.method,
        path: url.pathname.replace(/^.*\/organizations\/[^/]+/, ''),
        search: url.searchParams,
        body: text ? JSON.parse(text) : undefined,
      });
      return body === null
        ? new HttpResponse(null, { status: 204 })
        : HttpResponse.json(body, { status });
    }),
  );
  return seen;
}

const config = {
  id: 'cfg-1',
  entityType: 'Bill',
  destination: 'Stripe',
  version: 2,
  enabled: true,
  somethingNew: 'kept',
};

describe('configsApi', () => {
  it('list: GET /integrationconfigs with paging and destinationId', async () => {
    const seen = answer({ data: [config], nextToken: 'n2' });
    const page = await configsApi.list({ pageSize: 50, nextToken: 'n1', destinationId: 'd-1' });
    expect(page.data).toEqual([config]);
    expect(page.nextToken).toBe('n2');
    expect(seen[0]?.method).toBe('GET');
    expect(seen[0]?.path).toBe('/integrationconfigs');
    expect(Object.fromEntries(seen[0]!.search)).toEqual({
      pageSize: '50',
      nextToken: 'n1',
      destinationId: 'd-1',
    });
  });

  it('get: parses the config shape (not the spec run shape) and keeps unknown fields', async () => {
    const seen = answer(config);
    const result = await configsApi.get('cfg/1');
    expect(result).toEqual(config);
    expect(seen[0]?.path).toBe('/integrationconfigs/cfg%2F1');
  });

  it('get: a body without the config fields is an InvalidResponseError', async () => {
    answer({ id: 'run-1', status: 'COMPLETE' });
    await expect(configsApi.get('run-1')).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('get: 404 → NotFoundError', async () => {
    answer({ message: 'Not found' }, 404);
    await expect(configsApi.get('nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('create: POSTs the body', async () => {
    const seen = answer(config);
    const body = { entityType: 'Bill', destination: 'Stripe', configData: { a: 1 } };
    await configsApi.create(body);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/integrationconfigs', body });
  });

  it('update: PUTs the whole body with its version; 409 → VersionConflictError', async () => {
    const seen = answer({ ...config, version: 3 });
    const body = { entityType: 'Bill', destination: 'Stripe', version: 2, extra: true };
    expect((await configsApi.update('cfg-1', body)).version).toBe(3);
    expect(seen[0]).toMatchObject({ method: 'PUT', path: '/integrationconfigs/cfg-1', body });

    answer({ message: 'Conflict' }, 409);
    await expect(configsApi.update('cfg-1', body)).rejects.toBeInstanceOf(VersionConflictError);
  });

  it('remove: DELETE returns the deleted config, or undefined for an empty body', async () => {
    const seen = answer(config);
    await expect(configsApi.remove('cfg-1')).resolves.toEqual(config);
    expect(seen[0]).toMatchObject({ method: 'DELETE', path: '/integrationconfigs/cfg-1' });

    answer(null);
    await expect(configsApi.remove('cfg-1')).resolves.toBeUndefined();
  });

  it('enable: POSTs to /enable without a body', async () => {
    const seen = answer(config);
    await configsApi.enable('cfg-1');
    expect(seen[0]).toMatchObject({
      method: 'POST',
      path: '/integrationconfigs/cfg-1/enable',
      body: undefined,
    });
  });

  describe('getByEntity', () => {
    it('calls /entity/{entityType} with its filters', async () => {
      const seen = answer({ data: [] });
      await configsApi.getByEntity('Notification', {
        entityId: 'e-1',
        destination: 'Webhook',
        destinationId: 'd-1',
        pageSize: 10,
      });
      expect(seen[0]?.path).toBe('/integrationconfigs/entity/Notification');
      expect(Object.fromEntries(seen[0]!.search)).toEqual({
        entityId: 'e-1',
        destination: 'Webhook',
        destinationId: 'd-1',
        pageSize: '10',
      });
    });

    it('normalises a page', async () => {
      answer({ data: [config], nextToken: 't' });
      expect(await configsApi.getByEntity('Bill')).toMatchObject({
        data: [config],
        nextToken: 't',
      });
    });

    it('normalises a bare array', async () => {
      answer([config, { ...config, id: 'cfg-2' }]);
      const page = await configsApi.getByEntity('Bill');
      expect(page.data.map((c) => c.id)).toEqual(['cfg-1', 'cfg-2']);
      expect(page.nextToken).toBeUndefined();
    });

    it('normalises a single config', async () => {
      answer(config);
      expect(await configsApi.getByEntity('Bill')).toEqual({ data: [config] });
    });

    it('normalises an empty body and an empty page', async () => {
      answer(null);
      expect(await configsApi.getByEntity('Bill')).toEqual({ data: [] });
      answer({ data: [] });
      expect((await configsApi.getByEntity('Bill')).data).toEqual([]);
    });

    it('rejects a list holding a broken config', async () => {
      answer([{ id: 'x' }]);
      await expect(configsApi.getByEntity('Bill')).rejects.toBeInstanceOf(InvalidResponseError);
    });
  });

  it('availableSystems: GET /available/systems?entityType=', async () => {
    const systems = [
      {
        identifier: 'Stripe',
        displayName: 'Stripe',
        validationSupported: true,
        supportedAuthTypes: [],
      },
    ];
    const seen = answer(systems);
    await expect(configsApi.availableSystems({ entityType: 'Bill' })).resolves.toEqual(systems);
    expect(seen[0]?.path).toBe('/integrationconfigs/available/systems');
    expect(seen[0]?.search.get('entityType')).toBe('Bill');
  });
});
