import { Badge, Box, Stack, Table, Text } from '@mantine/core';
import type { ExternalMapping } from '../../api';
import { AnchorLink } from '../../components/router-links';
import { rowProblemList, type BulkRow } from './bulk-rows';
import type { BulkRowProgress } from './bulk-runner';
import { shortId } from '../../lib/labels';

/** Text in `color` that reads on either scheme's background (shade 9 is near-black on dark). */
function readableOn(color: string): string {
  return `light-dark(var(--mantine-color-${color}-9), var(--mantine-color-${color}-3))`;
}

const STATUS_BADGE: Record<string, { color: string; label: string }> = {
  ready: { color: 'gray', label: 'Ready' },
  problem: { color: 'red', label: 'Problem: not sent' },
  already: { color: 'gray', label: 'Already mapped: not sent' },
  sending: { color: 'blue', label: 'Sending…' },
  waiting: { color: 'violet', label: 'Rate limited: waiting' },
  created: { color: 'teal', label: 'Created' },
  failed: { color: 'red', label: 'Failed' },
  skipped: { color: 'gray', label: 'Not sent' },
  'not-sent': { color: 'gray', label: 'Not sent (stopped)' },
};

interface BulkRowsTableProps {
  rows: readonly BulkRow[];
  existing: Map<number, ExternalMapping[]> | undefined;
  progress: ReadonlyMap<number, BulkRowProgress>;
  /** Checked but not sent yet: say what will happen to each row, not what did. */
  beforeRun: boolean;
}

/** Every row of the CSV with what will happen to it (before the run) or what did. */
export function BulkRowsTable({ rows, existing, progress, beforeRun }: BulkRowsTableProps) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" captionSide="top">
        <Table.Caption className="visually-hidden">Rows of the CSV and their result</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Row</Table.Th>
            <Table.Th scope="col">m3ter entity</Table.Th>
            <Table.Th scope="col">m3ter id</Table.Th>
            <Table.Th scope="col">System</Table.Th>
            <Table.Th scope="col">Table</Table.Th>
            <Table.Th scope="col">External id</Table.Th>
            <Table.Th scope="col">Config</Table.Th>
            <Table.Th scope="col">Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <BulkRowLine
              key={row.row}
              row={row}
              existing={existing?.get(row.row)}
              state={progress.get(row.row)}
              beforeRun={beforeRun}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function BulkRowLine({
  row,
  existing,
  state,
  beforeRun,
}: {
  row: BulkRow;
  existing: ExternalMapping[] | undefined;
  state: BulkRowProgress | undefined;
  beforeRun: boolean;
}) {
  const v = row.values;
  const problems = rowProblemList(row);
  let status: string = state?.status ?? (problems.length > 0 ? 'skipped' : 'ready');
  if (beforeRun) {
    if (problems.length > 0) status = 'problem';
    else if (existing && state?.status === 'skipped') status = 'already';
    else status = 'ready';
  }
  const badge = STATUS_BADGE[status] ?? { color: 'gray', label: status };
  return (
    <Table.Tr data-row={row.row}>
      <Table.Th scope="row">{row.row}</Table.Th>
      <Table.Td>{v.m3terEntity}</Table.Td>
      <Table.Td ff="monospace" title={v.m3terId}>
        {v.m3terId.length > 12 ? shortId(v.m3terId) : v.m3terId}
      </Table.Td>
      <Table.Td>{v.externalSystem}</Table.Td>
      <Table.Td>{v.externalTable}</Table.Td>
      {/* Wide enough for a usual Stripe or NetSuite id on one line; longer ones wrap anywhere. */}
      <Table.Td ff="monospace">
        <Box miw={170} style={{ wordBreak: 'break-all' }}>
          {v.externalId}
        </Box>
      </Table.Td>
      <Table.Td ff="monospace">
        {v.integrationConfigId ? shortId(v.integrationConfigId) : ''}
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Badge
            color={badge.color}
            c={readableOn(badge.color)}
            variant="outline"
            tt="none"
            radius="sm"
          >
            {badge.label}
          </Badge>
          {state?.status === 'created' ? (
            <AnchorLink to="/mappings/$id" params={{ id: state.mapping.id }} size="xs">
              Open mapping
            </AnchorLink>
          ) : null}
          {state && (state.status === 'failed' || state.status === 'not-sent') ? (
            <Text size="xs">{state.message}</Text>
          ) : null}
          {state === undefined || state.status === 'skipped'
            ? problems.map((p) => (
                <Text key={p} size="xs" c={readableOn('red')}>
                  {p}
                </Text>
              ))
            : null}
          {existing &&
          (state === undefined || state.status === 'skipped') &&
          problems.length === 0 ? (
            <Text size="xs">
              Already mapped:{' '}
              {existing.map((m, i) => (
                <span key={m.id}>
                  {i > 0 ? ', ' : ''}
                  <AnchorLink to="/mappings/$id" params={{ id: m.id }} size="xs">
                    {m.externalId}
                  </AnchorLink>
                </span>
              ))}
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
