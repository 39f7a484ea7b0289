import { FIELD, type ProfileFormDraft } from './editorDraft';
import { PROFILE_NUMBER_MAX, TEXT_LIMITS } from '../../core/profiles/validation';
import { useTranslation } from '../shared/useTranslation';
import { RadioGroup, DraftTextField } from './controls';
import type { EditDraft } from './useProfileEditor';

/** Name, number, status and the permanent status message: what colleagues and the calendar see. */
export function GeneralFields({ draft, edit }: { draft: ProfileFormDraft; edit: EditDraft }) {
  const t = useTranslation();
  return (
    <fieldset className="editor-section">
      <legend className="editor-section__legend">{t('editor.section.general')}</legend>
      <DraftTextField
        path={FIELD.name}
        label={t('editor.name')}
        hint={t('editor.name.hint')}
        value={draft.name}
        maxLength={TEXT_LIMITS.name}
        onChange={(name) => edit((next) => void (next.name = name))}
      />
      <DraftTextField
        path={FIELD.number}
        label={t('editor.number')}
        hint={t('editor.number.hint', { max: PROFILE_NUMBER_MAX })}
        type="number"
        size="short"
        min={1}
        max={PROFILE_NUMBER_MAX}
        hintStatesRange
        value={draft.number}
        onChange={(number) => edit((next) => void (next.number = number))}
      />
      <RadioGroup
        legend={t('editor.status')}
        name="editor-status"
        value={draft.status}
        choices={[
          { value: 'available', label: t('editor.status.available'), hint: t('editor.status.availableHint') },
          { value: 'unavailable', label: t('editor.status.unavailable'), hint: t('editor.status.unavailableHint') },
        ]}
        onChange={(status) => edit((next) => void (next.status = status))}
      />
      <DraftTextField
        path={FIELD.statusMessage}
        label={t('editor.statusMessage')}
        hint={t('editor.statusMessage.hint')}
        value={draft.statusMessage}
        maxLength={TEXT_LIMITS.statusMessage}
        onChange={(message) => edit((next) => void (next.statusMessage = message))}
      />
    </fieldset>
  );
}
