export {
  ChangedElsewhereNotice,
  type ChangedElsewhereNoticeProps,
} from './changed-elsewhere-notice';
export { ConflictPanel, type ConflictAuthor, type ConflictPanelProps } from './conflict-panel';
export {
  compareConflict,
  defaultChoice,
  formatConflictValue,
  resolveConflict,
  sameFieldValues,
  valuesEqual,
  type ConflictChoice,
  type ConflictChoices,
  type ConflictField,
  type ConflictRow,
  type ConflictStrategy,
  type ConflictValues,
} from './resolve-conflict';
export {
  mayHaveApplied,
  useVersionedEdit,
  type OpenConflict,
  type VersionedEdit,
  type VersionedEditAdapter,
  type VersionedEditOptions,
  type VersionedEntity,
} from './use-versioned-edit';
export {
  VersionedEditLeaveDialog,
  VersionedEditNotices,
  type VersionedEditNoticesProps,
} from './versioned-edit-notices';
