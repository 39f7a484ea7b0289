import { useEffect } from 'react';
import { FIELD } from './editorDraft';
import type { Profile } from '../../core/profiles/model';
import type { AppState } from '../../core/state/appState';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { useErrorText } from '../shared/errorText';
import { fieldIdOf } from './fieldErrors';
import { ProfileActions } from './ProfileActions';
import { deleteRefusal } from '../../core/profiles/operations';
import { ProfileForm } from './ProfileForm';
import { ProfilePicker } from './ProfilePicker';
import { useProfileEditor, type Confirmation } from './useProfileEditor';

const FORM_TITLE_ID = 'editor-form-title';

export function ProfileEditorPage() {
  const state = useAppStore((store) => store.state);
  return state ? <ProfileEditor state={state} /> : null;
}

/** "Redigera profiler": pick a profile on the left, edit it on the right, create, duplicate or delete. */
function ProfileEditor({ state }: { state: AppState }) {
  const t = useTranslation();
  const errorText = useErrorText();
  const editor = useProfileEditor(state);
  const { session, stored } = editor;
  const target = session?.target;
  // A new or duplicated profile needs a name first; this also keeps focus when "Duplicera" goes away.
  useEffect(() => {
    if (target?.kind === 'unsaved') document.getElementById(fieldIdOf(FIELD.name))?.focus();
  }, [target]);
  if (!session) return null;
  const refused = session.submitted && (editor.reading?.errors.length ?? 0) > 0;

  return (
    <section className="editor" aria-labelledby="editor-heading">
      <h2 id="editor-heading">{t('editor.heading')}</h2>
      <div className="editor__layout">
        <div className="editor__sidebar">
          <button type="button" className="editor-button editor-button--create" onClick={editor.startNew}>
            <span aria-hidden="true">+</span> {t('editor.action.create')}
          </button>
          <ProfilePicker
            profiles={state.profiles}
            activeProfileId={state.active.profileId}
            selectedId={stored?.id ?? null}
            onSelect={editor.select}
          />
        </div>
        <div className="editor__main">
          <div className="editor__title-row">
            <h3 id={FORM_TITLE_ID} className="editor__title">
              {stored ? stored.name : t('editor.form.newTitle')}
            </h3>
            <ProfileActions
              enabled={stored !== undefined}
              deleteRefusal={stored ? deleteRefusal(stored.id, state.active.profileId) : null}
              onDuplicate={editor.duplicate}
              onDelete={editor.requestDelete}
            />
          </div>
          {editor.deleteError && (
            <p role="alert" className="editor-banner editor-banner--error" data-error-code={editor.deleteError.code}>
              {errorText(editor.deleteError)}
            </p>
          )}
          <p role="status" className={editor.feedback?.kind === 'deleted' ? 'editor-banner editor-banner--done' : 'visually-hidden'}>
            {editor.feedback?.kind === 'deleted' ? t('editor.delete.done', { name: editor.feedback.name }) : ''}
          </p>
          <ProfileForm
            labelledBy={FORM_TITLE_ID}
            draft={session.draft}
            stored={stored}
            account={state.account}
            workingHours={state.workingHours}
            visibleErrors={editor.visibleErrors}
            refused={refused}
            refusals={session.refusals}
            saving={editor.saving}
            saved={editor.feedback?.kind === 'saved'}
            saveError={editor.saveError}
            edit={editor.edit}
            touch={editor.touch}
            onSave={() => void editor.save()}
            onCancel={editor.cancel}
          />
        </div>
      </div>
      {editor.confirmation && (
        <ConfirmationDialog
          confirmation={editor.confirmation}
          onConfirmDelete={(profile) => void editor.confirmDelete(profile)}
          onDismiss={editor.dismissConfirmation}
        />
      )}
    </section>
  );
}

function ConfirmationDialog({
  confirmation,
  onConfirmDelete,
  onDismiss,
}: {
  confirmation: Confirmation;
  onConfirmDelete(profile: Profile): void;
  onDismiss(): void;
}) {
  const t = useTranslation();
  if (confirmation.kind === 'delete') {
    return (
      <ConfirmDialog
        title={t('editor.delete.title', { name: confirmation.profile.name })}
        body={t('editor.delete.body')}
        confirmLabel={t('editor.delete.confirm')}
        cancelLabel={t('editor.delete.cancel')}
        onConfirm={() => onConfirmDelete(confirmation.profile)}
        onCancel={onDismiss}
      />
    );
  }
  return (
    <ConfirmDialog
      title={t('editor.discard.title')}
      body={t('editor.discard.body', { name: confirmation.name })}
      confirmLabel={t('editor.discard.confirm')}
      cancelLabel={t('editor.discard.cancel')}
      onConfirm={() => {
        onDismiss();
        confirmation.proceed();
      }}
      onCancel={onDismiss}
    />
  );
}
