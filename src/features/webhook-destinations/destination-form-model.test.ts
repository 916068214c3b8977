import type { WebhookDestination } from '../../api';
import { destinationFormSchema, toFormValues, toRequest } from './destination-form-model';

const loaded: WebhookDestination = {
  id: 'd1',
  version: 4,
  name: 'Slack relay',
  description: 'Relays usage',
  code: 'slack_relay',
  active: false,
  url: 'https://relay.acme.example.com/slack',
  credentials: { id: 'c1', type: 'M3TER_SIGNED_REQUEST', name: 'Slack signing key' },
  dtCreated: '2026-01-01T00:00:00Z',
  lastModifiedBy: 'USER_x',
  futureField: { kept: true },
};

describe('webhook destination form model', () => {
  it('a PUT keeps what the form does not show, and the stored credentials when left blank', () => {
    const body = toRequest({ ...toFormValues(loaded), name: ' Renamed ', code: '' }, loaded);
    expect(body).toEqual({
      name: 'Renamed',
      description: 'Relays usage',
      url: 'https://relay.acme.example.com/slack',
      active: false,
      futureField: { kept: true },
      credentials: { type: 'M3TER_SIGNED_REQUEST', name: 'Slack signing key' },
      version: 4,
    });
  });

  it('sends new credentials exactly as typed (a secret may hold spaces)', () => {
    const body = toRequest({ ...toFormValues(loaded), apiKey: ' k1 ', secret: ' s 1 ' }, loaded);
    expect(body.credentials).toMatchObject({ apiKey: 'k1', secret: ' s 1 ' });
  });

  it('never reads credentials back into the form', () => {
    expect(toFormValues(loaded)).toMatchObject({ apiKey: '', secret: '' });
  });

  it('requires the credentials on create only, and https URLs with a host', () => {
    const values = { ...toFormValues(loaded), url: 'https://hooks.example.com/x' };
    expect(destinationFormSchema('edit').safeParse(values).success).toBe(true);
    const created = destinationFormSchema('create').safeParse(values);
    expect(created.success).toBe(false);
    expect(created.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['apiKey', 'secret']);
    const bad = (url: string) =>
      destinationFormSchema('edit').safeParse({ ...values, url }).error?.issues[0]?.message;
    expect(bad('http://hooks.example.com')).toMatch(/https/);
    expect(bad('https://')).toMatch(/needs a host/);
    expect(bad('https://hooks .example.com')).toMatch(/spaces/);
    expect(bad('https://user:pw@hooks.example.com')).toMatch(/credentials out of the URL/);
  });
});
