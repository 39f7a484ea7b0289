import type { AccountNumbers } from '../../core/account/model';
import { formatForDisplay } from '../../core/phone/numbers/phoneNumber';
import { LINE_CHOICES, type ProfileFormDraft } from './editorDraft';
import { CALLED_LINES } from '../../core/profiles/model';
import { useTranslation } from '../shared/useTranslation';
import { CheckboxField, SelectField } from './controls';
import type { EditDraft } from './useProfileEditor';

/** "Samma för alla nummer", or one row per line the caller may have dialled, each with its action. */
export function LineRulesField({ draft, edit, numbers }: { draft: ProfileFormDraft; edit: EditDraft; numbers: AccountNumbers }) {
  const t = useTranslation();
  const { sameForAllLines, byLine } = draft.incoming;
  return (
    <fieldset className="editor-group">
      <legend className="editor-label">{t('editor.incoming.lines')}</legend>
      <CheckboxField
        label={t('editor.incoming.sameForAllLines')}
        hint={t('editor.incoming.sameForAllLinesHint')}
        checked={sameForAllLines}
        onChange={(same) => edit((next) => void (next.incoming.sameForAllLines = same))}
      />
      {!sameForAllLines && (
        <div className="editor-nested">
          {CALLED_LINES.map((line) => {
            const number = line === 'own' ? null : numbers[line];
            return (
              <SelectField
                key={line}
                path={`incoming.byLine.${line}`}
                label={
                  number === null
                    ? t(`editor.incoming.line.${line}`)
                    : t('editor.incoming.lineWithNumber', { line: t(`editor.incoming.line.${line}`), number: formatForDisplay(number) })
                }
                value={byLine[line].choice}
                choices={LINE_CHOICES.map((choice) => ({ value: choice, label: t(`editor.incoming.lineChoice.${choice}`) }))}
                onChange={(choice) => edit((next) => void (next.incoming.byLine[line].choice = choice))}
              />
            );
          })}
        </div>
      )}
    </fieldset>
  );
}
