/**
 * Solvimon's integrations endpoints (docs/solvimon-api.md §1). Every function may also throw what
 * `solvimonRequest()` throws for any call: NetworkError, SolvimonForbiddenError, SolvimonServerError,
 * SolvimonRateLimitedError, InvalidResponseError, and the caller's AbortError.
 */
import { z } from 'zod/mini';
import { apiPath } from '../transport';
import { solvimonRequest, type SolvimonCallOptions } from './http';
import {
  solvimonIntegrationPageSchema,
  solvimonIntegrationSchema,
  solvimonMandateSchema,
  solvimonTestConnectionResultSchema,
  type SolvimonAuthentication,
  type SolvimonIntegration,
  type SolvimonIntegrationCreateRequest,
  type SolvimonIntegrationPage,
  type SolvimonIntegrationUpdateRequest,
  type SolvimonMandate,
  type SolvimonTestConnectionResult,
} from './schemas';

/** Page-number paging (Decision 5). Pages count from 1. */
export interface SolvimonListParams {
  limit?: number;
  page?: number;
  /** A field of the integration, e.g. `reference` or `name`. */
  order_by?: string;
  order_direction?: 'ASC' | 'DESC';
}

/** What test-connection is testing for; all optional. */
export interface SolvimonTestConnectionParams {
  integration_type?: string;
  e_invoicing_processor?: string;
  tax_calculation_variant?: string;
}

const BASE = '/integrations';

const action = (name: 'activate' | 'deprecate' | 'archive') =>
  function lifecycle(id: string, options: SolvimonCallOptions = {}): Promise<SolvimonIntegration> {
    return solvimonRequest({
      method: 'POST',
      path: apiPath`/integrations/${id}/${name}`,
      schema: solvimonIntegrationSchema,
      signal: options.signal,
    });
  };

export const solvimonIntegrationsApi = {
  /** `GET /v1/integrations`: one page of `limit` (Solvimon's default when omitted). */
  list(
    params: SolvimonListParams = {},
    options: SolvimonCallOptions = {},
  ): Promise<SolvimonIntegrationPage> {
    return solvimonRequest({
      path: BASE,
      query: { ...params },
      schema: solvimonIntegrationPageSchema,
      signal: options.signal,
    });
  },

  /**
   * `GET /v1/integrations/{id}`. Throws SolvimonNotFoundError for an unknown id. A set secret comes back
   * masked, never readable (Decision 1).
   */
  get(id: string, options: SolvimonCallOptions = {}): Promise<SolvimonIntegration> {
    return solvimonRequest({
      path: apiPath`/integrations/${id}`,
      schema: solvimonIntegrationSchema,
      signal: options.signal,
    });
  },

  /**
   * `POST /v1/integrations` (201). Throws SolvimonDuplicateReferenceError when the reference is taken,
   * SolvimonValidationError (with `field`) when Solvimon rejects the body. Never retried.
   */
  create(
    body: SolvimonIntegrationCreateRequest,
    options: SolvimonCallOptions = {},
  ): Promise<SolvimonIntegration> {
    return solvimonRequest({
      method: 'POST',
      path: BASE,
      body,
      schema: solvimonIntegrationSchema,
      signal: options.signal,
    });
  },

  /**
   * `PATCH /v1/integrations/{id}` with the whole integration (`toSolvimonUpdateRequest`). Solvimon has
   * no version check: the last write wins, so the caller reads the integration again just before and
   * compares (Decision 3). Throws SolvimonValidationError, SolvimonInvalidOperationError (archived),
   * SolvimonDuplicateReferenceError, SolvimonNotFoundError.
   */
  update(
    id: string,
    body: SolvimonIntegrationUpdateRequest,
    options: SolvimonCallOptions = {},
  ): Promise<SolvimonIntegration> {
    return solvimonRequest({
      method: 'PATCH',
      path: apiPath`/integrations/${id}`,
      body,
      schema: solvimonIntegrationSchema,
      signal: options.signal,
    });
  },

  /**
   * `DELETE /v1/integrations/{id}`: Solvimon returns the deleted integration; `undefined` when the body
   * is empty (a proxy answering 204). Throws SolvimonNotFoundError.
   */
  remove(id: string, options: SolvimonCallOptions = {}): Promise<SolvimonIntegration | undefined> {
    return solvimonRequest({
      method: 'DELETE',
      path: apiPath`/integrations/${id}`,
      schema: z.optional(solvimonIntegrationSchema),
      signal: options.signal,
    });
  },

  /** `POST /v1/integrations/{id}/activate`. Throws SolvimonInvalidOperationError when not allowed now. */
  activate: action('activate'),

  /** `POST /v1/integrations/{id}/deprecate`. Throws SolvimonInvalidOperationError when not allowed now. */
  deprecate: action('deprecate'),

  /** `POST /v1/integrations/{id}/archive`: final. Throws SolvimonInvalidOperationError when archived. */
  archive: action('archive'),

  /**
   * `POST /v1/integrations/test-connection` with credentials the user has just entered (stored secrets
   * cannot be read back, so they cannot be tested). A failed test is an answer, not an error:
   * `{ successful: false, message }`.
   */
  testConnection(
    authentication: SolvimonAuthentication,
    params: SolvimonTestConnectionParams = {},
    options: SolvimonCallOptions = {},
  ): Promise<SolvimonTestConnectionResult> {
    return solvimonRequest({
      method: 'POST',
      path: `${BASE}/test-connection`,
      query: { ...params },
      body: authentication,
      schema: solvimonTestConnectionResultSchema,
      signal: options.signal,
    });
  },

  /** `GET /v1/integrations/e-invoicing/default-mandates`: the mandate templates, as a plain array. */
  defaultMandates(
    params: SolvimonListParams = {},
    options: SolvimonCallOptions = {},
  ): Promise<SolvimonMandate[]> {
    return solvimonRequest({
      path: `${BASE}/e-invoicing/default-mandates`,
      query: { ...params },
      schema: z.array(solvimonMandateSchema),
      signal: options.signal,
    });
  },
};
