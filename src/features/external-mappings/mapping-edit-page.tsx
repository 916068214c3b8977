import { zodResolver } from '@hookform/resolvers/zod';
import { Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  NotFoundError,
  ValidationError,
  VersionConflictError,
  type ExternalMapping,
} from '../../api';
import {
  ChangedElsewhereNotice,
  ConflictPanel,
  sameFieldValues,
  valuesEqual,
  type ConflictField,
  type ConflictValues,
} from '../../components/conflict';
import { ErrorState } from '../../components/error-state';
import { RetryingNotice } from '../../components/retrying-notice';
import {
  applyServerValidationError,
  DraftOffer,
  SubmitButton,
  UnsavedChangesDialog,
} from '../../components/form';
import { discardDraft, loadDraft, saveDraft, type Draft, type DraftRef } from '../../lib/drafts';
import { useUnsavedChangesGuard } from '../../lib/use-unsaved-changes-guard';
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
import { describeMapping } from './mapping-parts';
import {
  MAPPING_FIELD_LABELS,
  MAPPING_FIELD_ORDER,
  type MappingRuleContext,
} from './mapping-rules';
import { mappingQueries, useUpdateMapping } from '../../queries/mappings';
import { configQueries } from '../../queries/configs';
import { Notice } from './notice';
import { AnchorLink, ButtonLink } from '../../components/router-links';

const CONFLICT_FIELDS: readonly ConflictField<MappingFormValues>[] = MAPPING_FIELD_ORDER.map(
  (key) => ({ key, label: MAPPING_FIELD_LABELS[key] }),
);

