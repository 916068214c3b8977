import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode, RefObject } from 'react';
import type { FieldValues } from 'react-hook-form';
import { ErrorState } from '../error-state';
import { DraftOffer } from '../form/draft-offer';
import { SubmitButton } from '../form/submit-button';
import { UnsavedChangesDialog } from '../form/unsaved-changes-dialog';
import { Notice } from '../notice';
import { ChangedElsewhereNotice } from './changed-elsewhere-notice';
import { ConflictPanel } from './conflict-panel';
import type { VersionedEdit, VersionedEntity } from './use-versioned-edit';

interface VersionedEditNoticesProps<V extends FieldValues, E extends VersionedEntity> {
  edit: VersionedEdit<V, E>;
  /** What the user should know before restoring a draft (e.g. what a draft does not keep). */
  draftNote?: ReactNode;
}

/**
 * Everything the edit flow has to say, above the form's fields, in one order for every form: the
 * draft on offer, "changed elsewhere", the conflict panel, the resolution, and a failed save.
 */
function VersionedEditNotices<V extends FieldValues, E extends VersionedEntity>({
  edit,
  draftNote,
}: VersionedEditNoticesProps<V, E>) {
  const { adapter, conflict, draftOffer, changedElsewhere } = edit;
  return (
    <>
      {draftOffer ? (
        <DraftOffer
          noun={edit.mode === 'create' ? `new ${adapter.noun}` : adapter.noun}
          savedAt={draftOffer.savedAt}
          version={draftOffer.version}
          note={draftNote}
          onRestore={edit.restoreDraft}
          onDiscard={edit.discardDraftOffer}
        />
      ) : null}

      {changedElsewhere ? (
        <ChangedElsewhereNotice
          latest={changedElsewhere}
          platform={edit.versioned ? undefined : adapter.platform}
          onCompare={edit.compareWithLatest}
        />
      ) : null}

      {conflict ? (
        <ConflictPanel
          fields={adapter.fields}
          base={conflict.base}
          mine={conflict.mine}
          theirs={conflict.theirs}
          theirsAuthor={conflict.theirsEntity}
          platform={edit.versioned ? undefined : adapter.platform}
          noun={adapter.noun}
          onResolve={edit.resolve}
        />
      ) : null}

      {edit.resolvedNote ? (
        <Notice
          tone="success"
          title="Not saved yet"
          role="status"
          onClose={edit.dismissResolvedNote}
        >
          <Text size="sm">{edit.resolvedNote}</Text>
        </Notice>
      ) : null}

      {edit.nothingToSave ? (
        <Notice tone="info" title="Nothing to save" role="status">
          <Text size="sm">
            {edit.versioned
              ? `Nothing has changed since version ${edit.base?.version ?? '?'}, so no new version was made.`
              : `Nothing has changed since it was loaded, so nothing was sent to ${adapter.platform}.`}
          </Text>
        </Notice>
      ) : null}

      {edit.formErrors.length > 0 ? (
        <Notice tone="danger" title={`${adapter.platform} rejected the save`} role="alert">
          {edit.formErrors.map((message) => (
            <Text key={message} size="sm">
              {message}
            </Text>
          ))}
        </Notice>
      ) : null}

      {edit.saveError ? (
        <ErrorState
          error={edit.saveError}
          title={edit.saveErrorTitle}
          onRetry={() => void edit.submit()}
          retrying={edit.pending}
        />
      ) : null}
    </>
  );
}

/** The leave guard's dialog for an edit: leaving forgets the draft. */
function VersionedEditLeaveDialog<V extends FieldValues, E extends VersionedEntity>({
  edit,
}: {
  edit: VersionedEdit<V, E>;
}) {
  return <UnsavedChangesDialog guard={edit.guard} onLeave={edit.forget} />;
}

interface VersionedEditActionsProps<V extends FieldValues, E extends VersionedEntity> {
  edit: VersionedEdit<V, E>;
  /** The ref given to `useVersionedEdit`: focus comes back here after a resolution. */
  saveButton: RefObject<HTMLButtonElement | null>;
  /** Default "Save changes" (edit); a create names what it creates. */
  submitLabel?: string;
  cancel: ReactNode;
  /** On the other side of the row, e.g. Delete. */
  extra?: ReactNode;
}

/** The row under every edit form: Save (busy while saving, held while a conflict is open), Cancel. */
function VersionedEditActions<V extends FieldValues, E extends VersionedEntity>({
  edit,
  saveButton,
  submitLabel = 'Save changes',
  cancel,
  extra,
}: VersionedEditActionsProps<V, E>) {
  return (
    <Group justify="space-between">
      <Group gap="sm">
        <SubmitButton busy={edit.pending} unavailable={edit.conflict !== null} ref={saveButton}>
          {submitLabel}
        </SubmitButton>
        {cancel}
        {edit.conflict ? (
          <Text size="sm" c="dimmed">
            Resolve the conflict above first.
          </Text>
        ) : null}
      </Group>
      {extra}
    </Group>
  );
}

interface VersionedEditFormProps<
  V extends FieldValues,
  E extends VersionedEntity,
> extends VersionedEditActionsProps<V, E> {
  /** The form's accessible name, e.g. "Edit external mapping". */
  label: string;
  draftNote?: ReactNode;
  /** The fields, between the notices and the actions. */
  children: ReactNode;
}

/**
 * Every edit form's frame, in one order: the notices, the fields, Save / Cancel, and the leave guard's
 * dialog. Submitting runs the edit flow's save (the browser's own validation is off: the form's schema
 * speaks at each field).
 */
export function VersionedEditForm<V extends FieldValues, E extends VersionedEntity>({
  label,
  draftNote,
  children,
  ...actions
}: VersionedEditFormProps<V, E>) {
  const { edit } = actions;
  return (
    <form onSubmit={(e) => void edit.submit(e)} noValidate aria-label={label}>
      <Stack gap="md">
        <VersionedEditNotices edit={edit} draftNote={draftNote} />
        {children}
        <VersionedEditActions {...actions} />
      </Stack>
      <VersionedEditLeaveDialog edit={edit} />
    </form>
  );
}
