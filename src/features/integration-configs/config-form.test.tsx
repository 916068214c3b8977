import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoStore, server } from '../../mocks/node';
import { OTHER_USER_ID, SEED_IDS } from '../../mocks/seed';
import { renderApp, screen } from '../../test/render';

/** How the console names that user: a word and the id's first 8 characters (the full id on hover). */
const OTHER_USER_SHOWN = `User ${OTHER_USER_ID.slice('USER_'.length, 'USER_'.length + 8)}…`;

const CONFIGS_URL = '*/organizations/:orgId/integrationconfigs';
const CONFIG_URL = '*/organizations/:orgId/integrationconfigs/:id';
const STRIPE_EU = SEED_IDS.configs.stripeEu;

/** The seeded version of a config (seeds carry some history, so it is not always 1). */
function versionOf(id = STRIPE_EU): number {
  return demoStore().getConfig(id).version ?? 0;
}

/** Another person saves the config (the shared backend, not this form). */
function editElsewhere(id: string, changes: Record<string, unknown>) {
  const current = demoStore().getConfig(id);
  return demoStore().updateConfig(id, { ...current, ...changes }, { actor: OTHER_USER_ID });
}

async function openEdit(id = STRIPE_EU) {
  const app = await renderApp(`/configs/${id}/edit`);
  await screen.findByRole('heading', { name: /^Edit “/ });
  return app;
}

/** A text input or an autocomplete (role combobox) by its exact label. */
function input(name: string): HTMLElement {
  return screen.queryByRole('textbox', { name }) ?? screen.getByRole('combobox', { name });
}

async function replaceText(
  user: Awaited<ReturnType<typeof renderApp>>['user'],
  label: string,
  text: string,
) {
  const el = input(label);
  await user.clear(el);
  // user.type reads "{" and "[" as key descriptors; paste JSON as it is.
  if (text !== '') {
    el.focus();
    await user.paste(text);
  }
  await user.tab();
}

