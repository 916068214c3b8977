/** The events screens over the fake m3ter's seeded events (src/mocks/seed-events.ts), unchanged. */
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../mocks/seed';
import { renderApp, screen } from '../../test/render';

async function rowOf(eventId: string) {
  const table = await screen.findByRole('table', { name: /^Integration error events/ });
  const link = within(table)
    .getAllByRole('link', { name: 'View event' })
    .find((l) => l.getAttribute('href') === `/events/${eventId}`);
  const row = link?.closest('tr');
  if (!row) throw new Error(`no row for event ${eventId}`);
  return row;
}

describe('the seeded integration events', () => {
  it('offer to create Vandelay’s missing Stripe customer mapping, pre-filled', async () => {
    const { user, router } = await renderApp(
      '/events?eventName=integration.missingaccountmapping.error',
    );
    const row = await rowOf(SEED_IDS.events.missingMapping);
    expect(within(row).getByText('Missing account mapping')).toBeInTheDocument();
    expect(within(row).getByText('Not actioned')).toBeInTheDocument();
    const create = within(row).getByRole('link', { name: 'Create external mapping' });
    const url = new URL(create.getAttribute('href') ?? '', 'http://console.test');
    expect(url.pathname).toBe('/mappings/new');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      m3terEntity: 'Account',
      m3terId: SEED_IDS.accounts.vandelay,
      externalSystem: 'Stripe',
      externalTable: 'Customer',
      integrationConfigId: SEED_IDS.configs.stripeUs,
    });
    expect(within(row).getByRole('link', { name: /^Runs of Bill/ })).toHaveAttribute(
      'href',
      `/runs/Bill/${SEED_IDS.bills.missingMapping}`,
    );

    // Narrowed to Vandelay's account, named from m3ter's Account.
    await user.click(within(row).getByRole('link', { name: /^Mappings of Account/ }));
    expect(router.state.location.search).toEqual({
      lookup: 'm3ter',
      entity: 'Account',
      m3terId: SEED_IDS.accounts.vandelay,
    });
    router.history.back();
    await rowOf(SEED_IDS.events.missingMapping);
    await user.click(screen.getByRole('textbox', { name: 'Account' }));
    await user.paste(SEED_IDS.accounts.vandelay);
    expect(
      await screen.findByText('Account: Vandelay Industries', { exact: false }),
    ).toBeInTheDocument();
    await rowOf(SEED_IDS.events.missingMapping);
  });

  it('open on their own page, with the follow-up of each type', async () => {
    const cases = [
      { id: SEED_IDS.events.perform, heading: /^Perform error · /, link: 'Go to the run' },
      { id: SEED_IDS.events.validation, heading: /^Validation error · /, link: 'Go to the run' },
      {
        id: SEED_IDS.events.authentication,
        heading: /^Authentication error · /,
        link: 'Fix the connection',
        href: `/configs/${SEED_IDS.unauthorizedConfig}`,
      },
      {
        id: SEED_IDS.events.disabled,
        heading: /^Integration disabled · /,
        link: 'Enable the integration',
        href: `/configs/${SEED_IDS.disabledConfig}`,
      },
    ];
    for (const c of cases) {
      const { unmount } = await renderApp(`/events/${c.id}`);
      await screen.findByRole('heading', { level: 1, name: c.heading });
      const link = screen.getByRole('link', { name: c.link });
      if (c.href) expect(link).toHaveAttribute('href', c.href);
      else expect(link.getAttribute('href')).toMatch(/^\/runs\/run\/[0-9a-f-]{36}$/);
      expect(document.querySelector('pre')?.textContent).toContain('"eventData"');
      unmount();
    }
  });
});
