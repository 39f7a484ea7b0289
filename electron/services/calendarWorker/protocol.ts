import { z } from 'zod';
import type { ParseResult } from '../../../src/core/calendar/types';

export const ParseRequestSchema = z.object({ id: z.number().int(), text: z.string(), maxBytes: z.number().int().positive() }).strict();
export type ParseRequest = z.infer<typeof ParseRequestSchema>;

export interface ParseReply {
  id: number;
  result: ParseResult;
}

/** The envelope and its shape are checked; the events inside come from the core's own parser in the worker. */
const ParseReplySchema = z
  .object({
    id: z.number().int(),
    result: z.union([
      z.object({
        ok: z.literal(true),
        value: z.object({
          events: z.array(z.object({ uid: z.string() }).passthrough()),
          vtimezones: z.record(z.string(), z.unknown()),
          warnings: z.array(z.unknown()),
        }),
      }),
      z.object({
        ok: z.literal(false),
        error: z.object({ code: z.enum(['ics-empty', 'ics-not-calendar', 'ics-malformed', 'ics-too-large']), message: z.string() }),
      }),
    ]),
  })
  .strict();

export function readParseReply(message: unknown): ParseReply | null {
  const checked = ParseReplySchema.safeParse(message);
  return checked.success ? (message as ParseReply) : null;
}