describe('creating a configuration', () => {
  it('keeps focus in the field being edited when Create is pressed, so the click is not lost', async () => {
    const { user } = await renderApp('/configs/new');
    await screen.findByRole('heading', { name: 'New integration configuration' });
    const entityId = input('Entity id');
    await user.click(entityId);
    await user.keyboard('1234');
    // Pressing the button must not blur the field: its error would push the button away mid-click.
    await user.pointer({
      keys: '[MouseLeft>]',
      target: screen.getByRole('button', { name: 'Create configuration' }),
    });
    expect(entityId).toHaveFocus();
    expect(entityId).not.toHaveAccessibleDescription(/Must be a UUID/);
    await user.pointer({ keys: '[/MouseLeft]' });
    // The click went through: the submit shows every error.
    expect(await screen.findByText(/Must be a UUID/)).toBeInTheDocument();
  });

  it('shows each bad input at its field, then creates the config and opens it', async () => {
    const { user, router } = await renderApp('/configs/new');
    await screen.findByRole('heading', { name: 'New integration configuration' });

    await replaceText(user, 'Name', 'EU webhook');
    await replaceText(user, 'Entity type', 'Bill Run');
    await replaceText(user, 'Destination', '');
    await replaceText(user, 'Entity id', '1234');
    await replaceText(user, 'Destination id', 'not-a-uuid');
    await replaceText(user, 'Credentials id', 'abc');
    await replaceText(user, 'configData (JSON object)', '{"url": "https://x.example", }');
    await user.click(screen.getByRole('button', { name: 'Create configuration' }));

    const field = input;
    expect(field('Entity type')).toHaveAccessibleDescription(/letters, digits/);
    expect(field('Destination')).toHaveAccessibleDescription(/Enter a destination/);
    expect(field('Entity id')).toHaveAccessibleDescription(/Must be a UUID/);
    expect(field('Destination id')).toHaveAccessibleDescription(/Must be a UUID/);
    expect(field('Credentials id')).toHaveAccessibleDescription(/Must be a UUID/);
    expect(field('configData (JSON object)')).toHaveAccessibleDescription(
      /Line 1, column 30: Trailing comma before \}/,
    );
    // The editor points at the error.
    await user.click(screen.getByRole('button', { name: /Go to the error in configData/ }));
    expect(field('configData (JSON object)')).toHaveFocus();
    expect((field('configData (JSON object)') as HTMLTextAreaElement).selectionStart).toBe(29);

    await replaceText(user, 'configData (JSON object)', '[1, 2]');
    expect(field('configData (JSON object)')).toHaveAccessibleDescription(/Must be a JSON object/);

    // Fix everything; nothing typed elsewhere was lost meanwhile.
    expect(field('Name')).toHaveValue('EU webhook');
    await replaceText(user, 'Entity type', 'Notification');
    await replaceText(user, 'Destination id', '');
    await replaceText(user, 'Destination', 'Webhook');
    await replaceText(user, 'Entity id', SEED_IDS.notifications[4]);
    // A webhook's destination is picked by name and host (m3ter's webhook destinations).
    await user.click(await screen.findByRole('combobox', { name: 'Webhook destination' }));
    await user.click(
      await screen.findByRole('option', {
        name: 'Slack relay — relay.acme.example.com',
        hidden: true,
      }),
    );
    await replaceText(user, 'Credentials id', '');
    await replaceText(
      user,
      'configData (JSON object)',
      '{"url": "https://x.example", "method": "POST"}',
    );
    await user.click(screen.getByRole('button', { name: 'Create configuration' }));

    expect(await screen.findByRole('heading', { name: 'EU webhook' })).toBeInTheDocument();
    const id = router.state.location.pathname.split('/').pop() ?? '';
    expect(demoStore().getConfig(id)).toMatchObject({
      name: 'EU webhook',
      entityType: 'Notification',
      destination: 'Webhook',
      entityId: SEED_IDS.notifications[4],
      destinationId: SEED_IDS.destinations.webhookSlack,
      configData: { url: 'https://x.example', method: 'POST' },
      version: 1,
    });
    // The new config names its destination.
    expect(
      await screen.findByRole('link', { name: 'Slack relay (relay.acme.example.com)' }),
    ).toBeInTheDocument();
  });

  it('sends new credentials without any secret and requires their type', async () => {
    let sent: unknown;
    server.use(
      http.post(CONFIGS_URL, async ({ request }) => {
        sent = await request.clone().json();
        return undefined;
      }),
    );
    const { user } = await renderApp('/configs/new');
    await screen.findByRole('heading', { name: 'New integration configuration' });
    await replaceText(user, 'Destination', 'Stripe');
    await user.click(screen.getByRole('switch', { name: 'Send new credentials with this save' }));
    await user.click(screen.getByRole('button', { name: 'Create configuration' }));
    expect(input('Credential type')).toHaveAccessibleDescription(/Choose a credential type/);
    await replaceText(user, 'Credential type', 'STRIPE_SIGNED_REQUEST');
    await replaceText(user, 'Credentials name', 'Stripe EU key');
    await user.click(screen.getByRole('button', { name: 'Create configuration' }));
    await screen.findByRole('heading', { name: 'Bill → Stripe' });
    expect(sent).toMatchObject({
      credentials: { type: 'STRIPE_SIGNED_REQUEST', name: 'Stripe EU key', empty: false },
    });
  });

  it('puts a server 400 on the field it names, and an unplaced one at the top', async () => {
    server.use(
      http.post(CONFIGS_URL, () =>
        HttpResponse.json(
          { message: 'destination: Stripe is not enabled for this organisation; quota reached' },
          { status: 400 },
        ),
      ),
    );
    const { user } = await renderApp('/configs/new');
    await screen.findByRole('heading', { name: 'New integration configuration' });
    await replaceText(user, 'Destination', 'Stripe');
    await user.click(screen.getByRole('button', { name: 'Create configuration' }));

    const top = await screen.findByRole('alert', { name: /m3ter rejected the save/ });
    expect(input('Destination')).toHaveAccessibleDescription(
      /Stripe is not enabled for this organisation/,
    );
    expect(top).toHaveTextContent('quota reached');
    expect(input('Destination')).toHaveValue('Stripe');
  });
});

