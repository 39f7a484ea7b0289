import { z } from 'zod';

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'expected an E.164 number such as +46701234567');

export const AccountNumbersSchema = z
  .object({ landline: e164.nullable(), mobile: e164.nullable(), switchboard: e164.nullable() })
  .strict();
export type AccountNumbers = z.infer<typeof AccountNumbersSchema>;

export const SipAccountSchema = z
  .object({
    /** The PBX's SIP-over-WebSocket address, ws:// or wss://; empty until set up. */
    serverUrl: z.string().max(500),
    /** The user's address of record, e.g. sip:alice@example.com; empty until set up. */
    uri: z.string().max(300),
    /** Digest user name when it differs from the URI's user; empty means the URI's user. */
    authUser: z.string().max(100),
    displayName: z.string().max(100),
  })
  .strict();
export type SipAccount = z.infer<typeof SipAccountSchema>;

/** The same choices as the UI's languages (settings/schema imports this module, so they are repeated). */
export const AnnouncementLanguageSchema = z.enum(['sv', 'en']);

export const ColleagueSchema = z.object({ name: z.string().min(1).max(100), uri: z.string().min(1).max(300) }).strict();
export type Colleague = z.infer<typeof ColleagueSchema>;

export const AccountSchema = z
  .object({
    numbers: AccountNumbersSchema,
    addOns: z.object({ recording: z.boolean(), listenIn: z.boolean() }).strict(),
    sip: SipAccountSchema,
    /** Where "voicemail" forwards go: a SIP URI, an extension or an E.164 number; null when the PBX has none. */
    voicemail: z.string().max(300).nullable(),
    directory: z.array(ColleagueSchema).max(5000),
    /** The language callers hear announcements in; settings from before it existed announce in Swedish. */
    announcementLanguage: AnnouncementLanguageSchema.default('sv'),
  })
  .strict();
export type Account = z.infer<typeof AccountSchema>;

export function emptyAccount(): Account {
  return {
    numbers: { landline: null, mobile: null, switchboard: null },
    addOns: { recording: false, listenIn: false },
    sip: { serverUrl: '', uri: '', authUser: '', displayName: '' },
    voicemail: null,
    directory: [],
    announcementLanguage: 'sv',
  };
}
