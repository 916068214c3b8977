/**
 * The fake m3ter: every rule the console depends on lives here, not in the MSW handlers.
 *
 * Rules (docs/m3ter-api.md §2–§5 plus the decisions this fake takes where m3ter's docs are silent):
 * - create sets `version` 1; PUT needs the current `version` (400 when missing, 409 on a mismatch,
 *   message naming the version), then increments it. Audit fields are set on every write.
 * - request bodies are validated with the API module's zod request schemas; a 400 message starts
 *   with the field path (`entityType: …`) so the UI can put it on the field.
 * - unknown ids → 404. Lists page with `pageSize` 1..200 (default 20) and an opaque `nextToken`.
 * - runs sort on `dtStarted` (falling back to `dtCreated` for WAITING runs, which have not started),
 *   newest first by default; `startDate` keeps runs started strictly after it, `endDate` runs
 *   started before or on it; `status` is a single RunStatus; `order` is ASC or DESC.
 * - configs and mappings list newest first (dtCreated, then id).
 * - a run log is `{ Payload: base64 }`; runs without a log (WAITING, or older than the 30-day
 *   retention) answer 404 rather than `{}`, so the UI can say "no log" instead of decoding nothing.
 *
 * Runs are read-only (the console cannot create them), so only configs, mappings and an id counter
 * are persisted; runs are regenerated from the persisted seed anchor.
 */
import type { z } from 'zod';
import {
  externalMappingRequestSchema,
  integrationConfigRequestSchema,
  RUN_STATUSES,
  type ExternalMapping,
  type IntegrationConfig,
  type IntegrationRun,
} from '../api/schemas';
import { paginate, parsePageSize, type PageQuery, type PageResult } from './paging';
import type { Persistence } from './persistence';
import { createRng, fnv1a } from './prng';
import { buildRunLogText, toBase64 } from './run-log';
import {
  AVAILABLE_SYSTEMS,
  createSeed,
  DEMO_USER_ID,
  MAPPING_CONFIGURATION,
  SEED_ANCHOR,
  type DemoSeed,
  type ExternalDirectory,
  type ExternalEntity,
} from './seed';
import { StoreError } from './store-error';

export { StoreError } from './store-error';
export type { PageQuery, PageResult } from './paging';

export interface RunQuery extends PageQuery {
  status?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  order?: string | null;
}

export interface DestinationRunQuery extends RunQuery {
  /** Destination system name, e.g. `Stripe` (matched case-insensitively). */
  destination?: string | null;
}

export interface ConfigListQuery extends PageQuery {
  destinationId?: string | null;
}

export interface ConfigByEntityQuery extends PageQuery {
  entityId?: string | null;
  destination?: string | null;
  destinationId?: string | null;
}

export interface MappingListQuery extends PageQuery {
  externalSystemId?: string | null;
  /** Each element may itself be comma-separated: `?m3terIds=a,b` and `?m3terIds=a&m3terIds=b` both work. */
  m3terIds?: readonly string[] | string | null;
  integrationConfigId?: string | null;
}

export interface ExternalValuesQuery {
  externalTable?: string | null;
  integrationCredentialsId?: string | null;
}

export interface SystemInfo {
  identifier: string;
  displayName: string;
  validationSupported: boolean;
  supportedAuthTypes: string[];
}

export interface MappingConfiguration {
  m3terEntities: string[];
  externalSystems: Array<{ name: string; tables: string[]; allowCustomExternalTables: boolean }>;
}

export interface RunLog {
  Payload: string;
}

/** Who performs a write (audit fields). Defaults to the demo user. */
export interface WriteContext {
  actor?: string;
}

export interface DemoStore {
  readonly anchor: string;

  listConfigs(query?: ConfigListQuery): PageResult<IntegrationConfig>;
  getConfig(id: string): IntegrationConfig;
  createConfig(body: unknown, ctx?: WriteContext): IntegrationConfig;
  updateConfig(id: string, body: unknown, ctx?: WriteContext): IntegrationConfig;
  deleteConfig(id: string): IntegrationConfig;
  enableConfig(id: string, ctx?: WriteContext): IntegrationConfig;
  getConfigByEntity(entityType: string, query?: ConfigByEntityQuery): IntegrationConfig;
  availableSystems(query?: { entityType?: string | null }): SystemInfo[];

