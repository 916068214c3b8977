import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { BusyButton } from '../../components/busy-button';
import { useState } from 'react';
import { useFieldArray, useWatch, type Control } from 'react-hook-form';
import { SOLVIMON_E_INVOICING_COMPARATORS, type SolvimonMandate } from '../../api/solvimon';
import { COMPARATOR_LABELS } from './form-fields';
import { AddRowButton, BESIDE_INPUTS, EmptyRows, ListError, RemoveRowButton } from './form-rows';
import { SelectField, SwitchField, TextField } from '../../components/form';
import { solvimonQueries } from '../../queries/solvimon-integrations';
import {
  comparatorTakesValue,
  emptyMandate,
  toFormValues,
  type MandateValues,
  type SolvimonListValues,
} from './form-model';

/** The form's control, seen through its lists (see SolvimonListValues). */
type FormControl = Control<SolvimonListValues>;

const COMPARATOR_OPTIONS = SOLVIMON_E_INVOICING_COMPARATORS.map((value) => ({
  value,
  label: COMPARATOR_LABELS[value] ?? value,
}));

/** A template's values, from Solvimon's default mandates. */
const fromTemplate = (template: SolvimonMandate): MandateValues =>
  toFormValues({
    id: 'template',
    reference: '',
    type: 'E_INVOICING',
    e_invoicing: { mandates: [template] },
  }).mandates[0] ?? emptyMandate();

/**
 * E-invoicing mandates, each with its field mappings and the condition groups that decide when it
 * applies: lists of rows, added and removed one by one.
 */
export function MandatesField({ control, disabled }: { control: FormControl; disabled: boolean }) {
  const mandates = useFieldArray({ control, name: 'mandates' });
  const templates = useQuery(solvimonQueries.defaultMandates());
  const [template, setTemplate] = useState<string | null>(null);
  const templateOptions = (templates.data ?? []).map((t, i) => ({
    value: String(i),
    label: `${t.name ?? 'Mandate'}${t.country ? ` (${t.country})` : ''}`,
  }));
  return (
    <Stack gap="sm">
      <Title order={2} size="h5">
        Mandates
      </Title>
      <Text size="sm" c="dimmed">
        Each mandate is an e-invoicing scheme (e.g. Peppol in Belgium). It applies to an invoice
        when any of its condition groups matches; a group matches when all of its conditions do.
        Mappings are merged with Solvimon’s defaults for the mandate.
      </Text>
      <ListError control={control} name="mandates" />
      {mandates.fields.map((item, i) => (
        <Paper
          key={item.id}
          withBorder
          p="sm"
          radius="md"
          component="section"
          aria-label={`Mandate ${i + 1}`}
        >
          <Stack gap="sm">
            <Group justify="space-between">
              <Text fw={600} size="sm">
                Mandate {i + 1}
              </Text>
              <RemoveRowButton disabled={disabled} onClick={() => mandates.remove(i)}>
                Remove mandate {i + 1}
              </RemoveRowButton>
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <TextField
                control={control}
                name={`mandates.${i}.name`}
                label="Name"
                // Three mandates have three Name fields: the accessible name says whose.
                aria-label={`Name of mandate ${i + 1}`}
                required
                autoComplete="off"
              />
              <TextField
                control={control}
                name={`mandates.${i}.country`}
                label="Country"
                aria-label={`Country of mandate ${i + 1}`}
                description="Two-letter code, e.g. BE"
                required
                autoComplete="off"
              />
              <SwitchField
                control={control}
                name={`mandates.${i}.include_pdf_in_einvoice`}
                label="Attach the invoice PDF"
                aria-label={`Attach the invoice PDF (mandate ${i + 1})`}
              />
            </SimpleGrid>
            <MappingsField control={control} mandate={i} disabled={disabled} />
            <ConditionGroupsField control={control} mandate={i} disabled={disabled} />
          </Stack>
        </Paper>
      ))}
      <Group gap="sm" align="flex-end">
        <AddRowButton size="sm" disabled={disabled} onClick={() => mandates.append(emptyMandate())}>
          Add a mandate
        </AddRowButton>
        {templateOptions.length > 0 ? (
          <>
            <Select
              label="Or start from Solvimon’s template"
              placeholder="Choose a template"
              data={templateOptions}
              value={template}
              onChange={setTemplate}
              size="sm"
              w={260}
              disabled={disabled}
            />
            <Button
              variant="default"
              size="sm"
              disabled={disabled || template === null}
              onClick={() => {
                const chosen = template === null ? undefined : templates.data?.[Number(template)];
                if (chosen) mandates.append(fromTemplate(chosen));
                setTemplate(null);
              }}
            >
              Add from template
            </Button>
          </>
        ) : templates.isError ? (
          // Only a convenience: say it is missing and offer another try, the form works without it.
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              Solvimon’s mandate templates could not be loaded.
            </Text>
            <BusyButton
              size="xs"
              variant="default"
              busy={templates.isFetching}
              onClick={() => void templates.refetch()}
            >
              Try loading templates again
            </BusyButton>
          </Group>
        ) : null}
      </Group>
    </Stack>
  );
}

