import type { z } from 'zod';
import { boundsCodeOf } from './bounds';
import { isErrorCode, type ErrorCode } from './errorCodes';

/** Values from outside shown in an error: short strings quoted, anything longer cut and measured. */

const QUOTED_LENGTH = 40;

const count = (n: number) => n.toLocaleString('sv-SE');

/**
 * A bounded, printable description of any value: `"lunch"`, `"aaaa…" (a string of 10 485 760
 * characters)`, `a number (NaN)`, `an object`. Control characters come out escaped.
 */
export function describeInput(value: unknown): string {
  if (typeof value === 'string') {
    if (value.length <= QUOTED_LENGTH) return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, QUOTED_LENGTH))}… (a string of ${count(value.length)} characters)`;
  }
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) < 1e15 ? String(value) : `a number (${value})`;
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${count(value.length)} items`;
  return `a value of type ${typeof value}`;
}

/** A text from outside, cut to `max` characters, for a message that must stay short. */
export function cutText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${count(text.length)} characters)`;
}

const PATH_SEGMENT_LENGTH = 40;

/** A schema issue's path, each key cut: a key may be anything a caller sent. */
export function issuePath(issue: z.core.$ZodIssue | undefined): string {
  if (!issue || issue.path.length === 0) return '(payload)';
  return issue.path.map((segment) => cutText(String(segment), PATH_SEGMENT_LENGTH)).join('.');
}

/**
 * The code of a schema issue: the one the schema names as its error (`.min(1, { error:
 * 'colleague-name-empty' })`), else a bounds code, else `fallback`. The UI words it from the code.
 */
export function issueCode(issue: z.core.$ZodIssue | undefined, fallback: ErrorCode): ErrorCode {
  if (issue === undefined) return fallback;
  if (isErrorCode(issue.message)) return issue.message;
  return boundsCodeOf(issue) ?? fallback;
}