  listRunsForEntity(
    entityType: string,
    entityId: string,
    query?: RunQuery,
  ): PageResult<IntegrationRun>;
  listRunsForDestination(
    destinationId: string,
    query?: DestinationRunQuery,
  ): PageResult<IntegrationRun>;
  getRun(id: string): IntegrationRun;
  latestRun(entityType: string, entityId: string): IntegrationRun;
  latestRuns(
    entityType: string,
    ids: readonly string[] | string | null | undefined,
  ): IntegrationRun[];
  runLog(id: string): RunLog;

  listMappings(query?: MappingListQuery): PageResult<ExternalMapping>;
  getMapping(id: string): ExternalMapping;
  createMapping(body: unknown, ctx?: WriteContext): ExternalMapping;
  updateMapping(id: string, body: unknown, ctx?: WriteContext): ExternalMapping;
  deleteMapping(id: string): ExternalMapping;
  listMappingsForM3terEntity(
    entity: string,
    m3terId: string,
    query?: PageQuery,
  ): PageResult<ExternalMapping>;
  listMappingsForExternalEntity(
    system: string,
    externalTable: string,
    externalId: string,
    query?: PageQuery,
  ): PageResult<ExternalMapping>;
  mappingConfiguration(): MappingConfiguration;
  externalEntityValues(
    destination: string,
    entityType: string,
    query?: ExternalValuesQuery,
  ): ExternalEntity[];

  /** Back to the seed (a new anchor in the browser), dropping every edit, in every tab. */
  reset(): void;
  /** The persisted part, as written to storage. */
  snapshot(): StoreSnapshot;
}

export interface StoreSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  anchor: string;
  /** Counter for ids of created entities: deterministic, and shared by tabs through the snapshot. */
  seq: number;
  configs: IntegrationConfig[];
  mappings: ExternalMapping[];
}

export interface StoreOptions {
  /** Seed anchor; a function is called on first seed and on every reset (browser: "now"). */
  anchor?: string | (() => string);
  /** Omit for a purely in-memory store (Vitest). */
  persistence?: Persistence;
  /** Clock for audit timestamps. */
  clock?: () => Date;
  /** Default author of writes. */
  actor?: string;
  /**
   * When a persisted snapshot's anchor is older than this at start-up, the run history is re-anchored
   * (same runs, shifted dates) while configs and mappings are kept. The browser uses a day, so runs
   * keep looking recent on a later visit; tests leave it off.
   */
  refreshAnchorAfterMs?: number;
}

const SNAPSHOT_FORMAT = 1;
const ORDERS = ['ASC', 'DESC'] as const;
const KNOWN_STATUSES: ReadonlySet<string> = new Set(RUN_STATUSES);

/** Systems m3ter can list entities from (docs/m3ter-api.md §5.7); others return an empty pick-list. */
const LOOKUP_SYSTEMS: ReadonlySet<string> = new Set([
  'stripe',
  'netsuite',
  'xero',
  'quickbooks',
  'chargebee',
  'salesforce',
]);

/** The external table a pick-list uses when the caller names only the m3ter entity type. */
const DEFAULT_TABLES: Record<string, Record<string, string>> = {
  account: {
    stripe: 'Customer',
    netsuite: 'Customer',
    xero: 'Contact',
    quickbooks: 'Customer',
    chargebee: 'Customer',
    paddle: 'Customer',
    salesforce: 'Account',
  },
  product: {
    stripe: 'Product',
    netsuite: 'Item',
    xero: 'Item',
    quickbooks: 'Item',
    chargebee: 'Item',
    paddle: 'Product',
  },
  plan: { stripe: 'Price', chargebee: 'Plan', paddle: 'Price' },
};

const same = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

const given = (v: string | null | undefined): v is string =>
  v !== undefined && v !== null && v !== '';

// ---------------------------------------------------------------------------------------------
// Validation

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = body;
  for (const key of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Parses a request body with the API module's schema; a 400 names every offending field. */
function validateBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new StoreError(400, 'Request body must be a JSON object');
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const messages = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || 'body';
    const missing = valueAt(body, issue.path) == null;
    return missing ? `${path}: is required` : `${path}: ${issue.message}`;
  });
  throw new StoreError(400, [...new Set(messages)].join('; '));
}

