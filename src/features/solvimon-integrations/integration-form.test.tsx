import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { SOLVIMON_SECRET_MASK, withoutSolvimonSecrets } from '../../api/solvimon';
import { server, solvimonDemoStore } from '../../mocks/node';
import { SOLVIMON_SEED_IDS } from '../../mocks/solvimon/seed';
import { renderApp, screen, type RenderAppResult } from '../../test/render';

type User = RenderAppResult['user'];

const INTEGRATION_URL = '*/v1/integrations/:id';

/** A text input or a select (role combobox) by its exact label. */
function input(name: string | RegExp): HTMLElement {
  return (
    screen.queryByRole('textbox', { name }) ??
    // A password input has no role; its label may end in the required mark.
    screen.queryByLabelText(typeof name === 'string' ? new RegExp(`^${name}( \\*)?$`) : name, {
      selector: 'input[type="password"]',
    }) ??
    screen.getByRole('combobox', { name })
  );
}

async function type(user: User, label: string | RegExp, text: string) {
  const el = input(label);
  await user.clear(el);
  if (text !== '') await user.type(el, text);
}

async function choose(user: User, label: string | RegExp, option: string | RegExp) {
  await user.click(input(label));
  await user.click(await screen.findByRole('option', { name: option, hidden: true }));
}

async function openCreate() {
  const app = await renderApp('/solvimon/integrations/new');
  await screen.findByRole('heading', { name: 'New Solvimon integration' });
  return app;
}

async function openEdit(id: string) {
  const app = await renderApp(`/solvimon/integrations/${id}/edit`);
  await screen.findByRole('heading', { name: /^Edit “/ });
  return app;
}

const submit = (user: User, name = 'Create integration') =>
  user.click(screen.getByRole('button', { name }));

/** Another person saves the integration in Solvimon (the shared backend, not this form). */
function editElsewhere(id: string, changes: Record<string, unknown>) {
  // As another client would send it: the stored secrets left out, so they are kept.
  const current = withoutSolvimonSecrets(solvimonDemoStore().get(id));
  const { id: _id, object_type: _o, message: _m, status: _s, ...rest } = current;
  return solvimonDemoStore().update(id, {
    ...rest,
    name: rest.name ?? '',
    description: rest.description ?? '',
    linked_resources_configurations: rest.linked_resources_configurations ?? [],
    ...changes,
  });
}

