import { waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoStore, server } from '../../mocks/node';
import { SEED_IDS } from '../../mocks/seed';
import { failFirstReadThenHold } from '../../test/faults';
import { renderApp, screen } from '../../test/render';

const CONFIG_URL = '*/organizations/:orgId/integrationconfigs/:id';
const DISABLED = SEED_IDS.disabledConfig;
const WEBHOOK = SEED_IDS.configs.webhookOps;

describe('ConfigDetailPage', () => {
  it('shows every field, configData as JSON, and links to runs and mappings', async () => {
    await renderApp(`/configs/${WEBHOOK}`);
    const config = demoStore().getConfig(WEBHOOK);
    expect(await screen.findByRole('heading', { name: config.name })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Healthy' })).toBeInTheDocument();
    expect(screen.getByText(config.entityId ?? 'missing')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Copy configuration data as JSON' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Configuration data as JSON')).toHaveTextContent(
      '"method": "POST"',
    );
    expect(screen.getByRole('link', { name: /Runs of this Notification/ })).toHaveAttribute(
      'href',
      `/runs/Notification/${config.entityId ?? ''}`,
    );
    expect(screen.getByRole('link', { name: /Runs sent to this destination/ })).toHaveAttribute(
      'href',
      `/runs/destination/${config.destinationId ?? ''}`,
    );
    const mappings = screen.getByRole('link', { name: /External mappings linked/ });
    expect(mappings).toHaveAttribute('href', `/mappings?integrationConfigId=${WEBHOOK}`);
    const count = demoStore().listMappings({ integrationConfigId: WEBHOOK, pageSize: '200' }).data
      .length;
    await waitFor(() => expect(mappings).toHaveTextContent(`(${count})`));
  });

  it('explains a disabled config and enables it, pending until m3ter answers', async () => {
    const v0 = demoStore().getConfig(DISABLED).version ?? 0;
    let release: () => void = () => {};
    server.use(
      http.post(`${CONFIG_URL}/enable`, async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return undefined;
      }),
    );
    const { user } = await renderApp(`/configs/${DISABLED}`);
    const health = await screen.findByRole('region', { name: /Disabled: nothing is being sent/ });
    expect(health).toHaveTextContent(/stops an integration after repeated failures/);
    const enable = within(health).getByRole('button', { name: 'Enable' });
    await user.click(enable);
    // Pending, but only aria-disabled: a `disabled` button would drop keyboard focus to <body>.
    await waitFor(() => expect(enable).toHaveAttribute('aria-disabled', 'true'));
    expect(enable).not.toHaveAttribute('disabled');
    await user.click(enable); // ignored while pending
    release();
    const healthy = await screen.findByRole('region', { name: 'Healthy' });
    expect(demoStore().getConfig(DISABLED)).toMatchObject({ enabled: true, version: v0 + 1 });
    // The Enable button is gone: focus lands on the health it changed, not on <body>.
    expect(healthy).toHaveFocus();
  });

  it('says beside the button when enabling fails, and enables on a second try', async () => {
    let failing = true;
    server.use(
      http.post(`${CONFIG_URL}/enable`, () =>
        failing ? HttpResponse.json({ message: 'Try later' }, { status: 503 }) : undefined,
      ),
    );
    const { user } = await renderApp(`/configs/${DISABLED}`);
    const health = await screen.findByRole('region', { name: /Disabled: nothing is being sent/ });
    await user.click(within(health).getByRole('button', { name: 'Enable' }));
    expect(await within(health).findByRole('alert')).toHaveTextContent(
      /Not enabled: m3ter had a problem/,
    );
    failing = false;
    await user.click(within(health).getByRole('button', { name: 'Try enabling again' }));
    expect(await screen.findByRole('region', { name: 'Healthy' })).toBeInTheDocument();
  });

  it('deletes after a confirmation naming the config, and the list no longer shows it', async () => {
    const { user, router } = await renderApp(`/configs/${DISABLED}`);
    await screen.findByRole('heading', { name: 'NetSuite AR sync (sandbox)' });
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete “NetSuite AR sync (sandbox)”?',
    });
    await user.click(
      within(dialog).getByRole('button', { name: 'Delete “NetSuite AR sync (sandbox)”' }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/configs'));
    expect(await screen.findByText('Deleted “NetSuite AR sync (sandbox)”.')).toBeInTheDocument();
    await screen.findByRole('row', { name: /Stripe – EU invoices/ });
    expect(
      screen.queryByRole('row', { name: /NetSuite AR sync \(sandbox\)/ }),
    ).not.toBeInTheDocument();
  });

  it('handles a config someone else already deleted', async () => {
    const { user, router } = await renderApp(`/configs/${DISABLED}`);
    await screen.findByRole('heading', { name: 'NetSuite AR sync (sandbox)' });
    demoStore().deleteConfig(DISABLED);
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /^Delete “/ }));
    expect(await screen.findByText(/was already deleted/)).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe('/configs'));
  });

  it('keeps the dialog open with the reason when a delete fails', async () => {
    server.use(
      http.delete(CONFIG_URL, async () => {
        await delay(300);
        return HttpResponse.json({ message: 'Not permitted for this user' }, { status: 403 });
      }),
    );
    const { user } = await renderApp(`/configs/${DISABLED}`);
    await screen.findByRole('heading', { name: 'NetSuite AR sync (sandbox)' });
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: /^Delete “/ });
    await user.click(confirm);
    // Pending, but only aria-disabled: a `disabled` button would drop keyboard focus to <body>.
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    expect(confirm).not.toHaveAttribute('disabled');
    expect(await within(dialog).findByRole('alert', { name: 'Not deleted' })).toHaveTextContent(
      /Not permitted for this user/,
    );
    expect(demoStore().getConfig(DISABLED)).toBeDefined();
  });

  it('says when a config does not exist, and offers a retry for other failures', async () => {
    await renderApp('/configs/00000000-0000-4000-8000-000000000000');
    expect(
      await screen.findByRole('heading', { name: 'This configuration does not exist' }),
    ).toBeInTheDocument();
  });

  it('says what went wrong while a first load is still being retried', async () => {
    const { release } = failFirstReadThenHold(CONFIG_URL, () => HttpResponse.error());
    await renderApp(`/configs/${DISABLED}`);
    const notice = await screen.findByRole('status', {
      name: 'Still trying to load this configuration',
    });
    expect(notice).toHaveTextContent(/Could not reach m3ter\. Trying again automatically/);
    release();
    expect(
      await screen.findByRole('heading', { name: 'NetSuite AR sync (sandbox)' }),
    ).toBeInTheDocument();
  });

  it('shows an error with a retry when m3ter answers with a malformed body', async () => {
    let broken = true;
    server.use(
      http.get(CONFIG_URL, async () => {
        await delay(1);
        return broken ? HttpResponse.json({ id: 42 }) : undefined;
      }),
    );
    const { user } = await renderApp(`/configs/${DISABLED}`);
    const alert = await screen.findByRole('alert', { name: 'Could not load this configuration' });
    expect(alert).toHaveTextContent(/Unexpected response from m3ter/);
    broken = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { name: 'NetSuite AR sync (sandbox)' }),
    ).toBeInTheDocument();
  });
});
