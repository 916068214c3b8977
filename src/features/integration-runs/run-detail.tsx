import {
  Anchor,
  Box,
  Button,
  CopyButton as MantineCopyButton,
  Divider,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { NotFoundError, statusGroupOf, type IntegrationRun } from '../../api';
import { CopyButton } from '../../components/copy-button';
import { ErrorState } from '../../components/error-state';
import { RetryingNotice } from '../../components/retrying-notice';
import { SafeExternalLink } from '../../components/safe-external-link';
import { StatusBadge, statusGroupLabel } from '../../components/status-badge';
import { formatDuration } from '../../lib/dates';
import { parseEntityType } from './entity-ref';
import { runQueries } from '../../queries/runs';
import { RetryChainTree } from './retry-chain-tree';
import { RunLogPanel } from './run-log-panel';
import type { RunLinkHandlers } from './runs-table';
import type { TimeZoneChoice } from './search-schema';
import { formatInstant, zoneLabel } from './time';
import { missingMappingPrefill } from './missing-mapping';
import { AnchorLink, ButtonLink } from '../../components/router-links';

/** How often an in-progress run is re-read while it is open. */
const IN_PROGRESS_REFRESH_MS = 15_000;

/** Fields shown in their own sections; anything else m3ter sends is listed under "Other fields". */
const KNOWN_FIELDS = new Set([
  'id',
  'status',
  'entityType',
  'entityId',
  'destination',
  'destinationId',
  'dtCreated',
  'dtStarted',
  'dtCompleted',
  'dtLastModified',
  'error',
  'url',
  'externalId',
  'parentIntegrationRunId',
  'version',
  'createdBy',
  'lastModifiedBy',
]);

interface RunDetailProps extends RunLinkHandlers {
  runId: string;
  tz: TimeZoneChoice;
  /** In the side panel the title is the drawer's, so the heading levels start lower. */
  variant: 'page' | 'panel';
}

/** Everything about one run: fields, timeline, error, retry chain, log and where to fix things. */
export function RunDetail({ runId, tz, variant, href, open }: RunDetailProps) {
  const query = useQuery({
    ...runQueries.detail(runId),
    refetchInterval: (q) =>
      q.state.data && statusGroupOf(q.state.data.status) === 'in-progress'
        ? IN_PROGRESS_REFRESH_MS
        : false,
  });

  if (query.isPending) {
    return (
      <Stack gap="xs">
        <Text c="dimmed" role="status">
          Loading run {runId}…
        </Text>
        <RetryingNotice query={query} what="the run" />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <ErrorState
        error={query.error}
        title={
          query.error instanceof NotFoundError
            ? `No run with id ${runId}`
            : 'Could not load the run'
        }
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  const run = query.data;
  const h = variant === 'page' ? 2 : 3;
  return (
    <Stack gap="lg">
      <RunHeader run={run} variant={variant} />
      <Section title="Timeline" order={h}>
        <Timeline run={run} tz={tz} />
      </Section>
      {run.error ? (
        <Section title="Error" order={h}>
          <Stack gap={4}>
            <Group gap="xs">
              <CopyButton value={run.error} label="Copy the error" />
              <Text size="xs" c="dimmed">
                as m3ter reported it
              </Text>
            </Group>
            <Box
              component="pre"
              m={0}
              p="sm"
              ff="monospace"
              fz="sm"
              style={{
                whiteSpace: 'pre-wrap',
                wordBreak: 'break-word',
                background: 'var(--mantine-color-red-light)',
                borderRadius: 'var(--mantine-radius-sm)',
              }}
            >
              {run.error}
            </Box>
          </Stack>
        </Section>
      ) : null}
      <Section title="Details" order={h}>
        <RunFields run={run} tz={tz} href={href} open={open} />
      </Section>
      <Section title="Retry chain" order={h}>
        <RetryChainTree run={run} tz={tz} href={href} open={open} />
      </Section>
      <Section title="Where to look next" order={h}>
        <RelatedLinks run={run} />
      </Section>
      <Section title="Run log" order={h}>
        <RunLogPanel runId={run.id} />
      </Section>
    </Stack>
  );
}

function Section({ title, order, children }: { title: string; order: 2 | 3; children: ReactNode }) {
  return (
    <Box component="section">
      <Title order={order} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Box>
  );
}

function RunHeader({ run, variant }: { run: IntegrationRun; variant: 'page' | 'panel' }) {
  const router = useRouter();
  const deepLink =
    typeof window === 'undefined'
      ? ''
      : new URL(
          router.buildLocation({ to: '/runs/run/$runId', params: { runId: run.id } }).href,
          window.location.origin,
        ).href;
  const group = statusGroupOf(run.status);
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        <StatusBadge status={run.status} size="lg" />
        <Text size="sm" c="dimmed">
          {group === 'unknown'
            ? 'A status this console does not know yet'
            : statusGroupLabel(group)}
        </Text>
      </Group>
      <Group gap={4} wrap="nowrap">
        <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }}>
          {run.id}
        </Text>
        <CopyButton value={run.id} label="Copy the run id" />
      </Group>
      <Group gap="xs">
        <MantineCopyButton value={deepLink} timeout={2000}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'teal' : undefined}
              onClick={copy}
            >
              {copied ? 'Link copied' : 'Copy link to this run'}
            </Button>
          )}
        </MantineCopyButton>
        {variant === 'panel' ? (
          <ButtonLink size="xs" variant="default" to="/runs/run/$runId" params={{ runId: run.id }}>
            Open as a page
          </ButtonLink>
        ) : null}
      </Group>
    </Stack>
  );
}

