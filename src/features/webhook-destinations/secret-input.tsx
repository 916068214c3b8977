import { PasswordInput } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useController, type Control } from 'react-hook-form';
import type { DestinationFormValues } from './destination-form-model';

interface SecretInputProps {
  control: Control<DestinationFormValues>;
  name: 'apiKey' | 'secret';
  label: string;
  /** Whether m3ter holds one already (an edit): blank then keeps it. */
  stored: boolean;
}

/**
 * A write-only credential. Uncontrolled: a controlled input mirrors what is typed into its `value`
 * attribute, where DOM snapshots and extensions can read it; the form's value is written from here
 * only, and the input is emptied when the form empties it (a restored draft, a resolved conflict).
 */
export function SecretInput({ control, name, label, stored }: SecretInputProps) {
  const {
    field: { ref, value, onChange, onBlur },
    fieldState,
  } = useController({ control, name });
  const input = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (value === '' && input.current) input.current.value = '';
  }, [value]);
  return (
    <PasswordInput
      ref={(element) => {
        input.current = element;
        ref(element);
      }}
      name={name}
      label={label}
      description={
        stored
          ? 'Stored — leave blank to keep it, or type a new one to replace it.'
          : 'Required. m3ter signs every request with it (M3TER_SIGNED_REQUEST).'
      }
      withAsterisk={!stored}
      defaultValue=""
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={onBlur}
      error={fieldState.error?.message}
      autoComplete="new-password"
      spellCheck={false}
      className="form-field"
    />
  );
}
