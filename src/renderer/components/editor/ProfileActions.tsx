import { useTranslation } from '../../useTranslation';

interface ProfileActionsProps {
  /** False while a new profile is being written: there is nothing stored to copy or delete. */
  enabled: boolean;
  onDuplicate(): void;
  onDelete(): void;
}

export function ProfileActions({ enabled, onDuplicate, onDelete }: ProfileActionsProps) {
  const t = useTranslation();
  if (!enabled) return null;
  return (
    <div className="editor-actions" role="group" aria-label={t('editor.actions.label')}>
      <button type="button" className="editor-button" onClick={onDuplicate}>
        {t('editor.action.duplicate')}
      </button>
      <button type="button" className="editor-button editor-button--danger-quiet" onClick={onDelete}>
        {t('editor.action.delete')}
      </button>
    </div>
  );
}
