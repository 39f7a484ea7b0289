import { z } from 'zod';
import { boundedInteger, identifier } from '../bounds';
import { TimeOfDaySchema } from '../time/workingHours';

export const IDLE_MINUTES_MIN = 1;
export const IDLE_MINUTES_MAX = 240;

/** The working hours switch profiles by themselves: off work, and at lunch. Off until the user turns it on. */
export const WorkScheduleSettingsSchema = z
  .object({
    enabled: z.boolean(),
    /** From the end of the working day until the next working day's start. */
    offProfileId: identifier(64),
    lunch: z.object({ enabled: z.boolean(), start: TimeOfDaySchema, end: TimeOfDaySchema, profileId: identifier(64) }).strict(),
  })
  .strict();
export type WorkScheduleSettings = z.infer<typeof WorkScheduleSettingsSchema>;

/** Away when the computer is idle or locked, and back when the user returns. Off until the user turns it on. */
export const AwaySettingsSchema = z
  .object({
    enabled: z.boolean(),
    idleMinutes: boundedInteger(IDLE_MINUTES_MIN, IDLE_MINUTES_MAX),
    /** At once when the screen locks (or the computer sleeps), without waiting for the idle minutes. */
    onLock: z.boolean(),
    profileId: identifier(64),
  })
  .strict();
export type AwaySettings = z.infer<typeof AwaySettingsSchema>;

export function defaultAutomationSettings(): AutomationSettings {
  return {
    schedule: {
      enabled: false,
      offProfileId: 'left-for-the-day',
      lunch: { enabled: false, start: '12:00', end: '13:00', profileId: 'lunch' },
    },
    away: { enabled: false, idleMinutes: 10, onLock: true, profileId: 'temporarily-out' },
  };
}

export const AutomationSettingsSchema = z.object({ schedule: WorkScheduleSettingsSchema, away: AwaySettingsSchema }).strict();
export type AutomationSettings = z.infer<typeof AutomationSettingsSchema>;
