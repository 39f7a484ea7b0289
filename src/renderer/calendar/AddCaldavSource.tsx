import { useId, useState, type FormEvent } from 'react';
import type { AppError } from '../../core/errors';
import type { MessageKey } from '../../core/i18n/messages';
import { useTranslation } from '../shared/useTranslation';
import { calendarRequest } from './calendarRequest';
import { useErrorText } from '../shared/errorText';

type Field = 'serverUrl' | 'username' | 'password';
const FIELDS: { field: Field; label: MessageKey; type: 'text' | 'password'; autoComplete: string }[] = [
  { field: 'serverUrl', label: 'calendar.caldav.server', type: 'text', autoComplete: 'url' },
  { field: 'username', label: 'calendar.caldav.username', type: 'text', autoComplete: 'username' },
  { field: 'password', label: 'calendar.caldav.password', type: 'password', autoComplete: 'current-password' },
];
const EMPTY: Record<Field, string> = { serverUrl: '', username: '', password: '' };

/** Server address, user name and password; main finds the calendar and keeps nothing unless the login works. */
export function AddCaldavSource() {
  const t = useTranslation();
  const errorText = useErrorText('calendar.caldavError.');
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<AppError | null>(null);
  const [connecting, setConnecting] = useState(false);
  const idPrefix = useId();
  const hintId = useId();
  const errorField: Field = error?.field === 'username' || error?.field === 'password' ? error.field : 'serverUrl';

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    setConnecting(true);
    const refused = await calendarRequest('calendar:add-caldav', values);
    setConnecting(false);
    setError(refused);
    if (!refused) setValues(EMPTY);
  };

  return (
    <form className="calendar-add" aria-labelledby={`${idPrefix}-heading`} onSubmit={(event) => void connect(event)}>
      <h4 id={`${idPrefix}-heading`}>{t('calendar.caldav.heading')}</h4>
      {FIELDS.map(({ field, label, type, autoComplete }) => {
        const inputId = `${idPrefix}-${field}`;
        const errorId = `${inputId}-error`;
        const invalid = error !== null && errorField === field;
        return (
          <div key={field} className="calendar-add__field">
            <label htmlFor={inputId}>{t(label)}</label>
            <input
              id={inputId}
              type={type}
              value={values[field]}
              spellCheck={false}
              autoComplete={autoComplete}
              aria-invalid={invalid}
              aria-describedby={invalid ? `${errorId} ${hintId}` : hintId}
              onChange={(event) => setValues({ ...values, [field]: event.target.value })}
            />
            {invalid && (
              <p id={errorId} className="calendar-field-error" role="alert">
                {errorText(error)}
              </p>
            )}
          </div>
        );
      })}
      <div className="calendar-add__row">
        <button type="submit" className="calendar-button calendar-button--primary" disabled={connecting}>
          {connecting ? t('calendar.caldav.connecting') : t('calendar.caldav.submit')}
        </button>
      </div>
      <small id={hintId} className="calendar-muted">
        {t('calendar.caldav.hint')}
      </small>
    </form>
  );
}
