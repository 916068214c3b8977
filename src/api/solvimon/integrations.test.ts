import { http, HttpResponse } from 'msw';
import { server } from '../../mocks/node';
import { SOLVIMON_SEED_IDS } from '../../mocks/solvimon/seed';
import { SolvimonInvalidOperationError, SolvimonNotFoundError } from './errors';
import { solvimonIntegrationsApi as api } from './integrations';

interface Seen {
  method: string;
  path: string;
  search: string;
  body: unknown;
}

let pending: Array<Promise<Seen>> = [];

beforeAll(() => {
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    // Pushed at once, so the order is the order of the calls; the body is read in the background.
    pending.push(
      request
        .clone()
        .text()
        .then((text) => ({
          method: request.method,
          path: url.pathname,
          search: url.search,
          body: text === '' ? undefined : (JSON.parse(text) as unknown),
        })),
    );
  });
});
afterAll(() => server.events.removeAllListeners());
beforeEach(() => {
  pending = [];
});

/** Every request sent so far, in order. */
const sent = (): Promise<Seen[]> => Promise.all(pending);

const ID = SOLVIMON_SEED_IDS.gcsExport;

describe('solvimonIntegrationsApi: what each operation sends', () => {
  it('reads: list with paging, get, default mandates', async () => {
    const page = await api.list({
      limit: 5,
      page: 2,
      order_by: 'reference',
      order_direction: 'DESC',
    });
    expect(page).toMatchObject({ page: 2, limit: 5, total_number_of_pages: 4 });
    await api.get(ID);
    const mandates = await api.defaultMandates();
    expect(mandates.length).toBeGreaterThan(0);
    expect(await sent()).toEqual([
      {
        method: 'GET',
        path: '/solvimon/v1/integrations',
        search: '?limit=5&page=2&order_by=reference&order_direction=DESC',
        body: undefined,
      },
      { method: 'GET', path: `/solvimon/v1/integrations/${ID}`, search: '', body: undefined },
      {
        method: 'GET',
        path: '/solvimon/v1/integrations/e-invoicing/default-mandates',
        search: '',
        body: undefined,
      },
    ]);
  });

  it('writes: POST, PATCH and DELETE with JSON bodies; lifecycle actions without one', async () => {
    const created = await api.create({ reference: 'new-one', type: 'EMAIL_PROVIDER' });
    expect(created).toMatchObject({ reference: 'new-one', status: 'DRAFT' });
    await api.update(created.id, {
      reference: 'new-one',
      name: 'New',
      description: '',
      type: 'EMAIL_PROVIDER',
      email_provider: { variant: 'SYSTEM' },
      linked_resources_configurations: [],
    });
    await api.activate(created.id);
    await api.deprecate(created.id);
    await api.archive(created.id);
    await api.remove(created.id);
    const base = '/solvimon/v1/integrations';
    expect((await sent()).map(({ method, path, body }) => [method, path, body])).toEqual([
      ['POST', base, { reference: 'new-one', type: 'EMAIL_PROVIDER' }],
      [
        'PATCH',
        `${base}/${created.id}`,
        expect.objectContaining({ name: 'New', email_provider: { variant: 'SYSTEM' } }),
      ],
      ['POST', `${base}/${created.id}/activate`, undefined],
      ['POST', `${base}/${created.id}/deprecate`, undefined],
      ['POST', `${base}/${created.id}/archive`, undefined],
      ['DELETE', `${base}/${created.id}`, undefined],
    ]);
  });

  it('test-connection: the authentication as the body, what is tested as the query', async () => {
    const result = await api.testConnection(
      { username_password: { username: 'acct', password: 'expired-license' } },
      { integration_type: 'TAX_CALCULATION', tax_calculation_variant: 'AVATAX' },
    );
    expect(result).toEqual({
      successful: false,
      message: 'AvaTax refused acct: the password has expired and must be changed.',
    });
    expect(await sent()).toEqual([
      {
        method: 'POST',
        path: '/solvimon/v1/integrations/test-connection',
        search: '?integration_type=TAX_CALCULATION&tax_calculation_variant=AVATAX',
        body: { username_password: { username: 'acct', password: 'expired-license' } },
      },
    ]);
  });

  it('encodes an id as one path segment', async () => {
    await expect(api.get('a/b?c')).rejects.toBeInstanceOf(SolvimonNotFoundError);
    expect((await sent())[0]?.path).toBe('/solvimon/v1/integrations/a%2Fb%3Fc');
  });

  it('remove accepts an empty answer (a proxy answering 204)', async () => {
    server.use(http.delete('*/v1/integrations/:id', () => new HttpResponse(null, { status: 204 })));
    await expect(api.remove(ID)).resolves.toBeUndefined();
  });

  it('a refused action says why', async () => {
    const error = await api.deprecate(ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SolvimonInvalidOperationError);
    expect(error).toMatchObject({
      code: 'INVALID_OPERATION',
      field: 'status',
      message: 'Only an ACTIVE integration can be deprecated: this one is DRAFT',
    });
  });
});
