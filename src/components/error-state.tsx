import { Group, Stack, Text } from '@mantine/core';
import { describeError } from '../api/describe-error';
import { BusyButton } from './busy-button';
import { Notice } from './notice';

interface ErrorStateProps {
  error: unknown;
  /** What the screen was trying to do, e.g. "Could not load integration configurations". */
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
}

/** The one way a screen says a request failed: what happened, what to do, and a retry. */
export function ErrorState({ error, title, onRetry, retrying }: ErrorStateProps) {
  const described = describeError(error);
  return (
    <Notice tone="danger" title={title ?? described.title} role="alert">
      <Stack gap="xs">
        {title ? (
          <Text size="sm" fw={500}>
            {described.title}
          </Text>
        ) : null}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {described.detail}
        </Text>
        {onRetry ? (
          <Group>
            {/* Stays focusable while retrying, so a keyboard user who pressed it is not dropped. */}
            <BusyButton
              size="xs"
              variant="filled"
              color="red"
              onClick={onRetry}
              busy={retrying ?? false}
            >
              Retry
            </BusyButton>
          </Group>
        ) : null}
      </Stack>
    </Notice>
  );
}
