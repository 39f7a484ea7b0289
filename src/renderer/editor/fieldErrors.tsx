import { createContext, useContext, type ReactNode } from 'react';
import type { AppError } from '../../core/errors';
import { useErrorText } from '../shared/errorText';

/** The errors to show now, by field path: the form decides which fields have earned them. */
const FieldErrorsContext = createContext<ReadonlyMap<string, readonly AppError[]>>(new Map());

export function FieldErrorsProvider({ errors, children }: { errors: ReadonlyMap<string, readonly AppError[]>; children: ReactNode }) {
  return <FieldErrorsContext.Provider value={errors}>{children}</FieldErrorsContext.Provider>;
}

export const fieldIdOf = (path: string) => `editor-field-${path.replace(/\./g, '-')}`;
const hintIdOf = (path: string) => `${fieldIdOf(path)}-hint`;
const errorIdOf = (path: string) => `${fieldIdOf(path)}-error`;

export interface FieldA11y {
  id: string;
  'data-field': string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** The errors the form shows now for the field at `path`. */
export function useFieldErrors(path: string): readonly AppError[] {
  return useContext(FieldErrorsContext).get(path) ?? [];
}

/** Props that tie a control to its label, hint and error text; `data-field` marks it as touched on blur. */
export function useFieldA11y(path: string, hasHint: boolean): FieldA11y {
  const invalid = useFieldErrors(path).length > 0;
  const describedBy = [invalid ? errorIdOf(path) : null, hasHint ? hintIdOf(path) : null].filter((id) => id !== null);
  return {
    id: fieldIdOf(path),
    'data-field': path,
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined,
  };
}

/** The hint and the errors under a control, with the ids its `aria-describedby` names. */
export function FieldMessages({ path, hint }: { path: string; hint?: string | undefined }) {
  const errors = useFieldErrors(path);
  const errorText = useErrorText();
  return (
    <>
      {hint !== undefined && (
        <p id={hintIdOf(path)} className="editor-hint">
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <p id={errorIdOf(path)} className="editor-error">
          {errors.map(errorText).join(' ')}
        </p>
      )}
    </>
  );
}
