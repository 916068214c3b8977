import { fireEvent, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExternalMapping } from '../../api';
import { demoStore, server } from '../../mocks/node';
import { OTHER_USER_ID, SEED_IDS } from '../../mocks/seed';
import { renderApp, screen, type RenderAppResult } from '../../test/render';

/** How the console names that user: a word and the id's first 8 characters (the full id on hover). */
const OTHER_USER_SHOWN = `User ${OTHER_USER_ID.slice('USER_'.length, 'USER_'.length + 8)}…`;

const MAPPING_URL = '*/organizations/:orgId/externalmappings/:id';
const PADDLE_CONFIG = SEED_IDS.configs.paddle;
/** How the config picker names the seeded Paddle config. */
const PADDLE_CONFIG_LABEL = 'Paddle – self-serve plans (Paddle, disabled)';
/** Another m3ter account id the user may correct a mapping to. */
const OTHER_ACCOUNT = SEED_IDS.accounts.globex;

/** A seeded Stripe customer mapping (its external id is typed or picked in Stripe's list). */
function stripeCustomer(): ExternalMapping {
  const found = demoStore()
    .listMappings({ externalSystemId: 'Stripe', pageSize: 200 })
    .data.find((m) => m.m3terEntity === 'Account' && m.externalTable === 'Customer');
  if (!found) throw new Error('seed has a Stripe customer mapping');
  return found;
}

/**
 * The seeded Paddle customer mapping: Paddle lists nothing through m3ter, so every text field of its
 * edit form is a plain textbox (External id included), and one Paddle config can be linked.
 */
function paddleCustomer(): ExternalMapping {
  const found = demoStore()
    .listMappings({ externalSystemId: 'Paddle', pageSize: 200 })
    .data.find((m) => m.m3terEntity === 'Account' && m.externalTable === 'Customer');
  if (!found) throw new Error('seed has a Paddle customer mapping');
  if (found.integrationConfigId) throw new Error('the seeded Paddle mapping links no config');
  return found;
}

function versionOf(id: string): number {
  return demoStore().getMapping(id).version ?? 0;
}

/** Another person saves the mapping (the shared backend, not this form). */
function editElsewhere(id: string, changes: Partial<ExternalMapping>) {
  const current = demoStore().getMapping(id);
  return demoStore().updateMapping(id, { ...current, ...changes }, { actor: OTHER_USER_ID });
}

function field(name: string): HTMLElement {
  return screen.queryByRole('textbox', { name }) ?? screen.getByRole('combobox', { name });
}

/** The edit form of `mapping`, once its external id can be typed (the pick-list has answered). */
async function openEdit(mapping: ExternalMapping): Promise<RenderAppResult> {
  const app = await renderApp(`/mappings/${mapping.id}/edit`);
  await screen.findByRole('form', { name: 'Edit external mapping' });
  await waitFor(() => expect(field('External id')).toBeEnabled());
  return app;
}

async function replaceText(user: RenderAppResult['user'], label: string, text: string) {
  const el = field(label);
  await user.clear(el);
  if (text !== '') {
    el.focus();
    await user.paste(text);
  }
  await user.tab();
}