function Timeline({ run, tz }: { run: IntegrationRun; tz: TimeZoneChoice }) {
  const queued = formatDuration(run.dtCreated, run.dtStarted);
  const ran = formatDuration(run.dtStarted, run.dtCompleted);
  const total = formatDuration(run.dtCreated, run.dtCompleted);
  const inProgress = statusGroupOf(run.status) === 'in-progress';
  const at = (iso: string | undefined) =>
    iso ? (
      <time dateTime={iso}>{formatInstant(iso, tz)}</time>
    ) : (
      <Text span c="dimmed">
        —
      </Text>
    );
  return (
    <Box component="ol" m={0} pl="md" style={{ display: 'grid', gap: 4 }}>
      <li>
        <Text size="sm">
          <strong>Created</strong> {at(run.dtCreated)}
        </Text>
      </li>
      <li>
        <Text size="sm">
          <strong>Started</strong> {run.dtStarted ? at(run.dtStarted) : 'not yet'}
          {queued ? (
            <Text span c="dimmed">
              {' '}
              · waited {queued}
            </Text>
          ) : null}
        </Text>
      </li>
      <li>
        <Text size="sm">
          <strong>Completed</strong>{' '}
          {run.dtCompleted ? at(run.dtCompleted) : inProgress ? 'not yet (in progress)' : '—'}
          {ran ? (
            <Text span c="dimmed">
              {' '}
              · ran {ran}
            </Text>
          ) : null}
        </Text>
      </li>
      {total ? (
        <li>
          <Text size="sm">
            <strong>Total</strong> {total} from creation to completion
          </Text>
        </li>
      ) : null}
      <Text size="xs" c="dimmed" component="li" style={{ listStyle: 'none' }}>
        Times in {zoneLabel(tz)}.
      </Text>
    </Box>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </div>
  );
}

const dash = (
  <Text span c="dimmed">
    —
  </Text>
);

