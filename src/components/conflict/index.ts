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