function draftsInThisTab(): string {
  return JSON.stringify(window.sessionStorage);
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

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const panel = await screen.findByRole('region', {
      name: 'Someone else saved this mapping while you were editing',
    });
    expect(panel).toHaveTextContent(OTHER_USER_SHOWN);
    expect(within(panel).getByRole('rowheader', { name: /External id/ })).toBeInTheDocument();
    expect(within(panel).getByText('cus_MINE')).toBeInTheDocument();
    expect(externalId).toHaveValue('cus_MINE');
    expect(demoStore().getMapping(mapping.id).externalId).toBe(mapping.externalId);

    await user.click(within(panel).getByRole('button', { name: 'Keep mine on top of theirs' }));
    expect(await screen.findByText(/Now based on version/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

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
    expect(note).toHaveTextContent(
      `${OTHER_USER_SHOWN} saved version ${(mapping.version ?? 1) + 1}`,
    );
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

  it('says when a mapping does not exist, with the way back', async () => {
    await renderApp('/mappings/00000000-0000-4000-8000-000000000000');
    expect(
      await screen.findByRole('heading', { name: 'This mapping does not exist (any more)' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'External mapping' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to mappings' })).toHaveAttribute(
      'href',
      '/mappings',
    );
  });
});

describe('no lost work in a mapping edit', () => {
  it('offers an edit back after a reload, restores it, and discards it on request', async () => {
    const mapping = paddleCustomer();
    const first = await openEdit(mapping);
    await replaceText(first.user, 'External id', 'ctm_typed_before_reload');
    await waitFor(() => expect(draftsInThisTab()).toContain('ctm_typed_before_reload'));
    first.unmount();

    const second = await openEdit(mapping);
    const offer = screen.getByRole('status', { name: /unsaved changes from before/ });
    expect(offer).toHaveTextContent(`started from version ${mapping.version ?? 1}`);
    // Nothing is put in the form before the user says so.
    expect(field('External id')).toHaveValue(mapping.externalId);
    await second.user.click(within(offer).getByRole('button', { name: 'Restore my changes' }));
    expect(field('External id')).toHaveValue('ctm_typed_before_reload');
    // The offer is gone: the keyboard continues at Save, not at the top of the page.
    expect(screen.getByRole('button', { name: 'Save changes' })).toHaveFocus();
    expect(screen.queryByRole('status', { name: /unsaved changes/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Someone else saved/ })).not.toBeInTheDocument();
    second.unmount();

    const third = await openEdit(mapping);
    await third.user.click(
      within(screen.getByRole('status', { name: /unsaved changes from before/ })).getByRole(
        'button',
        { name: 'Discard them' },
      ),
    );
    expect(screen.queryByRole('status', { name: /unsaved changes/ })).not.toBeInTheDocument();
    expect(field('External id')).toHaveValue(mapping.externalId);
    expect(screen.getByRole('button', { name: 'Save changes' })).toHaveFocus();
    expect(draftsInThisTab()).not.toContain('ctm_typed_before_reload');
    third.unmount();

    // Discarded for good: the next visit starts from what is saved, with nothing on offer.
    await openEdit(mapping);
    expect(screen.queryByRole('status', { name: /unsaved changes/ })).not.toBeInTheDocument();
    expect(field('External id')).toHaveValue(mapping.externalId);
  });

  it('restoring a draft of an older version opens the conflict instead of overwriting', async () => {
    const mapping = paddleCustomer();
    const first = await openEdit(mapping);
    await replaceText(first.user, 'External id', 'ctm_my_draft');
    await waitFor(() => expect(draftsInThisTab()).toContain('ctm_my_draft'));
    first.unmount();
    // Meanwhile someone links the mapping to the Paddle config.
    const theirs = editElsewhere(mapping.id, { integrationConfigId: PADDLE_CONFIG });

    const { user, router } = await openEdit(mapping);
    await user.click(screen.getByRole('button', { name: 'Restore my changes' }));
    const panel = screen.getByRole('region', {
      name: 'Someone else saved this mapping while you were editing',
    });
    expect(panel).toHaveTextContent(`${OTHER_USER_SHOWN} saved version ${theirs.version ?? '?'}`);
    expect(within(panel).getByRole('row', { name: /^External id/ })).toHaveTextContent(
      'ctm_my_draft',
    );
    expect(screen.getByRole('button', { name: 'Save changes' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(demoStore().getMapping(mapping.id)).toMatchObject({
      externalId: mapping.externalId,
      integrationConfigId: PADDLE_CONFIG,
    });

    await user.click(within(panel).getByRole('button', { name: 'Keep mine on top of theirs' }));
    expect(field('External id')).toHaveValue('ctm_my_draft');
    expect(field('Integration config')).toHaveValue(PADDLE_CONFIG_LABEL);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/mappings/${mapping.id}`));
    expect(demoStore().getMapping(mapping.id)).toMatchObject({
      externalId: 'ctm_my_draft',
      integrationConfigId: PADDLE_CONFIG,
      version: (theirs.version ?? 0) + 1,
    });
  });

  it('writes the draft after typing pauses, and at once when the page is hidden', async () => {
    const mapping = paddleCustomer();
    const first = await openEdit(mapping);
    // One input event and pagehide in the same task: no timer can run in between.
    fireEvent.change(field('External id'), { target: { value: 'ctm_last_keystrokes' } });
    expect(field('External id')).toHaveValue('ctm_last_keystrokes');
    // Debounced: not written on every keystroke…
    expect(draftsInThisTab()).not.toContain('ctm_last_keystrokes');
    // …but a reload (pagehide) right after typing keeps the last keystrokes.
    fireEvent(window, new Event('pagehide'));
    expect(draftsInThisTab()).toContain('ctm_last_keystrokes');
    first.unmount();

    const second = await openEdit(mapping);
    const offer = screen.getByRole('status', { name: /unsaved changes from before/ });
    await second.user.click(within(offer).getByRole('button', { name: 'Restore my changes' }));
    expect(field('External id')).toHaveValue('ctm_last_keystrokes');
  });

  it('asks before leaving with unsaved edits', async () => {
    const mapping = paddleCustomer();
    const { user, router } = await openEdit(mapping);
    await replaceText(user, 'External id', 'ctm_unsaved');
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    await user.click(within(nav).getByRole('link', { name: /Integration runs/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay and keep editing' }));
    expect(router.state.location.pathname).toBe(`/mappings/${mapping.id}/edit`);
    expect(field('External id')).toHaveValue('ctm_unsaved');

    await user.click(within(nav).getByRole('link', { name: /Integration runs/ }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Leave without saving?' })).getByRole(
        'button',
        { name: 'Leave and discard changes' },
      ),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/runs'));
    // Leaving discarded the edit: it is not offered back.
    expect(draftsInThisTab()).not.toContain('ctm_unsaved');
  });
});

describe('mapping version conflicts', () => {
  /** I change the m3ter id and the external id; meanwhile they change the external id and link a config. */
  async function conflictAfterMyEdit() {
    const mapping = paddleCustomer();
    const v0 = mapping.version ?? 1;
    const app = await openEdit(mapping);
    await replaceText(app.user, 'm3ter id', OTHER_ACCOUNT);
    await replaceText(app.user, 'External id', 'ctm_MINE');
    editElsewhere(mapping.id, { externalId: 'ctm_THEIRS', integrationConfigId: PADDLE_CONFIG });
    await app.user.click(screen.getByRole('button', { name: 'Save changes' }));
    const panel = await screen.findByRole('region', {
      name: 'Someone else saved this mapping while you were editing',
    });
    expect(panel).toHaveTextContent(`${OTHER_USER_SHOWN} saved version ${v0 + 1}`);
    // Nothing is saved behind the user's back.
    expect(versionOf(mapping.id)).toBe(v0 + 1);
    expect(screen.getByRole('button', { name: 'Save changes' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    return { ...app, panel, mapping, v0 };
  }

  function expectResolvedOnto(version: number) {
    expect(screen.queryByRole('region', { name: /Someone else saved/ })).not.toBeInTheDocument();
    // Keyboard users continue at Save, and the page says which version the edit is now based on.
    expect(screen.getByRole('button', { name: 'Save changes' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Save changes' })).not.toHaveAttribute(
      'aria-disabled',
    );
    expect(screen.getByRole('status', { name: 'Not saved yet' })).toHaveTextContent(
      `Now based on version ${version}. Review the form, then save to create version ${version + 1}.`,
    );
  }

  it('takes theirs for everything', async () => {
    const { user, panel, mapping, v0 } = await conflictAfterMyEdit();
    await user.click(within(panel).getByRole('button', { name: /Take theirs/ }));
    expectResolvedOnto(v0 + 1);
    expect(field('m3ter id')).toHaveValue(mapping.m3terId);
    expect(field('External id')).toHaveValue('ctm_THEIRS');
    expect(field('Integration config')).toHaveValue(PADDLE_CONFIG_LABEL);
    expect(versionOf(mapping.id)).toBe(v0 + 1);
  });

  it('lets the user choose per field, then saves on top of their version', async () => {
    const { user, panel, mapping, v0, router } = await conflictAfterMyEdit();
    const externalIdChoice = within(panel).getByRole('radiogroup', {
      name: 'Keep for External id',
    });
    await user.click(within(externalIdChoice).getByRole('radio', { name: 'Theirs' }));
    await user.click(within(panel).getByRole('button', { name: 'Use my choices per field' }));
    expectResolvedOnto(v0 + 1);
    expect(field('m3ter id')).toHaveValue(OTHER_ACCOUNT);
    expect(field('External id')).toHaveValue('ctm_THEIRS');
    expect(field('Integration config')).toHaveValue(PADDLE_CONFIG_LABEL);

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/mappings/${mapping.id}`));
    expect(demoStore().getMapping(mapping.id)).toMatchObject({
      m3terId: OTHER_ACCOUNT,
      externalId: 'ctm_THEIRS',
      integrationConfigId: PADDLE_CONFIG,
      version: v0 + 2,
    });
  });

  it('does not say "changed elsewhere" about the user’s own save, nor when a refetch sees it', async () => {
    const mapping = paddleCustomer();
    const v0 = mapping.version ?? 1;
    // Every "Changed elsewhere" ever put on the page, however briefly.
    const raised: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.textContent?.includes('Changed elsewhere')) raised.push(node.textContent);
        }
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    try {
      // m3ter applies the save at once, but its answer is held: a detail refetch (the edit page's
      // poll) sees the new version before the save's own answer arrives.
      let release = () => {};
      const answered = new Promise<void>((resolve) => (release = resolve));
      server.use(
        http.put(MAPPING_URL, async ({ request, params }) => {
          const saved = demoStore().updateMapping(String(params.id), await request.clone().json());
          await answered;
          return HttpResponse.json(saved);
        }),
      );
      const { user, router, queryClient } = await openEdit(mapping);
      await replaceText(user, 'External id', 'ctm_my_own_save');
      await user.click(screen.getByRole('button', { name: 'Save changes' }));
      await waitFor(() => expect(versionOf(mapping.id)).toBe(v0 + 1));
      await queryClient.invalidateQueries({ queryKey: ['external-mappings', 'detail'] });
      // The page shows the refetched version (the subtitle names the new external id)…
      expect(
        await screen.findByText(/Paddle Customer ctm_my_own_save$/, { selector: 'p' }),
      ).toBeInTheDocument();
      // …and does not take the user's own save for someone else's.
      expect(screen.queryByRole('status', { name: /Changed elsewhere/ })).not.toBeInTheDocument();

      release();
      await waitFor(() => expect(router.state.location.pathname).toBe(`/mappings/${mapping.id}`));
      expect(
        await screen.findByText(`Saved the mapping as version ${v0 + 1}.`),
      ).toBeInTheDocument();
      await screen.findByRole('heading', { level: 1, name: 'Account → Paddle Customer' });
      expect(raised).toEqual([]);
    } finally {
      observer.disconnect();
    }
  });
});

describe('saving a mapping when m3ter does not answer', () => {
  it('says "not saved" when the network fails, keeps the input, and saves on retry', async () => {
    let failing = true;
    server.use(http.put(MAPPING_URL, () => (failing ? HttpResponse.error() : undefined)));
    const mapping = paddleCustomer();
    const v0 = mapping.version ?? 1;
    const { user, router } = await openEdit(mapping);
    await replaceText(user, 'External id', 'ctm_offline_edit');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert', {
      name: 'Not saved: your changes are still here',
    });
    expect(alert).toHaveTextContent(/Could not reach m3ter/);
    expect(field('External id')).toHaveValue('ctm_offline_edit');
    expect(versionOf(mapping.id)).toBe(v0);

    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/mappings/${mapping.id}`));
    expect(await screen.findByText(`Saved the mapping as version ${v0 + 1}.`)).toBeInTheDocument();
    expect(demoStore().getMapping(mapping.id)).toMatchObject({
      externalId: 'ctm_offline_edit',
      version: v0 + 1,
    });
  });

  it.each([
    ['a 2xx whose body is not a mapping', () => HttpResponse.json({ unexpected: true })],
    [
      'a 504 from the gateway',
      () => HttpResponse.json({ message: 'Gateway timeout' }, { status: 504 }),
    ],
  ])(
    'after %s, says the changes may have been saved, and the retry finds them saved instead of a conflict',
    async (_what, lostAnswer) => {
      let lose = true;
      server.use(
        http.put(MAPPING_URL, async ({ request, params }) => {
          if (!lose) return undefined;
          lose = false;
          // m3ter applies the save; the answer that comes back does not say so.
          demoStore().updateMapping(String(params.id), await request.clone().json());
          return lostAnswer();
        }),
      );
      const mapping = paddleCustomer();
      const v0 = mapping.version ?? 1;
      const { user, router } = await openEdit(mapping);
      await replaceText(user, 'External id', 'ctm_saved_twice');
      await user.click(screen.getByRole('button', { name: 'Save changes' }));
      const alert = await screen.findByRole('alert', { name: /your changes may have been saved/ });
      expect(alert).not.toHaveAccessibleName(/Not saved/);
      expect(field('External id')).toHaveValue('ctm_saved_twice');
      expect(versionOf(mapping.id)).toBe(v0 + 1);

      await user.click(within(alert).getByRole('button', { name: 'Retry' }));
      expect(
        await screen.findByText(`Your changes were already saved (version ${v0 + 1}).`),
      ).toBeInTheDocument();
      expect(screen.queryByRole('region', { name: /Someone else saved/ })).not.toBeInTheDocument();
      await waitFor(() => expect(router.state.location.pathname).toBe(`/mappings/${mapping.id}`));
      expect(demoStore().getMapping(mapping.id)).toMatchObject({
        externalId: 'ctm_saved_twice',
        version: v0 + 1,
      });
    },
  );

  it('puts a server 400 on the field it names, and an unplaced one at the top', async () => {
    server.use(
      http.put(MAPPING_URL, () =>
        HttpResponse.json(
          { message: 'externalId: ctm_404 does not exist in Paddle; quota reached' },
          { status: 400 },
        ),
      ),
    );
    const mapping = paddleCustomer();
    const { user, router } = await openEdit(mapping);
    await replaceText(user, 'External id', 'ctm_404');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const top = await screen.findByRole('alert', { name: 'm3ter rejected the save' });
    expect(top).toHaveTextContent('quota reached');
    expect(top).not.toHaveTextContent('ctm_404');
    expect(field('External id')).toHaveAccessibleDescription(/Ctm_404 does not exist in Paddle/);
    expect(field('External id')).toHaveValue('ctm_404');
    expect(router.state.location.pathname).toBe(`/mappings/${mapping.id}/edit`);
    expect(versionOf(mapping.id)).toBe(mapping.version ?? 1);
  });
});
