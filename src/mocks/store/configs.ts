/** Integration configs of the fake m3ter, and the destination systems a config can use. */
import type { z } from 'zod/mini';
import { integrationConfigRequestSchema, type IntegrationConfig } from '../../api/schemas';
import { paginate, type PageQuery, type PageResult } from '../paging';
import { AVAILABLE_SYSTEMS } from '../seed';
import { StoreError } from '../store-error';
import { given, newestFirst, same } from './query';
import { requireVersion, type StoreState, type WriteContext } from './state';
import { validateBody } from './validation';

interface ConfigListQuery extends PageQuery {
  destinationId?: string | null;
}

interface ConfigByEntityQuery extends PageQuery {
  entityId?: string | null;
  destination?: string | null;
  destinationId?: string | null;
}

interface SystemInfo {
  identifier: string;
  displayName: string;
  validationSupported: boolean;
  supportedAuthTypes: string[];
}

export interface ConfigStore {
  listConfigs(query?: ConfigListQuery): PageResult<IntegrationConfig>;
  getConfig(id: string): IntegrationConfig;
  createConfig(body: unknown, ctx?: WriteContext): IntegrationConfig;
  updateConfig(id: string, body: unknown, ctx?: WriteContext): IntegrationConfig;
  deleteConfig(id: string): IntegrationConfig;
  enableConfig(id: string, ctx?: WriteContext): IntegrationConfig;
  getConfigByEntity(entityType: string, query?: ConfigByEntityQuery): IntegrationConfig;
  availableSystems(query?: { entityType?: string | null }): SystemInfo[];
}

export function createConfigStore(state: StoreState): ConfigStore {
  const { clock, defaultActor, sync, persist, newId, stamp } = state;

  const findConfig = (id: string): IntegrationConfig => {
    const config = state.data.configs.get(id);
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

  return {
    listConfigs(query = {}) {
      sync();
      const list = [...state.data.configs.values()]
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
      state.data.configs.set(config.id, config);
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
      state.data.configs.set(id, next);
      persist();
      return structuredClone(next);
    },

    deleteConfig(id) {
      sync();
      const config = findConfig(id);
      state.data.configs.delete(id);
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
      // The paging parameters are checked as on the list endpoints: a bad pageSize or a nextToken this
      // endpoint never issued is a 400, not ignored. The answer is one config all the same.
      paginate([], query, `integrationconfigs/entity/${entityType}`);
      const candidates = [...state.data.configs.values()]
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
  };
}
