/**
 * Links that open a run: beside a history list (the `run` search parameter) or as the run's own page.
 * Shared by the table, the run detail and its retry chain.
 */
import type { MouseEvent } from 'react';

export interface RunLinkHandlers {
  /** The URL that opens the run beside this list (for new-tab clicks and copying). */
  href: (runId: string) => string;
  /** Opens the run beside the list, keeping the list's URL state. */
  open: (runId: string) => void;
}

/** A plain left click opens in place; modified clicks keep the browser's new-tab behaviour. */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
