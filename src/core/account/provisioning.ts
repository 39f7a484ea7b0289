import { z } from 'zod';
import { plainText } from '../bounds';
import { cutText, describeInput, issueCode } from '../describeInput';
import { fail, ok, type AppError, type Result } from '../errors';
import { LanguageSchema } from '../i18n/language';
import { AccountPatchSchema, applyAccountPatch } from './patch';
import { WorkingHoursSchema, type WorkingHours } from '../time/workingHours';
import type { Account } from './model';
import { MAX_NESTING_DEPTH, nestedTooDeep } from '../nesting';

/** What a company may roll out: the account, its SIP password, and a few defaults. */
export const ProvisioningSchema = z
  .object({
    account: AccountPatchSchema.extend({ password: z.string().max(200).optional() })
      .strict()
      .optional(),
    ui: z.object({ language: LanguageSchema }).partial().strict().optional(),
    workingHours: WorkingHoursSchema.optional(),
    timeZone: plainText(64).optional(),
    reminderBeforeEndMinutes: z.number().int().min(0).max(240).optional(),
  })
  .strict();
export type Provisioning = z.infer<typeof ProvisioningSchema>;

const MAX_DETAILS = 50;
const FIELD_SEGMENT_LENGTH = 40;
const DETAIL_LENGTH = 160;

/** Reads a provisioning file's text; every wrong field gets its own error, listed in `details`. */
export function parseProvisioning(text: string): Result<Provisioning> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return fail('provisioning-not-json', `The provisioning file is not valid JSON: ${(error as Error).message}`);
  }
  if (nestedTooDeep(document))
    return fail('provisioning-invalid', `The provisioning file nests values deeper than ${MAX_NESTING_DEPTH} levels.`);
  const parsed = ProvisioningSchema.safeParse(document);
  if (parsed.success) {
    if (parsed.data.timeZone !== undefined && !isKnownTimeZone(parsed.data.timeZone)) {
      return fail('provisioning-invalid', `Unknown time zone ${describeInput(parsed.data.timeZone)}.`, 'timeZone');
    }
    return ok(parsed.data);
  }
  const details: AppError[] = parsed.error.issues.slice(0, MAX_DETAILS).map((issue) => {
    // A key may be anything the file holds: each is cut before it is named.
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys] : issue.path;
    const field = path.map((segment) => cutText(String(segment), FIELD_SEGMENT_LENGTH)).join('.') || '(file)';
    const message = issue.code === 'unrecognized_keys' ? 'is not a setting this app knows' : issue.message;
    return {
      code: issue.code === 'unrecognized_keys' ? 'provisioning-unknown-setting' : issueCode(issue, 'provisioning-invalid'),
      field,
      message: cutText(`${field}: ${message}`, DETAIL_LENGTH),
    };
  });
  const count = parsed.error.issues.length;
  return {
    ok: false,
    error: {
      ...details[0]!,
      code: 'provisioning-invalid',
      message: `The provisioning file has ${count} error(s). ${details
        .slice(0, 3)
        .map((detail) => detail.message)
        .join('; ')}`,
      details,
    },
  };
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The settings a provisioning file makes, and the password it carries; all of it or, on any error, none. */
/** The part of the settings a provisioning file may set. */
interface ProvisionedSlice {
  account: Account;
  ui: object;
  workingHours: WorkingHours;
  timeZone: string | null;
  reminderBeforeEndMinutes: number;
}

export function applyProvisioning<S extends ProvisionedSlice>(
  settings: S,
  provisioning: Provisioning,
): Result<{ settings: S; password: string | undefined }> {
  const { account, ui, workingHours, timeZone, reminderBeforeEndMinutes } = provisioning;
  const { password, ...accountPatch } = account ?? {};
  const nextAccount = applyAccountPatch(settings.account, accountPatch);
  if (!nextAccount.ok) return nextAccount;
  return ok({
    settings: {
      ...settings,
      account: nextAccount.value,
      ui: { ...settings.ui, ...ui },
      workingHours: workingHours ?? settings.workingHours,
      timeZone: timeZone ?? settings.timeZone,
      reminderBeforeEndMinutes: reminderBeforeEndMinutes ?? settings.reminderBeforeEndMinutes,
    },
    password,
  });
}
