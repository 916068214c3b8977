import {
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { isUuid, type WebhookDestination } from '../../api';
import { CopyButton } from '../../components/copy-button';
import { QueryState } from '../../components/query-state';
import { READABLE_TEXT } from '../../components/readable';
import { RelativeTime } from '../../components/relative-time';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import { SafeExternalLink } from '../../components/safe-external-link';
import { actorLabel, configLabel } from '../../lib/labels';
import { webhookDestinationQueries } from '../../queries/webhook-destinations';
import { ActiveToggle, DeleteDestination } from './destination-actions';
import { DESTINATION_LOAD_STATE } from './destination-load-state';
import { urlHost } from '../../lib/labels';
import { destinationLabel } from './labels';
import { useSendingConfigs } from './sending-configs';

/** Shown in their own rows; anything else m3ter sends is listed after them. */
const KNOWN_FIELDS = new Set([
  'id',
  'version',
  'name',
  'description',
  'code',
  'active',
  'url',
  'credentials',
  'dtCreated',
  'createdBy',
  'dtLastModified',
  'lastModifiedBy',
]);

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </div>
  );
}

export function ActiveBadge({ active }: { active: boolean | undefined }) {
  return (
    <Badge
      size="sm"
      variant="light"
      color={active === false ? 'gray' : 'teal'}
      c={READABLE_TEXT}
      tt="none"
      style={{ minWidth: 'max-content' }}
    >
      {active === false ? 'Inactive' : 'Active'}
    </Badge>
  );
}

function SendingConfigs({ destination }: { destination: WebhookDestination }) {
  const { query, items } = useSendingConfigs(destination.id);
  if (query.isPending) return <Skeleton height={40} />;
  if (!items) {
    return (
      <Group gap="xs">
        <Text size="sm">The configurations could not be loaded.</Text>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => void query.refetch()}
          loading={query.isFetching}
        >
          Retry
        </Button>
      </Group>
    );
  }
  if (items.length === 0) {
    return <Text size="sm">No configuration sends here yet.</Text>;
  }
  return (
    <Stack gap={4} component="ul" m={0} pl="md">
      {items.map((c) => (
        <li key={c.id}>
          <AnchorLink to="/configs/$id" params={{ id: c.id }} size="sm">
            {configLabel(c)}
          </AnchorLink>
          <Text span size="sm" c="dimmed">
            {' '}
            · {c.entityType}
            {c.enabled === false ? ' · disabled' : ''}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

function DestinationDetail({ destination }: { destination: WebhookDestination }) {
  const navigate = useNavigate();
  const { items: configs } = useSendingConfigs(destination.id);
  const label = destinationLabel(destination);
  const extras = Object.entries(destination).filter(([key]) => !KNOWN_FIELDS.has(key));
  const credentials = destination.credentials;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <AnchorLink to="/destinations/webhooks" size="sm">
            ← Webhook destinations
          </AnchorLink>
          <Title order={1} size="h2">
            {label}
          </Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              Webhook to {urlHost(destination.url) || 'no URL'} · version{' '}
              {destination.version ?? '?'}
            </Text>
            <ActiveBadge active={destination.active} />
          </Group>
        </Stack>
        <Group gap="xs">
          <ButtonLink to="/destinations/webhooks/$id/edit" params={{ id: destination.id }}>
            Edit
          </ButtonLink>
          <ActiveToggle destination={destination} configs={configs} />
          <DeleteDestination
            destination={destination}
            configs={configs}
            onDeleted={() => void navigate({ to: '/destinations/webhooks' })}
          />
        </Group>
      </Group>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="destination-facts">
        <Title order={2} size="h4" id="destination-facts" mb="sm">
          Details
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="dl" m={0}>
          <Fact label="Name">{destination.name || '(unnamed)'}</Fact>
          <Fact label="Code">{destination.code || '—'}</Fact>
          <Fact label="Active">{destination.active === false ? 'No' : 'Yes'}</Fact>
          <Fact label="URL">
            <Group gap={4} wrap="nowrap" align="flex-start">
              <SafeExternalLink href={destination.url} />
              {destination.url ? <CopyButton value={destination.url} label="Copy the URL" /> : null}
            </Group>
          </Fact>
          <Fact label="Description">{destination.description || '—'}</Fact>
          <Fact label="Destination id">
            <Group gap={4} wrap="nowrap">
              <Text span size="sm" ff="monospace">
                {destination.id}
              </Text>
              <CopyButton value={destination.id} label="Copy the destination id" />
            </Group>
          </Fact>
          <Fact label="Version">{destination.version ?? '—'}</Fact>
          <Fact label="Signing credentials">
            {credentials
              ? `${credentials.type ?? 'M3TER_SIGNED_REQUEST'}: api key and secret stored (write-only, never shown)`
              : 'None stored'}
          </Fact>
          <Fact label="Created">
            <RelativeTime value={destination.dtCreated} />
            {destination.createdBy ? ` by ${actorLabel(destination.createdBy)}` : ''}
          </Fact>
          <Fact label="Last modified">
            <RelativeTime value={destination.dtLastModified} />
            {destination.lastModifiedBy ? ` by ${actorLabel(destination.lastModifiedBy)}` : ''}
          </Fact>
          {extras.map(([key, value]) => (
            <Fact key={key} label={key}>
              {typeof value === 'string' ? value : JSON.stringify(value)}
            </Fact>
          ))}
        </SimpleGrid>
      </Paper>

      <Paper
        withBorder
        p="md"
        radius="md"
        component="section"
        aria-labelledby="destination-configs"
      >
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="destination-configs">
            Configurations that send here
          </Title>
          <ButtonLink
            variant="default"
            to="/configs/new"
            search={{
              entityType: 'Notification',
              destination: 'Webhook',
              destinationId: destination.id,
              name: `Notification → ${label}`,
            }}
          >
            Create a Notification integration that sends here
          </ButtonLink>
        </Group>
        <SendingConfigs destination={destination} />
      </Paper>

      <Paper
        withBorder
        p="md"
        radius="md"
        component="section"
        aria-labelledby="destination-related"
      >
        <Title order={2} size="h4" id="destination-related" mb="sm">
          Related
        </Title>
        {isUuid(destination.id) ? (
          <AnchorLink
            to="/runs/destination/$destinationId"
            params={{ destinationId: destination.id.toLowerCase() }}
            size="sm"
          >
            Runs sent to {label}
          </AnchorLink>
        ) : (
          <Text size="sm" c="dimmed">
            This id is not a UUID, so it has no run history here.
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

/** `/destinations/webhooks/$id`: every field, the configs that send here, activate, delete, runs. */
export function DestinationDetailPage({ id }: { id: string }) {
  const query = useQuery(webhookDestinationQueries.detail(id));
  return (
    <QueryState
      query={query}
      heading="Webhook destination"
      {...DESTINATION_LOAD_STATE}
      errorAction={
        <ButtonLink to="/destinations/webhooks" variant="default" w="fit-content">
          Back to the list
        </ButtonLink>
      }
      skeleton={
        <>
          <Skeleton height={32} width="40%" />
          <Skeleton height={200} />
        </>
      }
    >
      {(destination) => <DestinationDetail destination={destination} />}
    </QueryState>
  );
}
