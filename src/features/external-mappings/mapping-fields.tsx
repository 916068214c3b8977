import { Button, Fieldset, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { describeError } from '../../api';
import { BusyButton } from '../../components/busy-button';
import { SelectField, TextField } from '../../components/form';
import { shortId } from '../../lib/labels';
import { ChoiceField, configChoiceLabel } from './mapping-parts';
import type { MappingFormValues } from './mapping-form-values';
import {
  configsForSystem,
  findSystem,
  mappingFieldIssue,
  type MappingFieldName,
  type MappingRuleContext,
} from './mapping-rules';
import { Notice } from '../../components/notice';
import { mappingQueries } from '../../queries/mappings';

interface MappingFieldsProps {
  form: UseFormReturn<MappingFormValues>;
  context: MappingRuleContext;
  /**
   * Create: each field opens once the ones before it are valid (m3ter entity → id → system → table →
   * external id → config). Edit: every field is open.
   */
  staged: boolean;
  /** The integration configs could not be loaded (the picker says so and offers a retry). */
  configsError?: { error: unknown; retry: () => void } | undefined;
}

const STAGE_PREREQUISITES: Record<MappingFieldName, readonly MappingFieldName[]> = {
  m3terEntity: [],
  m3terId: ['m3terEntity'],
  externalSystem: ['m3terEntity', 'm3terId'],
  externalTable: ['m3terEntity', 'm3terId', 'externalSystem'],
  externalId: ['m3terEntity', 'm3terId', 'externalSystem', 'externalTable'],
  integrationConfigId: ['externalSystem'],
};

const WAITING_FOR: Record<MappingFieldName, string> = {
  m3terEntity: '',
  m3terId: 'Choose the m3ter entity first.',
  externalSystem: 'Enter a valid m3ter id first.',
  externalTable: 'Choose the external system first.',
  externalId: 'Choose the external table first.',
  integrationConfigId: 'Choose the external system first.',
};

function withCurrent(
  options: readonly string[] | undefined,
  current: string,
): string[] | undefined {
  if (!options) return undefined;
  return current && !options.includes(current) ? [...options, current] : [...options];
}

/** The mapping's fields, shared by the create and edit forms. */
export function MappingFields({ form, context, staged, configsError }: MappingFieldsProps) {
  const { control, setValue, getValues } = form;
  const values = useWatch({ control }) as MappingFormValues;
  const { configuration, configs } = context;
  const ok = (name: MappingFieldName) => mappingFieldIssue(name, values, context) === null;
  const open = (name: MappingFieldName) =>
    !staged || STAGE_PREREQUISITES[name].every((prerequisite) => ok(prerequisite));
  const waiting = (name: MappingFieldName) => (open(name) ? undefined : WAITING_FOR[name]);

  const system = findSystem(configuration, values.externalSystem);

  // A new system makes a table it does not have, and a config that sends elsewhere, meaningless:
  // clear those picks (a table typed for a system allowing custom tables is kept).
  const previousSystem = useRef(values.externalSystem);
  useEffect(() => {
    if (previousSystem.current === values.externalSystem) return;
    previousSystem.current = values.externalSystem;
    const next = findSystem(configuration, values.externalSystem);
    const table = getValues('externalTable');
    if (next && !next.allowCustomExternalTables && table && !(next.tables ?? []).includes(table)) {
      setValue('externalTable', '', { shouldDirty: true });
    }
    const configId = getValues('integrationConfigId');
    const config = configs?.find((c) => c.id === configId);
    if (config && configsForSystem([config], values.externalSystem).length === 0) {
      setValue('integrationConfigId', '', { shouldDirty: true });
    }
  }, [values.externalSystem, configuration, configs, getValues, setValue]);

  const entities = withCurrent(configuration?.m3terEntities, values.m3terEntity);
  const systems = withCurrent(
    configuration?.externalSystems.map((s) => s.name),
    values.externalSystem,
  );
  const tables = system ? withCurrent(system.tables ?? [], values.externalTable) : undefined;

  return (
    <Stack gap="lg">
      <Fieldset legend="In m3ter" variant="filled">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <ChoiceField
            control={control}
            name="m3terEntity"
            label="m3ter entity"
            description="What kind of m3ter record is mapped, e.g. Account"
            options={entities}
            required
          />
          <TextField
            control={control}
            name="m3terId"
            label="m3ter id"
            description={
              waiting('m3terId') ?? `The id of the ${values.m3terEntity || 'entity'} in m3ter`
            }
            placeholder="3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b"
            autoComplete="off"
            spellCheck={false}
            disabled={!open('m3terId')}
            required
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="In the external system" variant="filled">
        <Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <ChoiceField
              control={control}
              name="externalSystem"
              label="External system"
              description={waiting('externalSystem')}
              options={systems}
              disabled={!open('externalSystem')}
              required
            />
            <ChoiceField
              control={control}
              name="externalTable"
              label="External table"
              description={
                waiting('externalTable') ??
                (system?.allowCustomExternalTables
                  ? `${system.name} allows custom tables: pick one or type its name`
                  : undefined)
              }
              options={tables}
              allowOther={system ? system.allowCustomExternalTables === true : true}
              disabled={!open('externalTable')}
              required
            />
          </SimpleGrid>
          <ExternalIdField form={form} values={values} open={open('externalId')} />
        </Stack>
      </Fieldset>
      <Fieldset legend="Linked integration (optional)" variant="filled">
        <ConfigField
          form={form}
          values={values}
          context={context}
          open={open('integrationConfigId')}
          configsError={configsError}
        />
      </Fieldset>
    </Stack>
  );
}

interface PartProps {
  form: UseFormReturn<MappingFormValues>;
  values: MappingFormValues;
  open: boolean;
}

/**
 * The external id: picked from what m3ter can list from the system for this table, typed where it
 * lists nothing (or could not list, or the user chooses to type one the list lacks).
 */
function ExternalIdField({ form, values, open }: PartProps) {
  const [typing, setTyping] = useState(false);
  // Switching between the list and typing replaces the input: the keyboard follows to the new one.
  const focusAfterSwitch = useRef(false);
  const switchTo = (next: boolean) => {
    focusAfterSwitch.current = true;
    setTyping(next);
  };
  useEffect(() => {
    if (!focusAfterSwitch.current) return;
    focusAfterSwitch.current = false;
    form.setFocus('externalId');
  }, [typing, form]);
  const params = {
    system: values.externalSystem,
    m3terEntity: values.m3terEntity,
    table: values.externalTable,
  };
  const lookup = useQuery({ ...mappingQueries.externalValues(params), enabled: open });
  const label = 'External id';
  const where = `${values.externalSystem} ${values.externalTable}`.trim();

  if (!open) {
    return (
      <TextField
        control={form.control}
        name="externalId"
        label={label}
        description={WAITING_FOR.externalId}
        disabled
        required
      />
    );
  }
  if (lookup.isPending) {
    return (
      <Stack gap={4}>
        <TextField
          control={form.control}
          name="externalId"
          label={label}
          description={`Loading the ${where} records m3ter can list…`}
          rightSection={<Loader size="xs" aria-label="Loading" />}
          disabled
          required
        />
      </Stack>
    );
  }

  const listed = lookup.data ?? [];
  if (lookup.isError || listed.length === 0 || typing) {
    let description = `${values.externalSystem} lists no ${values.externalTable} records through m3ter: type the id exactly as it is in ${values.externalSystem}.`;
    if (lookup.isError) description = `Type the id exactly as it is in ${values.externalSystem}.`;
    if (typing) description = `Type the id exactly as it is in ${values.externalSystem}.`;
    return (
      <Stack gap={6}>
        <TextField
          control={form.control}
          name="externalId"
          label={label}
          description={description}
          placeholder="e.g. cus_Q1w2E3r4T5y6"
          autoComplete="off"
          spellCheck={false}
          required
        />
        {lookup.isError ? (
          <Notice tone="warning">
            <Group gap="xs">
              <Text size="sm">
                Could not list {where} records: {describeError(lookup.error).title}.
              </Text>
              <BusyButton
                size="compact-sm"
                variant="subtle"
                onClick={() => void lookup.refetch()}
                busy={lookup.isFetching}
              >
                Try listing again
              </BusyButton>
            </Group>
          </Notice>
        ) : null}
        {typing && listed.length > 0 ? (
          <Group>
            <Button size="compact-sm" variant="subtle" onClick={() => switchTo(false)}>
              Pick from {values.externalSystem}’s list instead
            </Button>
          </Group>
        ) : null}
      </Stack>
    );
  }

  const options = listed.map((v) => ({
    value: v.externalId,
    label: v.externalName ? `${v.externalName} · ${v.externalId}` : v.externalId,
  }));
  if (values.externalId && !listed.some((v) => v.externalId === values.externalId)) {
    options.push({ value: values.externalId, label: `${values.externalId} (not in the list)` });
  }
  return (
    <Stack gap={6}>
      <SelectField
        control={form.control}
        name="externalId"
        label={label}
        description={`${listed.length} ${where} record${listed.length === 1 ? '' : 's'} listed by ${values.externalSystem}; type to search by name or id`}
        data={options}
        searchable
        nothingFoundMessage="No match: use “Type an id instead”"
        limit={200}
        required
      />
      <Group>
        <Button size="compact-sm" variant="subtle" onClick={() => switchTo(true)}>
          Type an id instead
        </Button>
      </Group>
    </Stack>
  );
}

interface ConfigFieldProps extends PartProps {
  context: MappingRuleContext;
  configsError?: { error: unknown; retry: () => void } | undefined;
}

/** Only configs whose destination is the chosen system can be linked. */
function ConfigField({ form, values, context, open, configsError }: ConfigFieldProps) {
  const configs = context.configs ?? [];
  const matching = configsForSystem(configs, values.externalSystem);
  const options = matching.map((c) => ({ value: c.id, label: configChoiceLabel(c) }));
  const current = values.integrationConfigId;
  if (current && !options.some((o) => o.value === current)) {
    const known = configs.find((c) => c.id === current);
    options.push({ value: current, label: known ? configChoiceLabel(known) : shortId(current) });
  }
  let description = `Link one when the organisation has several ${values.externalSystem} integrations. Only configs that send to ${values.externalSystem} are offered.`;
  if (!open) description = WAITING_FOR.integrationConfigId;
  else if (configsError) description = 'The integration configs could not be loaded.';
  else if (options.length === 0)
    description = `No integration config sends to ${values.externalSystem}.`;
  return (
    <Stack gap={6}>
      <SelectField
        control={form.control}
        name="integrationConfigId"
        label="Integration config"
        placeholder="None"
        description={description}
        data={options}
        clearable
        searchable
        nothingFoundMessage="No match"
        disabled={!open || options.length === 0}
      />
      {configsError && open ? (
        <Group>
          <Button size="compact-sm" variant="subtle" onClick={configsError.retry}>
            Load the integration configs again
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
