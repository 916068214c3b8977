import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import {
  useForm,
  type Control,
  type UseFormGetValues,
  type UseFormSetError,
} from 'react-hook-form';
import {
  SolvimonDuplicateReferenceError,
  SolvimonInvalidOperationError,
  solvimonRevision,
  SolvimonValidationError,
  type SolvimonIntegration,
} from '../../api/solvimon';
import {
  useVersionedEdit,
  VersionedEditForm,
  type VersionedEditAdapter,
} from '../../components/conflict';
import { SelectField, TextField } from '../../components/form';
import {
  solvimonQueries,
  useCreateSolvimonIntegration,
  useUpdateSolvimonIntegration,
} from '../../queries/solvimon-integrations';
import { FixedField, ScalarFieldControl, SecretField, useFormValues } from './form-controls';
import {
  AUTH_BLOCKS,
  AUTH_METHOD_FIELDS,
  AUTH_METHODS,
  PLAIN_SECRETS,
  SECTION_FIELDS,
  TYPE_OPTIONS,
  VARIANT_FIELDS,
  type AuthMethod,
} from './form-fields';
import { solvimonTypeLabel } from './labels';
import { LinkedResourcesField, TaxCodesField } from './form-lists';
import { MandatesField } from './form-mandates';
import {
  applies,
  changesSecrets,
  CONFLICT_FIELDS,
  emptyFormValues,
  emptySecrets,
  formFieldOf,
  holdsSameValues,
  isStored,
  keepSecretsOnResolve,
  lowerFirst,
  sectionOfType,
  secretSlot,
  solvimonDraftSchema,
  solvimonFormSchema,
  toCreateRequest,
  toFormValues,
  toUpdateRequest,
  unsavedFields,
  type SolvimonFormValues,
  type SolvimonListValues,
} from './form-model';

type FormControl = Control<SolvimonFormValues>;

interface SolvimonSaved {
  /** Labels of fields Solvimon holds differently from what was sent (the check after a save). */
  differs: string[];
  alreadySaved: boolean;
}

export type SolvimonFormProps = {
  onSaved: (integration: SolvimonIntegration, how: SolvimonSaved) => void;
  onCancel: () => void;
  /** Beside Save and Cancel, e.g. Delete. */
  extra?: ReactNode;
} & (
  | { mode: 'create' }
  | {
      mode: 'edit';
      /** The integration as first loaded: the edit's base. */
      loaded: SolvimonIntegration;
      /** The latest known state (the polled detail query), to notice changes made elsewhere. */
      latest: SolvimonIntegration;
      onRebase?: (base: SolvimonIntegration) => void;
    }
);

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Lists whose own message the form shows (./form-rows.tsx ListError). */
const LIST_MESSAGE =
  /^(mandates|linked_resources\.\d+\.link_details|mandates\.\d+\.condition_groups\.\d+\.conditions)$/;

/**
 * Whether the form shows a message set on `field` now: an input of that name is on the page, or it is
 * a list with its own message. Anything else (a hidden variant's field, a list item as a whole) goes to
 * the form-level alert, so Solvimon's words are never set where nobody sees them.
 */
const isShown = (field: string): boolean =>
  LIST_MESSAGE.test(field) || document.getElementsByName(field).length > 0;

/**
 * Solvimon's answer to a rejected save at the field its `field` names (the message without the path
 * it starts with), or in the form-level alert when the form has no such field.
 */
function applySolvimonError(
  error: unknown,
  setError: UseFormSetError<SolvimonFormValues>,
  getValues: UseFormGetValues<SolvimonFormValues>,
): string[] | null {
  const rejected =
    error instanceof SolvimonValidationError ||
    error instanceof SolvimonDuplicateReferenceError ||
    error instanceof SolvimonInvalidOperationError;
  if (!rejected) return null;
  const field = error.field ? formFieldOf(error.field) : undefined;
  if (field === undefined || getValues(field) === undefined || !isShown(field)) {
    return [error.message];
  }
  const message = capitalise(error.message.replace(/^[\w.]+:\s*/, ''));
  setError(field, { type: 'server', message }, { shouldFocus: true });
  return [];
}

/**
 * Create or edit a Solvimon integration on the shared edit flow (docs/architecture.md §5–§6, §11):
 * Solvimon has no version, so the flow tells saved states apart by their fingerprint, and the update
 * reads the integration again before it writes (docs/solvimon-api.md Decision 3).
 */
