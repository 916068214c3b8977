import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { CREDENTIAL_TYPES, DESTINATION_TYPES, type IntegrationConfig } from '../../api';
import {
  sameFieldValues,
  useVersionedEdit,
  VersionedEditForm,
  type VersionedEditAdapter,
} from '../../components/conflict';
import { AutocompleteField, JsonObjectField, SwitchField, TextField } from '../../components/form';
import { hasSecretKeysInJsonText, withUntouchedSecrets } from '../../lib/drafts';
import { configQueries, useCreateConfig, useUpdateConfig } from '../../queries/configs';
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
  type ConfigFormValues,
} from './config-form-model';
import { DestinationIdField } from './webhook-destination';

export type ConfigFormProps =
  | {
      mode: 'create';
      /** Where the form starts (a pre-fill from the link); default empty. */
      initialValues?: ConfigFormValues;
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

/**
 * Create or edit an integration configuration, on the shared edit flow (docs/architecture.md §5–§6):
 * field errors stay at the field, a failed save keeps the values and offers a retry, a version
 * conflict opens the field-by-field panel, a reload offers the draft back, and leaving asks first.
 */
export function ConfigForm(props: ConfigFormProps) {
  const { mode } = props;
  const queryClient = useQueryClient();
  const loaded = mode === 'edit' ? props.loaded : undefined;

  const form = useForm<ConfigFormValues>({
    resolver: zodResolver(configFormSchema),
    defaultValues: loaded
      ? toFormValues(loaded)
      : mode === 'create' && props.initialValues
        ? props.initialValues
        : EMPTY_CONFIG_FORM,
    mode: 'onTouched',
  });
  const { control } = form;

  const create = useCreateConfig();
  const update = useUpdateConfig();
  const adapter = useMemo<VersionedEditAdapter<ConfigFormValues, IntegrationConfig>>(
    () => ({
      platform: 'm3ter',
      noun: 'configuration',
      toValues: toFormValues,
      emptyValues: EMPTY_CONFIG_FORM,
      fields: CONFLICT_FIELDS,
      normalize: normalizeFormValues,
      // New credentials are write-only: a save that sent some is never known to have landed.
      isOwnSave: (mine, theirs) =>
        !mine.withCredentials && sameFieldValues(CONFLICT_FIELDS, mine, theirs),
      keepOnResolve: withCredentialsOf,
      serverFieldMap: SERVER_FIELD_MAP,
      draft: { ref: configDraftRef(loaded?.id), schema: configDraftSchema },
      prepareDraft: (draft, baseValues) => ({
        ...draft,
        values: withUntouchedSecrets(draft.values, baseValues),
        base: withUntouchedSecrets(draft.base, baseValues),
      }),
      latestAfterConflict: (id) => queryClient.getQueryData(configQueries.detail(id).queryKey),
      findCreated: async (values, since) => {
        const { items } = await queryClient.fetchQuery({ ...configQueries.list(), staleTime: 0 });
        const mine = normalizeFormValues(values);
        return items.find((config) => {
          const created = config.dtCreated ? Date.parse(config.dtCreated) : Number.NaN;
          return created >= since && sameFieldValues(CONFLICT_FIELDS, mine, toFormValues(config));
        });
      },
    }),
    [queryClient, loaded?.id],
  );
  const [edit, saveButton] = useVersionedEdit({
    form,
    adapter,
    loaded,
    latest: mode === 'edit' ? props.latest : undefined,
    onRebase: mode === 'edit' ? props.onRebase : undefined,
    onSaved: props.onSaved,
    save: (values, base) =>
      base
        ? update.mutateAsync({
            id: base.id,
            body: { ...toRequest(values, base), version: base.version ?? 1 },
          })
        : create.mutateAsync(toRequest(values)),
  });
  const { conflict, pending } = edit;

  const systems = useQuery(configQueries.availableSystems());
  const destinationSuggestions = systems.data
    ? [...new Set(systems.data.map((s) => s.identifier))]
    : [...KNOWN_DESTINATIONS];

  const withCredentials = useWatch({ control, name: 'withCredentials' });
  const destination = useWatch({ control, name: 'destination' });
  const destinationId = useWatch({ control, name: 'destinationId' });
  return (
    <VersionedEditForm
      edit={edit}
      saveButton={saveButton}
      label={mode === 'create' ? 'New configuration' : 'Edit configuration'}
      draftNote={
        edit.draftOffer && hasSecretKeysInJsonText(edit.draftOffer.values.configData)
          ? 'Values of secret-looking keys in configData (apiKey, token, password…) are never kept in a draft: if you changed configData, enter them again.'
          : undefined
      }
      submitLabel={mode === 'create' ? 'Create configuration' : 'Save changes'}
      cancel={
        <Button variant="default" onClick={props.onCancel} disabled={pending}>
          Cancel
        </Button>
      }
    >
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
          <DestinationIdField control={control} destination={destination} value={destinationId} />
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
            stores or logs a secret. To change them, send new ones; the configuration then uses the
            new credentials.
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
    </VersionedEditForm>
  );
}
