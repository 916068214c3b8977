export {
  AutocompleteField,
  SelectField,
  type AutocompleteFieldProps,
  type SelectFieldProps,
} from './select-field';
export { SwitchField, type SwitchFieldProps } from './switch-field';
export {
  TextareaField,
  TextField,
  type TextareaFieldProps,
  type TextFieldProps,
} from './text-field';
export { JsonObjectField, type JsonObjectFieldProps } from './json-object-field';
export {
  findJsonError,
  formatJsonObject,
  jsonObjectTextSchema,
  parseJsonObject,
  type JsonErrorLocation,
  type JsonObject,
  type JsonObjectParseResult,
} from './json-object';
export {
  applyServerValidationError,
  splitServerMessage,
  type ServerMessageParts,
} from './server-errors';
export { UnsavedChangesDialog } from './unsaved-changes-dialog';
export type { BoundFieldProps } from './types';
export { SubmitButton, type SubmitButtonProps } from './submit-button';
export { DraftOffer, type DraftOfferProps } from './draft-offer';