function MappingsField({
  control,
  mandate,
  disabled,
}: {
  control: FormControl;
  mandate: number;
  disabled: boolean;
}) {
  const mappings = useFieldArray({
    control,
    name: `mandates.${mandate}.mappings`,
  });
  const n = mandate + 1;
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        Field mappings of mandate {n}
      </Text>
      {mappings.fields.length === 0 ? (
        <EmptyRows>None: Solvimon’s defaults apply.</EmptyRows>
      ) : null}
      {mappings.fields.map((item, j) => (
        <Group key={item.id} align="flex-start" gap="sm" wrap="wrap">
          <TextField
            control={control}
            name={`mandates.${mandate}.mappings.${j}.target`}
            label={`E-invoice field (mapping ${j + 1})`}
            aria-label={`E-invoice field (mapping ${j + 1} of mandate ${n})`}
            placeholder="cbc:BuyerReference"
            required
            autoComplete="off"
          />
          <TextField
            control={control}
            name={`mandates.${mandate}.mappings.${j}.source`}
            label={`Solvimon field (mapping ${j + 1})`}
            aria-label={`Solvimon field (mapping ${j + 1} of mandate ${n})`}
            placeholder="customer.reference"
            required
            autoComplete="off"
          />
          <TextField
            control={control}
            name={`mandates.${mandate}.mappings.${j}.description`}
            label={`Description (mapping ${j + 1})`}
            aria-label={`Description (mapping ${j + 1} of mandate ${n})`}
            autoComplete="off"
          />
          <RemoveRowButton
            mt={BESIDE_INPUTS}
            disabled={disabled}
            onClick={() => mappings.remove(j)}
          >
            Remove mapping {j + 1} of mandate {n}
          </RemoveRowButton>
        </Group>
      ))}
      <AddRowButton
        disabled={disabled}
        onClick={() => mappings.append({ target: '', source: '', description: '' })}
      >
        Add a mapping to mandate {n}
      </AddRowButton>
    </Stack>
  );
}

function ConditionGroupsField({
  control,
  mandate,
  disabled,
}: {
  control: FormControl;
  mandate: number;
  disabled: boolean;
}) {
  const groups = useFieldArray({
    control,
    name: `mandates.${mandate}.condition_groups`,
  });
  const n = mandate + 1;
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        When mandate {n} applies
      </Text>
      {groups.fields.length === 0 ? (
        <EmptyRows>No conditions: it applies to every invoice.</EmptyRows>
      ) : null}
      {groups.fields.map((item, g) => (
        <Paper key={item.id} withBorder p="xs" radius="sm" bg="var(--mantine-color-default-hover)">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                {g === 0 ? 'Group 1' : `Or group ${g + 1}`}: all of these
              </Text>
              <RemoveRowButton disabled={disabled} onClick={() => groups.remove(g)}>
                Remove group {g + 1} of mandate {n}
              </RemoveRowButton>
            </Group>
            <ConditionsField control={control} mandate={mandate} group={g} disabled={disabled} />
          </Stack>
        </Paper>
      ))}
      <AddRowButton
        disabled={disabled}
        onClick={() =>
          groups.append({ conditions: [{ field: '', comparator_type: 'EQUALS', value: '' }] })
        }
      >
        Add a condition group to mandate {n}
      </AddRowButton>
    </Stack>
  );
}

function ConditionsField({
  control,
  mandate,
  group,
  disabled,
}: {
  control: FormControl;
  mandate: number;
  group: number;
  disabled: boolean;
}) {
  const base = `mandates.${mandate}.condition_groups.${group}.conditions` as const;
  const conditions = useFieldArray({
    control,
    name: base,
  });
  const values = useWatch({ control, name: base });
  const where = `group ${group + 1} of mandate ${mandate + 1}`;
  return (
    <Stack gap="xs">
      <ListError control={control} name={base} />
      {conditions.fields.map((item, c) => {
        const comparator = values?.[c]?.comparator_type ?? '';
        return (
          <Group key={item.id} align="flex-start" gap="sm" wrap="wrap">
            <TextField
              control={control}
              name={`${base}.${c}.field`}
              label={`Field (condition ${c + 1})`}
              aria-label={`Field (condition ${c + 1} of ${where})`}
              placeholder="customer.country"
              required
              autoComplete="off"
            />
            <SelectField
              control={control}
              name={`${base}.${c}.comparator_type`}
              label={`Comparison (condition ${c + 1})`}
              aria-label={`Comparison (condition ${c + 1} of ${where})`}
              data={COMPARATOR_OPTIONS}
              required
              allowDeselect={false}
            />
            {comparatorTakesValue(comparator) ? (
              <TextField
                control={control}
                name={`${base}.${c}.value`}
                label={`Value (condition ${c + 1})`}
                aria-label={`Value (condition ${c + 1} of ${where})`}
                required
                autoComplete="off"
              />
            ) : null}
            <RemoveRowButton
              mt={BESIDE_INPUTS}
              disabled={disabled}
              onClick={() => conditions.remove(c)}
            >
              Remove condition {c + 1} of {where}
            </RemoveRowButton>
          </Group>
        );
      })}
      <AddRowButton
        disabled={disabled}
        onClick={() => conditions.append({ field: '', comparator_type: 'EQUALS', value: '' })}
      >
        Add a condition to {where}
      </AddRowButton>
    </Stack>
  );
}
