/**
 * How the console names things in text, the same on every screen.
 */
import type { IntegrationConfig, IntegrationEventName } from '../api';

/** The host of a URL ("hooks.example.com"), or the text itself when it is not a URL. */
export function urlHost(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** "3e7c1a52…": enough to recognise; the whole id is one click away (its title, a copy button). */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** A configuration's name, or what it sends where when it has none: "Bill → Stripe". */
export function configLabel(
  config: Pick<IntegrationConfig, 'name' | 'entityType' | 'destination'>,
): string {
  return config.name?.trim() || `${config.entityType} → ${config.destination}`;
}

const ACTOR_KINDS: Readonly<Record<string, string>> = {
  USER_: 'User',
  SERVICE_USER_: 'Service user',
};

/**
 * "Service user 5f0c8e2a…" for "SERVICE_USER_5f0c8e2a-3b1d-…" (m3ter's `createdBy`/`lastModifiedBy`):
 * words that can wrap, enough of the id to tell people apart; show the full id as its title.
 */
export function actorLabel(actor: string | undefined): string {
  if (!actor) return '—';
  const match = /^(.*?)([0-9a-fA-F]{8})-[0-9a-fA-F-]{27}$/.exec(actor);
  if (!match) return actor;
  const prefix = match[1] ?? '';
  const kind = ACTOR_KINDS[prefix];
  return kind ? `${kind} ${match[2] ?? ''}…` : `${prefix}${match[2] ?? ''}…`;
}

/** The five integration error events in words (m3ter's event names are for machines). */
export const EVENT_NAME_LABELS: Readonly<Record<IntegrationEventName, string>> = {
  'integration.validation.error': 'Validation error',
  'integration.missingaccountmapping.error': 'Missing account mapping',
  'integration.authentication.error': 'Authentication error',
  'integration.perform.error': 'Perform error',
  'integration.disabled.error': 'Integration disabled',
};

/** An event name in words; a name this console does not know is shown as m3ter spells it. */
export function eventNameLabel(name: string): string {
  return Object.hasOwn(EVENT_NAME_LABELS, name)
    ? EVENT_NAME_LABELS[name as IntegrationEventName]
    : name;
}

/** The date ranges the lists offer (lib/date-range.ts `RangeChoice`), in words. */
export const RANGE_LABELS: Readonly<Record<'all' | '24h' | '7d' | '30d' | 'custom', string>> = {
  all: 'Any time',
  '24h': 'Last 24 h',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  custom: 'Custom',
};
