import type { ProfileFormDraft } from './editorDraft';
import { useTranslation } from '../shared/useTranslation';
import { CheckboxField } from './controls';
import type { EditDraft } from './useProfileEditor';

interface AddOnFieldsProps {
  draft: ProfileFormDraft;
  edit: EditDraft;
  addOns: { recording: boolean; listenIn: boolean };
}

/** Samtalsinspelning and Medlyssning exist only for accounts with those add-ons; otherwise nothing shows. */
export function AddOnFields({ draft, edit, addOns }: AddOnFieldsProps) {
  const t = useTranslation();
  if (!addOns.recording && !addOns.listenIn) return null;
  return (
    <fieldset className="editor-section">
      <legend className="editor-section__legend">{t('editor.section.addOns')}</legend>
      {addOns.recording && (
        <CheckboxField
          label={t('editor.recordCalls')}
          hint={t('editor.recordCalls.hint')}
          checked={draft.recordCalls}
          onChange={(record) => edit((next) => void (next.recordCalls = record))}
        />
      )}
      {addOns.recording && (
        <CheckboxField
          label={t('editor.announceRecording')}
          hint={t('editor.announceRecording.hint')}
          checked={draft.announceRecording}
          onChange={(announce) => edit((next) => void (next.announceRecording = announce))}
        />
      )}
      {addOns.listenIn && (
        <CheckboxField
          label={t('editor.allowListenIn')}
          hint={t('editor.allowListenIn.hint')}
          checked={draft.allowListenIn}
          onChange={(allow) => edit((next) => void (next.allowListenIn = allow))}
        />
      )}
    </fieldset>
  );
}
