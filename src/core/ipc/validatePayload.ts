import type { z } from 'zod';
import { boundsCodeOf } from '../bounds';
import { cutText, issuePath } from '../describeInput';
import { fail, ok, type Result } from '../errors';
import { isErrorCode, type ErrorCode } from '../errorCodes';

const MESSAGE_LENGTH = 300;

/**
 * The code of a schema issue: the one the schema names as its error (`.min(1, { error:
 * 'colleague-name-empty' })`), else a bounds code, else `fallback`. The UI words it from the code.
 */
export function issueCode(issue: z.core.$ZodIssue | undefined, fallback: ErrorCode): ErrorCode {
  if (issue === undefined) return fallback;
  if (isErrorCode(issue.message)) return issue.message;
  return boundsCodeOf(issue) ?? fallback;
}

/**
 * Turns a schema failure into one specific error naming the channel, the field and what was
 * wrong: a value outside the bounds has its own code. Nothing of the value itself is quoted.
 */
export function validatePayload<T>(channel: string, schema: z.ZodType<T>, payload: unknown): Result<T> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return ok(parsed.data);
  const [issue] = parsed.error.issues;
  const path = issuePath(issue);
  return fail(
    issueCode(issue, 'invalid-payload'),
    cutText(`Invalid payload for "${channel}": ${path}: ${issue?.message ?? 'invalid'}`, MESSAGE_LENGTH),
    path,
  );
}
