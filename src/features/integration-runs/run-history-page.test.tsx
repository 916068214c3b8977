import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { fireEvent } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoStore, server } from '../../mocks/node';
import { SEED_IDS } from '../../mocks/seed';
import { failFirstReadThenHold, holdReads } from '../../test/faults';
import { renderApp, screen } from '../../test/render';
import { env } from '../../env';

const RUNS_BASE = `${env.apiBase}/organizations/${env.orgId}/integrationruns`;
const HOOLI = SEED_IDS.bills.retryChain;
/** The notice that says what a healed link lost (src/components/healed-link-notice.tsx). */
const HEALED = 'Parts of this link could not be used';

function bodyRows() {
  const table = screen.getByRole('table');
  // The first row group is the header.
  const [, body] = within(table).getAllByRole('rowgroup');
  return within(body!).getAllByRole('row');
}

describe('run history', () => {
  it('lists every run of a Bill with status, destination, ids, errors and retry chains', async () => {
    await renderApp(`/runs/Bill/${HOOLI}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: /Runs for Bill/ }),
    ).toHaveTextContent(HOOLI);
    await screen.findByRole('table');
    expect(bodyRows()).toHaveLength(12);
    expect(screen.getByText('12 runs loaded; that is all of them.')).toBeInTheDocument();
    // Summary of what is loaded, per status group.
    const summary = screen.getByRole('group', { name: 'Loaded runs per status group' });
    expect(within(summary).getByText('Failed: 4')).toBeInTheDocument();
    expect(within(summary).getByText('Succeeded: 7')).toBeInTheDocument();
    expect(within(summary).getByText('In progress: 1')).toBeInTheDocument();

    // The chain ERROR → RATE_LIMIT_RETRY → COMPLETE, newest first.
    const grandchild = bodyRows()[0]!;
    expect(within(grandchild).getByText('Complete')).toBeInTheDocument();
    expect(within(grandchild).getByText('3 of 3')).toBeInTheDocument();
    expect(
      within(grandchild).getByRole('link', {
        name: /open parent run f2b00002-0000-4000-8000-00000000c002/,
      }),
    ).toBeInTheDocument();
    expect(
      within(grandchild).getByRole('link', { name: /^Open in Stripe.*opens in a new tab/ }),
    ).toHaveAttribute('href', 'https://dashboard.stripe.com/invoices/in_1QxnYFrlPouYt3WUjIuPpqrq');
    expect(
      within(grandchild).getByRole('button', { name: /Copy external id in_1QxnYF/ }),
    ).toBeInTheDocument();
  });

  it('filters to the failed group with one request per status, merged in order, and writes the URL', async () => {
    const { user, router } = await renderApp(`/runs/Bill/${SEED_IDS.bills.missingMapping}`);
    await screen.findByRole('table');
    expect(bodyRows()).toHaveLength(20);
    const statusesAsked: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const status = new URL(request.url).searchParams.get('status');
      if (status) statusesAsked.push(status);
    });

    await user.click(screen.getByRole('button', { name: 'Failed' }));
    expect(router.state.location.search).toEqual({
      status: ['ERROR', 'AUTH_FAILED', 'TIMEOUT_LIMIT_EXCEEDED'],
    });
    expect(screen.getByRole('button', { name: 'Failed' })).toHaveAttribute('aria-pressed', 'true');
    await screen.findByText(/20 runs loaded; that is all of them\. Filtered to status failed\./);
    expect(statusesAsked.sort()).toEqual(['AUTH_FAILED', 'ERROR', 'TIMEOUT_LIMIT_EXCEEDED']);
    // Merged newest first: the start times in the Started column never go up.
    const started = bodyRows().map((row) => within(row).getAllByRole('cell')[2]!.textContent ?? '');
    expect([...started].sort().reverse()).toEqual(started);

    await user.click(screen.getByRole('button', { name: 'Stopped by a business rule' }));
    expect(router.state.location.search.status).toEqual([
      'ERROR',
      'AUTH_FAILED',
      'ACCOUNTING_PERIOD_CLOSED',
      'INVOICE_ALREADY_PAID',
      'DISABLED',
      'TIMEOUT_LIMIT_EXCEEDED',
    ]);
    // Back restores the previous filters.
    router.history.back();
    await screen.findByText(/Filtered to status failed\./);
    expect(router.state.location.search).toEqual({
      status: ['ERROR', 'AUTH_FAILED', 'TIMEOUT_LIMIT_EXCEEDED'],
    });
  });

  it('shows the chosen statuses while the runs load, then the searchable status picker', async () => {
    const reads = holdReads(`${RUNS_BASE}/Bill/${HOOLI}`);
    const { user, router } = await renderApp(`/runs/Bill/${HOOLI}?status=ERROR`);
    const standIn = await screen.findByRole('textbox', { name: 'Statuses' });
    expect(standIn).toHaveValue('Error');
    expect(standIn).toHaveAttribute('readonly');
    reads.release();
    await screen.findByText(/runs? loaded;/);
    // The real picker is a combobox; it replaces the stand-in once its code is there.
    const picker = await screen.findByRole('combobox', { name: 'Statuses' });
    expect(screen.queryByRole('textbox', { name: 'Statuses' })).not.toBeInTheDocument();
    await user.type(picker, 'Auth');
    await user.click(await screen.findByRole('option', { name: 'Auth failed', hidden: true }));
    await waitFor(() =>
      expect(router.state.location.search.status).toEqual(['ERROR', 'AUTH_FAILED']),
    );
  });

  it('heals a bad link, says what it dropped and keeps the rest', async () => {
    const { router } = await renderApp(
      `/runs/bill/${HOOLI.toUpperCase()}?status=ERROR,EXPLODED&order=sideways&range=fortnight`,
    );
    const notice = await screen.findByRole('status', { name: HEALED });
    expect(notice).toHaveTextContent('Dropped the status “EXPLODED”: it is not a run status.');
    expect(notice).toHaveTextContent('Dropped the order “sideways”: showing newest first.');
    expect(notice).toHaveTextContent('Dropped the date range “fortnight”: showing any time.');
    await screen.findByText(/2 runs loaded; that is all of them\. Filtered to status ERROR\./);
    expect(router.state.location.pathname).toBe(`/runs/Bill/${HOOLI}`);
    expect(router.state.location.search).toEqual({ status: ['ERROR'] });
  });

  it('lists everything a bad link lost, also when it carries an unknown parameter', async () => {
    const { router } = await renderApp(
      `/runs/Bill/${HOOLI}?status=ERROR,BOGUS&order=sideways&tz=mars&foo=1`,
    );
    const notice = await screen.findByRole('status', { name: HEALED });
    expect(notice).toHaveTextContent('Ignored the unknown parameter “foo”.');
    expect(notice).toHaveTextContent('Dropped the status “BOGUS”: it is not a run status.');
    expect(notice).toHaveTextContent('Dropped the order “sideways”: showing newest first.');
    expect(notice).toHaveTextContent('Dropped the time zone “mars”: showing UTC.');
    await screen.findByText(/2 runs loaded; that is all of them\. Filtered to status ERROR\./);
    expect(router.state.location.search).toEqual({ status: ['ERROR'] });
  });

  it('says what a bad link lost once: the history entry forgets it, so a reload does not repeat it', async () => {
    const { user, router } = await renderApp(`/runs/Bill/${HOOLI}?status=ERROR&order=sideways`);
    const notice = await screen.findByRole('status', { name: HEALED });
    expect(notice).toHaveTextContent('Dropped the order “sideways”: showing newest first.');
    await vi.waitFor(() => expect(router.state.location.state.healedLinkNotes).toBeUndefined());
    // Healing replaced the entry it started on: Back leaves the page rather than return to the bad link.
    expect(router.history.length).toBe(1);
    expect(router.state.location.search).toEqual({ status: ['ERROR'] });
    expect(notice).toBeInTheDocument();
    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status', { name: HEALED })).not.toBeInTheDocument();
  });

  it('does not say it again on Back to the healed entry, nor on a reload of its URL', async () => {
    const { router, unmount } = await renderApp(
      `/runs/destination/${SEED_IDS.destinations.xeroUk}?order=sideways&page=2`,
    );
    const notice = await screen.findByRole('status', { name: HEALED });
    expect(notice).toHaveTextContent('Ignored the unknown parameter “page”.');
    expect(notice).toHaveTextContent('Dropped the order “sideways”: showing newest first.');
    expect(router.state.location.search).toEqual({});
    await vi.waitFor(() => expect(router.state.location.state.healedLinkNotes).toBeUndefined());

    await router.navigate({ to: '/configs' });
    await screen.findByRole('heading', { level: 1, name: 'Integration configurations' });
    router.history.back();
    expect(
      await screen.findByRole('heading', { level: 1, name: /Runs sent to Xero/ }),
    ).toBeInTheDocument();
    expect(router.history.length).toBe(2);
    expect(screen.queryByRole('status', { name: HEALED })).not.toBeInTheDocument();

    const href = router.state.location.href;
    unmount();
    const reloaded = await renderApp(href);
    await screen.findByRole('heading', { level: 1, name: /Runs sent to Xero/ });
    expect(reloaded.router.state.location.href).toBe(href);
    expect(screen.queryByRole('status', { name: HEALED })).not.toBeInTheDocument();
  });

  it('spells a destination’s history in lower case and heals its search quietly', async () => {
    const xero = SEED_IDS.destinations.xeroUk;
    const { router } = await renderApp(`/runs/destination/${xero.toUpperCase()}?tz=LOCAL`);
    expect(
      await screen.findByRole('heading', { level: 1, name: /Runs sent to Xero/ }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/runs/destination/${xero}`);
    expect(router.state.location.search).toEqual({ tz: 'local' });
    expect(screen.queryByRole('status', { name: HEALED })).not.toBeInTheDocument();
  });

  it('opens a run beside the list and closes it without losing the filters', async () => {
    const { user, router } = await renderApp(`/runs/Bill/${HOOLI}?order=ASC`);
    await screen.findByRole('table');
    const rootLink = screen.getByRole('link', {
      name: /open run f1a00001-0000-4000-8000-00000000c001$/,
    });
    await user.click(rootLink);
    expect(router.state.location.search).toEqual({ order: 'ASC', run: SEED_IDS.runs.retryRoot });
    const drawer = await screen.findByRole('dialog', { name: 'Run f1a00001…' });
    expect(
      await within(drawer).findByText(/Stripe API error: Invalid currency/, {
        selector: 'pre:not([aria-label="Run log"])',
      }),
    ).toBeInTheDocument();
    // The table behind still shows the same list.
    expect(rootLink.closest('tr')).toHaveAttribute('aria-current', 'true');

    await user.click(within(drawer).getByRole('button', { name: 'Close run details' }));
    expect(router.state.location.search).toEqual({ order: 'ASC' });
  });

  it('scrolls the wide table inside its own region, never the whole page sideways', async () => {
    await renderApp(`/runs/Bill/${HOOLI}`);
    await screen.findByRole('table');
    const region = screen.getByRole('region', {
      name: /Integration runs for Bill .*\(scrollable\)/,
    });
    // The rows' visually hidden link texts are absolutely positioned: the region must be their
    // containing block, or they lie beyond the viewport's right edge and widen the page (jsdom has
    // no layout, so this checks the style that guarantees it).
    expect(region).toHaveStyle({ overflow: 'auto', position: 'relative' });
    expect(region.querySelectorAll('.visually-hidden').length).toBeGreaterThan(0);
  });

  it('follows a link out of the open run to the configs and stays there', async () => {
    const { user, router } = await renderApp(
      `/runs/Bill/${HOOLI}?status=ERROR&run=${SEED_IDS.runs.retryRoot}`,
    );
    const drawer = await screen.findByRole('dialog', { name: 'Run f1a00001…' });
    await user.click(
      await within(drawer).findByRole('link', {
        name: 'Integration configs sending to this Stripe destination',
      }),
    );
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/configs'));
    expect(router.state.location.search).toEqual({ q: SEED_IDS.destinations.stripeUs });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Integration configurations' }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/configs');
  });

  it('expands a long error and collapses it again', async () => {
    const { user } = await renderApp(`/runs/Bill/${HOOLI}?status=ERROR`);
    await screen.findByRole('table');
    const more = within(bodyRows()[0]!).queryByRole('button', { name: /More of the error/ });
    if (!more)
      throw new Error(`expected a long error with a "More" button: ${bodyRows()[0]!.textContent}`);
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    const less = within(bodyRows()[0]!).getByRole('button', { name: /Less of the error/ });
    expect(less).toHaveAttribute('aria-expanded', 'true');
    await user.click(less);
    expect(
      within(bodyRows()[0]!).getByRole('button', { name: /More of the error/ }),
    ).toHaveAttribute('aria-expanded', 'false');
  });

  it('loads more runs page by page and says when all are loaded', async () => {
    const { user } = await renderApp(
      `/runs/Bill/${SEED_IDS.bigBill}?status=TIMEOUT_LIMIT_EXCEEDED`,
    );
    expect(await screen.findByText(/200 runs loaded; more exist\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText(/251 runs loaded; that is all of them\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('keeps keyboard focus through Load more, and on the count once everything is loaded', async () => {
    // 251 runs: the first page has 200, and one Load more brings the rest and removes the buttons.
    const { user } = await renderApp(
      `/runs/Bill/${SEED_IDS.bigBill}?status=TIMEOUT_LIMIT_EXCEEDED`,
    );
    await screen.findByText(/200 runs loaded; more exist\./);
    const { release } = holdReads(`${RUNS_BASE}/*`);
    const loadMore = screen.getByRole('button', { name: 'Load more' });
    loadMore.focus();
    await user.keyboard('{Enter}');
    // While the page loads the button says so, and still has focus (a disabled one would drop it).
    await vi.waitFor(() => expect(loadMore).toHaveAttribute('aria-busy', 'true'));
    expect(loadMore).toHaveFocus();
    release();
    const count = await screen.findByText(/251 runs loaded; that is all of them\./);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(count).toHaveFocus();
  });

  it('keeps focus on Refresh while it refreshes', async () => {
    const { user } = await renderApp(`/runs/Bill/${HOOLI}`);
    await screen.findByText('12 runs loaded; that is all of them.');
    const { release } = holdReads(`${RUNS_BASE}/*`);
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    refresh.focus();
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(refresh).toHaveAttribute('aria-busy', 'true'));
    expect(refresh).toHaveFocus();
    release();
    await vi.waitFor(() => expect(refresh).not.toHaveAttribute('aria-busy'));
    expect(refresh).toHaveFocus();
  });

  it('shows a failure with a retry, and the runs once the retry works', async () => {
    server.use(
      http.get(`${RUNS_BASE}/:entityType/:entityId`, () =>
        HttpResponse.json({ message: 'Forbidden: token expired' }, { status: 403 }),
      ),
    );
    const { user } = await renderApp(`/runs/Bill/${HOOLI}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the runs');
    expect(alert).toHaveTextContent('token expired');
    // No per-status counts of runs that never loaded ("Failed: 0" would be wrong).
    const summary = screen.getByRole('group', { name: 'Loaded runs per status group' });
    expect(summary).toBeEmptyDOMElement();
    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await screen.findByText('12 runs loaded; that is all of them.');
    expect(within(summary).getByText('Failed: 4')).toBeInTheDocument();
  });

  it('shows the runs that parse and names a malformed one by id', async () => {
    const page = demoStore().listRunsForEntity('Bill', HOOLI, { pageSize: 200 });
    const [first, broken, ...rest] = page.data;
    server.use(
      http.get(`${RUNS_BASE}/:entityType/:entityId`, () =>
        HttpResponse.json({ data: [first, { ...broken, dtLastModified: null }, ...rest] }),
      ),
    );
    await renderApp(`/runs/Bill/${HOOLI}`);
    await screen.findByText('11 runs loaded; that is all of them.');
    const notice = await screen.findByRole('status', { name: '1 of the runs could not be shown' });
    expect(notice).toHaveTextContent(`${broken?.id ?? '?'}: dtLastModified:`);
  });

  it('says a body without data is an unexpected response, not "no runs"', async () => {
    server.use(
      http.get(`${RUNS_BASE}/:entityType/:entityId`, () => HttpResponse.json({ nextToken: '' })),
    );
    await renderApp(`/runs/Bill/${HOOLI}`);
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent(
      /Unexpected response from GET \/integrationruns\/Bill\/.*: data:/,
    );
    expect(screen.queryByText(/No runs for this Bill/)).toBeNull();
  });

  it('says what went wrong while it tries again, then shows the runs', async () => {
    const { release } = failFirstReadThenHold(`${RUNS_BASE}/:entityType/:entityId`, () =>
      HttpResponse.json({ message: 'Unavailable' }, { status: 503 }),
    );
    await renderApp(`/runs/Bill/${HOOLI}`);
    const notice = await screen.findByRole('status', { name: 'Still trying to load the runs' });
    expect(notice).toHaveTextContent(/Trying again automatically \(attempt 2\)/);
    release();
    await screen.findByText('12 runs loaded; that is all of them.');
    expect(screen.queryByRole('status', { name: /Still trying/ })).not.toBeInTheDocument();
  });

  it('says which part of an impossible link is wrong and keeps it for the form', async () => {
    const { user, router } = await renderApp('/runs/Bill/not-a-bill');
    expect(await screen.findByText(/“not-a-bill” is not a Bill id\./)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Find the right history' }));
    expect(router.state.location.pathname).toBe('/runs');
    expect(await screen.findByLabelText('Bill id')).toHaveValue('not-a-bill');
    expect(await screen.findByText(/That is not a Bill id/)).toBeInTheDocument();
  });

  it('shows a destination’s runs under its name', async () => {
    await renderApp(`/runs/destination/${SEED_IDS.destinations.xeroUk}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: /Runs sent to Xero/ }),
    ).toBeInTheDocument();
    await screen.findByRole('table');
    expect(bodyRows().length).toBeGreaterThan(0);
    expect(within(bodyRows()[0]!).getAllByRole('cell')[3]).toHaveTextContent('Xero');
  });

  it('shows auto-refresh while runs are in progress and lets the user switch it off', async () => {
    const { user } = await renderApp(`/runs/Bill/${HOOLI}`);
    const toggle = await screen.findByRole('switch', { name: 'Auto-refresh' });
    expect(toggle).toBeChecked();
    expect(await screen.findByText('Every 15 s while 1 run is in progress')).toBeInTheDocument();
    await user.click(toggle);
    expect(toggle).not.toBeChecked();
    expect(screen.getByText('Off')).toBeInTheDocument();
  });

  it('applies a custom date range only when it is valid, and switches times to local', async () => {
    const { user, router } = await renderApp(`/runs/Bill/${HOOLI}`);
    await screen.findByRole('table');
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    const from = await screen.findByLabelText('From (UTC)');
    const to = screen.getByLabelText('To (UTC)');
    fireEvent.change(from, { target: { value: '2026-11-20T10:26' } });
    fireEvent.change(to, { target: { value: '2026-11-20T10:00' } });
    await user.click(screen.getByRole('button', { name: 'Apply dates' }));
    expect(to).toHaveAccessibleDescription(/The end must be after the start/);
    expect(from).toHaveValue('2026-11-20T10:26');
    expect(router.state.location.search).toEqual({});

    fireEvent.change(to, { target: { value: '2026-11-20T11:00' } });
    await user.click(screen.getByRole('button', { name: 'Apply dates' }));
    expect(router.state.location.search).toEqual({
      range: 'custom',
      from: '2026-11-20T10:26:00.000Z',
      to: '2026-11-20T11:00:00.000Z',
    });
    // Only Hooli's two latest Stripe runs started in that hour.
    await screen.findByText(/2 runs loaded; that is all of them\./);

    await user.click(screen.getByRole('radio', { name: 'Local time' }));
    expect(router.state.location.search.tz).toBe('local');
    expect(
      screen.getByRole('columnheader', { name: /Started \(local, UTC[+-]\d\d:\d\d\)/ }),
    ).toBeInTheDocument();
  });

  describe('export', () => {
    const created: Blob[] = [];
    afterEach(() => {
      vi.restoreAllMocks();
      created.length = 0;
    });

    it('downloads the filtered runs as CSV', async () => {
      // jsdom has no object URLs; capture what would be downloaded.
      URL.createObjectURL = vi.fn((blob: Blob) => {
        created.push(blob);
        return 'blob:runs';
      });
      URL.revokeObjectURL = vi.fn();
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
      const { user } = await renderApp(`/runs/Bill/${HOOLI}?status=ERROR,AUTH_FAILED`);
      await screen.findByText(/4 runs loaded/);
      await user.click(screen.getByRole('button', { name: 'Export CSV' }));
      await vi.waitFor(() => expect(created).toHaveLength(1));
      const bytes = new Uint8Array(await created[0]!.arrayBuffer());
      // A UTF-8 byte order mark first, so spreadsheets read the error texts right.
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = (await created[0]!.text()).trim().split('\r\n');
      expect(lines[0]).toBe(
        'id,status,statusGroup,entityType,entityId,destination,destinationId,dtCreated,dtStarted,dtCompleted,durationMs,externalId,url,parentIntegrationRunId,error',
      );
      expect(lines).toHaveLength(5);
      expect(lines.slice(1).every((line) => /,(ERROR|AUTH_FAILED),failed,Bill,/.test(line))).toBe(
        true,
      );
    });
  });
});
