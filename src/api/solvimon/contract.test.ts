/**
 * Contract test: the Solvimon API module and the fake Solvimon against Solvimon's OpenAPI 3.1 document
 * (the schema-only copy `solvimon-openapi-schemas.json` of docs/contracts/solvimon-integrations-openapi.json).
 *
 * Every call goes through `solvimonIntegrationsApi` to the real MSW handlers; MSW's life-cycle events
 * capture each exchange, which is then checked:
 * - the operation exists; query parameter names are declared (integers are integers); the browser
 *   sends no credentials and no `x-platform-id` (the spec's X-API-KEY and x-platform-id headers are
 *   added by the live proxy);
 * - the request body against the operation's requestBody schema, or no body where it takes none;
 * - a 2xx: its status is the one the operation declares (201 for create) and the body matches it,
 *   with every secret of every integration either absent or exactly the mask (SOLVIMON_SECRET_MASK);
 * - an error: the body is an `ApiError` with a message, and the status is declared for the operation
 *   or is one of the fake's documented additions (docs/solvimon-api.md §6: 404 for an unknown id, 409
 *   on PATCH for a taken reference, 400 for a malformed test-connection).
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import sourceText from '../../../docs/contracts/solvimon-integrations-openapi.json?raw';
import { server, solvimonDemoStore } from '../../mocks/node';
import { SOLVIMON_SEED_IDS } from '../../mocks/solvimon/seed';
import {
  SOLVIMON_SECRET_MASK,
  SOLVIMON_SECRET_PATHS,
  solvimonIntegrationsApi as api,
  toSolvimonUpdateRequest,
  valueAtPath,
  type SolvimonIntegrationCreateRequest,
} from '.';
import { captureExchanges, expectFailure, type Exchange } from '../../test/exchanges';
import specText from './solvimon-openapi-schemas.json?raw';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Content {
  content?: { 'application/json'?: { schema?: JsonObject } };
}

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string; schema?: { type?: string } }>;
  requestBody?: Content;
  responses?: Record<string, Content>;
}

const spec = JSON.parse(specText) as {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: JsonObject };
};

// ---------------------------------------------------------------------------------------------
// The copy is the docs/contracts file minus documentation keywords

const DOC_KEYWORDS = new Set(['description', 'example', 'examples', 'summary']);

function strip(node: Json, inPropertiesMap = false): Json {
  if (Array.isArray(node)) return node.map((item) => strip(item));
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    // Inside `properties` the keys are field names (Integration has a `description`).
    if (!inPropertiesMap && DOC_KEYWORDS.has(key)) continue;
    out[key] = strip(value, !inPropertiesMap && key === 'properties');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// OpenAPI 3.1 schemas are JSON Schema 2020-12: only the refs need a shared root

const ROOT_ID = 'solvimon';

function rooted(node: Json): Json {
  if (Array.isArray(node)) return node.map(rooted);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === '$ref' && typeof value === 'string' && value.startsWith('#/')
        ? `${ROOT_ID}${value}`
        : rooted(value);
  }
  return out;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: ROOT_ID, components: rooted(spec.components) });

const validators = new Map<string, ValidateFunction>();
function validatorFor(schema: JsonObject): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(rooted(schema) as JsonObject);
    validators.set(key, validate);
  }
  return validate;
}

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

function errorsOf(validate: ValidateFunction, value: unknown): string[] {
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

// ---------------------------------------------------------------------------------------------
// Matching a request to its operation (literal segments win)

interface SpecOperation {
  key: string;
  template: string;
  method: string;
  regex: RegExp;
  literals: number;
  operation: OpenApiOperation;
}

const OPERATIONS: SpecOperation[] = Object.entries(spec.paths).flatMap(([template, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    key: `${method.toUpperCase()} ${template}`,
    template,
    method: method.toUpperCase(),
    regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    literals: template.split('/').filter((s) => s && !s.includes('{')).length,
    operation,
  })),
);

function operationFor(method: string, url: URL): SpecOperation | undefined {
  const path = url.pathname.slice(url.pathname.indexOf('/v1/'));
  return OPERATIONS.filter((op) => op.method === method && op.regex.test(path)).sort(
    (a, b) => b.literals - a.literals,
  )[0];
}

/** Statuses the fake answers beyond what the spec declares (docs/solvimon-api.md §6). */
function isDocumentedAddition(op: SpecOperation, status: number): boolean {
  if (status === 404) return op.template.includes('{resourceId}');
  if (status === 409) return op.method === 'PATCH';
  if (status === 400) return op.template.endsWith('/test-connection');
  return false;
}

