import {
  Box,
  Button,
  CopyButton as MantineCopyButton,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { statusGroupOf, type IntegrationRun } from '../../api';
import { CopyButton } from '../../components/copy-button';
import { QueryState } from '../../components/query-state';
import { StatusBadge, statusGroupLabel } from '../../components/status-badge';
import { formatDuration } from '../../lib/duration';
import { runQueries } from '../../queries/runs';
import { RetryChainTree } from './retry-chain-tree';
import { RunFields } from './run-fields';
import type { RunLinkHandlers } from './run-links';
import { RunLogPanel } from './run-log-panel';
import { RelatedLinks } from './run-related-links';
import type { TimeZoneChoice } from './search-schema';
import { formatInstant, zoneLabel } from '../../lib/time';
import { ButtonLink } from '../../components/router-links';

/** How often an in-progress run is re-read while it is open. */
const IN_PROGRESS_REFRESH_MS = 15_000;

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

  return (
    <QueryState
      query={query}
      what="the run"
      notFound={{
        title: `No run with id ${runId}`,
        body: 'm3ter keeps no run with this id: the link is wrong, or the run is older than m3ter keeps.',
      }}
      skeleton={
        <>
          <Skeleton height={28} width="50%" />
          <Skeleton height={160} />
        </>
      }
    >
      {(run) => <RunSections run={run} tz={tz} variant={variant} href={href} open={open} />}
    </QueryState>
  );
}

function RunSections({
  run,
  tz,
  variant,
  href,
  open,
}: Omit<RunDetailProps, 'runId'> & { run: IntegrationRun }) {
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
