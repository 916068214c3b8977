/**
 * Contract test: the fake m3ter and the API module against m3ter's published OpenAPI (a schema-only
 * copy of docs/contracts/m3ter-openapi-extract.json and m3ter-openapi-extract-events-bills.json, made
 * by scripts/extract-openapi-schemas.mjs).
 *
 * Every call below goes through the real API module (`configsApi`, `runsApi`, `mappingsApi`,
 * `eventsApi`, `billsApi`, `accountsApi`) to the real MSW handlers; MSW life-cycle events capture each exchange, which is then checked:
 * - the request body against the operation's requestBody schema, and the query parameter names
 *   against the operation's declared parameters;
 * - the response body against the operation's 200 schema, or, for an error status, against
 *   `components.responses.Error`.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import {
  accountsApi,
  billsApi,
  configsApi,
  eventsApi,
  INTEGRATION_EVENT_TYPE,
  mappingsApi,
  runsApi,
  webhookDestinationsApi,
  type IntegrationConfig,
  type IntegrationConfigRequest,
} from '..';
import { demoStore, server } from '../../mocks/node';
import { createSeed, SEED_ANCHOR, SEED_IDS, seedEvents, seedRuns } from '../../mocks/seed';
import { captureExchanges, expectFailure, type Exchange } from '../../test/exchanges';
import specText from './m3ter-openapi-schemas.json?raw';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: { 'application/json'?: { schema?: JsonObject } } };
  responses?: Record<
    string,
    { content?: { 'application/json'?: { schema?: JsonObject } }; $ref?: string }
  >;
}

const spec = JSON.parse(specText) as {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: JsonObject; responses: JsonObject };
};

// ---------------------------------------------------------------------------------------------
// Turning OpenAPI 3.0 schemas into JSON Schema that Ajv compiles

/**
 * m3ter's spec carries Java regexes. The ExternalMappingRequest one uses `\p{Cntrl}` and nested
 * character-class unions, which JavaScript cannot compile; this is a faithful port (still as loose
 * as the original, whose anchors sit outside the alternation).
 */
const JAVA_PATTERNS: Record<string, string> = {
  '^([^[\\p{Cntrl}\\s]])|([^[\\p{Cntrl}\\s]][[^[\\p{Cntrl}\\s]] ]*[^[\\p{Cntrl}\\s]])$':
    '^([^\\p{Cc}\\s])|([^\\p{Cc}\\s](?:[^\\p{Cc}\\s]| )*[^\\p{Cc}\\s])$',
};

const ROOT_ID = 'm3ter';

/**
 * Rewrites refs to the shared root, ports Java patterns, OpenAPI `nullable` and boolean
 * `exclusiveMinimum` / `exclusiveMaximum` to JSON Schema.
 */
function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) {
      out[key] = `${ROOT_ID}${value}`;
    } else if (key === 'pattern' && typeof value === 'string') {
      const ported = JAVA_PATTERNS[value] ?? value;
      if (/\\p\{(?!Cc|L|N)/.test(ported)) throw new Error(`Unported Java pattern: ${value}`);
      out[key] = ported;
    } else if (key !== 'nullable') {
      out[key] = toJsonSchema(value);
    }
  }
  // OpenAPI 3.0's boolean exclusiveMinimum/-Maximum (BillLineItem) is a number in JSON Schema.
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof out[flag] !== 'boolean') continue;
    const limit = out[bound];
    if (out[flag] === true && typeof limit === 'number') {
      out[flag] = limit;
      delete out[bound];
    } else {
      delete out[flag];
    }
  }
  if (node.nullable === true) {
    // OpenAPI 3.0: `nullable` widens the schema to also accept null.
    return typeof out.type === 'string'
      ? { ...out, type: [out.type, 'null'] }
      : { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/**
 * Documented exceptions to a component schema, applied before compiling. docs/m3ter-api.md §6.4:
 * EventResponse lists `dtActioned` as required, yet an event nobody has actioned has no date to give;
 * the fake omits it then (and the console's eventSchema makes it optional). Its type and format still
 * apply whenever it is present.
 */
const SCHEMA_EXCEPTIONS: Record<string, (schema: JsonObject) => JsonObject> = {
  EventResponse: (schema) => ({
    ...schema,
    required: (schema.required as string[]).filter((name) => name !== 'dtActioned'),
  }),
};

const componentSchemas: JsonObject = Object.fromEntries(
  Object.entries(spec.components.schemas).map(([name, schema]) => {
    const exception = SCHEMA_EXCEPTIONS[name];
    return [name, exception ? exception(schema as JsonObject) : schema];
  }),
);

// strict: false because the spec carries vendor keywords (x-stainless-*, deprecated) Ajv does not know.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({
  $id: ROOT_ID,
  components: toJsonSchema({ ...spec.components, schemas: componentSchemas }),
});

