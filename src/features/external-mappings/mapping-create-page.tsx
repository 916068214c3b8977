import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { describeError, NetworkError, type ExternalMapping } from '../../api';
import { valuesEqual } from '../../components/conflict';
import { BusyButton } from '../../components/busy-button';
import {
  applyServerValidationError,
  SubmitButton,
  UnsavedChangesDialog,
} from '../../components/form';
import { loadDraft, type DraftRef } from '../../lib/drafts';
import { useFormDraft } from '../../lib/use-form-draft';
import { useUnsavedChangesGuard } from '../../lib/use-unsaved-changes-guard';
import { MappingFields } from './mapping-fields';
import {
  fromPrefill,
  mappingFormSchema,
  mappingFormShapeSchema,
  SERVER_FIELD_MAP,
  toCreateRequest,
  type MappingFormValues,
} from './mapping-form-values';
import { shortId } from '../../lib/labels';
import { describeMapping, MappingConfigurationError } from './mapping-parts';
import {
  MAPPING_FIELD_ORDER,
  mappingFieldIssue,
  sameName,
  type MappingFieldName,
  type MappingRuleContext,
} from './mapping-rules';
import { mappingQueries, useCreateMapping } from '../../queries/mappings';
import { configQueries } from '../../queries/configs';
import { Notice } from '../../components/notice';
import { AnchorLink, ButtonLink } from '../../components/router-links';
import type { NewMappingPrefill, NewMappingSearch } from './search-schema';

const DRAFT: DraftRef = { entity: 'external-mapping', id: 'new' };

interface MappingCreatePageProps {
  /** The pre-fill, and `created`: the mapping just created here, shown instead of the form. */
  search: NewMappingSearch;
  onSearchChange: (next: NewMappingSearch, options?: { replace?: boolean }) => void;
}

/** `/mappings/new`: the staged create form, pre-filled from the URL when another screen links here. */
export function MappingCreatePage({ search, onSearchChange }: MappingCreatePageProps) {
  const createdId = search.created;
  // The form's starting point: stable while the search is, so a re-render does not restart it.
  const prefill = useMemo(() => {
    const { created: _created, ...rest } = search;
    return rest;
  }, [search]);
  const configuration = useQuery(mappingQueries.configuration());
  const configs = useQuery(configQueries.list());
  // The create puts the new mapping in the detail cache, so this is instant right after a create; after
  // a reload it is fetched, and a mapping deleted since then just shows the form again.
  const createdQuery = useQuery({
    ...mappingQueries.detail(createdId ?? ''),
    enabled: createdId !== undefined,
  });
  const created = createdId === undefined ? null : (createdQuery.data ?? null);
  const configurationData = configuration.data;
  const configItems = configs.data?.items;
  const context = useMemo(
    () => ({ configuration: configurationData, configs: configItems }),
    [configurationData, configItems],
  );
  const [formKey, setFormKey] = useState(0);

  const createAnother = (previous: ExternalMapping) => {
    const keep: NewMappingPrefill = {
      m3terEntity: previous.m3terEntity,
      externalSystem: previous.externalSystem,
      externalTable: previous.externalTable,
    };
    if (previous.integrationConfigId) keep.integrationConfigId = previous.integrationConfigId;
    setFormKey((k) => k + 1);
    onSearchChange(keep);
  };

  return (
    <Stack gap="lg" maw={880}>
      <div>
        <Title order={1}>Create external mapping</Title>
        <Text c="dimmed">
          Say which record in the external system an m3ter record is, step by step.
        </Text>
      </div>
      {created ? (
        <CreatedPanel mapping={created} onCreateAnother={() => createAnother(created)} />
      ) : configuration.isPending || (createdId !== undefined && createdQuery.isPending) ? (
        <Stack aria-busy="true" aria-label="Loading the mapping configuration">
          <Skeleton height={110} />
          <Skeleton height={180} />
        </Stack>
      ) : (
        <>
          <MappingConfigurationError query={configuration} />
          <MappingCreateForm
            key={formKey}
            prefill={prefill}
            context={context}
            configsError={
              configs.isError && !configs.data
                ? { error: configs.error, retry: () => void configs.refetch() }
                : undefined
            }
            onCreated={(mapping) =>
              onSearchChange({ ...prefill, created: mapping.id }, { replace: true })
            }
          />
        </>
      )}
    </Stack>
  );
}

interface MappingCreateFormProps {
  prefill: NewMappingPrefill;
  context: MappingRuleContext;
  configsError: { error: unknown; retry: () => void } | undefined;
  onCreated: (mapping: ExternalMapping) => void;
}

function matchingDuplicates(
  mappings: readonly ExternalMapping[],
  values: MappingFormValues,
): ExternalMapping[] {
  return mappings.filter(
    (m) =>
      sameName(m.m3terEntity, values.m3terEntity) &&
      sameName(m.externalSystem, values.externalSystem) &&
      sameName(m.externalTable, values.externalTable),
  );
}

