import { useId, type InputHTMLAttributes } from 'react';
import type { AppError } from '../../../core/errors';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  hint?: string;
  error?: AppError;
  onChange(value: string): void;
}

/** A labelled input whose hint and error are tied to it for screen readers. */
export function TextField({ label, value, hint, error, onChange, ...input }: TextFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="account-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)} {...input} />
      {hint && (
        <small id={`${id}-hint`} className="account-field__hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="account-field__error" data-error-code={error.code}>
          {error.message}
        </small>
      )}
    </div>
  );
}
