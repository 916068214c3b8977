import {
  SOLVIMON_DATA_EXPORT_VARIANTS,
  SOLVIMON_EMAIL_PROVIDER_VARIANTS,
  SOLVIMON_INTEGRATION_STATUSES,
  SOLVIMON_INTEGRATION_TYPES,
  SOLVIMON_PAYMENT_GATEWAY_VARIANTS,
  SOLVIMON_SECRET_MASK,
  SOLVIMON_SECRET_PATHS,
  solvimonIntegrationSchema,
  toSolvimonUpdateRequest,
  valueAtPath,
  type SolvimonIntegration,
} from '../../api/solvimon';
import { createMemoryPersistence } from '../persistence';
import { SOLVIMON_SEED_IDS as ID, seedIntegrations } from './seed';
import { createSolvimonStore, type SolvimonStore } from './store';
import { SolvimonStoreError } from './store-error';

let store: SolvimonStore;
beforeEach(() => {
  store = createSolvimonStore();
});

/** The SolvimonStoreError a call throws (fails the test when it does not throw one). */
function storeError(fn: () => unknown): SolvimonStoreError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SolvimonStoreError) return error;
    throw error;
  }
  throw new Error('expected a SolvimonStoreError');
}

/** status, code and field of the error `fn` throws. */
const failure = (fn: () => unknown) => {
  const error = storeError(fn);
  return { status: error.status, code: error.code, field: error.details.field };
};

/** The body a console edit sends: the loaded integration with `edits` on top. */
function edit(id: string, edits: Partial<SolvimonIntegration>) {
  const loaded = store.get(id);
  return toSolvimonUpdateRequest({ ...loaded, ...edits }, loaded);
}

const newStripe = {
  reference: 'stripe-new',
  name: 'Stripe (new)',
  type: 'PAYMENT_GATEWAY',
  payment_gateway: { variant: 'STRIPE', stripe: { public_key: 'pk_1', signing_secret: 'whsec_1' } },
};

describe('seed', () => {
  const seeded = seedIntegrations().map((r) => r.integration);

  it('has at least 12 integrations, every type, variant and status, all valid and secret-free', () => {
    expect(seeded.length).toBeGreaterThanOrEqual(12);
    const has = (path: string[]) => new Set(seeded.map((i) => valueAtPath(i, path)));
    expect(has(['type'])).toEqual(new Set(SOLVIMON_INTEGRATION_TYPES));
    expect(has(['status'])).toEqual(new Set(SOLVIMON_INTEGRATION_STATUSES));
    for (const [path, variants] of [
      [['payment_gateway', 'variant'], SOLVIMON_PAYMENT_GATEWAY_VARIANTS],
      [['data_export', 'variant'], SOLVIMON_DATA_EXPORT_VARIANTS],
      [['email_provider', 'variant'], SOLVIMON_EMAIL_PROVIDER_VARIANTS],
      [['e_invoicing', 'processor'], ['AVALARA']],
      [['tax_calculation', 'variant'], ['AVATAX']],
    ] as const) {
      for (const variant of variants) expect(has([...path])).toContain(variant);
    }
    for (const integration of seeded) {
      expect(solvimonIntegrationSchema.safeParse(integration).success).toBe(true);
      for (const path of SOLVIMON_SECRET_PATHS) {
        expect(valueAtPath(integration, path)).toBeUndefined();
      }
    }
    expect(new Set(seeded.map((i) => i.id)).size).toBe(seeded.length);
    expect(new Set(seeded.map((i) => i.reference)).size).toBe(seeded.length);
  });

  it('some are in ERROR, each with the provider’s reason', () => {
    const failed = seeded.filter((i) => i.status === 'ERROR');
    expect(failed.length).toBeGreaterThanOrEqual(3);
    for (const integration of failed) expect(integration.message?.length).toBeGreaterThan(40);
  });

  it('is deterministic', () => {
    expect(seedIntegrations()).toEqual(seedIntegrations());
    expect(createSolvimonStore().snapshot()).toEqual(createSolvimonStore().snapshot());
  });
});

