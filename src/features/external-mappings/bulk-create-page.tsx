import {
  Button,
  Checkbox,
  Code,
  FileButton,
  Group,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { Dialog } from '../../components/dialog';
import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '../../components/error-state';
import { AnchorLink } from '../../components/router-links';
import { useUnsavedChangesGuard } from '../../lib/use-unsaved-changes-guard';
import { configQueries } from '../../queries/configs';
import { mappingQueries } from '../../queries/mappings';
import { BulkCheckSummary } from './bulk-check-summary';
import { BulkRunProgress, BulkRunReport } from './bulk-report';
import { OPTIONAL_COLUMNS, REQUIRED_COLUMNS } from './bulk-rows';
import { BulkRowsTable } from './bulk-rows-table';
import { Notice } from '../../components/notice';
import { useBulkCreate } from './use-bulk-create';

const EXAMPLE = `${[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(',')}
Account,3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b,Stripe,Customer,cus_Q1w2E3r4T5y6,`;

/** `/mappings/bulk`: paste or upload CSV, check every row, then create them within m3ter's rate limit. */
export function BulkCreatePage() {
  const configuration = useQuery(mappingQueries.configuration());
  const configs = useQuery(configQueries.list());
  const bulk = useBulkCreate({ configuration: configuration.data, configs: configs.data?.items });
  const { text, restored, parseError, checking, error, checked, includeDuplicates, run, stopping } =
    bulk.state;
  const { plan, outcomes, running, stale } = bulk;
  const guard = useUnsavedChangesGuard(running);

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
            onChange={(e) => bulk.edit(e.currentTarget.value)}
            rows={10}
            resize="vertical"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            error={parseError}
          />
          <Group gap="sm">
            <FileButton
              onChange={(file) => void bulk.upload(file)}
              accept=".csv,text/csv,text/plain"
            >
              {(props) => (
                <Button variant="default" {...props}>
                  Upload a CSV file…
                </Button>
              )}
            </FileButton>
            <Button
              onClick={() => void bulk.check()}
              loading={checking}
              disabled={text.trim() === '' || configuration.isPending}
            >
              Check the rows
            </Button>
            {text !== '' ? (
              <Button variant="subtle" color="gray" onClick={bulk.clear}>
                Clear
              </Button>
            ) : null}
          </Group>
        </Stack>
      ) : null}

      {error ? (
        <ErrorState
          error={error}
          title="Could not check the rows against the mappings m3ter has"
          onRetry={() => void bulk.check()}
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
          <BulkCheckSummary checked={checked} plan={plan} />
          {plan.duplicates > 0 ? (
            <Checkbox
              label={`Also create the ${plan.duplicates} row${plan.duplicates === 1 ? '' : 's'} that duplicate${plan.duplicates === 1 ? 's' : ''} an existing mapping`}
              checked={includeDuplicates}
              onChange={(e) => bulk.includeDuplicates(e.currentTarget.checked)}
            />
          ) : null}
          <Group>
            <Button onClick={() => void bulk.start()} disabled={stale || plan.toSend.length === 0}>
              {plan.toSend.length === 0
                ? 'Nothing to create'
                : `Create ${plan.toSend.length} mapping${plan.toSend.length === 1 ? '' : 's'}`}
              {plan.skipped.size > 0 ? ` (skip ${plan.skipped.size})` : ''}
            </Button>
          </Group>
          <BulkRowsTable
            rows={checked.rows}
            existing={checked.existing}
            progress={plan.skipped}
            beforeRun
          />
        </Stack>
      ) : null}

      {run ? (
        <Stack gap="sm">
          <BulkRunProgress run={run} />
          {running ? (
            <Group>
              <Button color="red" variant="outline" onClick={bulk.stop} disabled={stopping}>
                {stopping ? 'Stopping…' : 'Stop'}
              </Button>
              <Text size="sm" c="dimmed">
                Stop sends no further rows; rows already sent finish and are reported.
              </Text>
            </Group>
          ) : null}
          {outcomes ? (
            <BulkRunReport
              run={run}
              outcomes={outcomes}
              onRetryRows={bulk.retryRows}
              onStartOver={bulk.startOver}
            />
          ) : null}
          <BulkRowsTable
            rows={run.rows}
            existing={checked?.existing}
            progress={run.progress}
            beforeRun={false}
          />
        </Stack>
      ) : null}
      <Dialog opened={guard.blocked} onClose={guard.stay} title="Stop the bulk create and leave?">
        <Text size="sm">
          Rows are still being sent. If you leave, no further rows are sent and this page’s report
          of which rows were created is lost.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={guard.stay} data-autofocus>
            Stay
          </Button>
          <Button
            color="red"
            onClick={() => {
              bulk.stop();
              guard.proceed();
            }}
          >
            Stop and leave
          </Button>
        </Group>
      </Dialog>
    </Stack>
  );
}
