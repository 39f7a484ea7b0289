import { z } from 'zod';
import { fail, ok, type AppError, type Result } from '../errors';
import { AccountPatchSchema } from '../ipc/contract';
import { LanguageSchema, type Settings } from '../settings/schema';
import { applyAccountPatch } from './patch';
import { WorkingHoursSchema } from '../time/workingHours';

/** What a company may roll out: the account, its SIP password, and a few defaults. */
export const ProvisioningSchema = z
  .object({
    account: AccountPatchSchema.extend({ password: z.string().max(200).optional() }).strict().optional(),
    ui: z.object({ language: LanguageSchema }).partial().strict().optional(),
    workingHours: WorkingHoursSchema.optional(),
    timeZone: z.string().max(64).optional(),
    reminderBeforeEndMinutes: z.number().int().min(0).max(240).optional(),
  })
  .strict();
export type Provisioning = z.infer<typeof ProvisioningSchema>;

/** Reads a provisioning file's text; every wrong field gets its own error, listed in `details`. */
export function parseProvisioning(text: string): Result<Provisioning> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return fail('provisioning-not-json', `The provisioning file is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ProvisioningSchema.safeParse(document);
  if (parsed.success) {
    if (parsed.data.timeZone !== undefined && !isKnownTimeZone(parsed.data.timeZone)) {
      return fail('provisioning-invalid', `Unknown time zone "${parsed.data.timeZone}".`, 'timeZone');
    }
    return ok(parsed.data);
  }
  const details: AppError[] = parsed.error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys] : issue.path;
    const field = path.join('.') || '(file)';
    const message = issue.code === 'unrecognized_keys' ? 'is not a setting this app knows' : issue.message;
    return { code: 'provisioning-invalid', field, message: `${field}: ${message}` };
  });
  return { ok: false, error: { ...details[0]!, message: `The provisioning file has ${details.length} error(s). ${details.map((detail) => detail.message).join('; ')}`, details } };
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
export function applyProvisioning(settings: Settings, provisioning: Provisioning): Result<{ settings: Settings; password: string | undefined }> {
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
