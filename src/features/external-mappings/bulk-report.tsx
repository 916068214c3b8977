import { Button, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { downloadText } from '../../lib/download';
import { bulkResultCsv, type BulkOutcome, type BulkRow } from './bulk-rows';
import { Notice } from '../../components/notice';
import type { BulkRun } from './use-bulk-create';

/** How far a run is: rows done of those sent, failures, and a pause while m3ter rate limits. */
export function BulkRunProgress({ run }: { run: BulkRun }) {
  let created = 0;
  let failed = 0;
  let waiting = 0;
  for (const state of run.progress.values()) {
    if (state.status === 'created') created++;
    else if (state.status === 'failed') failed++;
    else if (state.status === 'waiting') waiting++;
  }
  const done = created + failed;
  const percent = run.sent === 0 ? 100 : Math.round((done / run.sent) * 100);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {run.finished
          ? run.stopped
            ? 'Stopped'
            : 'Finished'
          : `Creating… ${done} of ${run.sent} done`}
        {failed > 0 ? ` · ${failed} failed` : ''}
        {waiting > 0 && !run.finished
          ? ` · m3ter is rate limiting: pausing, then sending again`
          : ''}
      </Text>
      <Progress value={percent} aria-label={`${done} of ${run.sent} rows done`} />
    </Stack>
  );
}

interface BulkRunReportProps {
  run: BulkRun;
  outcomes: Map<number, BulkOutcome>;
  onRetryRows: (rows: BulkRow[]) => void;
  onStartOver: () => void;
}

/**
 * A finished run's report: what happened to the rows, the result file, and the next step. It takes
 * focus when it appears: the Stop button it replaces is gone, which would drop keyboard focus to <body>.
 */
export function BulkRunReport({ run, outcomes, onRetryRows, onStartOver }: BulkRunReportProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const count = (status: BulkOutcome['status']) =>
    [...outcomes.values()].filter((o) => o.status === status).length;
  const created = count('created');
  const failed = count('failed');
  const skipped = count('skipped');
  const notSent = count('not-sent');
  const notCreated = run.rows.filter((r) => outcomes.get(r.row)?.status !== 'created');
  const allDone = created === run.rows.length;
  return (
    <Notice
      tone={allDone ? 'success' : created > 0 ? 'warning' : 'danger'}
      role="status"
      ref={headingRef}
      title={
        allDone
          ? `All ${created} mappings created`
          : `${created} of ${run.rows.length} rows created: ${run.rows.length - created} not created`
      }
    >
      <List size="sm">
        <List.Item>{created} created</List.Item>
        {failed > 0 ? (
          <List.Item>{failed} failed (m3ter refused or did not answer; see each row)</List.Item>
        ) : null}
        {skipped > 0 ? (
          <List.Item>{skipped} skipped before sending (problems or already mapped)</List.Item>
        ) : null}
        {notSent > 0 ? <List.Item>{notSent} not sent because the run was stopped</List.Item> : null}
      </List>
      <Group gap="sm">
        <Button
          onClick={() =>
            downloadText(
              `mapping-bulk-result-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.csv`,
              bulkResultCsv(run.rows, outcomes),
              'text/csv;charset=utf-8',
            )
          }
        >
          Download the result CSV
        </Button>
        {notCreated.length > 0 ? (
          <Button variant="default" onClick={() => onRetryRows(notCreated)}>
            Edit the {notCreated.length} row{notCreated.length === 1 ? '' : 's'} not created
          </Button>
        ) : null}
        <Button variant="subtle" onClick={onStartOver}>
          Start a new bulk create
        </Button>
      </Group>
    </Notice>
  );
}
