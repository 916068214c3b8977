import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { renderApp, screen } from '../../test/render';

const DESTINATIONS_URL = '*/organizations/:orgId/integrationdestinations/webhooks';

const destination = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  version: 1,
  name,
  description: `${name}, for the tests`,
  code: name.toLowerCase().replace(/\W+/g, '_'),
  url: `https://hooks.example.com/${id}`,
  active: true,
  dtLastModified: '2026-11-20T12:00:00.000Z',
  credentials: { type: 'M3TER_SIGNED_REQUEST' },
  ...extra,
});

describe('webhook destinations list', () => {
  it('shows the destinations that parse and names a malformed one by id', async () => {
    const broken = 'dddddddd-0000-4000-8000-000000000002';
    server.use(
      http.get(DESTINATIONS_URL, () =>
        HttpResponse.json({
          data: [
            destination('dddddddd-0000-4000-8000-000000000001', 'Data warehouse'),
            destination(broken, 'Broken one', { url: 42 }),
          ],
        }),
      ),
    );
    await renderApp('/destinations/webhooks');
    expect(await screen.findByText('Data warehouse')).toBeInTheDocument();
    expect(screen.queryByText('Broken one')).toBeNull();
    const notice = screen.getByRole('status', {
      name: '1 of the webhook destinations could not be shown',
    });
    expect(notice).toHaveTextContent(`${broken}: url:`);
  });
});
