import { Autocomplete, Select, type AutocompleteProps, type SelectProps } from '@mantine/core';
import { useController, type FieldValues } from 'react-hook-form';
import { fieldClassName, type BoundFieldProps } from './types';
import './form-fields.css';

type Passthrough<P> = Omit<P, 'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'name' | 'error'>;

export type SelectFieldProps<T extends FieldValues, TOut = T> = BoundFieldProps<T, TOut> &
  Passthrough<SelectProps> & { label: SelectProps['label'] };

/**
 * A Mantine Select bound to a string field: only values from `data`. Clearing (when `clearable`) sets
 * the field to '' so the form value stays a string.
 */
export function SelectField<T extends FieldValues, TOut = T>({
  control,
  name,
  ...props
}: SelectFieldProps<T, TOut>) {
  // Destructured: the React Compiler lint reads any object holding `.ref` as a ref.
  const {
    field: { ref, value, onChange, onBlur, disabled },
    fieldState,
  } = useController({ control, name });
  return (
    <Select
      {...props}
      ref={ref}
      name={name}
      value={typeof value === 'string' && value !== '' ? value : null}
      onChange={(next) => onChange(next ?? '')}
      onBlur={onBlur}
      disabled={props.disabled ?? disabled}
      error={fieldState.error?.message}
      className={fieldClassName(props.className)}
    />
  );
}

export type AutocompleteFieldProps<T extends FieldValues, TOut = T> = BoundFieldProps<T, TOut> &
  Passthrough<AutocompleteProps> & { label: AutocompleteProps['label'] };

/**
 * A Mantine Autocomplete bound to a string field: suggestions from `data`, any typed value allowed
 * (the schema decides what is valid). For open enums such as entity types and destinations.
 */
export function AutocompleteField<T extends FieldValues, TOut = T>({
  control,
  name,
  ...props
}: AutocompleteFieldProps<T, TOut>) {
  // Destructured: the React Compiler lint reads any object holding `.ref` as a ref.
  const {
    field: { ref, value, onChange, onBlur, disabled },
    fieldState,
  } = useController({ control, name });
  return (
    <Autocomplete
      {...props}
      ref={ref}
      name={name}
      value={typeof value === 'string' ? value : ''}
      onChange={(next) => onChange(next)}
      onBlur={onBlur}
      disabled={props.disabled ?? disabled}
      error={fieldState.error?.message}
      className={fieldClassName(props.className)}
    />
  );
}
