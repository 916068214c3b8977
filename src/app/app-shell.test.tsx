import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoStore } from '../mocks/node';
import { SEED_IDS } from '../mocks/seed';
import { renderApp, screen } from '../test/render';

describe('ConsoleShell', () => {
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
