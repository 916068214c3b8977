import { describe, expect, it } from 'vitest';
import { SEED_IDS } from '../../mocks/seed';
import { renderApp, screen } from '../../test/render';

describe('find a run history', () => {
  it('takes the id out of a pasted log line and opens the Bill’s history', async () => {
    const { user, router } = await renderApp('/runs');
    const field = await screen.findByLabelText('Bill id');
    await user.click(field);
    await user.paste(
      `2026-11-20T10:25:00Z ERROR run for bill=${SEED_IDS.bills.retryChain.toUpperCase()} failed`,
    );
    expect(field).toHaveValue(SEED_IDS.bills.retryChain);
    expect(screen.getByText('Took the id from the pasted text.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show runs' }));
    expect(router.state.location.pathname).toBe(`/runs/Bill/${SEED_IDS.bills.retryChain}`);
    await screen.findByText('12 runs loaded; that is all of them.', {}, { timeout: 5000 });
  });

  it('takes the Bill id, not the run id before it, from a line of the run log', async () => {
    const { user } = await renderApp('/runs');
    const field = await screen.findByLabelText('Bill id');
    await user.click(field);
    await user.paste(
      `2026-12-02T00:18:29.662Z INFO  Integration run f3c00003-0000-4000-8000-00000000c003 started: Bill ${SEED_IDS.bills.retryChain} → Stripe (destination 7a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d)`,
    );
    expect(field).toHaveValue(SEED_IDS.bills.retryChain);
    const destination = screen.getByLabelText('Destination id');
    await user.click(destination);
    await user.paste(
      `https://console.m3ter.com/org/2d1c7a4e-5b0f-4c8e-9a51-7e3f0d6b8c21/destinations/${SEED_IDS.destinations.xeroUk}`,
    );
    expect(destination).toHaveValue(SEED_IDS.destinations.xeroUk);
  });

  it('rejects a wrong shape at the field and keeps what was typed', async () => {
    const { user, router } = await renderApp('/runs');
    await user.click(await screen.findByRole('radio', { name: 'Notification' }));
    const field = screen.getByLabelText('Notification id');
    await user.type(field, 'INV-20931');
    await user.click(screen.getByRole('button', { name: 'Show runs' }));
    expect(field).toHaveValue('INV-20931');
    expect(field).toHaveAccessibleDescription(/That is not a Notification id/);
    expect(router.state.location.pathname).toBe('/runs');
    // Fixing it clears the message as the user types.
    await user.clear(field);
    await user.type(field, SEED_IDS.notifications[0]);
    expect(field).not.toHaveAccessibleDescription(/not a Notification id/);
  });

  it('offers the last histories viewed again, newest first', async () => {
    const first = await renderApp(`/runs/Bill/${SEED_IDS.bills.periodClosed}`);
    await screen.findByText(/runs loaded/, {}, { timeout: 5000 });
    first.unmount();
    const second = await renderApp(`/runs/destination/${SEED_IDS.destinations.xeroUk}`);
    await screen.findByText(/runs loaded/, {}, { timeout: 5000 });
    // The destination's name comes from another query than its runs: left once it is shown.
    await screen.findByRole('heading', { name: /Xero/ }, { timeout: 5000 });
    second.unmount();

    const { user, router } = await renderApp('/runs');
    const recent = await screen.findByRole('list', { name: 'Recently viewed' });
    const links = recent.querySelectorAll('a');
    expect(links[0]).toHaveTextContent(`Destination Xero ${SEED_IDS.destinations.xeroUk}`);
    expect(links[1]).toHaveTextContent(`Bill ${SEED_IDS.bills.periodClosed}`);
    await user.click(screen.getByRole('link', { name: `Bill ${SEED_IDS.bills.periodClosed}` }));
    expect(router.state.location.pathname).toBe(`/runs/Bill/${SEED_IDS.bills.periodClosed}`);
  });

  it('lists the destinations known from integration configs', async () => {
    await renderApp('/runs');
    const list = await screen.findByRole('list', {
      name: 'Destinations with an integration config',
    });
    expect(list).toHaveTextContent('Stripe');
    expect(list).toHaveTextContent('NetSuite');
  });
});
