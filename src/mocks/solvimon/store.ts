/**
 * The fake Solvimon: every rule the console depends on lives here, not in the MSW handlers
 * (docs/solvimon-api.md §6 lists them, and what the fake decides where Solvimon's docs are silent).
 *
 * - create: `reference` and `type` required; the API module's request schemas check types and the text
 *   rules (400 MISSING_FIELD / INVALID_FIELD with `field`); enums are closed; only the section of the
 *   integration's type may be set; a taken reference is 409 RESOURCE_ALREADY_EXISTS. A new integration
 *   is DRAFT.
 * - PATCH: the fields Solvimon's docs require on update, the same checks, and a top-level merge (a
 *   field sent replaces that field; a field left out is kept). `type` cannot change, `status` only
 *   through the lifecycle actions, and an ARCHIVED integration is final.
 * - lifecycle: activate from DRAFT, PENDING, TESTING, ERROR or DEPRECATED (with the type's section and
 *   variant set); deprecate from ACTIVE; archive from anything but ARCHIVED. Anything else is 400
 *   INVALID_OPERATION saying why.
 * - secrets: never stored, never answered readable. The store remembers only which secrets are set and
 *   answers SOLVIMON_SECRET_MASK at each of them (an unset one is left out); a PATCH that leaves one out
 *   keeps it, null or "" clears it, and the mask sent as a new value is 400 INVALID_FIELD, so a mask
 *   can never be stored as the secret.
 * - unknown id: 404 RESOURCE_NOT_FOUND.
 *
 * Persistence works like the fake m3ter's (docs/architecture.md §8): with a `Persistence`, the state is
 * re-read before every call when another tab wrote it, and written back after every change.
 */
import {
  SOLVIMON_E_INVOICING_PROCESSORS,
  SOLVIMON_INTEGRATION_TYPES,
  SOLVIMON_SECRET_MASK,
  SOLVIMON_SECRET_PATHS,
  SOLVIMON_TAX_CALCULATION_VARIANTS,
  solvimonAuthenticationSchema,
  solvimonIntegrationCreateRequestSchema,
  solvimonIntegrationUpdateRequestSchema,
  valueAtPath,
  withoutSolvimonSecrets,
  type SolvimonIntegration,
  type SolvimonMandate,
  type SolvimonTestConnectionResult,
} from '../../api/solvimon';
import { createPersistedState, type Persistence } from '../persistence';
import { createRng, fnv1a } from '../prng';
import { ordered, paginate, sliceOf, type ListQuery, type Paged } from './listing';
import { DEFAULT_MANDATES } from './mandates';
import { seedIntegrations, type SeedIntegration } from './seed';
import { integrationNotFound, SolvimonStoreError } from './store-error';
import { testConnection, type TestConnectionQuery } from './test-connection';
import { checkEnums, checkSections, parseBody, requireObject, sectionOf } from './validation';

const SNAPSHOT_FORMAT = 1;

interface SolvimonSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** Counter for the ids of created integrations: deterministic, shared by tabs. */
  seq: number;
  /** In creation order, without secrets. */
  integrations: SeedIntegration[];
}

export interface SolvimonStoreOptions {
  /** Omit for a purely in-memory store (Vitest). */
  persistence?: Persistence;
}

export interface SolvimonStore {
  /** `linkBase` is the list's path as the client called it, for `links`. */
  list(query?: ListQuery, linkBase?: string): Paged<SolvimonIntegration>;
  get(id: string): SolvimonIntegration;
  create(body: unknown): SolvimonIntegration;
  update(id: string, body: unknown): SolvimonIntegration;
  remove(id: string): SolvimonIntegration;
  activate(id: string): SolvimonIntegration;
  deprecate(id: string): SolvimonIntegration;
  archive(id: string): SolvimonIntegration;
  testConnection(body: unknown, query?: TestConnectionQuery): SolvimonTestConnectionResult;
  defaultMandates(query?: ListQuery): SolvimonMandate[];
  /** The dotted paths of the secrets an integration has set; never their values. */
  secretsOf(id: string): string[];
  /** Back to the seed, in every tab. */
  reset(): void;
  /** The persisted part, as written to storage. */
  snapshot(): SolvimonSnapshot;
}

