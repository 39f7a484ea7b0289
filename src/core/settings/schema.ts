import { z } from 'zod';
import { AccountSchema, emptyAccount } from '../account/model';
import { boundedInteger, plainText } from '../bounds';
import { LanguageSchema } from '../i18n/language';
import { AutomationSettingsSchema, defaultAutomationSettings } from '../automation/settings';
import { CalendarSettingsSchema, defaultCalendarSettings } from '../calendar/settings';
import { ActivationSchema } from '../profiles/activationRecord';
import { ProfileSchema } from '../profiles/model';
import { defaultProfiles, BASE_PROFILE_ID } from '../profiles/defaults';
import { DEFAULT_WORKING_HOURS, WorkingHoursSchema } from '../time/workingHours';

/** Days a recording is kept before it is deleted on its own; null keeps it until the user deletes it. */
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

export const SETTINGS_VERSION = 3;
export const DEFAULT_REMINDER_MINUTES = 5;

export const SettingsSchema = z
  .object({
    schemaVersion: z.literal(SETTINGS_VERSION),
    profiles: z.array(ProfileSchema).min(1),
    active: ActivationSchema,
    account: AccountSchema,
    ui: z
      .object({
        language: LanguageSchema,
        showProfileNumbers: z.boolean(),
        /** JsSIP's debug lines go to the log file; off unless the user turns it on. */
        sipTrace: z.boolean().optional(),
        /** Notifications wait while a call is in progress and are shown after it; absent in older files: off. */
        holdNotificationsInCall: z.boolean().default(false),
      })
      .strict(),
    /** IANA zone for working hours and end times; null follows the system. */
    timeZone: plainText(64).nullable(),
    workingHours: WorkingHoursSchema,
    /** How long before a timed profile ends the user is reminded; 0 turns the reminder off. */
    reminderBeforeEndMinutes: z.number().int().min(0).max(240),
    calendar: CalendarSettingsSchema,
    /** The work schedule and away when idle or locked; files written before them get the defaults (both off). */
    automation: AutomationSettingsSchema.default(defaultAutomationSettings),
    /** How long call recordings are kept; files written before it keep them until deleted. */
    recordings: z
      .object({ retentionDays: boundedInteger(MIN_RETENTION_DAYS, MAX_RETENTION_DAYS).nullable() })
      .strict()
      .default({ retentionDays: null }),
  })
  .strict()
  .superRefine((settings, context) => {
    if (!settings.profiles.some((profile) => profile.id === BASE_PROFILE_ID)) {
      context.addIssue({ code: 'custom', path: ['profiles'], message: 'the base profile is missing' });
    }
    if (!settings.profiles.some((profile) => profile.id === settings.active.profileId)) {
      context.addIssue({ code: 'custom', path: ['active', 'profileId'], message: 'the active profile does not exist' });
    }
  });
export type Settings = z.infer<typeof SettingsSchema>;

export function defaultSettings(now: number): Settings {
  return {
    schemaVersion: SETTINGS_VERSION,
    profiles: defaultProfiles(),
    active: { profileId: BASE_PROFILE_ID, since: now, until: null, temporaryMessage: null },
    account: emptyAccount(),
    ui: { language: 'sv', showProfileNumbers: false, holdNotificationsInCall: false },
    timeZone: null,
    workingHours: DEFAULT_WORKING_HOURS,
    reminderBeforeEndMinutes: DEFAULT_REMINDER_MINUTES,
    calendar: defaultCalendarSettings(),
    automation: defaultAutomationSettings(),
    recordings: { retentionDays: null },
  };
}
