import { Stack, Table, Text } from '@mantine/core';
import { memo } from 'react';
import { readIntegrationEvent, type IntegrationConfig, type M3terEvent } from '../../api';
import { RelativeTime } from '../../components/relative-time';
import { AnchorLink } from '../../components/router-links';
import { EventTypeBadge } from '../../components/event-type-badge';
import { ActionedState, EventConcerns, FollowUpLink } from './event-parts';
import { eventNameLabel } from '../../lib/labels';
import { followUpOf } from './follow-up';

interface EventsTableProps {
  events: readonly M3terEvent[];
  configs: readonly IntegrationConfig[] | undefined;
  caption: string;
  /** Older results shown while the new filters load. */
  dimmed: boolean;
}

/**
 * Events newest first, as m3ter returns them. Every action is a real link (opens in a new tab too,
 * reached by Tab in reading order); the rows themselves are not clickable.
 */
export function EventsTable({ events, configs, caption, dimmed }: EventsTableProps) {
  return (
    <Table
      verticalSpacing="sm"
      style={{ opacity: dimmed ? 0.6 : undefined }}
      aria-busy={dimmed || undefined}
    >
      <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
        <Text size="sm" c="dimmed" span>
          {caption}
        </Text>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Time</Table.Th>
          <Table.Th>Type</Table.Th>
          <Table.Th>Message</Table.Th>
          <Table.Th>Concerns</Table.Th>
          <Table.Th>Actioned</Table.Th>
          <Table.Th>Next step</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((event) => (
          <EventRow key={event.id} event={event} configs={configs} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

const EventRow = memo(function EventRow({
  event,
  configs,
}: {
  event: M3terEvent;
  configs: readonly IntegrationConfig[] | undefined;
}) {
  const facts = readIntegrationEvent(event.m3terEvent);
  const followUp = followUpOf(event.eventName, facts);
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <RelativeTime value={event.eventTime} />
      </Table.Td>
      <Table.Td>
        <EventTypeBadge name={event.eventName} />
      </Table.Td>
      <Table.Td maw={420}>
        {facts.message ? (
          <Text size="sm" lineClamp={3} title={facts.message} style={{ wordBreak: 'break-word' }}>
            {facts.message}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            The event gives no message.
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <EventConcerns facts={facts} configs={configs} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <ActionedState dtActioned={event.dtActioned} />
      </Table.Td>
      <Table.Td>
        <Stack gap={6} align="flex-start">
          {followUp ? <FollowUpLink followUp={followUp} /> : null}
          <AnchorLink
            to="/events/$eventId"
            params={{ eventId: event.id }}
            size="sm"
            title={`${eventNameLabel(event.eventName)} ${event.id}`}
          >
            View event
          </AnchorLink>
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
});
