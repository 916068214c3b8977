export { sameFieldValues, valuesEqual, type ConflictField } from './resolve-conflict';
export { useVersionedEdit, type VersionedEditAdapter } from './use-versioned-edit';
export {
  VersionedEditActions,
  VersionedEditLeaveDialog,
  VersionedEditNotices,
} from './versioned-edit-notices';
