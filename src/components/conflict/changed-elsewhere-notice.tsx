import { Button, Group, Stack, Text } from '@mantine/core';
import { actorLabel } from '../../lib/labels';
import { Notice } from '../notice';
import { RelativeTime } from '../relative-time';
import type { ConflictAuthor } from './conflict-panel';

export interface ChangedElsewhereNoticeProps {
  /** The newer version a background refetch found. */
  latest: ConflictAuthor;
  /**
   * Set for a platform without versions or authors (Solvimon): the note says the saved state changed
   * there, without naming who or which version.
   */
  platform?: string | undefined;
  /** Opens the conflict panel against that version now, instead of at the next save. */
  onCompare: () => void;
}

/**
 * The quiet note of docs/architecture.md §6: someone saved a newer version while this form was open. Nothing is
 * merged or lost until the user saves or compares.
 */
export function ChangedElsewhereNotice({
  latest,
  platform,
  onCompare,
}: ChangedElsewhereNoticeProps) {
  return (
    <Notice tone="neutral" title="Changed elsewhere" role="status">
      <Stack gap="xs">
        <Text size="sm">
          {platform ? (
            `What ${platform} holds has changed while you were editing (${platform} does not say who changed it). Nothing is lost: when you save, you choose what to keep.`
          ) : (
            <>
              <SavedBy latest={latest} /> while you were editing. Nothing is lost: when you save,
              you choose what to keep.
            </>
          )}
        </Text>
        <Group>
          <Button size="xs" variant="default" onClick={onCompare}>
            Compare with their version now
          </Button>
        </Group>
      </Stack>
    </Notice>
  );
}

function SavedBy({ latest }: { latest: ConflictAuthor }) {
  return (
    <>
      {latest.lastModifiedBy ? (
        <span title={latest.lastModifiedBy}>{actorLabel(latest.lastModifiedBy)}</span>
      ) : (
        'Someone'
      )}{' '}
      saved version {latest.version ?? '?'} <RelativeTime value={latest.dtLastModified} />
    </>
  );
}
