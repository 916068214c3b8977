/**
 * Solvimon's write-only fields (docs/solvimon-api.md Decision 1): never displayed, logged, put in a
 * draft or sent back unchanged. A PATCH carries a secret only when the user replaced or cleared it.
 */
import type { SolvimonIntegration, SolvimonIntegrationUpdateRequest } from './schemas';

export type SecretPath = readonly [string, ...string[]];

const AUTHENTICATION_SECRETS: readonly SecretPath[] = [
  ['api_key', 'value'],
  ['client_credentials', 'client_secret'],
  ['username_password', 'password'],
];

const ADYEN = ['payment_gateway', 'adyen'] as const;

/**
 * Where an integration holds a secret. The `authentication` objects inside Adyen's balance-platform and
 * legal-entity-manager details hold the same three secrets as the integration's own; their header name,
 * client id and username are not secret.
 */
export const SOLVIMON_SECRET_PATHS: readonly SecretPath[] = [
  ...AUTHENTICATION_SECRETS.map((p): SecretPath => ['authentication', ...p]),
  ['payment_gateway', 'stripe', 'signing_secret'],
  [...ADYEN, 'signing_secret'],
  ...AUTHENTICATION_SECRETS.map((p): SecretPath => [
    ...ADYEN,
    'balance_platform_details',
    'authentication',
    ...p,
  ]),
  ...AUTHENTICATION_SECRETS.map((p): SecretPath => [
    ...ADYEN,
    'legal_entity_manager_details',
    'authentication',
    ...p,
  ]),
  ['data_export', 'bigquery', 'gcs_hmac_key_secret'],
];

type JsonRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at `path`, or undefined when any step is missing. */
export function valueAtPath(root: unknown, path: readonly string[]): unknown {
  let current = root;
  for (const key of path) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

function deleteAtPath(root: unknown, path: SecretPath): void {
  const parent = valueAtPath(root, path.slice(0, -1));
  if (isRecord(parent)) delete parent[path[path.length - 1] ?? ''];
}

/** A deep copy without any secret: what may be kept in a draft, logged or compared. */
export function withoutSolvimonSecrets<T>(value: T): T {
  const copy = structuredClone(value);
  for (const path of SOLVIMON_SECRET_PATHS) deleteAtPath(copy, path);
  return copy;
}

/**
 * The PATCH body for an edit (Decision 2): the integration as loaded with the user's edits on top,
 * - without the read-only fields (`id`, `object_type`, `message`) and without `status`, which only the
 *   lifecycle actions change, so a PATCH built from a stale read cannot undo an activation;
 * - without every secret the user left as loaded (a secret is sent only when replaced, or cleared with
 *   null or "");
 * - with the fields Solvimon's docs require on update filled in when the loaded integration lacked them
 *   (`name` and `description` as "", `linked_resources_configurations` as []).
 */
export function toSolvimonUpdateRequest(
  edited: SolvimonIntegration,
  loaded: SolvimonIntegration,
): SolvimonIntegrationUpdateRequest {
  const copy = structuredClone(edited);
  const { id: _id, object_type: _objectType, message: _message, status: _status, ...rest } = copy;
  const body: SolvimonIntegrationUpdateRequest = {
    ...rest,
    name: rest.name ?? '',
    description: rest.description ?? '',
    linked_resources_configurations: rest.linked_resources_configurations ?? [],
  };
  for (const path of SOLVIMON_SECRET_PATHS) {
    if (valueAtPath(edited, path) === valueAtPath(loaded, path)) deleteAtPath(body, path);
  }
  return body;
}

/**
 * Whether Solvimon holds a value for the secret at `path`. A set secret comes back as a mask (the fake's
 * `********`, or whatever live Solvimon sends): only its presence is ever used, never its value.
 */
export function isSolvimonSecretSet(integration: SolvimonIntegration, path: SecretPath): boolean {
  const value = valueAtPath(integration, path);
  return typeof value === 'string' && value !== '';
}

/** The mask the fake answers for a set secret; sending it back as a new value is refused. */
export const SOLVIMON_SECRET_MASK = '********';
