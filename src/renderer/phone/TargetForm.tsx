import { useId, useState, type FormEvent } from 'react';
import type { AppError, Result } from '../../core/errors';
import { DirectorySearch, useDirectoryTarget } from '../shared/DirectorySearch';
import { usePhoneErrorText } from './usePhoneText';

interface TargetFormProps {
  className: string;
  label: string;
  submitLabel: string;
  submitClassName: string;
  /** Tries what was typed or picked; a refusal is shown under the field, and success clears it. */
  submit(target: string): Result<unknown>;
  heading?: string;
  /** The line under the field, from what is typed so far. */
  hint?(target: string): string;
}

/** A field that takes a colleague from the directory, a number, an extension or a SIP address, and a button that uses it. */
export function TargetForm({ className, label, submitLabel, submitClassName, submit, heading, hint }: TargetFormProps) {
  const errorText = usePhoneErrorText();
  const field = useDirectoryTarget();
  const [error, setError] = useState<AppError | null>(null);
  const inputId = useId();
  const headingId = useId();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter((id) => id !== null).join(' ');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const used = submit(field.target);
    if (used.ok) {
      setError(null);
      field.clear();
    } else {
      setError(used.error);
    }
  };

  return (
    <form className={className} onSubmit={onSubmit} aria-labelledby={heading ? headingId : undefined} noValidate>
      {heading && <h3 id={headingId}>{heading}</h3>}
      <label htmlFor={inputId}>{label}</label>
      <div className="phone-dialer__row">
        <DirectorySearch
          id={inputId}
          type="text"
          value={field.text}
          maxLength={300}
          aria-invalid={error !== null}
          aria-describedby={describedBy === '' ? undefined : describedBy}
          onChange={(text) => {
            field.setText(text);
            setError(null);
          }}
          onPick={field.pick}
        />
        <button type="submit" className={submitClassName}>
          {submitLabel}
        </button>
      </div>
      {hint && (
        <p id={hintId} className="phone-hint">
          {hint(field.target)}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="phone-error" data-error-code={error.code}>
          {errorText(error)}
        </p>
      )}
    </form>
  );
}
