import { waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExternalMapping } from '../../api';
import { demoStore } from '../../mocks/node';
import { OTHER_USER_ID } from '../../mocks/seed';
import { renderApp, screen } from '../../test/render';

/** A seeded Stripe customer mapping (its external id is typed or picked in Stripe's list). */
function stripeCustomer(): ExternalMapping {
  const found = demoStore()
    .listMappings({ externalSystemId: 'Stripe', pageSize: 200 })
    .data.find((m) => m.m3terEntity === 'Account' && m.externalTable === 'Customer');
  if (!found) throw new Error('seed has a Stripe customer mapping');
  return found;
}

function field(name: string): HTMLElement {
  return screen.queryByRole('textbox', { name }) ?? screen.getByRole('combobox', { name });
}

describe('editing a mapping', () => {
  it('meets another user’s save with the conflict panel, keeps both changes, and saves', async () => {
    const mapping = stripeCustomer();
    const startVersion = mapping.version ?? 1;
    const { user, router } = await renderApp(`/mappings/${mapping.id}/edit`);
    await screen.findByRole('form', { name: 'Edit external mapping' });
    await waitFor(() => expect(field('External id')).toBeEnabled());

    // Type an id instead of picking, so the edit is any text.
    await user.click(screen.getByRole('button', { name: 'Type an id instead' }));
    const externalId = screen.getByRole('textbox', { name: 'External id' });
    await user.clear(externalId);
    await user.type(externalId, 'cus_MINE');

    // Meanwhile someone else links the mapping to the Stripe EU config and saves.
    const config = demoStore()
      .listConfigs({ pageSize: 200 })
      .data.find((c) => c.destination === 'Stripe');
    if (!config) throw new Error('seed has a Stripe config');
    demoStore().updateMapping(
      mapping.id,
      { ...mapping, integrationConfigId: config.id, version: startVersion },
      { actor: OTHER_USER_ID },
    );

    await user.click(screen.getByRole('button', { name: 'Save' }));
    const panel = await screen.findByRole('region', {
      name: 'Someone else saved this mapping while you were editing',
    });
    expect(panel).toHaveTextContent(OTHER_USER_ID);
    expect(within(panel).getByRole('rowheader', { name: /External id/ })).toBeInTheDocument();
    expect(within(panel).getByText('cus_MINE')).toBeInTheDocument();
    expect(externalId).toHaveValue('cus_MINE');
    expect(demoStore().getMapping(mapping.id).externalId).toBe(mapping.externalId);

    await user.click(within(panel).getByRole('button', { name: 'Keep mine on top of theirs' }));
    expect(await screen.findByText(/Now based on version/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/mappings/${mapping.id}`));
    const saved = demoStore().getMapping(mapping.id);
    expect(saved).toMatchObject({
      externalId: 'cus_MINE',
      integrationConfigId: config.id,
      version: startVersion + 2,
    });
  });
});

describe('an open edit', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('notices within half a minute that someone else saved, and keeps what was typed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const mapping = stripeCustomer();
    const { user } = await renderApp(`/mappings/${mapping.id}/edit`);
    await screen.findByRole('form', { name: 'Edit external mapping' });
    await waitFor(() => expect(field('External id')).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Type an id instead' }));
    const externalId = screen.getByRole('textbox', { name: 'External id' });
    await user.clear(externalId);
    await user.type(externalId, 'cus_TYPING');

    demoStore().updateMapping(
      mapping.id,
      { ...mapping, externalId: 'cus_THEIRS', version: mapping.version ?? 1 },
      { actor: OTHER_USER_ID },
    );
    expect(screen.queryByRole('status', { name: /Changed elsewhere/ })).not.toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(31_000);
    const note = await screen.findByRole('status', { name: /Changed elsewhere/ });
    expect(note).toHaveTextContent(`${OTHER_USER_ID} saved version ${(mapping.version ?? 1) + 1}`);
    expect(externalId).toHaveValue('cus_TYPING');
  });
});

describe('the mapping detail', () => {
  it('shows both sides and deletes only after a confirmation naming them', async () => {
    const mapping = stripeCustomer();
    const { user, router } = await renderApp(`/mappings/${mapping.id}`);
    await screen.findByRole('heading', { name: 'Account → Stripe Customer', level: 1 });
    expect(screen.getByRole('link', { name: 'Every mapping of this Account' })).toHaveAttribute(
      'href',
      `/mappings?lookup=m3ter&entity=Account&m3terId=${mapping.m3terId}`,
    );

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this mapping?' });
    expect(dialog).toHaveTextContent(
      `m3ter Account ${mapping.m3terId} will no longer be mapped to Stripe Customer ${mapping.externalId}`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(demoStore().getMapping(mapping.id).id).toBe(mapping.id);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Delete this mapping?' })).getByRole(
        'button',
        { name: 'Delete mapping' },
      ),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/mappings'));
    expect(() => demoStore().getMapping(mapping.id)).toThrow(/not found/);
  });

  it('treats a mapping already deleted elsewhere as deleted, not as an error to retry', async () => {
    const mapping = stripeCustomer();
    const { user, router } = await renderApp(`/mappings/${mapping.id}`);
    await screen.findByRole('heading', { name: 'Account → Stripe Customer', level: 1 });
    // Another tab deletes it first.
    demoStore().deleteMapping(mapping.id);

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Delete this mapping?' })).getByRole(
        'button',
        { name: 'Delete mapping' },
      ),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/mappings'));
    expect(await screen.findByText(/already deleted/)).toBeInTheDocument();
    expect(screen.queryByText('Not deleted')).not.toBeInTheDocument();
  });

  it('says when a mapping does not exist', async () => {
    await renderApp('/mappings/00000000-0000-4000-8000-000000000000');
    // Other alerts (a notification from an earlier test) may be on screen too.
    const alert = await waitFor(() => {
      const found = screen
        .getAllByRole('alert')
        .find((a) => a.textContent?.includes('This mapping does not exist (any more)'));
      if (!found) throw new Error('no alert yet');
      return found;
    });
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to mappings' })).toHaveAttribute(
      'href',
      '/mappings',
    );
  });
});