describe('creating a Solvimon integration', () => {
  it('creates a Stripe gateway with its signing secret, which never shows again', async () => {
    const { user, router } = await openCreate();
    await type(user, 'Reference', 'stripe-nl-live');
    await type(user, 'Name', 'Stripe NL');
    await choose(user, 'Type', /^Payment gateway/);
    await choose(user, 'Provider', 'Stripe');
    await type(user, 'Publishable key', 'pk_live_nl');
    await type(user, 'Webhook signing secret', 'whsec_typed_1');
    await submit(user);
    await waitFor(() =>
      expect(router.state.location.pathname).toMatch(/^\/solvimon\/integrations\/intg_/),
    );
    const id = router.state.location.pathname.split('/').pop() ?? '';
    expect(solvimonDemoStore().get(id)).toMatchObject({
      reference: 'stripe-nl-live',
      status: 'DRAFT',
      payment_gateway: { variant: 'STRIPE', stripe: { public_key: 'pk_live_nl' } },
    });
    expect(solvimonDemoStore().secretsOf(id)).toEqual(['payment_gateway.stripe.signing_secret']);
    expect(document.body.innerHTML).not.toContain('whsec_typed_1');
  });

  it.each([
    [
      'Payment gateway · Stripe',
      /^Payment gateway/,
      [['Provider', 'Stripe']],
      { 'Publishable key': 'Enter the publishable key' },
    ],
    [
      'Payment gateway · Adyen (live)',
      /^Payment gateway/,
      [
        ['Provider', 'Adyen'],
        ['Environment', 'Live'],
      ],
      {
        'Company account': 'Enter the company account',
        'Live URL prefix': 'Enter the live URL prefix',
      },
    ],
    [
      'Data export · S3 with a role',
      /^Data export/,
      [
        ['Destination', 'Amazon S3'],
        ['Access', 'IAM role'],
      ],
      {
        'Bucket name': 'Enter the bucket name',
        Region: 'Enter the region',
        'Role ARN': 'Enter the role ARN',
      },
    ],
    [
      'Data export · BigQuery',
      /^Data export/,
      [['Destination', 'BigQuery']],
      {
        'Project id': 'Enter the project id',
        'Dataset id': 'Enter the dataset id',
        'Staging bucket (GCS)': 'Enter the staging bucket (GCS)',
        'HMAC key access id': 'Enter the HMAC key access id',
      },
    ],
    [
      'Data export · GCS',
      /^Data export/,
      [['Destination', 'Google Cloud Storage']],
      { 'Bucket name': 'Enter the bucket name' },
    ],
    [
      'Data export · Snowflake',
      /^Data export/,
      [['Destination', 'Snowflake']],
      { Host: 'Enter the host', Database: 'Enter the database' },
    ],
    [
      'Tax calculation',
      /^Tax calculation/,
      [['Tax engine', 'AvaTax']],
      { 'AvaTax company code': 'Enter the AvaTax company code' },
    ],
    [
      'Email provider · Mailgun',
      /^Email provider/,
      [
        ['Email provider', 'Mailgun'],
        ['Delivery window', 'Days'],
      ],
      {
        'Sending domain': 'Enter the sending domain',
        Region: 'Choose the region',
        'Number of them': 'Enter the number of them',
      },
    ],
  ] as const)(
    '%s: each missing field is named at the field',
    async (_case, typeOption, choices, expected) => {
      const { user } = await openCreate();
      await type(user, 'Reference', 'new-one');
      await choose(user, 'Type', typeOption);
      for (const [label, option] of choices) await choose(user, label, option);
      await submit(user);
      for (const [label, message] of Object.entries(expected)) {
        await waitFor(() =>
          expect(input(label)).toHaveAccessibleDescription(expect.stringContaining(message)),
        );
      }
      expect(screen.getByRole('heading', { name: 'New Solvimon integration' })).toBeInTheDocument();
    },
  );

  it('checks the common fields and the credentials at their fields', async () => {
    const { user } = await openCreate();
    await type(user, 'Reference', 'has space');
    await submit(user);
    expect(input('Reference')).toHaveAccessibleDescription(
      expect.stringContaining('Must not contain spaces'),
    );
    expect(input('Type')).toHaveAccessibleDescription(
      expect.stringContaining('Choose what this integration is for'),
    );
    await choose(user, 'Type', /^Email provider/);
    await choose(user, 'Email provider', 'Solvimon’s own sender');
    await choose(user, 'Method', 'API key');
    await submit(user);
    await waitFor(() =>
      expect(input('Header name')).toHaveAccessibleDescription(
        expect.stringContaining('Enter the header name'),
      ),
    );
    expect(input('API key')).toHaveAccessibleDescription(
      expect.stringContaining('Enter the API key: none is stored'),
    );
  });

  it('puts a taken reference on Reference, keeping everything typed', async () => {
    const { user } = await openCreate();
    await type(user, 'Reference', 'stripe-eu-live');
    await choose(user, 'Type', /^Email provider/);
    await choose(user, 'Email provider', 'Solvimon’s own sender');
    await submit(user);
    await waitFor(() => expect(input('Reference')).toHaveAccessibleDescription(/already/i));
    expect(input('Reference')).toHaveValue('stripe-eu-live');
    expect(input('Reference')).toHaveFocus();
  });

  it('builds an e-invoicing mandate with a mapping and a condition group, row by row', async () => {
    const { user, router } = await openCreate();
    await type(user, 'Reference', 'avalara-nl');
    await choose(user, 'Type', /^E-invoicing/);
    await choose(user, 'Processor', 'Avalara');
    await submit(user);
    expect(await screen.findByText('Add at least one mandate')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a mandate' }));
    const mandate = screen.getByRole('region', { name: 'Mandate 1' });
    await user.type(
      within(mandate).getByRole('textbox', { name: 'Name of mandate 1' }),
      'NL-B2B-PEPPOL',
    );
    await user.type(within(mandate).getByRole('textbox', { name: /^Country/ }), 'NL');
    await user.click(within(mandate).getByRole('button', { name: 'Add a mapping to mandate 1' }));
    await user.type(
      within(mandate).getByRole('textbox', { name: /^E-invoice field/ }),
      'cbc:BuyerReference',
    );
    await user.type(
      within(mandate).getByRole('textbox', { name: /^Solvimon field/ }),
      'invoice.po',
    );
    await user.click(
      within(mandate).getByRole('button', { name: 'Add a condition group to mandate 1' }),
    );
    await user.type(
      within(mandate).getByRole('textbox', {
        name: /^Field \(condition 1 of group 1 of mandate 1\)/,
      }),
      'customer.country',
    );
    await submit(user);
    await waitFor(() =>
      expect(
        within(mandate).getByRole('textbox', {
          name: /^Value \(condition 1 of group 1 of mandate 1\)/,
        }),
      ).toHaveAccessibleDescription(expect.stringContaining('Enter the value to compare with')),
    );
    await user.type(
      within(mandate).getByRole('textbox', {
        name: /^Value \(condition 1 of group 1 of mandate 1\)/,
      }),
      'NL',
    );
    await submit(user);
    await waitFor(() =>
      expect(router.state.location.pathname).toMatch(/^\/solvimon\/integrations\/intg_/),
    );
    const id = router.state.location.pathname.split('/').pop() ?? '';
    expect(solvimonDemoStore().get(id).e_invoicing?.mandates).toEqual([
      expect.objectContaining({
        name: 'NL-B2B-PEPPOL',
        country: 'NL',
        mappings: [expect.objectContaining({ target: 'cbc:BuyerReference', source: 'invoice.po' })],
        condition_groups: [
          { conditions: [{ field: 'customer.country', comparator_type: 'EQUALS', value: 'NL' }] },
        ],
      }),
    ]);
  });
});

describe('editing a Solvimon integration', () => {
  it('shows stored secrets only as stored, and never keeps a typed one in the draft', async () => {
    const { user } = await openEdit(SOLVIMON_SEED_IDS.stripeLive);
    const secret = input('Webhook signing secret');
    expect(secret).toHaveValue('');
    expect(secret).toHaveAccessibleDescription(
      expect.stringContaining('Stored — leave blank to keep it'),
    );
    expect(document.body.innerHTML).not.toContain(SOLVIMON_SECRET_MASK);
    await user.type(secret, 'whsec_never_kept');
    // Typed, but not in the page's HTML (a controlled input would mirror it into its value attribute).
    expect(secret).toHaveValue('whsec_never_kept');
    expect(document.body.innerHTML).not.toContain('whsec_never_kept');
    await type(user, 'Name', 'Stripe EU (renamed)');
    await waitFor(() =>
      expect(JSON.stringify({ ...sessionStorage })).toContain('Stripe EU (renamed)'),
    );
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('whsec_never_kept');
    expect(JSON.stringify({ ...localStorage })).not.toContain('whsec_never_kept');
  });

  it('edits a mandate’s condition and saves only that', async () => {
    const id = SOLVIMON_SEED_IDS.avalaraEu;
    const before = solvimonDemoStore().get(id);
    const { user, router } = await openEdit(id);
    const mandate = screen.getByRole('region', { name: 'Mandate 2' });
    const value = within(mandate).getByRole('textbox', {
      name: /^Value \(condition 2 of group 1 of mandate 2\)/,
    });
    expect(value).toHaveValue('PUBLIC,GOVERNMENT');
    await user.clear(value);
    await user.type(value, 'PUBLIC');
    await submit(user, 'Save changes');
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/solvimon/integrations/${id}`),
    );
    const after = solvimonDemoStore().get(id);
    expect(after.e_invoicing?.mandates?.[1]?.condition_groups?.[0]?.conditions?.[1]?.value).toBe(
      'PUBLIC',
    );
    expect({ ...after, e_invoicing: null }).toEqual({ ...before, e_invoicing: null });
    expect(solvimonDemoStore().secretsOf(id)).toEqual([
      'authentication.client_credentials.client_secret',
    ]);
  });

  it('puts a 400 naming a field on that field and keeps the edit', async () => {
    server.use(
      http.patch(INTEGRATION_URL, () =>
        HttpResponse.json(
          {
            type: 'INVALID_REQUEST',
            code: 'INVALID_FIELD',
            field: 'payment_gateway.stripe.public_key',
            message: 'payment_gateway.stripe.public_key: is not a Stripe publishable key',
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = await openEdit(SOLVIMON_SEED_IDS.stripeLive);
    await type(user, 'Publishable key', 'pk_live_other_account');
    await submit(user, 'Save changes');
    await waitFor(() =>
      expect(input('Publishable key')).toHaveAccessibleDescription(
        expect.stringContaining('Is not a Stripe publishable key'),
      ),
    );
    expect(input('Publishable key')).toHaveValue('pk_live_other_account');
  });

  it('shows a rejection about a field the form does not show in the form-level alert', async () => {
    server.use(
      http.patch(INTEGRATION_URL, () =>
        HttpResponse.json(
          {
            type: 'INVALID_REQUEST',
            code: 'INVALID_FIELD',
            field: 'data_export.s3.bucket_name',
            message: 'data_export.s3.bucket_name: only for DATA_EXPORT integrations',
          },
          { status: 400 },
        ),
      ),
    );
    const { user } = await openEdit(SOLVIMON_SEED_IDS.stripeLive);
    await type(user, 'Name', 'Stripe EU (renamed)');
    await submit(user, 'Save changes');
    const alert = await screen.findByRole('alert', { name: 'Solvimon rejected the save' });
    expect(alert).toHaveTextContent('only for DATA_EXPORT integrations');
  });

  it('says so when a linked resource has no link left', async () => {
    const { user } = await openEdit(SOLVIMON_SEED_IDS.stripeLive);
    await user.click(screen.getByRole('button', { name: 'Remove link 1.1' }));
    await submit(user, 'Save changes');
    expect(await screen.findByText('Add a link, or remove the resource')).toBeInTheDocument();
  });

  it('keeps keyboard focus on Save while saving and when the save fails, and keeps every value', async () => {
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.patch(INTEGRATION_URL, async () => {
        await answered;
        return HttpResponse.json(
          { type: 'API_ERROR', code: 'INTERNAL_ERROR', message: 'Boom' },
          { status: 500 },
        );
      }),
    );
    const { user } = await openEdit(SOLVIMON_SEED_IDS.mailgunEu);
    await type(user, 'Name', 'Mailgun EU (kept)');
    const save = screen.getByRole('button', { name: 'Save changes' });
    save.focus();
    await user.keyboard('{Enter}');
    // Busy, but never `disabled`: a browser moves focus off a button that becomes disabled.
    await waitFor(() => expect(save).toHaveAttribute('aria-busy', 'true'));
    expect(save).not.toBeDisabled();
    answer();
    expect(await screen.findByText('Not saved: your changes are still here')).toBeInTheDocument();
    expect(save).toHaveFocus();
    expect(input('Name')).toHaveValue('Mailgun EU (kept)');
  });

  it('reads again before saving: a change made elsewhere opens the conflict, and keep mine saves on top of it', async () => {
    const id = SOLVIMON_SEED_IDS.mailgunEu;
    const { user, router } = await openEdit(id);
    await type(user, 'Name', 'Mine: Mailgun EU');
    editElsewhere(id, { description: 'Theirs: new description', name: 'Theirs: Mailgun' });
    await submit(user, 'Save changes');
    const panel = await screen.findByRole('region', {
      name: /Someone else saved this integration/,
    });
    expect(panel).toHaveTextContent(
      'What Solvimon holds changed after you opened this integration',
    );
    expect(within(panel).getByRole('row', { name: /^Name/ })).toHaveTextContent('Theirs: Mailgun');
    // Nothing was sent: theirs is still what Solvimon holds.
    expect(solvimonDemoStore().get(id).name).toBe('Theirs: Mailgun');
    await user.click(within(panel).getByRole('button', { name: 'Keep mine on top of theirs' }));
    expect(input('Name')).toHaveValue('Mine: Mailgun EU');
    expect(input('Description')).toHaveValue('Theirs: new description');
    await submit(user, 'Save changes');
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/solvimon/integrations/${id}`),
    );
    expect(solvimonDemoStore().get(id)).toMatchObject({
      name: 'Mine: Mailgun EU',
      description: 'Theirs: new description',
    });
  });
});
