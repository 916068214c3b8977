/**
 * The count of mappings on a config's page lives under the mapping queries, so a mapping written in this
 * tab changes it without a reload. The count is loaded first, the mapping is written through the app,
 * and the same QueryClient is looked at again.
 */
import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ExternalMapping } from '../../api';
import { demoStore } from '../../mocks/node';
import { SEED_IDS } from '../../mocks/seed';
import { renderApp, screen, type RenderAppResult } from '../../test/render';

const STRIPE_EU = SEED_IDS.configs.stripeEu;
const NEW_ACCOUNT = '3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';

function mappingsOf(configId: string): ExternalMapping[] {
  return demoStore().listMappings({ integrationConfigId: configId, pageSize: 200 }).data;
}

/** The config's page, once it shows how many mappings link to it. */
async function openConfigWithCount(app: RenderAppResult | undefined, count: number) {
  const rendered = app ?? (await renderApp(`/configs/${STRIPE_EU}`));
  await screen.findByRole('heading', { name: 'Stripe – EU invoices' });
  expect(
    await screen.findByRole('link', {
      name: `External mappings linked to this configuration (${count})`,
    }),
  ).toHaveAttribute('href', `/mappings?integrationConfigId=${STRIPE_EU}`);
  return rendered;
}

/** A journey through several screens: more than one screen's worth of the default test timeout. */
const JOURNEY = { timeout: 40_000 };

describe('the mapping count on a config’s page', () => {
  it('counts a mapping created in this tab, without a reload', JOURNEY, async () => {
    const before = mappingsOf(STRIPE_EU).length;
    expect(before).toBeGreaterThan(0);
    const app = await openConfigWithCount(undefined, before);
    const { user, router } = app;

    await router.navigate({
      to: '/mappings/new',
      search: {
        m3terEntity: 'Account',
        m3terId: NEW_ACCOUNT,
        externalSystem: 'Stripe',
        externalTable: 'Customer',
        integrationConfigId: STRIPE_EU,
      },
    });
    await screen.findByRole('form', { name: 'Create external mapping' });
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'External id' })).toHaveAccessibleDescription(
        /listed by Stripe/,
      ),
    );
    await user.click(screen.getByRole('combobox', { name: 'External id' }));
    await user.click(
      await screen.findByRole('option', { name: /^Krusty Krab Holdings · cus_/, hidden: true }),
    );
    await user.click(screen.getByRole('button', { name: 'Create mapping' }));
    await screen.findByRole('heading', { name: 'Mapping created' });
    expect(mappingsOf(STRIPE_EU)).toHaveLength(before + 1);

    router.history.back();
    await openConfigWithCount(app, before + 1);
  });

  it('counts a mapping deleted in this tab, without a reload', JOURNEY, async () => {
    const linked = mappingsOf(STRIPE_EU);
    const [doomed] = linked;
    if (!doomed) throw new Error('seed links mappings to Stripe EU');
    const app = await openConfigWithCount(undefined, linked.length);
    const { user, router } = app;

    await router.navigate({ to: '/mappings/$id', params: { id: doomed.id } });
    await screen.findByRole('heading', {
      level: 1,
      name: `${doomed.m3terEntity} → ${doomed.externalSystem} ${doomed.externalTable}`,
    });
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Delete this mapping?' })).getByRole(
        'button',
        { name: 'Delete mapping' },
      ),
    );
    expect(await screen.findByText('Mapping deleted.')).toBeInTheDocument();
    expect(mappingsOf(STRIPE_EU)).toHaveLength(linked.length - 1);

    // Back to the config through the app's own navigation.
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    await user.click(within(nav).getByRole('link', { name: /Integration configs/ }));
    await user.click(await screen.findByRole('link', { name: 'Stripe – EU invoices' }));
    await openConfigWithCount(app, linked.length - 1);
  });
});
