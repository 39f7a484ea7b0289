import { z } from 'zod';
import { identifier, plainText, timestamp } from '../bounds';

/** The automatic sources beside the calendar; each is a claim on the base profile's place. */
export const AMBIENT_SOURCES = ['schedule', 'away'] as const;
export type AmbientSource = (typeof AMBIENT_SOURCES)[number];

export const ReturnToSchema = z
  .object({
    profileId: identifier(64),
    since: timestamp(),
    until: timestamp().nullable(),
    byHand: z.boolean(),
    /** Put on by the work schedule or away, which give way to the base profile when the calendar lets go and decide again. */
    automatic: z.enum(AMBIENT_SOURCES).optional(),
  })
  .strict();
/** The profile that returns when a calendar activation ends, as it was when the calendar took over. */
export type ReturnTo = z.infer<typeof ReturnToSchema>;

/** What put the active profile on. `byHand` in ReturnTo keeps the same distinction for the profile underneath. */
export const ActivationSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }).strict(),
  z.object({ kind: z.literal('calendar'), key: z.string().min(1), returnTo: ReturnToSchema }).strict(),
  z.object({ kind: z.literal('automatic'), by: z.enum(AMBIENT_SOURCES), returnTo: ReturnToSchema }).strict(),
]);
export type ActivationSource = z.infer<typeof ActivationSourceSchema>;

/** The active profile, since when, until when, with its temporary message and what put it on. */
export const ActivationSchema = z
  .object({
    profileId: identifier(64),
    since: timestamp(),
    /** Epoch ms; null means until changed. */
    until: timestamp().nullable(),
    temporaryMessage: plainText(200).nullable(),
    /** Chosen by hand, or put on by the calendar; absent for the start-up default and the base profile after a timed one ended. */
    source: ActivationSourceSchema.optional(),
  })
  .strict();
export type Activation = z.infer<typeof ActivationSchema>;
