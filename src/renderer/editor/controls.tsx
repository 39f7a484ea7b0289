import { useId, type ReactNode } from 'react';
import { useTranslation } from '../shared/useTranslation';
import { TextField } from '../shared/TextField';
import { FieldMessages, fieldIdOf, useFieldA11y, useFieldErrors } from './fieldErrors';

interface TextFieldProps {
  /** The field path its errors carry, e.g. `name` or `incoming.action.target`. */
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string | undefined;
  type?: 'text' | 'tel' | 'number' | 'time';
  multiline?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  /** Narrow fields for numbers and times, so the layout hints at what fits. */
  size?: 'short' | 'full';
  /** Whether the hint already states the range of a number, so it is not said twice. */
  hintStatesRange?: boolean;
}

/** The hint with the field's limits said before they are broken: "Högst 60 tecken.", "Från 0 till 100." */
function useLimitedHint(
  hint: string | undefined,
  { maxLength, min, max, hintStatesRange }: Pick<TextFieldProps, 'maxLength' | 'min' | 'max' | 'hintStatesRange'>,
) {
  const t = useTranslation();
  const limits = [
    maxLength === undefined ? null : t('editor.limit.characters', { max: maxLength }),
    min === undefined || max === undefined || hintStatesRange ? null : t('editor.limit.range', { min, max }),
  ].filter((text): text is string => text !== null);
  return limits.length === 0 ? hint : [hint, ...limits].filter((text) => text !== undefined).join(' ');
}

/** A text field of the draft at `path`, with the errors the form shows for it and its limits in the hint. */
export function DraftTextField({
  path,
  label,
  value,
  onChange,
  hint: givenHint,
  type = 'text',
  multiline = false,
  maxLength,
  min,
  max,
  size = 'full',
  hintStatesRange,
}: TextFieldProps) {
  const hint = useLimitedHint(givenHint, { maxLength, min, max, hintStatesRange });
  return (
    <TextField
      look="editor"
      id={fieldIdOf(path)}
      dataField={path}
      label={label}
      value={value}
      onChange={onChange}
      hint={hint}
      error={useFieldErrors(path)}
      multiline={multiline}
      size={size}
      counter
      type={type}
      inputMode={type === 'number' ? 'numeric' : undefined}
      step={type === 'number' ? 1 : undefined}
      min={min}
      max={max}
      maxLength={maxLength}
      autoComplete="off"
    />
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  disabled?: boolean;
}

interface SelectFieldProps<T extends string> {
  path: string;
  label: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange(value: T): void;
  hint?: string;
}

export function SelectField<T extends string>({ path, label, value, choices, onChange, hint }: SelectFieldProps<T>) {
  const a11y = useFieldA11y(path, hint !== undefined);
  return (
    <div className="editor-field">
      <label htmlFor={a11y.id} className="editor-label">
        {label}
      </label>
      <select
        {...a11y}
        className="editor-input"
        value={value}
        onChange={(event) => {
          const chosen = choices.find((choice) => choice.value === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} disabled={choice.disabled}>
            {choice.label}
          </option>
        ))}
      </select>
      <FieldMessages path={path} hint={hint} />
    </div>
  );
}

interface RadioGroupProps<T extends string> {
  legend: string;
  name: string;
  value: T;
  choices: readonly (Choice<T> & { hint?: string })[];
  onChange(value: T): void;
  /** Settings that belong to the chosen option, shown under the group. */
  children?: ReactNode;
}

export function RadioGroup<T extends string>({ legend, name, value, choices, onChange, children }: RadioGroupProps<T>) {
  const idPrefix = useId();
  return (
    <fieldset className="editor-group">
      <legend className="editor-label">{legend}</legend>
      <div className="editor-radios">
        {choices.map((choice) => (
          <ChoiceRow key={choice.value} id={`${idPrefix}-${choice.value}`} label={choice.label} hint={choice.hint}>
            {(a11y) => (
              <input
                {...a11y}
                type="radio"
                name={name}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
              />
            )}
          </ChoiceRow>
        ))}
      </div>
      {children && <div className="editor-nested">{children}</div>}
    </fieldset>
  );
}

interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
}

export function CheckboxField({ label, checked, onChange, hint }: CheckboxFieldProps) {
  const id = useId();
  return (
    <ChoiceRow id={id} label={label} hint={hint}>
      {(a11y) => <input {...a11y} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />}
    </ChoiceRow>
  );
}

/** A radio or checkbox with its label beside it and its hint below; the hint stays out of the accessible name. */
function ChoiceRow({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  children: (a11y: { id: string; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  const hintId = `${id}-hint`;
  return (
    <div className="editor-choice">
      {children({ id, 'aria-describedby': hint ? hintId : undefined })}
      <div className="editor-choice__text">
        <label htmlFor={id}>{label}</label>
        {hint && (
          <p id={hintId} className="editor-hint">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
