import { waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoStore } from '../../mocks/node';
import { OTHER_USER_ID, SEED_IDS } from '../../mocks/seed';
import { renderApp, screen } from '../../test/render';

const API_KEY = 'ak_typed_7f3d';
const SECRET = 'sh_typed_91c2';
const SLACK = SEED_IDS.destinations.webhookSlack;

type User = Awaited<ReturnType<typeof renderApp>>['user'];

function field(name: string | RegExp): HTMLElement {
  return screen.getByLabelText(name, { selector: 'input' });
}

async function type(user: User, label: string | RegExp, text: string) {
  const el = field(label);
  await user.clear(el);
  if (text !== '') await user.type(el, text);
  await user.tab();
}

async function openCreate() {
  const app = await renderApp('/destinations/webhooks/new');
  await screen.findByRole('heading', { name: 'New webhook destination' });
  return app;
}

async function fillValid(user: User, url = 'https://hooks.finance.example.com/m3ter') {
  await type(user, /^Name/, 'Finance warehouse');
  await type(user, /^Description/, 'Approved Bills');
  await type(user, /^URL/, url);
  await type(user, /^API key/, API_KEY);
  await type(user, /^Secret/, SECRET);
}

describe('webhook destination form: the URL', () => {
  it.each([
    ['http://hooks.example.com/m3ter', /Use https:\/\/: m3ter sends webhooks over HTTPS only/],
    ['https://', /The URL needs a host/],
    ['https:///m3ter', /The URL needs a host/],
    ['https://hooks example.com/m3ter', /A URL cannot contain spaces/],
    ['hooks.example.com', /Enter a whole URL/],
  ])('refuses %s at the field, keeping what was typed', async (url, message) => {
    const { user } = await openCreate();
    await fillValid(user, url);
    await user.click(screen.getByRole('button', { name: 'Create destination' }));
    const input = field(/^URL/);
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveValue(url);
    expect(field(/^Name/)).toHaveValue('Finance warehouse');
  });

  it("puts m3ter's 400 for a host that does not resolve at the URL field", async () => {
    const { user } = await openCreate();
    await fillValid(user, 'https://hooks.does-not-resolve.example/m3ter');
    await type(user, /^URL/, 'https://does-not-resolve.example/m3ter');
    await user.click(screen.getByRole('button', { name: 'Create destination' }));
    expect(
      await screen.findByText(
        'Unable to resolve host does-not-resolve.example: the URL must be a valid DNS name',
      ),
    ).toBeInTheDocument();
    expect(field(/^URL/)).toHaveAttribute('aria-invalid', 'true');
    // Nothing typed is lost, the credentials included (they stay in memory, never in a draft).
    expect(field(/^Name/)).toHaveValue('Finance warehouse');
    expect(field(/^Secret/)).toHaveValue(SECRET);
    await type(user, /^URL/, 'https://hooks.finance.example.com/m3ter');
    await user.click(screen.getByRole('button', { name: 'Create destination' }));
    expect(await screen.findByRole('heading', { name: 'Finance warehouse' })).toBeInTheDocument();
    expect(screen.getByText(/api key and secret stored/)).toBeInTheDocument();
  });
});

describe('webhook destination form: write-only credentials', () => {
  it('requires them on create and never renders, keeps in a draft or caches them', async () => {
    const first = await openCreate();
    await type(first.user, /^Name/, 'Draft hook');
    await type(first.user, /^API key/, API_KEY);
    await type(first.user, /^Secret/, SECRET);
    await waitFor(() => expect(JSON.stringify(window.sessionStorage)).toContain('Draft hook'));
    expect(JSON.stringify(window.sessionStorage)).not.toContain(API_KEY);
    expect(JSON.stringify(window.sessionStorage)).not.toContain(SECRET);
    // Not in the markup either (the inputs are uncontrolled: no value attribute).
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(document.body.innerHTML).not.toContain(API_KEY);
    first.unmount();

    const second = await openCreate();
    const offer = screen.getByRole('status', { name: /unsaved changes from before/ });
    expect(within(offer).getByText(/never kept in a draft/)).toBeInTheDocument();
    await second.user.click(within(offer).getByRole('button', { name: 'Restore my changes' }));
    expect(field(/^Name/)).toHaveValue('Draft hook');
    expect(field(/^API key/)).toHaveValue('');
    expect(field(/^Secret/)).toHaveValue('');
    await second.user.click(screen.getByRole('button', { name: 'Create destination' }));
    expect(await screen.findByText('Enter the api key')).toBeInTheDocument();
    expect(screen.getByText('Enter the secret')).toBeInTheDocument();
  });

  it('on edit, blank keeps the stored credentials; the cache never holds them', async () => {
    const { user, queryClient } = await renderApp(`/destinations/webhooks/${SLACK}/edit`);
    await screen.findByRole('heading', { name: 'Edit “Slack relay”' });
    expect(
      screen.getAllByText('Stored — leave blank to keep it, or type a new one to replace it.'),
    ).toHaveLength(2);
    const before = demoStore().getWebhookDestination(SLACK);
    await type(user, /^Description/, 'Relays to #billing-alerts');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { name: 'Slack relay' })).toBeInTheDocument();
    const after = demoStore().getWebhookDestination(SLACK);
    expect(after.description).toBe('Relays to #billing-alerts');
    expect(after.credentials).toEqual(before.credentials);
    const cached = JSON.stringify(
      queryClient
        .getQueryCache()
        .getAll()
        .map((q) => q.state.data),
    );
    expect(cached).not.toMatch(/"secret"|"apiKey"|\*\*\*\*/);
  });

  it('forgets a typed secret once the save is done (the mutation cache keeps no variables)', async () => {
    const { user, queryClient } = await renderApp(`/destinations/webhooks/${SLACK}/edit`);
    await screen.findByRole('heading', { name: 'Edit “Slack relay”' });
    await type(user, /^Secret/, SECRET);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { name: 'Slack relay' })).toBeInTheDocument();
    await waitFor(() =>
      expect(
        JSON.stringify(
          queryClient
            .getMutationCache()
            .getAll()
            .map((m) => m.state.variables),
        ),
      ).not.toContain(SECRET),
    );
    expect(JSON.stringify(window.sessionStorage)).not.toContain(SECRET);
    expect(JSON.stringify(window.localStorage)).not.toContain(SECRET);
  });

  it('a save from another tab opens the field-by-field conflict', async () => {
    const { user } = await renderApp(`/destinations/webhooks/${SLACK}/edit`);
    await screen.findByRole('heading', { name: 'Edit “Slack relay”' });
    const current = demoStore().getWebhookDestination(SLACK);
    demoStore().updateWebhookDestination(
      SLACK,
      {
        name: 'Slack relay (theirs)',
        description: current.description,
        url: current.url,
        code: current.code,
        credentials: { type: 'M3TER_SIGNED_REQUEST' },
        version: current.version,
      },
      { actor: OTHER_USER_ID },
    );
    await type(user, /^Name/, 'Slack relay (mine)');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/Slack relay \(theirs\)/)).toBeInTheDocument();
    expect(field(/^Name/)).toHaveValue('Slack relay (mine)');
  });
});
