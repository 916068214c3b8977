import { Button, Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { WebhookDestination } from '../../api';
import { notifySavedVersion, VersionedEditHeader } from '../../components/conflict';
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
      <VersionedEditHeader
        back={
          <AnchorLink to="/destinations/webhooks/$id" params={{ id: loaded.id }} size="sm">
            ← {destinationLabel(base)}
          </AnchorLink>
        }
        name={destinationLabel(base)}
        version={base.version}
      />
      <DestinationForm
        mode="edit"
        loaded={loaded}
        latest={latest}
        onRebase={setBase}
        onCancel={toDetail}
        onSaved={(saved, options) => {
          notifySavedVersion(destinationLabel(saved), saved.version, options);
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
