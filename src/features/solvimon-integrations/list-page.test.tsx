import { waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { demoFaults, server, solvimonDemoStore } from '../../mocks/node';
import { SOLVIMON_SEED_IDS as ID } from '../../mocks/solvimon/seed';
import { holdReads } from '../../test/faults';
import { renderApp, screen } from '../../test/render';
import { filterSolvimonIntegrations } from './list-search';

const LIST_URL = '*/v1/integrations';
const HEALED = 'Parts of this link could not be used';

function table() {
  return screen.getByRole('table', { name: 'Solvimon integrations' });
}

function rowNames(): string[] {
  return within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent ?? '');
}

/** What Solvimon holds, in its order, for comparing with what the page shows. */
function namesOf(query: Parameters<ReturnType<typeof solvimonDemoStore>['list']>[0]) {
  return solvimonDemoStore()
    .list(query)
    .data.map((i) => i.name ?? i.reference);
}

function allIntegrations() {
  return solvimonDemoStore().list({ limit: 100 }).data;
}

/** The list requests' query strings, as the console sent them to Solvimon. */
function listRequests(): string[] {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/v1/integrations')) seen.push(url.search);
  });
  return seen;
}

async function choose(user: UserEvent, label: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  // Mantine's dropdown transition never finishes under jsdom, so its options count as hidden.
  await user.click(await screen.findByRole('option', { name: option, hidden: true }));
}

afterEach(() => {
  server.events.removeAllListeners();
});