describe('create', () => {
  it('starts in DRAFT with an id, keeps what was sent, and answers a set secret as the mask', () => {
    const created = store.create({ ...newStripe, crm_hint: { x: 1 } });
    expect(created).toMatchObject({
      object_type: 'INTEGRATION',
      reference: 'stripe-new',
      name: 'Stripe (new)',
      status: 'DRAFT',
      message: null,
      type: 'PAYMENT_GATEWAY',
      payment_gateway: { variant: 'STRIPE', stripe: { public_key: 'pk_1' } },
      linked_resources_configurations: [],
      crm_hint: { x: 1 },
    });
    expect(created.id).toMatch(/^intg_[A-Za-z0-9]{16}$/);
    expect(valueAtPath(created, ['payment_gateway', 'stripe', 'signing_secret'])).toBe(
      SOLVIMON_SECRET_MASK,
    );
    expect(store.get(created.id)).toEqual(created);
    expect(store.secretsOf(created.id)).toEqual(['payment_gateway.stripe.signing_secret']);
    const stored = JSON.stringify(store.snapshot());
    expect(stored).not.toContain('whsec_1');
    expect(stored).not.toContain(SOLVIMON_SECRET_MASK);
  });

  it('ignores read-only fields sent by the client', () => {
    const created = store.create({
      ...newStripe,
      id: 'intg_mine',
      object_type: 'X',
      message: 'hi',
    });
    expect(created).toMatchObject({ object_type: 'INTEGRATION', message: null });
    expect(created.id).not.toBe('intg_mine');
  });

  it('requires reference and type (MISSING_FIELD with the field)', () => {
    expect(failure(() => store.create({ type: 'DATA_EXPORT' }))).toEqual({
      status: 400,
      code: 'MISSING_FIELD',
      field: 'reference',
    });
    expect(failure(() => store.create({ reference: 'r' }))).toEqual({
      status: 400,
      code: 'MISSING_FIELD',
      field: 'type',
    });
    expect(failure(() => store.create('not an object'))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(failure(() => store.create(undefined))).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it.each([
    [{ reference: 'has space' }, 'reference'],
    [{ reference: '' }, 'reference'],
    [{ reference: 'r'.repeat(257) }, 'reference'],
    [{ name: 'line\nbreak' }, 'name'],
    [{ description: 'd'.repeat(257) }, 'description'],
    [{ name: 42 }, 'name'],
    [{ type: 'CRM' }, 'type'],
    [{ payment_gateway: { variant: 'MOLLIE' } }, 'payment_gateway.variant'],
    [
      { payment_gateway: { variant: 'ADYEN', adyen: { environment: 'STAGING' } } },
      'payment_gateway.adyen.environment',
    ],
    [{ payment_gateway: { stripe: { public_key: 7 } } }, 'payment_gateway.stripe.public_key'],
    [{ data_export: { variant: 'S3' } }, 'data_export'],
  ])('rejects %j as INVALID_FIELD on %s', (fields, field) => {
    const error = storeError(() => store.create({ ...newStripe, ...fields }));
    expect(error).toMatchObject({ status: 400, code: 'INVALID_FIELD' });
    expect(error.details.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
  });

  it('checks enums inside arrays, naming the item', () => {
    const error = storeError(() =>
      store.create({
        reference: 'einv',
        type: 'E_INVOICING',
        e_invoicing: {
          processor: 'AVALARA',
          mandates: [
            { name: 'A' },
            { name: 'B', condition_groups: [{ conditions: [{ comparator_type: 'LIKE' }] }] },
          ],
        },
      }),
    );
    expect(error.details.field).toBe(
      'e_invoicing.mandates.1.condition_groups.0.conditions.0.comparator_type',
    );
  });

  it('a new integration starts in DRAFT: another status is refused', () => {
    expect(store.create({ ...newStripe, status: null }).status).toBe('DRAFT');
    expect(failure(() => store.create({ ...newStripe, reference: 'x', status: 'ACTIVE' }))).toEqual(
      {
        status: 400,
        code: 'INVALID_OPERATION',
        field: 'status',
      },
    );
  });

  it('a taken reference is 409 RESOURCE_ALREADY_EXISTS naming the holder', () => {
    const error = storeError(() => store.create({ ...newStripe, reference: 'stripe-eu-live' }));
    expect(error).toMatchObject({ status: 409, code: 'RESOURCE_ALREADY_EXISTS' });
    expect(error.toBody()).toEqual({
      type: 'INVALID_REQUEST',
      code: 'RESOURCE_ALREADY_EXISTS',
      field: 'reference',
      message: 'An integration with reference "stripe-eu-live" already exists',
      resource_id: ID.stripeLive,
      resource_type: 'INTEGRATION',
    });
  });
});

describe('update (PATCH)', () => {
  it('merges what is sent, keeps what is not, and keeps id, status and message', () => {
    const before = store.get(ID.bigqueryExport);
    const updated = store.update(ID.bigqueryExport, edit(ID.bigqueryExport, { name: 'Renamed' }));
    expect(updated).toEqual({ ...before, name: 'Renamed' });

    const partial = store.update(ID.bigqueryExport, {
      reference: 'bigquery-finance',
      name: 'Again',
      description: 'x',
      type: 'DATA_EXPORT',
      linked_resources_configurations: [],
    });
    expect(partial.data_export).toEqual(before.data_export);
    expect(partial).toMatchObject({ status: 'ERROR', message: before.message });
  });

  it('requires what the docs mark required on update', () => {
    expect(
      failure(() =>
        store.update(ID.s3Export, { reference: 's3-billing-export', type: 'DATA_EXPORT' }),
      ),
    ).toEqual({ status: 400, code: 'MISSING_FIELD', field: 'name' });
  });

  it('an untouched secret is kept, a replaced one set, a cleared one removed', () => {
    const id = ID.mailgunEu;
    expect(store.secretsOf(id)).toEqual(['authentication.api_key.value']);
    store.update(id, edit(id, { name: 'Mailgun' }));
    expect(store.secretsOf(id)).toEqual(['authentication.api_key.value']);

    store.update(
      id,
      edit(id, { authentication: { api_key: { header: 'Authorization', value: null } } }),
    );
    expect(store.secretsOf(id)).toEqual([]);

    store.update(
      id,
      edit(id, { authentication: { api_key: { header: 'Authorization', value: 'k' } } }),
    );
    expect(store.secretsOf(id)).toEqual(['authentication.api_key.value']);

    store.update(
      id,
      edit(id, { authentication: { api_key: { header: 'Authorization', value: '' } } }),
    );
    expect(store.secretsOf(id)).toEqual([]);
  });

  it('a secret whose object is replaced by another method goes with it', () => {
    const id = ID.avataxUs;
    store.update(id, edit(id, { authentication: { api_key: { header: 'X', value: 'k' } } }));
    expect(store.secretsOf(id)).toEqual(['authentication.api_key.value']);
  });

  it('type cannot change, status only through actions, id must match', () => {
    expect(
      failure(() => store.update(ID.s3Export, edit(ID.s3Export, { type: 'EMAIL_PROVIDER' }))),
    ).toEqual({
      status: 400,
      code: 'INVALID_OPERATION',
      field: 'type',
    });
    const loaded = store.get(ID.s3Export);
    const body = { ...toSolvimonUpdateRequest(loaded, loaded) };
    expect(failure(() => store.update(ID.s3Export, { ...body, status: 'DRAFT' }))).toEqual({
      status: 400,
      code: 'INVALID_OPERATION',
      field: 'status',
    });
    expect(store.update(ID.s3Export, { ...body, status: 'ACTIVE' }).status).toBe('ACTIVE');
    expect(failure(() => store.update(ID.s3Export, { ...body, id: ID.gcsExport }))).toEqual({
      status: 400,
      code: 'INVALID_FIELD',
      field: 'id',
    });
  });

  it('a reference taken by another integration is 409; its own is fine', () => {
    expect(store.update(ID.s3Export, edit(ID.s3Export, {})).reference).toBe('s3-billing-export');
    expect(
      failure(() =>
        store.update(ID.s3Export, edit(ID.s3Export, { reference: 'gcs-usage-archive' })),
      ),
    ).toEqual({
      status: 409,
      code: 'RESOURCE_ALREADY_EXISTS',
      field: 'reference',
    });
  });

  it('an archived integration cannot be edited; an unknown id is 404', () => {
    const error = storeError(() =>
      store.update(ID.avataxLegacy, edit(ID.avataxLegacy, { name: 'x' })),
    );
    expect(error).toMatchObject({ status: 400, code: 'INVALID_OPERATION' });
    expect(error.message).toMatch(/ARCHIVED/);
    expect(failure(() => store.update('intg_nope', {}))).toEqual({
      status: 404,
      code: 'RESOURCE_NOT_FOUND',
      field: undefined,
    });
  });
});

describe('secrets in answers', () => {
  /** The dotted secret paths that hold a value in `integration`, and what they hold. */
  const secretsIn = (integration: SolvimonIntegration) =>
    SOLVIMON_SECRET_PATHS.filter((p) => valueAtPath(integration, p) !== undefined).map((p) => [
      p.join('.'),
      valueAtPath(integration, p),
    ]);

  it('every answer carries the mask at each set secret and nothing at the unset ones', () => {
    const adyen = [
      ['payment_gateway.adyen.signing_secret', SOLVIMON_SECRET_MASK],
      [
        'payment_gateway.adyen.balance_platform_details.authentication.api_key.value',
        SOLVIMON_SECRET_MASK,
      ],
      [
        'payment_gateway.adyen.legal_entity_manager_details.authentication.username_password.password',
        SOLVIMON_SECRET_MASK,
      ],
    ];
    expect(secretsIn(store.get(ID.adyenPlatform))).toEqual(adyen);
    expect(secretsIn(store.get(ID.s3Export))).toEqual([]);
    const listed = store.list({ limit: 100 }).data;
    for (const integration of listed) {
      expect(secretsIn(integration)).toEqual(
        store.secretsOf(integration.id).map((path) => [path, SOLVIMON_SECRET_MASK]),
      );
    }
    expect(secretsIn(store.update(ID.adyenPlatform, edit(ID.adyenPlatform, {})))).toEqual(adyen);
    expect(secretsIn(store.deprecate(ID.adyenPlatform))).toEqual(adyen);
    expect(secretsIn(store.remove(ID.adyenPlatform))).toEqual(adyen);
  });

  it('the stored snapshot holds neither a secret nor the mask', () => {
    store.update(
      ID.mailgunEu,
      edit(ID.mailgunEu, {
        authentication: { api_key: { header: 'Authorization', value: 'key-mg-new' } },
      }),
    );
    const stored = JSON.stringify(store.snapshot());
    expect(stored).not.toContain('key-mg-new');
    expect(stored).not.toContain(SOLVIMON_SECRET_MASK);
  });

  it('the mask sent back as a new value is refused on that field; the console’s PATCH drops it', () => {
    const loaded = store.get(ID.stripeLive);
    const { id: _id, object_type: _o, message: _m, status: _s, ...asLoaded } = loaded;
    const error = storeError(() => store.update(ID.stripeLive, asLoaded));
    expect(error).toMatchObject({ status: 400, code: 'INVALID_FIELD' });
    expect(error.toBody()).toMatchObject({
      field: 'payment_gateway.stripe.signing_secret',
      resource_id: ID.stripeLive,
      message:
        'payment_gateway.stripe.signing_secret: "********" is the mask of the stored secret: ' +
        'enter a new value, or leave the field out to keep it',
    });
    expect(store.secretsOf(ID.stripeLive)).toEqual(['payment_gateway.stripe.signing_secret']);

    expect(
      failure(() =>
        store.create({
          reference: 'masked',
          type: 'EMAIL_PROVIDER',
          authentication: { api_key: { header: 'X', value: SOLVIMON_SECRET_MASK } },
        }),
      ),
    ).toEqual({ status: 400, code: 'INVALID_FIELD', field: 'authentication.api_key.value' });

    // toSolvimonUpdateRequest leaves an untouched (masked) secret out, so it is kept.
    const saved = store.update(ID.stripeLive, edit(ID.stripeLive, { name: 'Stripe EU' }));
    expect(saved.name).toBe('Stripe EU');
    expect(store.secretsOf(ID.stripeLive)).toEqual(['payment_gateway.stripe.signing_secret']);
  });
});

describe('lifecycle', () => {
  it.each([
    [ID.gcsExport, 'DRAFT'],
    [ID.avalaraFr, 'PENDING'],
    [ID.stripeTest, 'TESTING'],
    [ID.bigqueryExport, 'ERROR'],
    [ID.snowflakeExport, 'DEPRECATED'],
  ])('activate %s from %s → ACTIVE, clearing the message', (id, from) => {
    expect(store.get(id).status).toBe(from);
    expect(store.activate(id)).toMatchObject({ status: 'ACTIVE', message: null });
  });

  it('deprecate only from ACTIVE; archive from anything but ARCHIVED, which is final', () => {
    expect(store.deprecate(ID.stripeLive).status).toBe('DEPRECATED');
    const notActive = storeError(() => store.deprecate(ID.gcsExport));
    expect(notActive).toMatchObject({ status: 400, code: 'INVALID_OPERATION' });
    expect(notActive.message).toBe(
      'Only an ACTIVE integration can be deprecated: this one is DRAFT',
    );
    expect(store.archive(ID.gcsExport).status).toBe('ARCHIVED');
    for (const action of ['activate', 'deprecate', 'archive'] as const) {
      const error = storeError(() => store[action](ID.gcsExport));
      expect(error).toMatchObject({ status: 400, code: 'INVALID_OPERATION' });
      expect(error.message).toMatch(/ARCHIVED|archiving is final/);
    }
  });

  it('activating an ACTIVE one, or one without its variant, says why', () => {
    expect(storeError(() => store.activate(ID.stripeLive)).message).toBe(
      `Integration ${ID.stripeLive} is already ACTIVE`,
    );
    const bare = store.create({ reference: 'bare', type: 'E_INVOICING' });
    const error = storeError(() => store.activate(bare.id));
    expect(error.details.field).toBe('e_invoicing.processor');
    expect(error.message).toBe(
      `Integration ${bare.id} cannot be activated: e_invoicing.processor is not set`,
    );
  });

  it('unknown id → 404', () => {
    expect(failure(() => store.archive('intg_nope')).code).toBe('RESOURCE_NOT_FOUND');
  });
});

describe('delete', () => {
  it('returns the deleted integration, then it is gone', () => {
    const removed = store.remove(ID.mailgunUs);
    expect(removed.reference).toBe('mailgun-us');
    expect(failure(() => store.get(ID.mailgunUs)).status).toBe(404);
    expect(failure(() => store.remove(ID.mailgunUs)).status).toBe(404);
  });
});

describe('list', () => {
  it('pages by number, with total_number_of_pages and links', () => {
    const total = seedIntegrations().length;
    const first = store.list({ limit: 5 }, '/solvimon/v1/integrations');
    expect(first).toMatchObject({ page: 1, limit: 5, total_number_of_pages: Math.ceil(total / 5) });
    expect(first.data).toHaveLength(5);
    expect(first.links).toEqual({
      first: '/solvimon/v1/integrations?limit=5&page=1',
      previous: null,
      current: '/solvimon/v1/integrations?limit=5&page=1',
      next: '/solvimon/v1/integrations?limit=5&page=2',
    });
    const pages = Math.ceil(total / 5);
    const last = store.list({ limit: '5', page: String(pages), order_by: 'name' });
    expect(last.links.next).toBeNull();
    expect(last.links.previous).toBe(`/v1/integrations?limit=5&page=${pages - 1}&order_by=name`);
    const all = Array.from(
      { length: pages },
      (_, i) => store.list({ limit: 5, page: i + 1 }).data,
    ).flat();
    expect(all.map((i) => i.id)).toEqual(seedIntegrations().map((r) => r.integration.id));
  });

  it('defaults to 10 per page; a page past the last is empty', () => {
    expect(store.list().data).toHaveLength(10);
    expect(store.list({ page: 99 })).toMatchObject({ data: [], page: 99 });
  });

  it('orders by a field either way; without order_by, DESC is newest first', () => {
    const names = store.list({ limit: 100, order_by: 'name' }).data.map((i) => i.name ?? '');
    expect(names).toEqual(
      [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })),
    );
    const desc = store.list({ limit: 100, order_by: 'name', order_direction: 'desc' }).data;
    expect(desc.map((i) => i.name)).toEqual([...names].reverse());
    const created = store.create({ ...newStripe });
    expect(store.list({ order_direction: 'DESC' }).data[0]?.id).toBe(created.id);
    const byStatus = store.list({ limit: 100, order_by: 'status' }).data.map((i) => i.status);
    expect(byStatus[0]).toBe('ACTIVE');
  });

  it.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ limit: '2.5' }, 'limit'],
    [{ page: 0 }, 'page'],
    [{ page: 'two' }, 'page'],
    [{ order_by: 'created_at' }, 'order_by'],
    [{ order_direction: 'UP' }, 'order_direction'],
  ])('rejects %j as INVALID_FIELD on %s', (query, field) => {
    expect(failure(() => store.list(query))).toEqual({ status: 400, code: 'INVALID_FIELD', field });
  });
});

