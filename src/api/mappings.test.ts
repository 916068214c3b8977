import { http, HttpResponse, type JsonBodyType } from 'msw';
import { server } from '../mocks/node';
import { ValidationError, VersionConflictError } from './errors';
import { mappingsApi } from './mappings';

interface Seen {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

function answer(body: JsonBodyType, status = 200): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.all('*/organizations/:orgId/*', async ({ request }) => {
      const url = new URL(request.url);
      const text = await request.text();
      seen.push({
        method: request.method,
        path: url.pathname.replace(/^.*\/organizations\/[^/]+/, ''),
        search: url.searchParams,
        body: text ? JSON.parse(text) : undefined,
      });
      return HttpResponse.json(body, { status });
    }),
  );
  return seen;
}

const mapping = {
  id: 'map-1',
  version: 1,
  m3terEntity: 'Account',
  m3terId: 'acc-1',
  externalSystem: 'Stripe',
  externalTable: 'Customer',
  externalId: 'cus_1',
};
const { id: _id, version: _version, ...mappingBody } = mapping;

describe('mappingsApi', () => {
  it('list: filters, with m3terIds comma-separated', async () => {
    const seen = answer({ data: [mapping] });
    const page = await mappingsApi.list({
      pageSize: 100,
      externalSystemId: 'Stripe',
      m3terIds: ['acc-1', 'acc-2'],
      integrationConfigId: 'cfg-1',
    });
    expect(page.data).toEqual([mapping]);
    expect(seen[0]?.path).toBe('/externalmappings');
    expect(Object.fromEntries(seen[0]!.search)).toEqual({
      pageSize: '100',
      externalSystemId: 'Stripe',
      m3terIds: 'acc-1,acc-2',
      integrationConfigId: 'cfg-1',
    });
  });

  it('list: an empty m3terIds is not sent', async () => {
    const seen = answer({ data: [] });
    await mappingsApi.list({ m3terIds: [] });
    expect(seen[0]?.search.has('m3terIds')).toBe(false);
  });

  it('get / create / update / remove use /externalmappings[/{id}]', async () => {
    const seen = answer(mapping);
    await mappingsApi.get('map-1');
    await mappingsApi.create(mappingBody);
    await mappingsApi.update('map-1', { ...mappingBody, version: 1 });
    await mappingsApi.remove('map-1');
    expect(seen.map((s) => [s.method, s.path])).toEqual([
      ['GET', '/externalmappings/map-1'],
      ['POST', '/externalmappings'],
      ['PUT', '/externalmappings/map-1'],
      ['DELETE', '/externalmappings/map-1'],
    ]);
    expect(seen[1]?.body).toEqual(mappingBody);
    expect(seen[2]?.body).toEqual({ ...mappingBody, version: 1 });
  });

  it('update: a 400 naming the version is a VersionConflictError, another 400 a ValidationError', async () => {
    answer({ message: 'Version does not match' }, 400);
    await expect(
      mappingsApi.update('map-1', { ...mappingBody, version: 1 }),
    ).rejects.toBeInstanceOf(VersionConflictError);
    answer({ message: 'externalId is invalid' }, 400);
    await expect(mappingsApi.create(mappingBody)).rejects.toBeInstanceOf(ValidationError);
  });

  it('listForM3terEntity: /externalmappings/external/{entity}/{m3terId}', async () => {
    const seen = answer({ data: [] });
    await mappingsApi.listForM3terEntity('Account', 'acc-1', { pageSize: 5 });
    expect(seen[0]?.path).toBe('/externalmappings/external/Account/acc-1');
    expect(seen[0]?.search.get('pageSize')).toBe('5');
  });

  it('listForExternalEntity: /externalmappings/externalid/{system}/{table}/{id}, encoded', async () => {
    const seen = answer({ data: [] });
    await mappingsApi.listForExternalEntity('Net Suite', 'Sales/Order', 'id#1', { nextToken: 'n' });
    expect(seen[0]?.path).toBe('/externalmappings/externalid/Net%20Suite/Sales%2FOrder/id%231');
    expect(seen[0]?.search.get('nextToken')).toBe('n');
  });

  it('configuration: /externalmappingconfiguration', async () => {
    const body = { m3terEntities: ['Account'], externalSystems: [{ name: 'Stripe' }] };
    const seen = answer(body);
    await expect(mappingsApi.configuration()).resolves.toEqual(body);
    expect(seen[0]?.path).toBe('/externalmappingconfiguration');
  });

  it('externalEntities: without and with a credential ID', async () => {
    const entities = [{ externalId: 'cus_1', externalName: 'Acme' }];
    const seen = answer(entities);
    await expect(
      mappingsApi.externalEntities('Stripe', 'Account', { externalTable: 'Customer' }),
    ).resolves.toEqual(entities);
    await mappingsApi.externalEntities('Stripe', 'Account', {
      externalTable: 'Customer',
      integrationCredentialsId: 'cred-1',
    });
    await mappingsApi.externalEntities('Stripe', 'Account');
    expect(seen.map((s) => s.path)).toEqual([
      '/externalmappingconfiguration/values/Stripe/Account',
      '/externalmappingconfiguration/values/Stripe/Account/cred-1',
      '/externalmappingconfiguration/values/Stripe/Account',
    ]);
    expect(seen[0]?.search.get('externalTable')).toBe('Customer');
    expect(seen[1]?.search.get('externalTable')).toBe('Customer');
    expect(seen[2]?.search.has('externalTable')).toBe(false);
  });
});
