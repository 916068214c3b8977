import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoStore, server } from '../../mocks/node';
import { failFirstReadThenHold } from '../../test/faults';
import { renderApp, screen } from '../../test/render';

const CONFIGS_URL = '*/organizations/:orgId/integrationconfigs';
/** The notice that says what a healed link lost (src/components/healed-link-notice.tsx). */
const HEALED = 'Parts of this link could not be used';

function rowNames(): string[] {
  const table = screen.getByRole('table', { name: 'Integration configurations' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
}

function allConfigs() {
  return demoStore().listConfigs({ pageSize: '200' }).data;
}

describe('ConfigListPage', () => {
  it('lists every configuration by cursor, and a row opens the detail by keyboard', async () => {
    // Pages of 5 force several cursor requests.
    server.use(
      http.get(CONFIGS_URL, ({ request }) => {
        const url = new URL(request.url);
        return HttpResponse.json(
          demoStore().listConfigs({ pageSize: '5', nextToken: url.searchParams.get('nextToken') }),
        );
      }),
    );
    const { user, router } = await renderApp('/configs');
    expect(await screen.findByRole('row', { name: /Stripe – EU invoices/ })).toBeInTheDocument();
    expect(rowNames()).toHaveLength(allConfigs().length);
    expect(screen.getByText(`${allConfigs().length} configurations`)).toBeInTheDocument();

    const row = screen.getByRole('row', { name: /NetSuite AR sync \(sandbox\)/ });
    expect(within(row).getByText('Disabled')).toBeInTheDocument();
    row.focus();
    await user.keyboard('{Enter}');
    expect(
      await screen.findByRole('heading', { name: 'NetSuite AR sync (sandbox)' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toMatch(/^\/configs\/[0-9a-f-]{36}$/);
  });

  it('filters by state, destination and text, all kept in the URL', async () => {
    const { user, router } = await renderApp('/configs?state=disabled');
    await screen.findByRole('row', { name: /NetSuite AR sync \(sandbox\)/ });
    const disabled = allConfigs().filter((c) => c.enabled === false);
    expect(rowNames().sort()).toEqual(disabled.map((c) => c.name ?? '').sort());

    await user.click(screen.getByRole('combobox', { name: 'Destination' }));
    // Mantine's dropdown transition never finishes under jsdom, so its options count as hidden.
    await user.click(await screen.findByRole('option', { name: 'NetSuite', hidden: true }));
    await waitFor(() =>
      expect(router.state.location.search).toEqual({ state: 'disabled', destination: 'NetSuite' }),
    );
    expect(rowNames()).toEqual(['NetSuite AR sync (sandbox)']);

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'xero');
    await waitFor(() => expect(router.state.location.search).toEqual({ q: 'xero' }));
    expect(rowNames().sort()).toEqual(['Xero – AU ledger', 'Xero – UK ledger']);
  });

  it('heals a bad link: unusable parameters are dropped, the rest still applies', async () => {
    const { router } = await renderApp('/configs?state=broken&sort=colour&desc=maybe&q=stripe');
    await screen.findByRole('row', { name: /Stripe – EU invoices/ });
    await waitFor(() => expect(router.state.location.search).toEqual({ q: 'stripe' }));
    expect(rowNames().every((name) => /stripe/i.test(name))).toBe(true);
    const notice = screen.getByRole('status', { name: HEALED });
    expect(notice).toHaveTextContent('Dropped the state “broken”: showing configs in every state.');
    expect(notice).toHaveTextContent('Dropped the sort “colour”: there is no such column.');
  });

  it('says once what a bad link dropped, unknown parameters too, and not on Back or a reload', async () => {
    const { user, router, unmount } = await renderApp('/configs?state=bogus&foo=1&state2=x');
    const notice = await screen.findByRole('status', { name: HEALED });
    expect(notice).toHaveTextContent('Dropped the state “bogus”: showing configs in every state.');
    expect(notice).toHaveTextContent('Ignored the unknown parameter “foo”.');
    expect(notice).toHaveTextContent('Ignored the unknown parameter “state2”.');
    // The address bar shows the canonical URL, in place of the bad link (no extra entry).
    expect(router.state.location.href).toBe('/configs');
    expect(router.history.length).toBe(1);
    await screen.findByRole('row', { name: /Stripe – EU invoices/ });
    expect(rowNames()).toHaveLength(allConfigs().length);
    // The entry forgets the notes once shown; the page keeps them until dismissed.
    await waitFor(() => expect(router.state.location.state.healedLinkNotes).toBeUndefined());
    expect(notice).toBeInTheDocument();

    // Back to the healed entry does not say it again.
    await user.click(screen.getByRole('link', { name: 'New configuration' }));
    await screen.findByRole('heading', { level: 1, name: /New (integration )?configuration/i });
    router.history.back();
    await screen.findByRole('row', { name: /Stripe – EU invoices/ });
    expect(router.state.location.href).toBe('/configs');
    expect(screen.queryByRole('status', { name: HEALED })).not.toBeInTheDocument();

    // Nor does a reload.
    unmount();
    const reloaded = await renderApp(router.state.location.href);
    await screen.findByRole('row', { name: /Stripe – EU invoices/ });
    expect(reloaded.router.state.location.href).toBe('/configs');
    expect(screen.queryByRole('status', { name: HEALED })).not.toBeInTheDocument();
  });

  it('says nothing for a clean link, nor for an old spelling it heals quietly', async () => {
    const { router } = await renderApp('/configs?state=Disabled');
    await screen.findByRole('row', { name: /NetSuite AR sync \(sandbox\)/ });
    expect(router.state.location.search).toEqual({ state: 'disabled' });
    expect(screen.queryByRole('status', { name: HEALED })).not.toBeInTheDocument();
  });

  it('sorts on a column header, ascending then descending, in the URL', async () => {
    const { user, router } = await renderApp('/configs');
    await screen.findByRole('row', { name: /Stripe – EU invoices/ });
    const names = allConfigs().map((c) => c.name ?? '');
    const header = screen.getByRole('columnheader', { name: /Name/ });
    await user.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    expect(router.state.location.search).toEqual({ sort: 'name' });
    expect(rowNames()).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await user.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(router.state.location.search).toEqual({ sort: 'name', desc: true });
    expect(rowNames()[0]).toBe([...names].sort((a, b) => b.localeCompare(a))[0]);
  });

  it('shows an error with a retry, then the list', async () => {
    let failing = true;
    server.use(
      http.get(CONFIGS_URL, () =>
        failing ? HttpResponse.json({ message: 'Upstream timeout' }, { status: 504 }) : undefined,
      ),
    );
    const { user } = await renderApp('/configs');
    const alert = await screen.findByRole('alert', {
      name: 'Could not load integration configurations',
    });
    expect(alert).toHaveTextContent(/Upstream timeout/);
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('row', { name: /Stripe – EU invoices/ })).toBeInTheDocument();
  });

  it('says who last modified each config in words, with the full id on hover', async () => {
    const actor = 'SERVICE_USER_2a4c6e8f-0b1d-4f3e-8a5c-7e9b1d3f5a7c';
    const config = allConfigs().find((c) => c.name === 'Stripe – EU invoices')!;
    demoStore().updateConfig(config.id, { ...config }, { actor });
    await renderApp('/configs');
    const row = await screen.findByRole('row', { name: /Stripe – EU invoices/ });
    const who = within(row).getByText('Service user 2a4c6e8f…');
    expect(who).toHaveAttribute('title', actor);
  });

  it('says what went wrong while a first load is still being retried', async () => {
    const { release } = failFirstReadThenHold(CONFIGS_URL, () =>
      HttpResponse.json({ message: 'Bad gateway' }, { status: 502 }),
    );
    await renderApp('/configs');
    const notice = await screen.findByRole('status', {
      name: 'Still trying to load the configurations',
    });
    expect(notice).toHaveTextContent(/m3ter had a problem\. Trying again automatically/);
    release();
    expect(await screen.findByRole('row', { name: /Stripe – EU invoices/ })).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: /Still trying/ })).not.toBeInTheDocument();
  });

  it('says when there are no configurations yet', async () => {
    server.use(http.get(CONFIGS_URL, () => HttpResponse.json({ data: [] })));
    await renderApp('/configs');
    expect(
      await screen.findByRole('heading', { name: 'No integration configurations yet' }),
    ).toBeInTheDocument();
  });

  it('shows the configurations that parse and names a malformed one by id', async () => {
    const [first, broken, ...rest] = allConfigs();
    server.use(
      http.get(CONFIGS_URL, () =>
        HttpResponse.json({ data: [first, { ...broken, dtLastModified: null }, ...rest] }),
      ),
    );
    await renderApp('/configs');
    expect(await screen.findByText(`${rest.length + 1} configurations`)).toBeInTheDocument();
    expect(rowNames()).toHaveLength(rest.length + 1);
    const notice = screen.getByRole('status', {
      name: '1 of the configurations could not be shown',
    });
    expect(notice).toHaveTextContent(`${broken?.id ?? '?'}: dtLastModified:`);
  });

  it('says a body without data is an unexpected response, not "no configurations yet"', async () => {
    server.use(http.get(CONFIGS_URL, () => HttpResponse.json({ nextToken: null })));
    await renderApp('/configs');
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent(/Unexpected response from GET \/integrationconfigs: data:/);
    expect(screen.queryByText('No integration configurations yet')).toBeNull();
  });

  it('says when no configuration matches the filters', async () => {
    const { user, router } = await renderApp('/configs?q=no-such-thing');
    expect(
      await screen.findByRole('heading', { name: 'No configuration matches' }),
    ).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await waitFor(() => expect(router.state.location.search).toEqual({}));
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveValue('');
  });
});
