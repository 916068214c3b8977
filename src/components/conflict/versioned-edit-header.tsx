import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { notify } from '../notify';

/**
 * The head of a versioned edit page (configs, webhook destinations): the way back, the thing's
 * name, and which version the edit is based on (a resolved conflict moves it on).
 */
export function VersionedEditHeader({
  back,
  name,
  version,
}: {
  /** The link back to the thing's page. */
  back: ReactNode;
  name: string;
  version: number | undefined;
}) {
  return (
    <Stack gap={4}>
      {back}
      <Title order={1} size="h2">
        Edit “{name}”
      </Title>
      <Text size="sm" c="dimmed">
        Editing version {version ?? '?'}. Saving creates the next version.
      </Text>
    </Stack>
  );
}

/** The toast after a versioned save: the new version, or that an earlier try had already saved it. */
export function notifySavedVersion(
  name: string,
  version: number | undefined,
  { alreadySaved }: { alreadySaved: boolean },
): void {
  notify(
    alreadySaved
      ? `Your changes were already saved: version ${version ?? '?'} holds them.`
      : `Saved “${name}” as version ${version ?? '?'}.`,
  );
}
