import { waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { SOLVIMON_SECRET_MASK, valueAtPath } from '../../api/solvimon';
import { server, solvimonDemoStore } from '../../mocks/node';
import { SOLVIMON_SEED_IDS as ID } from '../../mocks/solvimon/seed';
import { renderApp, screen } from '../../test/render';
import { allowedSolvimonActions } from './lifecycle-actions';

const DETAIL_URL = '*/v1/integrations/:resourceId';

const open = (id: string) => renderApp(`/solvimon/integrations/${id}`);

/** A section of the page by its heading. */
const section = (name: string | RegExp) => screen.getByRole('region', { name });

/** The value shown under a fact's label, inside `container`. */
function fact(container: HTMLElement, label: string): HTMLElement {
  const term = within(container).getByText(label, { selector: 'dt' });
  const value = term.nextElementSibling;
  if (!(value instanceof HTMLElement)) throw new Error(`no value for ${label}`);
  return value;
}

/** Whether the page shows the mask anywhere: it never may (Decision 1). */
function expectNoMaskInDom() {
  expect(document.body.innerHTML).not.toContain(SOLVIMON_SECRET_MASK);
}

afterEach(() => {
  server.events.removeAllListeners();
});

describe('SolvimonDetailPage: sections', () => {
  it('shows a Stripe integration: facts, status, secrets only as set, safe links', async () => {
    // Solvimon answers the set secret as the mask: the page must show only that one is set.
    expect(
      valueAtPath(solvimonDemoStore().get(ID.stripeLive), [
        'payment_gateway',
        'stripe',
        'signing_secret',
      ]),
    ).toBe(SOLVIMON_SECRET_MASK);
    await open(ID.stripeLive);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Stripe EU (live)' }),
    ).toBeVisible();
    const details = section('Details');
    expect(fact(details, 'Reference')).toHaveTextContent('stripe-eu-live');
    expect(fact(details, 'Id')).toHaveTextContent(ID.stripeLive);
    expect(within(details).getByRole('button', { name: 'Copy integration id' })).toBeVisible();
    expect(fact(details, 'Type')).toHaveTextContent('Payment gateway');
    expect(fact(details, 'Variant')).toHaveTextContent('Stripe');
    expect(fact(details, 'Description')).toHaveTextContent('Cards and SEPA Direct Debit');
    expect(section('Status: Active: in use')).toHaveTextContent('Solvimon uses it for billing');

    const stripe = section('Stripe');
    expect(fact(stripe, 'Publishable key')).toHaveTextContent('pk_live_51NfQ2aEUdemoAcmeBilling');
    expect(fact(stripe, 'Webhook signing secret')).toHaveTextContent(/^Set$/);
    expect(section('Credentials')).toHaveTextContent('No credentials');

    const links = section('Linked resources');
    expect(within(links).getByText('stripe_customer_id')).toBeVisible();
    const link = within(links).getByRole('link', { name: /dashboard\.stripe\.com\/customers/ });
    expect(link).toHaveAttribute('href', 'https://dashboard.stripe.com/customers/');
    expect(link).toHaveAttribute('target', '_blank');
    expectNoMaskInDom();
  });

  it('shows Adyen’s nested credentials, set and not set, never their values', async () => {
    await open(ID.adyenPlatform);
    await screen.findByRole('heading', { level: 1, name: 'Adyen for Platforms (live)' });
    const adyen = section('Adyen');
    expect(fact(adyen, 'Environment')).toHaveTextContent('Live');
    expect(fact(adyen, 'Merchant accounts')).toHaveTextContent('AcmeBillingEU, AcmeBillingUK');
    expect(fact(adyen, 'HMAC signing key')).toHaveTextContent(/^Set$/);
    expect(fact(adyen, 'Balance platform account')).toHaveTextContent('AH3227C223222C5GXQXF658WB');
    const platform = section('Balance platform credentials');
    expect(fact(platform, 'Method')).toHaveTextContent('API key');
    expect(fact(platform, 'Header name')).toHaveTextContent('X-API-Key');
    expect(fact(platform, 'API key')).toHaveTextContent(/^Set$/);
    const lem = section('Legal entity manager credentials');
    expect(fact(lem, 'Username')).toHaveTextContent('ws_318906@Scope.Company_AcmeBilling');
    expect(fact(lem, 'Password')).toHaveTextContent(/^Set$/);
    expectNoMaskInDom();
  });

  it('says “Not set” for a secret Solvimon does not hold, and explains an ERROR', async () => {
    await open(ID.adyenSystem);
    await screen.findByRole('heading', { level: 1, name: 'Adyen in-store (test)' });
    expect(fact(section('Balance platform credentials'), 'API key')).toHaveTextContent(/^Not set$/);
    const status = section('Status: Error: not working');
    expect(status).toHaveTextContent('Fix what the message says, then activate it again.');
    expect(status).toHaveTextContent(
      `Solvimon says: ${solvimonDemoStore().get(ID.adyenSystem).message ?? 'missing'}`,
    );
    expect(fact(section('Adyen'), 'Store id')).toHaveTextContent('ST3224Z223224W5J6C6H4RBFD');
  });

  it('shows e-invoicing mandates with their conditions and mappings', async () => {
    await open(ID.avalaraEu);
    await screen.findByRole('heading', { level: 1, name: /Avalara e-invoicing \(Belgium/ });
    const einvoicing = section('E-invoicing');
    expect(fact(einvoicing, 'Processor')).toHaveTextContent('Avalara');
    expect(fact(einvoicing, 'Mandates')).toHaveTextContent('3');
    const peppol = section('BE-B2B-PEPPOL');
    expect(peppol).toHaveTextContent(
      'It applies when any group matches; a group matches when all its conditions do.',
    );
    expect(peppol).toHaveTextContent('Group 1 (all of):');
    expect(peppol).toHaveTextContent('customer.billing_address.country equals BE');
    expect(peppol).toHaveTextContent('customer.tax_id is not empty');
    const mappings = within(peppol).getByRole('table', { name: /Field mappings of BE-B2B-PEPPOL/ });
    expect(within(mappings).getByRole('row', { name: /cbc:BuyerReference/ })).toHaveTextContent(
      'invoice.purchase_order_number',
    );
    expect(fact(peppol, 'PDF included in the e-invoice')).toHaveTextContent('Yes');
    expect(section('DE-B2G-XRECHNUNG')).toHaveTextContent(
      'customer.segment is one of PUBLIC,GOVERNMENT',
    );
    const auth = section('Credentials');
    expect(fact(auth, 'Method')).toHaveTextContent('Client credentials');
    expect(fact(auth, 'Client id')).toHaveTextContent('acme-billing-elr-prod');
    expect(fact(auth, 'Client secret')).toHaveTextContent(/^Set$/);
    expectNoMaskInDom();
  });

  it('shows each data export variant, tax calculation and email provider', async () => {
    const first = await open(ID.bigqueryExport);
    await screen.findByRole('heading', { level: 1, name: 'BigQuery (finance analytics)' });
    const bigquery = section('BigQuery');
    expect(fact(bigquery, 'Dataset id')).toHaveTextContent('billing');
    expect(fact(bigquery, 'HMAC key secret')).toHaveTextContent(/^Set$/);
    expectNoMaskInDom();
    first.unmount();

    const s3 = await open(ID.s3Export);
    await screen.findByRole('heading', { level: 1, name: 'Nightly export to S3' });
    expect(fact(section('Data export'), 'Transport type')).toHaveTextContent('PARQUET');
    expect(fact(section('Amazon S3'), 'Access')).toHaveTextContent('IAM role');
    s3.unmount();

    const tax = await open(ID.avataxUs);
    await screen.findByRole('heading', { level: 1, name: 'AvaTax (US)' });
    const taxSection = section('Tax calculation');
    expect(fact(taxSection, 'AvaTax company code')).toHaveTextContent('ACMEUS');
    expect(fact(taxSection, 'Custom tax codes')).toHaveTextContent(
      'Invoice commitments: SW054000; Products without their own code: P0000000',
    );
    expect(fact(taxSection, 'File tax returns through AvaTax')).toHaveTextContent('Yes');
    tax.unmount();

    await open(ID.systemEmail);
    await screen.findByRole('heading', { level: 1, name: 'Solvimon email' });
    const email = section('Email provider');
    expect(fact(email, 'Email provider')).toHaveTextContent('Solvimon’s own sender');
    expect(fact(email, 'Delivery window')).toHaveTextContent('1 day');
    expect(fact(email, 'Use localized templates')).toHaveTextContent('Yes');
  });

  it('lists fields it does not know, hiding anything that looks secret; unsafe links stay text', async () => {
    server.use(
      http.get(DETAIL_URL, () =>
        HttpResponse.json({
          id: 'intg_future000000001',
          reference: 'netsuite-sync',
          type: 'ERP_SYNC',
          status: 'SUSPENDED',
          erp_sync: {
            account: 'TSTDRV123',
            token_secret: 'do-not-show-me',
            api_key: 'key-do-not-show',
            auth: { bearer: 'bearer-do-not-show' },
          },
          linked_resources_configurations: [
            {
              resource_type: 'CUSTOMER',
              link_details: [{ base_url: 'javascript:alert(1)', custom_field_reference: 'ns_id' }],
            },
          ],
        }),
      ),
    );
    await open('intg_future000000001');
    // No name: the reference names it.
    await screen.findByRole('heading', { level: 1, name: 'netsuite-sync' });
    expect(section('Status: SUSPENDED')).toHaveTextContent('which this console does not know');
    expect(section('ERP_SYNC')).toHaveTextContent('does not know the type ERP_SYNC');
    const other = fact(section('Details'), 'erp_sync');
    expect(other).toHaveTextContent('TSTDRV123');
    expect(other).toHaveTextContent('(hidden)');
    expect(document.body.innerHTML).not.toContain('do-not-show-me');
    expect(document.body.innerHTML).not.toContain('key-do-not-show');
    expect(document.body.innerHTML).not.toContain('bearer-do-not-show');
    const links = section('Linked resources');
    expect(within(links).queryByRole('link')).not.toBeInTheDocument();
    expect(within(links).getByText('javascript:alert(1)')).toBeVisible();
    // A status this console does not know: only archiving is offered.
    expect(screen.getByRole('button', { name: 'Archive…' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Activate…' })).not.toBeInTheDocument();
  });
});

describe('SolvimonDetailPage: lifecycle', () => {
  it('offers only the transitions allowed from each status', () => {
    expect(allowedSolvimonActions({ status: 'DRAFT' })).toEqual(['activate', 'archive']);
    expect(allowedSolvimonActions({ status: null })).toEqual(['activate', 'archive']);
    for (const status of ['PENDING', 'TESTING', 'ERROR', 'DEPRECATED']) {
      expect(allowedSolvimonActions({ status })).toEqual(['activate', 'archive']);
    }
    expect(allowedSolvimonActions({ status: 'ACTIVE' })).toEqual(['deprecate', 'archive']);
    expect(allowedSolvimonActions({ status: 'ARCHIVED' })).toEqual([]);
    expect(allowedSolvimonActions({ status: 'SUSPENDED' })).toEqual(['archive']);
  });

  it('activates, deprecates and archives, each after a confirmation naming it', async () => {
    const { user } = await open(ID.gcsExport);
    await screen.findByRole('heading', { level: 1, name: 'Usage archive on GCS' });
    expect(screen.queryByRole('button', { name: 'Deprecate…' })).not.toBeInTheDocument();

    // Cancel changes nothing and gives focus back to the button.
    const activate = screen.getByRole('button', { name: 'Activate…' });
    await user.click(activate);
    let dialog = await screen.findByRole('dialog', { name: 'Activate “Usage archive on GCS”?' });
    expect(dialog).toHaveTextContent('Solvimon starts using “Usage archive on GCS” for billing');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(activate).toHaveFocus());
    expect(solvimonDemoStore().get(ID.gcsExport).status).toBe('DRAFT');

    await user.click(activate);
    dialog = await screen.findByRole('dialog', { name: 'Activate “Usage archive on GCS”?' });
    await user.click(
      within(dialog).getByRole('button', { name: 'Activate “Usage archive on GCS”' }),
    );
    const active = await screen.findByRole('region', { name: 'Status: Active: in use' });
    // The Activate button is gone: focus lands on the status it changed.
    await waitFor(() => expect(active).toHaveFocus());
    expect(await screen.findByText('“Usage archive on GCS” is active.')).toBeVisible();
    expect(solvimonDemoStore().get(ID.gcsExport).status).toBe('ACTIVE');

    await user.click(screen.getByRole('button', { name: 'Deprecate…' }));
    dialog = await screen.findByRole('dialog', { name: 'Deprecate “Usage archive on GCS”?' });
    expect(dialog).toHaveTextContent('marked as being phased out');
    await user.click(within(dialog).getByRole('button', { name: /^Deprecate “/ }));
    await screen.findByRole('region', { name: /^Status: Deprecated/ });
    expect(solvimonDemoStore().get(ID.gcsExport).status).toBe('DEPRECATED');

    await user.click(screen.getByRole('button', { name: 'Archive…' }));
    dialog = await screen.findByRole('dialog', { name: 'Archive “Usage archive on GCS”?' });
    expect(dialog).toHaveTextContent('Archiving is final');
    await user.click(within(dialog).getByRole('button', { name: /^Archive “/ }));
    const archived = await screen.findByRole('region', { name: /^Status: Archived/ });
    await waitFor(() => expect(archived).toHaveFocus());
    expect(solvimonDemoStore().get(ID.gcsExport).status).toBe('ARCHIVED');
    // Final: no transitions, no edit.
    expect(within(archived).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
  });

  it('explains a refused transition with Solvimon’s message and shows the status it holds', async () => {
    const { user } = await open(ID.avalaraFr);
    await screen.findByRole('heading', { level: 1, name: 'Avalara e-invoicing (France)' });
    // Someone archives it elsewhere while this page shows it as PENDING.
    solvimonDemoStore().archive(ID.avalaraFr);
    await user.click(screen.getByRole('button', { name: 'Activate…' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /^Activate “/ }));
    const refused = await screen.findByRole('alert', { name: 'Solvimon did not activate it' });
    expect(refused).toHaveTextContent(
      `Integration ${ID.avalaraFr} is ARCHIVED: archiving is final`,
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const status = await screen.findByRole('region', { name: /^Status: Archived/ });
    expect(status).toContainElement(refused);
    expect(status).toHaveFocus();
  });

  it('explains an activation Solvimon refuses for a missing variant', async () => {
    const bare = solvimonDemoStore().create({
      reference: 'einv-bare',
      name: 'E-invoicing, not set up',
      type: 'E_INVOICING',
    });
    const { user } = await open(bare.id);
    await screen.findByRole('heading', { level: 1, name: 'E-invoicing, not set up' });
    await user.click(screen.getByRole('button', { name: 'Activate…' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: /^Activate “/ }),
    );
    expect(
      await screen.findByRole('alert', { name: 'Solvimon did not activate it' }),
    ).toHaveTextContent('cannot be activated: e_invoicing.processor is not set');
    expect(screen.getByRole('region', { name: /^Status: Draft/ })).toBeVisible();
  });

  it('keeps the dialog open with the reason when Solvimon fails, and succeeds on a retry', async () => {
    let failing = true;
    server.use(
      http.post(`${DETAIL_URL}/deprecate`, () =>
        failing
          ? HttpResponse.json(
              { type: 'API_ERROR', code: 'INTERNAL_ERROR', message: 'Upstream timeout' },
              { status: 503 },
            )
          : undefined,
      ),
    );
    const { user } = await open(ID.s3Export);
    await screen.findByRole('heading', { level: 1, name: 'Nightly export to S3' });
    await user.click(screen.getByRole('button', { name: 'Deprecate…' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: /^Deprecate “/ }));
    expect(await within(dialog).findByRole('alert', { name: 'Not deprecated' })).toHaveTextContent(
      /Solvimon had a problem/,
    );
    failing = false;
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('region', { name: /^Status: Deprecated/ })).toBeVisible();
  });
});

describe('SolvimonDetailPage: test connection', () => {
  it('tests credentials for the integration’s kind, successful and failing, and keeps none', async () => {
    const queries: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/test-connection')) queries.push(url.search);
    });
    const { user, queryClient } = await open(ID.avataxUs);
    await screen.findByRole('heading', { level: 1, name: 'AvaTax (US)' });
    await user.click(screen.getByRole('button', { name: 'Test connection…' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Test the connection of “AvaTax (US)”',
    });
    expect(within(dialog).getByRole('radio', { name: 'Username and password' })).toBeChecked();
    expect(within(dialog).getByRole('textbox', { name: 'Username' })).toHaveValue('2000123456');
    const password = within(dialog).getByLabelText('Password');
    expect(password).toHaveValue('');
    expect(password).toHaveAttribute('type', 'password');
    expect(password).toHaveAttribute('autocomplete', 'off');

    // Nothing to send yet: said at the field.
    await user.click(within(dialog).getByRole('button', { name: 'Test connection' }));
    expect(within(dialog).getByText('Enter the password')).toBeVisible();
    expect(queries).toEqual([]);

    await user.type(password, 'license-key-1');
    await user.click(within(dialog).getByRole('button', { name: 'Test connection' }));
    const works = await within(dialog).findByRole('status', { name: 'The connection works' });
    expect(works).toHaveTextContent(/Connected to AvaTax/);
    expect(queries).toEqual(['?integration_type=TAX_CALCULATION&tax_calculation_variant=AVATAX']);

    await user.clear(password);
    await user.type(password, 'wrong-password');
    expect(within(dialog).queryByRole('status', { name: 'The connection works' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Test connection' }));
    const failed = await within(dialog).findByRole('alert', { name: 'The connection failed' });
    expect(failed).toHaveTextContent(/invalid username or password/);
    expect(document.body.innerHTML).not.toContain('wrong-password');

    // Closed and opened again: the password is gone.
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Nor does the mutation cache keep what was sent.
    await waitFor(() =>
      expect(
        JSON.stringify(
          queryClient
            .getMutationCache()
            .getAll()
            .map((m) => m.state.variables),
        ),
      ).not.toContain('wrong-password'),
    );
    await user.click(screen.getByRole('button', { name: 'Test connection…' }));
    const again = await screen.findByRole('dialog');
    expect(within(again).getByLabelText('Password')).toHaveValue('');
    expect(within(again).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('switches the method and tests an API key', async () => {
    const { user } = await open(ID.s3Export);
    await screen.findByRole('heading', { level: 1, name: 'Nightly export to S3' });
    await user.click(screen.getByRole('button', { name: 'Test connection…' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('radio', { name: 'API key' })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: 'Client credentials' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Client id' }), 'exporter');
    await user.type(within(dialog).getByLabelText('Client secret'), 'cs-expired-2024');
    await user.click(within(dialog).getByRole('button', { name: 'Test connection' }));
    expect(
      await within(dialog).findByRole('alert', { name: 'The connection failed' }),
    ).toHaveTextContent(/expired/);
    expectNoMaskInDom();
  });
});

describe('SolvimonDetailPage: delete and load states', () => {
  it('deletes after a confirmation naming it, then the list no longer shows it', async () => {
    const { user, router } = await open(ID.mailgunUs);
    await screen.findByRole('heading', { level: 1, name: 'Mailgun (US domain)' });
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Mailgun (US domain)”?' });
    expect(dialog).toHaveTextContent('This cannot be undone.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete “Mailgun (US domain)”' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/solvimon/integrations'));
    expect(await screen.findByText('Deleted “Mailgun (US domain)”.')).toBeVisible();
    await screen.findByRole('row', { name: /Stripe EU \(live\)/ });
    expect(screen.queryByRole('row', { name: /Mailgun \(US domain\)/ })).not.toBeInTheDocument();
    expect(
      solvimonDemoStore()
        .list({ limit: 100 })
        .data.map((i) => i.id),
    ).not.toContain(ID.mailgunUs);
  });

  it('says when an integration does not exist, with a way back', async () => {
    await open('intg_doesNotExist0000');
    expect(
      await screen.findByRole('heading', { name: 'This integration does not exist' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to the list' })).toHaveAttribute(
      'href',
      '/solvimon/integrations',
    );
  });

  it('shows an error with a retry, then the integration', async () => {
    let failing = true;
    server.use(
      http.get(DETAIL_URL, () =>
        failing
          ? HttpResponse.json(
              { type: 'API_ERROR', code: 'INTERNAL_ERROR', message: 'Database unavailable' },
              { status: 500 },
            )
          : undefined,
      ),
    );
    const { user } = await open(ID.stripeLive);
    const alert = await screen.findByRole('alert', { name: 'Could not load this integration' });
    expect(alert).toHaveTextContent(/Solvimon had a problem/);
    expect(alert).toHaveTextContent(/Database unavailable/);
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Stripe EU (live)' }),
    ).toBeVisible();
  });
});
