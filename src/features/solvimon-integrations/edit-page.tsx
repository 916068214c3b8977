import { Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { SolvimonIntegration } from '../../api/solvimon';
import { notify } from '../../components/notify';
import { QueryState } from '../../components/query-state';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import { SOLVIMON_LOAD_STATE } from './load-state';
import { solvimonQueries } from '../../queries/solvimon-integrations';
import { SolvimonIntegrationForm } from './integration-form';
import { solvimonIntegrationLabel } from './labels';
import { notifySaved } from './saved-notice';

/** While someone edits, look for changes made elsewhere now and then (the "changed elsewhere" note). */
const EDIT_REFETCH_MS = 30_000;

function EditForm({ latest }: { latest: SolvimonIntegration }) {
  const navigate = useNavigate();
  // The form is based on the integration as first loaded; later reads only inform it.
  const [loaded] = useState(latest);
  const [base, setBase] = useState(latest);
  const toDetail = () =>
    void navigate({ to: '/solvimon/integrations/$id', params: { id: loaded.id } });
  if (loaded.status === 'ARCHIVED') {
    return (
      <Stack gap="sm">
        <Title order={1} size="h2">
          “{solvimonIntegrationLabel(loaded)}” is archived
        </Title>
        <Text size="sm">
          Solvimon keeps archived integrations as they are: they cannot be edited.
        </Text>
        <ButtonLink to="/solvimon/integrations/$id" params={{ id: loaded.id }} w="fit-content">
          Back to the integration
        </ButtonLink>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <AnchorLink to="/solvimon/integrations/$id" params={{ id: loaded.id }} size="sm">
          ← {solvimonIntegrationLabel(base)}
        </AnchorLink>
        <Title order={1} size="h2">
          Edit “{solvimonIntegrationLabel(base)}”
        </Title>
        <Text size="sm" c="dimmed">
          Solvimon keeps no versions: before saving, the console checks that nobody changed it since
          you opened it.
        </Text>
      </Stack>
      <SolvimonIntegrationForm
        mode="edit"
        loaded={loaded}
        latest={latest}
        onRebase={setBase}
        onCancel={toDetail}
        onSaved={(saved, how) => {
          if (how.alreadySaved) {
            notify(`Your changes were already saved: Solvimon holds them.`);
          } else {
            notifySaved(`Saved “${solvimonIntegrationLabel(saved)}”.`, how.differs);
          }
          toDetail();
        }}
      />
    </Stack>
  );
}

/** `/solvimon/integrations/$id/edit`. */
export function SolvimonEditPage({ id }: { id: string }) {
  const query = useQuery({ ...solvimonQueries.detail(id), refetchInterval: EDIT_REFETCH_MS });
  return (
    <QueryState
      query={query}
      heading="Edit Solvimon integration"
      {...SOLVIMON_LOAD_STATE}
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
