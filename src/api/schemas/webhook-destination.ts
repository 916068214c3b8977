/**
 * Webhook destinations (docs/m3ter-api.md §6.1): where Notification integrations send.
 *
 * Write-only credentials (Decision 8): m3ter's `WebhookDestinationResponse` lets the credentials carry
 * `apiKey` and `secret`. The response schema drops both during the parse, so neither ever reaches the
 * query cache, a component or a draft; what is kept is whether credentials are stored.
 */
import { z } from 'zod/mini';
import { auditFieldsSchema, pageSchema } from './common';

export const WEBHOOK_CREDENTIALS_TYPE = 'M3TER_SIGNED_REQUEST';

/** `IntegrationM3terSignedCredentialsResponse`, without its readable `apiKey` and `secret`. */
const webhookCredentialsSchema = z.pipe(
  z.looseObject({
    id: z.optional(z.string()),
    type: z.optional(z.string()),
    destination: z.optional(z.string()),
    destinationId: z.optional(z.string()),
    name: z.optional(z.string()),
    version: z.optional(z.int()),
  }),
  z.transform((credentials) => {
    // Never kept: the readable halves of the signing credentials (docs/m3ter-api.md Decision 8).
    const { apiKey: _apiKey, secret: _secret, ...safe } = credentials;
    return safe;
  }),
);

/** `WebhookDestinationResponse`. Loose: fields m3ter adds later survive, for a full-replace PUT. */
export const webhookDestinationSchema = z.looseObject({
  ...auditFieldsSchema.shape,
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  code: z.optional(z.string()),
  active: z.optional(z.boolean()),
  url: z.optional(z.string()),
  credentials: z.optional(webhookCredentialsSchema),
});

export type WebhookDestination = z.infer<typeof webhookDestinationSchema>;

export const webhookDestinationPageSchema = pageSchema(webhookDestinationSchema);

/**
 * `IntegrationM3terSignedCredentialsRequest`. On create both halves are required; on update a
 * credentials object without them keeps the stored ones (the console's reading where the spec requires
 * both: docs/m3ter-api.md §6.1, Decision 8).
 */
const webhookCredentialsRequestSchema = z.looseObject({
  type: z.literal(WEBHOOK_CREDENTIALS_TYPE),
  apiKey: z.optional(z.string().check(z.minLength(1))),
  secret: z.optional(z.string().check(z.minLength(1))),
  destination: z.optional(z.string()),
  name: z.optional(z.string()),
  empty: z.optional(z.boolean()),
  version: z.optional(z.int()),
});

/** `WebhookDestinationRequest` (POST and PUT body). */
export const webhookDestinationRequestSchema = z.looseObject({
  name: z.string().check(z.minLength(1)),
  description: z.string().check(z.minLength(1)),
  url: z.string().check(z.minLength(1)),
  code: z.optional(z.string()),
  active: z.optional(z.boolean()),
  credentials: webhookCredentialsRequestSchema,
  version: z.optional(z.int()),
});

export type WebhookDestinationRequest = z.infer<typeof webhookDestinationRequestSchema>;
