import {
  Alert,
  Button,
  Code,
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
import { useRef, type ReactNode } from 'react';
import { isUuid, type IntegrationConfig } from '../../api';
import { CopyButton } from '../../components/copy-button';
import { RelativeTime } from '../../components/relative-time';
import { formatJsonObject } from '../../components/form/json-object';
import { configLabel } from '../../lib/labels';
import { DeleteConfigButton, EnableConfigButton } from './config-actions';
import { HealthBadges } from '../../components/health-badges';
import { explainHealth, healthOf } from './health';
import { READABLE_TITLE } from '../../components/readable';
import { configQueries } from '../../queries/configs';
import { mappingQueries } from '../../queries/mappings';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import { QueryState } from '../../components/query-state';
import { CONFIG_LOAD_STATE } from './config-load-state';
import { isWebhookDestination, WebhookDestinationName } from './webhook-destination';

/** The fields shown in their own rows; anything else m3ter sends is listed under "Other fields". */
const KNOWN_FIELDS = new Set([
  'id',
  'version',
  'name',
  'entityType',
  'entityId',
  'destination',
  'destinationId',
  'integrationCredentialsId',
  'configData',
  'authorized',
  'enabled',
  'triggerType',
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

function IdFact({ label, id }: { label: string; id: string | undefined }) {
  return (
    <Fact label={label}>
      {id ? (
        <Group gap={4} wrap="nowrap" component="span">
          <Text span size="sm" ff="monospace">
            {id}
          </Text>
          <CopyButton value={id} label={`Copy ${label.toLowerCase()}`} />
        </Group>
      ) : (
        <Text span size="sm" c="dimmed">
          Not set
        </Text>
      )}
    </Fact>
  );
}

function RelatedLinks({ config }: { config: IntegrationConfig }) {
  const mappings = useQuery(mappingQueries.countForConfig(config.id));
  const entityKind = config.entityType === 'Notification' ? 'Notification' : 'Bill';
  const knownRunEntity = config.entityType === 'Bill' || config.entityType === 'Notification';
  // A failed refresh keeps the count it had; only a count never loaded is "unavailable".
  const mappingCount = mappings.data
    ? `${mappings.data.count}${mappings.data.truncated ? '+' : ''}`
    : mappings.isError
      ? 'count unavailable'
      : 'counting…';

  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      <li>
        {knownRunEntity && config.entityId && isUuid(config.entityId) ? (
          <AnchorLink
            to="/runs/$entityType/$entityId"
            params={{ entityType: entityKind, entityId: config.entityId.toLowerCase() }}
            size="sm"
          >
            Runs of this {entityKind} ({config.entityId.slice(0, 8)}…)
          </AnchorLink>
        ) : knownRunEntity ? (
          <Text size="sm">
            Applies to every {config.entityType}:{' '}
            <AnchorLink to="/runs" search={{ type: entityKind }} size="sm">
              find the runs of one {config.entityType}
            </AnchorLink>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            Runs are listed per Bill or Notification; this configuration is for {config.entityType}.
          </Text>
        )}
      </li>
      <li>
        {config.destinationId && isUuid(config.destinationId) ? (
          <AnchorLink
            to="/runs/destination/$destinationId"
            params={{ destinationId: config.destinationId.toLowerCase() }}
            size="sm"
          >
            Runs sent to this destination ({config.destination})
          </AnchorLink>
        ) : (
          <Text size="sm" c="dimmed">
            No destination id, so no destination run history.
          </Text>
        )}
      </li>
      <li>
        <AnchorLink to="/mappings" search={{ integrationConfigId: config.id }} size="sm">
          External mappings linked to this configuration ({mappingCount})
        </AnchorLink>
        {mappings.isError && !mappings.data ? (
          <Button
            variant="subtle"
            size="compact-xs"
            ml="xs"
            onClick={() => void mappings.refetch()}
            loading={mappings.isFetching}
          >
            Retry count
          </Button>
        ) : null}
      </li>
    </Stack>
  );
}

function ConfigDetail({ config }: { config: IntegrationConfig }) {
  const navigate = useNavigate();
  const health = explainHealth(config);
  const state = healthOf(config);
  const configDataText = formatJsonObject(config.configData);
  const extras = Object.entries(config).filter(([key]) => !KNOWN_FIELDS.has(key));
  // Enabling removes the Enable button; focus moves to the health it changed, not to <body>.
  const healthRef = useRef<HTMLDivElement>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <AnchorLink to="/configs" size="sm">
            ← Integration configurations
          </AnchorLink>
          <Title order={1} size="h2">
            {configLabel(config)}
          </Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {config.entityType} → {config.destination} · version {config.version ?? '?'}
            </Text>
            <HealthBadges config={config} />
          </Group>
        </Stack>
        <Group gap="xs">
          <ButtonLink to="/configs/$id/edit" params={{ id: config.id }}>
            Edit
          </ButtonLink>
          <DeleteConfigButton config={config} onDeleted={() => void navigate({ to: '/configs' })} />
        </Group>
      </Group>

      {/* A region, not Mantine's default alert: the health of a config that merely opened is not an
          interruption to announce, but a landmark to find. */}
      <Alert
        color={state === 'healthy' ? 'teal' : state === 'unknown' ? 'gray' : 'orange'}
        styles={READABLE_TITLE}
        title={health.title}
        role="region"
        ref={healthRef}
        tabIndex={-1}
      >
        <Stack gap="xs">
          <Text size="sm">{health.detail}</Text>
          {config.enabled === false ? (
            <Group>
              <EnableConfigButton config={config} onEnabled={() => healthRef.current?.focus()} />
            </Group>
          ) : null}
        </Stack>
      </Alert>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="config-facts">
        <Title order={2} size="h4" id="config-facts" mb="sm">
          Details
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="dl" m={0}>
          <Fact label="Name">{config.name || '(unnamed)'}</Fact>
          <IdFact label="Configuration id" id={config.id} />
          <Fact label="Version">{config.version ?? '—'}</Fact>
          <Fact label="Entity type">{config.entityType}</Fact>
          <IdFact label="Entity id" id={config.entityId} />
          <Fact label="Destination">{config.destination}</Fact>
          <IdFact label="Destination id" id={config.destinationId} />
          {isWebhookDestination(config.destination) &&
          config.destinationId &&
          isUuid(config.destinationId) ? (
            <Fact label="Webhook destination">
              <WebhookDestinationName id={config.destinationId} />
            </Fact>
          ) : null}
          <IdFact label="Credentials id" id={config.integrationCredentialsId} />
          <Fact label="Enabled">
            {config.enabled === undefined ? '—' : config.enabled ? 'Yes' : 'No'}
          </Fact>
          <Fact label="Authorized">
            {config.authorized === undefined ? '—' : config.authorized ? 'Yes' : 'No'}
          </Fact>
          <Fact label="Created">
            <RelativeTime value={config.dtCreated} />
            {config.createdBy ? ` by ${config.createdBy}` : ''}
          </Fact>
          <Fact label="Last modified">
            <RelativeTime value={config.dtLastModified} />
            {config.lastModifiedBy ? ` by ${config.lastModifiedBy}` : ''}
          </Fact>
          {config.triggerType ? (
            <Fact label="Trigger type (deprecated)">{config.triggerType}</Fact>
          ) : null}
          {extras.map(([key, value]) => (
            <Fact key={key} label={key}>
              {typeof value === 'string' ? value : JSON.stringify(value)}
            </Fact>
          ))}
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="config-data">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="config-data">
            Configuration data
          </Title>
          <CopyButton value={configDataText} label="Copy configuration data as JSON" />
        </Group>
        <Code
          block
          tabIndex={0}
          aria-label="Configuration data as JSON"
          style={{ maxHeight: 420, overflow: 'auto' }}
        >
          {configDataText}
        </Code>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="config-related">
        <Title order={2} size="h4" id="config-related" mb="sm">
          Related
        </Title>
        <RelatedLinks config={config} />
      </Paper>
    </Stack>
  );
}

/** `/configs/$id`: every field, the audit facts, health explained, related runs and mappings. */
export function ConfigDetailPage({ id }: { id: string }) {
  const query = useQuery(configQueries.detail(id));
  return (
    <QueryState
      query={query}
      heading="Integration configuration"
      {...CONFIG_LOAD_STATE}
      errorAction={
        <ButtonLink to="/configs" variant="default" w="fit-content">
          Back to the list
        </ButtonLink>
      }
      skeleton={
        <>
          <Skeleton height={32} width="40%" />
          <Skeleton height={80} />
          <Skeleton height={200} />
        </>
      }
    >
      {(config) => <ConfigDetail config={config} />}
    </QueryState>
  );
}
