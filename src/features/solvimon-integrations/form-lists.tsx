import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useFieldArray, type Control } from 'react-hook-form';
import { SOLVIMON_CUSTOM_TAX_CODE_FIELDS } from '../../api/solvimon';
import { AddRowButton, BESIDE_INPUTS, EmptyRows, ListError, RemoveRowButton } from './form-rows';
import { AutocompleteField, SelectField, TextField } from '../../components/form';
import { TAX_CODE_FIELD_LABELS } from './form-fields';
import type { SolvimonListValues } from './form-model';

type FormControl = Control<SolvimonListValues>;

/** The Solvimon resources a link is usually for; others can be typed. */
const RESOURCE_TYPES = ['CUSTOMER', 'CONTACT', 'PRODUCT', 'INVOICE', 'SUBSCRIPTION'];

const TAX_CODE_FIELDS = SOLVIMON_CUSTOM_TAX_CODE_FIELDS.map((value) => ({
  value,
  label: TAX_CODE_FIELD_LABELS[value] ?? value,
}));

/**
 * How a Solvimon customer, contact or product links to its record in the external system: a custom
 * field holds the external id, and the base URL followed by it is the link.
 */
export function LinkedResourcesField({
  control,
  disabled,
}: {
  control: FormControl;
  disabled: boolean;
}) {
  const resources = useFieldArray({ control, name: 'linked_resources' });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        A custom field on a Solvimon record holds the id in the external system; the base URL
        followed by that id opens the record there.
      </Text>
      {resources.fields.length === 0 ? <EmptyRows>No links yet.</EmptyRows> : null}
      {resources.fields.map((item, i) => (
        <Paper
          key={item.id}
          withBorder
          p="sm"
          radius="md"
          component="section"
          aria-label={`Linked resource ${i + 1}`}
        >
          <Stack gap="xs">
            <Group justify="space-between" align="flex-end">
              <AutocompleteField
                control={control}
                name={`linked_resources.${i}.resource_type`}
                label={`Solvimon resource (link ${i + 1})`}
                data={RESOURCE_TYPES}
                required
              />
              <RemoveRowButton disabled={disabled} onClick={() => resources.remove(i)}>
                Remove linked resource {i + 1}
              </RemoveRowButton>
            </Group>
            <LinkDetailsField control={control} resource={i} disabled={disabled} />
          </Stack>
        </Paper>
      ))}
      <AddRowButton
        size="sm"
        disabled={disabled}
        onClick={() =>
          resources.append({
            resource_type: 'CUSTOMER',
            link_details: [{ base_url: '', custom_field_reference: '' }],
          })
        }
      >
        Add a linked resource
      </AddRowButton>
    </Stack>
  );
}

function LinkDetailsField({
  control,
  resource,
  disabled,
}: {
  control: FormControl;
  resource: number;
  disabled: boolean;
}) {
  const links = useFieldArray({ control, name: `linked_resources.${resource}.link_details` });
  const n = resource + 1;
  return (
    <Stack gap="xs">
      <ListError control={control} name={`linked_resources.${resource}.link_details`} />
      {links.fields.map((item, j) => (
        <Group key={item.id} align="flex-start" gap="sm" wrap="wrap">
          <TextField
            control={control}
            name={`linked_resources.${resource}.link_details.${j}.base_url`}
            label={`Base URL (link ${n}.${j + 1})`}
            placeholder="https://dashboard.stripe.com/customers/"
            required
            autoComplete="off"
            w={340}
          />
          <TextField
            control={control}
            name={`linked_resources.${resource}.link_details.${j}.custom_field_reference`}
            label={`Custom field (link ${n}.${j + 1})`}
            placeholder="stripe_customer_id"
            required
            autoComplete="off"
          />
          <RemoveRowButton mt={BESIDE_INPUTS} disabled={disabled} onClick={() => links.remove(j)}>
            Remove link {n}.{j + 1}
          </RemoveRowButton>
        </Group>
      ))}
      <AddRowButton
        disabled={disabled}
        onClick={() => links.append({ base_url: '', custom_field_reference: '' })}
      >
        Add a link to resource {n}
      </AddRowButton>
    </Stack>
  );
}

/** Tax codes AvaTax uses where Solvimon has none of its own. */
export function TaxCodesField({ control, disabled }: { control: FormControl; disabled: boolean }) {
  const codes = useFieldArray({ control, name: 'tax_custom_codes' });
  return (
    <Stack gap="xs">
      <Title order={2} size="h5">
        Custom tax codes
      </Title>
      {codes.fields.length === 0 ? <EmptyRows>None: AvaTax’s defaults apply.</EmptyRows> : null}
      {codes.fields.map((item, i) => (
        <Group key={item.id} align="flex-start" gap="sm" wrap="wrap">
          <SelectField
            control={control}
            name={`tax_custom_codes.${i}.field`}
            label={`Applies to (code ${i + 1})`}
            data={TAX_CODE_FIELDS}
            required
            allowDeselect={false}
          />
          <TextField
            control={control}
            name={`tax_custom_codes.${i}.value`}
            label={`Tax code (code ${i + 1})`}
            placeholder="SW054000"
            required
            autoComplete="off"
          />
          <RemoveRowButton mt={BESIDE_INPUTS} disabled={disabled} onClick={() => codes.remove(i)}>
            Remove tax code {i + 1}
          </RemoveRowButton>
        </Group>
      ))}
      <AddRowButton
        disabled={disabled}
        onClick={() => codes.append({ field: 'PRODUCT_FALLBACK', value: '' })}
      >
        Add a tax code
      </AddRowButton>
    </Stack>
  );
}
