import { within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { env } from '../../env';
import { demoStore, server } from '../../mocks/node';
import { SEED_IDS } from '../../mocks/seed';
import { renderApp, screen } from '../../test/render';

const RUNS_BASE = `${env.apiBase}/organizations/${env.orgId}/integrationruns`;
const { retryRoot, retryChild, retryGrandchild, waiting } = SEED_IDS.runs;

describe('run detail page', () => {
  it('shows every field, the timeline, the error, the retry chain and the decoded log', async () => {
    const { user, router } = await renderApp(`/runs/run/${retryChild}`);
    expect(
      await screen.findByText('Rate limit retry', { selector: '[data-status-group]' }),
    ).toBeInTheDocument();
    expect(screen.getByText(retryChild)).toBeInTheDocument();
    // Timeline with durations.
    expect(screen.getByText(/waited 418 ms/)).toBeInTheDocument();
    expect(screen.getByText(/ran 1\.3 s/)).toBeInTheDocument();
    // The error in monospace with a copy button.
    expect(
      screen.getByText('429 Too Many Requests from Stripe; retrying in 8 s', { selector: 'pre' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy the error' })).toBeInTheDocument();
    // Retry chain: root → this run → its retry.
    const chain = await screen.findByRole('list', { name: 'Retry chain' });
    expect(within(chain).getByText(/\(this run\)/)).toHaveAttribute('aria-current', 'true');
    expect(within(chain).getByRole('link', { name: new RegExp(retryRoot) })).toBeInTheDocument();
    expect(
      within(chain).getByRole('link', { name: new RegExp(retryGrandchild) }),
    ).toBeInTheDocument();
    expect(screen.getByText('3 runs in this chain.')).toBeInTheDocument();
    // The log, decoded from base64 and shown as text.
    const log = await screen.findByLabelText('Run log');
    expect(log).toHaveTextContent(`Retry of integration run ${retryRoot}`);
    expect(screen.getByRole('button', { name: 'Download log' })).toBeInTheDocument();
    // Related places to fix things.
    expect(
      screen.getByRole('link', { name: /Integration configs sending to this Stripe destination/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /External mappings of this Bill/ }),
    ).toBeInTheDocument();

    // Following the parent in the chain opens that run's page.
    await user.click(within(chain).getByRole('link', { name: new RegExp(retryRoot) }));
    expect(router.state.location.pathname).toBe(`/runs/run/${retryRoot}`);
    expect(await screen.findByText('None: this is a first attempt')).toBeInTheDocument();
  });

  it('says so when m3ter keeps no log for the run', async () => {
    await renderApp(`/runs/run/${waiting}`);
    expect(await screen.findByText(/m3ter has no log for this run/)).toBeInTheDocument();
    expect(screen.getByText('Started').closest('p')).toHaveTextContent('Started not yet');
    expect(screen.getByText('Completed').closest('p')).toHaveTextContent(
      'Completed not yet (in progress)',
    );
  });

  it('never links a non-http URL from the API, and shows an unknown status neutrally', async () => {
    const run = demoStore().getRun(retryGrandchild);
    server.use(
      http.get(`${RUNS_BASE}/:id`, () =>
        HttpResponse.json({ ...run, status: 'QUANTUM_RETRY', url: 'javascript:alert(1)' }),
      ),
    );
    await renderApp(`/runs/run/${retryGrandchild}`);
    const badge = await screen.findByText('QUANTUM_RETRY', { selector: '[data-status-group]' });
    expect(badge.closest('[data-status-group]')).toHaveAttribute('data-status-group', 'unknown');
    expect(screen.getByText('A status this console does not know yet')).toBeInTheDocument();
    expect(screen.getByText('javascript:alert(1)')).not.toHaveAttribute('href');
    expect(screen.queryByRole('link', { name: /Open in Stripe/ })).not.toBeInTheDocument();
  });

  it('offers to create the mapping a failed run is missing, pre-filled from the error', async () => {
    const { user, router } = await renderApp(`/runs/Bill/${SEED_IDS.bills.missingMapping}`);
    await screen.findByRole('table');
    await user.click(screen.getAllByRole('link', { name: /, open run / })[0]!);
    const drawer = await screen.findByRole('dialog');
    // The error as m3ter reported it (the run log, once loaded, repeats it).
    await within(drawer).findByText(/No such customer/, {
      selector: 'pre:not([aria-label="Run log"])',
    });
    const create = await within(drawer).findByRole('link', {
      name: /Create the missing (Stripe|QuickBooks) Customer mapping/,
    });
    await user.click(create);
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/mappings/new'));
    // The error does not name the account; the Bill does, so the form gets its id too.
    expect(router.state.location.search).toMatchObject({
      m3terEntity: 'Account',
      m3terId: SEED_IDS.accounts.vandelay,
      externalTable: 'Customer',
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Create external mapping' }),
    ).toBeInTheDocument();
  });

  it('shows a missing run and a failing log with what to do', async () => {
    server.use(
      http.get(`${RUNS_BASE}/logs/:id`, () =>
        HttpResponse.json({ message: 'boom' }, { status: 500 }),
      ),
    );
    await renderApp(`/runs/run/${retryRoot}`);
    const logError = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(logError).toHaveTextContent('Could not load the run log');
    expect(within(logError).getByRole('button', { name: 'Retry' })).toBeInTheDocument();

    await renderApp('/runs/run/00000000-0000-4000-8000-000000000000');
    expect(
      await screen.findByText('No run with id 00000000-0000-4000-8000-000000000000'),
    ).toBeInTheDocument();
  });
});
