/**
 * Run logs are derived from the run itself rather than stored: ~7,000 logs would bloat memory and
 * localStorage for data nobody edits. m3ter returns them base64-encoded under `Payload`.
 */
import type { IntegrationRun } from '../api/schemas';

/** Older logs are purged, as a real log store would; such runs answer 404 like a WAITING run. */
const LOG_RETENTION_DAYS = 30;

const API_CALLS: Record<string, string> = {
  Stripe: 'POST https://api.stripe.com/v1/invoices',
  NetSuite: 'POST https://5123456.suitetalk.api.netsuite.com/services/rest/record/v1/invoice',
  Xero: 'PUT https://api.xero.com/api.xro/2.0/Invoices',
  QuickBooks: 'POST https://quickbooks.api.intuit.com/v3/company/9130354720218466/invoice',
  Chargebee:
    'POST https://acme-apac.chargebee.com/api/v2/invoices/create_for_charge_items_and_charges',
  Paddle: 'POST https://api.paddle.com/transactions',
};

const RESPONSES: Record<string, string> = {
  ERROR: '400 Bad Request',
  AUTH_FAILED: '401 Unauthorized',
  ACCOUNTING_PERIOD_CLOSED: '400 Bad Request',
  INVOICE_ALREADY_PAID: '409 Conflict',
  RATE_LIMIT_RETRY: '429 Too Many Requests',
  AWAITING_RETRY: '503 Service Unavailable',
};

function at(startMs: number, offsetMs: number): string {
  return new Date(startMs + offsetMs).toISOString();
}

/** The plain-text log of a run, or undefined when m3ter would have none. */
export function buildRunLogText(run: IntegrationRun, anchorMs: number): string | undefined {
  // Not started yet: nothing was attempted, so nothing was logged.
  if (run.status === 'WAITING' || !run.dtStarted) return undefined;
  const start = Date.parse(run.dtStarted);
  if (start < anchorMs - LOG_RETENTION_DAYS * 24 * 3_600_000) return undefined;
  const end = run.dtCompleted ? Date.parse(run.dtCompleted) : start + 400;
  const span = Math.max(end - start, 40);
  const lines = [
    `${at(start, 0)} INFO  Integration run ${run.id} started: ${run.entityType} ${run.entityId} → ${run.destination} (destination ${run.destinationId ?? 'n/a'})`,
  ];
  if (run.parentIntegrationRunId) {
    lines.push(`${at(start, 1)} INFO  Retry of integration run ${run.parentIntegrationRunId}`);
  }
  if (run.status === 'DISABLED') {
    lines.push(`${at(start, 2)} WARN  ${run.error ?? 'Integration disabled'}`);
    return lines.join('\n');
  }
  lines.push(
    `${at(start, Math.floor(span * 0.1))} INFO  Loaded ${run.entityType} and external mappings`,
  );
  const call =
    API_CALLS[run.destination] ??
    `POST ${run.destination === 'Webhook' ? 'webhook destination' : run.destination} (M3TER_SIGNED_REQUEST)`;
  lines.push(`${at(start, Math.floor(span * 0.2))} INFO  ${call}`);
  if (run.status === 'STARTED') {
    lines.push(`${at(start, Math.floor(span * 0.3))} INFO  Waiting for response…`);
    return lines.join('\n');
  }
  if (run.status === 'TIMEOUT_LIMIT_EXCEEDED') {
    lines.push(`${at(start, span)} ERROR ${run.error ?? 'Request timed out'}`);
    return lines.join('\n');
  }
  if (run.status === 'COMPLETE') {
    lines.push(`${at(start, Math.floor(span * 0.9))} INFO  ← 200 OK`);
    lines.push(
      `${at(start, span)} INFO  Run COMPLETE${run.externalId ? `: external id ${run.externalId}` : ''}`,
    );
    return lines.join('\n');
  }
  lines.push(`${at(start, Math.floor(span * 0.9))} WARN  ← ${RESPONSES[run.status] ?? 'error'}`);
  lines.push(`${at(start, span)} ERROR ${run.error ?? run.status}`);
  if (run.status === 'RATE_LIMIT_RETRY' || run.status === 'AWAITING_RETRY') {
    lines.push(`${at(start, span + 1)} INFO  Retry scheduled`);
  }
  return lines.join('\n');
}

/** UTF-8 safe base64 (the log contains "→" and "…"); btoa alone only takes Latin-1. */
export function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(payload: string): string {
  const binary = atob(payload);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