const draftRef = (id: string): DraftRef => ({ entity: 'external-mapping', id });

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

  if (mapping.isPending || configuration.isPending) {
    return (
      <Stack aria-busy="true" aria-label="Loading the mapping">
        <RetryingNotice query={mapping} what="the mapping" />
        <Skeleton height={32} width={360} />
        <Skeleton height={260} />
      </Stack>
    );
  }
  if (mapping.isError && !mapping.data) {
    return (
      <Stack maw={720}>
        <Title order={1}>Edit external mapping</Title>
        <ErrorState
          error={mapping.error}
          title={
            mapping.error instanceof NotFoundError
              ? 'This mapping does not exist (any more)'
              : 'Could not load this mapping'
          }
          onRetry={() => void mapping.refetch()}
          retrying={mapping.isFetching}
        />
        <Group>
          <ButtonLink to="/mappings" variant="default">
            Back to mappings
          </ButtonLink>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={880}>
      <div>
        <Text size="sm">
          <AnchorLink to="/mappings/$id" params={{ id }} size="sm">
            Back to the mapping
          </AnchorLink>
        </Text>
        <Title order={1}>Edit external mapping</Title>
        <Text c="dimmed" size="sm">
          {describeMapping(mapping.data)}
        </Text>
      </div>
      {configuration.isError ? (
        <ErrorState
          error={configuration.error}
          title="Could not load the lists of entities, systems and tables"
          onRetry={() => void configuration.refetch()}
          retrying={configuration.isFetching}
        />
      ) : null}
      <MappingEditForm
        loaded={mapping.data}
        latest={mapping.data}
        mappingConfiguration={configuration.data}
        configList={configs.data?.items}
        configsError={
          configs.isError
            ? { error: configs.error, retry: () => void configs.refetch() }
            : undefined
        }
      />
    </Stack>
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

interface OpenConflict extends ConflictValues<MappingFormValues> {
  theirsEntity: ExternalMapping;
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
  const ref = useMemo(() => draftRef(loaded.id), [loaded.id]);

  /** The mapping this edit is based on: the loaded one, then theirs after a resolved conflict. */
  const [base, setBase] = useState(loaded);
  const baseValues = useMemo(() => toFormValues(base), [base]);
  const context = useMemo(
    () => ({
      configuration: mappingConfiguration,
      configs: configList,
      current: pickFields(baseValues),
    }),
    [mappingConfiguration, configList, baseValues],
  );
  const schema = useMemo(() => mappingFormSchema(context), [context]);
  const form = useForm<MappingFormValues>({
    resolver: zodResolver(schema),
    defaultValues: baseValues,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
  const { reset, setValue, getValues, setError, formState } = form;
  const values = useWatch({ control: form.control }) as MappingFormValues;

  const [conflict, setConflict] = useState<OpenConflict | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [resolvedNote, setResolvedNote] = useState<string | null>(null);
  const [draftOffer, setDraftOffer] = useState<Draft<MappingFormValues> | null>(() => {
    const draft = loadDraft(ref, mappingFormShapeSchema);
    return draft && !valuesEqual(draft.values, toFormValues(loaded)) ? draft : null;
  });
  const dirty = formState.isDirty || conflict !== null;
  const guard = useUnsavedChangesGuard(dirty);

  // Keep the edit in this tab until it is saved or discarded (not while an older draft is on offer).
  useEffect(() => {
    if (draftOffer) return;
    if (formState.isDirty) saveDraft(ref, { values, base: baseValues, version: base.version });
    else discardDraft(ref);
  }, [values, formState.isDirty, draftOffer, baseValues, base.version, ref]);

  /** Sets values on top of `defaults` so that exactly the differing fields count as edits. */
  const applyValues = (defaults: MappingFormValues, next: MappingFormValues) => {
    reset(defaults);
    for (const key of MAPPING_FIELD_ORDER) {
      if (next[key] !== defaults[key]) {
        setValue(key, next[key], { shouldDirty: true, shouldTouch: true, shouldValidate: true });
      }
    }
  };

  const finish = (saved: ExternalMapping, alreadySaved: boolean) => {
    discardDraft(ref);
    setBase(saved);
    reset(toFormValues(saved));
    guard.allowNextNavigation();
    notifications.show({
      color: 'teal',
      closeButtonProps: { 'aria-label': 'Dismiss' },
      message: alreadySaved
        ? `Your changes were already saved (version ${saved.version ?? '?'}).`
        : `Mapping saved (version ${saved.version ?? '?'}).`,
    });
    void navigate({ to: '/mappings/$id', params: { id: saved.id } });
  };

  const onSaveError = (error: unknown, mine: MappingFormValues) => {
    if (error instanceof VersionConflictError) {
      const theirs = queryClient.getQueryData(mappingQueries.detail(loaded.id).queryKey);
      if (!theirs || theirs.version === base.version) {
        // The latest version could not be loaded: keep everything and offer a retry.
        setSaveError(error);
        return;
      }
      const theirsValues = toFormValues(theirs);
      if (sameFieldValues(CONFLICT_FIELDS, mine, theirsValues)) {
        // e.g. a retry after a save whose answer was lost: the first attempt did go through.
        finish(theirs, true);
        return;
      }
      setConflict({ base: baseValues, mine, theirs: theirsValues, theirsEntity: theirs });
      return;
    }
    if (error instanceof ValidationError) {
      const top = applyServerValidationError(error, setError, SERVER_FIELD_MAP);
      setFormErrors(top ?? []);
      return;
    }
    setSaveError(error);
  };

  const submit = form.handleSubmit((valid) => {
    if (update.isPending || conflict) return;
    setSaveError(null);
    setFormErrors([]);
    setResolvedNote(null);
    update.mutate(
      { id: base.id, body: toUpdateRequest(base, { ...valid, version: base.version ?? 1 }) },
      {
        onSuccess: (saved) => finish(saved, false),
        onError: (error) => onSaveError(error, valid),
      },
    );
  });

  const resolveWith = (merged: MappingFormValues) => {
    if (!conflict) return;
    const theirs = conflict.theirsEntity;
    setBase(theirs);
    applyValues(toFormValues(theirs), { ...merged, version: theirs.version ?? 1 });
    setConflict(null);
    setSaveError(null);
    setResolvedNote(
      `Now based on version ${theirs.version ?? '?'}. Review the form, then save to create version ${(theirs.version ?? 0) + 1}.`,
    );
  };

  const restoreDraft = (draft: Draft<MappingFormValues>) => {
    setDraftOffer(null);
    if (draft.version !== undefined && draft.version !== base.version) {
      // The draft was started from an older version: merge it like any other conflict.
      applyValues(baseValues, draft.values);
      setConflict({ base: draft.base, mine: draft.values, theirs: baseValues, theirsEntity: base });
      return;
    }
    applyValues(baseValues, draft.values);
  };

  const changedElsewhere =
    (latest.version ?? 0) > (base.version ?? 0) && conflict === null && !update.isPending;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Edit external mapping">
      <Stack gap="md">
        {draftOffer ? (
          <DraftOffer
            noun="mapping"
            savedAt={draftOffer.savedAt}
            version={draftOffer.version}
            onRestore={() => restoreDraft(draftOffer)}
            onDiscard={() => {
              discardDraft(ref);
              setDraftOffer(null);
            }}
          />
        ) : null}

        {changedElsewhere ? (
          <ChangedElsewhereNotice
            latest={latest}
            onCompare={() =>
              setConflict({
                base: baseValues,
                mine: getValues(),
                theirs: toFormValues(latest),
                theirsEntity: latest,
              })
            }
          />
        ) : null}

        {conflict ? (
          <ConflictPanel
            fields={CONFLICT_FIELDS}
            base={conflict.base}
            mine={conflict.mine}
            theirs={conflict.theirs}
            theirsAuthor={conflict.theirsEntity}
            noun="mapping"
            onResolve={resolveWith}
          />
        ) : null}

        {resolvedNote ? (
          <Notice tone="success" title="Not saved yet" role="status">
            <Text size="sm">{resolvedNote}</Text>
          </Notice>
        ) : null}

        <fieldset disabled={conflict !== null} style={{ border: 0, padding: 0, margin: 0 }}>
          <MappingFields form={form} context={context} staged={false} configsError={configsError} />
        </fieldset>

        {formErrors.length > 0 ? (
          <Notice tone="danger" title="m3ter rejected the save" role="alert">
            {formErrors.map((message) => (
              <Text key={message} size="sm">
                {message}
              </Text>
            ))}
          </Notice>
        ) : null}
        {saveError ? (
          <ErrorState
            error={saveError}
            title="Not saved: your changes are still here"
            onRetry={() => void submit()}
            retrying={update.isPending}
          />
        ) : null}

        <Group justify="space-between">
          <Group>
            <SubmitButton loading={update.isPending} disabled={conflict !== null}>
              Save
            </SubmitButton>
            <ButtonLink to="/mappings/$id" params={{ id: loaded.id }} variant="default">
              Cancel
            </ButtonLink>
          </Group>
          <DeleteMappingButton
            mapping={base}
            onDeleted={({ alreadyGone }) => {
              discardDraft(ref);
              guard.allowNextNavigation();
              notifications.show({
                color: 'teal',
                message: alreadyGone
                  ? 'This mapping was already deleted (by someone else, or in another tab).'
                  : 'Mapping deleted.',
                closeButtonProps: { 'aria-label': 'Dismiss' },
              });
              void navigate({ to: '/mappings' });
            }}
          />
        </Group>
      </Stack>
      <UnsavedChangesDialog guard={guard} onLeave={() => discardDraft(ref)} />
    </form>
  );
}
