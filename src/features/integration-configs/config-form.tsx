import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import {
  ApiError,
  CREDENTIAL_TYPES,
  DESTINATION_TYPES,
  InvalidResponseError,
  NetworkError,
  ValidationError,
  VersionConflictError,
  type IntegrationConfig,
} from '../../api';
import {
  ChangedElsewhereNotice,
  ConflictPanel,
  sameFieldValues,
  valuesEqual,
  type ConflictValues,
} from '../../components/conflict';
import { ErrorState } from '../../components/error-state';
import {
  applyServerValidationError,
  AutocompleteField,
  DraftOffer,
  JsonObjectField,
  SubmitButton,
  SwitchField,
  TextField,
  UnsavedChangesDialog,
} from '../../components/form';
import {
  discardDraft,
  hasSecretKeysInJsonText,
  loadDraft,
  saveDraft,
  withUntouchedSecrets,
  type Draft,
} from '../../lib/drafts';
import { useUnsavedChangesGuard } from '../../lib/use-unsaved-changes-guard';
import {
  CONFLICT_FIELDS,
  configDraftRef,
  configDraftSchema,
  configFormSchema,
  EMPTY_CONFIG_FORM,
  KNOWN_DESTINATIONS,
  KNOWN_ENTITY_TYPES,
  normalizeFormValues,
  SERVER_FIELD_MAP,
  toFormValues,
  toRequest,
  withCredentialsOf,
  type ConfigFormField,
  type ConfigFormValues,
} from './config-form-model';
import { READABLE_TITLE } from './health';
import { configQueries, useCreateConfig, useUpdateConfig } from '../../queries/configs';

export type ConfigFormProps =
  | {
      mode: 'create';
      onSaved: (config: IntegrationConfig, how: { alreadySaved: boolean }) => void;
      onCancel: () => void;
    }
  | {
      mode: 'edit';
      /** The config as first loaded: the edit's base (version and fields the form does not show). */
      loaded: IntegrationConfig;
      /** The latest known version (the detail query), to notice saves made elsewhere. */
      latest: IntegrationConfig;
      /** The edit is now based on another version (a resolved conflict): the page says which. */
      onRebase?: (base: IntegrationConfig) => void;
      onSaved: (config: IntegrationConfig, how: { alreadySaved: boolean }) => void;
      onCancel: () => void;
    };

interface OpenConflict extends ConflictValues<ConfigFormValues> {
  theirsEntity: IntegrationConfig;
}

const FORM_KEYS = Object.keys(EMPTY_CONFIG_FORM) as ConfigFormField[];

/**
 * A failed write that m3ter may still have applied: no answer, an answer m3ter sent but that could not
 * be read (a 2xx with an unexpected body), or a gateway that gave up waiting for m3ter.
 */
function mayHaveApplied(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof InvalidResponseError) return error.status >= 200 && error.status < 300;
  return error instanceof ApiError && error.status === 504;
}

/** What a failed save means for the user's work, by what is known about whether m3ter applied it. */
function saveErrorTitle(error: unknown, mode: 'create' | 'edit', createUncertain: boolean): string {
  const unread =
    error instanceof NetworkError ? 'No answer from m3ter' : "m3ter's answer could not be read";
  if (mode === 'create' && createUncertain && mayHaveApplied(error)) {
    return `${unread}: it may have created this configuration. Retry checks first, so it is never created twice.`;
  }
  if (mode === 'edit' && mayHaveApplied(error) && !(error instanceof NetworkError)) {
    return `${unread}: your changes may have been saved. They are still here; Retry says so if they were.`;
  }
  return 'Not saved: your changes are still here';
}

/** How far the browser's clock may be behind m3ter's when matching a create that got no answer. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * Create or edit an integration configuration (docs/architecture.md §5–§6). Nothing typed is lost: field
 * errors stay at the field, a failed save keeps the values and offers a retry, a version conflict
 * opens the field-by-field panel, a reload offers the draft back, and leaving asks first.
 */
