/**
 * What a bad or old link lost, said once (docs/architecture.md §7, src/lib/link-healing.ts): a polite
 * status named by its title, kept until dismissed.
 */
import { Alert, Stack, Text, type AlertProps } from '@mantine/core';
import { useState } from 'react';
import type { HealNote } from '../lib/link-healing';

interface HealedLinkNoticeProps extends Pick<AlertProps, 'maw'> {
  /** From the route (useHealedLinkNotes); a new array is a new healed link, shown again. */
  notes: readonly HealNote[];
  title?: string;
}

export function HealedLinkNotice({
  notes,
  title = 'Parts of this link could not be used',
  ...rest
}: HealedLinkNoticeProps) {
  const [dismissed, setDismissed] = useState<readonly HealNote[] | null>(null);
  if (notes.length === 0 || notes === dismissed) return null;
  return (
    <Alert
      {...rest}
      role="status"
      color="blue"
      variant="light"
      title={title}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={() => setDismissed(notes)}
    >
      <Stack gap={2}>
        {notes.map((note, index) => (
          <Text key={`${index}:${note.text}`} size="sm">
            {note.text}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
