import { Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Notice } from '../notice';
import { RelativeTime } from '../relative-time';

export interface DraftOfferProps {
  /** What the draft edits, e.g. "new configuration", "mapping". */
  noun: string;
  /** When the draft was last written (ISO). */
  savedAt: string;
  /** The version the draft's edit started from; undefined for a create form. */
  version: number | string | undefined;
  /** Anything the user should know before restoring (e.g. what a draft does not keep). */
  note?: ReactNode;
  onRestore: () => void;
  onDiscard: () => void;
}

/**
 * Offers back the edit a reload interrupted (docs/architecture.md §5): restore it, or discard it and start
 * from what is saved. The form decides what restoring means (a plain restore or a conflict).
 */
export function DraftOffer({
  noun,
  savedAt,
  version,
  note,
  onRestore,
  onDiscard,
}: DraftOfferProps) {
  return (
    <Notice tone="info" title="You have unsaved changes from before" role="status">
      <Stack gap="xs">
        <Text size="sm">
          Changes to this {noun} were kept in this tab <RelativeTime value={savedAt} />
          {typeof version === 'number' ? ` (started from version ${version})` : ''}. Restore them,
          or discard them to start from what is saved.
          {note ? <> {note}</> : null}
        </Text>
        <Group gap="xs">
          <Button size="xs" onClick={onRestore}>
            Restore my changes
          </Button>
          <Button size="xs" variant="default" onClick={onDiscard}>
            Discard them
          </Button>
        </Group>
      </Stack>
    </Notice>
  );
}
