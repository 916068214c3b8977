import { Divider, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { IntegrationRun } from '../../api';
import { billQueries } from '../../queries/bills';
import { configQueries } from '../../queries/configs';
import { parseEntityType } from './entity-ref';
import { missingMappingPrefill } from './missing-mapping';
import { AnchorLink, ButtonLink } from '../../components/router-links';

/** Where to look next for a run: the missing mapping to create, the configs, mappings and history. */
export function RelatedLinks({ run }: { run: IntegrationRun }) {
  const entityType = parseEntityType(run.entityType);
  const missing = missingMappingPrefill(run);
  const destinations = useQuery({ ...configQueries.destinations(), enabled: !!missing });
  // The mapping belongs to the config that sent the run: pre-fill it when that is unambiguous.
  const configs = (
    destinations.data?.destinations.find((d) => d.destinationId === run.destinationId)?.configs ??
    []
  ).filter((c) => c.entityType === run.entityType);
  const configId = configs.length === 1 ? configs[0]?.id : undefined;
  // The error names the system and table but rarely the account: a Bill knows whose it is.
  const needsAccount =
    !!missing && !missing.m3terId && (missing.m3terEntity ?? 'Account') === 'Account';
  const bill = useQuery({
    ...billQueries.detail(run.entityId),
    enabled: needsAccount && run.entityType === 'Bill',
  });
  const accountId = needsAccount ? bill.data?.accountId : undefined;
  const prefill = missing
    ? {
        ...missing,
        ...(accountId ? { m3terEntity: 'Account', m3terId: accountId } : {}),
        ...(configId ? { integrationConfigId: configId } : {}),
      }
    : undefined;
  return (
    <Stack gap={6}>
      {missing && prefill ? (
        <Stack gap={2}>
          <ButtonLink size="xs" variant="light" w="fit-content" to="/mappings/new" search={prefill}>
            Create the missing {missing.externalSystem}{' '}
            {missing.externalTable ? `${missing.externalTable} ` : ''}mapping
          </ButtonLink>
          <Text size="xs" c="dimmed">
            The error says {missing.externalSystem} has no record mapped to this {run.entityType}’s{' '}
            {missing.m3terEntity ?? 'entity'}
            {prefill.m3terId ? '' : ': choose the m3ter id on the form'}.
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
