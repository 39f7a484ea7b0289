import { useId, type InputHTMLAttributes } from 'react';
import type { AppError } from '../../../core/errors';
import { useErrorText } from '../editor/errorText';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  hint?: string;
  error?: AppError | undefined;
  /** Where the field's view words some codes its own way, e.g. `automation.error.`. */
  errorPrefix?: string;
  onChange(value: string): void;
}

/** A labelled input whose hint and error are tied to it for screen readers; the error is worded from its code. */
export function TextField({ label, value, hint, error, errorPrefix, onChange, ...input }: TextFieldProps) {
  const id = useId();
  const errorText = useErrorText(errorPrefix);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="account-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        {...input}
      />
      {hint && (
        <small id={`${id}-hint`} className="account-field__hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="account-field__error" data-error-code={error.code}>
          {errorText(error)}
        </small>
      )}
    </div>
  );
}