describe('creating when m3ter does not answer', () => {
  function configsNamed(name: string) {
    return demoStore()
      .listConfigs({ pageSize: 200 })
      .data.filter((c) => c.name === name);
  }

  async function createWithLostAnswer(applied: boolean) {
    let lose = true;
    server.use(
      http.post(CONFIGS_URL, async ({ request }) => {
        if (!lose) return undefined;
        lose = false;
        // The server may apply the create before the answer is lost on the way back.
        if (applied) demoStore().createConfig(await request.clone().json());
        return HttpResponse.error();
      }),
    );
    const app = await renderApp('/configs/new');
    await screen.findByRole('heading', { name: 'New integration configuration' });
    await replaceText(app.user, 'Name', 'Lost answer');
    await replaceText(app.user, 'Destination', 'Stripe');
    await app.user.click(screen.getByRole('button', { name: 'Create configuration' }));
    const alert = await screen.findByRole('alert', { name: /may have created this configuration/ });
    expect(input('Name')).toHaveValue('Lost answer');
    await app.user.click(within(alert).getByRole('button', { name: 'Retry' }));
    return app;
  }

  it('on a retry, finds the config the unanswered attempt created instead of creating it twice', async () => {
    const { router } = await createWithLostAnswer(true);
    expect(
      await screen.findByText(/Your first attempt did create “Lost answer”/),
    ).toBeInTheDocument();
    const [created, ...more] = configsNamed('Lost answer');
    expect(more).toHaveLength(0);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/configs/${created?.id}`));
  });

  it('does not create twice when m3ter created it but its answer could not be read', async () => {
    let garble = true;
    server.use(
      http.post(CONFIGS_URL, async ({ request }) => {
        if (!garble) return undefined;
        garble = false;
        demoStore().createConfig(await request.clone().json());
        return new HttpResponse('<html>proxy error page</html>', {
          status: 201,
          headers: { 'Content-Type': 'text/html' },
        });
      }),
    );
    const { user } = await renderApp('/configs/new');
    await screen.findByRole('heading', { name: 'New integration configuration' });
    await replaceText(user, 'Name', 'Garbled answer');
    await replaceText(user, 'Destination', 'Stripe');
    await user.click(screen.getByRole('button', { name: 'Create configuration' }));
    const alert = await screen.findByRole('alert', { name: /may have created this configuration/ });
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByText(/Your first attempt did create “Garbled answer”/),
    ).toBeInTheDocument();
    expect(configsNamed('Garbled answer')).toHaveLength(1);
  });

  it('on a retry, creates it when the unanswered attempt did not', async () => {
    await createWithLostAnswer(false);
    expect(await screen.findByText('Created “Lost answer”.')).toBeInTheDocument();
    expect(configsNamed('Lost answer')).toHaveLength(1);
  });
});

describe('editing a configuration', () => {
  it('sends the whole entity with the edits on top, keeping fields the form does not show', async () => {
    // m3ter returns a field this console does not know; a full-replace PUT must keep it.
    server.use(
      http.get(CONFIG_URL, ({ params }) =>
        HttpResponse.json({ ...demoStore().getConfig(String(params.id)), billingRegion: 'eu-1' }),
      ),
    );
    let sent: Record<string, unknown> | undefined;
    server.use(
      http.put(CONFIG_URL, async ({ request }) => {
        sent = (await request.clone().json()) as Record<string, unknown>;
        return undefined;
      }),
    );
    const v0 = versionOf();
    const { user } = await openEdit();
    await replaceText(user, 'Name', 'Stripe – EU (renamed)');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('heading', { name: 'Stripe – EU (renamed)' });
    expect(sent).toMatchObject({
      name: 'Stripe – EU (renamed)',
      billingRegion: 'eu-1',
      version: v0,
      destinationId: SEED_IDS.destinations.stripeEu,
      configData: expect.objectContaining({ stripeAccount: 'acct_1NqEuAcme4t8Zb' }) as unknown,
    });
    expect(sent).not.toHaveProperty('lastModifiedBy');
    expect(versionOf()).toBe(v0 + 1);
  });

  it('says "not saved" when the network fails and saves on retry, keeping the input', async () => {
    let failing = true;
    server.use(http.put(CONFIG_URL, () => (failing ? HttpResponse.error() : undefined)));
    const v0 = versionOf();
    const { user } = await openEdit();
    await replaceText(user, 'Name', 'Offline edit');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert', { name: /Not saved/ });
    expect(alert).toHaveTextContent(/Could not reach m3ter/);
    expect(input('Name')).toHaveValue('Offline edit');

    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { name: 'Offline edit' })).toBeInTheDocument();
    expect(demoStore().getConfig(STRIPE_EU)).toMatchObject({
      name: 'Offline edit',
      version: v0 + 1,
    });
  });

  it('on a retry whose first attempt did go through, says it is already saved instead of a conflict', async () => {
    let lose = true;
    server.use(
      http.put(CONFIG_URL, async ({ request, params }) => {
        if (!lose) return undefined;
        // The server applies the save, then the answer is lost on the way back.
        demoStore().updateConfig(String(params.id), await request.clone().json());
        return HttpResponse.error();
      }),
    );
    const v0 = versionOf();
    const { user } = await openEdit();
    await replaceText(user, 'Name', 'Saved twice?');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert', { name: /Not saved/ });
    lose = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(
      await screen.findByText(`Your changes were already saved: version ${v0 + 1} holds them.`),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Someone else saved/ })).not.toBeInTheDocument();
    expect(versionOf()).toBe(v0 + 1);
  });
});

describe('saving when the answer cannot be read', () => {
  it('does not claim "not saved" when m3ter saved the edit, and says so on retry', async () => {
    let garble = true;
    server.use(
      http.put(CONFIG_URL, async ({ request, params }) => {
        if (!garble) return undefined;
        garble = false;
        demoStore().updateConfig(String(params.id), await request.clone().json());
        return HttpResponse.json({ unexpected: true });
      }),
    );
    const v0 = versionOf();
    const { user } = await openEdit();
    await replaceText(user, 'Name', 'Garbled save');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const alert = await screen.findByRole('alert', { name: /may have been saved/ });
    expect(alert).not.toHaveAccessibleName(/Not saved/);
    expect(input('Name')).toHaveValue('Garbled save');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByText(`Your changes were already saved: version ${v0 + 1} holds them.`),
    ).toBeInTheDocument();
    expect(versionOf()).toBe(v0 + 1);
  });
});

describe('version conflicts', () => {
  async function conflictAfterMyEdit() {
    const v0 = versionOf();
    const app = await openEdit();
    await replaceText(app.user, 'Name', 'Mine: Stripe EU');
    await replaceText(app.user, 'Entity id', SEED_IDS.bills.started);
    editElsewhere(STRIPE_EU, {
      name: 'Theirs: Stripe EU',
      configData: { currency: 'GBP' },
    });
    await app.user.click(screen.getByRole('button', { name: 'Save changes' }));
    const panel = await screen.findByRole('region', {
      name: /Someone else saved this configuration/,
    });
    return { ...app, panel, v0 };
  }

  it('shows the conflict field by field with who changed it, and keeps mine on top of theirs', async () => {
    const { user, panel, v0 } = await conflictAfterMyEdit();
    expect(panel).toHaveTextContent(OTHER_USER_SHOWN);
    expect(within(panel).getByTitle(OTHER_USER_ID)).toHaveTextContent(OTHER_USER_SHOWN);
    expect(panel).toHaveTextContent(`version ${v0 + 1}`);
    const nameRow = within(panel).getByRole('row', { name: /^Name/ });
    expect(nameRow).toHaveTextContent('Stripe – EU invoices');
    expect(nameRow).toHaveTextContent('Mine: Stripe EU');
    expect(nameRow).toHaveTextContent('Theirs: Stripe EU');
    expect(within(nameRow).getByText('edited by you')).toBeInTheDocument();
    // In the long JSON of configData, only the line they changed is marked.
    const dataRow = within(panel).getByRole('row', { name: /configData/ });
    expect([...dataRow.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      '  "currency": "GBP"',
    ]);
    // Nothing is saved behind the user's back.
    expect(versionOf()).toBe(v0 + 1);
    expect(screen.getByRole('button', { name: 'Save changes' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(screen.getByText(/^Editing version/)).toHaveTextContent(`Editing version ${v0}.`);

    await user.click(within(panel).getByRole('button', { name: 'Keep mine on top of theirs' }));
    expect(screen.queryByRole('region', { name: /Someone else saved/ })).not.toBeInTheDocument();
    // The page no longer claims the edit is based on the version it started from.
    expect(screen.getByText(/^Editing version/)).toHaveTextContent(`Editing version ${v0 + 1}.`);
    expect(screen.getByRole('button', { name: 'Save changes' })).toHaveFocus();
    expect(input('Name')).toHaveValue('Mine: Stripe EU');
    expect(input('configData (JSON object)')).toHaveValue(
      JSON.stringify({ currency: 'GBP' }, null, 2),
    );
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('heading', { name: 'Mine: Stripe EU' });
    expect(demoStore().getConfig(STRIPE_EU)).toMatchObject({
      version: v0 + 2,
      name: 'Mine: Stripe EU',
      entityId: SEED_IDS.bills.started,
      configData: { currency: 'GBP' },
    });
  });

  it('takes theirs for everything', async () => {
    const { user, panel } = await conflictAfterMyEdit();
    await user.click(within(panel).getByRole('button', { name: /Take theirs/ }));
    expect(input('Name')).toHaveValue('Theirs: Stripe EU');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Edit “Theirs: Stripe EU”');
    expect(input('Entity id')).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Save changes' })).not.toHaveAttribute(
      'aria-disabled',
    );
  });

  it('lets the user choose per field', async () => {
    const { user, panel, v0 } = await conflictAfterMyEdit();
    const nameChoice = within(panel).getByRole('radiogroup', { name: 'Keep for Name' });
    await user.click(within(nameChoice).getByRole('radio', { name: 'Theirs' }));
    await user.click(within(panel).getByRole('button', { name: 'Use my choices per field' }));
    expect(input('Name')).toHaveValue('Theirs: Stripe EU');
    expect(input('Entity id')).toHaveValue(SEED_IDS.bills.started);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('heading', { name: 'Theirs: Stripe EU' });
    expect(demoStore().getConfig(STRIPE_EU)).toMatchObject({
      version: v0 + 2,
      entityId: SEED_IDS.bills.started,
      configData: { currency: 'GBP' },
    });
  });

  it('makes no new version when Save is pressed with nothing changed', async () => {
    const v0 = versionOf();
    const { user } = await openEdit();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const note = await screen.findByRole('status', { name: 'Nothing to save' });
    expect(note).toHaveTextContent(`Nothing has changed since version ${v0}`);
    expect(versionOf()).toBe(v0);
    // An edit takes the note away, and then Save saves.
    await replaceText(user, 'Name', 'Stripe EU, renamed');
    expect(screen.queryByRole('status', { name: 'Nothing to save' })).not.toBeInTheDocument();
  });

  it('notes quietly when a background refetch sees a newer version', async () => {
    const v0 = versionOf();
    const { user, queryClient } = await openEdit();
    await replaceText(user, 'Name', 'Still typing');
    editElsewhere(STRIPE_EU, { name: 'Saved elsewhere' });
    await queryClient.invalidateQueries();
    const note = await screen.findByRole('status', { name: /Changed elsewhere/ });
    expect(note).toHaveTextContent(`${OTHER_USER_SHOWN} saved version ${v0 + 1}`);
    expect(input('Name')).toHaveValue('Still typing');
  });
});

describe('no lost work', () => {
  it('offers an edit back after a reload, and discards it on request', async () => {
    const first = await openEdit();
    await replaceText(first.user, 'Name', 'Typed before the reload');
    await waitFor(() =>
      expect(JSON.stringify(window.sessionStorage)).toContain('Typed before the reload'),
    );
    first.unmount();

    const second = await openEdit();
    const offer = screen.getByRole('status', { name: /unsaved changes from before/ });
    expect(input('Name')).toHaveValue('Stripe – EU invoices');
    await second.user.click(within(offer).getByRole('button', { name: 'Restore my changes' }));
    expect(input('Name')).toHaveValue('Typed before the reload');
    second.unmount();

    const third = await openEdit();
    await third.user.click(
      within(screen.getByRole('status', { name: /unsaved changes/ })).getByRole('button', {
        name: 'Discard them',
      }),
    );
    expect(screen.queryByRole('status', { name: /unsaved changes/ })).not.toBeInTheDocument();
    expect(JSON.stringify(window.sessionStorage)).not.toContain('Typed before the reload');
  });

  it('restoring a draft of an older version opens the conflict instead of overwriting', async () => {
    const first = await openEdit();
    await replaceText(first.user, 'Name', 'My draft name');
    await waitFor(() => expect(JSON.stringify(window.sessionStorage)).toContain('My draft name'));
    first.unmount();
    editElsewhere(STRIPE_EU, { configData: { currency: 'CHF' } });

    const second = await openEdit();
    await second.user.click(screen.getByRole('button', { name: 'Restore my changes' }));
    const panel = screen.getByRole('region', { name: /Someone else saved/ });
    await second.user.click(
      within(panel).getByRole('button', { name: 'Keep mine on top of theirs' }),
    );
    expect(input('Name')).toHaveValue('My draft name');
    expect(input('configData (JSON object)')).toHaveValue(
      JSON.stringify({ currency: 'CHF' }, null, 2),
    );
  });

  it('never keeps a secret typed into configData in the draft, and restoring keeps the saved one', async () => {
    editElsewhere(STRIPE_EU, { configData: { accountId: 'acct_9', apiKey: 'sk_live_saved' } });
    const first = await openEdit();
    await replaceText(first.user, 'Name', 'Renamed before the reload');
    await waitFor(() =>
      expect(JSON.stringify(window.sessionStorage)).toContain('Renamed before the reload'),
    );
    expect(JSON.stringify(window.sessionStorage)).not.toContain('sk_live_saved');
    first.unmount();

    const second = await openEdit();
    const offer = screen.getByRole('status', { name: /unsaved changes from before/ });
    expect(offer).toHaveTextContent(/secret-looking keys in configData/);
    await second.user.click(within(offer).getByRole('button', { name: 'Restore my changes' }));
    expect(input('Name')).toHaveValue('Renamed before the reload');
    await second.user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(demoStore().getConfig(STRIPE_EU)).toMatchObject({
        name: 'Renamed before the reload',
        configData: { accountId: 'acct_9', apiKey: 'sk_live_saved' },
      }),
    );
  });

  it('asks before leaving with unsaved edits', async () => {
    const { user, router } = await openEdit();
    await replaceText(user, 'Name', 'Unsaved');
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    await user.click(within(nav).getByRole('link', { name: /Integration runs/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay and keep editing' }));
    expect(router.state.location.pathname).toBe(`/configs/${STRIPE_EU}/edit`);
    expect(input('Name')).toHaveValue('Unsaved');

    await user.click(within(nav).getByRole('link', { name: /Integration runs/ }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Leave without saving?' })).getByRole(
        'button',
        { name: 'Leave and discard changes' },
      ),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/runs'));
  });
});
