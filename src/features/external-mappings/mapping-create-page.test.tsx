import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoStore, server } from '../../mocks/node';
import { SEED_IDS } from '../../mocks/seed';
import { renderApp, screen, type RenderAppResult } from '../../test/render';

const LIST_URL = '*/organizations/:orgId/externalmappings';
const NEW_ID = '3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b';
/** The notice that says what a healed link lost (src/components/healed-link-notice.tsx). */
const HEALED = 'Parts of this link could not be used';

/** A text input or a select/autocomplete (role combobox) by its exact label. */
function field(name: string): HTMLElement {
  return screen.queryByRole('textbox', { name }) ?? screen.getByRole('combobox', { name });
}

async function pick(user: RenderAppResult['user'], label: string, option: string | RegExp) {
  await user.click(field(label));
  await user.click(await screen.findByRole('option', { name: option, hidden: true }));
}

async function openForm(url = '/mappings/new') {
  const app = await renderApp(url);
  await screen.findByRole('form', { name: 'Create external mapping' });
  return app;
}

function mappingsOf(m3terId: string) {
  return demoStore().listMappingsForM3terEntity('Account', m3terId, { pageSize: 200 }).data;
}

describe('creating a mapping', () => {
  it('shows each pre-filled field’s problem at the field and keeps the text', async () => {
    await openForm(
      `/mappings/new?m3terEntity=Widget&m3terId=acme-1&externalSystem=Zuora&externalTable=Invoice&externalId=%20cus_1&integrationConfigId=nope`,
    );
    await waitFor(() =>
      expect(field('m3ter entity')).toHaveAccessibleDescription(/m3ter does not map "Widget"/),
    );
    expect(field('m3ter id')).toHaveValue('acme-1');
    expect(field('m3ter id')).toHaveAccessibleDescription(/UUID/);
    expect(field('External system')).toHaveAccessibleDescription(
      /"Zuora" is not an external system/,
    );
    expect(field('External id')).toHaveValue(' cus_1');
    expect(field('External id')).toHaveAccessibleDescription(/Remove the space at the start/);
    expect(field('Integration config')).toHaveAccessibleDescription(/Not an integration config id/);
  });

  it('heals a link to the pre-fill the form shows, keeping invalid text but not what it does not know', async () => {
    const { router } = await openForm(
      '/mappings/new?m3terEntity=Account&m3terId=acme-1&externalId=42&utm_source=mail',
    );
    expect(router.state.location.search).toEqual({ m3terEntity: 'Account', m3terId: 'acme-1' });
    expect(field('m3ter id')).toHaveValue('acme-1');
  });

  it('says once what a healed link dropped from the pre-fill, and not on Back or a reload', async () => {
    const { user, router, unmount } = await openForm(
      '/mappings/new?m3terEntity=Account&externalId=42&utm_source=mail',
    );
    const notice = await screen.findByRole('status', { name: HEALED });
    expect(notice).toHaveTextContent('Dropped the external id 42: it was not given as text.');
    expect(notice).toHaveTextContent('Ignored the unknown parameter “utm_source”.');
    expect(router.state.location.href).toBe('/mappings/new?m3terEntity=Account');
    expect(router.history.length).toBe(1);
    await waitFor(() => expect(router.state.location.state.healedLinkNotes).toBeUndefined());
    expect(notice).toBeInTheDocument();
    // The invalid text it keeps is the form's to point out, not the notice's.
    expect(notice).not.toHaveTextContent('m3ter entity');

    await user.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status', { name: HEALED })).not.toBeInTheDocument();

    await router.navigate({ to: '/mappings' });
    await screen.findByRole('heading', { name: 'External mappings', level: 1 });
    router.history.back();
    await screen.findByRole('form', { name: 'Create external mapping' });
    expect(router.state.location.href).toBe('/mappings/new?m3terEntity=Account');
    expect(screen.queryByRole('status', { name: HEALED })).not.toBeInTheDocument();

    unmount();
    await openForm(router.state.location.href);
    expect(screen.queryByRole('status', { name: HEALED })).not.toBeInTheDocument();
  });

  it('checks typed input field by field, opening each stage when the one before is valid', async () => {
    const { user } = await openForm('/mappings/new?externalSystem=Stripe&externalTable=Invoice2');
    await waitFor(() =>
      expect(field('External table')).toHaveAccessibleDescription(/Stripe has no table "Invoice2"/),
    );
    expect(field('m3ter id')).toBeDisabled();
    await pick(user, 'm3ter entity', 'Account');
    expect(field('m3ter id')).toBeEnabled();
    expect(field('External system')).toBeDisabled();

    await user.type(field('m3ter id'), '12345');
    await user.tab();
    expect(field('m3ter id')).toHaveAccessibleDescription(/UUID like/);
    await user.clear(field('m3ter id'));
    await user.type(field('m3ter id'), NEW_ID);
    expect(field('External system')).toBeEnabled();

    // Paddle lists no records through m3ter: the external id is typed.
    await pick(user, 'External system', 'Paddle');
    await pick(user, 'External table', 'Customer');
    const externalId = await screen.findByRole('textbox', { name: 'External id' });
    await waitFor(() => expect(externalId).toBeEnabled());
    expect(externalId).toHaveAccessibleDescription(/lists no Customer records through m3ter/);
    externalId.focus();
    await user.paste('ctm\t01');
    await user.tab();
    expect(externalId).toHaveAccessibleDescription(/Remove a tab \(position 4\)/);
    await user.clear(externalId);
    await user.type(externalId, 'ctm_01 ');
    expect(externalId).toHaveAccessibleDescription(/Remove the space at the end/);
    await user.type(externalId, '{Backspace}');
    expect(externalId).not.toHaveAccessibleDescription(/Remove/);

    await user.click(screen.getByRole('button', { name: 'Create mapping' }));
    expect(await screen.findByRole('heading', { name: 'Mapping created' })).toHaveFocus();
    expect(mappingsOf(NEW_ID)).toEqual([
      expect.objectContaining({
        externalSystem: 'Paddle',
        externalTable: 'Customer',
        externalId: 'ctm_01',
      }),
    ]);

    // The new mapping is found by the look-up from the m3ter side.
    await user.click(screen.getByRole('link', { name: 'by m3ter Account id' }));
    const table = await screen.findByRole('table', { name: `Mappings of Account ${NEW_ID}` });
    expect(await within(table).findByText('ctm_01')).toBeInTheDocument();
  });

  it('pre-fills from the URL, picks the external id from the system’s list, and creates another keeping system and table', async () => {
    const vandelay = SEED_IDS.accounts.vandelay;
    const { user, router } = await openForm(
      `/mappings/new?m3terEntity=Account&m3terId=${vandelay}&externalSystem=Stripe&externalTable=Customer`,
    );
    expect(field('m3ter entity')).toHaveValue('Account');
    expect(field('m3ter id')).toHaveValue(vandelay);
    expect(field('External system')).toHaveValue('Stripe');
    expect(field('External table')).toHaveValue('Customer');
    await waitFor(() =>
      expect(field('External id')).toHaveAccessibleDescription(/listed by Stripe/),
    );
    await pick(user, 'External id', /^Vandelay Industries · cus_/);
    await user.click(screen.getByRole('button', { name: 'Create mapping' }));

    await screen.findByRole('heading', { name: 'Mapping created' });
    const [created] = mappingsOf(vandelay).filter((m) => m.externalSystem === 'Stripe');
    if (!created) throw new Error('not created');
    expect(screen.getByRole('link', { name: 'Open the new mapping' })).toHaveAttribute(
      'href',
      `/mappings/${created.id}`,
    );

    // Back from the new mapping returns to this result, not to an empty form.
    await user.click(screen.getByRole('link', { name: 'Open the new mapping' }));
    await screen.findByRole('heading', { level: 1, name: /Account → Stripe Customer/ });
    router.history.back();
    await screen.findByRole('heading', { name: 'Mapping created' });

    await user.click(screen.getByRole('button', { name: 'Create another (Stripe Customer)' }));
    await screen.findByRole('form', { name: 'Create external mapping' });
    await waitFor(() =>
      expect(router.state.location.search).toEqual({
        m3terEntity: 'Account',
        externalSystem: 'Stripe',
        externalTable: 'Customer',
      }),
    );
    expect(field('External system')).toHaveValue('Stripe');
    expect(field('External table')).toHaveValue('Customer');
    expect(field('m3ter id')).toHaveValue('');
  });

  it('moves the keyboard to the new input when switching between the list and typing an id', async () => {
    const { user } = await openForm(
      `/mappings/new?m3terEntity=Account&m3terId=${SEED_IDS.accounts.vandelay}&externalSystem=Stripe&externalTable=Customer`,
    );
    await waitFor(() =>
      expect(field('External id')).toHaveAccessibleDescription(/listed by Stripe/),
    );
    screen.getByRole('button', { name: 'Type an id instead' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'External id' })).toHaveFocus());
    await user.keyboard('cus_typed');
    expect(screen.getByRole('textbox', { name: 'External id' })).toHaveValue('cus_typed');

    screen.getByRole('button', { name: 'Pick from Stripe’s list instead' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'External id' })).toHaveFocus(),
    );
  });

  it('warns about an existing mapping for the same record and table, and creates another only when confirmed', async () => {
    const [existing] = demoStore()
      .listMappings({ externalSystemId: 'Stripe', pageSize: 200 })
      .data.filter((m) => m.m3terEntity === 'Account' && m.externalTable === 'Customer');
    if (!existing) throw new Error('seed has a Stripe customer mapping');
    const { user } = await openForm(
      `/mappings/new?m3terEntity=Account&m3terId=${existing.m3terId}&externalSystem=Stripe&externalTable=Customer&externalId=cus_SECOND`,
    );
    expect(await screen.findByText(/already has a mapping to Stripe Customer/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: `Stripe Customer ${existing.externalId}` }),
    ).toHaveAttribute('href', `/mappings/${existing.id}`);

    const before = mappingsOf(existing.m3terId).length;
    await user.click(screen.getByRole('button', { name: 'Create mapping' }));
    const confirm = await screen.findByRole('checkbox', {
      name: /Create another mapping for this Account in Stripe Customer anyway/,
    });
    expect(confirm).toHaveAccessibleDescription(/second mapping for the same record/);
    await waitFor(() => expect(confirm).toHaveFocus());
    expect(mappingsOf(existing.m3terId)).toHaveLength(before);

    await user.click(confirm);
    await user.click(screen.getByRole('button', { name: 'Create mapping' }));
    await screen.findByRole('heading', { name: 'Mapping created' });
    expect(mappingsOf(existing.m3terId)).toHaveLength(before + 1);
  });

  it('puts a server rejection on the field it names and keeps every value', async () => {
    server.use(
      http.post(LIST_URL, () =>
        HttpResponse.json(
          { message: 'externalId: ctm_404 does not exist in Paddle' },
          { status: 400 },
        ),
      ),
    );
    const { user } = await openForm(
      `/mappings/new?m3terEntity=Account&m3terId=${NEW_ID}&externalSystem=Paddle&externalTable=Customer&externalId=ctm_404`,
    );
    await waitFor(() => expect(field('External id')).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Create mapping' }));
    await waitFor(() =>
      expect(field('External id')).toHaveAccessibleDescription(/Ctm_404 does not exist in Paddle/),
    );
    expect(field('External id')).toHaveValue('ctm_404');
    expect(field('m3ter id')).toHaveValue(NEW_ID);
    expect(mappingsOf(NEW_ID)).toEqual([]);
  });

  it('keeps unsent input across a reload of the page', async () => {
    const first = await openForm('/mappings/new');
    await pick(first.user, 'm3ter entity', 'Product');
    await first.user.type(field('m3ter id'), 'half-typed');
    first.unmount();

    await openForm('/mappings/new');
    expect(screen.getByText('Your unsaved input was restored')).toBeInTheDocument();
    expect(field('m3ter entity')).toHaveValue('Product');
    expect(field('m3ter id')).toHaveValue('half-typed');
  });
});
