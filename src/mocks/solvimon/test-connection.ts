/**
 * The fake Solvimon's test-connection (docs/solvimon-api.md §6): a deterministic answer from the
 * authentication it is given, so the demo and the tests can show both outcomes. Exactly one method
 * must be given, complete; a secret containing "expired", "revoked", "invalid" or "wrong" (any case) is
 * refused the way the provider would put it; anything else connects. The answer never repeats a secret.
 */
import type { SolvimonAuthentication, SolvimonTestConnectionResult } from '../../api/solvimon';

export interface TestConnectionQuery {
  integration_type?: string | null;
  e_invoicing_processor?: string | null;
  tax_calculation_variant?: string | null;
}

const PROVIDER_NAMES: Record<string, string> = {
  AVALARA: 'Avalara',
  AVATAX: 'AvaTax',
  PAYMENT_GATEWAY: 'the payment gateway',
  E_INVOICING: 'the e-invoicing provider',
  TAX_CALCULATION: 'the tax provider',
  DATA_EXPORT: 'the export destination',
  EMAIL_PROVIDER: 'the email provider',
};

function providerOf(query: TestConnectionQuery): string {
  const key =
    query.e_invoicing_processor ?? query.tax_calculation_variant ?? query.integration_type;
  return (key ? PROVIDER_NAMES[key] : undefined) ?? 'the provider';
}

type Verdict = 'accepted' | 'expired' | 'revoked' | 'rejected';

function verdictOf(secret: string): Verdict {
  const lower = secret.toLowerCase();
  if (lower.includes('expired')) return 'expired';
  if (lower.includes('revoked')) return 'revoked';
  if (lower.includes('invalid') || lower.includes('wrong')) return 'rejected';
  return 'accepted';
}

const cap = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const filled = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';

const fail = (message: string): SolvimonTestConnectionResult => ({ successful: false, message });

export function testConnection(
  auth: SolvimonAuthentication,
  query: TestConnectionQuery = {},
): SolvimonTestConnectionResult {
  const provider = providerOf(query);
  const methods = (['api_key', 'client_credentials', 'username_password'] as const).filter(
    (key) => auth[key] !== undefined && auth[key] !== null,
  );
  if (methods.length === 0) {
    return fail(
      'No authentication given: provide an API key, client credentials, or a username and password.',
    );
  }
  if (methods.length > 1) {
    return fail(`Give one authentication method, not ${methods.length} (${methods.join(', ')}).`);
  }

  const { api_key: apiKey, client_credentials: client, username_password: login } = auth;
  if (apiKey) {
    if (!filled(apiKey.header))
      return fail('api_key.header is missing: name the header the key is sent in.');
    if (!filled(apiKey.value)) return fail('api_key.value is missing.');
    const verdict = verdictOf(apiKey.value);
    if (verdict === 'expired')
      return fail(`${cap(provider)} answered 401 Unauthorized: the API key has expired.`);
    if (verdict === 'revoked')
      return fail(`${cap(provider)} answered 401 Unauthorized: the API key has been revoked.`);
    if (verdict === 'rejected')
      return fail(`${cap(provider)} answered 401 Unauthorized: the API key was not accepted.`);
    return {
      successful: true,
      message: `Connected to ${provider} with the API key in ${apiKey.header}.`,
    };
  }
  if (client) {
    if (!filled(client.client_id)) return fail('client_credentials.client_id is missing.');
    if (!filled(client.client_secret)) return fail('client_credentials.client_secret is missing.');
    const verdict = verdictOf(client.client_secret);
    if (verdict !== 'accepted') {
      const why =
        verdict === 'rejected'
          ? 'client authentication failed'
          : `the client secret has ${verdict === 'expired' ? 'expired' : 'been revoked'}`;
      return fail(`The token request to ${provider} failed: invalid_client (${why}).`);
    }
    return {
      successful: true,
      message: `Connected to ${provider}: a token was issued to client ${client.client_id}.`,
    };
  }
  if (login) {
    if (!filled(login.username)) return fail('username_password.username is missing.');
    if (!filled(login.password)) return fail('username_password.password is missing.');
    const verdict = verdictOf(login.password);
    if (verdict === 'expired')
      return fail(
        `${cap(provider)} refused ${login.username}: the password has expired and must be changed.`,
      );
    if (verdict !== 'accepted')
      return fail(`${cap(provider)} refused ${login.username}: invalid username or password.`);
    return { successful: true, message: `Connected to ${provider} as ${login.username}.` };
  }
  return fail('No authentication given.');
}
