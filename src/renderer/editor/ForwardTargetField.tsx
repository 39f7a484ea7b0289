import type { FieldPath, ForwardTargetDraft } from './editorDraft';
import type { ForwardTarget } from '../../core/profiles/model';
import { formatForDisplay } from '../../core/phone/numbers/phoneNumber';
import { useState } from 'react';
import { useTranslation } from '../shared/useTranslation';
import { DirectorySearch } from '../shared/DirectorySearch';
import { SelectField, DraftTextField } from './controls';
import { FieldMessages, useFieldA11y } from './fieldErrors';

interface ForwardTargetFieldProps {
  /** Where errors about this target land, e.g. `incoming.noAnswer.target`. */
  path: FieldPath;
  label: string;
  numberLabel: string;
  value: ForwardTargetDraft;
  mobileNumber: string | null;
  onChange(value: ForwardTargetDraft): void;
}

/** A colleague picked by name from the directory; the typed text alone is no target until one is picked. */
function ColleagueTargetField({ path, value, onChange }: Pick<ForwardTargetFieldProps, 'path' | 'value' | 'onChange'>) {
  const t = useTranslation();
  const a11y = useFieldA11y(path, true);
  const [text, setText] = useState(value.colleague?.name ?? '');
  return (
    <div className="editor-field">
      <label htmlFor={a11y.id} className="editor-label">
        {t('editor.target.colleagueLabel')}
      </label>
      <DirectorySearch
        id={a11y.id}
        data-field={a11y['data-field']}
        aria-invalid={a11y['aria-invalid']}
        aria-describedby={a11y['aria-describedby']}
        className="editor-input"
        maxLength={100}
        value={text}
        onChange={(typed) => {
          setText(typed);
          if (value.colleague && typed !== value.colleague.name) onChange({ ...value, colleague: null });
        }}
        onPick={(colleague) => onChange({ ...value, colleague: { name: colleague.name, uri: colleague.uri } })}
      />
      <FieldMessages path={path} hint={t('editor.target.colleagueHint')} />
    </div>
  );
}

/** Mobile, voicemail, a colleague or a typed number; the number is normalised to E.164 when the form is read. */
export function ForwardTargetField({ path, label, numberLabel, value, mobileNumber, onChange }: ForwardTargetFieldProps) {
  const t = useTranslation();
  const mobile =
    mobileNumber === null ? t('editor.target.mobile') : t('editor.target.mobileWithNumber', { number: formatForDisplay(mobileNumber) });
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
          { value: 'colleague', label: t('editor.target.colleague') },
        ]}
        onChange={(kind) => onChange({ ...value, kind })}
      />
      {value.kind === 'colleague' && <ColleagueTargetField path={path} value={value} onChange={onChange} />}
      {value.kind === 'number' && (
        <DraftTextField
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