describe('test-connection', () => {
  it.each([
    [{}, false, /^No authentication given/],
    [
      { api_key: { header: 'X', value: 'v-secret-1' }, username_password: { username: 'u' } },
      false,
      /^Give one/,
    ],
    [{ api_key: { header: 'Authorization', value: 'key-1' } }, true, /^Connected to the provider/],
    [{ api_key: { header: 'Authorization', value: 'EXPIRED-1' } }, false, /has expired/],
    [{ api_key: { header: '', value: 'k-secret-2' } }, false, /^api_key.header is missing/],
    [
      { client_credentials: { client_id: 'c', client_secret: 'cs-revoked-3' } },
      false,
      /invalid_client/,
    ],
    [
      { client_credentials: { client_id: 'c', client_secret: 's3cret' } },
      true,
      /token was issued to client c/,
    ],
    [
      { username_password: { username: 'u', password: 'wrong-pass' } },
      false,
      /invalid username or password/,
    ],
    [{ username_password: { username: 'u' } }, false, /password is missing/],
  ])('%j → successful %s', (auth, successful, message) => {
    const result = store.testConnection(auth);
    expect(result.successful).toBe(successful);
    expect(result.message).toMatch(message);
    const secret = JSON.stringify(auth).match(/"(value|client_secret|password)":"([^"]+)"/)?.[2];
    if (secret) expect(result.message).not.toContain(secret);
  });

  it('names the target from the query, and rejects an unknown one', () => {
    expect(
      store.testConnection(
        { api_key: { header: 'X', value: 'k' } },
        { integration_type: 'E_INVOICING', e_invoicing_processor: 'AVALARA' },
      ).message,
    ).toBe('Connected to Avalara with the API key in X.');
    expect(failure(() => store.testConnection({}, { tax_calculation_variant: 'VERTEX' }))).toEqual({
      status: 400,
      code: 'INVALID_FIELD',
      field: 'tax_calculation_variant',
    });
    expect(failure(() => store.testConnection({ api_key: { value: 5 } })).field).toBe(
      'api_key.value',
    );
    expect(store.testConnection(undefined).successful).toBe(false);
  });
});

