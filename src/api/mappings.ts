/**
 * ExternalMapping endpoints and the mapping-configuration helpers (docs/m3ter-api.md §1c, §5). Every function may
 * also throw what `request()` throws for any call: NetworkError, ForbiddenError, ServerError,
 * RateLimitedError, InvalidResponseError, and the caller's AbortError.
 */
import { z } from 'zod/mini';
import { apiPath, request, type CallOptions } from './http';
import type { PageParams } from './pagination';
import {
  externalEntityListSchema,
  externalMappingConfigurationSchema,
  externalMappingPageSchema,
  externalMappingSchema,
  type ExternalEntity,
  type ExternalMapping,
  type ExternalMappingConfiguration,
  type ExternalMappingRequest,
  type Page,
} from './schemas';

export interface ListMappingsParams extends PageParams {
  /** The external system's name, e.g. "Salesforce" (not an ID, despite the name). */
  externalSystemId?: string;
  m3terIds?: readonly string[];
  integrationConfigId?: string;
}

export interface ExternalEntitiesParams {
  externalTable?: string;
  /** Look up with this credential, for orgs with several credentials for one system. */
  integrationCredentialsId?: string;
}

export const mappingsApi = {
  /** `GET /externalmappings`: one page, optionally filtered; `m3terIds` goes comma-separated. */
  list(params: ListMappingsParams = {}, options: CallOptions = {}): Promise<Page<ExternalMapping>> {
    return request({
      path: '/externalmappings',
      query: { ...params },
      schema: externalMappingPageSchema,
      signal: options.signal,
    });
  },

  /** `GET /externalmappings/{id}`. Throws NotFoundError. */
  get(id: string, options: CallOptions = {}): Promise<ExternalMapping> {
    return request({
      path: apiPath`/externalmappings/${id}`,
      schema: externalMappingSchema,
      signal: options.signal,
    });
  },

  /** `POST /externalmappings`. Omit `version`. Throws ValidationError when m3ter rejects the body. */
  create(body: ExternalMappingRequest, options: CallOptions = {}): Promise<ExternalMapping> {
    return request({
      method: 'POST',
      path: '/externalmappings',
      body,
      schema: externalMappingSchema,
      signal: options.signal,
    });
  },

  /**
   * `PUT /externalmappings/{id}`, a full replace with the loaded `version`. Throws VersionConflictError
   * when someone saved in between (never retry it), ValidationError, NotFoundError.
   */
  update(
    id: string,
    body: ExternalMappingRequest & { version: number },
    options: CallOptions = {},
  ): Promise<ExternalMapping> {
    return request({
      method: 'PUT',
      path: apiPath`/externalmappings/${id}`,
      body,
      schema: externalMappingSchema,
      signal: options.signal,
    });
  },

  /**
   * `DELETE /externalmappings/{id}`: m3ter returns the deleted mapping; `undefined` when the body is
   * empty. Throws NotFoundError.
   */
  remove(id: string, options: CallOptions = {}): Promise<ExternalMapping | undefined> {
    return request({
      method: 'DELETE',
      path: apiPath`/externalmappings/${id}`,
      schema: z.optional(externalMappingSchema),
      signal: options.signal,
    });
  },

  /** `GET /externalmappings/external/{entity}/{m3terId}`: mappings of one m3ter entity (e.g. an Account). */
  listForM3terEntity(
    entity: string,
    m3terId: string,
    params: PageParams = {},
    options: CallOptions = {},
  ): Promise<Page<ExternalMapping>> {
    return request({
      path: apiPath`/externalmappings/external/${entity}/${m3terId}`,
      query: { ...params },
      schema: externalMappingPageSchema,
      signal: options.signal,
    });
  },

  /** `GET /externalmappings/externalid/{system}/{externalTable}/{externalId}`: mappings of one external entity. */
  listForExternalEntity(
    system: string,
    externalTable: string,
    externalId: string,
    params: PageParams = {},
    options: CallOptions = {},
  ): Promise<Page<ExternalMapping>> {
    return request({
      path: apiPath`/externalmappings/externalid/${system}/${externalTable}/${externalId}`,
      query: { ...params },
      schema: externalMappingPageSchema,
      signal: options.signal,
    });
  },

  /** `GET /externalmappingconfiguration`: the m3ter entities and external systems/tables a mapping may use. */
  configuration(options: CallOptions = {}): Promise<ExternalMappingConfiguration> {
    return request({
      path: '/externalmappingconfiguration',
      schema: externalMappingConfigurationSchema,
      signal: options.signal,
    });
  },

  /**
   * `GET /externalmappingconfiguration/values/{destination}/{entityType}[/{integrationCredentialsId}]`:
   * pick-list values fetched live from the destination. Empty when the destination is not
   * authenticated or does not support lookups.
   */
  externalEntities(
    destination: string,
    entityType: string,
    params: ExternalEntitiesParams = {},
    options: CallOptions = {},
  ): Promise<ExternalEntity[]> {
    const { externalTable, integrationCredentialsId } = params;
    const path = integrationCredentialsId
      ? apiPath`/externalmappingconfiguration/values/${destination}/${entityType}/${integrationCredentialsId}`
      : apiPath`/externalmappingconfiguration/values/${destination}/${entityType}`;
    return request({
      path,
      query: { externalTable },
      schema: externalEntityListSchema,
      signal: options.signal,
    });
  },
};
