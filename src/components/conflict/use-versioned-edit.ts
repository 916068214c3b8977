/**
 * The one edit flow for a versioned entity (docs/architecture.md §5–§6), shared by every create and
 * edit form: the version the edit is based on, the draft kept in this tab (offer, restore, discard),
 * the field-by-field conflict (base / yours / theirs) and its resolution, "changed elsewhere" while
 * editing, "may have been saved" after a lost answer (and "it did land" when the retry meets its own
 * change), the leave guard, and focus on Save after a resolution. A form keeps only its fields.
 *
 * Nothing typed is lost: every outcome of a save leaves the values in the form; a conflict is never
 * resubmitted on the user's behalf.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { FieldPath, FieldValues, UseFormReturn, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod/mini';
import { ApiError, InvalidResponseError, NetworkError, VersionConflictError } from '../../api';
import { loadDraft, type Draft, type DraftRef } from '../../lib/drafts';
import { useFormDraft } from '../../lib/use-form-draft';
import {
  useUnsavedChangesGuard,
  type UnsavedChangesGuard,
} from '../../lib/use-unsaved-changes-guard';
import { applyServerValidationError } from '../form/server-errors';
import type { ConflictAuthor } from './conflict-panel';
import {
  sameFieldValues,
  valuesEqual,
  type ConflictField,
  type ConflictValues,
} from './resolve-conflict';

export interface VersionedEntity extends ConflictAuthor {
  id: string;
  dtCreated?: string | undefined;
}

/** What a form tells the flow about its entity: how to read, compare and keep its values. */
export interface VersionedEditAdapter<V extends FieldValues, E extends VersionedEntity> {
  /** The platform that answers saves, for messages ("No answer from m3ter"). */
  platform: string;
  /** What is edited, for messages and headings: "configuration", "mapping". */
  noun: string;
  toValues: (entity: E) => V;
  /** A create form's starting values. */
  emptyValues: V;
  /** The fields a conflict compares and shows, in order. */
  fields: readonly ConflictField<V>[];
  /** The canonical form of values before they are compared (e.g. JSON text reformatted). */
  normalize?: (values: V) => V;
  /** Whether a save of `mine` is what `theirs` now holds (default: every conflict field is equal). */
  isOwnSave?: (mine: V, theirs: V) => boolean;
  /** Values kept from the form as it is when a conflict is resolved (e.g. new credentials). */
  keepOnResolve?: (merged: V, current: V) => V;
  /** A server message naming a field puts it at that field (m3ter's free-text messages). */
  serverFieldMap?: Readonly<Record<string, FieldPath<V>>>;
  /**
   * Instead of `serverFieldMap`: puts a rejected save's message on the field it names and returns
   * the messages for the form-level alert, or null when `error` is not a rejection of the values.
   */
  applyServerError?: (error: unknown, setError: UseFormSetError<V>) => string[] | null;
  /**
   * For a platform without versions (Solvimon): a fingerprint of the saved state. Two states differ
   * exactly when their fingerprints do, and nothing says which is newer; the messages then speak of
   * "what is saved" instead of version numbers. Default: m3ter's `version`.
   */
  revision?: (entity: E) => string;
  /** Where the edit is kept in this tab, and the shape a stored draft must have. */
  draft: { ref: DraftRef; schema: z.ZodMiniType<V> };
  /** A stored draft prepared for restoring on top of `baseValues` (e.g. secrets the user never touched). */
  prepareDraft?: (draft: Draft<V>, baseValues: V) => Draft<V>;
  /** After a conflict: the latest saved entity, as the save's mutation fetched it (if it could). */
  latestAfterConflict: (id: string) => E | undefined;
  /**
   * For a create whose answer was lost: an entity with these values created since `since` (ms since
   * epoch) — the earlier attempt did land. Without it a create is simply tried again.
   */
  findCreated?: (values: V, since: number) => Promise<E | undefined>;
}

