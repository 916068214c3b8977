import { Button, Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { IntegrationConfig } from '../../api';
import { notifySavedVersion, VersionedEditHeader } from '../../components/conflict';
import { configLabel } from '../../lib/labels';
import { ConfigForm } from './config-form';
import { configQueries } from '../../queries/configs';
import { AnchorLink } from '../../components/router-links';
import { QueryState } from '../../components/query-state';
import { CONFIG_LOAD_STATE } from './config-load-state';

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
      <VersionedEditHeader
        back={
          <AnchorLink to="/configs/$id" params={{ id: loaded.id }} size="sm">
            ← {configLabel(base)}
          </AnchorLink>
        }
        name={configLabel(base)}
        version={base.version}
      />
      <ConfigForm
        mode="edit"
        loaded={loaded}
        latest={latest}
        onRebase={setBase}
        onCancel={toDetail}
        onSaved={(saved, options) => {
          notifySavedVersion(configLabel(saved), saved.version, options);
          toDetail();
        }}
      />
    </Stack>
  );
}

/** `/configs/$id/edit`. */
export function ConfigEditPage({ id }: { id: string }) {
  const query = useQuery({ ...configQueries.detail(id), refetchInterval: EDIT_REFETCH_MS });
  return (
    <QueryState
      query={query}
      heading="Edit configuration"
      {...CONFIG_LOAD_STATE}
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