function RunFields({
  run,
  tz,
  href,
  open,
}: { run: IntegrationRun; tz: TimeZoneChoice } & RunLinkHandlers) {
  const entityType = parseEntityType(run.entityType);
  const extra = Object.entries(run).filter(([key]) => !KNOWN_FIELDS.has(key));
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm" m={0}>
      <Field label="Entity">
        {run.entityType}{' '}
        {entityType ? (
          <AnchorLink
            to="/runs/$entityType/$entityId"
            params={{ entityType, entityId: run.entityId }}
            size="sm"
            ff="monospace"
          >
            {run.entityId}
            <span className="visually-hidden"> (all runs of this {run.entityType})</span>
          </AnchorLink>
        ) : (
          <Text span ff="monospace" size="sm">
            {run.entityId}
          </Text>
        )}
      </Field>
      <Field label="Destination">
        {run.destination}
        {run.destinationId ? (
          <>
            {' · '}
            <AnchorLink
              to="/runs/destination/$destinationId"
              params={{ destinationId: run.destinationId }}
              size="sm"
              ff="monospace"
            >
              {run.destinationId}
              <span className="visually-hidden"> (all runs to this destination)</span>
            </AnchorLink>
          </>
        ) : null}
      </Field>
      <Field label="External id">
        {run.externalId ? (
          <Group gap={2} component="span" wrap="nowrap">
            <Text span ff="monospace" size="sm">
              {run.externalId}
            </Text>
            <CopyButton value={run.externalId} label="Copy the external id" />
          </Group>
        ) : (
          dash
        )}
      </Field>
      <Field label="External link">
        {run.url ? (
          <SafeExternalLink href={run.url}>Open in {run.destination}</SafeExternalLink>
        ) : (
          dash
        )}
      </Field>
      <Field label="Parent run">
        {run.parentIntegrationRunId ? (
          <Anchor
            href={href(run.parentIntegrationRunId)}
            size="sm"
            ff="monospace"
            onClick={(event) => {
              if (
                event.button !== 0 ||
                event.metaKey ||
                event.ctrlKey ||
                event.shiftKey ||
                event.altKey
              )
                return;
              event.preventDefault();
              open(run.parentIntegrationRunId as string);
            }}
          >
            {run.parentIntegrationRunId}
            <span className="visually-hidden"> (open the parent run)</span>
          </Anchor>
        ) : (
          'None: this is a first attempt'
        )}
      </Field>
      <Field label="Duration">{formatDuration(run.dtStarted, run.dtCompleted) ?? dash}</Field>
      <Field label="Created by">{run.createdBy ?? dash}</Field>
      <Field label="Last modified">
        {run.dtLastModified ? formatInstant(run.dtLastModified, tz) : dash}
        {run.lastModifiedBy ? ` by ${run.lastModifiedBy}` : ''}
      </Field>
      <Field label="Version">{run.version ?? dash}</Field>
      <Field label="Status (as sent by m3ter)">
        <Text span ff="monospace" size="sm">
          {run.status}
        </Text>
      </Field>
      {extra.map(([key, value]) => (
        <Field key={key} label={key}>
          <Text span ff="monospace" size="sm">
            {typeof value === 'string' ? value : JSON.stringify(value)}
          </Text>
        </Field>
      ))}
    </SimpleGrid>
  );
}

function RelatedLinks({ run }: { run: IntegrationRun }) {
  const entityType = parseEntityType(run.entityType);
  const missing = missingMappingPrefill(run);
  const destinations = useQuery({ ...runQueries.destinations(), enabled: !!missing });
  // The mapping belongs to the config that sent the run: pre-fill it when that is unambiguous.
  const configs = (
    destinations.data?.destinations.find((d) => d.destinationId === run.destinationId)?.configs ??
    []
  ).filter((c) => c.entityType === run.entityType);
  const configId = configs.length === 1 ? configs[0]?.id : undefined;
  return (
    <Stack gap={6}>
      {missing ? (
        <Stack gap={2}>
          <ButtonLink
            size="xs"
            variant="light"
            w="fit-content"
            to="/mappings/new"
            search={{ ...missing, ...(configId ? { integrationConfigId: configId } : {}) }}
          >
            Create the missing {missing.externalSystem}{' '}
            {missing.externalTable ? `${missing.externalTable} ` : ''}mapping
          </ButtonLink>
          <Text size="xs" c="dimmed">
            The error says {missing.externalSystem} has no record mapped to this {run.entityType}’s{' '}
            {missing.m3terEntity ?? 'entity'}
            {missing.m3terId ? '' : ': choose the m3ter id on the form'}.
          </Text>
        </Stack>
      ) : null}
      {run.destinationId ? (
        // The configs list searches ids too, so the destination id finds exactly its configs.
        <AnchorLink to="/configs" search={{ q: run.destinationId }} size="sm">
          Integration configs sending to this {run.destination} destination
        </AnchorLink>
      ) : null}
      <AnchorLink
        to="/mappings"
        search={{ lookup: 'm3ter', entity: run.entityType, m3terId: run.entityId }}
        size="sm"
      >
        External mappings of this {run.entityType}
      </AnchorLink>
      {entityType ? (
        <AnchorLink
          to="/runs/$entityType/$entityId"
          params={{ entityType, entityId: run.entityId }}
          size="sm"
        >
          Every run of this {run.entityType}
        </AnchorLink>
      ) : null}
      <Divider />
      <Text size="xs" c="dimmed">
        A missing mapping, expired credentials or a disabled config are the usual causes of failed
        runs.
      </Text>
    </Stack>
  );
}