export interface VersionedEditOptions<V extends FieldValues, E extends VersionedEntity> {
  form: UseFormReturn<V>;
  adapter: VersionedEditAdapter<V, E>;
  /** Edit: the entity as first loaded, the edit's base. Absent for a create. */
  loaded?: E | undefined;
  /** Edit: the latest known version (the polled detail query), to notice saves made elsewhere. */
  latest?: E | undefined;
  /** Sends the save: a create when `base` is undefined, else an update carrying `base.version`. */
  save: (values: V, base: E | undefined) => Promise<E>;
  onSaved: (entity: E, how: { alreadySaved: boolean }) => void;
  /** The edit is now based on another version (a resolved conflict). */
  onRebase?: (base: E) => void;
}

interface OpenConflict<V, E> extends ConflictValues<V> {
  theirsEntity: E;
}

export interface VersionedEdit<V extends FieldValues, E extends VersionedEntity> {
  adapter: VersionedEditAdapter<V, E>;
  mode: 'create' | 'edit';
  /** The entity the edit is based on: the loaded one, then theirs after a resolved conflict. */
  base: E | undefined;
  /** Whether saved states have version numbers to name (false: Solvimon's fingerprints). */
  versioned: boolean;
  submit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  pending: boolean;
  conflict: OpenConflict<V, E> | null;
  resolve: (merged: V) => void;
  /** A newer version saved elsewhere while this form is open. */
  changedElsewhere: E | undefined;
  compareWithLatest: () => void;
  draftOffer: Draft<V> | null;
  restoreDraft: () => void;
  discardDraftOffer: () => void;
  resolvedNote: string | null;
  dismissResolvedNote: () => void;
  /** Save was pressed with nothing changed since the version the edit is based on. */
  nothingToSave: boolean;
  formErrors: string[];
  saveError: unknown;
  saveErrorTitle: string;
  guard: UnsavedChangesGuard;
  /** Forget the draft: the user leaves or deletes the entity. */
  forget: () => void;
}

/** How far the browser's clock may be behind the server's when matching a create that got no answer. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * A failed write the server may still have applied: no answer, an answer it sent but that could not
 * be read (a 2xx with an unexpected body), or a gateway that gave up waiting for it.
 */
function mayHaveApplied(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof InvalidResponseError) return error.status >= 200 && error.status < 300;
  return error instanceof ApiError && error.status === 504;
}

function describeSaveError(
  error: unknown,
  adapter: { platform: string; noun: string },
  mode: 'create' | 'edit',
  createUncertain: boolean,
): string {
  const unread =
    error instanceof NetworkError
      ? `No answer from ${adapter.platform}`
      : `${adapter.platform}'s answer could not be read`;
  if (mode === 'create' && createUncertain && mayHaveApplied(error)) {
    return `${unread}: it may have created this ${adapter.noun}. Retry checks first, so it is never created twice.`;
  }
  if (mode === 'edit' && mayHaveApplied(error) && !(error instanceof NetworkError)) {
    return `${unread}: your changes may have been saved. They are still here; Retry says so if they were.`;
  }
  return 'Not saved: your changes are still here';
}

