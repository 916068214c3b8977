import { http, HttpResponse } from 'msw';
import { server } from '../mocks/node';
import { SEED_IDS } from '../mocks/seed';
import { webhookDestinationsApi } from './webhook-destinations';

describe('webhookDestinationsApi', () => {
  it('drops the credentials’ apiKey and secret during the parse, whatever m3ter sends', async () => {
    server.use(
      http.get('*/integrationdestinations/webhooks/:id', ({ params }) =>
        HttpResponse.json({
          id: params.id,
          version: 4,
          name: 'Hook',
          url: 'https://hooks.example.com/x',
          credentials: {
            id: 'c1',
            type: 'M3TER_SIGNED_REQUEST',
            destination: 'WEBHOOK',
            apiKey: 'READABLE-KEY',
            secret: 'READABLE-SECRET',
          },
        }),
      ),
    );
    const destination = await webhookDestinationsApi.get(SEED_IDS.destinations.webhookOps);
    expect(destination.credentials).toEqual({
      id: 'c1',
      type: 'M3TER_SIGNED_REQUEST',
      destination: 'WEBHOOK',
    });
    expect(JSON.stringify(destination)).not.toMatch(/READABLE/);
  });

  it('sends ids comma-separated and active as a query boolean', async () => {
    const page = await webhookDestinationsApi.list({
      ids: [SEED_IDS.destinations.webhookOps, SEED_IDS.destinations.webhookSlack],
    });
    expect(page.data).toHaveLength(2);
    const off = await webhookDestinationsApi.setActive(SEED_IDS.destinations.webhookOps, false);
    expect(off.active).toBe(false);
  });
});