describe('SolvimonListPage', () => {
  it('shows Solvimon’s pages with type, variant and status, paged by number in the URL', async () => {
    const requests = listRequests();
    const { user, router } = await renderApp('/solvimon/integrations');
    await screen.findByRole('row', { name: /Stripe EU \(live\)/ });
    expect(rowNames()).toEqual(namesOf({ limit: 10, page: 1 }));
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument();
    expect(requests).toContain('?page=1&limit=10');

    const stripe = screen.getByRole('row', { name: /Stripe EU \(live\)/ });
    expect(within(stripe).getByText('stripe-eu-live')).toBeInTheDocument();
    expect(within(stripe).getByText('Payment gateway · Stripe')).toBeInTheDocument();
    expect(within(stripe).getByText('Active')).toBeInTheDocument();
    const adyen = screen.getByRole('row', { name: /Adyen in-store \(test\)/ });
    expect(within(adyen).getByText('Error')).toBeInTheDocument();
    // Why it is in ERROR, below the badge (whole on hover), read by screen readers.
    const message = solvimonDemoStore().get(ID.adyenSystem).message ?? 'missing';
    expect(within(adyen).getByText(message)).toHaveAttribute('title', message);

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ page: 2 }));
    await screen.findByText('Page 2 of 2');
    expect(rowNames()).toEqual(namesOf({ limit: 10, page: 2 }));
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    await choose(user, 'Rows per page', '25');
    await waitFor(() => expect(router.state.location.search).toEqual({ pageSize: 25 }));
    await screen.findByText('Page 1 of 1');
    expect(rowNames()).toHaveLength(allIntegrations().length);
  });

  it('keeps the rows on screen while the next page loads', async () => {
    const { user } = await renderApp('/solvimon/integrations');
    await screen.findByRole('row', { name: /Stripe EU \(live\)/ });
    const first = rowNames();
    const { release } = holdReads(LIST_URL);
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Page 2 of 2 (loading…)')).toBeInTheDocument();
    expect(rowNames()).toEqual(first);
    release();
    await screen.findByText('Page 2 of 2');
    expect(rowNames()).toEqual(namesOf({ limit: 10, page: 2 }));
  });

  it('sorts through Solvimon’s order_by and order_direction, in the URL', async () => {
    const requests = listRequests();
    const { user, router } = await renderApp('/solvimon/integrations?page=2');
    await screen.findByText('Page 2 of 2');
    const header = screen.getByRole('columnheader', { name: /Name/ });
    await user.click(within(header).getByRole('button'));
    await waitFor(() => expect(router.state.location.search).toEqual({ sort: 'name' }));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    await waitFor(() => expect(rowNames()).toEqual(namesOf({ limit: 10, order_by: 'name' })));
    expect(requests).toContain('?page=1&limit=10&order_by=name&order_direction=ASC');

    await user.click(within(header).getByRole('button'));
    await waitFor(() => expect(router.state.location.search).toEqual({ sort: 'name', desc: true }));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    await waitFor(() =>
      expect(rowNames()).toEqual(namesOf({ limit: 10, order_by: 'name', order_direction: 'DESC' })),
    );

    const status = screen.getByRole('columnheader', { name: /Status/ });
    await user.click(within(status).getByRole('button'));
    await waitFor(() => expect(router.state.location.search).toEqual({ sort: 'status' }));
    await waitFor(() => expect(rowNames()).toEqual(namesOf({ limit: 10, order_by: 'status' })));
  });

  it('filters by type and status over the whole list, saying how many match', async () => {
    const { user, router } = await renderApp('/solvimon/integrations?type=DATA_EXPORT');
    await screen.findByRole('row', { name: /Nightly export to S3/ });
    const total = allIntegrations().length;
    const exports = filterSolvimonIntegrations(allIntegrations(), { type: 'DATA_EXPORT' });
    expect(rowNames()).toEqual(exports.map((i) => i.name));
    expect(
      screen.getByText(`${exports.length} of ${total} integrations match`),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveValue('Data export');

    await choose(user, 'Status', 'Error');
    await waitFor(() =>
      expect(router.state.location.search).toEqual({ type: 'DATA_EXPORT', status: 'ERROR' }),
    );
    expect(rowNames()).toEqual(['BigQuery (finance analytics)']);
    expect(screen.getByText(`1 of ${total} integrations matches`)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(router.state.location.search).toEqual({}));
    await screen.findByText('Page 1 of 2');
  });

  it('searches name and reference, and pages the matches itself', async () => {
    const { user, router } = await renderApp('/solvimon/integrations');
    await screen.findByRole('row', { name: /Stripe EU \(live\)/ });
    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'avatax-ca');
    await waitFor(() => expect(router.state.location.search).toEqual({ q: 'avatax-ca' }));
    await waitFor(() => expect(rowNames()).toEqual(['AvaTax (Canada)']));

    await user.clear(screen.getByRole('textbox', { name: 'Search' }));
    await user.type(screen.getByRole('textbox', { name: 'Search' }), 'e');
    await waitFor(() => expect(router.state.location.search).toEqual({ q: 'e' }));
    const matches = filterSolvimonIntegrations(allIntegrations(), { q: 'e' });
    expect(matches.length).toBeGreaterThan(10);
    await waitFor(() => expect(rowNames()).toEqual(matches.slice(0, 10).map((i) => i.name)));
    expect(screen.getByText('Page 1 of 2')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ q: 'e', page: 2 }));
    expect(rowNames()).toEqual(matches.slice(10).map((i) => i.name));
  });

  it('heals a bad link: unusable parameters are dropped, the rest still applies', async () => {
    const { router } = await renderApp(
      '/solvimon/integrations?type=payment_gateway&sort=colour&page=zero&pageSize=7&foo=1',
    );
    await screen.findByRole('row', { name: /Stripe EU \(live\)/ });
    await waitFor(() => expect(router.state.location.search).toEqual({ type: 'PAYMENT_GATEWAY' }));
    expect(router.history.length).toBe(1);
    expect(rowNames()).toEqual(
      filterSolvimonIntegrations(allIntegrations(), { type: 'PAYMENT_GATEWAY' }).map((i) => i.name),
    );
    const notice = screen.getByRole('status', { name: HEALED });
    expect(notice).toHaveTextContent('Ignored the unknown parameter “foo”.');
    expect(notice).toHaveTextContent('Dropped the sort “colour”');
    expect(notice).toHaveTextContent('Dropped the page size 7: showing 10 a page');
    expect(notice).toHaveTextContent('Dropped the page “zero”: showing the first page.');
  });

  it('says when a page link is past the last page, and offers the last one', async () => {
    const { user, router } = await renderApp('/solvimon/integrations?page=5');
    expect(await screen.findByRole('heading', { name: 'There is no page 5' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Go to page 2, the last' }));
    await waitFor(() => expect(router.state.location.search).toEqual({ page: 2 }));
    expect(rowNames()).toEqual(namesOf({ limit: 10, page: 2 }));
  });

  it('shows an error with a retry when Solvimon fails, then the list', async () => {
    demoFaults.set({ latencyMs: 0, failureRate: 1 });
    const { user } = await renderApp('/solvimon/integrations');
    const alert = await screen.findByRole('alert', {
      name: 'Could not load Solvimon integrations',
    });
    // The switch answers 500, 503 or 429 at random: each is said as Solvimon's.
    expect(alert).toHaveTextContent(/Solvimon (had a problem|is limiting requests)/);
    demoFaults.reset();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('row', { name: /Stripe EU \(live\)/ })).toBeInTheDocument();
  });

  it('shows an unknown type, variant or status as Solvimon sent it', async () => {
    server.use(
      http.get(LIST_URL, () =>
        HttpResponse.json({
          data: [
            {
              id: 'intg_newKind000000001',
              reference: 'xero-sync',
              name: 'Xero sync',
              type: 'ERP_SYNC',
              status: 'SUSPENDED',
            },
            {
              id: 'intg_newVariant00001',
              reference: 'mollie',
              type: 'PAYMENT_GATEWAY',
              payment_gateway: { variant: 'MOLLIE' },
            },
          ],
          page: 1,
          limit: 10,
          total_number_of_pages: 1,
        }),
      ),
    );
    await renderApp('/solvimon/integrations');
    const xero = await screen.findByRole('row', { name: /Xero sync/ });
    expect(within(xero).getByText('ERP_SYNC')).toBeInTheDocument();
    expect(within(xero).getByText('SUSPENDED')).toBeInTheDocument();
    // No name: the reference names it; no status: it counts as a draft.
    const mollie = screen.getByRole('row', { name: /mollie/ });
    expect(within(mollie).getByText('Payment gateway · MOLLIE')).toBeInTheDocument();
    expect(within(mollie).getByText('Draft')).toBeInTheDocument();
  });

  it('says when there are no integrations yet', async () => {
    server.use(
      http.get(LIST_URL, () =>
        HttpResponse.json({ data: [], page: 1, limit: 10, total_number_of_pages: 1 }),
      ),
    );
    await renderApp('/solvimon/integrations');
    expect(
      await screen.findByRole('heading', { name: 'No Solvimon integrations yet' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'New integration' })[0]).toHaveAttribute(
      'href',
      '/solvimon/integrations/new',
    );
  });

  it('says when nothing matches, and clears the filters', async () => {
    const { user, router } = await renderApp('/solvimon/integrations?q=no-such-thing');
    expect(
      await screen.findByRole('heading', { name: 'No integration matches' }),
    ).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await waitFor(() => expect(router.state.location.search).toEqual({}));
    expect(screen.getByRole('textbox', { name: 'Search' })).toHaveValue('');
    await screen.findByRole('row', { name: /Stripe EU \(live\)/ });
  });

  it('a row opens the integration by keyboard', async () => {
    const { user, router } = await renderApp('/solvimon/integrations');
    const row = await screen.findByRole('row', { name: /Nightly export to S3/ });
    row.focus();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/solvimon/integrations/${ID.s3Export}`),
    );
  });
});