const validators = new Map<string, ValidateFunction>();
function validatorFor(schema: JsonObject): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema) as JsonObject);
    validators.set(key, validate);
  }
  return validate;
}

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });
const ERROR_SCHEMA = (
  spec.components.responses.Error as { content: { 'application/json': { schema: JsonObject } } }
).content['application/json'].schema;

/**
 * docs/m3ter-api.md §3.6: these two are typed in the spec (and in every SDK) as IntegrationRunResponse, but the
 * endpoints return the config (the docs call the result "the IntegrationConfig", and the housecanary
 * Terraform provider reads config fields from it). The fake returns configs, so they are validated
 * as IntegrationConfigResponse instead.
 */
const RESPONSE_OVERRIDES: Record<string, JsonObject> = {
  'GET /organizations/{orgId}/integrationconfigs/{id}': ref('IntegrationConfigResponse'),
  'GET /organizations/{orgId}/integrationconfigs/entity/{entityType}': ref(
    'IntegrationConfigResponse',
  ),
};

/**
 * docs/m3ter-api.md §6.1, Decision 8: the console treats the signing credentials as write-only, so an
 * update that keeps them sends the credentials object without `apiKey` and `secret` (the spec requires
 * both on every body; how m3ter keeps stored credentials otherwise is not documented). Everything else
 * about the PUT body is checked as the spec says; POST still needs both.
 */
