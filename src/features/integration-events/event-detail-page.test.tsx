import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../mocks/seed';
import { server } from '../../mocks/node';
import { renderApp, screen } from '../../test/render';
import {
  accountHandler,
  crafted,
  EVENT_URL,
  eventHandler,
  eventsHandler,
  IDS,
} from './test-events';

const CONFIG = SEED_IDS.configs.quickbooks;

const MISSING = crafted(
  'integration.missingaccountmapping.error',
  {
    eventData: {
      message: 'No Stripe customer is mapped to Account Vandelay Industries.',
      accountId: IDS.account,
      destination: 'Stripe',
      externalTable: 'Customer',
      integrationConfigId: CONFIG,
      entityType: 'Bill',
      entityId: IDS.bill,
    },
    extra: { unexpected: ['keys', 1, true] },
  },
  { minutesAgo: 90 },
);

describe('an integration event’s page', () => {
  it('shows every field, the facts with their links, the follow-up and the raw JSON', async () => {
    server.use(eventHandler([MISSING]), accountHandler({ [IDS.account]: 'Vandelay Industries' }));
    const { router } = await renderApp(`/events/${MISSING.id}`);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent(
      /^Missing account mapping · \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/,
    );
    expect(document.title).toMatch(/^Integration event e0000000… · /);
    expect(screen.getByText(/No Stripe customer is mapped/, { selector: 'p' })).toBeInTheDocument();

    const event = screen.getByRole('region', { name: 'Event' });
    expect(within(event).getByText(MISSING.id)).toBeInTheDocument();
    expect(within(event).getByRole('button', { name: 'Copy the event id' })).toBeInTheDocument();
    expect(within(event).getByText('integration.missingaccountmapping.error')).toBeInTheDocument();
    expect(within(event).getByText('Not actioned')).toBeInTheDocument();

    const facts = screen.getByRole('region', { name: 'What it concerns' });
    expect(within(facts).getByRole('link', { name: /^Runs of Bill b1000008/ })).toHaveAttribute(
      'href',
      `/runs/Bill/${IDS.bill}`,
    );
    expect(
      await within(facts).findByRole('link', { name: 'Mappings of Account Vandelay Industries' }),
    ).toHaveAttribute('href', `/mappings?lookup=m3ter&entity=Account&m3terId=${IDS.account}`);
    expect(
      await within(facts).findByRole('link', { name: 'QuickBooks Online – US entities' }),
    ).toHaveAttribute('href', `/configs/${CONFIG}`);
    expect(within(facts).getByText('Customer')).toBeInTheDocument();

    const create = screen.getByRole('link', { name: 'Create external mapping' });
    expect(create).toHaveAttribute(
      'href',
      `/mappings/new?m3terEntity=Account&m3terId=${IDS.account}&externalSystem=Stripe&externalTable=Customer&integrationConfigId=${CONFIG}`,
    );

    const raw = screen.getByRole('region', { name: 'Raw event (m3terEvent)' });
    const pre = raw.querySelector('pre');
    expect(pre?.textContent).toBe(JSON.stringify(MISSING.m3terEvent, null, 2));
    expect(router.state.location.pathname).toBe(`/events/${MISSING.id}`);
  });

  it('shows an event with an unknown shape by its raw JSON', async () => {
    const text = crafted('integration.perform.error', 'just <b>text</b>', {
      dtActioned: '2026-11-20T10:00:00Z',
    });
    const list = crafted('integration.mystery.error', [{ a: 1 }, 'b']);
    server.use(eventHandler([text, list]));
    const { unmount } = await renderApp(`/events/${text.id}`);
    await screen.findByRole('heading', { level: 1, name: /^Perform error · / });
    expect(screen.getByText('The event gives no message.')).toBeInTheDocument();
    expect(screen.getByText(/names nothing this console can read/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Go to the run' })).not.toBeInTheDocument();
    expect(document.querySelector('pre')?.textContent).toBe('"just <b>text</b>"');
    // Shown as text, never as markup.
    expect(document.querySelector('pre b')).toBeNull();
    expect(screen.getByText(/2026-11-20 10:00:00 UTC/)).toBeInTheDocument();
    unmount();

    await renderApp(`/events/${list.id}`);
    await screen.findByRole('heading', { level: 1, name: /^integration\.mystery\.error · / });
    expect(document.querySelector('pre')?.textContent).toBe(
      JSON.stringify([{ a: 1 }, 'b'], null, 2),
    );
  });

  it('says an event that does not exist is gone, with the way back', async () => {
    server.use(eventHandler([]));
    const { user, router } = await renderApp('/events/e0000000-0000-4000-8000-00000000dead');
    expect(
      await screen.findByRole('heading', {
        name: 'This event does not exist (or is no longer kept)',
      }),
    ).toBeInTheDocument();
    server.use(eventsHandler([[MISSING]]));
    await user.click(screen.getByRole('link', { name: 'Back to integration events' }));
    await screen.findByRole('heading', { name: 'Integration events', level: 1 });
    expect(router.state.location.pathname).toBe('/events');
  });

  it('shows another error with a Retry that works', async () => {
    let fail = true;
    server.use(
      http.get(EVENT_URL, () =>
        fail
          ? HttpResponse.json({ message: 'm3ter is down' }, { status: 503 })
          : HttpResponse.json(MISSING),
      ),
    );
    const { user } = await renderApp(`/events/${MISSING.id}`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load this event');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: /^Missing account mapping/ }),
    ).toBeInTheDocument();
  });

  it('opens from its row in the list, and its follow-up goes where it says', async () => {
    const auth = crafted('integration.authentication.error', {
      eventData: { message: 'The QuickBooks token expired.', integrationConfigId: CONFIG },
    });
    server.use(eventsHandler([[auth]]), eventHandler([auth]));
    const { user, router } = await renderApp('/events');
    const table = await screen.findByRole('table', { name: /^Integration error events/ });
    await user.click(within(table).getByRole('link', { name: 'View event' }));
    await screen.findByRole('heading', { level: 1, name: /^Authentication error · / });
    expect(router.state.location.pathname).toBe(`/events/${auth.id}`);
    await user.click(screen.getByRole('link', { name: 'Fix the connection' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/configs/${CONFIG}`));
  });
});