export function useVersionedEdit<V extends FieldValues, E extends VersionedEntity>({
  form,
  adapter,
  loaded,
  latest,
  save,
  onSaved,
  onRebase,
}: VersionedEditOptions<V, E>): [VersionedEdit<V, E>, RefObject<HTMLButtonElement | null>] {
  /** The form's Save button (`VersionedEditActions` renders it): focus goes back there. */
  const saveButton = useRef<HTMLButtonElement>(null);
  const mode = loaded ? 'edit' : 'create';
  const { reset, setValue, getValues, setError, formState, handleSubmit } = form;
  const normalize = adapter.normalize ?? ((values: V) => values);
  const isOwnSave =
    adapter.isOwnSave ?? ((mine: V, theirs: V) => sameFieldValues(adapter.fields, mine, theirs));
  const draftRef = adapter.draft.ref;
  const versioned = adapter.revision === undefined;
  const revisionOf = (entity: E): number | string | undefined =>
    adapter.revision ? adapter.revision(entity) : entity.version;
  /** Whether `latest` is a later saved state than `than` (any other state, without versions). */
  const isLater = (latest: E, than: E): boolean =>
    versioned
      ? (latest.version ?? 0) > (than.version ?? 0)
      : revisionOf(latest) !== revisionOf(than);
  const applyServerError =
    adapter.applyServerError ??
    ((error: unknown, setFieldError: UseFormSetError<V>) =>
      applyServerValidationError(error, setFieldError, adapter.serverFieldMap ?? {}));

  const [base, setBase] = useState<E | undefined>(loaded);
  const baseValues = base ? adapter.toValues(base) : adapter.emptyValues;

  const [conflict, setConflict] = useState<OpenConflict<V, E> | null>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [resolvedNote, setResolvedNote] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [nothingToSave, setNothingToSave] = useState(false);
  /** When a create got no answer (ms since epoch): the next attempt looks for it first. */
  const [createUncertainSince, setCreateUncertainSince] = useState<number | null>(null);
  const [draftOffer, setDraftOffer] = useState<Draft<V> | null>(() => {
    const draft = loadDraft(draftRef, adapter.draft.schema);
    return draft && !valuesEqual(draft.values, baseValues) ? draft : null;
  });

  /**
   * Bumped when a notice the user acted on goes away (a resolved conflict, a restored or discarded
   * draft): keyboard users continue at Save instead of being dropped to the top of the page.
   */
  const [focusSave, setFocusSave] = useState(0);
  useEffect(() => {
    if (focusSave > 0) saveButton.current?.focus();
  }, [focusSave, saveButton]);

  const guard = useUnsavedChangesGuard(formState.isDirty || conflict !== null);

  // Keep a draft of the edit in this tab (not while an older draft is still on offer).
  const { forget } = useFormDraft(form, {
    ref: draftRef,
    base: baseValues,
    version: base ? revisionOf(base) : undefined,
    paused: draftOffer !== null,
  });

  /** Sets values on top of `defaults` so that exactly the differing fields count as edits. */
  const applyValues = (defaults: V, values: V) => {
    reset(defaults);
    for (const key of Object.keys(defaults) as FieldPath<V>[]) {
      const next = (values as Record<string, unknown>)[key];
      if (!valuesEqual(next, (defaults as Record<string, unknown>)[key])) {
        setValue(key, next as never, {
          shouldDirty: true,
          shouldTouch: true,
          shouldValidate: true,
        });
      }
    }
  };

  const finish = (entity: E, alreadySaved: boolean) => {
    forget();
    setSaved(true);
    setBase(entity);
    reset(adapter.toValues(entity));
    guard.allowNextNavigation();
    onSaved(entity, { alreadySaved });
  };

  const onSaveError = (error: unknown, values: V) => {
    if (mode === 'create' && adapter.findCreated && mayHaveApplied(error)) {
      // The failure's time: the attempt started at most one request timeout before it. (This runs
      // when a save fails, never during render.)
      // eslint-disable-next-line react-hooks/purity
      const failedAt = Date.now();
      setCreateUncertainSince((since) => since ?? failedAt);
      setSaveError(error);
      return;
    }
    if (error instanceof VersionConflictError && base) {
      const theirs = adapter.latestAfterConflict(base.id);
      if (!theirs || revisionOf(theirs) === revisionOf(base)) {
        // The latest version could not be loaded: say so, keep everything, offer a retry.
        setSaveError(error);
        return;
      }
      const mine = normalize(values);
      const theirsValues = adapter.toValues(theirs);
      if (isOwnSave(mine, theirsValues)) {
        // e.g. a retry after a save whose answer was lost: the first attempt did go through.
        finish(theirs, true);
        return;
      }
      setConflict({
        base: normalize(baseValues),
        mine,
        theirs: theirsValues,
        theirsEntity: theirs,
      });
      return;
    }
    const top = applyServerError(error, setError);
    if (top !== null) {
      setFormErrors(top);
      return;
    }
    setSaveError(error);
  };

  const pending = formState.isSubmitting;
  const submit = handleSubmit(async (values) => {
    // One save at a time (the button shows it is busy), and none while a conflict is open.
    if (conflict || pending) return;
    setSaveError(null);
    setFormErrors([]);
    setResolvedNote(null);
    if (base && !formState.isDirty) {
      // Saving unchanged values would only add a version that changes nothing.
      setNothingToSave(true);
      return;
    }
    if (mode === 'create' && createUncertainSince !== null && adapter.findCreated) {
      let earlier: E | undefined;
      try {
        earlier = await adapter.findCreated(values, createUncertainSince - CLOCK_SLACK_MS);
      } catch (error) {
        // Still no way to tell whether it exists: do not risk a second one.
        setSaveError(error);
        return;
      }
      if (earlier) {
        finish(earlier, true);
        return;
      }
    }
    try {
      finish(await save(values, base), false);
    } catch (error) {
      onSaveError(error, values);
    }
  });

  const resolve = (merged: V) => {
    if (!conflict) return;
    const theirs = conflict.theirsEntity;
    const values = adapter.keepOnResolve ? adapter.keepOnResolve(merged, getValues()) : merged;
    setBase(theirs);
    onRebase?.(theirs);
    applyValues(adapter.toValues(theirs), values);
    setConflict(null);
    setSaveError(null);
    setFocusSave((n) => n + 1);
    setResolvedNote(
      versioned
        ? `Now based on version ${theirs.version ?? '?'}. Review the form, then save to create version ${(theirs.version ?? 0) + 1}.`
        : `Now based on what ${adapter.platform} holds now. Review the form, then save.`,
    );
  };

  const restoreDraft = () => {
    if (!draftOffer) return;
    setDraftOffer(null);
    const draft = adapter.prepareDraft ? adapter.prepareDraft(draftOffer, baseValues) : draftOffer;
    applyValues(baseValues, draft.values);
    if (base && draft.version !== undefined && draft.version !== revisionOf(base)) {
      // The draft was started from an older version: merge it like any other conflict (the panel
      // takes focus itself).
      setConflict({
        base: normalize(draft.base),
        mine: normalize(draft.values),
        theirs: baseValues,
        theirsEntity: base,
      });
      return;
    }
    setFocusSave((n) => n + 1);
  };

  const changedElsewhere =
    latest !== undefined &&
    base !== undefined &&
    isLater(latest, base) &&
    conflict === null &&
    !pending &&
    !saved &&
    // A save whose answer was lost may have made that version: it is then not someone else's.
    !isOwnSave(normalize(getValues()), adapter.toValues(latest))
      ? latest
      : undefined;

  const edit: VersionedEdit<V, E> = {
    adapter,
    mode,
    base,
    versioned,
    submit,
    pending,
    conflict,
    resolve,
    changedElsewhere,
    compareWithLatest: () => {
      if (!changedElsewhere) return;
      setConflict({
        base: normalize(baseValues),
        mine: normalize(getValues()),
        theirs: adapter.toValues(changedElsewhere),
        theirsEntity: changedElsewhere,
      });
    },
    draftOffer,
    restoreDraft,
    discardDraftOffer: () => {
      forget();
      setDraftOffer(null);
      setFocusSave((n) => n + 1);
    },
    resolvedNote,
    dismissResolvedNote: () => setResolvedNote(null),
    nothingToSave: nothingToSave && !formState.isDirty,
    formErrors,
    saveError,
    saveErrorTitle: describeSaveError(saveError, adapter, mode, createUncertainSince !== null),
    guard,
    forget,
  };
  return [edit, saveButton];
}
