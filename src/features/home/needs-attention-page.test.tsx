import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { SEED_IDS } from '../../mocks/seed';
import { renderApp, screen } from '../../test/render';

const EVENTS = '*/organizations/:orgId/events';
const HOUR = 3_600_000;

function event(name: string, hoursAgo: number, actioned = false) {
  return {
    id: `${name}-${hoursAgo}`,
    eventName: name,
    eventTime: new Date(Date.now() - hoursAgo * HOUR).toISOString(),
    ...(actioned ? { dtActioned: new Date().toISOString() } : {}),
    m3terEvent: { eventData: { message: 'Something failed' } },
  };
}

function serveEvents(events: ReturnType<typeof event>[]) {
  server.use(http.get(EVENTS, () => HttpResponse.json({ data: events })));
}

describe('the home page (Needs attention)', () => {
  it('counts unactioned integration errors per type and links each figure to the events behind it', async () => {
    serveEvents([
      event('integration.perform.error', 1),
      event('integration.perform.error', 2, true),
      event('integration.perform.error', 30),
      event('integration.missingaccountmapping.error', 3),
    ]);
    await renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Needs attention' })).toBeVisible();
    const perform24h = await screen.findByRole('link', {
      name: '1 unactioned perform error in the last 24 hours',
    });
    expect(perform24h).toHaveAttribute(
      'href',
      '/events?eventName=integration.perform.error&range=24h',
    );
    expect(
      screen.getByRole('link', { name: '2 unactioned perform errors in the last 7 days' }),
    ).toHaveAttribute('href', '/events?eventName=integration.perform.error&range=7d');
    expect(
      screen.getByRole('link', { name: '2 unactioned integration errors in the last 24 hours' }),
    ).toHaveAttribute('href', '/events?range=24h');
    expect(
      screen.getByRole('link', { name: '0 unactioned authentication errors in the last 7 days' }),
    ).toBeInTheDocument();
  });

  it('draws the last 14 days as a chart, with the same numbers in a table', async () => {
    serveEvents([
      event('integration.perform.error', 1),
      event('integration.perform.error', 2, true),
      event('integration.disabled.error', 24 * 3),
    ]);
    const { user } = await renderApp('/');
    const chart = await screen.findByRole('img', {
      name: /^3 integration errors in the last 14 days/,
    });
    expect(chart).toBeVisible();
    await user.click(screen.getByText('The numbers per day'));
    const table = screen.getByRole('table', { name: 'Integration errors per day and type' });
    // 14 days plus the header row.
    expect(within(table).getAllByRole('row')).toHaveLength(15);
  });

  it('names the configurations that cannot send, each linked, and the filtered lists', async () => {
    serveEvents([]);
    await renderApp('/');
    const card = await screen.findByRole('region', { name: 'Configurations that cannot send' });
    const disabled = await within(card).findByRole('link', { name: /\d+ disabled/ });
    expect(disabled).toHaveAttribute('href', '/configs?state=disabled');
    expect(within(card).getByRole('link', { name: /\d+ not authorised/ })).toHaveAttribute(
      'href',
      '/configs?state=unauthorized',
    );
    const links = within(card)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href'));
    expect(links).toContain(`/configs/${SEED_IDS.disabledConfig}`);
    expect(links).toContain(`/configs/${SEED_IDS.unauthorizedConfig}`);
  });

  it('says per destination whether Bills are failing now, linking to those runs', async () => {
    serveEvents([]);
    await renderApp('/');
    const card = await screen.findByRole('region', { name: 'Destinations' });
    const failing = await within(card).findAllByRole('link', { name: /failing now/ });
    expect(failing.length).toBeGreaterThan(0);
    for (const link of failing) {
      expect(link.getAttribute('href')).toMatch(
        /^\/runs\/destination\/[0-9a-f-]{36}\?outcome=failing$/,
      );
    }
  });

  it('a failing events read shows its error with Retry, and the other cards still work', async () => {
    server.use(
      http.get(EVENTS, () =>
        HttpResponse.json({ message: 'Service unavailable' }, { status: 503 }),
      ),
    );
    const { user } = await renderApp('/');
    const card = await screen.findByRole('region', { name: 'Integration errors not yet actioned' });
    const alert = await within(card).findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent('Could not load the integration events');
    const configs = screen.getByRole('region', { name: 'Configurations that cannot send' });
    expect(await within(configs).findByRole('link', { name: /\d+ disabled/ })).toBeInTheDocument();
    serveEvents([event('integration.validation.error', 1)]);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(
        within(card).getByRole('link', {
          name: '1 unactioned validation error in the last 24 hours',
        }),
      ).toBeInTheDocument(),
    );
  });
});
