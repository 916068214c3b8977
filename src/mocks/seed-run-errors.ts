/**
 * What a destination says about a seeded run: the invoice a successful send created there, and the
 * error text of a failed or retried one, naming the real cause as that system would.
 */
import type { Rng } from './prng';
import { type SeedSystem } from './seed-catalogue';
import type { RunContext, SeedStatus } from './seed-runs';
import { WEBHOOK_URLS } from './seed-webhook-destinations';

export function externalFor(system: SeedSystem, rng: Rng, invoiceNumber: string) {
  switch (system) {
    case 'Stripe': {
      const id = `in_1Q${rng.alnum(22)}`;
      return { externalId: id, url: `https://dashboard.stripe.com/invoices/${id}` };
    }
    case 'NetSuite': {
      const id = String(rng.int(40000, 69999));
      return {
        externalId: id,
        url: `https://system.netsuite.com/app/accounting/transactions/custinvc.nl?id=${id}`,
      };
    }
    case 'Xero': {
      const id = rng.uuid();
      return {
        externalId: id,
        url: `https://go.xero.com/AccountsReceivable/View.aspx?InvoiceID=${id}`,
      };
    }
    case 'QuickBooks': {
      const id = String(rng.int(1000, 9999));
      return { externalId: id, url: `https://app.qbo.intuit.com/app/invoice?txnId=${id}` };
    }
    case 'Chargebee':
      return {
        externalId: invoiceNumber,
        url: `https://acme-apac.chargebee.com/d/invoices/${invoiceNumber}`,
      };
    case 'Paddle': {
      const id = `txn_01h${rng.alnum(23).toLowerCase()}`;
      return { externalId: id, url: `https://vendors.paddle.com/transactions-v2/${id}` };
    }
    default:
      return undefined;
  }
}

/**
 * What each destination says when a Bill's Account has no customer record mapped there; undefined for
 * destinations (webhooks) that need no mapping.
 */
function missingCustomerError(
  system: string,
  account: { id: string; name: string },
  customerRef: string,
): string | undefined {
  switch (system) {
    case 'Stripe':
      return `Stripe API error: No such customer: '${customerRef}' (resource_missing)`;
    case 'Xero':
      return `Xero validation error: Contact for Account '${account.name}' not found – create an external mapping for Account ${account.id}`;
    case 'NetSuite':
      return `NetSuite: no external mapping to a Customer record for Account ${account.id} ('${account.name}') – create one, then resync the bill`;
    case 'QuickBooks':
      return `QuickBooks: Object Not Found (610): Customer for Account '${account.name}' is not mapped – create an external mapping for Account ${account.id}`;
    case 'Chargebee':
      return `Chargebee: customer[id] : Customer not found for id ${customerRef} (resource_not_found)`;
    case 'Paddle':
      return `Paddle: entity_not_found – no Customer is mapped for Account ${account.id}; create an external mapping`;
    default:
      return undefined;
  }
}

/** Realistic error text for a failed or retried run, naming the real cause. */
export function errorText(status: SeedStatus, ctx: RunContext): string | undefined {
  const { rng, config } = ctx;
  const system = config.destination;
  const invoice = ctx.invoiceNumber ?? `INV-${rng.int(20000, 29999)}`;
  switch (status) {
    case 'ERROR':
      if (ctx.account && !ctx.account.mapped) {
        const missing = missingCustomerError(system, ctx.account, ctx.customerRef);
        if (missing) return missing;
      }
      switch (system) {
        case 'Stripe':
          return rng.pick([
            `Stripe API error: No such customer: '${ctx.customerRef}' (resource_missing)`,
            `Stripe API error: Invalid currency: eur for customer with default currency usd (invalid_request_error)`,
            `Stripe API error: The price specified is inactive. This field only accepts active prices. (price_1Q${rng.alnum(8)})`,
          ]);
        case 'NetSuite':
          return rng.pick([
            `NetSuite: INVALID_KEY_OR_REF Invalid entity reference key ${rng.int(1000, 1999)} for subsidiary 3`,
            `NetSuite: USER_ERROR You must enter at least one line item for this transaction`,
            `NetSuite: INVALID_FLD_VALUE You have entered an Invalid Field Value 46 for the following field: taxcode`,
          ]);
        case 'Xero':
          return `Xero validation error: Account code '200' is not a valid code for this document`;
        case 'QuickBooks':
          return `QuickBooks: Duplicate Document Number Error (6140): ${invoice} already exists`;
        case 'Chargebee':
          return `Chargebee: customer[id] : Customer not found for id ${ctx.customerRef} (resource_not_found)`;
        case 'Paddle':
          return `Paddle: transaction_billed_cannot_be_updated – the transaction is already billed`;
        default:
          return `Webhook endpoint ${WEBHOOK_URLS[config.id] ?? 'https://hooks.example.com'} returned HTTP 502 Bad Gateway`;
      }
    case 'AWAITING_RETRY':
      return rng.pick([
        'Connection reset by peer (ECONNRESET); retry 2 of 5 scheduled',
        `${system} returned HTTP 503 Service Unavailable; retry scheduled in 5 min`,
      ]);
    case 'AUTH_FAILED':
      switch (system) {
        case 'QuickBooks':
          return '401 Unauthorized: token expired for QuickBooks realm 9130354720218466 – reconnect the integration';
        case 'Xero':
          return 'Xero: 401 Unauthorized – OAuth2 refresh token has expired for tenant 0c1d2e3f; reconnect the Xero organisation';
        case 'NetSuite':
          return 'NetSuite: INVALID_LOGIN_ATTEMPT Invalid login attempt for token-based role 1042';
        case 'Stripe':
          return 'Stripe API error: Invalid API Key provided: rk_live_****4fQz (authentication_required)';
        default:
          return `Webhook endpoint ${WEBHOOK_URLS[config.id] ?? ''} returned 401 Unauthorized: signature verification failed (M3TER_SIGNED_REQUEST)`;
      }
    case 'ACCOUNTING_PERIOD_CLOSED':
      return system === 'NetSuite'
        ? `NetSuite: PERIOD_CLOSED The accounting period ${ctx.periodLabel} is closed for subsidiary 3`
        : system === 'QuickBooks'
          ? `QuickBooks: Closed period – the transaction date falls before the books closing date (${ctx.periodLabel})`
          : `Accounting period ${ctx.periodLabel} is closed in Xero`;
    case 'INVOICE_ALREADY_PAID':
      return `Invoice ${invoice} already paid`;
    case 'DISABLED':
      return `Integration "${config.name}" is disabled; run skipped`;
    case 'TIMEOUT_LIMIT_EXCEEDED':
      return 'Request timed out after 30000 ms';
    case 'RATE_LIMIT_RETRY':
      return system === 'Webhook'
        ? `429 Too Many Requests from ${WEBHOOK_URLS[config.id] ?? 'webhook'}; retrying in 8 s`
        : `429 Too Many Requests from ${system}; retrying in 8 s`;
    default:
      return undefined;
  }
}
