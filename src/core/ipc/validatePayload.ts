import type { z } from 'zod';
import { fail, ok, type Result } from '../errors';

/** Turns a schema failure into one specific error naming the channel, the field and what was wrong. */
export function validatePayload<T>(channel: string, schema: z.ZodType<T>, payload: unknown): Result<T> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return ok(parsed.data);
  const [issue] = parsed.error.issues;
  const path = issue && issue.path.length > 0 ? issue.path.join('.') : '(payload)';
  return fail('invalid-payload', `Invalid payload for "${channel}": ${path}: ${issue?.message ?? 'invalid'}`, path);
}
