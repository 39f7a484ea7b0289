import { callerIdOptions } from './callerIdOptions';
import { FIELD, type ProfileFormDraft } from './editorDraft';
import type { CallerId, Profile } from '../../core/profiles/model';
import { formatForDisplay } from '../../core/phone/numbers/phoneNumber';
import type { AccountNumbers } from '../../core/account/model';
import { useTranslation } from '../shared/useTranslation';
import { SelectField, type Choice } from './controls';
import type { EditDraft } from './useProfileEditor';

interface CallerIdFieldsProps {
  draft: ProfileFormDraft;
  edit: EditDraft;
  numbers: AccountNumbers;
  /** The stored profile, whose caller IDs stay choosable even if the account lost that number. */
  stored: Profile | undefined;
}

/** Nummervisning: which of the account's numbers calls and SMS present, chosen separately. */
export function CallerIdFields({ draft, edit, numbers, stored }: CallerIdFieldsProps) {
  const t = useTranslation();
  const choicesFor = (use: 'calls' | 'sms'): Choice<CallerId>[] =>
    callerIdOptions(numbers, stored?.callerId[use]).map((option) => {
      const kind = t(`editor.callerId.${option.value}`);
      if (option.value === 'hidden') return { value: option.value, label: kind };
      const label =
        option.number !== null
          ? t('editor.callerId.withNumber', { kind, number: formatForDisplay(option.number) })
          : option.selectable
            ? kind
            : t('editor.callerId.missing', { kind });
      return { value: option.value, label, disabled: !option.selectable };
    });

  return (
    <fieldset className="editor-section">
      <legend className="editor-section__legend">{t('editor.section.callerId')}</legend>
      <div className="editor-row">
        <SelectField
          path={FIELD.callerIdCalls}
          label={t('editor.callerId.calls')}
          value={draft.callerId.calls}
          choices={choicesFor('calls')}
          onChange={(choice) => edit((next) => void (next.callerId.calls = choice))}
        />
        <SelectField
          path={FIELD.callerIdSms}
          label={t('editor.callerId.sms')}
          value={draft.callerId.sms}
          choices={choicesFor('sms')}
          onChange={(choice) => edit((next) => void (next.callerId.sms = choice))}
        />
      </div>
    </fieldset>
  );
}
