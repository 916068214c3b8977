/**
 * The mapping screens read the one configs list of src/queries/configs: a config created in this tab is
 * offered by the mapping form's picker without a reload. The list is loaded by the mapping form first,
 * then the config is created through the app, then the same QueryClient is looked at again.
 */
import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoStore } from '../../mocks/node';
import { renderApp, screen, type RenderAppResult } from '../../test/render';

const NEW_ACCOUNT = '3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
const NEW_CONFIG_NAME = 'Stripe – APAC invoices';
const PREFILL = {
  m3terEntity: 'Account',
  m3terId: NEW_ACCOUNT,
  externalSystem: 'Stripe',
  externalTable: 'Customer',
};

/** A text input or a select/autocomplete (role combobox) by its exact label. */
function field(name: string): HTMLElement {
  return screen.queryByRole('textbox', { name }) ?? screen.getByRole('combobox', { name });
}

async function replaceText(user: RenderAppResult['user'], label: string, text: string) {
  const el = field(label);
  await user.clear(el);
  el.focus();
  await user.paste(text);
  await user.tab();
}

/** The names of the configs the open picker offers (Mantine's dropdown counts as hidden in jsdom). */
function offeredConfigs(): string[] {
  return screen.getAllByRole('option', { hidden: true }).map((o) => o.textContent ?? '');
}

async function openConfigPicker(user: RenderAppResult['user']) {
  await waitFor(() => expect(field('Integration config')).toBeEnabled());
  await user.click(field('Integration config'));
  await screen.findAllByRole('option', { hidden: true });
}

/** A journey through several screens: more than one screen's worth of the default test timeout. */
const JOURNEY = { timeout: 40_000 };

describe('the mapping form’s config picker', () => {
  it(
    'offers a config created in this tab at once, and takes its id without complaint',
    JOURNEY,
    async () => {
      const { user, router } = await renderApp(
        `/mappings/new?${new URLSearchParams(PREFILL).toString()}`,
      );
      await screen.findByRole('form', { name: 'Create external mapping' });
      // The picker has loaded the org's configs before anything is created.
      await openConfigPicker(user);
      expect(offeredConfigs()).toEqual(
        expect.arrayContaining([expect.stringMatching(/^Stripe – EU/)]),
      );
      expect(offeredConfigs()).not.toContain(`${NEW_CONFIG_NAME} (Stripe)`);
      await user.keyboard('{Escape}');

      // Create a Stripe config through the app, in the same tab.
      const nav = screen.getByRole('navigation', { name: 'Main navigation' });
      await user.click(within(nav).getByRole('link', { name: /Integration configs/ }));
      await user.click((await screen.findAllByRole('link', { name: 'New configuration' }))[0]!);
      await screen.findByRole('heading', { name: 'New integration configuration' });
      await replaceText(user, 'Name', NEW_CONFIG_NAME);
      await replaceText(user, 'Destination', 'Stripe');
      await user.click(screen.getByRole('button', { name: 'Create configuration' }));
      await screen.findByRole('heading', { name: NEW_CONFIG_NAME });
      const created = router.state.location.pathname.split('/').pop() ?? '';
      expect(demoStore().getConfig(created)).toMatchObject({ name: NEW_CONFIG_NAME });

      // Back to the mapping form, no reload: the new config is offered and can be linked.
      await router.navigate({ to: '/mappings/new', search: PREFILL });
      await screen.findByRole('form', { name: 'Create external mapping' });
      await openConfigPicker(user);
      await user.click(
        await screen.findByRole('option', { name: `${NEW_CONFIG_NAME} (Stripe)`, hidden: true }),
      );
      expect(field('Integration config')).toHaveValue(`${NEW_CONFIG_NAME} (Stripe)`);
      expect(field('Integration config')).not.toHaveAccessibleDescription(
        /No integration config with this id/,
      );

      await waitFor(() =>
        expect(field('External id')).toHaveAccessibleDescription(/listed by Stripe/),
      );
      await user.click(field('External id'));
      await user.click(
        await screen.findByRole('option', { name: /^Krusty Krab Holdings · cus_/, hidden: true }),
      );
      await user.click(screen.getByRole('button', { name: 'Create mapping' }));
      await screen.findByRole('heading', { name: 'Mapping created' });
      expect(screen.queryByText(/No integration config with this id/)).not.toBeInTheDocument();
      expect(
        demoStore().listMappingsForM3terEntity('Account', NEW_ACCOUNT, { pageSize: 200 }).data,
      ).toEqual([expect.objectContaining({ integrationConfigId: created })]);
    },
  );
});
