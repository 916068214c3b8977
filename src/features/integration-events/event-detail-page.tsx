import { Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  readIntegrationEvent,
  type IntegrationConfig,
  type IntegrationEventFacts,
  type M3terEvent,
} from '../../api';
import { CopyButton } from '../../components/copy-button';
import { QueryState } from '../../components/query-state';
import { RelativeTime } from '../../components/relative-time';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import { formatExact } from '../../lib/dates';
import { accountQueries } from '../../queries/bills';
import { configQueries } from '../../queries/configs';
import { eventQueries } from '../../queries/events';
import {
  AccountMappingsLink,
  ActionedState,
  ConfigLink,
  EntityRunsLink,
  FollowUpLink,
  RunLink,
} from './event-parts';
import { eventNameLabel } from '../../lib/labels';
import { EventTypeBadge } from '../../components/event-type-badge';
import { followUpOf } from './follow-up';
import classes from './event-detail-page.module.css';

const BACK = (
  <ButtonLink to="/events" variant="default">
    Back to integration events
  </ButtonLink>
);

/** `/events/$eventId`: one event, every field of it, what to do about it and its raw JSON. */
export function EventDetailPage({ eventId }: { eventId: string }) {
  const event = useQuery(eventQueries.detail(eventId));
  return (
    <Stack gap="lg">
      <AnchorLink to="/events" size="sm">
        ← All integration events
      </AnchorLink>
      <QueryState
        query={event}
        what="this event"
        heading="Integration event"
        errorTitle="Could not load this event"
        notFound={{
          title: 'This event does not exist (or is no longer kept)',
          body: 'The link may be wrong, or m3ter no longer keeps an event this old.',
          action: BACK,
        }}
        errorAction={<Group>{BACK}</Group>}
      >
        {(data) => <EventDetail event={data} />}
      </QueryState>
    </Stack>
  );
}

function EventDetail({ event }: { event: M3terEvent }) {
  const facts = readIntegrationEvent(event.m3terEvent);
  const followUp = followUpOf(event.eventName, facts);
  const configs = useQuery(configQueries.list());
  const raw = rawJson(event.m3terEvent);
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1} size="h2">
          {eventNameLabel(event.eventName)} · {formatExact(event.eventTime)}
        </Title>
        <Group gap="xs">
          <EventTypeBadge name={event.eventName} size="lg" />
          <RelativeTime value={event.eventTime} />
        </Group>
      </Stack>

      {facts.message ? (
        <Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{facts.message}</Text>
      ) : (
        <Text c="dimmed" fs="italic">
          The event gives no message.
        </Text>
      )}

      {followUp ? (
        <Group>
          <FollowUpLink followUp={followUp} size="sm" />
        </Group>
      ) : null}

      <section aria-labelledby="event-fields">
        <Title order={2} size="h4" id="event-fields" mb="xs">
          Event
        </Title>
        <dl className={classes.fields}>
          <Field term="Id">
            <Group gap={4} wrap="nowrap">
              <Text span size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                {event.id}
              </Text>
              <CopyButton value={event.id} label="Copy the event id" />
            </Group>
          </Field>
          <Field term="Name">
            <Text span size="sm" ff="monospace">
              {event.eventName}
            </Text>
          </Field>
          <Field term="Time">
            <Text span size="sm">
              {formatExact(event.eventTime)}
            </Text>
          </Field>
          <Field term="Actioned">
            <ActionedState dtActioned={event.dtActioned} />
            {event.dtActioned ? (
              <Text span size="sm" c="dimmed">
                {' '}
                ({formatExact(event.dtActioned)})
              </Text>
            ) : null}
          </Field>
        </dl>
      </section>

      <section aria-labelledby="event-facts">
        <Title order={2} size="h4" id="event-facts" mb="xs">
          What it concerns
        </Title>
        <Facts facts={facts} configs={configs.data?.items} />
      </section>

      <section aria-labelledby="event-raw">
        <Group gap="xs" mb="xs">
          <Title order={2} size="h4" id="event-raw">
            Raw event (m3terEvent)
          </Title>
          <CopyButton value={raw} label="Copy the raw event" />
        </Group>
        <pre className={classes.raw} aria-labelledby="event-raw">
          {raw}
        </pre>
      </section>
    </Stack>
  );
}

/** The raw details as formatted JSON, whatever their shape (m3ter leaves `m3terEvent` open). */
function rawJson(value: unknown): string {
  if (value === undefined) return '(none)';
  return JSON.stringify(value, null, 2);
}

function Field({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Facts({
  facts,
  configs,
}: {
  facts: IntegrationEventFacts;
  configs: readonly IntegrationConfig[] | undefined;
}) {
  const rows: ReactNode[] = [];
  const text = (value: string, mono = false) => (
    <Text span size="sm" ff={mono ? 'monospace' : undefined} style={{ wordBreak: 'break-all' }}>
      {value}
    </Text>
  );
  if (facts.entityId) {
    rows.push(
      <Field key="entity" term={facts.entityType ?? 'Entity'}>
        <Group gap="xs">
          {text(facts.entityId, true)}
          <EntityRunsLink entityType={facts.entityType} entityId={facts.entityId} />
        </Group>
      </Field>,
    );
  } else if (facts.entityType) {
    rows.push(
      <Field key="entityType" term="Entity type">
        {text(facts.entityType)}
      </Field>,
    );
  }
  if (facts.accountId) {
    rows.push(
      <Field key="account" term="Account">
        <AccountFact accountId={facts.accountId} />
      </Field>,
    );
  }
  if (facts.integrationConfigId) {
    rows.push(
      <Field key="config" term="Integration config">
        <ConfigLink configId={facts.integrationConfigId} configs={configs} />
      </Field>,
    );
  }
  if (facts.integrationRunId) {
    rows.push(
      <Field key="run" term="Integration run">
        <RunLink runId={facts.integrationRunId} />
      </Field>,
    );
  }
  const plain: [keyof IntegrationEventFacts, string, boolean][] = [
    ['destination', 'Destination', false],
    ['destinationId', 'Destination id', true],
    ['m3terEntity', 'm3ter entity', false],
    ['m3terId', 'm3ter id', true],
    ['externalSystem', 'External system', false],
    ['externalTable', 'External table', false],
  ];
  for (const [key, term, mono] of plain) {
    const value = facts[key];
    if (value)
      rows.push(
        <Field key={key} term={term}>
          {text(value, mono)}
        </Field>,
      );
  }
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        The event names nothing this console can read (no Bill, Account, config or run); its raw
        details are below.
      </Text>
    );
  }
  return <dl className={classes.fields}>{rows}</dl>;
}

/** The account's id, its name when m3ter knows it, and a link to its mappings. */
function AccountFact({ accountId }: { accountId: string }) {
  const account = useQuery(accountQueries.detail(accountId));
  const name = account.data?.name;
  return (
    <Group gap="xs">
      <Text span size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {accountId}
      </Text>
      {name ? (
        <Text span size="sm">
          ({name})
        </Text>
      ) : null}
      <AccountMappingsLink accountId={accountId} name={name} />
    </Group>
  );
}
