import { useId, type InputHTMLAttributes } from 'react';
import type { AppError } from '../../core/errors';
import { useErrorText } from './errorText';

/** The class names of a form's fields: the profile editor's, or the settings pages'. */
const LOOKS = {
  editor: { field: 'editor-field', label: 'editor-label', input: 'editor-input', hint: 'editor-hint', error: 'editor-error' },
  account: { field: 'account-field', label: undefined, input: undefined, hint: 'account-field__hint', error: 'account-field__error' },
} as const;

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'size' | 'className'> {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string | undefined;
  /** One error, or all the form shows for the field; the first one's code marks the message. */
  error?: AppError | readonly AppError[] | undefined;
  /** Where the field's view words some codes its own way, e.g. `automation.error.`. */
  errorPrefix?: string;
  look?: keyof typeof LOOKS;
  multiline?: boolean;
  /** Narrow fields for numbers and times, so the layout hints at what fits. */
  size?: 'short' | 'full';
  /** Counts the characters against `maxLength` while typing. */
  counter?: boolean;
  /** The form's path of the value; marks the control as touched on blur. */
  dataField?: string;
}

/**
 * A labelled input whose error and hint are tied to it for screen readers, in that order; the
 * errors are worded from their codes.
 */
export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  errorPrefix,
  look = 'account',
  multiline = false,
  size = 'full',
  counter = false,
  dataField,
  id: givenId,
  ...input
}: TextFieldProps) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const errorText = useErrorText(errorPrefix);
  const classes = LOOKS[look];
  const errors: readonly AppError[] = error === undefined ? [] : 'code' in error ? [error] : error;
  const invalid = errors.length > 0;
  const describedBy = [invalid ? `${id}-error` : null, hint !== undefined ? `${id}-hint` : null].filter((part) => part !== null);
  const common = {
    id,
    'data-field': dataField,
    className: classes.input && (size === 'short' ? `${classes.input} ${classes.input}--short` : classes.input),
    value,
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined,
    maxLength: input.maxLength,
  };
  const Message = look === 'editor' ? 'p' : 'small';
  const { maxLength } = input;
  return (
    <div className={classes.field}>
      <label htmlFor={id} className={classes.label}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...input} {...common} onChange={(event) => onChange(event.target.value)} />
      )}
      {counter && maxLength !== undefined && (
        // Seen while typing; the limit itself is in the hint, which a screen reader reads once.
        <span className={value.length > maxLength * 0.9 ? 'editor-counter editor-counter--near' : 'editor-counter'} aria-hidden="true">
          {value.length}/{maxLength}
        </span>
      )}
      {hint !== undefined && (
        <Message id={`${id}-hint`} className={classes.hint}>
          {hint}
        </Message>
      )}
      {invalid && (
        <Message id={`${id}-error`} className={classes.error} data-error-code={errors[0]?.code}>
          {errors.map(errorText).join(' ')}
        </Message>
      )}
    </div>
  );
}
