/**
 * What a bad or old link lost, said once (docs/architecture.md §7). The route heals the link in
 * `beforeLoad` and carries the notes in the history entry's state (search-schema.ts, RunsRouteSearch).
 */
import { Alert, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';

/**
 * The notes to show: kept until dismissed, while the entry itself forgets them at once (`onShown`), so
 * a reload or a step back does not say them again.
 */
export function useHealNotes(
  given: readonly string[],
  onShown: (() => void) | undefined,
): { notes: readonly string[]; dismiss: () => void } {
  const [notes, setNotes] = useState(given);
  const [lastGiven, setLastGiven] = useState(given);
  if (given !== lastGiven) {
    // A later healed link on the same page (the entry forgetting them gives an empty list).
    setLastGiven(given);
    if (given.length > 0) setNotes(given);
  }
  useEffect(() => {
    if (given.length > 0) onShown?.();
  }, [given, onShown]);
  return { notes, dismiss: () => setNotes([]) };
}

export function HealNotesAlert({
  notes,
  onDismiss,
}: {
  notes: readonly string[];
  onDismiss: () => void;
}) {
  if (notes.length === 0) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      title="Parts of this link could not be used"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onDismiss}
    >
      <Stack gap={2}>
        {notes.map((note) => (
          <Text key={note} size="sm">
            {note}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
