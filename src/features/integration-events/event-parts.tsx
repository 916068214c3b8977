/** The pieces the events list and an event's page both show: its follow-up, what it is about. */
import { Stack, Text } from '@mantine/core';
import type { IntegrationConfig, IntegrationEventFacts } from '../../api';
import { RelativeTime } from '../../components/relative-time';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import { configLabel, shortId } from '../../lib/labels';
import { runEntityType, type FollowUp } from './follow-up';

/** The follow-up as a button-link to where it is done. */
export function FollowUpLink({
  followUp,
  size = 'xs',
}: {
  followUp: FollowUp;
  size?: 'xs' | 'sm';
}) {
  const common = { size, variant: 'light', w: 'fit-content' } as const;
  switch (followUp.kind) {
    case 'run':
      return (
        <ButtonLink {...common} to="/runs/run/$runId" params={{ runId: followUp.runId }}>
          {followUp.label}
        </ButtonLink>
      );
    case 'history':
      return (
        <ButtonLink
          {...common}
          to="/runs/$entityType/$entityId"
          params={{ entityType: followUp.entityType, entityId: followUp.entityId }}
        >
          {followUp.label}
        </ButtonLink>
      );
    case 'create-mapping':
      return (
        <ButtonLink {...common} to="/mappings/new" search={followUp.prefill}>
          {followUp.label}
        </ButtonLink>
      );
    case 'config':
      return (
        <ButtonLink {...common} to="/configs/$id" params={{ id: followUp.configId }}>
          {followUp.label}
        </ButtonLink>
      );
  }
}

/** The config's name when the list of configs knows it, else its short id. */
function configName(configId: string, configs: readonly IntegrationConfig[] | undefined): string {
  const config = configs?.find((c) => c.id === configId);
  return config ? configLabel(config) : `config ${shortId(configId)}`;
}

export function ConfigLink({
  configId,
  configs,
}: {
  configId: string;
  configs: readonly IntegrationConfig[] | undefined;
}) {
  return (
    <AnchorLink to="/configs/$id" params={{ id: configId }} size="sm" title={configId}>
      {configName(configId, configs)}
    </AnchorLink>
  );
}

export function EntityRunsLink({
  entityType,
  entityId,
}: {
  entityType?: string;
  entityId: string;
}) {
  const type = runEntityType(entityType);
  if (!type) {
    return (
      <Text span size="sm" title={entityId}>
        {entityType ?? 'Entity'} {shortId(entityId)}
      </Text>
    );
  }
  return (
    <AnchorLink
      to="/runs/$entityType/$entityId"
      params={{ entityType: type, entityId }}
      size="sm"
      title={entityId}
    >
      Runs of {type} {shortId(entityId)}
    </AnchorLink>
  );
}

export function AccountMappingsLink({ accountId, name }: { accountId: string; name?: string }) {
  return (
    <AnchorLink
      to="/mappings"
      search={{ lookup: 'm3ter', entity: 'Account', m3terId: accountId }}
      size="sm"
      title={accountId}
    >
      Mappings of Account {name ?? shortId(accountId)}
    </AnchorLink>
  );
}

export function RunLink({ runId }: { runId: string }) {
  return (
    <AnchorLink to="/runs/run/$runId" params={{ runId }} size="sm" title={runId}>
      Run {shortId(runId)}
    </AnchorLink>
  );
}

/** What an event concerns, as links (the list's cell); nothing known says so. */
export function EventConcerns({
  facts,
  configs,
}: {
  facts: IntegrationEventFacts;
  configs: readonly IntegrationConfig[] | undefined;
}) {
  const items = [
    facts.entityId ? (
      <EntityRunsLink key="entity" entityType={facts.entityType} entityId={facts.entityId} />
    ) : null,
    facts.accountId ? <AccountMappingsLink key="account" accountId={facts.accountId} /> : null,
    facts.integrationConfigId ? (
      <ConfigLink key="config" configId={facts.integrationConfigId} configs={configs} />
    ) : null,
    facts.integrationRunId ? <RunLink key="run" runId={facts.integrationRunId} /> : null,
    facts.destination ? (
      <Text key="destination" span size="sm" c="dimmed">
        To {facts.destination}
      </Text>
    ) : null,
  ].filter((item) => item !== null);
  if (items.length === 0) {
    return (
      <Text span size="sm" c="dimmed">
        Not said
      </Text>
    );
  }
  return <Stack gap={2}>{items}</Stack>;
}

/** "Not actioned", or "Actioned" with when. */
export function ActionedState({ dtActioned }: { dtActioned: string | null | undefined }) {
  if (!dtActioned) {
    return (
      <Text span size="sm" fw={500}>
        Not actioned
      </Text>
    );
  }
  return (
    <Text span size="sm" c="dimmed">
      Actioned <RelativeTime value={dtActioned} />
    </Text>
  );
}
