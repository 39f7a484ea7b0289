import { FIELD, LENGTH_CHOICES, type LengthChoice, type ProfileFormDraft } from './editorDraft';
import { CALENDAR_PRIORITY, LENGTH_LIMITS } from '../../core/profiles/validation';
import type { WorkingHours } from '../../core/time/workingHours';
import { useTranslation } from '../shared/useTranslation';
import { SelectField, DraftTextField } from './controls';
import type { EditDraft } from './useProfileEditor';

interface DefaultLengthFieldProps {
  draft: ProfileFormDraft;
  edit: EditDraft;
  workingHours: WorkingHours;
}

/** Standardlängd (presets, or a kind with a typed value) and Kalenderprioritet. */
export function DefaultLengthField({ draft, edit, workingHours }: DefaultLengthFieldProps) {
  const t = useTranslation();
  const { length } = draft;
  const labelOf = (choice: LengthChoice): string => {
    if (choice === 'nextWorkingDayStart') return t('editor.length.nextWorkingDayStart', { time: workingHours.start });
    if (choice === 'endOfWorkingDay') return t('editor.length.endOfWorkingDay', { time: workingHours.end });
    return t(`editor.length.${choice}`);
  };
  const editLength = (change: (next: ProfileFormDraft['length']) => void) => edit((next) => change(next.length));

  return (
    <fieldset className="editor-section">
      <legend className="editor-section__legend">{t('editor.section.length')}</legend>
      <div className="editor-row">
        <SelectField
          path="defaultLength.kind"
          label={t('editor.length')}
          hint={t('editor.length.hint')}
          value={length.choice}
          choices={LENGTH_CHOICES.map((choice) => ({ value: choice, label: labelOf(choice) }))}
          onChange={(choice) => editLength((next) => void (next.choice = choice))}
        />
        {length.choice === 'minutes' && (
          <DraftTextField
            path={FIELD.lengthMinutes}
            label={t('editor.length.minutesInput')}
            type="number"
            size="short"
            min={1}
            max={LENGTH_LIMITS.minutes}
            value={length.minutes}
            onChange={(minutes) => editLength((next) => void (next.minutes = minutes))}
          />
        )}
        {length.choice === 'untilTimeOfDay' && (
          <DraftTextField
            path={FIELD.lengthTime}
            label={t('editor.length.timeInput')}
            type="time"
            size="short"
            value={length.time}
            onChange={(time) => editLength((next) => void (next.time = time))}
          />
        )}
        {length.choice === 'days' && (
          <DraftTextField
            path={FIELD.lengthDays}
            label={t('editor.length.daysInput')}
            type="number"
            size="short"
            min={1}
            max={LENGTH_LIMITS.days}
            value={length.days}
            onChange={(days) => editLength((next) => void (next.days = days))}
          />
        )}
      </div>
      <DraftTextField
        path={FIELD.calendarPriority}
        label={t('editor.calendarPriority')}
        hint={t('editor.calendarPriority.hint')}
        type="number"
        size="short"
        min={CALENDAR_PRIORITY.min}
        max={CALENDAR_PRIORITY.max}
        value={draft.calendarPriority}
        onChange={(priority) => edit((next) => void (next.calendarPriority = priority))}
      />
    </fieldset>
  );
}
