import { TextInput, type TextInputProps } from '@mantine/core';
import { useController, type FieldValues } from 'react-hook-form';
import { fieldClassName, type BoundFieldProps } from './types';
import './form-fields.css';

type Passthrough<P> = Omit<P, 'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'name' | 'error'>;

export type TextFieldProps<T extends FieldValues, TOut = T> = BoundFieldProps<T, TOut> &
  Passthrough<TextInputProps> & { label: TextInputProps['label'] };

/** A Mantine TextInput bound to a string field; the field's validation message shows under it. */
export function TextField<T extends FieldValues, TOut = T>({
  control,
  name,
  ...props
}: TextFieldProps<T, TOut>) {
  // Destructured: the React Compiler lint reads any object holding `.ref` as a ref.
  const {
    field: { ref, value, onChange, onBlur, disabled },
    fieldState,
  } = useController({ control, name });
  return (
    <TextInput
      {...props}
      ref={ref}
      name={name}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => onChange(event.currentTarget.value)}
      onBlur={onBlur}
      disabled={props.disabled ?? disabled}
      error={fieldState.error?.message}
      className={fieldClassName(props.className)}
    />
  );
}
