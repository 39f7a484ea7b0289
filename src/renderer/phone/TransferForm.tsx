import { useId, useState, type FormEvent } from 'react';
import type { AppError } from '../../core/errors';
import { phone } from './phone';
import { useTranslation } from '../shared/useTranslation';
import { DirectorySearch, useDirectoryTarget } from '../shared/DirectorySearch';
import { usePhoneErrorText } from './usePhoneText';

/** Blind transfer of a connected call to a colleague, a number, an extension or a SIP address. */
export function TransferForm({ callId }: { callId: string }) {
  const t = useTranslation();
  const errorText = usePhoneErrorText();
  const field = useDirectoryTarget();
  const [error, setError] = useState<AppError | null>(null);
  const inputId = useId();
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const transferred = phone.transfer(callId, field.target);
    setError(transferred.ok ? null : transferred.error);
  };
  return (
    <form className="phone-transfer" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>{t('phone.call.transferTo')}</label>
      <div className="phone-dialer__row">
        <DirectorySearch
          id={inputId}
          type="text"
          value={field.text}
          maxLength={300}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(text) => {
            field.setText(text);
            setError(null);
          }}
          onPick={field.pick}
        />
        <button type="submit" className="phone-button">
          {t('phone.call.transferSubmit')}
        </button>
      </div>
      {error && (
        <p id={errorId} role="alert" className="phone-error" data-error-code={error.code}>
          {errorText(error)}
        </p>
      )}
    </form>
  );
}
