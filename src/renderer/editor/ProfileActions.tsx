import { useId } from 'react';
import type { deleteRefusal } from '../../core/profiles/operations';
import { useTranslation } from '../shared/useTranslation';

interface ProfileActionsProps {
  /** False while a new profile is being written: there is nothing stored to copy or delete. */
  enabled: boolean;
  /** Why this profile cannot be deleted (the base or the active profile), shown beside the disabled button. */
  deleteRefusal: ReturnType<typeof deleteRefusal>;
  onDuplicate(): void;
  onDelete(): void;
}

export function ProfileActions({ enabled, deleteRefusal, onDuplicate, onDelete }: ProfileActionsProps) {
  const t = useTranslation();
  const reasonId = useId();
  if (!enabled) return null;
  return (
    <div className="editor-actions" role="group" aria-label={t('editor.actions.label')}>
      <button type="button" className="editor-button" onClick={onDuplicate}>
        {t('editor.action.duplicate')}
      </button>
      <button
        type="button"
        className="editor-button editor-button--danger-quiet"
        disabled={deleteRefusal !== null}
        aria-describedby={deleteRefusal ? reasonId : undefined}
        onClick={onDelete}
      >
        {t('editor.action.delete')}
      </button>
      {deleteRefusal && (
        <small id={reasonId} className="editor-hint editor-actions__reason" data-reason={deleteRefusal}>
          {t(`editor.error.${deleteRefusal}`)}
        </small>
      )}
    </div>
  );
}
