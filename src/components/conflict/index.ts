export { sameFieldValues, valuesEqual, type ConflictField } from './resolve-conflict';
export { useVersionedEdit, type VersionedEditAdapter } from './use-versioned-edit';
export { VersionedEditForm } from './versioned-edit-notices';
export { notifySavedVersion, VersionedEditHeader } from './versioned-edit-header';
