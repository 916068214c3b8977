import { Anchor, Group, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { IntegrationRun } from '../../api';
import { CopyButton } from '../../components/copy-button';
import { SafeExternalLink } from '../../components/safe-external-link';
import { formatDuration } from '../../lib/duration';
import { parseEntityType } from './entity-ref';
import { isPlainClick, type RunLinkHandlers } from './run-links';
import type { TimeZoneChoice } from './search-schema';
import { formatInstant } from '../../lib/time';
import { AnchorLink } from '../../components/router-links';

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

/** The run's fields as a description list, with anything m3ter sends that this console does not know. */
export function RunFields({
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
              if (!isPlainClick(event)) return;
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
