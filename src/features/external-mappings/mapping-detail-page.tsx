import { Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notify } from '../../components/notify';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { ExternalMapping } from '../../api';
import { QueryState } from '../../components/query-state';
import { RelativeTime } from '../../components/relative-time';
import { DeleteMappingButton } from './delete-mapping-button';
import { IdWithCopy, LinkedConfig, MAPPING_LOAD_STATE } from './mapping-parts';
import { mappingQueries } from '../../queries/mappings';
import { configQueries } from '../../queries/configs';
import { AnchorLink, ButtonLink } from '../../components/router-links';

interface MappingDetailPageProps {
  id: string;
}

/** `/mappings/$id`: one mapping, both sides, links to find its siblings, edit and delete. */
export function MappingDetailPage({ id }: MappingDetailPageProps) {
  const mapping = useQuery(mappingQueries.detail(id));
  const configs = useQuery(configQueries.list());
  const navigate = useNavigate();

  return (
    <QueryState
      query={mapping}
      heading="External mapping"
      {...MAPPING_LOAD_STATE}
      skeleton={
        <>
          <Skeleton height={32} width={360} />
          <Skeleton height={200} />
        </>
      }
    >
      {(m) => (
        <Stack gap="lg" maw={960}>
          <Group justify="space-between" align="flex-start">
            <div>
              <Text size="sm">
                <AnchorLink to="/mappings" size="sm">
                  External mappings
                </AnchorLink>
              </Text>
              <Title order={1}>
                {m.m3terEntity} → {m.externalSystem} {m.externalTable}
              </Title>
            </div>
            <Group gap="sm">
              <ButtonLink to="/mappings/$id/edit" params={{ id: m.id }}>
                Edit
              </ButtonLink>
              <DeleteMappingButton
                mapping={m}
                onDeleted={({ alreadyGone }) => {
                  notify(
                    alreadyGone
                      ? 'This mapping was already deleted (by someone else, or in another tab).'
                      : 'Mapping deleted.',
                  );
                  void navigate({ to: '/mappings' });
                }}
              />
            </Group>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder component="section" aria-labelledby="m3ter-side">
              <Title order={2} size="h4" id="m3ter-side" mb="sm">
                In m3ter
              </Title>
              <Facts>
                <Fact label="Entity">{m.m3terEntity}</Fact>
                <Fact label="Id">
                  <IdWithCopy value={m.m3terId} what="m3ter id" />
                </Fact>
              </Facts>
              <AnchorLink
                to="/mappings"
                search={{ lookup: 'm3ter', entity: m.m3terEntity, m3terId: m.m3terId }}
                size="sm"
              >
                Every mapping of this {m.m3terEntity}
              </AnchorLink>
            </Card>
            <Card withBorder component="section" aria-labelledby="external-side">
              <Title order={2} size="h4" id="external-side" mb="sm">
                In {m.externalSystem}
              </Title>
              <Facts>
                <Fact label="Table">{m.externalTable}</Fact>
                <Fact label="Id">
                  <IdWithCopy value={m.externalId} what="external id" />
                </Fact>
              </Facts>
              <AnchorLink
                to="/mappings"
                search={{
                  lookup: 'external',
                  system: m.externalSystem,
                  table: m.externalTable,
                  externalId: m.externalId,
                }}
                size="sm"
              >
                Every mapping to this {m.externalSystem} record
              </AnchorLink>
            </Card>
          </SimpleGrid>
          <Card withBorder component="section" aria-labelledby="mapping-record">
            <Title order={2} size="h4" id="mapping-record" mb="sm">
              Mapping record
            </Title>
            <Facts>
              <Fact label="Linked integration config">
                <LinkedConfig configId={m.integrationConfigId} configs={configs.data?.items} />
              </Fact>
              <Fact label="Mapping id">
                <IdWithCopy value={m.id} what="mapping id" />
              </Fact>
              <Fact label="Version">{m.version ?? '—'}</Fact>
              <Audit mapping={m} />
            </Facts>
          </Card>
        </Stack>
      )}
    </QueryState>
  );
}

function Audit({ mapping }: { mapping: ExternalMapping }) {
  return (
    <>
      <Fact label="Created">
        <RelativeTime value={mapping.dtCreated} />
        {mapping.createdBy ? ` by ${mapping.createdBy}` : ''}
      </Fact>
      <Fact label="Last modified">
        <RelativeTime value={mapping.dtLastModified} />
        {mapping.lastModifiedBy ? ` by ${mapping.lastModifiedBy}` : ''}
      </Fact>
    </>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return (
    <dl
      style={{
        display: 'grid',
        gridTemplateColumns: 'max-content 1fr',
        gap: '6px 16px',
        margin: '0 0 12px',
      }}
    >
      {children}
    </dl>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0} style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </>
  );
}
