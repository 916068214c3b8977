/**
 * IntegrationRun endpoints (docs/m3ter-api.md §1b, §4): read-only, and wrapped by no official SDK. Every function
 * may also throw what `request()` throws for any call: NetworkError, ForbiddenError, ServerError,
 * RateLimitedError, InvalidResponseError, and the caller's AbortError.
 */
import { apiPath, request, type CallOptions } from './http';
import { InvalidResponseError } from './errors';
import type { PageParams } from './pagination';
import {
  integrationRunLogSchema,
  integrationRunPageSchema,
  integrationRunSchema,
  type IntegrationRun,
  type Page,
  type RunOrder,
  type RunStatus,
} from './schemas';

export interface RunFilters extends PageParams {
  status?: RunStatus;
  /** ISO-8601; runs started after it. */
  startDate?: string;
  /** ISO-8601; runs started before or on it. */
  endDate?: string;
  order?: RunOrder;
}

export interface DestinationRunFilters extends RunFilters {
  /** Destination system, e.g. "Stripe". */
  destination?: string;
}

export interface RunLog {
  /** The decoded log, or null when m3ter has none for the run. */
  text: string | null;
}

/**
 * Decodes the run log's base64 `Payload` as UTF-8. Null when the payload is absent or empty.
 * Tolerates line-wrapped, unpadded and URL-safe base64. Throws a TypeError when it is not base64.
 */
export function decodeRunLog(payload: string | null | undefined): string | null {
  if (payload === null || payload === undefined) return null;
  let normalised = payload.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (normalised === '') return null;
  const remainder = normalised.length % 4;
  if (remainder === 1) throw new TypeError('Run log payload is not valid base64');
  if (remainder > 0) normalised += '='.repeat(4 - remainder);
  let binary: string;
  try {
    binary = atob(normalised);
  } catch {
    throw new TypeError('Run log payload is not valid base64');
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8').decode(bytes);
}

export const runsApi = {
  /** `GET /integrationruns/{entityType}/{entityId}`: one page of an entity's runs (e.g. one Bill's). */
  listForEntity(
    entityType: string,
    entityId: string,
    filters: RunFilters = {},
    options: CallOptions = {},
  ): Promise<Page<IntegrationRun>> {
    return request({
      path: apiPath`/integrationruns/${entityType}/${entityId}`,
      query: { ...filters },
      schema: integrationRunPageSchema,
      signal: options.signal,
    });
  },

  /** `GET /integrationruns/destinations/{destinationId}`: one page of a destination's runs. */
  listForDestination(
    destinationId: string,
    filters: DestinationRunFilters = {},
    options: CallOptions = {},
  ): Promise<Page<IntegrationRun>> {
    return request({
      path: apiPath`/integrationruns/destinations/${destinationId}`,
      query: { ...filters },
      schema: integrationRunPageSchema,
      signal: options.signal,
    });
  },

  /** `GET /integrationruns/{id}`. Throws NotFoundError for an unknown run. */
  get(id: string, options: CallOptions = {}): Promise<IntegrationRun> {
    return request({
      path: apiPath`/integrationruns/${id}`,
      schema: integrationRunSchema,
      signal: options.signal,
    });
  },

  /** `GET /integrationruns/{entityType}/latest/{entityId}`: the entity's latest run. NotFoundError when none. */
  latest(entityType: string, entityId: string, options: CallOptions = {}): Promise<IntegrationRun> {
    return request({
      path: apiPath`/integrationruns/${entityType}/latest/${entityId}`,
      schema: integrationRunSchema,
      signal: options.signal,
    });
  },

  /**
   * `GET /integrationruns/logs/{id}`, decoded. Throws NotFoundError for an unknown run, and
   * InvalidResponseError when `Payload` is not base64.
   */
  async log(id: string, options: CallOptions = {}): Promise<RunLog> {
    const path = apiPath`/integrationruns/logs/${id}`;
    const body = await request({ path, schema: integrationRunLogSchema, signal: options.signal });
    try {
      return { text: decodeRunLog(body.Payload) };
    } catch (error) {
      throw new InvalidResponseError({
        status: 200,
        path,
        method: 'GET',
        reason: 'Payload is not base64',
        cause: error,
      });
    }
  },
};
