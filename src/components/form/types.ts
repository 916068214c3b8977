import type { Control, FieldPath, FieldValues } from 'react-hook-form';

/**
 * What every bound field takes: the form's `control` and the field's `name`. `TOut` is the resolver's
 * output type when it differs from the form values (zod transforms; TOOLCHAIN P15).
 */
export interface BoundFieldProps<T extends FieldValues, TOut = T> {
  control: Control<T, unknown, TOut>;
  name: FieldPath<T>;
}

/** The class every bound field carries (readable error colour, see form-fields.css). */
export function fieldClassName(extra: string | undefined): string {
  return extra ? `form-field ${extra}` : 'form-field';
}