describe('default mandates', () => {
  it('all of them, or a page; ordered by name or country', () => {
    const all = store.defaultMandates();
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(store.defaultMandates({ limit: 2, page: 2 })).toEqual(all.slice(2, 4));
    const names = store
      .defaultMandates({ order_by: 'name', order_direction: 'DESC' })
      .map((m) => m.name);
    expect(names).toEqual(
      all
        .map((m) => m.name)
        .sort()
        .reverse(),
    );
    expect(failure(() => store.defaultMandates({ order_by: 'reference' })).field).toBe('order_by');
  });
});

describe('persistence and tabs', () => {
  it('keeps edits in the persistence and shares them with another store (tab)', () => {
    const persistence = createMemoryPersistence();
    const tabA = createSolvimonStore({ persistence });
    const tabB = createSolvimonStore({ persistence });
    const created = tabA.create({ ...newStripe });
    expect(tabB.get(created.id)).toEqual(created);
    tabB.update(ID.s3Export, {
      ...toSolvimonUpdateRequest(tabB.get(ID.s3Export), tabB.get(ID.s3Export)),
      name: 'From B',
    });
    expect(tabA.get(ID.s3Export).name).toBe('From B');
    // A reload reads the same state; ids keep counting where the other tab left off.
    const reloaded = createSolvimonStore({ persistence });
    expect(reloaded.snapshot()).toEqual(tabA.snapshot());
    expect(reloaded.create({ ...newStripe, reference: 'another' }).id).not.toBe(created.id);
    expect(persistence.read()).not.toContain('whsec_1');
    expect(persistence.read()).not.toContain(SOLVIMON_SECRET_MASK);
  });

  it('reset goes back to the seed in every tab; an unreadable snapshot reseeds', () => {
    const persistence = createMemoryPersistence();
    const tabA = createSolvimonStore({ persistence });
    const tabB = createSolvimonStore({ persistence });
    tabA.remove(ID.stripeLive);
    tabB.reset();
    expect(tabA.get(ID.stripeLive).reference).toBe('stripe-eu-live');
    persistence.write('{"format": 99}');
    expect(tabA.list({ limit: 100 }).data).toHaveLength(seedIntegrations().length);
    expect(
      createSolvimonStore({ persistence: createMemoryPersistence('not json') }).snapshot().seq,
    ).toBe(0);
  });
});
