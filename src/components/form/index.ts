export { AutocompleteField, SelectField } from './select-field';
export { SwitchField } from './switch-field';
export { TextField } from './text-field';
export { JsonObjectField } from './json-object-field';
export { applyServerValidationError } from './server-errors';
export { UnsavedChangesDialog } from './unsaved-changes-dialog';
export type { BoundFieldProps } from './types';
export { SubmitButton } from './submit-button';
