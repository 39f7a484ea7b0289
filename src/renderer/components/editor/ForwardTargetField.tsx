import type { FieldPath, ForwardTargetDraft } from '../../../core/profiles/editorModel';
import type { ForwardTarget } from '../../../core/profiles/model';
import { formatForDisplay } from '../../../core/numbers/phoneNumber';
import { useTranslation } from '../../useTranslation';
import { SelectField, TextField } from './controls';

interface ForwardTargetFieldProps {
  /** Where errors about this target land, e.g. `incoming.noAnswer.target`. */
  path: FieldPath;
  label: string;
  numberLabel: string;
  value: ForwardTargetDraft;
  mobileNumber: string | null;
  onChange(value: ForwardTargetDraft): void;
}

/** Mobile, voicemail or a typed number; the number is normalised to E.164 when the form is read. */
export function ForwardTargetField({ path, label, numberLabel, value, mobileNumber, onChange }: ForwardTargetFieldProps) {
  const t = useTranslation();
  const mobile = mobileNumber === null ? t('editor.target.mobile') : t('editor.target.mobileWithNumber', { number: formatForDisplay(mobileNumber) });
  return (
    <div className="editor-target">
      <SelectField<ForwardTarget['kind']>
        path={`${path}.kind`}
        label={label}
        value={value.kind}
        choices={[
          { value: 'mobile', label: mobile },
          { value: 'voicemail', label: t('editor.target.voicemail') },
          { value: 'number', label: t('editor.target.number') },
        ]}
        onChange={(kind) => onChange({ ...value, kind })}
      />
      {value.kind === 'number' && (
        <TextField
          path={path}
          label={numberLabel}
          hint={t('editor.target.numberHint')}
          type="tel"
          value={value.number}
          maxLength={64}
          onChange={(number) => onChange({ ...value, number })}
        />
      )}
    </div>
  );
}
