/**
 * A fingerprint of an integration as saved (docs/solvimon-api.md Decision 3). Solvimon's integrations
 * carry no version, so the console tells two saved states apart by their content: the same fingerprint
 * means nothing the console can see has changed. Secrets are left out (they never come back readable,
 * so a replaced secret cannot be told apart anyway), and key order does not matter.
 */
import { withoutSolvimonSecrets } from './secrets';
import type { SolvimonIntegration } from './schemas';

/** JSON with object keys sorted at every depth, and absent, undefined and null treated alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** FNV-1a, 32 bits, twice with different seeds: short enough for a draft, collisions negligible. */
function hash(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The saved state's fingerprint, e.g. `"3f2a9c01e87b4d10"`, over what an edit can change: not `status`,
 * `message` or `object_type`, which only Solvimon and the lifecycle actions write (an activation or a
 * new ERROR message elsewhere is no conflict with an edit, and the PATCH does not carry them).
 */
export function solvimonRevision(integration: SolvimonIntegration): string {
  const { status: _status, message: _message, object_type: _objectType, ...editable } = integration;
  const text = canonical(withoutSolvimonSecrets(editable));
  return `${hash(text, 0x811c9dc5)}${hash(text, 0x2166136b)}`;
}
