import { Alert, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import type { SolvimonIntegration } from '../../api/solvimon';
import { Notice } from '../../components/notice';
import { QueryState } from '../../components/query-state';
import { READABLE_TITLE } from '../../components/readable';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import { SOLVIMON_LOAD_STATE } from './load-state';
import { solvimonQueries } from '../../queries/solvimon-integrations';
import { DeleteIntegrationButton } from './delete-integration';
import {
  solvimonIntegrationLabel,
  solvimonStatusOf,
  solvimonTypeLabel,
  solvimonVariantLabel,
  solvimonVariantOf,
} from './labels';
import { SolvimonLifecycleActions, type RefusedTransition } from './lifecycle-actions';
import { OtherFields } from './other-fields';
import { SolvimonSectionsView } from './sections-view';
import { explainSolvimonStatus, SolvimonStatusBadge, STATUS_COLORS } from './status';
import { TestConnectionButton } from './test-connection';
import { CopyableValue, Fact, Facts, Section } from './view-parts';

const NOT_DONE: Record<RefusedTransition['action'], string> = {
  activate: 'Solvimon did not activate it',
  deprecate: 'Solvimon did not deprecate it',
  archive: 'Solvimon did not archive it',
};

function SolvimonDetail({ integration }: { integration: SolvimonIntegration }) {
  const navigate = useNavigate();
  const status = solvimonStatusOf(integration);
  const explained = explainSolvimonStatus(integration);
  const variant = solvimonVariantOf(integration);
  const label = solvimonIntegrationLabel(integration);
  const message = integration.message?.trim();
  const [refused, setRefused] = useState<RefusedTransition | null>(null);
  // A transition changes the buttons: focus goes to the status it changed, not to <body>.
  const statusRef = useRef<HTMLDivElement>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <AnchorLink to="/solvimon/integrations" size="sm">
            ← Solvimon integrations
          </AnchorLink>
          <Title order={1} size="h2">
            {label}
          </Title>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {solvimonTypeLabel(integration.type)}
              {variant ? ` · ${solvimonVariantLabel(variant)}` : ''} · {integration.reference}
            </Text>
            <SolvimonStatusBadge integration={integration} />
          </Group>
        </Stack>
        <Group gap="xs">
          {status === 'ARCHIVED' ? null : (
            <ButtonLink to="/solvimon/integrations/$id/edit" params={{ id: integration.id }}>
              Edit
            </ButtonLink>
          )}
          <TestConnectionButton integration={integration} />
          <DeleteIntegrationButton
            integration={integration}
            onDeleted={() => void navigate({ to: '/solvimon/integrations' })}
          />
        </Group>
      </Group>

      {/* A region, not an alert: the status of an integration that merely opened is not news to
          announce, but a landmark to find; a refused transition inside it is an alert. */}
      <Alert
        color={STATUS_COLORS[status] ?? 'gray'}
        styles={READABLE_TITLE}
        title={`Status: ${explained.title}`}
        role="region"
        ref={statusRef}
        tabIndex={-1}
      >
        <Stack gap="xs">
          <Text size="sm">{explained.detail}</Text>
          {message ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              <Text span size="sm" fw={600}>
                Solvimon says:{' '}
              </Text>
              {message}
            </Text>
          ) : null}
          {refused ? (
            <Notice
              tone="danger"
              role="alert"
              title={NOT_DONE[refused.action]}
              onClose={() => setRefused(null)}
            >
              <Text size="sm">{refused.message}</Text>
              <Text size="sm">The status shown is the one Solvimon holds now.</Text>
            </Notice>
          ) : null}
          <SolvimonLifecycleActions
            integration={integration}
            onChanged={() => {
              setRefused(null);
              statusRef.current?.focus();
            }}
            onRefused={(next) => {
              setRefused(next);
              statusRef.current?.focus();
            }}
          />
        </Stack>
      </Alert>

      <Section title="Details">
        <Stack gap="sm">
          <SimpleFacts integration={integration} />
          <OtherFields value={integration} at={[]} />
        </Stack>
      </Section>

      <SolvimonSectionsView integration={integration} />
    </Stack>
  );
}

function SimpleFacts({ integration }: { integration: SolvimonIntegration }) {
  const variant = solvimonVariantOf(integration);
  const none = (text: string) => (
    <Text span size="sm" c="dimmed">
      {text}
    </Text>
  );
  return (
    <Facts>
      <Fact label="Name">{integration.name?.trim() ? integration.name : none('No name')}</Fact>
      <Fact label="Reference">
        <CopyableValue value={integration.reference} what="reference" />
      </Fact>
      <Fact label="Id">
        <CopyableValue value={integration.id} what="integration id" />
      </Fact>
      <Fact label="Type">{solvimonTypeLabel(integration.type)}</Fact>
      <Fact label="Variant">{variant ? solvimonVariantLabel(variant) : none('Not set')}</Fact>
      <Fact label="Description">
        {integration.description?.trim() ? integration.description : none('No description')}
      </Fact>
    </Facts>
  );
}

/** `/solvimon/integrations/$id`: every section, the status explained, its lifecycle and a test. */
export function SolvimonDetailPage({ id }: { id: string }) {
  const query = useQuery(solvimonQueries.detail(id));
  return (
    <QueryState
      query={query}
      heading="Solvimon integration"
      {...SOLVIMON_LOAD_STATE}
      errorAction={
        <ButtonLink to="/solvimon/integrations" variant="default" w="fit-content">
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
      {(integration) => <SolvimonDetail integration={integration} />}
    </QueryState>
  );
}
