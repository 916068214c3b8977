import type { SolvimonIntegration } from './schemas';
import {
  SOLVIMON_SECRET_PATHS,
  toSolvimonUpdateRequest,
  valueAtPath,
  withoutSolvimonSecrets,
} from './secrets';

const auth = (secret: string) => ({
  api_key: { header: 'X-API-Key', value: `${secret}-key` },
  client_credentials: { client_id: 'client', client_secret: `${secret}-client` },
  username_password: { username: 'user', password: `${secret}-password` },
});

/** An integration holding every secret there is (as a careless server might echo them). */
const everything: SolvimonIntegration = {
  object_type: 'INTEGRATION',
  id: 'intg_1',
  reference: 'all-secrets',
  name: 'All secrets',
  description: '',
  status: 'ACTIVE',
  message: null,
  type: 'PAYMENT_GATEWAY',
  authentication: auth('top'),
  payment_gateway: {
    variant: 'ADYEN',
    stripe: { public_key: 'pk', signing_secret: 'whsec' },
    adyen: {
      company_account: 'Co',
      signing_secret: 'hmac',
      balance_platform_details: { account: 'AH1', authentication: auth('bp') },
      legal_entity_manager_details: { authentication: auth('lem') },
    },
  },
  data_export: {
    bigquery: { gcs_hmac_key_access_id: 'GOOG1', gcs_hmac_key_secret: 'hmac-secret' },
  },
  linked_resources_configurations: [],
};

describe('withoutSolvimonSecrets', () => {
  it('removes every secret and keeps what is not secret', () => {
    expect(SOLVIMON_SECRET_PATHS).toHaveLength(12);
    const values = SOLVIMON_SECRET_PATHS.map((path) => valueAtPath(everything, path));
    expect(values.every((v) => typeof v === 'string')).toBe(true);
    const clean = withoutSolvimonSecrets(everything);
    for (const path of SOLVIMON_SECRET_PATHS) expect(valueAtPath(clean, path)).toBeUndefined();
    const text = JSON.stringify(clean);
    for (const value of values) expect(text).not.toContain(`"${String(value)}"`);
    expect(clean.authentication).toEqual({
      api_key: { header: 'X-API-Key' },
      client_credentials: { client_id: 'client' },
      username_password: { username: 'user' },
    });
    expect(valueAtPath(clean, ['data_export', 'bigquery', 'gcs_hmac_key_access_id'])).toBe('GOOG1');
    // A copy: the original is untouched.
    expect(valueAtPath(everything, ['authentication', 'api_key', 'value'])).toBe('top-key');
  });
});

describe('toSolvimonUpdateRequest', () => {
  const loaded = withoutSolvimonSecrets(everything);

  it('is the loaded integration with the edits, without read-only fields and status', () => {
    const body = toSolvimonUpdateRequest({ ...loaded, name: 'Renamed', status: 'DRAFT' }, loaded);
    expect(body).not.toHaveProperty('id');
    expect(body).not.toHaveProperty('object_type');
    expect(body).not.toHaveProperty('message');
    expect(body).not.toHaveProperty('status');
    expect(body).toMatchObject({
      reference: 'all-secrets',
      name: 'Renamed',
      type: 'PAYMENT_GATEWAY',
      payment_gateway: loaded.payment_gateway,
    });
  });

  it('sends a secret only when it was replaced or cleared', () => {
    const edited: SolvimonIntegration = {
      ...loaded,
      authentication: {
        api_key: { header: 'X-API-Key', value: 'new-key' },
        client_credentials: { client_id: 'client', client_secret: null },
        username_password: { username: 'user' },
      },
    };
    const body = toSolvimonUpdateRequest(edited, loaded);
    expect(body.authentication).toEqual({
      api_key: { header: 'X-API-Key', value: 'new-key' },
      client_credentials: { client_id: 'client', client_secret: null },
      username_password: { username: 'user' },
    });
  });

  it('drops secrets a server echoed and the user left alone', () => {
    const body = toSolvimonUpdateRequest({ ...everything, name: 'x' }, everything);
    for (const path of SOLVIMON_SECRET_PATHS) expect(valueAtPath(body, path)).toBeUndefined();
    expect(valueAtPath(body, ['authentication', 'api_key', 'header'])).toBe('X-API-Key');
  });

  it('fills the fields Solvimon requires on update when the loaded integration lacked them', () => {
    const bare: SolvimonIntegration = {
      id: 'intg_2',
      reference: 'bare',
      type: 'DATA_EXPORT',
      name: null,
    };
    expect(toSolvimonUpdateRequest(bare, bare)).toEqual({
      reference: 'bare',
      type: 'DATA_EXPORT',
      name: '',
      description: '',
      linked_resources_configurations: [],
    });
  });

  it('keeps fields this console does not know', () => {
    const future = { ...loaded, crm_sync: { variant: 'HUBSPOT' } };
    expect(toSolvimonUpdateRequest(future, future)).toMatchObject({
      crm_sync: { variant: 'HUBSPOT' },
    });
  });
});