export function ConfigForm(props: ConfigFormProps) {
  const { mode } = props;
  const queryClient = useQueryClient();
  const configId = mode === 'edit' ? props.loaded.id : undefined;
  const draftRef = configDraftRef(configId);

  /** The entity this edit is based on: the loaded one, then theirs after a resolved conflict. */
  const [base, setBase] = useState<IntegrationConfig | undefined>(
    mode === 'edit' ? props.loaded : undefined,
  );
  const baseValues = base ? toFormValues(base) : EMPTY_CONFIG_FORM;

  const form = useForm<ConfigFormValues>({
    resolver: zodResolver(configFormSchema),
    defaultValues: baseValues,
    mode: 'onTouched',
  });
  const { control, handleSubmit, formState, getValues, reset, setValue, setError } = form;

  const create = useCreateConfig();
  const update = useUpdateConfig();
  // isSubmitting covers the look-up that may run before a create is sent.
  const pending = create.isPending || update.isPending || formState.isSubmitting;

  const [conflict, setConflict] = useState<OpenConflict | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [resolvedNote, setResolvedNote] = useState<string | null>(null);
  /**
   * When a create got no answer (ms since epoch of that failure): m3ter may have created the config,
   * so the next attempt looks for it first instead of creating a second one.
   */
  const [createUncertainSince, setCreateUncertainSince] = useState<number | null>(null);
  const saveButtonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // After a conflict is resolved the panel is gone: keyboard users continue at Save.
    if (resolvedNote) saveButtonRef.current?.focus();
  }, [resolvedNote]);
  const [draftOffer, setDraftOffer] = useState<Draft<ConfigFormValues> | null>(() => {
    const draft = loadDraft(draftRef, configDraftSchema);
    return draft && !valuesEqual(draft.values, baseValues) ? draft : null;
  });

  const guard = useUnsavedChangesGuard(formState.isDirty || conflict !== null);

  // Keep a draft of the edit in this tab (not while an older draft is still on offer).
  const writeDraft = useDebouncedCallback((values: ConfigFormValues, dirty: boolean) => {
    if (dirty) saveDraft(draftRef, { values, base: baseValues, version: base?.version });
    else discardDraft(draftRef);
  }, 400);
  useEffect(() => {
    // A reload right after typing must not lose the last keystrokes.
    const flush = () => writeDraft.flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [writeDraft]);
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true, isDirty: true },
        callback: ({ values, isDirty }) => {
          if (!draftOffer) writeDraft(values, isDirty === true);
        },
      }),
    [form, draftOffer, writeDraft],
  );

  const systems = useQuery(configQueries.availableSystems());
  const destinationSuggestions = systems.data
    ? [...new Set(systems.data.map((s) => s.identifier))]
    : [...KNOWN_DESTINATIONS];

  /** Sets values on top of `defaults` so that exactly the differing fields count as edits. */
  const applyValues = (defaults: ConfigFormValues, values: ConfigFormValues) => {
    reset(defaults);
    for (const key of FORM_KEYS) {
      if (!valuesEqual(values[key], defaults[key])) {
        setValue(key, values[key], { shouldDirty: true, shouldTouch: true });
      }
    }
  };

  const finish = (saved: IntegrationConfig, alreadySaved: boolean) => {
    writeDraft.cancel();
    discardDraft(draftRef);
    setBase(saved);
    reset(toFormValues(saved));
    guard.allowNextNavigation();
    props.onSaved(saved, { alreadySaved });
  };

  const onSaveError = (error: unknown, values: ConfigFormValues) => {
    if (mode === 'create' && mayHaveApplied(error)) {
      // The failure's time: the attempt started at most one request timeout before it. (This runs
      // in the mutation's onError, never during render.)
      // eslint-disable-next-line react-hooks/purity
      const failedAt = Date.now();
      setCreateUncertainSince((since) => since ?? failedAt);
      setSaveError(error);
      return;
    }
    if (error instanceof VersionConflictError && configId) {
      const theirs = queryClient.getQueryData(configQueries.detail(configId).queryKey);
      if (!theirs || theirs.version === base?.version) {
        // The latest version could not be loaded: say so, keep everything, offer a retry.
        setSaveError(error);
        return;
      }
      const mine = normalizeFormValues(values);
      const theirsValues = toFormValues(theirs);
      if (!values.withCredentials && sameFieldValues(CONFLICT_FIELDS, mine, theirsValues)) {
        // e.g. a retry after a save whose answer was lost: the first attempt did go through.
        finish(theirs, true);
        return;
      }
      setConflict({
        base: normalizeFormValues(baseValues),
        mine,
        theirs: theirsValues,
        theirsEntity: theirs,
      });
      return;
    }
    if (error instanceof ValidationError) {
      const top = applyServerValidationError(error, setError, SERVER_FIELD_MAP);
      setFormErrors(top ?? []);
      return;
    }
    setSaveError(error);
  };

  const submit = handleSubmit(async (values) => {
    if (pending || conflict) return;
    setSaveError(null);
    setFormErrors([]);
    setResolvedNote(null);
    if (mode === 'create') {
      if (createUncertainSince !== null) {
        let earlier: IntegrationConfig | undefined;
        try {
          earlier = await findEarlierCreate(values, createUncertainSince);
        } catch (error) {
          // Still no way to tell whether it exists: do not risk a second one.
          setSaveError(error);
          return;
        }
        if (earlier) {
          finish(earlier, true);
          return;
        }
      }
      create.mutate(toRequest(values), {
        onSuccess: (saved) => finish(saved, false),
        onError: (error) => onSaveError(error, values),
      });
      return;
    }
    const loaded = base ?? props.loaded;
    update.mutate(
      {
        id: loaded.id,
        body: { ...toRequest(values, loaded), version: loaded.version ?? 1 },
      },
      {
        onSuccess: (saved) => finish(saved, false),
        onError: (error) => onSaveError(error, values),
      },
    );
  });

  /**
   * A config with exactly these values that m3ter created since shortly before the unanswered
   * attempt: that attempt did go through. The window allows for the browser's clock being off.
   */
  const findEarlierCreate = async (values: ConfigFormValues, since: number) => {
    const { items } = await queryClient.fetchQuery({ ...configQueries.list(), staleTime: 0 });
    const mine = normalizeFormValues(values);
    return items.find((config) => {
      const created = config.dtCreated ? Date.parse(config.dtCreated) : Number.NaN;
      return (
        created >= since - CLOCK_SLACK_MS &&
        sameFieldValues(CONFLICT_FIELDS, mine, toFormValues(config))
      );
    });
  };

  const resolveWith = (merged: ConfigFormValues) => {
    if (!conflict) return;
    const theirs = conflict.theirsEntity;
    const values = withCredentialsOf(merged, getValues());
    setBase(theirs);
    if (props.mode === 'edit') props.onRebase?.(theirs);
    applyValues(toFormValues(theirs), values);
    setConflict(null);
    setSaveError(null);
    setResolvedNote(
      `Now based on version ${theirs.version ?? '?'}. Review the form, then save to create version ${(theirs.version ?? 0) + 1}.`,
    );
  };

  const restoreDraft = (stored: Draft<ConfigFormValues>) => {
    setDraftOffer(null);
    const draft = {
      ...stored,
      values: withUntouchedSecrets(stored.values, baseValues),
      base: withUntouchedSecrets(stored.base, baseValues),
    };
    if (mode === 'edit' && draft.version !== undefined && draft.version !== base?.version && base) {
      // The draft was started from an older version: merge it like any other conflict.
      applyValues(baseValues, draft.values);
      setConflict({
        base: normalizeFormValues(draft.base),
        mine: normalizeFormValues(draft.values),
        theirs: baseValues,
        theirsEntity: base,
      });
      return;
    }
    applyValues(baseValues, draft.values);
  };

  const latest = mode === 'edit' ? props.latest : undefined;
  const changedElsewhere =
    latest !== undefined &&
    base !== undefined &&
    (latest.version ?? 0) > (base.version ?? 0) &&
    conflict === null &&
    !pending &&
    !update.isSuccess;

  const withCredentials = useWatch({ control, name: 'withCredentials' });
  const noun = 'configuration';

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={mode === 'create' ? 'New configuration' : 'Edit configuration'}
    >
      <Stack gap="md">
        {draftOffer ? (
          <DraftOffer
            noun={mode === 'create' ? `new ${noun}` : noun}
            savedAt={draftOffer.savedAt}
            version={draftOffer.version}
            note={
              hasSecretKeysInJsonText(draftOffer.values.configData)
                ? 'Values of secret-looking keys in configData (apiKey, token, password…) are never kept in a draft: if you changed configData, enter them again.'
                : undefined
            }
            onRestore={() => restoreDraft(draftOffer)}
            onDiscard={() => {
              writeDraft.cancel();
              discardDraft(draftRef);
              setDraftOffer(null);
            }}
          />
        ) : null}

        {changedElsewhere && latest ? (
          <ChangedElsewhereNotice
            latest={latest}
            onCompare={() =>
              setConflict({
                base: normalizeFormValues(baseValues),
                mine: normalizeFormValues(getValues()),
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
            noun={noun}
            onResolve={resolveWith}
          />
        ) : null}

        {resolvedNote ? (
          <Alert
            color="teal"
            styles={READABLE_TITLE}
            title="Not saved yet"
            role="status"
            withCloseButton
            onClose={() => setResolvedNote(null)}
          >
            {resolvedNote}
          </Alert>
        ) : null}

        {formErrors.length > 0 ? (
          <Alert color="red" title="m3ter rejected the save" role="alert" styles={READABLE_TITLE}>
            <Stack gap={4}>
              {formErrors.map((message) => (
                <Text key={message} size="sm">
                  {message}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : null}

        {saveError ? (
          <ErrorState
            error={saveError}
            title={saveErrorTitle(saveError, mode, createUncertainSince !== null)}
            onRetry={() => void submit()}
            retrying={pending}
          />
        ) : null}

        <Paper withBorder p="md" radius="md" component="fieldset" disabled={conflict !== null}>
          <Title order={2} size="h4" component="legend" px={4}>
            What goes where
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <TextField
              control={control}
              name="name"
              label="Name"
              description="Tells several integrations to the same system apart"
              autoComplete="off"
            />
            <AutocompleteField
              control={control}
              name="entityType"
              label="Entity type"
              description="Bill, Notification, or another m3ter entity type"
              data={[...KNOWN_ENTITY_TYPES]}
              required
            />
            <AutocompleteField
              control={control}
              name="destination"
              label="Destination"
              description={
                systems.isError
                  ? "m3ter's list of systems is unavailable: suggesting the known ones. Any name of letters, digits, _ and - works."
                  : 'The external system, from the ones m3ter offers, or a custom one'
              }
              data={destinationSuggestions}
              required
            />
            <TextField
              control={control}
              name="entityId"
              label="Entity id"
              description="Optional: one Bill or Notification (UUID); empty means every one"
              autoComplete="off"
            />
            <TextField
              control={control}
              name="destinationId"
              label="Destination id"
              description="Optional: the destination's UUID (e.g. a webhook destination)"
              autoComplete="off"
            />
            <TextField
              control={control}
              name="integrationCredentialsId"
              label="Credentials id"
              description="Optional: stored credentials to use (UUID)"
              autoComplete="off"
            />
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="md" radius="md" component="fieldset" disabled={conflict !== null}>
          <Title order={2} size="h4" component="legend" px={4}>
            Configuration data
          </Title>
          <JsonObjectField
            control={control}
            name="configData"
            label="configData (JSON object)"
            description="Destination-specific settings, as one JSON object. Empty means {}."
          />
        </Paper>

        <Paper withBorder p="md" radius="md" component="fieldset" disabled={conflict !== null}>
          <Title order={2} size="h4" component="legend" px={4}>
            New credentials (optional)
          </Title>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Credentials are write-only: m3ter never sends them back and this console never shows,
              stores or logs a secret. To change them, send new ones; the configuration then uses
              the new credentials.
            </Text>
            <SwitchField
              control={control}
              name="withCredentials"
              label="Send new credentials with this save"
            />
            {withCredentials ? (
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                <AutocompleteField
                  control={control}
                  name="credentialsType"
                  label="Credential type"
                  description="From m3ter's list; newer types can be typed in"
                  data={[...CREDENTIAL_TYPES]}
                  required
                />
                <TextField
                  control={control}
                  name="credentialsName"
                  label="Credentials name"
                  autoComplete="off"
                />
                <AutocompleteField
                  control={control}
                  name="credentialsDestination"
                  label="Credentials destination"
                  description="Optional"
                  data={[...DESTINATION_TYPES]}
                />
                <SwitchField
                  control={control}
                  name="credentialsEmpty"
                  label="Empty credentials (the destination needs no details)"
                  mt="lg"
                />
              </SimpleGrid>
            ) : null}
          </Stack>
        </Paper>

        <Group justify="space-between">
          <Button variant="default" onClick={props.onCancel} disabled={pending}>
            Cancel
          </Button>
          <Group gap="sm">
            {conflict ? (
              <Text size="sm" c="dimmed">
                Resolve the conflict above first.
              </Text>
            ) : null}
            <SubmitButton loading={pending} disabled={conflict !== null} ref={saveButtonRef}>
              {mode === 'create' ? 'Create configuration' : 'Save changes'}
            </SubmitButton>
          </Group>
        </Group>
      </Stack>
      <UnsavedChangesDialog
        guard={guard}
        onLeave={() => {
          writeDraft.cancel();
          discardDraft(draftRef);
        }}
      />
    </form>
  );
}
