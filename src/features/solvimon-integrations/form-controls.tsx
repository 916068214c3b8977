import { Checkbox, PasswordInput, Stack, TagsInput, TextInput } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useController, useWatch, type Control } from 'react-hook-form';
import { SelectField, SwitchField, TextField } from '../../components/form';
import { fieldClassName } from '../../components/form/types';
import type { ScalarField } from './form-fields';
import { lowerFirst, type SecretSlot, type SolvimonFormValues } from './form-model';

type FormControl = Control<SolvimonFormValues>;

const optionsOf = (field: ScalarField & { kind: 'select' }) =>
  field.options.map((value) => ({ value, label: field.optionLabels?.[value] ?? value }));

/** One field of ./form-fields.ts, with the control its kind calls for. */
export function ScalarFieldControl({
  control,
  field,
}: {
  control: FormControl;
  field: ScalarField;
}) {
  const common = {
    control,
    name: field.key,
    label: field.label,
    description: field.description,
    required: field.required,
  };
  switch (field.kind) {
    case 'select':
      return (
        <SelectField
          {...common}
          data={optionsOf(field)}
          clearable={!field.required}
          allowDeselect={!field.required}
        />
      );
    case 'switch':
      return <SwitchField {...common} mt="lg" />;
    case 'list':
      return <ListField control={control} field={field} />;
    case 'integer':
      return <TextField {...common} inputMode="numeric" autoComplete="off" />;
    default:
      return <TextField {...common} placeholder={field.placeholder} autoComplete="off" />;
  }
}

/** A list of short values (merchant accounts, payment methods) as tags. */
function ListField({
  control,
  field,
}: {
  control: FormControl;
  field: ScalarField & { kind: 'list' };
}) {
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name: field.key });
  return (
    <TagsInput
      ref={ref}
      name={field.key}
      label={field.label}
      description={field.description}
      placeholder={field.placeholder}
      value={Array.isArray(value) ? (value as string[]) : []}
      onChange={onChange}
      onBlur={onBlur}
      error={fieldState.error?.message}
      splitChars={[',', ' ']}
      clearable
    />
  );
}

export interface SecretFieldProps {
  control: FormControl;
  slot: SecretSlot;
  /** Solvimon holds a value for it now. */
  stored: boolean;
  /** A value must be typed (a new method, with nothing stored). */
  required?: boolean;
}

/**
 * A write-only secret (docs/solvimon-api.md Decision 1): empty, whatever is stored. Typing a value
 * replaces the stored one on save; "Remove" clears it; leaving it blank keeps it. What is typed lives
 * only in the form's memory: drafts never keep `secrets`, and nothing stored is ever shown.
 */
export function SecretField({ control, slot, stored, required = false }: SecretFieldProps) {
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name: `secrets.${slot.id}.value` });
  const {
    field: { value: clear, onChange: setClear },
  } = useController({ control, name: `secrets.${slot.id}.clear` });
  const clearing = clear === true;
  // Uncontrolled: a controlled input mirrors what is typed into its `value` attribute, where DOM
  // snapshots and extensions can read it. The form's value is only written from here, and the input
  // is emptied when the form empties it (a restored draft, a resolved conflict, Remove).
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (value === '' && input.current) input.current.value = '';
  }, [value]);
  const description = clearing
    ? 'Will be removed when you save.'
    : stored
      ? 'Stored — leave blank to keep it, or type a new one to replace it.'
      : 'Not set.';
  return (
    <Stack gap={6}>
      <PasswordInput
        ref={(element) => {
          input.current = element;
          ref(element);
        }}
        name={`secrets.${slot.id}.value`}
        label={slot.label}
        description={description}
        defaultValue=""
        onChange={(event) => onChange(event.currentTarget.value)}
        onBlur={onBlur}
        error={fieldState.error?.message}
        disabled={clearing}
        autoComplete="new-password"
        spellCheck={false}
        required={required}
        className={fieldClassName(undefined)}
        // Reachable by Tab: checking what was typed is part of typing a secret.
        visibilityToggleButtonProps={{
          tabIndex: 0,
          'aria-label': `Show or hide the ${lowerFirst(slot.label)}`,
        }}
      />
      {/* Also while removing: a method changed after ticking it must be able to untick it. */}
      {stored || clearing ? (
        <Checkbox
          label={`Remove the stored ${lowerFirst(slot.label)}`}
          checked={clearing}
          onChange={(event) => {
            setClear(event.currentTarget.checked);
            if (event.currentTarget.checked) onChange('');
          }}
        />
      ) : null}
    </Stack>
  );
}

/** A read-only field for what cannot change after creation (the type). */
export function FixedField({
  label,
  value,
  description,
}: {
  label: string;
  value: string;
  description: string;
}) {
  return <TextInput label={label} value={value} description={description} readOnly />;
}

/** Re-renders the caller when any of these form values changes. */
export function useFormValues(control: FormControl) {
  return useWatch({ control }) as SolvimonFormValues;
}
