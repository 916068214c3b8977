/**
 * How the console names things in text, the same on every screen.
 */
import type { IntegrationConfig } from '../api';

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
