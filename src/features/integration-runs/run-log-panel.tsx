import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { CopyButton } from '../../components/copy-button';
import { QueryState } from '../../components/query-state';
import { downloadText } from '../../lib/download';
import { runQueries, type RunLogResult } from '../../queries/runs';

/** The run's log (`/integrationruns/logs/{id}`, base64-decoded by the API module), shown as text only. */
export function RunLogPanel({ runId }: { runId: string }) {
  const log = useQuery(runQueries.log(runId));

  return (
    <QueryState
      query={log}
      what="the run log"
      skeleton={
        <Text size="sm" c="dimmed">
          Loading the run log…
        </Text>
      }
    >
      {(found) => <RunLogText runId={runId} log={found} />}
    </QueryState>
  );
}

function RunLogText({ runId, log }: { runId: string; log: RunLogResult }) {
  if (log.missing || log.text === null) {
    return (
      <Text size="sm" c="dimmed">
        m3ter has no log for this run. Runs that have not started yet have none, and logs are not
        kept forever.
      </Text>
    );
  }
  const text = log.text;
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
