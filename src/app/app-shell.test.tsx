import { waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { env } from '../env';
import { demoStore } from '../mocks/node';
import { SEED_IDS } from '../mocks/seed';
import { renderApp, screen } from '../test/render';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The navigation's group for one platform. */
function navGroup(platform: string) {
  const nav = screen.getByRole('navigation', { name: 'Main navigation' });
  return within(nav).getByRole('group', { name: platform });
}

describe('ConsoleShell', () => {
  it('groups the navigation per platform and lights only the page shown', async () => {
    const { router } = await renderApp('/solvimon/integrations');
    const m3ter = navGroup('m3ter');
    expect(
      within(m3ter)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual([
      'Needs attention',
      'Integration events',
      'Integration configs',
      'Integration runs',
      'External mappings',
      'Webhook destinations',
    ]);
    const home = within(m3ter).getByRole('link', { name: 'Needs attention' });
    const solvimon = within(navGroup('Solvimon')).getByRole('link', { name: 'Integrations' });
    expect(solvimon).toHaveAttribute('href', '/solvimon/integrations');
    const configs = within(m3ter).getByRole('link', { name: 'Integration configs' });
    expect(solvimon).toHaveAttribute('data-active');
    expect(configs).not.toHaveAttribute('data-active');

    await router.navigate({ href: '/solvimon/integrations/intg_7Kp2mQ9xLs4vT1aB' });
    await waitFor(() => expect(solvimon).toHaveAttribute('data-active'));
    expect(configs).not.toHaveAttribute('data-active');

    await router.navigate({ to: '/configs' });
    await waitFor(() => expect(configs).toHaveAttribute('data-active'));
    expect(solvimon).not.toHaveAttribute('data-active');
    // The home page is lit only on itself, not under every page.
    expect(home).not.toHaveAttribute('data-active');
    await router.navigate({ to: '/' });
    await waitFor(() => expect(home).toHaveAttribute('data-active'));
    expect(configs).not.toHaveAttribute('data-active');

    // Assistive technology is told the same: the lit link, and only it, is the current page, with a
    // filter in the address too.
    await router.navigate({ href: '/events?range=24h' });
    const events = within(m3ter).getByRole('link', { name: 'Integration events' });
    await waitFor(() => expect(events).toHaveAttribute('data-active'));
    expect(events).toHaveAttribute('aria-current', 'page');
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(nav.querySelectorAll('[aria-current="page"]')).toHaveLength(1);
    expect(nav.querySelectorAll('[data-active]')).toHaveLength(1);
  });

  it('says in the header which platform is demo and which is live', async () => {
    await renderApp('/configs');
    const platforms = screen.getByRole('group', { name: 'Platforms' });
    expect(within(platforms).getByText(/^m3ter/)).toHaveTextContent('m3ter · Demo');
    expect(within(platforms).getByText(/^Solvimon/)).toHaveTextContent('Solvimon · Demo');
  });

  it('shows Solvimon as live when it is, and not at all when it is off', async () => {
    const mode = vi.spyOn(env, 'solvimonMode', 'get').mockReturnValue('live');
    const first = await renderApp('/configs');
    const platforms = screen.getByRole('group', { name: 'Platforms' });
    expect(within(platforms).getByText(/^Solvimon/)).toHaveTextContent('Solvimon · Live');
    first.unmount();

    mode.mockReturnValue('off');
    await renderApp('/configs');
    expect(
      within(screen.getByRole('group', { name: 'Platforms' })).queryByText(/Solvimon/),
    ).not.toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).queryByRole('group', { name: 'Solvimon' })).not.toBeInTheDocument();
    expect(within(nav).getByRole('group', { name: 'm3ter' })).toBeInTheDocument();
  });

  it('leaves focus alone on the page the console opens on', async () => {
    await renderApp('/configs');
    await screen.findByRole('heading', { level: 1, name: 'Integration configurations' });
    expect(document.body).toHaveFocus();
  });

  it('moves focus to the new page heading when the row that had it is gone', async () => {
    const { user, router } = await renderApp('/configs');
    const config = demoStore().getConfig(SEED_IDS.disabledConfig);
    const name = config.name ?? 'missing';
    const row = await screen.findByRole('row', { name: (n) => n.startsWith(name) });
    row.focus();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/configs/${SEED_IDS.disabledConfig}`),
    );
    const heading = await screen.findByRole('heading', { level: 1, name });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('moves focus to the list heading after a delete from the detail page', async () => {
    const { user, router } = await renderApp(`/configs/${SEED_IDS.disabledConfig}`);
    await user.click(await screen.findByRole('button', { name: 'Delete…' }));
    await user.click(await screen.findByRole('button', { name: /^Delete “/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/configs'));
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Integration configurations',
    });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('does not take focus from a page that placed it', async () => {
    const { user } = await renderApp('/configs');
    await screen.findByRole('heading', { level: 1, name: 'Integration configurations' });
    const search = screen.getByRole('textbox', { name: 'Search' });
    await user.click(search);
    await user.click(screen.getByRole('link', { name: 'Integration runs' }));
    // The nav link keeps focus: it was not lost, so the shell does not move it.
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByRole('link', { name: 'Integration runs' })).toHaveFocus();
  });

  it('names each page in the browser tab, so tabs and history entries can be told apart', async () => {
    const { router } = await renderApp('/configs');
    await waitFor(() =>
      expect(document.title).toBe('Integration configs · m3ter integrations console'),
    );
    await router.navigate({
      to: '/runs/$entityType/$entityId',
      params: {
        entityType: 'Bill',
        entityId: SEED_IDS.bills.retryChain,
      },
    });
    await waitFor(() =>
      expect(document.title).toBe(
        `Runs for Bill ${SEED_IDS.bills.retryChain.slice(0, 8)} · m3ter integrations console`,
      ),
    );
    await router.navigate({ to: '/mappings' });
    await waitFor(() =>
      expect(document.title).toBe('External mappings · m3ter integrations console'),
    );
    await router.navigate({ href: '/no-such-page' });
    await waitFor(() => expect(document.title).toBe('Page not found · m3ter integrations console'));
  });

  it('offers a skip link as the first Tab stop, which moves focus to the page heading', async () => {
    const { user } = await renderApp('/configs');
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Integration configurations',
    });
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(heading).toHaveFocus();
  });
});
