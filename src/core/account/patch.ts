import { z } from 'zod';
import { plainText } from '../bounds';
import { describeInput } from '../describeInput';
import { fail, ok, type AppError, type Result } from '../errors';
import { normalizeDialString, normalizeToE164 } from '../phone/numbers/phoneNumber';
import { parseSipAddress } from '../phone/numbers/sipAddress';
import {
  type Account,
  AnnouncementLanguageSchema,
  CallerIdPolicySchema,
  ColleagueSchema,
  MAX_PRIORITY_CONTACTS,
  NUMBER_KINDS,
  PresenceLifetimeSchema,
  PriorityContactInputSchema,
  SipAccountSchema,
} from './model';
import { applyPriorityAccess } from './priorityAccess';

/** A number as the user typed it; main normalises it to E.164 or refuses it. null clears it. */
const typedNumber = z.string().max(40).nullable();

export const AccountPatchSchema = z
  .object({
    numbers: z.object({ landline: typedNumber, mobile: typedNumber, switchboard: typedNumber }).partial().strict().optional(),
    addOns: z.object({ recording: z.boolean(), listenIn: z.boolean() }).partial().strict().optional(),
    supervisor: z.boolean().optional(),
    sip: SipAccountSchema.partial().optional(),
    voicemail: plainText(300).nullable().optional(),
    directory: z.array(ColleagueSchema).max(5000).optional(),
    callerIdPolicy: CallerIdPolicySchema.partial().optional(),
    announcementLanguage: AnnouncementLanguageSchema.optional(),
    presenceLifetimeSeconds: PresenceLifetimeSchema.optional(),
    /** The whole list; colleagues by their directory address, numbers as typed. Bounded loosely, so a long list gets its own error. */
    priorityAccess: z
      .array(PriorityContactInputSchema)
      .max(MAX_PRIORITY_CONTACTS * 2)
      .optional(),
  })
  .strict();
export type AccountPatch = z.infer<typeof AccountPatchSchema>;

function checkServerUrl(url: string): AppError | null {
  if (url === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { code: 'sip-server-invalid', field: 'sip.serverUrl', message: `${describeInput(url)} is not a web address.` };
  }
  if (parsed.protocol !== 'wss:' && parsed.protocol !== 'ws:') {
    return {
      code: 'sip-server-not-websocket',
      field: 'sip.serverUrl',
      message: `The SIP server must be a WebSocket address (wss:// or ws://), not "${parsed.protocol}".`,
    };
  }
  return null;
}

/**
 * Applies a change to the account, normalising typed numbers to E.164. Every wrong field is
 * reported; the account changes only when all are right.
 */
export function applyAccountPatch(account: Account, patch: AccountPatch): Result<Account> {
  const errors: AppError[] = [];
  const numbers = { ...account.numbers };
  for (const kind of NUMBER_KINDS) {
    const typed = patch.numbers?.[kind];
    if (typed === undefined) continue;
    if (typed === null || typed.trim() === '') {
      numbers[kind] = null;
      continue;
    }
    const normalised = normalizeToE164(typed);
    if (normalised.ok) numbers[kind] = normalised.value;
    else errors.push({ ...normalised.error, field: `numbers.${kind}` });
  }

  const sip = { ...account.sip, ...patch.sip };
  const serverError = checkServerUrl(sip.serverUrl.trim());
  if (serverError) errors.push(serverError);
  if (sip.uri.trim() !== '') {
    const uri = parseSipAddress(sip.uri);
    if (uri.ok) sip.uri = uri.value;
    else errors.push({ ...uri.error, code: 'sip-uri-invalid', field: 'sip.uri' });
  }

  const directory = patch.directory ?? account.directory;
  directory.forEach((colleague, index) => {
    if (!parseSipAddress(colleague.uri).ok) {
      errors.push({
        code: 'colleague-uri-invalid',
        field: `directory.${index}.uri`,
        message: `${describeInput(colleague.uri)} is not a SIP address.`,
      });
    }
  });

  // Voicemail is dialled like any other target, so it must be one: a number, an extension or a SIP address.
  const voicemail = patch.voicemail === undefined ? account.voicemail : patch.voicemail?.trim() || null;
  if (patch.voicemail !== undefined && voicemail !== null) {
    const target = normalizeDialString(voicemail);
    if (!target.ok)
      errors.push({
        code: 'voicemail-invalid',
        field: 'voicemail',
        message: `The voicemail address ${describeInput(voicemail)} cannot be called: ${target.error.message}`,
      });
  }

  const priority = patch.priorityAccess === undefined ? null : applyPriorityAccess(account.priorityAccess, patch.priorityAccess, directory);
  if (priority) errors.push(...priority.errors);

  const [first] = errors;
  if (first) {
    const result = fail<Account>(first.code, first.message, first.field);
    if (!result.ok && errors.length > 1) result.error.details = errors;
    return result;
  }
  return ok({
    numbers,
    addOns: { ...account.addOns, ...patch.addOns },
    supervisor: patch.supervisor ?? account.supervisor,
    sip: { ...sip, serverUrl: sip.serverUrl.trim() },
    voicemail,
    directory,
    callerIdPolicy: { ...account.callerIdPolicy, ...patch.callerIdPolicy },
    announcementLanguage: patch.announcementLanguage ?? account.announcementLanguage,
    presenceLifetimeSeconds: patch.presenceLifetimeSeconds ?? account.presenceLifetimeSeconds,
    priorityAccess: priority?.list ?? account.priorityAccess,
  });
}
