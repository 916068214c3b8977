import {
  Badge,
  Box,
  Button,
  Checkbox,
  Code,
  FileButton,
  Group,
  List,
  Modal,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import { isUuid, type ExternalMapping } from '../../api';
import { ErrorState } from '../../components/error-state';
import { discardDraft, loadDraft, saveDraft, type DraftRef } from '../../lib/drafts';
import { useUnsavedChangesGuard } from '../../lib/use-unsaved-changes-guard';
import {
  bulkResultCsv,
  findExistingDuplicates,
  isRowValid,
  OPTIONAL_COLUMNS,
  parseBulkCsv,
  REQUIRED_COLUMNS,
  rowProblemList,
  rowsToCsv,
  validateBulkRows,
  type BulkOutcome,
  type BulkRow,
} from './bulk-rows';
import { runBulkCreate, type BulkRowProgress, type BulkRunResult } from './bulk-runner';
import { toCreateRequest } from './mapping-form-values';
import { downloadText } from '../../lib/download';
import { shortId } from './mapping-parts';
import { mappingQueries, useBulkCreateMappings } from '../../queries/mappings';
import { configQueries } from '../../queries/configs';
import { Notice } from './notice';
import { AnchorLink } from '../../components/router-links';

const DRAFT: DraftRef = { entity: 'external-mapping-bulk', id: 'new' };
const draftSchema = z.object({ text: z.string() });

const EXAMPLE = `${[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(',')}
Account,3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b,Stripe,Customer,cus_Q1w2E3r4T5y6,`;

/** The rows as checked, before anything is sent. */
interface Checked {
  /** The text the check was made on: a later edit needs a new check. */
  text: string;
  rows: BulkRow[];
  ignoredColumns: string[];
  existing: Map<number, ExternalMapping[]>;
  existingTruncated: boolean;
}

interface Run {
  rows: BulkRow[];
  progress: Map<number, BulkRowProgress>;
  /** Total rows sent to m3ter in this run. */
  sent: number;
  finished: boolean;
  stopped: boolean;
}

/** `/mappings/bulk`: paste or upload CSV, check every row, then create them within m3ter's rate limit. */
export function BulkCreatePage() {
  const queryClient = useQueryClient();
  const configuration = useQuery(mappingQueries.configuration());
  const configs = useQuery(configQueries.list());
  const bulk = useBulkCreateMappings<BulkRunResult>();

  const [text, setText] = useState(() => loadDraft(DRAFT, draftSchema)?.values.text ?? '');
  const [restored] = useState(() => text !== '');
  const [parseError, setParseError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [includeDuplicates, setIncludeDuplicates] = useState(false);
  const [run, setRun] = useState<Run | null>(null);
  const stopRef = useRef<AbortController | null>(null);
  const [stopping, setStopping] = useState(false);
  const running = run !== null && !run.finished;
  const guard = useUnsavedChangesGuard(running);

  useEffect(() => {
    if (text === '') discardDraft(DRAFT);
    else saveDraft(DRAFT, { values: { text }, base: { text: '' }, version: undefined });
  }, [text]);

  const stale = checked !== null && checked.text !== text;

  const check = async () => {
    setParseError(null);
    setCheckError(null);
    setChecked(null);
    setRun(null);
    const parsed = parseBulkCsv(text);
    if (!parsed.ok) {
      setParseError(parsed.error);
      return;
    }
    const rows = validateBulkRows(parsed.rows, {
      configuration: configuration.data,
      configs: configs.data?.items,
    });
    const ids = [
      ...new Set(rows.map((r) => r.values.m3terId.toLowerCase()).filter((id) => isUuid(id))),
    ];
    setChecking(true);
    try {
      const existing = await queryClient.fetchQuery({
        ...mappingQueries.existingForIds(ids),
        staleTime: 0,
      });
      setChecked({
        text,
        rows,
        ignoredColumns: parsed.ignoredColumns,
        existing: findExistingDuplicates(rows, existing.items),
        existingTruncated: existing.truncated,
      });
    } catch (error) {
      setCheckError(error);
    } finally {
      setChecking(false);
    }
  };

  const upload = async (file: File | null) => {
    if (!file) return;
    try {
      setText(await file.text());
      setChecked(null);
      setParseError(null);
    } catch {
      setParseError(`Could not read ${file.name}.`);
    }
  };

  const plan = useMemo(
    () => (checked ? planRun(checked, includeDuplicates) : null),
    [checked, includeDuplicates],
  );

  const start = async () => {
    if (!checked || !plan || running) return;
    const controller = new AbortController();
    stopRef.current = controller;
    setStopping(false);
    const progress = new Map<number, BulkRowProgress>(plan.skipped);
    setRun({
      rows: checked.rows,
      progress,
      sent: plan.toSend.length,
      finished: false,
      stopped: false,
    });
    try {
      const jobs = plan.toSend.map((row) => ({ row: row.row, item: toCreateRequest(row.values) }));
      const result = await bulk.mutateAsync((create) =>
        runBulkCreate(jobs, create, {
          signal: controller.signal,
          onProgress: (row, state) =>
            setRun((current) => {
              if (!current) return current;
              const next = new Map(current.progress);
              next.set(row, state);
              return { ...current, progress: next };
            }),
        }),
      );
      setRun((current) => {
        if (!current) return current;
        const next = new Map(current.progress);
        for (const [row, outcome] of result.outcomes) next.set(row, outcome);
        return { ...current, progress: next, finished: true, stopped: result.stopped };
      });
    } catch (error) {
      // The runner reports each row and does not reject; this is a bug guard, said plainly.
      setCheckError(error);
      setRun((current) => (current ? { ...current, finished: true } : current));
    } finally {
      stopRef.current = null;
    }
  };

  const outcomes = run?.finished ? finalOutcomes(run) : null;

  return (
    <Stack gap="lg" maw={1200}>
      <div>
        <Text size="sm">
          <AnchorLink to="/mappings" size="sm">
            External mappings
          </AnchorLink>
        </Text>
        <Title order={1}>Bulk create mappings</Title>
        <Text c="dimmed">
          Paste or upload a CSV. Every row is checked before anything is sent; then the mappings are
          created a few at a time, within m3ter’s rate limit, and you get a result for each row.
        </Text>
      </div>

      {configuration.isError ? (
        <ErrorState
          error={configuration.error}
          title="Could not load the lists of entities, systems and tables (rows are checked without them)"
          onRetry={() => void configuration.refetch()}
          retrying={configuration.isFetching}
        />
      ) : null}

      {run === null ? (
        <Stack gap="sm">
          <Text size="sm">
            The first row names the columns: <Code>{REQUIRED_COLUMNS.join(', ')}</Code> and
            optionally <Code>integrationConfigId</Code>, in any order. Results name rows as a
            spreadsheet numbers them: the header is row 1. For example:
          </Text>
          <Code block>{EXAMPLE}</Code>
          {restored ? (
            <Text size="sm" c="dimmed" role="status">
              Your CSV from before was restored.
            </Text>
          ) : null}
          <Textarea
            label="Mappings as CSV"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            rows={10}
            resize="vertical"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            error={parseError}
          />
          <Group gap="sm">
            <FileButton onChange={(file) => void upload(file)} accept=".csv,text/csv,text/plain">
              {(props) => (
                <Button variant="default" {...props}>
                  Upload a CSV file…
                </Button>
              )}
            </FileButton>
            <Button
              onClick={() => void check()}
              loading={checking}
              disabled={text.trim() === '' || configuration.isPending}
            >
              Check the rows
            </Button>
            {text !== '' ? (
              <Button
                variant="subtle"
                color="gray"
                onClick={() => {
                  setText('');
                  setChecked(null);
                  setParseError(null);
                }}
              >
                Clear
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : null}

      {checkError ? (
        <ErrorState
          error={checkError}
          title="Could not check the rows against the mappings m3ter has"
          onRetry={() => void check()}
          retrying={checking}
        />
      ) : null}

      {checked && plan && run === null ? (
        <Stack gap="sm">
          {stale ? (
            <Notice tone="warning" role="status">
              The CSV changed after the check. Check the rows again before creating.
            </Notice>
          ) : null}
          <CheckSummary checked={checked} plan={plan} />
          {plan.duplicates > 0 ? (
            <Checkbox
              label={`Also create the ${plan.duplicates} row${plan.duplicates === 1 ? '' : 's'} that duplicate${plan.duplicates === 1 ? 's' : ''} an existing mapping`}
              checked={includeDuplicates}
              onChange={(e) => setIncludeDuplicates(e.currentTarget.checked)}
            />
          ) : null}
          <Group>
            <Button onClick={() => void start()} disabled={stale || plan.toSend.length === 0}>
              {plan.toSend.length === 0
                ? 'Nothing to create'
                : `Create ${plan.toSend.length} mapping${plan.toSend.length === 1 ? '' : 's'}`}
              {plan.skipped.size > 0 ? ` (skip ${plan.skipped.size})` : ''}
            </Button>
          </Group>
          <RowsTable
            rows={checked.rows}
            existing={checked.existing}
            progress={plan.skipped}
            beforeRun
          />
        </Stack>
      ) : null}

      {run ? (
        <Stack gap="sm">
          <RunProgress run={run} />
          {running ? (
            <Group>
              <Button
                color="red"
                variant="outline"
                onClick={() => {
                  stopRef.current?.abort();
                  setStopping(true);
                }}
                disabled={stopping}
              >
                {stopping ? 'Stopping…' : 'Stop'}
              </Button>
              <Text size="sm" c="dimmed">
                Stop sends no further rows; rows already sent finish and are reported.
              </Text>
            </Group>
          ) : null}
          {outcomes ? (
            <RunReport
              run={run}
              outcomes={outcomes}
              onRetryRows={(rows) => {
                setText(rowsToCsv(rows));
                setChecked(null);
                setRun(null);
              }}
              onStartOver={() => {
                setText('');
                setChecked(null);
                setRun(null);
              }}
            />
          ) : null}
          <RowsTable
            rows={run.rows}
            existing={checked?.existing}
            progress={run.progress}
            beforeRun={false}
          />
        </Stack>
      ) : null}
      <Modal.Root opened={guard.blocked} onClose={guard.stay} centered>
        <Modal.Overlay />
        <Modal.Content>
          {/* Compound form: the plain Modal's bare <header> is a second page banner for axe. */}
          <Modal.Header role="none">
            <Modal.Title fw={600}>Stop the bulk create and leave?</Modal.Title>
            <Modal.CloseButton aria-label="Close" />
          </Modal.Header>
          <Modal.Body>
            <Text size="sm">
              Rows are still being sent. If you leave, no further rows are sent and this page’s
              report of which rows were created is lost.
            </Text>
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={guard.stay} data-autofocus>
                Stay
              </Button>
              <Button
                color="red"
                onClick={() => {
                  stopRef.current?.abort();
                  guard.proceed();
                }}
              >
                Stop and leave
              </Button>
            </Group>
          </Modal.Body>
        </Modal.Content>
      </Modal.Root>
    </Stack>
  );
}

interface Plan {
  toSend: BulkRow[];
  /** Rows not sent, with why. */
  skipped: Map<number, BulkOutcome>;
  invalid: number;
  duplicates: number;
}

function planRun(checked: Checked, includeDuplicates: boolean): Plan {
  const toSend: BulkRow[] = [];
  const skipped = new Map<number, BulkOutcome>();
  let invalid = 0;
  let duplicates = 0;
  for (const row of checked.rows) {
    if (!isRowValid(row)) {
      invalid++;
      skipped.set(row.row, {
        status: 'skipped',
        message: `Not sent: ${rowProblemList(row).join(' ')}`,
      });
      continue;
    }
    const existing = checked.existing.get(row.row);
    if (existing) {
      duplicates++;
      if (!includeDuplicates) {
        skipped.set(row.row, {
          status: 'skipped',
          message: `Not sent: already mapped (mapping ${existing.map((m) => m.id).join(', ')}).`,
        });
        continue;
      }
    }
    toSend.push(row);
  }
  return { toSend, skipped, invalid, duplicates };
}

function finalOutcomes(run: Run): Map<number, BulkOutcome> {
  const outcomes = new Map<number, BulkOutcome>();
  for (const [row, state] of run.progress) {
    if (state.status === 'sending' || state.status === 'waiting') continue;
    outcomes.set(row, state);
  }
  return outcomes;
}

function CheckSummary({ checked, plan }: { checked: Checked; plan: Plan }) {
  // "Check the rows" is disabled while it checks, which drops keyboard focus to <body>: land on
  // the result of the check instead, as the run report does when a run ends.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const total = checked.rows.length;
  return (
    <Notice
      tone={plan.invalid > 0 ? 'warning' : 'success'}
      title={`${total} row${total === 1 ? '' : 's'} checked`}
      role="status"
      ref={headingRef}
    >
      <List size="sm">
        <List.Item>{total - plan.invalid - plan.duplicates} ready to create</List.Item>
        {plan.invalid > 0 ? (
          <List.Item>
            {plan.invalid} with problems: they are not sent (fix them in the CSV and check again)
          </List.Item>
        ) : null}
        {plan.duplicates > 0 ? (
          <List.Item>
            {plan.duplicates} already mapped in m3ter (same m3ter entity, id, system and table)
          </List.Item>
        ) : null}
        {checked.ignoredColumns.length > 0 ? (
          <List.Item>Ignored columns: {checked.ignoredColumns.join(', ')}</List.Item>
        ) : null}
        {checked.existingTruncated ? (
          <List.Item>
            These ids have very many mappings: the check for existing ones looked at the first
            2,000.
          </List.Item>
        ) : null}
      </List>
    </Notice>
  );
}

function RunProgress({ run }: { run: Run }) {
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

interface RunReportProps {
  run: Run;
  outcomes: Map<number, BulkOutcome>;
  onRetryRows: (rows: BulkRow[]) => void;
  onStartOver: () => void;
}

function RunReport({ run, outcomes, onRetryRows, onStartOver }: RunReportProps) {
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

interface RowsTableProps {
  rows: readonly BulkRow[];
  existing: Map<number, ExternalMapping[]> | undefined;
  progress: ReadonlyMap<number, BulkRowProgress>;
  /** Checked but not sent yet: say what will happen to each row, not what did. */
  beforeRun: boolean;
}

function RowsTable({ rows, existing, progress, beforeRun }: RowsTableProps) {
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
