/**
 * Names on configs that send to a webhook destination (docs/m3ter-api.md §6.1): its name and URL host
 * with a link, and the config form's picker. The names come from one small query
 * (`webhookDestinationQueries`), never from the destinations feature.
 */
import { Text } from '@mantine/core';
import { createContext, useContext } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Control } from 'react-hook-form';
import { isUuid } from '../../api';
import { SelectField, TextField } from '../../components/form';
import { AnchorLink } from '../../components/router-links';
import { shortId, urlHost } from '../../lib/labels';
import {
  webhookDestinationQueries,
  type WebhookDestinationName,
} from '../../queries/webhook-destinations';
import type { ConfigFormValues } from './config-form-model';

/** Whether a config's `destination` is a webhook (m3ter matches system names case-insensitively). */
export function isWebhookDestination(destination: string | undefined): boolean {
  return destination?.trim().toLowerCase() === 'webhook';
}

/** The webhook destination names for these configs' destination ids, in one call. */
export function useWebhookDestinationNames(
  configs: readonly { destination?: string; destinationId?: string }[],
) {
  const ids = configs
    .filter(
      (c) => isWebhookDestination(c.destination) && c.destinationId && isUuid(c.destinationId),
    )
    .map((c) => (c.destinationId ?? '').toLowerCase());
  return useQuery({ ...webhookDestinationQueries.names(ids), enabled: ids.length > 0 });
}

/** "Slack relay (relay.acme.example.com)" linked to the destination; the short id while unknown. */
function WebhookDestinationLink({
  id,
  name,
  size = 'sm',
  tabIndex,
}: {
  id: string;
  name: WebhookDestinationName | undefined;
  size?: 'xs' | 'sm';
  tabIndex?: number;
}) {
  return (
    <AnchorLink
      to="/destinations/webhooks/$id"
      params={{ id: id.toLowerCase() }}
      size={size}
      tabIndex={tabIndex}
      title={name?.url}
    >
      {name ? `${name.name ?? `Webhook ${shortId(id)}`}` : `Webhook ${shortId(id)}`}
      {name?.host ? ' ' : null}
      {name?.host ? (
        <Text span size={size} c="dimmed">
          ({name.host})
        </Text>
      ) : null}
    </AnchorLink>
  );
}

/**
 * The form's destination id: for a webhook, a pick-list of m3ter's webhook destinations by name and
 * host (a typed id stays possible when the list cannot be read); otherwise a UUID text field.
 */
export function DestinationIdField({
  control,
  destination,
  value,
}: {
  control: Control<ConfigFormValues>;
  destination: string;
  value: string;
}) {
  const webhook = isWebhookDestination(destination);
  const list = useQuery({ ...webhookDestinationQueries.everything(), enabled: webhook });
  if (!webhook || list.isError) {
    return (
      <TextField
        control={control}
        name="destinationId"
        label="Destination id"
        description={
          webhook
            ? "m3ter's webhook destinations could not be listed: type the destination's UUID"
            : "Optional: the destination's UUID (e.g. a webhook destination)"
        }
        autoComplete="off"
      />
    );
  }
  const options = (list.data?.items ?? []).map((d) => ({
    value: d.id,
    label: `${d.name?.trim() || `Webhook ${shortId(d.id)}`}${d.url ? ` — ${urlHost(d.url)}` : ''}${d.active === false ? ' (inactive)' : ''}`,
  }));
  const current = value.trim();
  if (current !== '' && !options.some((o) => o.value.toLowerCase() === current.toLowerCase())) {
    options.unshift({ value: current, label: `${current} (not a listed webhook destination)` });
  }
  return (
    <SelectField
      control={control}
      name="destinationId"
      label="Webhook destination"
      description={
        list.isPending
          ? 'Loading the webhook destinations…'
          : 'Where the Notifications are sent (Webhook destinations in the menu)'
      }
      placeholder={list.isPending ? 'Loading…' : 'Choose a webhook destination'}
      data={options}
      searchable
      clearable
      nothingFoundMessage="No webhook destination matches"
    />
  );
}

/** The names the config list loaded, for its destination cells (columns are defined once, outside it). */
export const WebhookNamesContext = createContext<
  ReadonlyMap<string, WebhookDestinationName> | undefined
>(undefined);

/** A config list cell: the system, and for a webhook the destination's name and host, linked. */
export function DestinationCell({
  destination,
  destinationId,
}: {
  destination: string;
  destinationId: string | undefined;
}) {
  const names = useContext(WebhookNamesContext);
  if (!isWebhookDestination(destination) || !destinationId || !isUuid(destinationId)) {
    return <>{destination}</>;
  }
  return (
    <span>
      {destination} →{' '}
      <WebhookDestinationLink
        id={destinationId}
        name={names?.get(destinationId.toLowerCase())}
        tabIndex={-1}
      />
    </span>
  );
}

/** One config's webhook destination: name and host, linked; says so when it is gone or unreadable. */
export function WebhookDestinationName({ id }: { id: string }) {
  const names = useQuery(webhookDestinationQueries.names([id]));
  const name = names.data?.get(id.toLowerCase());
  if (names.isPending) return <WebhookDestinationLink id={id} name={undefined} />;
  if (names.isError) {
    return (
      <>
        <WebhookDestinationLink id={id} name={undefined} />{' '}
        <Text span size="sm" c="dimmed">
          (its name could not be loaded)
        </Text>
      </>
    );
  }
  if (!name) {
    return (
      <Text span size="sm">
        No webhook destination {shortId(id)} in m3ter: it may have been deleted.
      </Text>
    );
  }
  return (
    <>
      <WebhookDestinationLink id={id} name={name} />
      {name.active === false ? (
        <Text span size="sm" c="dimmed">
          {' '}
          · inactive: nothing is sent
        </Text>
      ) : null}
    </>
  );
}
