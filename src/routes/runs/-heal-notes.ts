/**
 * Shared by the two history routes (the `-` prefix keeps this file out of the route tree): the notes
 * a healing redirect left in the history entry's state (see RunsRouteSearch in search-schema.ts), and
 * a way to make the entry forget them once the page has them, so a reload does not repeat them.
 */
import { useLocation, useNavigate } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { readHealNotes } from '../../features/integration-runs/search-schema';

export function useEntryHealNotes(): {
  healNotes: readonly string[];
  onHealNotesShown: () => void;
} {
  const stored = useLocation({ select: (location) => location.state.runHistoryHealNotes });
  const healNotes = useMemo(() => readHealNotes(stored), [stored]);
  const navigate = useNavigate();
  const onHealNotesShown = useCallback(
    () =>
      void navigate({
        to: '.',
        search: true,
        params: true,
        state: (prev) => ({ ...prev, runHistoryHealNotes: undefined }),
        replace: true,
        resetScroll: false,
      }),
    [navigate],
  );
  return { healNotes, onHealNotesShown };
}
