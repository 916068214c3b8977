import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import type { WebhookDestination } from '../../api';
import {
  sameFieldValues,
  useVersionedEdit,
  VersionedEditForm,
  type VersionedEditAdapter,
} from '../../components/conflict';
import { TextField } from '../../components/form';
import {
  useCreateWebhookDestination,
  useUpdateWebhookDestination,
  webhookDestinationQueries,
} from '../../queries/webhook-destinations';
import {
  CONFLICT_FIELDS,
  destinationDraftRef,
  destinationDraftSchema,
  destinationFormSchema,
  EMPTY_DESTINATION_FORM,
  normalizeFormValues,
  replacesCredentials,
  SERVER_FIELD_MAP,
  toFormValues,
  toRequest,
  withCredentialsOf,
  type DestinationFormValues,
} from './destination-form-model';
import { SecretInput } from './secret-input';

type Saved = (destination: WebhookDestination, how: { alreadySaved: boolean }) => void;

export type DestinationFormProps =
  | { mode: 'create'; onSaved: Saved; onCancel: () => void }
  | {
      mode: 'edit';
      /** The destination as first loaded: the edit's base. */
      loaded: WebhookDestination;
      /** The latest known version (the polled detail query). */
      latest: WebhookDestination;
      onRebase?: (base: WebhookDestination) => void;
      onSaved: Saved;
      onCancel: () => void;
    };

/**
 * Create or edit a webhook destination on the shared edit flow (docs/architecture.md §5–§6): m3ter's 400
 * (say, a host that does not resolve) at its field, a conflict field by field, a draft back after a
 * reload — never with the api key or secret in it.
 */
export function DestinationForm(props: DestinationFormProps) {
  const { mode } = props;
  const queryClient = useQueryClient();
  const loaded = mode === 'edit' ? props.loaded : undefined;
  const form = useForm<DestinationFormValues>({
    resolver: zodResolver(destinationFormSchema(mode)),
    defaultValues: loaded ? toFormValues(loaded) : EMPTY_DESTINATION_FORM,
    mode: 'onTouched',
  });
  const { control } = form;
  const create = useCreateWebhookDestination();
  const update = useUpdateWebhookDestination();

  const adapter = useMemo<VersionedEditAdapter<DestinationFormValues, WebhookDestination>>(
    () => ({
      platform: 'm3ter',
      noun: 'webhook destination',
      toValues: toFormValues,
      emptyValues: EMPTY_DESTINATION_FORM,
      fields: CONFLICT_FIELDS,
      normalize: normalizeFormValues,
      // New credentials are write-only: a save that sent some is never known to have landed.
      isOwnSave: (mine, theirs) =>
        !replacesCredentials(mine) && sameFieldValues(CONFLICT_FIELDS, mine, theirs),
      keepOnResolve: withCredentialsOf,
      serverFieldMap: SERVER_FIELD_MAP,
      draft: { ref: destinationDraftRef(loaded?.id), schema: destinationDraftSchema },
      // Drafts never hold the credentials: the inputs come back empty.
      prepareDraft: (draft) => ({
        ...draft,
        values: { ...draft.values, apiKey: '', secret: '' },
        base: { ...draft.base, apiKey: '', secret: '' },
      }),
      latestAfterConflict: (id) =>
        queryClient.getQueryData(webhookDestinationQueries.detail(id).queryKey),
      findCreated: async (values, since) => {
        const { items } = await queryClient.fetchQuery({
          ...webhookDestinationQueries.everything(),
          staleTime: 0,
        });
        const mine = normalizeFormValues(values);
        return items.find((d) => {
          const created = d.dtCreated ? Date.parse(d.dtCreated) : Number.NaN;
          return created >= since && sameFieldValues(CONFLICT_FIELDS, mine, toFormValues(d));
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
  const stored = mode === 'edit' && loaded?.credentials !== undefined;

  return (
    <VersionedEditForm
      edit={edit}
      saveButton={saveButton}
      label={mode === 'create' ? 'New webhook destination' : 'Edit webhook destination'}
      draftNote={
        edit.draftOffer
          ? 'The api key and secret are never kept in a draft: type them again if you were replacing them.'
          : undefined
      }
      submitLabel={mode === 'create' ? 'Create destination' : 'Save changes'}
      cancel={
        <Button variant="default" onClick={props.onCancel} disabled={pending}>
          Cancel
        </Button>
      }
    >
      <Paper withBorder p="md" radius="md" component="fieldset" disabled={conflict !== null}>
        <Title order={2} size="h4" component="legend" px={4}>
          Destination
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <TextField control={control} name="name" label="Name" autoComplete="off" required />
          <TextField
            control={control}
            name="code"
            label="Code"
            description="Optional short code, unique among destinations (no spaces)"
            autoComplete="off"
          />
          <TextField
            control={control}
            name="url"
            label="URL"
            description="https:// and a host m3ter can resolve, e.g. https://hooks.example.com/m3ter"
            autoComplete="off"
            inputMode="url"
            spellCheck={false}
            required
          />
          <TextField
            control={control}
            name="description"
            label="Description"
            description="What receives these Notifications"
            autoComplete="off"
            required
          />
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md" radius="md" component="fieldset" disabled={conflict !== null}>
        <Title order={2} size="h4" component="legend" px={4}>
          Signing credentials (M3TER_SIGNED_REQUEST)
        </Title>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            m3ter signs each request with these so the receiver can check it came from m3ter. They
            are write-only: m3ter never shows them again, and this console never displays, stores or
            logs them. Use dummy values if the endpoint checks no signature.
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <SecretInput control={control} name="apiKey" label="API key" stored={stored} />
            <SecretInput control={control} name="secret" label="Secret" stored={stored} />
          </SimpleGrid>
        </Stack>
      </Paper>
    </VersionedEditForm>
  );
}