const REQUEST_OVERRIDES: Record<string, JsonObject> = {
  'PUT /organizations/{orgId}/integrationdestinations/webhooks/{id}': {
    allOf: [ref('DestinationRequest'), ref('AbstractRequest')],
    required: ['credentials', 'url'],
    properties: {
      url: { type: 'string', minLength: 1 },
      credentials: {
        allOf: [ref('AbstractRequest'), ref('IntegrationCredentialsRequestBase')],
        required: ['type'],
        properties: {
          type: { type: 'string', enum: ['M3TER_SIGNED_REQUEST'] },
          empty: { type: 'boolean' },
          apiKey: { type: 'string', minLength: 1 },
          secret: { type: 'string', minLength: 1 },
        },
      },
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Matching a request to its operation (literal segments win, as on m3ter: docs/m3ter-api.md §4.7)

interface SpecOperation {
  key: string;
  regex: RegExp;
  literals: number;
  operation: OpenApiOperation;
}

const OPERATIONS: SpecOperation[] = Object.entries(spec.paths).flatMap(([template, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    key: `${method.toUpperCase()} ${template}`,
    regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    literals: template.split('/').filter((s) => s && !s.startsWith('{')).length,
    operation,
  })),
);

function operationFor(method: string, url: URL): SpecOperation | undefined {
  const path = url.pathname.slice(url.pathname.indexOf('/organizations/'));
  return OPERATIONS.filter((op) => op.key.startsWith(`${method} `) && op.regex.test(path)).sort(
    (a, b) => b.literals - a.literals,
  )[0];
}

// ---------------------------------------------------------------------------------------------
// Capturing exchanges

const covered = new Set<string>();

function errorsOf(validate: ValidateFunction, value: unknown): string[] {
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** Checks one exchange against the spec; returns human-readable problems (empty = conforms). */
function problemsOf(exchange: Exchange): string[] {
  const label = `${exchange.method} ${exchange.url.pathname}${exchange.url.search} → ${exchange.status}`;
  const op = operationFor(exchange.method, exchange.url);
  if (!op) return [`${label}: no operation in the spec`];
  covered.add(`${op.key} ${exchange.status < 400 ? '200' : 'error'}`);
  const problems: string[] = [];

  const declared = new Set(
    (op.operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
  );
  for (const name of exchange.url.searchParams.keys()) {
    if (!declared.has(name)) problems.push(`query parameter "${name}" is not declared`);
  }

  const requestSchema =
    REQUEST_OVERRIDES[op.key] ?? op.operation.requestBody?.content?.['application/json']?.schema;
  if (exchange.requestBody !== '') {
    if (!requestSchema) problems.push('sends a body the operation does not take');
    else
      problems.push(
        ...errorsOf(validatorFor(requestSchema), JSON.parse(exchange.requestBody)).map(
          (e) => `request ${e}`,
        ),
      );
  }

  const responseSchema =
    exchange.status >= 400
      ? ERROR_SCHEMA
      : (RESPONSE_OVERRIDES[op.key] ??
        op.operation.responses?.['200']?.content?.['application/json']?.schema);
  if (!responseSchema) problems.push('no response schema');
  else
    problems.push(
      ...errorsOf(validatorFor(responseSchema), JSON.parse(exchange.responseBody)).map(
        (e) => `response ${e}`,
      ),
    );
  if (exchange.status >= 400) {
    const body = JSON.parse(exchange.responseBody) as { message?: unknown };
    if (typeof body.message !== 'string' || body.message === '')
      problems.push('error without a message');
  }
  return problems.map((p) => `${label}: ${p}`);
}

const { expectConforming } = captureExchanges(server, problemsOf);

// ---------------------------------------------------------------------------------------------

describe('contract: integration configs', () => {
  it('list, get, get-by-entity and available systems', async () => {
    await expectConforming(async () => {
      await configsApi.list({ pageSize: 5 });
      await configsApi.list({ pageSize: 200, destinationId: SEED_IDS.destinations.stripeEu });
      for (const id of Object.values(SEED_IDS.configs)) await configsApi.get(id);
      await configsApi.getByEntity('Bill', {
        destination: 'Stripe',
        destinationId: SEED_IDS.destinations.stripeEu,
      });
      await configsApi.getByEntity('Notification', { entityId: SEED_IDS.notifications[0] });
      await configsApi.availableSystems();
      await configsApi.availableSystems({ entityType: 'Notification' });
    });
  });

  it('create, update, enable and delete: requests and responses', async () => {
    const exchanges = await expectConforming(async () => {
      const body: IntegrationConfigRequest = {
        entityType: 'Bill',
        destination: 'Stripe',
        destinationId: SEED_IDS.destinations.stripeEu,
        name: 'Stripe – contract test',
        configData: { currency: 'EUR', daysUntilDue: 30 },
        integrationCredentialsId: '1a0b9c8d-7e6f-4a5b-8c4d-3e2f1a0b9c8d',
      };
      const created = await configsApi.create(body);
      await configsApi.create({
        entityType: 'Notification',
        destination: 'Webhook',
        entityId: SEED_IDS.notifications[5],
        credentials: {
          type: 'M3TER_SIGNED_REQUEST',
          destination: 'WEBHOOK',
          name: 'Ops hook',
          empty: false,
        },
      });
      // As the edit form does (docs/m3ter-api.md Decision 6): the loaded entity, the edits on top, its version.
      const loaded: IntegrationConfig = await configsApi.get(created.id);
      const updated = await configsApi.update(loaded.id, {
        ...loaded,
        name: 'Renamed',
        version: loaded.version ?? 1,
      });
      await configsApi.enable(SEED_IDS.disabledConfig);
      await configsApi.remove(updated.id);
    });
    // The three bodies the API module built (two creates, one update) were captured and checked.
    expect(exchanges.filter((e) => e.requestBody !== '').map((e) => e.method)).toEqual([
      'POST',
      'POST',
      'PUT',
    ]);
  });

  it('error bodies: 400, 404, 409', async () => {
    await expectConforming(async () => {
      await expectFailure(404, () => configsApi.get('00000000-0000-4000-8000-000000000000'));
      await expectFailure(404, () => configsApi.getByEntity('Bill', { destination: 'Oracle' }));
      await expectFailure(400, () => configsApi.list({ pageSize: 0 }));
      const loaded = await configsApi.get(SEED_IDS.configs.netsuite);
      await configsApi.update(loaded.id, { ...loaded, version: loaded.version ?? 1 });
      await expectFailure(409, () =>
        configsApi.update(loaded.id, { ...loaded, version: loaded.version ?? 1 }),
      );
    });
  });
});

describe('contract: integration runs', () => {
  it('per entity (with every filter), per destination, one run, latest and log', async () => {
    await expectConforming(async () => {
      await runsApi.listForEntity('Bill', SEED_IDS.bigBill, {
        pageSize: 200,
        status: 'COMPLETE',
        order: 'ASC',
        startDate: '2026-11-10T00:00:00Z',
        endDate: '2026-11-20T00:00:00Z',
      });
      for (const billId of Object.values(SEED_IDS.bills)) {
        await runsApi.listForEntity('Bill', billId, { pageSize: 200 });
        await runsApi.latest('Bill', billId);
      }
      await runsApi.listForEntity('Notification', SEED_IDS.notifications[4], { pageSize: 200 });
      const page = await runsApi.listForDestination(SEED_IDS.destinations.webhookOps, {
        destination: 'Webhook',
        pageSize: 50,
      });
      await runsApi.listForDestination(SEED_IDS.destinations.stripeEu, {
        pageSize: 20,
        nextToken: undefined,
      });
      for (const run of page.data.slice(0, 5)) await runsApi.get(run.id);
      for (const id of Object.values(SEED_IDS.runs)) await runsApi.get(id);
      await runsApi.log(SEED_IDS.runs.retryRoot);
    });
  });

  it('error bodies: a run without a log, unknown run, bad pageSize', async () => {
    await expectConforming(async () => {
      await expectFailure(404, () => runsApi.log(SEED_IDS.runs.waiting));
      await expectFailure(404, () => runsApi.get('00000000-0000-4000-8000-000000000000'));
      await expectFailure(400, () =>
        runsApi.listForEntity('Bill', SEED_IDS.bigBill, { pageSize: 201 }),
      );
    });
  });
});

describe('contract: external mappings', () => {
  it('list with every filter, get, per m3ter entity and per external entity', async () => {
    await expectConforming(async () => {
      const page = await mappingsApi.list({ pageSize: 200 });
      await mappingsApi.list({
        externalSystemId: 'Stripe',
        m3terIds: [SEED_IDS.accounts.acme, SEED_IDS.accounts.globex],
        integrationConfigId: SEED_IDS.configs.stripeEu,
        pageSize: 10,
      });
      const first = page.data[0];
      if (!first) throw new Error('seed has no mappings');
      await mappingsApi.get(first.id);
      await mappingsApi.listForM3terEntity('Account', SEED_IDS.accounts.acme, { pageSize: 50 });
      await mappingsApi.listForExternalEntity(
        first.externalSystem,
        first.externalTable,
        first.externalId,
      );
    });
  });

  it('create, update and delete: requests and responses', async () => {
    const exchanges = await expectConforming(async () => {
      const created = await mappingsApi.create({
        m3terEntity: 'Account',
        m3terId: SEED_IDS.accounts.vandelay,
        externalSystem: 'Stripe',
        externalTable: 'Customer',
        externalId: 'cus_Vandelay0001',
        integrationConfigId: SEED_IDS.configs.stripeUs,
      });
      const loaded = await mappingsApi.get(created.id);
      const updated = await mappingsApi.update(loaded.id, {
        ...loaded,
        externalId: 'cus_Vandelay0002',
        version: loaded.version ?? 1,
      });
      await mappingsApi.remove(updated.id);
    });
    expect(exchanges.filter((e) => e.requestBody !== '').map((e) => e.method)).toEqual([
      'POST',
      'PUT',
    ]);
  });

  it('configuration and external entity values (with and without a credential)', async () => {
    await expectConforming(async () => {
      await mappingsApi.configuration();
      await mappingsApi.externalEntities('Stripe', 'Account', { externalTable: 'Customer' });
      await mappingsApi.externalEntities('NetSuite', 'Product');
      await mappingsApi.externalEntities('QuickBooks', 'Account');
      const credentialId =
        demoStore().getConfig(SEED_IDS.configs.xeroUk).integrationCredentialsId ?? '';
      await mappingsApi.externalEntities('Xero', 'Account', {
        integrationCredentialsId: credentialId,
      });
    });
  });

  it('error bodies: invalid body, stale version, unknown id', async () => {
    await expectConforming(async () => {
      await expectFailure(400, () =>
        mappingsApi.create({
          m3terEntity: 'Account',
          m3terId: SEED_IDS.accounts.acme,
          externalSystem: 'Stripe',
          externalTable: 'Customer',
          externalId: 'cus_x',
          integrationConfigId: 'not-a-config',
        }),
      );
      const first = (await mappingsApi.list({ pageSize: 1 })).data[0];
      if (!first) throw new Error('seed has no mappings');
      await expectFailure(409, () =>
        mappingsApi.update(first.id, { ...first, version: (first.version ?? 1) + 5 }),
      );
      await expectFailure(404, () => mappingsApi.remove('00000000-0000-4000-8000-000000000000'));
    });
  });
});

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('contract: events, bills and accounts', () => {
  it('events list with every filter the console sends, and the page walk', async () => {
    const exchanges = await expectConforming(async () => {
      await eventsApi.list({
        eventType: INTEGRATION_EVENT_TYPE,
        eventName: 'integration.missingaccountmapping.error',
        accountId: SEED_IDS.accounts.vandelay,
        includeActioned: true,
        pageSize: 100,
      });
      await eventsApi.list({ eventType: INTEGRATION_EVENT_TYPE, includeActioned: false });
      await eventsApi.list({ resourceId: SEED_IDS.bills.missingMapping, pageSize: 10 });
      let nextToken: string | undefined;
      let pages = 0;
      do {
        const page = await eventsApi.list({
          eventType: INTEGRATION_EVENT_TYPE,
          includeActioned: true,
          pageSize: 100,
          ...(nextToken ? { nextToken } : {}),
        });
        nextToken = page.nextToken ?? undefined;
        pages += 1;
      } while (nextToken && pages < 50);
      expect(pages).toBeGreaterThan(1);
    });
    expect(exchanges.some((e) => e.url.searchParams.has('nextToken'))).toBe(true);
    expect(exchanges[0]?.url.searchParams.get('includeActioned')).toBe('true');
  });

  it('get event, bill and account', async () => {
    await expectConforming(async () => {
      for (const id of Object.values(SEED_IDS.events)) await eventsApi.get(id);
      for (const id of [SEED_IDS.bigBill, ...Object.values(SEED_IDS.bills)]) await billsApi.get(id);
      for (const id of Object.values(SEED_IDS.accounts)) await accountsApi.get(id);
    });
  });

  it('error bodies: unknown event, bill and account; pageSize 0 and 101', async () => {
    await expectConforming(async () => {
      await expectFailure(404, () => eventsApi.get(UNKNOWN_ID));
      await expectFailure(404, () => billsApi.get(UNKNOWN_ID));
      await expectFailure(404, () => accountsApi.get(UNKNOWN_ID));
      await expectFailure(400, () => eventsApi.list({ pageSize: 0 }));
      await expectFailure(400, () => eventsApi.list({ pageSize: 101 }));
    });
  });
});

describe('contract: webhook destinations', () => {
  const credentials = {
    type: 'M3TER_SIGNED_REQUEST',
    apiKey: 'key-123',
    secret: 's3cr3t',
  } as const;

  it('list (paged, by ids), get, create, update, activate, deactivate and delete', async () => {
    const exchanges = await expectConforming(async () => {
      const first = await webhookDestinationsApi.list({ pageSize: 2 });
      expect(first.nextToken).toBeTruthy();
      await webhookDestinationsApi.list({ pageSize: 2, nextToken: first.nextToken ?? '' });
      await webhookDestinationsApi.list({
        ids: [SEED_IDS.destinations.webhookOps, SEED_IDS.destinations.webhookSlack],
      });
      await webhookDestinationsApi.get(SEED_IDS.destinations.webhookWarehouse);
      const created = await webhookDestinationsApi.create({
        name: 'Contract hook',
        description: 'Made by the contract test',
        code: 'contract_hook',
        url: 'https://hooks.contract.example.com/in',
        credentials,
      });
      // Keep the stored credentials: the object without apiKey/secret (REQUEST_OVERRIDES).
      const kept = await webhookDestinationsApi.update(created.id, {
        name: 'Contract hook, renamed',
        description: created.description ?? '',
        url: created.url ?? '',
        code: 'contract_hook',
        credentials: { type: 'M3TER_SIGNED_REQUEST' },
        version: created.version ?? 1,
      });
      const replaced = await webhookDestinationsApi.update(created.id, {
        name: 'Contract hook, renamed',
        description: 'New key',
        url: kept.url ?? '',
        credentials: { ...credentials, secret: 'n3w' },
        version: kept.version ?? 1,
      });
      await webhookDestinationsApi.setActive(replaced.id, false);
      await webhookDestinationsApi.setActive(replaced.id, true);
      await webhookDestinationsApi.remove(replaced.id);
    });
    expect(exchanges.filter((e) => e.requestBody !== '').map((e) => e.method)).toEqual([
      'POST',
      'PUT',
      'PUT',
    ]);
    // The fake answers with masked credentials; never what was sent.
    expect(exchanges.map((e) => e.responseBody).join('\n')).not.toMatch(/key-123|s3cr3t|n3w/);
    expect(exchanges.find((e) => e.url.searchParams.has('active'))?.url.search).toBe(
      '?active=false',
    );
  });

  it('error bodies: unresolvable URL, code in use, stale version, unknown id', async () => {
    await expectConforming(async () => {
      await expectFailure(400, () =>
        webhookDestinationsApi.create({
          name: 'Nowhere',
          description: 'Does not resolve',
          url: 'https://hooks.does-not-resolve.invalid/x',
          credentials,
        }),
      );
      await expectFailure(400, () =>
        webhookDestinationsApi.create({
          name: 'Taken code',
          description: 'Another destination has this code',
          code: 'slack_relay',
          url: 'https://hooks.example.com/x',
          credentials,
        }),
      );
      await expectFailure(400, () => webhookDestinationsApi.list({ pageSize: 201 }));
      const loaded = await webhookDestinationsApi.get(SEED_IDS.destinations.webhookOps);
      await expectFailure(409, () =>
        webhookDestinationsApi.update(loaded.id, {
          name: loaded.name ?? '',
          description: loaded.description ?? '',
          url: loaded.url ?? '',
          credentials: { type: 'M3TER_SIGNED_REQUEST' },
          version: (loaded.version ?? 1) + 3,
        }),
      );
      await expectFailure(404, () => webhookDestinationsApi.get(UNKNOWN_ID));
      await expectFailure(404, () => webhookDestinationsApi.remove(UNKNOWN_ID));
      await expectFailure(404, () => webhookDestinationsApi.setActive(UNKNOWN_ID, true));
    });
  });
});

describe('contract: the whole seed', () => {
  it('every seeded run, config, mapping, event, bill and account matches its response schema', () => {
    const run = validatorFor(ref('IntegrationRunResponse'));
    const config = validatorFor(ref('IntegrationConfigResponse'));
    const mapping = validatorFor(ref('ExternalMappingResponse'));
    const event = validatorFor(ref('EventResponse'));
    const bill = validatorFor(ref('BillResponse'));
    const account = validatorFor(ref('AccountResponse'));
    const webhook = validatorFor(ref('WebhookDestinationResponse'));
    const seed = createSeed(SEED_ANCHOR);
    const problems = [
      ...seedRuns(SEED_ANCHOR).flatMap((r) => errorsOf(run, r).map((e) => `run ${r.id} ${e}`)),
      ...demoStore()
        .snapshot()
        .configs.flatMap((c) => errorsOf(config, c).map((e) => `config ${c.id} ${e}`)),
      ...demoStore()
        .snapshot()
        .mappings.flatMap((m) => errorsOf(mapping, m).map((e) => `mapping ${m.id} ${e}`)),
      ...seedEvents(SEED_ANCHOR).flatMap((v) =>
        errorsOf(event, v).map((e) => `event ${v.id} ${e}`),
      ),
      ...seed.billRecords.flatMap((b) => errorsOf(bill, b).map((e) => `bill ${b.id} ${e}`)),
      ...seed.accounts.flatMap((a) => errorsOf(account, a).map((e) => `account ${a.id} ${e}`)),
      ...seed.webhookDestinations.flatMap((d) =>
        errorsOf(webhook, demoStore().getWebhookDestination(d.id)).map(
          (e) => `webhook destination ${d.id} ${e}`,
        ),
      ),
    ];
    expect(seedEvents(SEED_ANCHOR).some((v) => v.dtActioned === undefined)).toBe(true);
    expect(seed.billRecords).toHaveLength(seed.bills.length);
    expect(problems).toEqual([]);
  });

  it('the checks can fail: a wrong body is reported', () => {
    const run = validatorFor(ref('IntegrationRunResponse'));
    expect(
      errorsOf(run, {
        id: 'x',
        entityType: 'Bill',
        entityId: 'b',
        destination: 'Stripe',
        status: 'LOST',
      }),
    ).not.toEqual([]);
    const event = validatorFor(ref('EventResponse'));
    const anEvent = { id: 'e', eventName: 'integration.perform.error', eventTime: SEED_ANCHOR };
    // The §6.4 exception drops only `dtActioned` from `required`: the rest still holds.
    expect(errorsOf(event, { ...anEvent, m3terEvent: {} })).toEqual([]);
    expect(errorsOf(event, anEvent)).not.toEqual([]);
    expect(errorsOf(event, { ...anEvent, m3terEvent: {}, dtActioned: 'yesterday' })).not.toEqual(
      [],
    );
    expect(errorsOf(validatorFor(ref('BillResponse')), { id: 'b', status: 'PAID' })).not.toEqual(
      [],
    );
    const request = validatorFor(ref('ExternalMappingRequest'));
    expect(errorsOf(request, { m3terEntity: 'Account' })).not.toEqual([]);
    expect(
      errorsOf(request, {
        ...{
          m3terEntity: '\u0007',
          m3terId: 'a',
          externalSystem: 'b',
          externalTable: 'c',
          externalId: 'd',
        },
      }),
    ).not.toEqual([]);
  });

  it('covered every endpoint the console uses, for success and for errors', () => {
    const expected = [
      'GET /organizations/{orgId}/integrationconfigs 200',
      'POST /organizations/{orgId}/integrationconfigs 200',
      'GET /organizations/{orgId}/integrationconfigs/{id} 200',
      'PUT /organizations/{orgId}/integrationconfigs/{id} 200',
      'DELETE /organizations/{orgId}/integrationconfigs/{id} 200',
      'POST /organizations/{orgId}/integrationconfigs/{id}/enable 200',
      'GET /organizations/{orgId}/integrationconfigs/entity/{entityType} 200',
      'GET /organizations/{orgId}/integrationconfigs/available/systems 200',
      'GET /organizations/{orgId}/integrationruns/{entityType}/{entityId} 200',
      'GET /organizations/{orgId}/integrationruns/destinations/{destinationId} 200',
      'GET /organizations/{orgId}/integrationruns/{id} 200',
      'GET /organizations/{orgId}/integrationruns/{entityType}/latest/{id} 200',
      'GET /organizations/{orgId}/integrationruns/logs/{id} 200',
      'GET /organizations/{orgId}/externalmappings 200',
      'POST /organizations/{orgId}/externalmappings 200',
      'GET /organizations/{orgId}/externalmappings/{id} 200',
      'PUT /organizations/{orgId}/externalmappings/{id} 200',
      'DELETE /organizations/{orgId}/externalmappings/{id} 200',
      'GET /organizations/{orgId}/externalmappings/external/{entity}/{m3terId} 200',
      'GET /organizations/{orgId}/externalmappings/externalid/{system}/{externalTable}/{externalId} 200',
      'GET /organizations/{orgId}/externalmappingconfiguration 200',
      'GET /organizations/{orgId}/externalmappingconfiguration/values/{destination}/{entityType} 200',
      'GET /organizations/{orgId}/externalmappingconfiguration/values/{destination}/{entityType}/{integrationCredentialsId} 200',
      'GET /organizations/{orgId}/events 200',
      'GET /organizations/{orgId}/events/{id} 200',
      'GET /organizations/{orgId}/bills/{id} 200',
      'GET /organizations/{orgId}/accounts/{id} 200',
      'GET /organizations/{orgId}/integrationdestinations/webhooks 200',
      'POST /organizations/{orgId}/integrationdestinations/webhooks 200',
      'GET /organizations/{orgId}/integrationdestinations/webhooks/{id} 200',
      'PUT /organizations/{orgId}/integrationdestinations/webhooks/{id} 200',
      'DELETE /organizations/{orgId}/integrationdestinations/webhooks/{id} 200',
      'PUT /organizations/{orgId}/integrationdestinations/webhooks/{id}/active 200',
      'GET /organizations/{orgId}/integrationconfigs/{id} error',
      'PUT /organizations/{orgId}/integrationconfigs/{id} error',
      'GET /organizations/{orgId}/integrationruns/logs/{id} error',
      'POST /organizations/{orgId}/externalmappings error',
      'PUT /organizations/{orgId}/externalmappings/{id} error',
      'GET /organizations/{orgId}/events error',
      'GET /organizations/{orgId}/events/{id} error',
      'GET /organizations/{orgId}/bills/{id} error',
      'GET /organizations/{orgId}/accounts/{id} error',
      'GET /organizations/{orgId}/integrationdestinations/webhooks error',
      'POST /organizations/{orgId}/integrationdestinations/webhooks error',
      'GET /organizations/{orgId}/integrationdestinations/webhooks/{id} error',
      'PUT /organizations/{orgId}/integrationdestinations/webhooks/{id} error',
      'DELETE /organizations/{orgId}/integrationdestinations/webhooks/{id} error',
      'PUT /organizations/{orgId}/integrationdestinations/webhooks/{id}/active error',
    ];
    expect([...covered].filter((k) => expected.includes(k)).sort()).toEqual([...expected].sort());
  });
});
