/**
 * The one draft policy of every form (docs/architecture.md §5): the values are written to this tab's
 * draft when typing pauses, and at once when the page is hidden or the form goes away (a reload right
 * after a keystroke keeps it); values that are no edit remove the draft. Offering a draft back is the form's business.
 */
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { discardDraft, saveDraft, type DraftRef } from './drafts';

/** How long typing pauses before the draft is written. */
const DRAFT_DEBOUNCE_MS = 400;

export interface FormDraftOptions<V> {
  ref: DraftRef;
  /** The values the edit started from, kept beside it (a three-way merge on restore). */
  base: V;
  /** The version (or fingerprint) the edit started from; undefined for a create form. */
  version: number | string | undefined;
  /** Write nothing (an older draft is still on offer, or the form is saved). */
  paused: boolean;
  /** Whether the values are an edit worth keeping (default: the form's own dirty state). */
  isEdit?: (values: V, formDirty: boolean) => boolean;
}

export function useFormDraft<V extends FieldValues>(
  form: UseFormReturn<V>,
  { ref, base, version, paused, isEdit }: FormDraftOptions<V>,
): { forget: () => void } {
  const write = useDebouncedCallback(
    (values: V, formDirty: boolean) => {
      if (isEdit ? isEdit(values, formDirty) : formDirty) saveDraft(ref, { values, base, version });
      else discardDraft(ref);
      // Leaving the form by any other way keeps the last keystrokes too (a saved or discarded draft
      // was cancelled first, so nothing is written back).
    },
    { delay: DRAFT_DEBOUNCE_MS, flushOnUnmount: true },
  );
  useEffect(() => {
    const flush = () => write.flush();
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [write]);
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true, isDirty: true },
        callback: ({ values, isDirty }) => {
          if (!paused) write(values, isDirty === true);
        },
      }),
    [form, paused, write],
  );
  return {
    forget: () => {
      write.cancel();
      discardDraft(ref);
    },
  };
}