export function SolvimonIntegrationForm(props: SolvimonFormProps) {
  const { mode } = props;
  const queryClient = useQueryClient();
  const loaded = mode === 'edit' ? props.loaded : undefined;
  const baseRef = useRef(loaded);
  const form = useForm<SolvimonFormValues>({
    // Checked against what the edit is based on now (a resolved conflict moves it), read when it runs.
    resolver: (values, context, options) =>
      zodResolver(solvimonFormSchema({ mode, loaded: baseRef.current }))(values, context, options),
    defaultValues: loaded ? toFormValues(loaded) : emptyFormValues(),
    mode: 'onTouched',
  });
  const { control, getValues } = form;
  const create = useCreateSolvimonIntegration();
  const update = useUpdateSolvimonIntegration();
  /** What the last save could not store, for onSaved (set by the save itself). */
  const differs = useRef<string[]>([]);

  const adapter = useMemo<VersionedEditAdapter<SolvimonFormValues, SolvimonIntegration>>(
    () => ({
      platform: 'Solvimon',
      noun: 'integration',
      toValues: toFormValues,
      emptyValues: emptyFormValues(),
      fields: CONFLICT_FIELDS,
      revision: solvimonRevision,
      // New secrets are write-only: a save that sent some is never known to have landed.
      isOwnSave: (mine, theirs) => !changesSecrets(mine) && holdsSameValues(mine, theirs),
      keepOnResolve: keepSecretsOnResolve,
      applyServerError: (error, setError) => applySolvimonError(error, setError, getValues),
      draft: {
        ref: { entity: 'solvimon-integration', id: loaded?.id ?? 'new' },
        schema: solvimonDraftSchema,
      },
      // Drafts never hold `secrets`: the inputs come back empty.
      prepareDraft: (draft) => ({
        ...draft,
        values: { ...draft.values, secrets: emptySecrets() },
        base: { ...draft.base, secrets: emptySecrets() },
      }),
      latestAfterConflict: (id) => queryClient.getQueryData(solvimonQueries.detail(id).queryKey),
      // References are unique: an integration with this one and these values is the earlier attempt.
      findCreated: async (values) => {
        const { items } = await queryClient.fetchQuery({
          ...solvimonQueries.everything({}),
          staleTime: 0,
        });
        return items.find(
          (item) =>
            item.reference === values.reference && holdsSameValues(values, toFormValues(item)),
        );
      },
    }),
    [queryClient, loaded?.id, getValues],
  );

  const [edit, saveButton] = useVersionedEdit({
    form,
    adapter,
    loaded,
    latest: mode === 'edit' ? props.latest : undefined,
    onRebase: mode === 'edit' ? props.onRebase : undefined,
    onSaved: (integration, how) => props.onSaved(integration, { ...how, differs: differs.current }),
    save: async (values, base) => {
      const saved = base
        ? await update.mutateAsync({ id: base.id, body: toUpdateRequest(values, base), base })
        : await create.mutateAsync(toCreateRequest(values));
      differs.current = unsavedFields(values, saved);
      return saved;
    },
  });
  // Whether a secret is stored, and so whether one must be typed, follows the edit's base.
  const base = edit.base;
  useEffect(() => {
    baseRef.current = base;
  }, [base]);
  const disabled = edit.conflict !== null;
  const values = useFormValues(control);
  const section = sectionOfType(values.type);
  const lists = control as unknown as Control<SolvimonListValues>;

  return (
    <VersionedEditForm
      edit={edit}
      saveButton={saveButton}
      label={mode === 'create' ? 'New Solvimon integration' : 'Edit Solvimon integration'}
      draftNote="Secrets are never kept in a draft: enter any you had typed again."
      submitLabel={mode === 'create' ? 'Create integration' : 'Save changes'}
      cancel={
        <Button variant="default" onClick={props.onCancel} disabled={edit.pending}>
          Cancel
        </Button>
      }
      extra={props.extra}
    >
      <Paper withBorder p="md" radius="md" component="fieldset" disabled={disabled}>
        <Title order={2} size="h4" component="legend" px={4}>
          The integration
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <TextField
            control={control}
            name="reference"
            label="Reference"
            description="Your unique key for it: no spaces, e.g. stripe-eu-live"
            required
            autoComplete="off"
          />
          <TextField control={control} name="name" label="Name" autoComplete="off" />
          <TextField
            control={control}
            name="description"
            label="Description"
            description="One line"
            autoComplete="off"
          />
          {mode === 'create' ? (
            <SelectField
              control={control}
              name="type"
              label="Type"
              description="What the integration does; it cannot change later"
              data={[...TYPE_OPTIONS]}
              required
              allowDeselect={false}
            />
          ) : (
            <FixedField
              label="Type"
              value={TYPE_OPTIONS.find((t) => t.value === values.type)?.label ?? values.type}
              description="Cannot change: create a new integration for another type"
            />
          )}
        </SimpleGrid>
      </Paper>

      {section ? (
        <Paper withBorder p="md" radius="md" component="fieldset" disabled={disabled}>
          <Title order={2} size="h4" component="legend" px={4}>
            {solvimonTypeLabel(values.type)}
          </Title>
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <ScalarFieldControl control={control} field={VARIANT_FIELDS[section]} />
              {SECTION_FIELDS.filter((field) => applies(field, values)).map((field) => (
                <ScalarFieldControl key={field.key} control={control} field={field} />
              ))}
              {PLAIN_SECRETS.filter((secret) => applies(secret, values)).map((secret) => {
                const slot = secretSlot(secret.id, values);
                return (
                  <SecretField
                    key={secret.id}
                    control={control}
                    slot={slot}
                    stored={isStored(slot, base)}
                  />
                );
              })}
            </SimpleGrid>
            {AUTH_BLOCKS.filter((block) => block.id !== 'auth' && applies(block, values)).map(
              (block) => (
                <AuthBlock
                  key={block.id}
                  control={control}
                  block={block}
                  values={values}
                  loaded={base}
                />
              ),
            )}
            {section === 'e_invoicing' ? (
              <MandatesField control={lists} disabled={disabled} />
            ) : null}
            {section === 'tax_calculation' ? (
              <TaxCodesField control={lists} disabled={disabled} />
            ) : null}
          </Stack>
        </Paper>
      ) : null}

      <Paper withBorder p="md" radius="md" component="fieldset" disabled={disabled}>
        <Title order={2} size="h4" component="legend" px={4}>
          Credentials
        </Title>
        <AuthBlock control={control} block={AUTH_BLOCKS[0]} values={values} loaded={base} />
      </Paper>

      <Paper withBorder p="md" radius="md" component="fieldset" disabled={disabled}>
        <Title order={2} size="h4" component="legend" px={4}>
          Linked resources
        </Title>
        <LinkedResourcesField control={lists} disabled={disabled} />
      </Paper>
    </VersionedEditForm>
  );
}

