/**
 * External mappings of the fake m3ter, the mapping configuration, and the pick-lists of external
 * entities a mapping can point at.
 */
import type { z } from 'zod/mini';
import { externalMappingRequestSchema, type ExternalMapping } from '../../api/schemas';
import { paginate, type PageQuery, type PageResult } from '../paging';
import { MAPPING_CONFIGURATION, type ExternalDirectory, type ExternalEntity } from '../seed';
import { StoreError } from '../store-error';
import { given, newestFirst, same, splitIds } from './query';
import { requireVersion, type StoreState, type WriteContext } from './state';
import { validateBody } from './validation';

interface MappingListQuery extends PageQuery {
  externalSystemId?: string | null;
  /** Each element may itself be comma-separated: `?m3terIds=a,b` and `?m3terIds=a&m3terIds=b` both work. */
  m3terIds?: readonly string[] | string | null;
  integrationConfigId?: string | null;
}

interface ExternalValuesQuery {
  externalTable?: string | null;
  integrationCredentialsId?: string | null;
}

interface MappingConfiguration {
  m3terEntities: string[];
  externalSystems: Array<{ name: string; tables: string[]; allowCustomExternalTables: boolean }>;
}

export interface MappingStore {
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
}

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

export function createMappingStore(state: StoreState): MappingStore {
  const { clock, defaultActor, sync, persist, newId, stamp } = state;

  const findMapping = (id: string): ExternalMapping => {
    const mapping = state.data.mappings.get(id);
    if (!mapping) throw new StoreError(404, `ExternalMapping not found: ${id}`);
    return mapping;
  };

  const checkMappingLinks = (body: { integrationConfigId?: string | undefined }): void => {
    if (given(body.integrationConfigId) && !state.data.configs.has(body.integrationConfigId)) {
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

  return {
    listMappings(query = {}) {
      sync();
      const ids = new Set(splitIds(query.m3terIds));
      const system = given(query.externalSystemId) ? query.externalSystemId : undefined;
      const configId = given(query.integrationConfigId) ? query.integrationConfigId : undefined;
      const list = [...state.data.mappings.values()].filter(
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
      state.data.mappings.set(mapping.id, mapping);
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
      state.data.mappings.set(id, next);
      persist();
      return structuredClone(next);
    },

    deleteMapping(id) {
      sync();
      const mapping = findMapping(id);
      state.data.mappings.delete(id);
      persist();
      return structuredClone(mapping);
    },

    listMappingsForM3terEntity(entity, m3terId, query = {}) {
      sync();
      const list = [...state.data.mappings.values()].filter(
        (m) => same(m.m3terEntity, entity) && m.m3terId === m3terId,
      );
      return pageMappings(list, query, `m3ter|${entity.toLowerCase()}|${m3terId}`);
    },

    listMappingsForExternalEntity(system, externalTable, externalId, query = {}) {
      sync();
      const list = [...state.data.mappings.values()].filter(
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
      const directory: ExternalDirectory = state.data.seed.externalDirectory;
      const systemName = Object.keys(directory).find((s) => same(s, destination));
      if (!systemName || !LOOKUP_SYSTEMS.has(systemName.toLowerCase())) return [];
      const configs = [...state.data.configs.values()].filter((c) =>
        same(c.destination, systemName),
      );
      if (given(query.integrationCredentialsId)) {
        const owner = [...state.data.configs.values()].find(
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
  };
}
