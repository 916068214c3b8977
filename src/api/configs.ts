/**
 * IntegrationConfig endpoints (docs/m3ter-api.md §1a, §3). Every function may also throw what `request()` throws
 * for any call: NetworkError, ForbiddenError, ServerError, RateLimitedError, InvalidResponseError, and
 * the caller's AbortError.
 */
import { z } from 'zod/mini';
import { apiPath, request, type CallOptions } from './http';
import type { PageParams } from './pagination';
import {
  integrationConfigPageSchema,
  integrationConfigSchema,
  systemResponseSchema,
  type IntegrationConfig,
  type IntegrationConfigRequest,
  type Page,
  type SystemResponse,
} from './schemas';

export interface ListConfigsParams extends PageParams {
  destinationId?: string;
}

export interface GetConfigsByEntityParams extends PageParams {
  entityId?: string;
  /** Destination type, e.g. "Stripe". */
  destination?: string;
  destinationId?: string;
}

/**
 * The spec declares a single object for `GET /integrationconfigs/entity/{entityType}` while taking paging
 * parameters (docs/m3ter-api.md §3.6 item 2). Accept a page, a bare array, a single config, or nothing, and
 * always hand the caller a page. An object that is neither a config nor has `data` is an unexpected response.
 */
const configsByEntitySchema: z.ZodMiniType<Page<IntegrationConfig>> = z.union([
  z.pipe(
    z.array(integrationConfigSchema),
    z.transform((data) => ({ data })),
  ),
  z.pipe(
    integrationConfigSchema,
    z.transform((config) => ({ data: [config] })),
  ),
  integrationConfigPageSchema,
  z.pipe(
    z.null(),
    z.transform(() => ({ data: [] })),
  ),
  z.pipe(
    z.undefined(),
    z.transform(() => ({ data: [] })),
  ),
]);

export const configsApi = {
  /** `GET /integrationconfigs`, one page, newest first. */
  list(
    params: ListConfigsParams = {},
    options: CallOptions = {},
  ): Promise<Page<IntegrationConfig>> {
    return request({
      path: '/integrationconfigs',
      query: { ...params },
      schema: integrationConfigPageSchema,
      signal: options.signal,
    });
  },

  /**
   * `GET /integrationconfigs/{id}`. Parsed as a config although the spec types it as a run
   * (docs/m3ter-api.md §3.6). Throws NotFoundError for an unknown ID.
   */
  get(id: string, options: CallOptions = {}): Promise<IntegrationConfig> {
    return request({
      path: apiPath`/integrationconfigs/${id}`,
      schema: integrationConfigSchema,
      signal: options.signal,
    });
  },

  /** `POST /integrationconfigs`. Omit `version`. Throws ValidationError when m3ter rejects the body. */
  create(body: IntegrationConfigRequest, options: CallOptions = {}): Promise<IntegrationConfig> {
    return request({
      method: 'POST',
      path: '/integrationconfigs',
      body,
      schema: integrationConfigSchema,
      signal: options.signal,
    });
  },

  /**
   * `PUT /integrationconfigs/{id}`, a full replace: send every field of the loaded config with the edits
   * on top, and the loaded `version`. Throws VersionConflictError when someone saved in between (never
   * retry it), ValidationError, NotFoundError.
   */
  update(
    id: string,
    body: IntegrationConfigRequest & { version: number },
    options: CallOptions = {},
  ): Promise<IntegrationConfig> {
    return request({
      method: 'PUT',
      path: apiPath`/integrationconfigs/${id}`,
      body,
      schema: integrationConfigSchema,
      signal: options.signal,
    });
  },

  /**
   * `DELETE /integrationconfigs/{id}`: m3ter returns the deleted config; `undefined` when the body is
   * empty (a proxy answering 204). Throws NotFoundError.
   */
  remove(id: string, options: CallOptions = {}): Promise<IntegrationConfig | undefined> {
    return request({
      method: 'DELETE',
      path: apiPath`/integrationconfigs/${id}`,
      schema: z.optional(integrationConfigSchema),
      signal: options.signal,
    });
  },

  /** `POST /integrationconfigs/{id}/enable` (no body): re-enables an auto-disabled config. Throws NotFoundError. */
  enable(id: string, options: CallOptions = {}): Promise<IntegrationConfig> {
    return request({
      method: 'POST',
      path: apiPath`/integrationconfigs/${id}/enable`,
      schema: integrationConfigSchema,
      signal: options.signal,
    });
  },

  /**
   * `GET /integrationconfigs/entity/{entityType}`: the configs for an entity type, optionally narrowed
   * to one entity or destination. Whatever shape m3ter answers with is normalised to a page.
   */
  getByEntity(
    entityType: string,
    params: GetConfigsByEntityParams = {},
    options: CallOptions = {},
  ): Promise<Page<IntegrationConfig>> {
    return request({
      path: apiPath`/integrationconfigs/entity/${entityType}`,
      query: { ...params },
      schema: configsByEntitySchema,
      signal: options.signal,
    });
  },

  /** `GET /integrationconfigs/available/systems`: the systems this org can integrate with. */
  availableSystems(
    params: { entityType?: string } = {},
    options: CallOptions = {},
  ): Promise<SystemResponse[]> {
    return request({
      path: '/integrationconfigs/available/systems',
      query: { ...params },
      schema: z.array(systemResponseSchema),
      signal: options.signal,
    });
  },
};
