import { fireEvent, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../mocks/seed';
import { server } from '../../mocks/node';
import { renderApp, screen } from '../../test/render';
import {
  ACCOUNT_URL,
  accountHandler,
  crafted,
  EVENTS_URL,
  eventsHandler,
  IDS,
  type SeenRequests,
} from './test-events';

/** The notice that says what a healed link lost (src/components/healed-link-notice.tsx). */
const HEALED = 'Parts of this link could not be used';
const CONFIG = SEED_IDS.configs.stripeEu;
const OTHER_CONFIG = SEED_IDS.configs.netsuiteSandbox;

async function table() {
  return screen.findByRole('table', { name: /^Integration error events/ });
}

/** The data rows (the header row left out), once loaded. */
async function rows() {
  const t = await table();
  return within(t).getAllByRole('row').slice(1);
}

/** The row whose message (or type) matches. */
async function rowWith(text: string | RegExp) {
  const all = await rows();
  const row = all.find((r) => within(r).queryByText(text) !== null);
  if (!row) throw new Error(`no row with ${String(text)}`);
  return row;
}

function hrefOf(link: HTMLElement) {
  const url = new URL(link.getAttribute('href') ?? '', 'http://console.test');
  return { path: url.pathname, search: Object.fromEntries(url.searchParams) };
}

const FIVE = [
  crafted('integration.perform.error', {
    eventData: {
      message: 'Stripe rejected the invoice: the currency is not enabled.',
      entityType: 'Bill',
      entityId: IDS.bill,
      integrationRunId: IDS.run,
      integrationConfigId: CONFIG,
      destination: 'Stripe',
    },
  }),
  crafted('integration.validation.error', {
    eventData: {
      message: 'The Bill has no line items.',
      entityType: 'Bill',
      entityId: IDS.bill,
    },
  }),
  crafted('integration.missingaccountmapping.error', {
    eventData: {
      message: 'Create an external mapping for the Account.',
      accountId: IDS.account,
      destination: 'Stripe',
      externalTable: 'Customer',
      integrationConfigId: CONFIG,
    },
  }),
  crafted('integration.authentication.error', {
    eventData: { message: 'The Stripe key was revoked.', integrationConfigId: CONFIG },
  }),
  crafted(
    'integration.disabled.error',
    { eventData: { message: 'Disabled after 50 failures.', integrationConfigId: OTHER_CONFIG } },
    { dtActioned: new Date(Date.now() - 5 * 60_000).toISOString() },
  ),
];

describe('the integration events list', () => {
  it('shows each event with what it concerns and its follow-up, for all five types', async () => {
    server.use(eventsHandler([FIVE]));
    const { user, router } = await renderApp('/events');
    await screen.findByRole('heading', { name: 'Integration events', level: 1 });
    expect(document.title).toMatch(/^Integration events · /);
    expect(await rows()).toHaveLength(5);
    expect(screen.getByText('5 events loaded; that is all of them.')).toBeInTheDocument();

    // Perform error: the run, and every link of what it concerns.
    const perform = await rowWith(/currency is not enabled/);
    expect(within(perform).getByText('Perform error')).toBeInTheDocument();
    expect(within(perform).getByRole('link', { name: 'Go to the run' })).toHaveAttribute(
      'href',
      `/runs/run/${IDS.run}`,
    );
    expect(within(perform).getByRole('link', { name: /^Runs of Bill b1000008/ })).toHaveAttribute(
      'href',
      `/runs/Bill/${IDS.bill}`,
    );
    expect(
      await within(perform).findByRole('link', { name: 'Stripe – EU invoices' }),
    ).toHaveAttribute('href', `/configs/${CONFIG}`);
    expect(within(perform).getByRole('link', { name: /^Run f1a00001/ })).toHaveAttribute(
      'href',
      `/runs/run/${IDS.run}`,
    );
    expect(within(perform).getByText('Not actioned')).toBeInTheDocument();
    const time = within(perform).getByRole('time');
    expect(time).toHaveAttribute(
      'title',
      expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/),
    );
    expect(time).toHaveTextContent(/ago$/);

    // Validation error without a run: the Bill's run history.
    const validation = await rowWith('The Bill has no line items.');
    expect(
      within(validation).getByRole('link', { name: 'Go to the Bill’s run history' }),
    ).toHaveAttribute('href', `/runs/Bill/${IDS.bill}`);

    // Missing account mapping: the create form, pre-filled; the Account's mappings.
    const missing = await rowWith(/Create an external mapping/);
    const create = within(missing).getByRole('link', { name: 'Create external mapping' });
    expect(hrefOf(create)).toEqual({
      path: '/mappings/new',
      search: {
        m3terEntity: 'Account',
        m3terId: IDS.account,
        externalSystem: 'Stripe',
        externalTable: 'Customer',
        integrationConfigId: CONFIG,
      },
    });
    expect(
      hrefOf(within(missing).getByRole('link', { name: /^Mappings of Account a0000009/ })),
    ).toEqual({
      path: '/mappings',
      search: { lookup: 'm3ter', entity: 'Account', m3terId: IDS.account },
    });

    // Authentication error and a disabled integration: their config.
    const auth = await rowWith('The Stripe key was revoked.');
    expect(within(auth).getByRole('link', { name: 'Fix the connection' })).toHaveAttribute(
      'href',
      `/configs/${CONFIG}`,
    );
    const disabled = await rowWith('Disabled after 50 failures.');
    expect(within(disabled).getByRole('link', { name: 'Enable the integration' })).toHaveAttribute(
      'href',
      `/configs/${OTHER_CONFIG}`,
    );
    expect(within(disabled).getByText(/^Actioned/)).toHaveTextContent(/Actioned 5 minutes ago/);

    // Each row links to its detail; the follow-up really goes where it says.
    expect(within(perform).getByRole('link', { name: 'View event' })).toHaveAttribute(
      'href',
      `/events/${FIVE[0]?.id ?? ''}`,
    );
    await user.click(create);
    await screen.findByRole('heading', { name: /Create external mapping/i, level: 1 });
    expect(router.state.location.pathname).toBe('/mappings/new');
    expect(router.state.location.search).toMatchObject({
      m3terEntity: 'Account',
      m3terId: IDS.account,
      externalSystem: 'Stripe',
    });
  });

  it('lists an event it cannot read (unknown name, unknown shape) without a follow-up', async () => {
    const odd = [
      crafted('integration.exploded.error', { eventData: { integrationRunId: IDS.run } }),
      crafted('integration.perform.error', 'a plain string'),
      crafted('integration.authentication.error', [1, 2, 3]),
      crafted('integration.missingaccountmapping.error', { surprise: { nested: true } }),
    ];
    server.use(eventsHandler([odd]));
    await renderApp('/events');
    const all = await rows();
    expect(all).toHaveLength(4);
    for (const row of all) {
      expect(within(row).getByRole('link', { name: 'View event' })).toBeInTheDocument();
      expect(within(row).getAllByRole('link')).toHaveLength(
        row === all[0] ? 2 /* the run it names, and View event */ : 1,
      );
      expect(within(row).queryByRole('link', { name: /^(Go to|Create|Fix|Enable)/ })).toBeNull();
    }
    expect(
      within(all[0] as HTMLElement).getByText('integration.exploded.error'),
    ).toBeInTheDocument();
    expect(
      within(all[1] as HTMLElement).getByText('The event gives no message.'),
    ).toBeInTheDocument();
    expect(within(all[2] as HTMLElement).getByText('Not said')).toBeInTheDocument();
  });

  it('shows the events that parse and names a malformed one by id', async () => {
    const broken = { ...FIVE[1]!, eventTime: null } as unknown as (typeof FIVE)[number];
    server.use(eventsHandler([[FIVE[0]!, broken, ...FIVE.slice(2)]]));
    await renderApp('/events?includeActioned=true');
    expect(await rows()).toHaveLength(4);
    const notice = screen.getByRole('status', { name: '1 of the events could not be shown' });
    expect(notice).toHaveTextContent(`${broken.id}: eventTime:`);
  });

  it('says a body without data is an unexpected response, not "no errors"', async () => {
    server.use(http.get(EVENTS_URL, () => HttpResponse.json({ nextToken: null })));
    await renderApp('/events');
    const alert = await screen.findByRole('alert', {}, { timeout: 5_000 });
    expect(alert).toHaveTextContent(/Unexpected response from GET \/events: data:/);
    expect(screen.queryByText(/No integration errors/)).toBeNull();
  });

  it('writes the filters to the URL and asks m3ter for them', async () => {
    const seen: SeenRequests = [];
    server.use(eventsHandler([FIVE], seen));
    const { user, router } = await renderApp('/events');
    await rows();
    expect(seen.at(-1)?.get('eventType')).toBe('IntegrationEvent');
    expect(seen.at(-1)?.get('includeActioned')).toBe('false');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Event type' }), 'Perform error');
    await waitFor(() =>
      expect(router.state.location.search).toEqual({ eventName: 'integration.perform.error' }),
    );
    await waitFor(() => expect(seen.at(-1)?.get('eventName')).toBe('integration.perform.error'));

    await user.click(screen.getByRole('checkbox', { name: 'Include actioned events' }));
    await waitFor(() =>
      expect(router.state.location.search).toEqual({
        eventName: 'integration.perform.error',
        includeActioned: true,
      }),
    );
    await waitFor(() => expect(seen.at(-1)?.get('includeActioned')).toBe('true'));

    await user.click(screen.getByRole('radio', { name: 'Last 7 days' }));
    await waitFor(() => expect(router.state.location.search).toMatchObject({ range: '7d' }));
    expect(router.state.location.href).toBe(
      '/events?eventName=integration.perform.error&includeActioned=true&range=7d',
    );

    // Back steps through the filters.
    router.history.back();
    await waitFor(() => expect(router.state.location.search).not.toHaveProperty('range'));
    expect(screen.getByRole('radio', { name: 'Any time' })).toBeChecked();
  });

  it('applies the range to the events’ times', async () => {
    const recent = crafted(
      'integration.perform.error',
      { message: 'An hour ago' },
      { minutesAgo: 60 },
    );
    const old = crafted(
      'integration.perform.error',
      { message: 'Three days ago' },
      { minutesAgo: 3 * 24 * 60 },
    );
    server.use(eventsHandler([[recent, old]]));
    const { user } = await renderApp('/events?range=24h');
    expect(await rows()).toHaveLength(1);
    expect(screen.getByText('An hour ago')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Last 7 days' }));
    await waitFor(async () => expect(await rows()).toHaveLength(2));
  });

  it('filters by custom dates, and says what is wrong with them', async () => {
    const inside = crafted(
      'integration.perform.error',
      { message: 'Inside the range' },
      { minutesAgo: 120 },
    );
    const outside = crafted(
      'integration.perform.error',
      { message: 'Before the range' },
      { minutesAgo: 600 },
    );
    server.use(eventsHandler([[inside, outside]]));
    const { user, router } = await renderApp('/events');
    expect(await rows()).toHaveLength(2);
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    const from = await screen.findByLabelText('From (UTC)');
    const to = screen.getByLabelText('To (UTC)');
    expect(from).toHaveAccessibleDescription('Events after this');
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    fireEvent.change(from, { target: { value: hoursAgo(3).slice(0, 16) } });
    fireEvent.change(to, { target: { value: hoursAgo(4).slice(0, 16) } });
    await user.click(screen.getByRole('button', { name: 'Apply dates' }));
    expect(to).toHaveAccessibleDescription(/The end must be after the start/);
    expect(router.state.location.search).toEqual({});

    fireEvent.change(to, { target: { value: '' } });
    await user.click(screen.getByRole('button', { name: 'Apply dates' }));
    await waitFor(() =>
      expect(router.state.location.search).toEqual({
        range: 'custom',
        from: `${hoursAgo(3).slice(0, 16)}:00.000Z`,
      }),
    );
    await waitFor(async () => expect(await rows()).toHaveLength(1));
    expect(screen.getByText('Inside the range')).toBeInTheDocument();
  });

  it('pre-sets the filters from a link', async () => {
    const seen: SeenRequests = [];
    server.use(
      eventsHandler([FIVE.slice(3, 4)], seen),
      accountHandler({ [IDS.account]: 'Vandelay Industries' }),
    );
    await renderApp(
      `/events?eventName=integration.authentication.error&range=24h&includeActioned=true&accountId=${IDS.account}`,
    );
    expect(await rows()).toHaveLength(1);
    expect(screen.getByRole('combobox', { name: 'Event type' })).toHaveValue(
      'integration.authentication.error',
    );
    expect(screen.getByRole('radio', { name: 'Last 24 h' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Include actioned events' })).toBeChecked();
    const account = screen.getByRole('textbox', { name: 'Account' });
    expect(account).toHaveValue(IDS.account);
    await waitFor(() =>
      expect(account).toHaveAccessibleDescription('Account: Vandelay Industries'),
    );
    const params = seen.at(-1);
    expect(params?.get('eventName')).toBe('integration.authentication.error');
    expect(params?.get('accountId')).toBe(IDS.account);
    expect(params?.get('includeActioned')).toBe('true');
    expect(await table()).toHaveAccessibleName(
      'Integration error events of type “Authentication error”, in the last 24 h, for Account Vandelay Industries, actioned or not, newest first',
    );
  });

  it('heals a bad link, says what it dropped, and puts a bad account id back in its field', async () => {
    const seen: SeenRequests = [];
    server.use(eventsHandler([FIVE], seen));
    const { router } = await renderApp(
      '/events?eventName=integration.exploded.error&range=fortnight&accountId=acme&includeActioned=maybe&utm_source=mail',
    );
    expect(await rows()).toHaveLength(5);
    expect(router.state.location.href).toBe('/events');
    const notice = screen.getByRole('status', { name: HEALED });
    expect(notice).toHaveTextContent(
      'Dropped the event type “integration.exploded.error”: it is not an integration error event. Showing every type.',
    );
    expect(notice).toHaveTextContent('Dropped the date range “fortnight”: showing any time.');
    expect(notice).toHaveTextContent('Dropped the account “acme”: it is not an m3ter Account id.');
    expect(notice).toHaveTextContent('Dropped “include actioned” “maybe”');
    expect(notice).toHaveTextContent('Ignored the unknown parameter “utm_source”.');
    const account = screen.getByRole('textbox', { name: 'Account' });
    expect(account).toHaveValue('acme');
    expect(account).toHaveAccessibleDescription(/Not an m3ter Account id: “acme”/);
    for (const params of seen) expect(params.has('accountId')).toBe(false);
  });

  it('says what is wrong with an account id, sends only a valid one, and survives a failed name look-up', async () => {
    const seen: SeenRequests = [];
    server.use(
      eventsHandler([FIVE], seen),
      http.get(ACCOUNT_URL, () => HttpResponse.json({ message: 'boom' }, { status: 500 })),
    );
    const { user, router } = await renderApp('/events');
    await rows();
    const account = screen.getByRole('textbox', { name: 'Account' });
    await user.type(account, 'acme');
    // Not said while typing…
    expect(account).not.toHaveAccessibleDescription(/Not an m3ter Account id/);
    await user.tab();
    // …but once the field is left.
    expect(account).toHaveAccessibleDescription(
      /Not an m3ter Account id: “acme”\. An id looks like .*The list is not filtered by account\./,
    );
    expect(account).toHaveAttribute('aria-invalid', 'true');
    expect(router.state.location.search).toEqual({});

    await user.clear(account);
    await user.click(account);
    await user.paste(IDS.otherAccount.toUpperCase());
    await waitFor(() =>
      expect(router.state.location.search).toEqual({ accountId: IDS.otherAccount }),
    );
    await waitFor(() => expect(seen.at(-1)?.get('accountId')).toBe(IDS.otherAccount));
    expect(account).not.toHaveAttribute('aria-invalid', 'true');
    await waitFor(() =>
      expect(account).toHaveAccessibleDescription(
        'Could not look up this Account’s name; the list is still filtered by it.',
      ),
    );
    expect(await rows()).toHaveLength(5);
    for (const params of seen) expect(params.get('accountId')).not.toBe('acme');
  });

  it('shows an error with a Retry that works', async () => {
    let calls = 0;
    server.use(
      http.get(EVENTS_URL, () => {
        calls += 1;
        return calls <= 4
          ? HttpResponse.json({ message: 'm3ter is down' }, { status: 500 })
          : HttpResponse.json({ data: FIVE });
      }),
    );
    const { user } = await renderApp('/events');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the integration events');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await rows()).toHaveLength(5);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('loads more with the cursor, and says how many are loaded and whether more exist', async () => {
    const first = Array.from({ length: 50 }, (_, i) =>
      crafted('integration.perform.error', { message: `First page ${i}` }, { minutesAgo: i + 1 }),
    );
    const second = Array.from({ length: 3 }, (_, i) =>
      crafted(
        'integration.perform.error',
        { message: `Second page ${i}` },
        { minutesAgo: 100 + i },
      ),
    );
    const seen: SeenRequests = [];
    server.use(eventsHandler([first, second], seen));
    const { user } = await renderApp('/events');
    expect(await rows()).toHaveLength(50);
    expect(screen.getByText('50 events loaded; more exist.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('53 events loaded; that is all of them.');
    expect(await rows()).toHaveLength(53);
    expect(seen.map((p) => p.get('nextToken'))).toEqual([null, 'p2']);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('says no integration errors match, naming the filters, and clears them', async () => {
    server.use(eventsHandler([[]]));
    const { user, router } = await renderApp(
      '/events?eventName=integration.disabled.error&range=30d',
    );
    expect(
      await screen.findByRole('heading', { name: 'No integration errors match these filters' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Showing integration errors of type “Integration disabled”, in the last 30 days, not yet actioned\./,
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the filters' }));
    await waitFor(() => expect(router.state.location.search).toEqual({}));
    expect(
      await screen.findByRole('heading', { name: 'No integration errors waiting for action' }),
    ).toBeInTheDocument();
  });

  it('reaches every action of a row by Tab, in reading order', async () => {
    server.use(eventsHandler([FIVE.slice(0, 1)]));
    const { user } = await renderApp('/events');
    const [row] = await rows();
    if (!row) throw new Error('a row');
    await within(row).findByRole('link', { name: 'Stripe – EU invoices' });
    const links = within(row).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Runs of Bill b1000008…',
      'Stripe – EU invoices',
      'Run f1a00001…',
      'Go to the run',
      'View event',
    ]);
    (links[0] as HTMLElement).focus();
    for (const link of links.slice(1)) {
      await user.tab();
      expect(link).toHaveFocus();
    }
  });
});
