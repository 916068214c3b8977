import { Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { WebhookDestination } from '../../api';
import { notify } from '../../components/notify';
import { QueryState } from '../../components/query-state';
import { AnchorLink } from '../../components/router-links';
import { webhookDestinationQueries } from '../../queries/webhook-destinations';
import { DestinationForm } from './destination-form';
import { DESTINATION_LOAD_STATE } from './destination-load-state';
import { destinationLabel } from './labels';

/** While someone edits, look for saves made elsewhere now and then (the "changed elsewhere" note). */
const EDIT_REFETCH_MS = 30_000;

function EditForm({ latest }: { latest: WebhookDestination }) {
  const navigate = useNavigate();
  const [loaded] = useState(latest);
  const [base, setBase] = useState(latest);
  const toDetail = () =>
    void navigate({ to: '/destinations/webhooks/$id', params: { id: loaded.id } });
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <AnchorLink to="/destinations/webhooks/$id" params={{ id: loaded.id }} size="sm">
          ← {destinationLabel(base)}
        </AnchorLink>
        <Title order={1} size="h2">
          Edit “{destinationLabel(base)}”
        </Title>
        <Text size="sm" c="dimmed">
          Editing version {base.version ?? '?'}. Saving creates the next version.
        </Text>
      </Stack>
      <DestinationForm
        mode="edit"
        loaded={loaded}
        latest={latest}
        onRebase={setBase}
        onCancel={toDetail}
        onSaved={(saved, { alreadySaved }) => {
          notify(
            alreadySaved
              ? `Your changes were already saved: version ${saved.version ?? '?'} holds them.`
              : `Saved “${destinationLabel(saved)}” as version ${saved.version ?? '?'}.`,
          );
          toDetail();
        }}
      />
    </Stack>
  );
}

/** `/destinations/webhooks/$id/edit`. */
export function DestinationEditPage({ id }: { id: string }) {
  const query = useQuery({
    ...webhookDestinationQueries.detail(id),
    refetchInterval: EDIT_REFETCH_MS,
  });
  return (
    <QueryState
      query={query}
      heading="Edit webhook destination"
      {...DESTINATION_LOAD_STATE}
      errorAction={
        <Button variant="default" w="fit-content" onClick={() => window.history.back()}>
          Go back
        </Button>
      }
      skeleton={
        <>
          <Skeleton height={32} width="40%" />
          <Skeleton height={240} />
        </>
      }
    >
      {(latest) => <EditForm latest={latest} />}
    </QueryState>
  );
}
