import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { CopyButton } from '../../components/copy-button';
import { ErrorState } from '../../components/error-state';
import { downloadText } from '../../lib/download';
import { runQueries } from '../../queries/runs';

/** The run's log (`/integrationruns/logs/{id}`, base64-decoded by the API module), shown as text only. */
export function RunLogPanel({ runId }: { runId: string }) {
  const log = useQuery(runQueries.log(runId));

  if (log.isPending) {
    return (
      <Text size="sm" c="dimmed" role="status">
        Loading the run log…
      </Text>
    );
  }
  if (log.isError) {
    return (
      <ErrorState
        error={log.error}
        title="Could not load the run log"
        onRetry={() => void log.refetch()}
        retrying={log.isFetching}
      />
    );
  }
  if (log.data.missing || log.data.text === null) {
    return (
      <Text size="sm" c="dimmed">
        m3ter has no log for this run. Runs that have not started yet have none, and logs are not
        kept forever.
      </Text>
    );
  }
  const text = log.data.text;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          onClick={() => downloadText(`integration-run-${runId}.log`, text)}
        >
          Download log
        </Button>
        <CopyButton value={text} label="Copy the run log" />
        <Text size="xs" c="dimmed">
          {text.split('\n').length} lines
        </Text>
      </Group>
      <Box
        component="pre"
        tabIndex={0}
        aria-label="Run log"
        m={0}
        p="sm"
        ff="monospace"
        fz="xs"
        style={{
          maxHeight: 360,
          overflow: 'auto',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          background: 'var(--mantine-color-default-hover)',
          borderRadius: 'var(--mantine-radius-sm)',
        }}
      >
        {text}
      </Box>
    </Stack>
  );
}