function requireVersion(
  body: { version?: number | undefined },
  current: number,
  entity: string,
): void {
  if (body.version === undefined) {
    throw new StoreError(400, `version: is required when updating ${entity}`);
  }
  if (body.version !== current) {
    throw new StoreError(
      409,
      `Version mismatch: expected version ${current} but received ${body.version}; ${entity} was changed by someone else`,
    );
  }
}

function parseDate(raw: string | null | undefined, field: string): number | undefined {
  if (!given(raw)) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms))
    throw new StoreError(400, `${field}: must be an ISO-8601 date or date-time`);
  return ms;
}

function parseRunFilters(query: RunQuery) {
  const status = given(query.status) ? query.status : undefined;
  if (status !== undefined && !KNOWN_STATUSES.has(status)) {
    throw new StoreError(400, `status: must be one of ${RUN_STATUSES.join(', ')}`);
  }
  const order = given(query.order) ? query.order : 'DESC';
  if (!(ORDERS as readonly string[]).includes(order)) {
    throw new StoreError(400, 'order: must be ASC or DESC');
  }
  return {
    status,
    start: parseDate(query.startDate, 'startDate'),
    end: parseDate(query.endDate, 'endDate'),
    order,
  };
}

function splitIds(raw: readonly string[] | string | null | undefined): string[] {
  if (raw === undefined || raw === null) return [];
  const list = typeof raw === 'string' ? [raw] : raw;
  return list
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

// ---------------------------------------------------------------------------------------------
// Run index (built once per generated history and shared by every store using it)

interface IndexedRun {
  run: IntegrationRun;
  /** Sort key: dtStarted, or dtCreated for a run that has not started. */
  t: number;
}

interface RunIndex {
  byId: Map<string, IntegrationRun>;
  byEntity: Map<string, IndexedRun[]>;
  byDestination: Map<string, IndexedRun[]>;
}

const runIndexes = new WeakMap<readonly IntegrationRun[], RunIndex>();

const entityKey = (entityType: string, entityId: string): string =>
  `${entityType.toLowerCase()}/${entityId}`;

function indexRuns(runs: readonly IntegrationRun[]): RunIndex {
  const cached = runIndexes.get(runs);
  if (cached) return cached;
  const byId = new Map<string, IntegrationRun>();
  const byEntity = new Map<string, IndexedRun[]>();
  const byDestination = new Map<string, IndexedRun[]>();
  const push = (map: Map<string, IndexedRun[]>, key: string, item: IndexedRun) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const run of runs) {
    byId.set(run.id, run);
    const item = { run, t: Date.parse(run.dtStarted ?? run.dtCreated ?? '') };
    push(byEntity, entityKey(run.entityType, run.entityId), item);
    if (run.destinationId) push(byDestination, run.destinationId, item);
  }
  const ascending = (a: IndexedRun, b: IndexedRun) =>
    a.t - b.t || (a.run.id < b.run.id ? -1 : a.run.id > b.run.id ? 1 : 0);
  for (const list of byEntity.values()) list.sort(ascending);
  for (const list of byDestination.values()) list.sort(ascending);
  const index = { byId, byEntity, byDestination };
  runIndexes.set(runs, index);
  return index;
}

// ---------------------------------------------------------------------------------------------

const newestFirst = (
  a: { dtCreated?: string; id: string },
  b: { dtCreated?: string; id: string },
) => (b.dtCreated ?? '').localeCompare(a.dtCreated ?? '') || a.id.localeCompare(b.id);

interface State {
  seed: DemoSeed;
  seq: number;
  configs: Map<string, IntegrationConfig>;
  mappings: Map<string, ExternalMapping>;
}

function isSnapshot(value: unknown): value is StoreSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<StoreSnapshot>;
  return (
    v.format === SNAPSHOT_FORMAT &&
    typeof v.anchor === 'string' &&
    !Number.isNaN(Date.parse(v.anchor)) &&
    typeof v.seq === 'number' &&
    Array.isArray(v.configs) &&
    Array.isArray(v.mappings)
  );
}

