import { z } from 'zod';
import { NUMBER_KINDS } from '../account/model';
import { boundedInteger, identifier, plainText } from '../bounds';
import { DefaultLengthSchema } from '../time/lengths';

export const PROFILE_STATUSES = ['available', 'unavailable'] as const;
export const NOTIFICATION_KINDS = [
  'incomingCall',
  'missedCall',
  'voicemail',
  'chat',
  'sms',
  'profileEnding',
  'colleagueAvailable',
] as const;
export const PLATFORMS = ['desktop', 'mobile', 'web'] as const;

/**
 * A bound on text size only; the user-facing limits are rules in validation.ts, so that a too-long
 * name gets its own error rather than a generic invalid payload.
 */
const SIZE_GUARD = 5000;

export const ProfileStatusSchema = z.enum(PROFILE_STATUSES);
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export const PlatformSchema = z.enum(PLATFORMS);
export const CallerIdSchema = z.enum([...NUMBER_KINDS, 'hidden']);

const platformFlags = z.object({ desktop: z.boolean(), mobile: z.boolean(), web: z.boolean() }).strict();
export const NotificationMatrixSchema = z
  .object({
    incomingCall: platformFlags,
    missedCall: platformFlags,
    voicemail: platformFlags,
    chat: platformFlags,
    sms: platformFlags,
    profileEnding: platformFlags,
    colleagueAvailable: platformFlags,
  })
  .strict();

export const ForwardTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mobile') }).strict(),
  z.object({ kind: z.literal('voicemail') }).strict(),
  z.object({ kind: z.literal('number'), number: plainText(300) }).strict(),
  /** A colleague from the directory, by the directory's address; the name is kept to show it. */
  z.object({ kind: z.literal('colleague'), name: plainText(100).min(1), uri: plainText(300).min(1) }).strict(),
]);

// "… till {end}." was how the end time was asked for before there was a choice for it.
const LEGACY_END_TOKEN = /\s*(?:\b(?:till|tills|until)\s+)?\{end\}/gi;

/** An announcement stored with the old `{end}` token reads as its words and the choice to say the end. */
function upgradeEndToken(action: unknown): unknown {
  if (typeof action !== 'object' || action === null) return action;
  const { kind, text, sayEnd } = action as Record<string, unknown>;
  if (kind !== 'announcement' || sayEnd !== undefined || typeof text !== 'string') return action;
  if (!text.includes('{end}')) return { ...action, sayEnd: false };
  const words = text
    .replace(LEGACY_END_TOKEN, '')
    .replace(/\s+([.,!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return { ...action, text: words.replace(/[\s.!,;:]+$/, ''), sayEnd: true };
}

export const IncomingActionSchema = z.preprocess(
  upgradeEndToken,
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('ring') }).strict(),
    z.object({ kind: z.literal('busy') }).strict(),
    z.object({ kind: z.literal('forward'), target: ForwardTargetSchema }).strict(),
    z
      .object({
        kind: z.literal('announcement'),
        /** The words, e.g. "Jag är på lunch"; the end time is added after them when `sayEnd` is on. */
        text: plainText(SIZE_GUARD),
        /** Say when the profile ends: "… till 14:30". */
        sayEnd: z.boolean(),
        then: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('forward'), target: ForwardTargetSchema }).strict(),
          z.object({ kind: z.literal('hangup') }).strict(),
        ]),
      })
      .strict(),
  ]),
);

export const WhenBusySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('callWaiting') }).strict(),
  z.object({ kind: z.literal('busy') }).strict(),
  z.object({ kind: z.literal('forward'), target: ForwardTargetSchema }).strict(),
]);

const incomingRuleShape = {
  action: IncomingActionSchema,
  noAnswer: z.object({ afterSeconds: boundedInteger(), target: ForwardTargetSchema }).strict().nullable(),
  whenBusy: WhenBusySchema,
};

/** What happens to a call: the action, after how long nobody answered, and when the user is already in a call. */
export const IncomingRuleSchema = z.object(incomingRuleShape).strict();

/** The line a call came in on: one of the account's numbers, or the user's own SIP address or extension. */
export const CALLED_LINES = [...NUMBER_KINDS, 'own'] as const;

/**
 * The profile's rule for every call, and the lines that differ from it. Profiles stored before
 * lines could differ have no `byLine`, and mean the same: one rule for all.
 */
export const IncomingCallsSchema = z
  .object({
    ...incomingRuleShape,
    byLine: z
      .object({
        landline: IncomingRuleSchema.optional(),
        mobile: IncomingRuleSchema.optional(),
        switchboard: IncomingRuleSchema.optional(),
        own: IncomingRuleSchema.optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export const ProfileSchema = z
  .object({
    id: identifier(64),
    number: boundedInteger(),
    name: plainText(SIZE_GUARD),
    status: ProfileStatusSchema,
    statusMessage: plainText(SIZE_GUARD),
    notifications: NotificationMatrixSchema,
    callerId: z.object({ calls: CallerIdSchema, sms: CallerIdSchema }).strict(),
    incoming: IncomingCallsSchema,
    recordCalls: z.boolean(),
    /** The other party hears "Samtalet spelas in" when recording starts; absent in older files: off. */
    announceRecording: z.boolean().default(false),
    allowListenIn: z.boolean(),
    defaultLength: DefaultLengthSchema,
    calendarPriority: boundedInteger(),
  })
  .strict();

export type ProfileStatus = z.infer<typeof ProfileStatusSchema>;
export type NotificationKind = z.infer<typeof NotificationKindSchema>;
export type Platform = z.infer<typeof PlatformSchema>;
export type CallerId = z.infer<typeof CallerIdSchema>;
export type NotificationMatrix = z.infer<typeof NotificationMatrixSchema>;
export type ForwardTarget = z.infer<typeof ForwardTargetSchema>;
export type IncomingAction = z.infer<typeof IncomingActionSchema>;
export type IncomingRule = z.infer<typeof IncomingRuleSchema>;
export type CalledLine = (typeof CALLED_LINES)[number];
export type IncomingCalls = z.infer<typeof IncomingCallsSchema>;
export type Profile = z.infer<typeof ProfileSchema>;
/** What a user submits to create a profile: everything but the id. A missing number takes the next free one. */
export const ProfileDraftSchema = ProfileSchema.omit({ id: true }).extend({ number: boundedInteger().optional() });
export type ProfileDraft = z.infer<typeof ProfileDraftSchema>;
