import type { RawData } from 'ws';
import { z } from 'zod';
import type { AppError } from '../../src/core/errors';
import type { ShellRequest } from './protocol';

/** The longest channel name a frame may carry; every real one is far shorter. */
const CHANNEL_MAX_LENGTH = 64;

const RequestIdSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** Kept apart from `protocol.ts`, which the page's bridge script bundles, so zod stays out of it. */
const ShellRequestSchema = z
  .object({ id: RequestIdSchema, channel: z.string().min(1).max(CHANNEL_MAX_LENGTH), payload: z.unknown() })
  .strict() satisfies z.ZodType<ShellRequest>;

export type FrameReading = { ok: true; value: ShellRequest } | { ok: false; error: AppError; id: number | null };

/** A frame is a request only if its whole shape is right; a refusal keeps the id, when it had a usable one, to answer to. */
export function readShellRequest(data: RawData): FrameReading {
  let frame: unknown;
  try {
    frame = JSON.parse(String(data));
  } catch {
    return { ok: false, id: null, error: { code: 'shell-frame-not-json', message: 'The frame is not JSON.' } };
  }
  const parsed = ShellRequestSchema.safeParse(frame);
  if (parsed.success) return { ok: true, value: parsed.data };
  const id = RequestIdSchema.safeParse(typeof frame === 'object' && frame !== null ? (frame as { id?: unknown }).id : undefined);
  const [issue] = parsed.error.issues;
  const where = issue?.path.map(String).join('.').slice(0, 40) || '(root)';
  return {
    ok: false,
    id: id.success ? id.data : null,
    error: {
      code: 'shell-frame-invalid',
      field: where,
      message: `The frame is not a request: ${where}: ${issue?.message ?? ''}`.slice(0, 200),
    },
  };
}
