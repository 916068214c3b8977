import { within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoStore, server } from '../../mocks/node';
import { SEED_IDS } from '../../mocks/seed';
import { renderApp, screen } from '../../test/render';

const SLACK = SEED_IDS.destinations.webhookSlack;

async function openSlack() {
  const app = await renderApp(`/destinations/webhooks/${SLACK}`);
  await screen.findByRole('heading', { name: 'Slack relay' });
  return app;
}

describe('webhook destination page', () => {
  it('shows every field, the configs that send here, its runs and the pre-filled create link', async () => {
    await openSlack();
    expect(
      screen.getByRole('link', { name: /relay\.acme\.example\.com\/slack\/usage/ }),
    ).toHaveAttribute('href', 'https://relay.acme.example.com/slack/usage');
    expect(screen.getByText('slack_relay')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Usage threshold → Slack relay' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Runs sent to Slack relay' })).toHaveAttribute(
      'href',
      `/runs/destination/${SLACK}`,
    );
    const create = screen.getByRole('link', {
      name: 'Create a Notification integration that sends here',
    });
    const href = new URL(create.getAttribute('href') ?? '', 'http://x');
    expect(href.pathname).toBe('/configs/new');
    expect(href.searchParams.get('destinationId')).toBe(SLACK);
    expect(href.searchParams.get('entityType')).toBe('Notification');
  });

  it('names the configs that stop receiving before deactivating', async () => {
    const { user } = await openSlack();
    await screen.findByRole('link', { name: 'Usage threshold → Slack relay' });
    await user.click(screen.getByRole('button', { name: 'Deactivate…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate “Slack relay”?' });
    expect(within(dialog).getByText(/This configuration stops receiving/)).toBeInTheDocument();
    expect(
      within(dialog).getByRole('link', { name: 'Usage threshold → Slack relay' }),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate “Slack relay”' }));
    expect(await screen.findByRole('button', { name: 'Activate' })).toBeInTheDocument();
    expect(demoStore().getWebhookDestination(SLACK).active).toBe(false);
  });

  it('refuses to delete while configs send here, unless the user confirms knowing it', async () => {
    const { user, router } = await openSlack();
    await screen.findByRole('link', { name: 'Usage threshold → Slack relay' });
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Slack relay”?' });
    expect(within(dialog).getByText(/Not yet: a configuration still sends/)).toBeInTheDocument();
    const remove = within(dialog).getByRole('button', { name: 'Delete “Slack relay”' });
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    await user.click(remove);
    expect(demoStore().getWebhookDestination(SLACK).id).toBe(SLACK);
    await user.click(within(dialog).getByRole('checkbox', { name: /Delete it anyway/ }));
    await user.click(remove);
    await screen.findByRole('heading', { name: 'Webhook destinations' });
    expect(router.state.location.pathname).toBe('/destinations/webhooks');
    expect(() => demoStore().getWebhookDestination(SLACK)).toThrow(/not found/);
  });

  it('says when it cannot be loaded, with Retry', async () => {
    server.use(
      http.get('*/integrationdestinations/webhooks/:id', () =>
        HttpResponse.json({ message: 'boom' }, { status: 400 }),
      ),
    );
    await renderApp(`/destinations/webhooks/${SLACK}`);
    expect(await screen.findByRole('button', { name: /Retry|Try again/ })).toBeInTheDocument();
  });
});

describe('names on configs', () => {
  it("shows the webhook destination's name and host on the config page and in the list", async () => {
    const { user } = await renderApp(`/configs/${SEED_IDS.configs.webhookSlack}`);
    const link = await screen.findByRole('link', {
      name: /Slack relay \(relay\.acme\.example\.com\)/,
    });
    expect(link).toHaveAttribute('href', `/destinations/webhooks/${SLACK}`);
    await user.click(screen.getByRole('link', { name: '← Integration configurations' }));
    expect(
      await screen.findByRole('row', { name: /PagerDuty events \(events\.pagerduty\.com\)/ }),
    ).toBeInTheDocument();
  });

  it('the list of destinations counts the configs that send to each, and filters from the URL', async () => {
    await renderApp('/destinations/webhooks?state=inactive');
    // The skeleton is a table of the same name: look the table up once the rows are there.
    await screen.findByRole('row', { name: /PagerDuty events/ });
    const table = screen.getByRole('table', { name: 'Webhook destinations' });
    expect(await within(table).findByRole('row', { name: /PagerDuty events/ })).toBeInTheDocument();
    expect(within(table).queryByRole('row', { name: /Slack relay/ })).not.toBeInTheDocument();
    expect(within(table).getByText('events.pagerduty.com')).toHaveAttribute(
      'title',
      'https://events.pagerduty.com/integration/3f9a/enqueue',
    );
    expect(await within(table).findByRole('cell', { name: '1' })).toBeInTheDocument();
  });

  it('names the webhook on its run history, after the first rows', async () => {
    await renderApp(`/runs/destination/${SLACK}`);
    expect(
      await screen.findByRole('heading', { name: /Runs sent to Slack relay \(Webhook\)/ }),
    ).toBeInTheDocument();
  });
});
