/**
 * Webhook destination endpoints (docs/m3ter-api.md §1d, §6.1). Every function may also throw what
 * `request()` throws for any call: NetworkError, ForbiddenError, ServerError, RateLimitedError,
 * InvalidResponseError, and the caller's AbortError. Responses never carry the credentials' `apiKey`
 * or `secret`: the schema drops them (Decision 8).
 */
import { z } from 'zod/mini';
import { apiPath, request, type CallOptions } from './http';
import type { PageParams } from './pagination';
import {
  webhookDestinationPageSchema,
  webhookDestinationSchema,
  type Page,
  type WebhookDestination,
  type WebhookDestinationRequest,
} from './schemas';

export interface ListWebhookDestinationsParams extends PageParams {
  /** Only these destinations (sent comma-separated, as the SDKs do: §2.4). */
  ids?: readonly string[];
}

const BASE = '/integrationdestinations/webhooks';

export const webhookDestinationsApi = {
  /** `GET /integrationdestinations/webhooks`, one page. */
  list(
    params: ListWebhookDestinationsParams = {},
    options: CallOptions = {},
  ): Promise<Page<WebhookDestination>> {
    return request({
      path: BASE,
      query: { ...params },
      schema: webhookDestinationPageSchema,
      signal: options.signal,
    });
  },

  /** `GET /integrationdestinations/webhooks/{id}`. Throws NotFoundError for an unknown id. */
  get(id: string, options: CallOptions = {}): Promise<WebhookDestination> {
    return request({
      path: apiPath`/integrationdestinations/webhooks/${id}`,
      schema: webhookDestinationSchema,
      signal: options.signal,
    });
  },

  /**
   * `POST /integrationdestinations/webhooks`. Omit `version`. Throws ValidationError when m3ter rejects
   * the body (e.g. a URL whose host does not resolve).
   */
  create(body: WebhookDestinationRequest, options: CallOptions = {}): Promise<WebhookDestination> {
    return request({
      method: 'POST',
      path: BASE,
      body,
      schema: webhookDestinationSchema,
      signal: options.signal,
    });
  },

  /**
   * `PUT /integrationdestinations/webhooks/{id}`, a full replace with the loaded `version`. Throws
   * VersionConflictError when someone saved in between (never retry it), ValidationError, NotFoundError.
   */
  update(
    id: string,
    body: WebhookDestinationRequest & { version: number },
    options: CallOptions = {},
  ): Promise<WebhookDestination> {
    return request({
      method: 'PUT',
      path: apiPath`/integrationdestinations/webhooks/${id}`,
      body,
      schema: webhookDestinationSchema,
      signal: options.signal,
    });
  },

  /** `DELETE /integrationdestinations/webhooks/{id}`; `undefined` for an empty body. Throws NotFoundError. */
  remove(id: string, options: CallOptions = {}): Promise<WebhookDestination | undefined> {
    return request({
      method: 'DELETE',
      path: apiPath`/integrationdestinations/webhooks/${id}`,
      schema: z.optional(webhookDestinationSchema),
      signal: options.signal,
    });
  },

  /** `PUT /integrationdestinations/webhooks/{id}/active?active=` (no body). Throws NotFoundError. */
  setActive(id: string, active: boolean, options: CallOptions = {}): Promise<WebhookDestination> {
    return request({
      method: 'PUT',
      path: apiPath`/integrationdestinations/webhooks/${id}/active`,
      query: { active },
      schema: webhookDestinationSchema,
      signal: options.signal,
    });
  },
};
