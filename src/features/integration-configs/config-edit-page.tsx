import { Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { NotFoundError, type IntegrationConfig } from '../../api';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { notify } from '../../components/notify';
import { configLabel } from './config-actions';
import { ConfigForm } from './config-form';
import { configQueries } from '../../queries/configs';
import { RetryingNotice } from '../../components/retrying-notice';
import { AnchorLink, ButtonLink } from '../../components/router-links';

/** While someone edits, look for saves made elsewhere now and then (the "changed elsewhere" note). */
const EDIT_REFETCH_MS = 30_000;

function EditForm({ latest }: { latest: IntegrationConfig }) {
  const navigate = useNavigate();
  // The form is based on the config as first loaded; later versions only inform it.
  const [loaded] = useState(latest);
  // What the header names: the version the edit is based on, which a resolved conflict moves on.
  const [base, setBase] = useState(latest);
  const toDetail = () => void navigate({ to: '/configs/$id', params: { id: loaded.id } });
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <AnchorLink to="/configs/$id" params={{ id: loaded.id }} size="sm">
          ← {configLabel(base)}
        </AnchorLink>
        <Title order={1} size="h2">
          Edit “{configLabel(base)}”
        </Title>
        <Text size="sm" c="dimmed">
          Editing version {base.version ?? '?'}. Saving creates the next version.
        </Text>
      </Stack>
      <ConfigForm
        mode="edit"
        loaded={loaded}
        latest={latest}
        onRebase={setBase}
        onCancel={toDetail}
        onSaved={(saved, { alreadySaved }) => {
          notify(
            alreadySaved
              ? `Your changes were already saved: version ${saved.version ?? '?'} holds them.`
              : `Saved “${configLabel(saved)}” as version ${saved.version ?? '?'}.`,
          );
          toDetail();
        }}
      />
    </Stack>
  );
}

/** `/configs/$id/edit`. */
export function ConfigEditPage({ id }: { id: string }) {
  const query = useQuery({ ...configQueries.detail(id), refetchInterval: EDIT_REFETCH_MS });

  if (query.data) return <EditForm latest={query.data} />;
  if (query.isPending) {
    return (
      <Stack gap="md">
        <RetryingNotice query={query} what="this configuration" />
        <Stack gap="md" aria-busy="true" aria-label="Loading the configuration">
          <Skeleton height={32} width="40%" />
          <Skeleton height={240} />
        </Stack>
      </Stack>
    );
  }
  if (query.error instanceof NotFoundError) {
    return (
      <EmptyState
        title="This configuration does not exist"
        action={<ButtonLink to="/configs">Back to the list</ButtonLink>}
      >
        It may have been deleted, or the link is wrong.
      </EmptyState>
    );
  }
  return (
    <Stack>
      <Title order={1} size="h2">
        Edit configuration
      </Title>
      <ErrorState
        error={query.error}
        title="Could not load this configuration"
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
      <Button variant="default" w="fit-content" onClick={() => window.history.back()}>
        Go back
      </Button>
    </Stack>
  );
}