// ---------------------------------------------------------------------------------------------
// Capturing exchanges

const covered = new Set<string>();

/** Integrations in a response body: the body itself, or a page's `data`. */
function integrationsIn(body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null) return [];
  if ('data' in body && Array.isArray(body.data)) return body.data as unknown[];
  return 'reference' in body ? [body] : [];
}

function problemsOf(exchange: Exchange): string[] {
  const label = `${exchange.method} ${exchange.url.pathname}${exchange.url.search} → ${exchange.status}`;
  const op = operationFor(exchange.method, exchange.url);
  if (!op) return [`${label}: no operation in the spec`];
  const ok = exchange.status < 400;
  covered.add(`${op.key} ${ok ? 'ok' : 'error'}`);
  const problems: string[] = [];
  const parameters = op.operation.parameters ?? [];

  for (const [name, value] of exchange.url.searchParams) {
    const declared = parameters.find((p) => p.in === 'query' && p.name === name);
    if (!declared) problems.push(`query parameter "${name}" is not declared`);
    else if (declared.schema?.type === 'integer' && !/^-?\d+$/.test(value)) {
      problems.push(`query parameter "${name}" is not an integer: ${value}`);
    }
  }
  // The spec's X-API-KEY and x-platform-id are the proxy's to add (server/solvimon-proxy.ts).
  for (const header of ['x-api-key', 'authorization', 'x-platform-id']) {
    if (exchange.headers.has(header)) problems.push(`the browser sent ${header}`);
  }

  const requestSchema = op.operation.requestBody?.content?.['application/json']?.schema;
  if (exchange.requestBody !== '') {
    if (!requestSchema) problems.push('sends a body the operation does not take');
    else
      problems.push(
        ...errorsOf(validatorFor(requestSchema), JSON.parse(exchange.requestBody)).map(
          (e) => `request ${e}`,
        ),
      );
  }

  const declared = op.operation.responses?.[String(exchange.status)];
  if (!declared && !(!ok && isDocumentedAddition(op, exchange.status))) {
    problems.push(`status ${exchange.status} is not declared for ${op.key}`);
  }
  const body = JSON.parse(exchange.responseBody) as unknown;
  const responseSchema = ok ? declared?.content?.['application/json']?.schema : ref('ApiError');
  if (!responseSchema) problems.push('no response schema');
  else problems.push(...errorsOf(validatorFor(responseSchema), body).map((e) => `response ${e}`));
  if (!ok) {
    const { message } = body as { message?: unknown };
    if (typeof message !== 'string' || message === '') problems.push('error without a message');
  }
  for (const integration of integrationsIn(body)) {
    for (const path of SOLVIMON_SECRET_PATHS) {
      const value = valueAtPath(integration, path);
      if (value !== undefined && value !== SOLVIMON_SECRET_MASK) {
        problems.push(`response carries the secret ${path.join('.')} unmasked`);
      }
    }
  }
  return problems.map((p) => `${label}: ${p}`);
}

const { expectConforming } = captureExchanges(server, problemsOf);

const ID = SOLVIMON_SEED_IDS;
const UNKNOWN = 'intg_doesNotExist0000';

