import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoStore, server } from '../../mocks/node';
import { renderApp, screen } from '../../test/render';

const LIST_URL = '*/organizations/:orgId/externalmappings';
/** The notice that says what a healed link lost (src/components/healed-link-notice.tsx). */
const HEALED = 'Parts of this link could not be used';

function table() {
  return screen.getByRole('table', { name: /mappings/i });
}

/** Data rows of the results table, once loaded. */
async function rows() {
  await waitFor(() =>
    expect(
      within(table()).queryAllByRole('link', { name: /^Open mapping/ }).length,
    ).toBeGreaterThan(0),
  );
  return within(table()).getAllByRole('link', { name: /^Open mapping/ });
}

describe('the mappings list', () => {
  it('lists mappings, filters by system through the URL, and pages with the cursor', async () => {
    const { user, router } = await renderApp('/mappings?externalSystemId=Stripe&pageSize=25');
    await screen.findByRole('heading', { name: 'External mappings', level: 1 });
    const first = await rows();
    expect(first).toHaveLength(25);
    for (const link of first) expect(link).toHaveAccessibleName(/to Stripe/);
    expect(screen.getByText(/Page 1: 25 mappings, more on the next page/)).toBeInTheDocument();

    // By keyboard: focus stays on the button pressed, also when it becomes unavailable (a disabled
    // button would drop focus to <body>).
    const next = screen.getByRole('button', { name: 'Next page' });
    next.focus();
    await user.keyboard('{Enter}');
    await screen.findByText(/Page 2: 10 mappings$/);
    expect(router.state.location.search).toMatchObject({
      externalSystemId: 'Stripe',
      pageSize: 25,
      cursors: [expect.any(String) as string],
    });
    expect(next).toHaveAttribute('aria-disabled', 'true');
    expect(next).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByText(/Page 2: 10 mappings$/)).toBeInTheDocument();

    const previous = screen.getByRole('button', { name: 'Previous page' });
    previous.focus();
    await user.keyboard('{Enter}');
    await screen.findByText(/Page 1: 25 mappings/);
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    expect(previous).toHaveFocus();
  });

  it('heals a bad link instead of failing, and says what it dropped', async () => {
    const { router } = await renderApp(
      '/mappings?pageSize=7&m3terIds=nope&lookup=weird&integrationConfigId=42',
    );
    expect(await rows()).toHaveLength(50);
    expect(router.state.location.search).toEqual({});
    const notice = screen.getByRole('status', { name: HEALED });
    expect(notice).toHaveTextContent(
      'Dropped the page size 7: showing 50 a page (the sizes are 25, 50, 100, 200).',
    );
    expect(notice).toHaveTextContent('Dropped the look-up “weird”: showing all mappings.');
    expect(notice).toHaveTextContent('Dropped “nope” from the m3ter ids: it is not an m3ter id.');
    expect(notice).toHaveTextContent('Dropped the integration config 42: it is not a config id.');
  });

  it('says once what a bad link dropped, and not again on Back or a reload', async () => {
    const { user, router, unmount } = await renderApp('/mappings?pageSize=7&utm_source=mail');
    const notice = await screen.findByRole('status', { name: HEALED });
    expect(notice).toHaveTextContent('Ignored the unknown parameter “utm_source”.');
    expect(notice).toHaveTextContent('Dropped the page size 7');
    expect(router.state.location.href).toBe('/mappings');
    expect(router.history.length).toBe(1);
    await rows();
    await waitFor(() => expect(router.state.location.state.healedLinkNotes).toBeUndefined());
    expect(notice).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Bulk create' }));
    await screen.findByRole('heading', { name: 'Bulk create mappings' });
    router.history.back();
    await screen.findByRole('heading', { name: 'External mappings', level: 1 });
    await rows();
    expect(router.state.location.href).toBe('/mappings');
    expect(screen.queryByRole('status', { name: HEALED })).not.toBeInTheDocument();

    unmount();
    await renderApp(router.state.location.href);
    await rows();
    expect(screen.queryByRole('status', { name: HEALED })).not.toBeInTheDocument();
  });

  it('shows the look-up form with an id it would reject, instead of searching for it', async () => {
    const looked: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname.includes('/externalmappings/external/')) {
        looked.push(request.url);
      }
    });
    const { user, router } = await renderApp(
      '/mappings?lookup=m3ter&entity=Account&m3terId=not-a-uuid',
    );
    const form = await screen.findByRole('form', { name: 'Look up by m3ter entity' });
    const id = within(form).getByRole('textbox', { name: 'm3ter id' });
    expect(id).toHaveValue('not-a-uuid');
    // Kept as typed (the form shows what is wrong with it), so nothing to heal or say.
    expect(router.state.location.search).toEqual({
      lookup: 'm3ter',
      entity: 'Account',
      m3terId: 'not-a-uuid',
    });
    expect(screen.queryByRole('status', { name: HEALED })).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /mappings/i })).not.toBeInTheDocument();
    // Said at once, at the field, before anything is pressed.
    await waitFor(() => expect(id).toHaveAccessibleDescription(/UUID/));
    await user.click(within(form).getByRole('button', { name: 'Look up' }));
    expect(id).toHaveAccessibleDescription(/UUID/);
    expect(looked).toEqual([]);
  });

  it('heals a link to what the view shows: no other view’s fields, no default page size', async () => {
    const { router } = await renderApp(
      '/mappings?lookup=external&system=Stripe&externalSystemId=Paddle&pageSize=50&cursors=%5B%22t1%22%5D&utm_source=mail',
    );
    const form = await screen.findByRole('form', { name: 'Look up by external entity' });
    expect(await within(form).findByRole('combobox', { name: 'External system' })).toHaveValue(
      'Stripe',
    );
    expect(router.state.location.search).toEqual({ lookup: 'external', system: 'Stripe' });
    const notice = screen.getByRole('status', { name: HEALED });
    expect(notice).toHaveTextContent(
      'Ignored the external system “Paddle”: not part of the look-up by external entity.',
    );
    expect(notice).toHaveTextContent('Ignored the unknown parameter “utm_source”.');
  });

  it('says what a healed link dropped from the m3ter ids, and filters by the rest', async () => {
    const [mapping] = demoStore().listMappings({ pageSize: 1 }).data;
    if (!mapping) throw new Error('seed has mappings');
    const { router } = await renderApp(
      `/mappings?m3terIds=${mapping.m3terId.toUpperCase()},acme&lookup=sideways`,
    );
    for (const link of await rows()) expect(link).toHaveAccessibleName(new RegExp(mapping.m3terId));
    expect(router.state.location.search).toEqual({ m3terIds: [mapping.m3terId] });
    const ids = screen.getByRole('combobox', { name: 'm3ter ids' });
    expect(ids).toHaveAccessibleDescription(/Not an m3ter id: acme/);
    expect(ids).toHaveValue('acme');
    expect(screen.getByRole('status', { name: HEALED })).toHaveTextContent(
      'Dropped “acme” from the m3ter ids: it is not an m3ter id.',
    );
    // The history entry forgets it once shown (a reload does not say it again); the page keeps it.
    await waitFor(() => expect(router.state.location.state.healedLinkNotes).toBeUndefined());
    expect(ids).toHaveAccessibleDescription(/Not an m3ter id: acme/);
  });

  it('rejects a typed m3ter id that is not one, keeping the text, and filters by a real one', async () => {
    const { user, router } = await renderApp('/mappings?pageSize=25');
    await rows();
    const ids = screen.getByRole('combobox', { name: 'm3ter ids' });
    await user.type(ids, 'acme{Enter}');
    expect(await screen.findByText(/Not an m3ter id: acme/)).toBeInTheDocument();
    expect(ids).toHaveValue('acme');

    // A real id filters the list through the URL.
    const [mapping] = demoStore().listMappings({ pageSize: 1 }).data;
    if (!mapping) throw new Error('seed has mappings');
    await user.clear(ids);
    await user.type(ids, `${mapping.m3terId}{Enter}`);
    await waitFor(() =>
      expect(router.state.location.search).toEqual({ pageSize: 25, m3terIds: [mapping.m3terId] }),
    );
    for (const link of await rows()) expect(link).toHaveAccessibleName(new RegExp(mapping.m3terId));
  });

  it('looks a mapping up from the m3ter side and from the external side', async () => {
    const [stripe] = demoStore().listMappings({ externalSystemId: 'Stripe', pageSize: 1 }).data;
    if (!stripe) throw new Error('seed has Stripe mappings');
    const { user, router } = await renderApp('/mappings?pageSize=25');
    await rows();

    await user.click(screen.getByRole('tab', { name: 'Look up by m3ter entity' }));
    const m3terForm = screen.getByRole('form', { name: 'Look up by m3ter entity' });
    await user.type(within(m3terForm).getByRole('textbox', { name: 'm3ter id' }), 'bad id');
    await user.click(within(m3terForm).getByRole('button', { name: 'Look up' }));
    expect(
      within(m3terForm).getByRole('textbox', { name: 'm3ter id' }),
    ).toHaveAccessibleDescription(/UUID/);
    await user.clear(within(m3terForm).getByRole('textbox', { name: 'm3ter id' }));
    await user.type(within(m3terForm).getByRole('textbox', { name: 'm3ter id' }), stripe.m3terId);
    await user.click(within(m3terForm).getByRole('button', { name: 'Look up' }));
    const found = await rows();
    expect(router.state.location.search).toMatchObject({
      lookup: 'm3ter',
      entity: 'Account',
      m3terId: stripe.m3terId,
    });
    for (const link of found) expect(link).toHaveAccessibleName(new RegExp(stripe.m3terId));

    await user.click(screen.getByRole('tab', { name: 'Look up by external entity' }));
    const externalForm = screen.getByRole('form', { name: 'Look up by external entity' });
    await user.click(within(externalForm).getByRole('combobox', { name: 'External system' }));
    await user.click(
      await screen.findByRole('option', { name: stripe.externalSystem, hidden: true }),
    );
    await user.click(within(externalForm).getByRole('combobox', { name: 'External table' }));
    await user.click(
      await screen.findByRole('option', { name: stripe.externalTable, hidden: true }),
    );
    await user.type(
      within(externalForm).getByRole('textbox', { name: 'External id' }),
      stripe.externalId,
    );
    await user.click(within(externalForm).getByRole('button', { name: 'Look up' }));
    await waitFor(() =>
      expect(router.state.location.search).toMatchObject({
        lookup: 'external',
        externalId: stripe.externalId,
      }),
    );
    const byExternal = await rows();
    expect(byExternal).toHaveLength(1);
    expect(within(table()).getByText(stripe.externalId)).toBeInTheDocument();
  });

  it('offers to create a mapping when a look-up finds none', async () => {
    const id = '3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
    await renderApp(`/mappings?lookup=m3ter&entity=Account&m3terId=${id}`);
    expect(
      await screen.findByRole('heading', { name: `Account ${id} has no mappings` }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Create a mapping for it' })).toHaveAttribute(
      'href',
      `/mappings/new?m3terEntity=Account&m3terId=${id}`,
    );
  });

  it('says what failed and retries', async () => {
    let fail = true;
    server.use(
      http.get(LIST_URL, () =>
        fail ? HttpResponse.json({ message: 'Database unavailable' }, { status: 503 }) : undefined,
      ),
    );
    const { user } = await renderApp('/mappings?pageSize=25');
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent(/Could not load mappings/);
    expect(alert).toHaveTextContent(/Database unavailable/);
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await rows()).toHaveLength(25);
  });

  it('shows the rows that parse and names a malformed one by id', async () => {
    const page = demoStore().listMappings({ pageSize: 25 });
    const [first, broken, ...rest] = page.data;
    server.use(
      http.get(LIST_URL, () =>
        HttpResponse.json({ ...page, data: [first, { ...broken, dtLastModified: null }, ...rest] }),
      ),
    );
    await renderApp('/mappings?pageSize=25');
    expect(await rows()).toHaveLength(24);
    const notice = screen.getByRole('status', { name: '1 of the mappings could not be shown' });
    expect(notice).toHaveTextContent(`${broken?.id ?? '?'}: dtLastModified:`);
  });

  it('says a body without data is an unexpected response, not an empty list', async () => {
    server.use(http.get(LIST_URL, () => HttpResponse.json({ nextToken: 'abc' })));
    await renderApp('/mappings?pageSize=25');
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent(/Unexpected response from GET \/externalmappings: data:/);
    expect(screen.queryByText(/No mappings/i)).toBeNull();
  });
});
