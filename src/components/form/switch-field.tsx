import { Switch, type SwitchProps } from '@mantine/core';
import { useController, type FieldValues } from 'react-hook-form';
import { fieldClassName, type BoundFieldProps } from './types';
import './form-fields.css';

export type SwitchFieldProps<T extends FieldValues, TOut = T> = BoundFieldProps<T, TOut> &
  Omit<SwitchProps, 'checked' | 'defaultChecked' | 'onChange' | 'onBlur' | 'name' | 'error'> & {
    label: SwitchProps['label'];
  };

/** A Mantine Switch bound to a boolean field. */
export function SwitchField<T extends FieldValues, TOut = T>({
  control,
  name,
  ...props
}: SwitchFieldProps<T, TOut>) {
  // Destructured: the React Compiler lint reads any object holding `.ref` as a ref.
  const {
    field: { ref, value, onChange, onBlur, disabled },
    fieldState,
  } = useController({ control, name });
  return (
    <Switch
      {...props}
      ref={ref}
      name={name}
      checked={value === true}
      onChange={(event) => onChange(event.currentTarget.checked)}
      onBlur={onBlur}
      disabled={props.disabled ?? disabled}
      error={fieldState.error?.message}
      className={fieldClassName(props.className)}
    />
  );
}
