/**
 * IntegrationConfig request/response and the discovery response (docs/m3ter-api.md §3).
 */
import { z } from 'zod/mini';
import { auditFieldsSchema, ENTITY_TYPE_PATTERN, pageSchema } from './common';

/** Credential `type` values known when this was written (docs/m3ter-api.md §3.3). The enum keeps growing: keep it open. */
export const CREDENTIAL_TYPES = [
  'HTTP_BASIC',
  'OAUTH_CLIENT_CREDENTIALS',
  'M3TER_SIGNED_REQUEST',
  'AWS_INTEGRATION',
  'PADDLE_AUTH',
  'NETSUITE_AUTH',
  'CHARGEBEE_AUTH',
  'M3TER_APP_SIGNATURE',
  'M3TER_SERVICE_USER',
  'STRIPE_SIGNED_REQUEST',
  'HUBSPOT_ACCESS_TOKEN',
  'HUBSPOT_CLIENT_SECRET',
  'OPSGENIE_KEY',
  'SAP_BYD',
  'SLACK_WEBHOOK',
  'SAGE_INTACCT_CLIENT_CREDENTIALS',
  'SAGE_INTACCT_CLIENT_SECRET',
  'STATIC_API_KEY',
] as const;

/** A known credential type, or any other string m3ter adds later. */
type CredentialType = (typeof CREDENTIAL_TYPES)[number] | (string & {});

/** The credential `destination` enum (`DestinationType`); also open. */
export const DESTINATION_TYPES = [
  'WEBHOOK',
  'NETSUITE',
  'STRIPE',
  'STRIPE_TEST',
  'AWS',
  'PADDLE',
  'PADDLE_SANDBOX',
  'SALESFORCE',
  'XERO',
  'CHARGEBEE',
  'QUICKBOOKS',
  'QUICKBOOKS_SANDBOX',
  'M3TER',
] as const;

type DestinationType = (typeof DESTINATION_TYPES)[number] | (string & {});

/** The deprecated `triggerType` values; the response schema accepts any string. */
type TriggerType = 'EVENT' | 'SCHEDULE' | (string & {});

const credentialTypeSchema: z.ZodMiniType<CredentialType> = z.string().check(z.minLength(1));
const destinationTypeSchema: z.ZodMiniType<DestinationType> = z.string().check(z.minLength(1));
const triggerTypeSchema: z.ZodMiniType<TriggerType> = z.string();

const configDataSchema = z.record(z.string(), z.unknown());

/**
 * `IntegrationConfigResponse`. Loose: fields m3ter adds later survive a parse, so a full-replace PUT built
 * from a loaded config does not drop them (docs/m3ter-api.md Decision 6).
 */
export const integrationConfigSchema = z.looseObject({
  ...auditFieldsSchema.shape,
  entityType: z.string().check(z.minLength(1)),
  destination: z.string().check(z.minLength(1)),
  entityId: z.optional(z.string()),
  destinationId: z.optional(z.string()),
  configData: z.optional(configDataSchema),
  authorized: z.optional(z.boolean()),
  enabled: z.optional(z.boolean()),
  /** @deprecated in the spec; still returned by some orgs. */
  triggerType: z.optional(triggerTypeSchema),
  integrationCredentialsId: z.optional(z.string()),
  name: z.optional(z.string()),
});

export type IntegrationConfig = z.infer<typeof integrationConfigSchema>;

/**
 * `IntegrationCredentialsRequestBase`. Loose because type-specific subtypes add their own
 * (secret-bearing) fields, e.g. `apiKey`/`secret` for M3TER_SIGNED_REQUEST.
 */
const integrationCredentialsRequestSchema = z.looseObject({
  type: credentialTypeSchema,
  destination: z.optional(destinationTypeSchema),
  empty: z.optional(z.boolean()),
  name: z.optional(z.string()),
  version: z.optional(z.int()),
});

const entityTypeFieldSchema = z
  .string()
  .check(
    z.minLength(1, 'Required'),
    z.regex(ENTITY_TYPE_PATTERN, 'Use only letters, digits, "_" and "-"'),
  );

/**
 * `IntegrationConfigRequest` (POST and PUT body). `version`: omit on create, send the loaded value on
 * update (docs/m3ter-api.md §2.3). Loose so that a full-replace PUT keeps fields this console does not know.
 */
export const integrationConfigRequestSchema = z.looseObject({
  entityType: entityTypeFieldSchema,
  destination: entityTypeFieldSchema,
  entityId: z.optional(z.string()),
  destinationId: z.optional(z.string()),
  configData: z.optional(configDataSchema),
  credentials: z.optional(integrationCredentialsRequestSchema),
  integrationCredentialsId: z.optional(z.string()),
  name: z.optional(z.string()),
  version: z.optional(z.int()),
});

export type IntegrationConfigRequest = z.infer<typeof integrationConfigRequestSchema>;

/**
 * `SystemResponse` from `GET /integrationconfigs/available/systems`. The spec requires nothing; the
 * console needs at least `identifier` to key a system. `supportedAuthTypes` uses the AuthType enum,
 * whose spellings differ from CREDENTIAL_TYPES (docs/m3ter-api.md §3.3), so it is kept as plain strings.
 */
export const systemResponseSchema = z.looseObject({
  identifier: z.string().check(z.minLength(1)),
  displayName: z.optional(z.string()),
  validationSupported: z.optional(z.boolean()),
  supportedAuthTypes: z.optional(z.array(z.string())),
});

export type SystemResponse = z.infer<typeof systemResponseSchema>;

export const integrationConfigPageSchema = pageSchema(integrationConfigSchema);