const ORDERABLE = ['reference', 'name', 'description', 'type', 'status', 'id'] as const;
const MANDATE_ORDERABLE = ['name', 'country'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isSnapshot(value: unknown): value is SolvimonSnapshot {
  if (!isRecord(value)) return false;
  return (
    value.format === SNAPSHOT_FORMAT &&
    typeof value.seq === 'number' &&
    Array.isArray(value.integrations) &&
    value.integrations.every(
      (r) => isRecord(r) && isRecord(r.integration) && typeof r.integration.id === 'string',
    )
  );
}

interface State {
  seq: number;
  integrations: Map<string, SeedIntegration>;
}

const fromRecords = (seq: number, records: readonly SeedIntegration[]): State => ({
  seq,
  integrations: new Map(records.map((r) => [r.integration.id, r])),
});

/** A secret counts as given when it is a non-empty string; null or "" clears it. */
const secretGiven = (value: unknown): boolean => typeof value === 'string' && value !== '';

/**
 * The integration as the fake answers it: the mask at every secret that is set, nothing at the others
 * (docs/solvimon-api.md Decision 1). The record itself holds no secret value.
 */
function answerOf(record: SeedIntegration): SolvimonIntegration {
  const integration = structuredClone(record.integration);
  for (const dotted of record.secrets) {
    const path = dotted.split('.');
    const parent = valueAtPath(integration, path.slice(0, -1));
    const key = path[path.length - 1];
    if (isRecord(parent) && key !== undefined) parent[key] = SOLVIMON_SECRET_MASK;
  }
  return integration;
}

/**
 * The mask sent back as a secret's new value would be stored as the secret: refused on that field.
 * The console never sends it (toSolvimonUpdateRequest drops untouched secrets).
 */
function refuseMasks(body: unknown, id?: string): void {
  for (const path of SOLVIMON_SECRET_PATHS) {
    if (valueAtPath(body, path) !== SOLVIMON_SECRET_MASK) continue;
    const field = path.join('.');
    const advice =
      id === undefined
        ? 'is the mask of a stored secret, not a value: enter the secret itself'
        : 'is the mask of the stored secret: enter a new value, or leave the field out to keep it';
    throw new SolvimonStoreError(
      400,
      'INVALID_FIELD',
      `${field}: "${SOLVIMON_SECRET_MASK}" ${advice}`,
      {
        field,
        resourceId: id,
      },
    );
  }
}

function invalidOperation(message: string, id: string, field?: string): SolvimonStoreError {
  return new SolvimonStoreError(400, 'INVALID_OPERATION', message, { field, resourceId: id });
}

const toSnapshot = (state: State): SolvimonSnapshot => ({
  format: SNAPSHOT_FORMAT,
  seq: state.seq,
  integrations: [...state.integrations.values()],
});

export function createSolvimonStore(options: SolvimonStoreOptions = {}): SolvimonStore {
  const { persistence } = options;
  const snapshot = (): SolvimonSnapshot => toSnapshot(persisted.current);
  const persisted = createPersistedState<State>({
    persistence,
    toSnapshot,
    fromSnapshot: (parsed) =>
      isSnapshot(parsed) ? fromRecords(parsed.seq, parsed.integrations) : undefined,
    seed: () => fromRecords(0, seedIntegrations()),
  });
  const { sync, persist } = persisted;

  const find = (id: string): SeedIntegration => {
    const record = persisted.current.integrations.get(id);
    if (!record) throw integrationNotFound(id);
    return record;
  };

  const newId = (): string => {
    let id: string;
    do {
      persisted.current.seq += 1;
      id = `intg_${createRng(fnv1a(`solvimon#${persisted.current.seq}`)).alnum(16)}`;
    } while (persisted.current.integrations.has(id));
    return id;
  };

  const requireUniqueReference = (reference: string, exceptId?: string): void => {
    for (const { integration } of persisted.current.integrations.values()) {
      if (integration.reference === reference && integration.id !== exceptId) {
        throw new SolvimonStoreError(
          409,
          'RESOURCE_ALREADY_EXISTS',
          `An integration with reference "${reference}" already exists`,
          { field: 'reference', resourceId: integration.id },
        );
      }
    }
  };

  /** Which secrets `next` has after a write of `body` over `previous` (see the module comment). */
  const secretsAfter = (
    body: unknown,
    next: SolvimonIntegration,
    previous: readonly string[] = [],
  ): string[] =>
    SOLVIMON_SECRET_PATHS.filter((path) => {
      const sent = valueAtPath(body, path);
      if (sent !== undefined) return secretGiven(sent);
      return previous.includes(path.join('.')) && isRecord(valueAtPath(next, path.slice(0, -1)));
    }).map((path) => path.join('.'));

  const save = (record: SeedIntegration): SolvimonIntegration => {
    const stored = { ...record, integration: withoutSolvimonSecrets(record.integration) };
    persisted.current.integrations.set(stored.integration.id, stored);
    persist();
    return answerOf(stored);
  };

  const transition = (
    id: string,
    decide: (integration: SolvimonIntegration) => SolvimonIntegration['status'],
  ): SolvimonIntegration => {
    sync();
    const record = find(id);
    const status = decide(record.integration);
    return save({ ...record, integration: { ...record.integration, status, message: null } });
  };

  const statusOf = (integration: SolvimonIntegration): string => integration.status ?? 'DRAFT';

  return {
    list(query = {}, linkBase = '/v1/integrations') {
      sync();
      const all = [...persisted.current.integrations.values()].map(answerOf);
      const sorted = ordered(all, query, ORDERABLE, (item, field) => item[field]);
      return paginate(sorted, query, linkBase);
    },

    get(id) {
      sync();
      return answerOf(find(id));
    },

    create(body) {
      sync();
      const raw = requireObject(body);
      const parsed = parseBody(solvimonIntegrationCreateRequestSchema, raw);
      checkEnums(raw);
      refuseMasks(raw);
      const { status, type, reference } = parsed;
      if (status !== undefined && status !== null && status !== 'DRAFT') {
        throw new SolvimonStoreError(
          400,
          'INVALID_OPERATION',
          `status: a new integration starts in DRAFT, not ${status}; activate it once it is created`,
          { field: 'status' },
        );
      }
      checkSections(raw, type);
      requireUniqueReference(reference);
      const {
        id: _id,
        object_type: _objectType,
        message: _message,
        status: _status,
        reference: _reference,
        type: _type,
        name,
        description,
        ...rest
      } = parsed;
      const integration: SolvimonIntegration = {
        object_type: 'INTEGRATION',
        id: newId(),
        reference,
        ...(name === undefined ? {} : { name }),
        ...(description === undefined ? {} : { description }),
        status: 'DRAFT',
        message: null,
        ...rest,
        type,
        linked_resources_configurations: rest.linked_resources_configurations ?? [],
      };
      return save({ integration, secrets: secretsAfter(raw, integration) });
    },

    update(id, body) {
      sync();
      const record = find(id);
      const current = record.integration;
      if (statusOf(current) === 'ARCHIVED') {
        throw invalidOperation(
          `Integration ${id} is ARCHIVED: archived integrations cannot be edited`,
          id,
        );
      }
      const raw = requireObject(body);
      const parsed = parseBody(solvimonIntegrationUpdateRequestSchema, raw);
      checkEnums(raw);
      refuseMasks(raw, id);
      const { id: bodyId, object_type: _objectType, message: _message, status, ...rest } = parsed;
      if (bodyId !== undefined && bodyId !== null && bodyId !== id) {
        throw new SolvimonStoreError(
          400,
          'INVALID_FIELD',
          `id: ${bodyId} is not the integration being updated (${id})`,
          { field: 'id', resourceId: id },
        );
      }
      if (rest.type !== current.type) {
        throw invalidOperation(
          `type: an integration's type cannot change (it is ${current.type}); create a new integration instead`,
          id,
          'type',
        );
      }
      if (status !== undefined && status !== null && status !== current.status) {
        throw invalidOperation(
          `status: use activate, deprecate or archive to change the status (it is ${statusOf(current)})`,
          id,
          'status',
        );
      }
      checkSections(raw, rest.type);
      requireUniqueReference(rest.reference, id);
      const next: SolvimonIntegration = { ...current, ...rest };
      return save({ integration: next, secrets: secretsAfter(raw, next, record.secrets) });
    },

    remove(id) {
      sync();
      const record = find(id);
      persisted.current.integrations.delete(id);
      persist();
      return answerOf(record);
    },

    activate(id) {
      return transition(id, (integration) => {
        const status = statusOf(integration);
        if (status === 'ARCHIVED') {
          throw invalidOperation(`Integration ${id} is ARCHIVED: archiving is final`, id, 'status');
        }
        if (status === 'ACTIVE') {
          throw invalidOperation(`Integration ${id} is already ACTIVE`, id, 'status');
        }
        const section = sectionOf(integration.type);
        const key = section === 'e_invoicing' ? 'processor' : 'variant';
        if (section !== undefined && !valueAtPath(integration, [section, key])) {
          throw invalidOperation(
            `Integration ${id} cannot be activated: ${section}.${key} is not set`,
            id,
            `${section}.${key}`,
          );
        }
        return 'ACTIVE';
      });
    },

    deprecate(id) {
      return transition(id, (integration) => {
        const status = statusOf(integration);
        if (status !== 'ACTIVE') {
          const why = status === 'ARCHIVED' ? 'archiving is final' : `this one is ${status}`;
          throw invalidOperation(
            `Only an ACTIVE integration can be deprecated: ${why}`,
            id,
            'status',
          );
        }
        return 'DEPRECATED';
      });
    },

    archive(id) {
      return transition(id, (integration) => {
        if (statusOf(integration) === 'ARCHIVED') {
          throw invalidOperation(`Integration ${id} is already ARCHIVED`, id, 'status');
        }
        return 'ARCHIVED';
      });
    },

    testConnection(body, query = {}) {
      const raw = requireObject(body ?? {});
      const auth = parseBody(solvimonAuthenticationSchema, raw);
      const known: Array<[keyof TestConnectionQuery, readonly string[]]> = [
        ['integration_type', SOLVIMON_INTEGRATION_TYPES],
        ['e_invoicing_processor', SOLVIMON_E_INVOICING_PROCESSORS],
        ['tax_calculation_variant', SOLVIMON_TAX_CALCULATION_VARIANTS],
      ];
      for (const [field, allowed] of known) {
        const value = query[field];
        if (value !== undefined && value !== null && value !== '' && !allowed.includes(value)) {
          throw new SolvimonStoreError(
            400,
            'INVALID_FIELD',
            `${field}: must be one of ${allowed.join(', ')}`,
            { field },
          );
        }
      }
      return testConnection(auth, query);
    },

    defaultMandates(query = {}) {
      const sorted = ordered(DEFAULT_MANDATES, query, MANDATE_ORDERABLE, (m, field) => m[field]);
      return structuredClone(sliceOf(sorted, query));
    },

    secretsOf(id) {
      sync();
      return [...find(id).secrets];
    },

    reset: persisted.reset,

    snapshot() {
      sync();
      return structuredClone(snapshot());
    },
  };
}
