import { useId, useState, type FormEvent } from 'react';
import type { AppError } from '../../core/errors';
import { formatForDisplay, normalizeDialString } from '../../core/phone/numbers/phoneNumber';
import { phone } from './phone';
import { useTranslation } from '../shared/useTranslation';
import { DirectorySearch, useDirectoryTarget } from '../shared/DirectorySearch';
import { usePhoneErrorText } from './usePhoneText';

/** Where a typed target goes, once it is a valid one: shown before the user calls. */
function previewOf(text: string): string | null {
  const target = normalizeDialString(text);
  if (!target.ok) return null;
  switch (target.value.kind) {
    case 'number':
      return formatForDisplay(target.value.e164, 'international');
    case 'extension':
      return target.value.digits;
    case 'sip':
      return target.value.uri.replace(/^sips?:/, '');
  }
}

export function Dialer() {
  const t = useTranslation();
  const errorText = usePhoneErrorText();
  const field = useDirectoryTarget();
  const [error, setError] = useState<AppError | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const preview = field.target.trim() === '' ? null : previewOf(field.target);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const placed = phone.tryDial(field.target);
    if (placed.ok) {
      setError(null);
      field.clear();
    } else {
      setError(placed.error);
    }
  };

  return (
    <form className="phone-dialer" onSubmit={submit} aria-labelledby={`${inputId}-heading`} noValidate>
      <h3 id={`${inputId}-heading`}>{t('phone.dialer.heading')}</h3>
      <label htmlFor={inputId}>{t('phone.dialer.label')}</label>
      <div className="phone-dialer__row">
        <DirectorySearch
          id={inputId}
          type="text"
          value={field.text}
          maxLength={300}
          aria-invalid={error !== null}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          onChange={(text) => {
            field.setText(text);
            setError(null);
          }}
          onPick={field.pick}
        />
        <button type="submit" className="phone-button phone-button--call">
          {t('phone.dialer.call')}
        </button>
      </div>
      <p id={hintId} className="phone-hint">
        {preview === null ? t('phone.dialer.hint') : t('phone.dialer.preview', { target: preview })}
      </p>
      {error && (
        <p id={errorId} role="alert" className="phone-error" data-error-code={error.code}>
          {errorText(error)}
        </p>
      )}
    </form>
  );
}