function duplicateCheckKey(values: MappingFormValues): string {
  return [values.m3terEntity, values.m3terId, values.externalSystem, values.externalTable]
    .join('\u0000')
    .toLowerCase();
}

function MappingCreateForm({ prefill, context, configsError, onCreated }: MappingCreateFormProps) {
  const queryClient = useQueryClient();
  const create = useCreateMapping();
  const initial = useMemo(() => fromPrefill(prefill), [prefill]);
  // An unsaved create form of this same starting point survives a reload of the tab.
  const [restored] = useState(() => {
    const draft = loadDraft(DRAFT, mappingFormShapeSchema);
    return draft && valuesEqual(draft.base, initial) && !valuesEqual(draft.values, initial)
      ? draft
      : null;
  });
  const schema = useMemo(() => mappingFormSchema(context), [context]);
  const form = useForm<MappingFormValues>({
    resolver: zodResolver(schema),
    defaultValues: restored?.values ?? initial,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
  const values = useWatch({ control: form.control }) as MappingFormValues;
  const dirty = !valuesEqual(values, initial);
  const [saved, setSaved] = useState(false);
  const guard = useUnsavedChangesGuard(dirty && !saved);
  const [formError, setFormError] = useState<unknown>(null);
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  // A refused submit puts the keyboard on the confirmation it needs.
  useEffect(() => {
    if (confirmError) confirmRef.current?.focus();
  }, [confirmError]);

  const draft = useFormDraft(form, {
    ref: DRAFT,
    base: initial,
    version: undefined,
    paused: saved,
    // The form may start from a restored draft: an edit is what differs from the link's pre-fill.
    isEdit: (next) => !valuesEqual(next, initial),
  });

  // What came from a link (or a restored draft) is checked at once, so a bad pre-fill says why; and
  // again when the configs list arrives or refreshes, so a config created a moment ago is known.
  const knownConfigs = context.configs;
  useEffect(() => {
    const start = restored?.values ?? initial;
    const given = MAPPING_FIELD_ORDER.filter((name) => start[name] !== '');
    if (given.length > 0) void form.trigger(given);
  }, [form, initial, restored, knownConfigs]);

  const ok = (name: MappingFieldName) => mappingFieldIssue(name, values, context) === null;
  const identityKnown = ok('m3terEntity') && ok('m3terId');
  const tableKnown = identityKnown && ok('externalSystem') && ok('externalTable');
  const existing = useQuery({
    ...mappingQueries.allForM3terEntity(values.m3terEntity, values.m3terId),
    enabled: identityKnown,
  });
  const duplicates =
    tableKnown && existing.data ? matchingDuplicates(existing.data.items, values) : [];
  const others = (existing.data?.items ?? []).filter((m) => !duplicates.includes(m));
  const checkKey = duplicateCheckKey(values);
  const confirmed = confirmedFor === checkKey;
  const needsConfirmation = duplicates.length > 0 || (tableKnown && existing.isError);

  const submit = form.handleSubmit(async (valid) => {
    setFormError(null);
    setConfirmError(null);
    // Ask m3ter again right before creating: someone may have mapped it since the page loaded.
    let found: ExternalMapping[];
    try {
      const fresh = await queryClient.fetchQuery({
        ...mappingQueries.allForM3terEntity(valid.m3terEntity, valid.m3terId),
        staleTime: 0,
      });
      found = matchingDuplicates(fresh.items, valid);
    } catch (error) {
      if (!confirmed) {
        setConfirmError(
          `Could not check for an existing mapping (${describeError(error).title}). Confirm to create it anyway, or try again.`,
        );
        return;
      }
      found = [];
    }
    if (found.length > 0 && !confirmed) {
      setConfirmError(
        'This would be a second mapping for the same record and table. Confirm to create it anyway, or open the existing one.',
      );
      return;
    }
    try {
      const mapping = await create.mutateAsync(toCreateRequest(valid));
      setSaved(true);
      draft.forget();
      guard.allowNextNavigation();
      onCreated(mapping);
    } catch (error) {
      const formMessages = applyServerValidationError(error, form.setError, SERVER_FIELD_MAP);
      if (formMessages === null) setFormError(error);
      else if (formMessages.length > 0) setFormError(new Error(formMessages.join(' ')));
    }
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Create external mapping">
      <Stack gap="lg">
        {restored ? (
          <Notice tone="info" title="Your unsaved input was restored" role="status">
            <Group gap="xs">
              <Text size="sm">
                This form was not submitted before the page was reloaded or left.
              </Text>
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => {
                  draft.forget();
                  form.reset(initial);
                }}
              >
                Start over
              </Button>
            </Group>
          </Notice>
        ) : null}

        <MappingFields form={form} context={context} staged configsError={configsError} />

        {duplicates.length > 0 ? (
          <Notice tone="warning" title="Already mapped" role="status">
            <Stack gap="xs">
              <Text size="sm">
                {values.m3terEntity} {values.m3terId} already has{' '}
                {duplicates.length === 1 ? 'a mapping' : `${duplicates.length} mappings`} to{' '}
                {values.externalSystem} {values.externalTable}:
              </Text>
              <List size="sm">
                {duplicates.map((m) => (
                  <List.Item key={m.id}>
                    <AnchorLink to="/mappings/$id" params={{ id: m.id }} size="sm">
                      {m.externalSystem} {m.externalTable} {m.externalId}
                    </AnchorLink>
                  </List.Item>
                ))}
              </List>
              <Text size="sm">
                A second mapping is rarely right: integrations may pick either one. Edit the
                existing mapping instead, unless you mean to have two.
              </Text>
            </Stack>
          </Notice>
        ) : null}
        {tableKnown && existing.isError ? (
          <Notice tone="warning" title="Could not check for an existing mapping">
            <Group gap="xs">
              <Text size="sm">{describeError(existing.error).title}.</Text>
              <BusyButton
                size="compact-sm"
                variant="subtle"
                onClick={() => void existing.refetch()}
                busy={existing.isFetching}
              >
                Check again
              </BusyButton>
            </Group>
          </Notice>
        ) : null}
        {needsConfirmation || confirmError ? (
          <Checkbox
            ref={confirmRef}
            label={
              duplicates.length > 0
                ? `Create another mapping for this ${values.m3terEntity} in ${values.externalSystem} ${values.externalTable} anyway`
                : 'Create it without the check'
            }
            checked={confirmed}
            onChange={(e) => {
              setConfirmedFor(e.currentTarget.checked ? checkKey : null);
              setConfirmError(null);
            }}
            error={confirmError}
          />
        ) : null}
        {others.length > 0 && duplicates.length === 0 ? (
          <Text size="sm" c="dimmed">
            {values.m3terEntity} {shortId(values.m3terId)} is also mapped to:{' '}
            {others
              .slice(0, 5)
              .map((m) => `${m.externalSystem} ${m.externalTable} ${m.externalId}`)
              .join('; ')}
            {others.length > 5 ? ` and ${others.length - 5} more` : ''}.
          </Text>
        ) : null}

        {formError ? <SubmitError error={formError} values={values} /> : null}

        <Group>
          <SubmitButton busy={form.formState.isSubmitting}>Create mapping</SubmitButton>
          <ButtonLink to="/mappings" variant="default">
            Cancel
          </ButtonLink>
        </Group>
      </Stack>
      <UnsavedChangesDialog guard={guard} onLeave={draft.forget} />
    </form>
  );
}

function SubmitError({ error, values }: { error: unknown; values: MappingFormValues }) {
  const { title, detail } = describeError(error);
  return (
    <Notice tone="danger" title={`Not created. ${title}`} role="alert">
      <Stack gap="xs">
        <Text size="sm">{detail}</Text>
        {error instanceof NetworkError ? (
          <Text size="sm">
            m3ter did not answer, so it may or may not have created the mapping.{' '}
            <AnchorLink
              to="/mappings"
              search={{ lookup: 'm3ter', entity: values.m3terEntity, m3terId: values.m3terId }}
              target="_blank"
              size="sm"
            >
              Look it up (new tab)
            </AnchorLink>{' '}
            before creating it again.
          </Text>
        ) : (
          <Text size="sm">Your input is kept: correct it if needed and create again.</Text>
        )}
      </Stack>
    </Notice>
  );
}

interface CreatedPanelProps {
  mapping: ExternalMapping;
  onCreateAnother: () => void;
}

function CreatedPanel({ mapping, onCreateAnother }: CreatedPanelProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <Notice tone="success" title="Mapping created" ref={headingRef} role="status">
      <Text size="sm">{describeMapping(mapping)}</Text>
      <Group gap="sm">
        <ButtonLink to="/mappings/$id" params={{ id: mapping.id }}>
          Open the new mapping
        </ButtonLink>
        <Button variant="default" onClick={onCreateAnother}>
          Create another ({mapping.externalSystem} {mapping.externalTable})
        </Button>
      </Group>
      <Text size="sm">
        Find it from either side:{' '}
        <AnchorLink
          to="/mappings"
          search={{ lookup: 'm3ter', entity: mapping.m3terEntity, m3terId: mapping.m3terId }}
          size="sm"
        >
          by m3ter {mapping.m3terEntity} id
        </AnchorLink>{' '}
        ·{' '}
        <AnchorLink
          to="/mappings"
          search={{
            lookup: 'external',
            system: mapping.externalSystem,
            table: mapping.externalTable,
            externalId: mapping.externalId,
          }}
          size="sm"
        >
          by {mapping.externalSystem} id
        </AnchorLink>
      </Text>
    </Notice>
  );
}
