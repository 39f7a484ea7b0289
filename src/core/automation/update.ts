import { z } from 'zod';
import { fail, ok, type Result } from '../errors';
import { TIME_OF_DAY, WorkingHoursSchema, type WorkingHours } from '../time/workingHours';
import { IDLE_MINUTES_MAX, IDLE_MINUTES_MIN, type AutomationSettings } from './settings';

const loose = z.string().max(20);

/** What the Automatik form sends: checked loosely here, so each wrong field gets its own error from `applyAutomation`. */
export const AutomationUpdateSchema = z
  .object({
    workingHours: z.object({ start: loose, end: loose, days: z.array(z.number().int()).max(7) }).strict(),
    schedule: z
      .object({
        enabled: z.boolean(),
        offProfileId: loose,
        lunch: z.object({ enabled: z.boolean(), start: loose, end: loose, profileId: loose }).strict(),
      })
      .strict(),
    away: z.object({ enabled: z.boolean(), idleMinutes: z.number(), onLock: z.boolean(), profileId: loose }).strict(),
  })
  .strict();
export type AutomationUpdate = z.infer<typeof AutomationUpdateSchema>;

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function checkTimes(update: AutomationUpdate): Result<null> {
  const { workingHours: hours, schedule } = update;
  const times: [string, string][] = [
    ['workingHours.start', hours.start],
    ['workingHours.end', hours.end],
    ['schedule.lunch.start', schedule.lunch.start],
    ['schedule.lunch.end', schedule.lunch.end],
  ];
  for (const [field, value] of times)
    if (!TIME_OF_DAY.test(value)) return fail('time-invalid', `${field} must be a time of day as HH:MM.`, field);
  if (minutesOf(hours.end) <= minutesOf(hours.start))
    return fail('working-hours-order', 'The working day must end after it starts.', 'workingHours.end');
  if (!schedule.lunch.enabled) return ok(null);
  if (minutesOf(schedule.lunch.end) <= minutesOf(schedule.lunch.start))
    return fail('lunch-order', 'Lunch must end after it starts.', 'schedule.lunch.end');
  if (minutesOf(schedule.lunch.start) < minutesOf(hours.start) || minutesOf(schedule.lunch.end) > minutesOf(hours.end)) {
    return fail('lunch-outside-working-hours', 'Lunch must lie within the working hours.', 'schedule.lunch.start');
  }
  return ok(null);
}

/** The part of the settings the Automatik form changes, and the profiles it may name. */
interface AutomationSlice {
  profiles: readonly { id: string }[];
  workingHours: WorkingHours;
  automation: AutomationSettings;
}

/** Working hours and the automatic sources from the form, whole or not at all. */
export function applyAutomation<S extends AutomationSlice>(settings: S, update: AutomationUpdate): Result<S> {
  const days = WorkingHoursSchema.shape.days.safeParse(update.workingHours.days);
  if (!days.success)
    return fail('working-days-invalid', 'Choose at least one working day, each once (1 = Monday … 7 = Sunday).', 'workingHours.days');
  const times = checkTimes(update);
  if (!times.ok) return times;
  const { away, schedule } = update;
  if (!Number.isInteger(away.idleMinutes) || away.idleMinutes < IDLE_MINUTES_MIN || away.idleMinutes > IDLE_MINUTES_MAX) {
    return fail(
      'idle-minutes-out-of-range',
      `The idle time must be a whole number of minutes from ${IDLE_MINUTES_MIN} to ${IDLE_MINUTES_MAX}.`,
      'away.idleMinutes',
    );
  }
  const profileFields: [string, string][] = [
    ['schedule.offProfileId', schedule.offProfileId],
    ['schedule.lunch.profileId', schedule.lunch.profileId],
    ['away.profileId', away.profileId],
  ];
  for (const [field, profileId] of profileFields) {
    if (!settings.profiles.some((profile) => profile.id === profileId))
      return fail('profile-not-found', `${field} names no profile.`, field);
  }
  const workingHours: WorkingHours = {
    start: update.workingHours.start,
    end: update.workingHours.end,
    days: [...days.data].sort((a, b) => a - b),
  };
  const automation: AutomationSettings = { schedule, away };
  return ok({ ...settings, workingHours, automation });
}
