import type { z } from 'zod';
import { cutText, issueCode, issuePath } from '../describeInput';
import { fail, ok, type Result } from '../errors';
import { MAX_NESTING_DEPTH, nestedTooDeep } from '../nesting';

const MESSAGE_LENGTH = 300;
/**
 * Turns a schema failure into one specific error naming the channel, the field and what was
 * wrong: a value outside the bounds has its own code. Nothing of the value itself is quoted.
 */
export function validatePayload<T>(channel: string, schema: z.ZodType<T>, payload: unknown): Result<T> {
  if (nestedTooDeep(payload))
    return fail(
      'invalid-payload',
      `Invalid payload for "${channel}": (payload): nested deeper than ${MAX_NESTING_DEPTH} levels.`,
      '(payload)',
    );
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