/**
 * Builds a fake m3ter organisation. Without `persistence` it lives in memory; with it, the mutable
 * part is re-read before every call whenever another store (another tab) has written it, and
 * written back after every change.
 */
export function createStore(options: StoreOptions = {}): DemoStore {
  const { persistence } = options;
  const clock = options.clock ?? (() => new Date());
  const defaultActor = options.actor ?? DEMO_USER_ID;
  const nextAnchor = (): string =>
    typeof options.anchor === 'function' ? options.anchor() : (options.anchor ?? SEED_ANCHOR);

  const fromSeed = (seed: DemoSeed, seq = 0): State => ({
    seed,
    seq,
    configs: new Map(seed.configs.map((c) => [c.id, c])),
    mappings: new Map(seed.mappings.map((m) => [m.id, m])),
  });

  let state: State;
  let lastRaw: string | null = null;

  const snapshot = (): StoreSnapshot => ({
    format: SNAPSHOT_FORMAT,
    anchor: state.seed.anchor,
    seq: state.seq,
    configs: [...state.configs.values()],
    mappings: [...state.mappings.values()],
  });

  const persist = (): void => {
    if (!persistence) return;
    lastRaw = JSON.stringify(snapshot());
    persistence.write(lastRaw);
  };

  const load = (raw: string): State | undefined => {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (!isSnapshot(parsed)) return undefined;
      const seed = createSeed(parsed.anchor);
      return {
        seed,
        seq: parsed.seq,
        configs: new Map(parsed.configs.map((c) => [c.id, c])),
        mappings: new Map(parsed.mappings.map((m) => [m.id, m])),
      };
    } catch {
      return undefined;
    }
  };

  const reseed = (): void => {
    state = fromSeed(createSeed(nextAnchor()));
    persist();
  };

  /** Picks up writes from other tabs; a missing or unreadable snapshot means "reset". */
  const sync = (): void => {
    if (!persistence) return;
    const raw = persistence.read();
    if (raw === lastRaw) return;
    const loaded = raw === null ? undefined : load(raw);
    if (loaded) {
      state = loaded;
      lastRaw = raw;
    } else {
      reseed();
    }
  };

  {
    const raw = persistence?.read() ?? null;
    const loaded = raw === null ? undefined : load(raw);
    if (loaded) {
      state = loaded;
      lastRaw = raw;
      const age = clock().getTime() - Date.parse(loaded.seed.anchor);
      if (options.refreshAnchorAfterMs !== undefined && age > options.refreshAnchorAfterMs) {
        state.seed = createSeed(nextAnchor());
        persist();
      }
    } else {
      state = fromSeed(createSeed(nextAnchor()));
      persist();
    }
  }

  const newId = (): string => {
    state.seq += 1;
    return createRng(fnv1a(`${state.seed.anchor}#${state.seq}`)).uuid();
  };

  const runs = () => indexRuns(state.seed.runs);
  const anchorMs = () => Date.parse(state.seed.anchor);

  // ---- configs

  const findConfig = (id: string): IntegrationConfig => {
    const config = state.configs.get(id);
    if (!config) throw new StoreError(404, `IntegrationConfig not found: ${id}`);
    return config;
  };

  /** Applies a request body to a config (full replace of the writable fields). */
  const applyConfigBody = (
    base: IntegrationConfig,
    body: z.output<typeof integrationConfigRequestSchema>,
  ): IntegrationConfig => {
    const next: IntegrationConfig = {
      id: base.id,
      version: base.version,
      entityType: body.entityType,
      destination: body.destination,
      configData: body.configData ?? {},
      authorized: base.authorized,
      enabled: base.enabled,
      dtCreated: base.dtCreated,
      createdBy: base.createdBy,
    };
    if (base.triggerType !== undefined) next.triggerType = base.triggerType;
    if (body.entityId !== undefined) next.entityId = body.entityId;
    if (body.destinationId !== undefined) next.destinationId = body.destinationId;
    if (body.name !== undefined) next.name = body.name;
    if (body.credentials) {
      // Inline credentials become a stored credential; the secret is never kept or echoed.
      next.integrationCredentialsId = newId();
      next.authorized = true;
    } else if (body.integrationCredentialsId !== undefined) {
      next.integrationCredentialsId = body.integrationCredentialsId;
      // Switching to other stored credentials is how a user re-authorises an integration.
      if (body.integrationCredentialsId !== base.integrationCredentialsId) next.authorized = true;
    }
    return next;
  };

  const stamp = <T extends { dtLastModified?: string; lastModifiedBy?: string }>(
    entity: T,
    ctx?: WriteContext,
  ): T => {
    entity.dtLastModified = clock().toISOString();
    entity.lastModifiedBy = ctx?.actor ?? defaultActor;
    return entity;
  };

  // ---- mappings

  const findMapping = (id: string): ExternalMapping => {
    const mapping = state.mappings.get(id);
    if (!mapping) throw new StoreError(404, `ExternalMapping not found: ${id}`);
    return mapping;
  };

  const checkMappingLinks = (body: { integrationConfigId?: string | undefined }): void => {
    if (given(body.integrationConfigId) && !state.configs.has(body.integrationConfigId)) {
      throw new StoreError(
        400,
        `integrationConfigId: no integration config with id ${body.integrationConfigId}`,
      );
    }
  };

  const mappingFromBody = (
    base: Pick<ExternalMapping, 'id' | 'version' | 'dtCreated' | 'createdBy'>,
    body: z.output<typeof externalMappingRequestSchema>,
  ): ExternalMapping => {
    const next: ExternalMapping = {
      id: base.id,
      version: base.version,
      m3terEntity: body.m3terEntity,
      m3terId: body.m3terId,
      externalSystem: body.externalSystem,
      externalTable: body.externalTable,
      externalId: body.externalId,
      dtCreated: base.dtCreated,
      createdBy: base.createdBy,
    };
    if (given(body.integrationConfigId)) next.integrationConfigId = body.integrationConfigId;
    return next;
  };

  const pageMappings = (list: ExternalMapping[], query: PageQuery, key: string) =>
    paginate(list.sort(newestFirst), query, key);

  // ---- runs

  const pageRuns = (
    list: readonly IndexedRun[],
    query: RunQuery,
    scope: string,
    destination?: string,
  ): PageResult<IntegrationRun> => {
    parsePageSize(query.pageSize);
    const f = parseRunFilters(query);
    const selected: IntegrationRun[] = [];
    for (const { run, t } of list) {
      if (f.status !== undefined && run.status !== f.status) continue;
      if (f.start !== undefined && !(t > f.start)) continue;
      if (f.end !== undefined && !(t <= f.end)) continue;
      if (destination !== undefined && !same(run.destination, destination)) continue;
      selected.push(run);
    }
    if (f.order === 'DESC') selected.reverse();
    const key = [scope, f.status, f.start, f.end, f.order, destination].join('|');
    return paginate(selected, query, key);
  };

  const api: DemoStore = {
    get anchor() {
      sync();
      return state.seed.anchor;
    },

    listConfigs(query = {}) {
      sync();
      const list = [...state.configs.values()]
        .filter((c) => !given(query.destinationId) || c.destinationId === query.destinationId)
        .sort(newestFirst);
      return paginate(list, query, `configs|${query.destinationId ?? ''}`);
    },

    getConfig(id) {
      sync();
      return structuredClone(findConfig(id));
    },

    createConfig(body, ctx) {
      sync();
      const parsed = validateBody(integrationConfigRequestSchema, body);
      const now = clock().toISOString();
      const config = applyConfigBody(
        {
          id: newId(),
          version: 1,
          entityType: parsed.entityType,
          destination: parsed.destination,
          enabled: true,
          authorized: false,
          dtCreated: now,
          createdBy: ctx?.actor ?? defaultActor,
        },
        parsed,
      );
      // A config created with stored credentials starts authorised; without any, it cannot run yet.
      config.authorized = Boolean(parsed.credentials || given(parsed.integrationCredentialsId));
      stamp(config, ctx);
      state.configs.set(config.id, config);
      persist();
      return structuredClone(config);
    },

    updateConfig(id, body, ctx) {
      sync();
      const current = findConfig(id);
      const parsed = validateBody(integrationConfigRequestSchema, body);
      requireVersion(parsed, current.version ?? 1, `IntegrationConfig ${id}`);
      const next = applyConfigBody(current, parsed);
      next.version = (current.version ?? 1) + 1;
      stamp(next, ctx);
      state.configs.set(id, next);
      persist();
      return structuredClone(next);
    },

    deleteConfig(id) {
      sync();
      const config = findConfig(id);
      state.configs.delete(id);
      persist();
      return structuredClone(config);
    },

    enableConfig(id, ctx) {
      sync();
      const config = findConfig(id);
      if (config.enabled !== true) {
        config.enabled = true;
        config.version = (config.version ?? 1) + 1;
        stamp(config, ctx);
        persist();
      }
      return structuredClone(config);
    },

    getConfigByEntity(entityType, query = {}) {
      sync();
      parsePageSize(query.pageSize);
      const candidates = [...state.configs.values()]
        .filter(
          (c) =>
            same(c.entityType, entityType) &&
            (!given(query.destination) || same(c.destination, query.destination)) &&
            (!given(query.destinationId) || c.destinationId === query.destinationId) &&
            // A config without entityId applies to every entity of the type.
            (!given(query.entityId) || c.entityId === undefined || c.entityId === query.entityId),
        )
        .sort(
          (a, b) =>
            Number(b.entityId !== undefined) - Number(a.entityId !== undefined) ||
            Number(b.enabled === true) - Number(a.enabled === true) ||
            newestFirst(a, b),
        );
      const found = candidates[0];
      if (!found) {
        const filters = [
          given(query.entityId) ? `entityId ${query.entityId}` : '',
          given(query.destination) ? `destination ${query.destination}` : '',
          given(query.destinationId) ? `destinationId ${query.destinationId}` : '',
        ].filter(Boolean);
        throw new StoreError(
          404,
          `No IntegrationConfig for entityType ${entityType}${filters.length ? ` with ${filters.join(', ')}` : ''}`,
        );
      }
      return structuredClone(found);
    },

    availableSystems(query = {}) {
      return AVAILABLE_SYSTEMS.filter(
        (s) =>
          !given(query.entityType) || s.entityTypes.some((t) => same(t, query.entityType ?? '')),
      ).map(({ identifier, displayName, validationSupported, supportedAuthTypes }) => ({
        identifier,
        displayName,
        validationSupported,
        supportedAuthTypes: [...supportedAuthTypes],
      }));
    },

    listRunsForEntity(entityType, entityId, query = {}) {
      sync();
      const list = runs().byEntity.get(entityKey(entityType, entityId)) ?? [];
      return pageRuns(list, query, `entity|${entityKey(entityType, entityId)}`);
    },

    listRunsForDestination(destinationId, query = {}) {
      sync();
      const list = runs().byDestination.get(destinationId) ?? [];
      const destination = given(query.destination) ? query.destination : undefined;
      return pageRuns(list, query, `destination|${destinationId}`, destination);
    },

    getRun(id) {
      sync();
      const run = runs().byId.get(id);
      if (!run) throw new StoreError(404, `IntegrationRun not found: ${id}`);
      return run;
    },

    latestRun(entityType, entityId) {
      sync();
      const list = runs().byEntity.get(entityKey(entityType, entityId));
      const last = list?.[list.length - 1];
      if (!last) throw new StoreError(404, `No IntegrationRun for ${entityType} ${entityId}`);
      return last.run;
    },

    latestRuns(entityType, ids) {
      sync();
      return splitIds(ids).flatMap((id) => {
        const list = runs().byEntity.get(entityKey(entityType, id));
        const last = list?.[list.length - 1];
        return last ? [last.run] : [];
      });
    },

    runLog(id) {
      const run = api.getRun(id);
      const text = buildRunLogText(run, anchorMs());
      if (text === undefined) {
        throw new StoreError(404, `No log available for IntegrationRun ${id}`);
      }
      return { Payload: toBase64(text) };
    },

    listMappings(query = {}) {
      sync();
      const ids = new Set(splitIds(query.m3terIds));
      const system = given(query.externalSystemId) ? query.externalSystemId : undefined;
      const configId = given(query.integrationConfigId) ? query.integrationConfigId : undefined;
      const list = [...state.mappings.values()].filter(
        (m) =>
          (system === undefined || same(m.externalSystem, system)) &&
          (ids.size === 0 || ids.has(m.m3terId)) &&
          (configId === undefined || m.integrationConfigId === configId),
      );
      const key = ['mappings', system, [...ids].sort().join(','), configId].join('|');
      return pageMappings(list, query, key);
    },

    getMapping(id) {
      sync();
      return structuredClone(findMapping(id));
    },

    createMapping(body, ctx) {
      sync();
      const parsed = validateBody(externalMappingRequestSchema, body);
      checkMappingLinks(parsed);
      const mapping = mappingFromBody(
        {
          id: newId(),
          version: 1,
          dtCreated: clock().toISOString(),
          createdBy: ctx?.actor ?? defaultActor,
        },
        parsed,
      );
      stamp(mapping, ctx);
      state.mappings.set(mapping.id, mapping);
      persist();
      return structuredClone(mapping);
    },

    updateMapping(id, body, ctx) {
      sync();
      const current = findMapping(id);
      const parsed = validateBody(externalMappingRequestSchema, body);
      requireVersion(parsed, current.version ?? 1, `ExternalMapping ${id}`);
      checkMappingLinks(parsed);
      const next = mappingFromBody(current, parsed);
      next.version = (current.version ?? 1) + 1;
      stamp(next, ctx);
      state.mappings.set(id, next);
      persist();
      return structuredClone(next);
    },

    deleteMapping(id) {
      sync();
      const mapping = findMapping(id);
      state.mappings.delete(id);
      persist();
      return structuredClone(mapping);
    },

    listMappingsForM3terEntity(entity, m3terId, query = {}) {
      sync();
      const list = [...state.mappings.values()].filter(
        (m) => same(m.m3terEntity, entity) && m.m3terId === m3terId,
      );
      return pageMappings(list, query, `m3ter|${entity.toLowerCase()}|${m3terId}`);
    },

    listMappingsForExternalEntity(system, externalTable, externalId, query = {}) {
      sync();
      const list = [...state.mappings.values()].filter(
        (m) =>
          same(m.externalSystem, system) &&
          same(m.externalTable, externalTable) &&
          m.externalId === externalId,
      );
      return pageMappings(
        list,
        query,
        `external|${system.toLowerCase()}|${externalTable.toLowerCase()}|${externalId}`,
      );
    },

    mappingConfiguration() {
      return structuredClone(MAPPING_CONFIGURATION);
    },

    externalEntityValues(destination, entityType, query = {}) {
      sync();
      const directory: ExternalDirectory = state.seed.externalDirectory;
      const systemName = Object.keys(directory).find((s) => same(s, destination));
      if (!systemName || !LOOKUP_SYSTEMS.has(systemName.toLowerCase())) return [];
      const configs = [...state.configs.values()].filter((c) => same(c.destination, systemName));
      if (given(query.integrationCredentialsId)) {
        const owner = [...state.configs.values()].find(
          (c) => c.integrationCredentialsId === query.integrationCredentialsId,
        );
        if (!owner) {
          throw new StoreError(
            404,
            `IntegrationCredentials not found: ${query.integrationCredentialsId}`,
          );
        }
        if (!same(owner.destination, systemName) || owner.authorized !== true) return [];
      } else if (!configs.some((c) => c.authorized === true)) {
        // m3ter lists values only through an authenticated connection (docs/m3ter-api.md §5.7).
        return [];
      }
      const tables = directory[systemName] ?? {};
      const tableName = given(query.externalTable)
        ? query.externalTable
        : (DEFAULT_TABLES[entityType.toLowerCase()]?.[systemName.toLowerCase()] ?? entityType);
      const table = Object.keys(tables).find((t) => same(t, tableName));
      const values = table ? (tables[table] ?? []) : [];
      return values
        .map((v) => ({ ...v }))
        .sort((a, b) => a.externalName.localeCompare(b.externalName));
    },

    reset() {
      persistence?.clear();
      reseed();
    },

    snapshot() {
      sync();
      return structuredClone(snapshot());
    },
  };
  return api;
}