/** One create body per type and variant, secrets included (they go in, and come back only as the mask). */
const NEW_INTEGRATIONS: SolvimonIntegrationCreateRequest[] = [
  {
    reference: 'ct-stripe',
    name: 'Stripe (contract)',
    type: 'PAYMENT_GATEWAY',
    payment_gateway: {
      variant: 'STRIPE',
      stripe: { public_key: 'pk_test_contract', signing_secret: 'whsec_contract' },
    },
  },
  {
    reference: 'ct-adyen',
    type: 'PAYMENT_GATEWAY',
    payment_gateway: {
      variant: 'ADYEN',
      adyen: {
        company_account: 'Contract',
        environment: 'TEST',
        merchant_accounts: ['ContractEU'],
        signing_secret: 'adyen-hmac',
        ownership: 'SYSTEM',
        system_ownership_details: { account_holder_id: 'AH1', store_id: 'ST1' },
        balance_platform_details: {
          account: 'AH1',
          authentication: { api_key: { header: 'X-API-Key', value: 'bp-key' } },
        },
        legal_entity_manager_details: {
          authentication: { client_credentials: { client_id: 'lem', client_secret: 'lem-secret' } },
        },
        enabled_payment_methods: null,
      },
    },
  },
  {
    reference: 'ct-avalara',
    description: 'Peppol only',
    type: 'E_INVOICING',
    authentication: { client_credentials: { client_id: 'elr', client_secret: 'elr-secret' } },
    e_invoicing: {
      processor: 'AVALARA',
      mandates: [
        {
          name: 'BE-B2B-PEPPOL',
          country: 'BE',
          mappings: [{ target: 'cbc:BuyerReference', source: 'invoice.reference' }],
          condition_groups: [
            { conditions: [{ field: 'customer.country', comparator_type: 'EQUALS', value: 'BE' }] },
          ],
          include_pdf_in_einvoice: true,
          supported_file_formats: [{ type: 'UBL', description: null }],
        },
      ],
    },
  },
  {
    reference: 'ct-s3',
    type: 'DATA_EXPORT',
    data_export: {
      variant: 'S3',
      s3: {
        bucket_name: 'b',
        bucket_path: 'p/',
        bucket_region: 'eu-west-1',
        authentication_type: null,
      },
    },
  },
  {
    reference: 'ct-bigquery',
    type: 'DATA_EXPORT',
    data_export: {
      variant: 'BIGQUERY',
      bigquery: { project_id: 'p', dataset_id: 'd', gcs_hmac_key_secret: 'hmac' },
    },
  },
  {
    reference: 'ct-gcs',
    type: 'DATA_EXPORT',
    data_export: { variant: 'GCS', gcs: { bucket_name: 'g', flattening: false } },
  },
  {
    reference: 'ct-snowflake',
    type: 'DATA_EXPORT',
    authentication: { username_password: { username: 'LOADER', password: 'pw' } },
    data_export: { variant: 'SNOWFLAKE', snowflake: { host: 'h', schema: null } },
  },
  {
    reference: 'ct-avatax',
    type: 'TAX_CALCULATION',
    tax_calculation: {
      billing_entity_id: 'bent_1',
      variant: 'AVATAX',
      ava_tax: { company_code: 'CT' },
      custom_tax_codes: [{ field: 'PRODUCT_FALLBACK', value: 'P0000000' }],
      enable_tax_filing: false,
    },
  },
  { reference: 'ct-system-email', type: 'EMAIL_PROVIDER', email_provider: { variant: 'SYSTEM' } },
  {
    reference: 'ct-mailgun',
    type: 'EMAIL_PROVIDER',
    status: 'DRAFT',
    authentication: { api_key: { header: 'Authorization', value: 'key-1' } },
    email_provider: {
      variant: 'MAILGUN',
      mailgun: { domain: 'mg.example.com', region: 'EU', plan: null },
      delivery_window: { type: 'MONTH', value: 2 },
      use_localized_templates: null,
    },
    linked_resources_configurations: [
      {
        resource_type: 'CONTACT',
        link_details: [{ base_url: 'https://x.example/', custom_field_reference: 'x_id' }],
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------

describe('contract: the schema copy', () => {
  it('is docs/contracts/solvimon-integrations-openapi.json without documentation keywords', () => {
    const source = JSON.parse(sourceText) as JsonObject;
    const components = source.components as JsonObject;
    expect(spec.paths).toEqual(strip(source.paths ?? {}));
    expect(spec.components.schemas).toEqual(strip(components.schemas ?? {}));
  });
});

describe('contract: reads', () => {
  it('list with every parameter, every seeded integration, default mandates', async () => {
    await expectConforming(async () => {
      await api.list();
      await api.list({ limit: 5, page: 2 });
      await api.list({ limit: 100, page: 1, order_by: 'name', order_direction: 'DESC' });
      await api.list({ limit: 3, page: 9 });
      for (const id of Object.values(ID)) await api.get(id);
      await api.defaultMandates();
      await api.defaultMandates({ limit: 2, page: 2, order_by: 'country', order_direction: 'ASC' });
    });
  });
});

describe('contract: writes', () => {
  it('create every type and variant (201), edit as the console does, delete', async () => {
    const exchanges = await expectConforming(async () => {
      for (const body of NEW_INTEGRATIONS) {
        const created = await api.create(body);
        const loaded = await api.get(created.id);
        const edited = { ...loaded, name: `${loaded.reference} (edited)` };
        await api.update(loaded.id, toSolvimonUpdateRequest(edited, loaded));
      }
      // A replaced secret and a cleared one travel in the PATCH; untouched ones do not.
      const mailgun = (await api.list({ limit: 100 })).data.find(
        (i) => i.reference === 'ct-mailgun',
      );
      if (!mailgun) throw new Error('ct-mailgun was not created');
      await api.update(
        mailgun.id,
        toSolvimonUpdateRequest(
          { ...mailgun, authentication: { api_key: { header: 'Authorization', value: 'key-2' } } },
          mailgun,
        ),
      );
      const stripe = await api.get(ID.stripeLive);
      await api.update(
        stripe.id,
        toSolvimonUpdateRequest(
          {
            ...stripe,
            payment_gateway: {
              ...stripe.payment_gateway,
              stripe: { public_key: 'pk_live_2', signing_secret: null },
            },
          },
          stripe,
        ),
      );
      await api.remove(mailgun.id);
    });
    expect(exchanges.filter((e) => e.status === 201)).toHaveLength(NEW_INTEGRATIONS.length);
    expect(solvimonDemoStore().secretsOf(ID.stripeLive)).toEqual([]);
    // The secrets sent on create came back as the mask, never as sent.
    const answers = exchanges.map((e) => e.responseBody).join('\n');
    expect(answers).toContain(`"signing_secret":"${SOLVIMON_SECRET_MASK}"`);
    for (const sent of ['whsec_contract', 'adyen-hmac', 'lem-secret', 'elr-secret', 'key-2']) {
      expect(answers).not.toContain(sent);
    }
  });

  it('lifecycle: activate, deprecate, archive', async () => {
    await expectConforming(async () => {
      await api.activate(ID.gcsExport);
      await api.activate(ID.bigqueryExport);
      await api.deprecate(ID.stripeLive);
      await api.activate(ID.stripeLive);
      await api.archive(ID.snowflakeExport);
    });
  });

  it('test-connection: answers for each method and target', async () => {
    await expectConforming(async () => {
      await api.testConnection({ api_key: { header: 'Authorization', value: 'key-ok' } });
      await api.testConnection(
        { client_credentials: { client_id: 'elr', client_secret: 'revoked-secret' } },
        { integration_type: 'E_INVOICING', e_invoicing_processor: 'AVALARA' },
      );
      await api.testConnection(
        { username_password: { username: '2000123456', password: 'license-key' } },
        { integration_type: 'TAX_CALCULATION', tax_calculation_variant: 'AVATAX' },
      );
      await api.testConnection({});
    });
  });
});

describe('contract: error bodies', () => {
  it('unknown ids, a taken reference, bad fields, a refused action, bad paging', async () => {
    await expectConforming(async () => {
      await expectFailure(404, () => api.get(UNKNOWN));
      await expectFailure(404, () => api.remove(UNKNOWN));
      await expectFailure(404, () => api.activate(UNKNOWN));
      await expectFailure(409, () =>
        api.create({ reference: 'stripe-eu-live', type: 'PAYMENT_GATEWAY' }),
      );
      await expectFailure(400, () => api.create({ reference: 'has space', type: 'DATA_EXPORT' }));
      await expectFailure(400, () =>
        api.create({ reference: 'r'.repeat(257), type: 'DATA_EXPORT' }),
      );
      await expectFailure(400, () =>
        api.create({ reference: 'two-lines', name: 'a\nb', type: 'DATA_EXPORT' }),
      );
      await expectFailure(400, () => api.deprecate(ID.gcsExport));
      await expectFailure(400, () => api.activate(ID.avataxLegacy));
      await expectFailure(400, () => api.list({ limit: 0 }));
      const loaded = await api.get(ID.s3Export);
      await expectFailure(409, () =>
        api.update(
          loaded.id,
          toSolvimonUpdateRequest({ ...loaded, reference: 'bigquery-finance' }, loaded),
        ),
      );
      await expectFailure(404, () => api.update(UNKNOWN, toSolvimonUpdateRequest(loaded, loaded)));
      // The mask sent back as a secret's value (the console never does) is refused.
      const stripe = await api.get(ID.stripeLive);
      await expectFailure(400, () =>
        api.update(stripe.id, {
          ...toSolvimonUpdateRequest(stripe, stripe),
          payment_gateway: stripe.payment_gateway,
        }),
      );
      await expectFailure(400, () =>
        api.testConnection({ api_key: { header: 'X', value: 'v' } }, { integration_type: 'CRM' }),
      );
    });
  });
});

describe('contract: the whole seed', () => {
  it('every seeded integration matches Integration and carries no secret', () => {
    const integration = validatorFor(ref('Integration'));
    const records = solvimonDemoStore().snapshot().integrations;
    expect(records.length).toBeGreaterThanOrEqual(12);
    const problems = records.flatMap(({ integration: i }) => [
      ...errorsOf(integration, i).map((e) => `${i.id} ${e}`),
      ...SOLVIMON_SECRET_PATHS.filter((p) => valueAtPath(i, p) !== undefined).map(
        (p) => `${i.id} holds ${p.join('.')}`,
      ),
    ]);
    expect(problems).toEqual([]);
  });

  it('the checks can fail: wrong bodies are reported', () => {
    const integration = validatorFor(ref('Integration'));
    expect(errorsOf(integration, { id: 'x', type: 'CRM' })).not.toEqual([]);
    expect(errorsOf(integration, { id: 'x', status: 'LIVE' })).not.toEqual([]);
    expect(
      errorsOf(integration, { payment_gateway: { variant: 'STRIPE', stripe: { public_key: 1 } } }),
    ).not.toEqual([]);
    expect(errorsOf(validatorFor(ref('ApiError')), { message: 'no code' })).not.toEqual([]);
    expect(errorsOf(validatorFor(ref('IntegrationResponseWrapper')), { page: 1 })).not.toEqual([]);
    const unmasked = {
      method: 'GET',
      url: new URL(`http://localhost/solvimon/v1/integrations/${ID.stripeLive}`),
      headers: new Headers(),
      requestBody: '',
      status: 200,
      responseBody: JSON.stringify({
        id: ID.stripeLive,
        reference: 'r',
        type: 'PAYMENT_GATEWAY',
        payment_gateway: { stripe: { signing_secret: 'whsec_readable' } },
      }),
    };
    expect(problemsOf(unmasked).join('\n')).toContain(
      'carries the secret payment_gateway.stripe.signing_secret unmasked',
    );
    const masked = unmasked.responseBody.replace('whsec_readable', SOLVIMON_SECRET_MASK);
    expect(problemsOf({ ...unmasked, responseBody: masked })).toEqual([]);
  });

  it('covered every operation, for success and for errors', () => {
    const expected = [
      ...OPERATIONS.map((op) => `${op.key} ok`),
      'GET /v{version}/integrations/{resourceId} error',
      'PATCH /v{version}/integrations/{resourceId} error',
      'DELETE /v{version}/integrations/{resourceId} error',
      'POST /v{version}/integrations error',
      'GET /v{version}/integrations error',
      'POST /v{version}/integrations/{resourceId}/activate error',
      'POST /v{version}/integrations/{resourceId}/deprecate error',
      'POST /v{version}/integrations/test-connection error',
    ];
    expect(OPERATIONS).toHaveLength(10);
    expect([...covered].filter((k) => expected.includes(k)).sort()).toEqual([...expected].sort());
  });
});
