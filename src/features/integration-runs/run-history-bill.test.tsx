/**
 * What a run history is about (the Bill, its account) and "failing now or failed before": both come
 * beside the runs and never stand in their way.
 */
import { within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { demoStore, server } from '../../mocks/node';
import { SEED_IDS } from '../../mocks/seed';
import { renderApp, screen } from '../../test/render';

const VANDELAY_BILL = SEED_IDS.bills.missingMapping;
const HOOLI = SEED_IDS.bills.retryChain;
const BILLS = '*/organizations/:orgId/bills/:id';
const ACCOUNTS = '*/organizations/:orgId/accounts/:id';

function bodyRows() {
  const [, body] = within(screen.getByRole('table')).getAllByRole('rowgroup');
  return within(body!).getAllByRole('row');
}

describe('the Bill behind a run history', () => {
  it('shows the account (name, code, link to its mappings), date, period and total', async () => {
    const bill = demoStore().getBill(VANDELAY_BILL);
    const account = demoStore().getAccount(SEED_IDS.accounts.vandelay);
    await renderApp(`/runs/Bill/${VANDELAY_BILL}`);
    const header = await screen.findByRole('group', { name: 'The Bill' });
    await vi.waitFor(() =>
      expect(header).toHaveTextContent(`Account ${account.name} (${account.code})`),
    );
    expect(within(header).getByRole('link', { name: 'its external mappings' })).toHaveAttribute(
      'href',
      `/mappings?lookup=m3ter&entity=Account&m3terId=${SEED_IDS.accounts.vandelay}`,
    );
    expect(header).toHaveTextContent(/Bill date \d{1,2} \w{3} \d{4}/);
    expect(header).toHaveTextContent(/Period \d{1,2} \w{3} \d{4} – \d{1,2} \w{3} \d{4}/);
    const total = new Intl.NumberFormat('en', {
      style: 'currency',
      currency: bill.currency,
    }).format(bill.billTotal ?? 0);
    expect(header).toHaveTextContent(`Total ${total}`);
    expect(header).toHaveTextContent(`Invoice ${bill.sequentialInvoiceNumber ?? ''}`);
  });

  it('a Bill m3ter does not have, or cannot give, leaves the runs usable', async () => {
    server.use(http.get(BILLS, () => HttpResponse.json({ message: 'Not found' }, { status: 404 })));
    const first = await renderApp(`/runs/Bill/${HOOLI}`);
    expect(
      await screen.findByText(/m3ter has no Bill with this id \(it may have been deleted\)/),
    ).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(12);
    first.unmount();

    server.resetHandlers();
    server.use(http.get(BILLS, () => HttpResponse.json({ message: 'Boom' }, { status: 500 })));
    const { user } = await renderApp(`/runs/Bill/${HOOLI}`);
    const note = await screen.findByText(
      /Could not load the Bill’s details/,
      {},
      { timeout: 5_000 },
    );
    expect(bodyRows()).toHaveLength(12);
    server.resetHandlers();
    await user.click(within(note).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('group', { name: 'The Bill' })).toHaveTextContent('Account');
  });

  it('an account that cannot be loaded shows the Bill with the account code', async () => {
    server.use(http.get(ACCOUNTS, () => HttpResponse.json({ message: 'Boom' }, { status: 503 })));
    const bill = demoStore().getBill(HOOLI);
    await renderApp(`/runs/Bill/${HOOLI}`);
    const header = await screen.findByRole('group', { name: 'The Bill' });
    await vi.waitFor(() => expect(header).toHaveTextContent('name not loaded'), { timeout: 5_000 });
    expect(header).toHaveTextContent(bill.accountCode ?? '');
    expect(bodyRows()).toHaveLength(12);
  });
});

describe('failing now or failed before', () => {
  it('says per destination whether a Bill is failing now or resolved, and filters its runs', async () => {
    const { user, router } = await renderApp(`/runs/Bill/${HOOLI}`);
    const perDestination = await screen.findByRole('list', {
      name: 'Latest outcome per destination',
    });
    expect(perDestination).toHaveTextContent(/resolved \(failed before\)/);

    expect(perDestination).toHaveTextContent('Stripe: resolved (failed before)');
    expect(perDestination).toHaveTextContent('QuickBooks: failing now');

    await user.click(screen.getByRole('radio', { name: 'Resolved (1)' }));
    await vi.waitFor(() =>
      expect(router.state.location.search).toMatchObject({ outcome: 'resolved' }),
    );
    const resolved = bodyRows();
    expect(resolved.length).toBeGreaterThan(0);
    for (const row of resolved) expect(row).toHaveTextContent('Stripe');
    expect(
      screen.getByText(/Showing the \d+ of those resolved after failing\./),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Failing now (1)' }));
    await vi.waitFor(() => {
      for (const row of bodyRows()) expect(row).toHaveTextContent('QuickBooks');
    });
    await user.click(screen.getByRole('radio', { name: 'All runs' }));
    await vi.waitFor(() => expect(bodyRows()).toHaveLength(12));
    expect(router.state.location.search).not.toHaveProperty('outcome');
  });

  it('a Bill whose every run fails is failing now; a link with outcome=failing opens filtered', async () => {
    const { user } = await renderApp(`/runs/Bill/${VANDELAY_BILL}?outcome=failing`);
    await screen.findByRole('table');
    expect(await screen.findByRole('radio', { name: /^Failing now \(\d+\)$/ })).toBeChecked();
    for (const row of bodyRows()) expect(row).not.toHaveTextContent('Complete');
    expect(screen.getByRole('list', { name: 'Latest outcome per destination' })).toHaveTextContent(
      /Stripe: failing now/,
    );
    await user.click(screen.getByRole('radio', { name: 'Resolved (0)' }));
    expect(
      await screen.findByRole('heading', { name: 'Nothing resolved after failing' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show every run' }));
    expect(await screen.findByRole('radio', { name: 'All runs' })).toBeChecked();
  });

  it('in a destination history, counts the Bills failing now and resolved', async () => {
    const destination = SEED_IDS.destinations.stripeUs;
    await renderApp(`/runs/destination/${destination}`);
    await screen.findByRole('table');
    expect(
      await screen.findByText(
        /\d+ Bills? or Notifications? failing now, \d+ resolved after failing, of \d+ in the loaded runs\./,
      ),
    ).toBeInTheDocument();
  });
});
