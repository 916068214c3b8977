/**
 * Reads a failed run's error for the usual cause "the destination has no record mapped to this m3ter
 * entity", so the run detail can offer to create that mapping with what the error already says.
 */
import { isUuid, statusGroupOf, type IntegrationRun } from '../../api';

interface MissingMappingPrefill {
  m3terEntity?: string;
  m3terId?: string;
  externalSystem: string;
  externalTable?: string;
}

/** Destination records that stand for an m3ter Account. */
const ACCOUNT_TABLES = ['Customer', 'Contact'] as const;

const SIGNALS = [
  /create an external mapping/i,
  /\bno (?:external )?mapping\b/i,
  /\bmapping (?:is )?missing\b/i,
  /\bno such (customer|contact)\b/i,
  /\b(customer|contact)\b[^.\n]*\bnot found\b/i,
];

/** The pre-fill for "create the missing mapping", or null when the error does not point at one. */
export function missingMappingPrefill(run: IntegrationRun): MissingMappingPrefill | null {
  if (!run.error || statusGroupOf(run.status) !== 'failed' || !run.destination) return null;
  const error = run.error;
  let table: string | undefined;
  let matched = false;
  for (const signal of SIGNALS) {
    const match = signal.exec(error);
    if (!match) continue;
    matched = true;
    const word = match[1]?.toLowerCase();
    table ??= ACCOUNT_TABLES.find((t) => t.toLowerCase() === word);
  }
  if (!matched) return null;
  table ??= ACCOUNT_TABLES.find((t) => new RegExp(`\\b${t}\\b`, 'i').test(error));

  const prefill: MissingMappingPrefill = { externalSystem: run.destination };
  if (table) prefill.externalTable = table;
  const account = /\bAccount\s+([0-9a-fA-F-]{36})\b/.exec(error)?.[1];
  if (table || account) prefill.m3terEntity = 'Account';
  if (account && isUuid(account)) prefill.m3terId = account.toLowerCase();
  return prefill;
}
