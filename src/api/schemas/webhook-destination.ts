/**
 * Webhook destinations (docs/m3ter-api.md §6.1): where Notification integrations send.
 *
 * Write-only credentials (Decision 8): m3ter's `WebhookDestinationResponse` lets the credentials carry
 * `apiKey` and `secret`. The response schema drops both during the parse, so neither ever reaches the
 * query cache, a component or a draft; what is kept is whether credentials are stored.
 */
import { z } from 'zod';
import { auditFieldsSchema, pageSchema } from './common';

export const WEBHOOK_CREDENTIALS_TYPE = 'M3TER_SIGNED_REQUEST';

/** `IntegrationM3terSignedCredentialsResponse`, without its readable `apiKey` and `secret`. */
const webhookCredentialsSchema = z
  .looseObject({
    id: z.string().optional(),
    type: z.string().optional(),
    destination: z.string().optional(),
    destinationId: z.string().optional(),
    name: z.string().optional(),
    version: z.number().int().optional(),
  })
  .transform((credentials) => {
    // Never kept: the readable halves of the signing credentials (docs/m3ter-api.md Decision 8).
    const { apiKey: _apiKey, secret: _secret, ...safe } = credentials;
    return safe;
  });

/** `WebhookDestinationResponse`. Loose: fields m3ter adds later survive, for a full-replace PUT. */
export const webhookDestinationSchema = z.looseObject({
  ...auditFieldsSchema.shape,
  name: z.string().optional(),
  description: z.string().optional(),
  code: z.string().optional(),
  active: z.boolean().optional(),
  url: z.string().optional(),
  credentials: webhookCredentialsSchema.optional(),
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
  apiKey: z.string().min(1).optional(),
  secret: z.string().min(1).optional(),
  destination: z.string().optional(),
  name: z.string().optional(),
  empty: z.boolean().optional(),
  version: z.number().int().optional(),
});

/** `WebhookDestinationRequest` (POST and PUT body). */
export const webhookDestinationRequestSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().min(1),
  url: z.string().min(1),
  code: z.string().optional(),
  active: z.boolean().optional(),
  credentials: webhookCredentialsRequestSchema,
  version: z.number().int().optional(),
});

export type WebhookDestinationRequest = z.infer<typeof webhookDestinationRequestSchema>;
