import { z } from 'zod';
import { plainText } from '../bounds';
import type { ErrorCode } from '../errorCodes';

/** The account's own numbers, which a profile can present and calls can come in on. */
export const NUMBER_KINDS = ['landline', 'mobile', 'switchboard'] as const;
export const NumberKindSchema = z.enum(NUMBER_KINDS);
export type NumberKind = z.infer<typeof NumberKindSchema>;

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 number such as +46701234567');

export const AccountNumbersSchema = z.object({ landline: e164.nullable(), mobile: e164.nullable(), switchboard: e164.nullable() }).strict();
export type AccountNumbers = z.infer<typeof AccountNumbersSchema>;

export const SipAccountSchema = z
  .object({
    /** The PBX's SIP-over-WebSocket address, ws:// or wss://; empty until set up. */
    serverUrl: plainText(500),
    /** The user's address of record, e.g. sip:alice@example.com; empty until set up. */
    uri: plainText(300),
    /** Digest user name when it differs from the URI's user; empty means the URI's user. */
    authUser: plainText(100),
    displayName: plainText(100),
  })
  .strict();

/** The same choices as the UI's languages (settings/schema imports this module, so they are repeated). */
export const AnnouncementLanguageSchema = z.enum(['sv', 'en']);

/**
 * How long the PBX keeps the user's presence publications without a refresh: after a crash, how long
 * colleagues may still see the last profile. At most 480 s, so that with a server's cleaning interval
 * (Kamailio: 100 s) a crashed user shows offline within ten minutes.
 */
export const PresenceLifetimeSchema = z.number().int().min(30).max(480);
export const DEFAULT_PRESENCE_LIFETIME_SECONDS = 300;

export const ColleagueSchema = z
  .object({
    name: plainText(100).min(1, { error: 'colleague-name-empty' satisfies ErrorCode }),
    uri: plainText(300).min(1, { error: 'colleague-uri-invalid' satisfies ErrorCode }),
    /** Has the supervisor role: may listen in on this user's calls where the profile allows it. Absent means no. */
    supervisor: z.boolean().optional(),
  })
  .strict();
export type Colleague = z.infer<typeof ColleagueSchema>;

/** Teams calls it priority access: a short list, so that it stays an exception to the profile. */
export const MAX_PRIORITY_CONTACTS = 50;

/** Someone whose calls ring whatever the active profile does with calls: a colleague by SIP address, or a number. */
export const PriorityContactSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('colleague'), name: plainText(100).min(1), uri: plainText(300).min(1) }).strict(),
  z.object({ kind: z.literal('number'), number: e164 }).strict(),
]);
export type PriorityContact = z.infer<typeof PriorityContactSchema>;

/** A priority contact as the UI sends it: a colleague by the directory's address, a number as typed. */
export const PriorityContactInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('colleague'), uri: plainText(300).min(1) }).strict(),
  z.object({ kind: z.literal('number'), number: z.string().max(40) }).strict(),
]);
export type PriorityContactInput = z.infer<typeof PriorityContactInputSchema>;

export const CALLER_ID_PRESENTATIONS = ['p-preferred-identity', 'from-user'] as const;
export const HIDING_METHODS = ['pbx', 'client'] as const;

/** How this account's PBX takes the caller ID and hides it. */
export const CallerIdPolicySchema = z
  .object({
    /** `p-preferred-identity`: From is the user's own address and the number goes in P-Preferred-Identity (RFC 3325). `from-user`: the number is the From user. */
    presentation: z.enum(CALLER_ID_PRESENTATIONS),
    /** `pbx`: From stays the user's own and `Privacy: id` asks the PBX to anonymise (RFC 3323). `client`: the From itself is anonymous. */
    hiding: z.enum(HIDING_METHODS),
  })
  .strict();
export type CallerIdPolicy = z.infer<typeof CallerIdPolicySchema>;

export const DEFAULT_CALLER_ID_POLICY: CallerIdPolicy = { presentation: 'p-preferred-identity', hiding: 'pbx' };

export const AccountSchema = z
  .object({
    numbers: AccountNumbersSchema,
    addOns: z.object({ recording: z.boolean(), listenIn: z.boolean() }).strict(),
    /** The user's own supervisor role: with the listen-in add-on, Kollegor offers Medlyssna. Absent in settings written before it existed. */
    supervisor: z.boolean().default(false),
    sip: SipAccountSchema,
    /** Where "voicemail" forwards go: a SIP URI, an extension or an E.164 number; null when the PBX has none. */
    voicemail: plainText(300).nullable(),
    directory: z.array(ColleagueSchema).max(5000),
    /** Absent in settings written before it existed: those get the default. */
    callerIdPolicy: CallerIdPolicySchema.default(() => ({ ...DEFAULT_CALLER_ID_POLICY })),
    /** The language callers hear announcements in; settings from before it existed announce in Swedish. */
    announcementLanguage: AnnouncementLanguageSchema.default('sv'),
    /** Absent in settings written before it existed: those get the default. */
    presenceLifetimeSeconds: PresenceLifetimeSchema.default(DEFAULT_PRESENCE_LIFETIME_SECONDS),
    /** Absent in settings written before it existed: nobody has priority access. */
    priorityAccess: z
      .array(PriorityContactSchema)
      .max(MAX_PRIORITY_CONTACTS)
      .default(() => []),
  })
  .strict();
export type Account = z.infer<typeof AccountSchema>;

export function emptyAccount(): Account {
  return {
    numbers: { landline: null, mobile: null, switchboard: null },
    addOns: { recording: false, listenIn: false },
    supervisor: false,
    sip: { serverUrl: '', uri: '', authUser: '', displayName: '' },
    voicemail: null,
    directory: [],
    callerIdPolicy: { ...DEFAULT_CALLER_ID_POLICY },
    announcementLanguage: 'sv',
    presenceLifetimeSeconds: DEFAULT_PRESENCE_LIFETIME_SECONDS,
    priorityAccess: [],
  };
}

/** The largest provisioning file taken, in characters: far beyond any company's settings. */
export const MAX_PROVISIONING_CHARACTERS = 1_000_000;