const METHOD_OPTIONS = AUTH_METHODS.map((method) => ({
  value: method,
  label: AUTH_METHOD_FIELDS[method].label,
}));

/** An `authentication` object: its method, the method's public field and its secret. */
function AuthBlock({
  control,
  block,
  values,
  loaded,
}: {
  control: FormControl;
  block: (typeof AUTH_BLOCKS)[number];
  values: SolvimonFormValues;
  loaded: SolvimonIntegration | undefined;
}) {
  const method = values[`${block.id}_method`] as AuthMethod | '';
  const slot = secretSlot(block.id, values);
  const stored = isStored(slot, loaded);
  // As the form's checks have it: a method other than the saved one needs its secret typed.
  const loadedMethod = loaded ? toFormValues(loaded)[`${block.id}_method`] : undefined;
  return (
    <Stack gap="xs">
      {block.id === 'auth' ? (
        <Text size="sm" c="dimmed">
          How Solvimon signs in to the provider. Secrets are write-only: Solvimon never sends them
          back and this console never shows, stores or logs one.
        </Text>
      ) : (
        <Title order={2} size="h5">
          {block.label}
        </Title>
      )}
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <SelectField
          control={control}
          name={`${block.id}_method`}
          label={block.id === 'auth' ? 'Method' : `${block.label}: method`}
          data={METHOD_OPTIONS}
          placeholder="None"
          clearable
        />
        {method !== '' ? (
          <>
            <TextField
              control={control}
              name={`${block.id}_public`}
              label={
                block.id === 'auth'
                  ? AUTH_METHOD_FIELDS[method].publicLabel
                  : `${block.label}: ${lowerFirst(AUTH_METHOD_FIELDS[method].publicLabel)}`
              }
              required
              autoComplete="off"
            />
            <SecretField
              control={control}
              slot={
                block.id === 'auth'
                  ? slot
                  : { ...slot, label: `${block.label}: ${lowerFirst(slot.label)}` }
              }
              stored={stored}
              required={!stored && loadedMethod !== method}
            />
          </>
        ) : null}
      </SimpleGrid>
    </Stack>
  );
}
