import { zodResolver } from '@hookform/resolvers/zod';
import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ExternalMapping } from '../../api';
import {
  useVersionedEdit,
  VersionedEditForm,
  type ConflictField,
  type VersionedEditAdapter,
} from '../../components/conflict';
import { notify } from '../../components/notify';
import { QueryState } from '../../components/query-state';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import { configQueries } from '../../queries/configs';
import { mappingQueries, useUpdateMapping } from '../../queries/mappings';
import { DeleteMappingButton } from './delete-mapping-button';
import { MappingFields } from './mapping-fields';
import {
  mappingFormSchema,
  mappingFormShapeSchema,
  pickFields,
  SERVER_FIELD_MAP,
  toFormValues,
  toUpdateRequest,
  type MappingFormValues,
} from './mapping-form-values';
import {
  configChoiceLabel,
  describeMapping,
  MAPPING_LOAD_STATE,
  MappingConfigurationError,
} from './mapping-parts';
import { shortId } from '../../lib/labels';
import {
  MAPPING_FIELD_LABELS,
  MAPPING_FIELD_ORDER,
  type MappingRuleContext,
} from './mapping-rules';

/** The fields a conflict compares; a linked config is named, not shown as its id. */
function conflictFields(
  configs: MappingRuleContext['configs'],
): readonly ConflictField<MappingFormValues>[] {
  return MAPPING_FIELD_ORDER.map((key) =>
    key === 'integrationConfigId'
      ? {
          key,
          label: MAPPING_FIELD_LABELS[key],
          format: (value: unknown) => {
            if (typeof value !== 'string' || value === '') return '(none)';
            const config = configs?.find((c) => c.id === value);
            return config ? `${configChoiceLabel(config)} · ${shortId(value)}` : value;
          },
        }
      : { key, label: MAPPING_FIELD_LABELS[key] },
  );
}

/** How often an open edit looks for a newer version saved elsewhere. */
const EDIT_REFETCH_MS = 30_000;

interface MappingEditPageProps {
  id: string;
}

/** `/mappings/$id/edit`: the page loads the mapping; the form receives it. */
export function MappingEditPage({ id }: MappingEditPageProps) {
  // Polled while the form is open, so a save made elsewhere shows as "changed elsewhere" before the
  // user's own save meets it as a conflict.
  const mapping = useQuery({ ...mappingQueries.detail(id), refetchInterval: EDIT_REFETCH_MS });
  const configuration = useQuery(mappingQueries.configuration());
  const configs = useQuery(configQueries.list());

  // The form waits for the lists too, so its rules start with everything they check against.
  const waiting = mapping.isPending || configuration.isPending;
  return (
    <QueryState
      query={{
        data: waiting ? undefined : mapping.data,
        error: mapping.error,
        isPending: waiting,
        isError: mapping.isError,
        isRefetchError: mapping.isRefetchError,
        isFetching: mapping.isFetching,
        failureCount: mapping.failureCount,
        failureReason: mapping.failureReason,
        errorUpdatedAt: mapping.errorUpdatedAt,
        refetch: mapping.refetch,
      }}
      heading="Edit external mapping"
      {...MAPPING_LOAD_STATE}
      skeleton={
        <>
          <Skeleton height={32} width={360} />
          <Skeleton height={260} />
        </>
      }
    >
      {(loaded) => (
        <Stack gap="lg" maw={880}>
          <div>
            <Text size="sm">
              <AnchorLink to="/mappings/$id" params={{ id }} size="sm">
                Back to the mapping
              </AnchorLink>
            </Text>
            <Title order={1}>Edit external mapping</Title>
            <Text c="dimmed" size="sm">
              {describeMapping(loaded)}
            </Text>
          </div>
          <MappingConfigurationError query={configuration} />
          <MappingEditForm
            loaded={loaded}
            latest={loaded}
            mappingConfiguration={configuration.data}
            configList={configs.data?.items}
            configsError={
              configs.isError && !configs.data
                ? { error: configs.error, retry: () => void configs.refetch() }
                : undefined
            }
          />
        </Stack>
      )}
    </QueryState>
  );
}

interface MappingEditFormProps {
  /** The mapping as first loaded: the form starts from it (read once, on mount). */
  loaded: ExternalMapping;
  /** The latest known mapping (the detail query), to notice saves made elsewhere. */
  latest: ExternalMapping;
  mappingConfiguration: MappingRuleContext['configuration'];
  configList: MappingRuleContext['configs'];
  configsError: { error: unknown; retry: () => void } | undefined;
}

function MappingEditForm({
  loaded,
  latest,
  mappingConfiguration,
  configList,
  configsError,
}: MappingEditFormProps) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const update = useUpdateMapping();

  const [loadedValues] = useState(() => toFormValues(loaded));
  /** The edit's base, as the rules see it: its current values are always allowed. */
  const [base, setBase] = useState(loaded);
  const context = useMemo(
    () => ({
      configuration: mappingConfiguration,
      configs: configList,
      current: pickFields(toFormValues(base)),
    }),
    [mappingConfiguration, configList, base],
  );
  const schema = useMemo(() => mappingFormSchema(context), [context]);
  const form = useForm<MappingFormValues>({
    resolver: zodResolver(schema),
    defaultValues: loadedValues,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
  const adapter = useMemo<VersionedEditAdapter<MappingFormValues, ExternalMapping>>(
    () => ({
      platform: 'm3ter',
      noun: 'mapping',
      toValues: toFormValues,
      emptyValues: loadedValues,
      fields: conflictFields(configList),
      serverFieldMap: SERVER_FIELD_MAP,
      draft: { ref: { entity: 'external-mapping', id: loaded.id }, schema: mappingFormShapeSchema },
      latestAfterConflict: (id) => queryClient.getQueryData(mappingQueries.detail(id).queryKey),
    }),
    [queryClient, loaded.id, loadedValues, configList],
  );
  const [edit, saveButton] = useVersionedEdit({
    form,
    adapter,
    loaded,
    latest,
    onRebase: setBase,
    save: (values, editBase = loaded) =>
      update.mutateAsync({
        id: loaded.id,
        body: toUpdateRequest(editBase, { ...values, version: editBase.version ?? 1 }),
      }),
    onSaved: (saved, { alreadySaved }) => {
      notify(
        alreadySaved
          ? `Your changes were already saved (version ${saved.version ?? '?'}).`
          : `Saved the mapping as version ${saved.version ?? '?'}.`,
      );
      void navigate({ to: '/mappings/$id', params: { id: saved.id } });
    },
  });

  return (
    <VersionedEditForm
      label="Edit external mapping"
      edit={edit}
      saveButton={saveButton}
      cancel={
        <ButtonLink to="/mappings/$id" params={{ id: loaded.id }} variant="default">
          Cancel
        </ButtonLink>
      }
      extra={
        <DeleteMappingButton
          // The confirmation names what is saved now, also after a colleague's change.
          mapping={latest}
          onDeleted={({ alreadyGone }) => {
            edit.forget();
            edit.guard.allowNextNavigation();
            notify(
              alreadyGone
                ? 'This mapping was already deleted (by someone else, or in another tab).'
                : 'Mapping deleted.',
            );
            void navigate({ to: '/mappings' });
          }}
        />
      }
    >
      <fieldset disabled={edit.conflict !== null} style={{ border: 0, padding: 0, margin: 0 }}>
        <MappingFields form={form} context={context} staged={false} configsError={configsError} />
      </fieldset>
    </VersionedEditForm>
  );
}
