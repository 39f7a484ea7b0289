import type { ZonedDateTime } from '@internationalized/date';
import { atTimeOfDay, isWorkingDay, zoned, type TimeContext } from '../time/workingHours';
import type { AmbientClaim } from './claims';
import { isSwedishPublicHoliday } from './holidays';
import type { WorkScheduleSettings } from './settings';

/** A year and a little: longer than any run of days off a schedule can have. */
const SEARCH_DAYS = 400;

interface Period {
  start: number;
  end: number;
}

function at(day: ZonedDateTime, hhmm: string): number {
  return atTimeOfDay(day, hhmm).toDate().getTime();
}

/** The working period of a day: a working weekday that is no public holiday, from start to end. */
function workOn(day: ZonedDateTime, context: TimeContext): Period | null {
  const hours = context.workingHours;
  if (!isWorkingDay(day, hours) || isSwedishPublicHoliday(day)) return null;
  const period = { start: at(day, hours.start), end: at(day, hours.end) };
  return period.end > period.start ? period : null;
}

function nearestWork(from: ZonedDateTime, step: 1 | -1, context: TimeContext): Period | null {
  let day = from;
  for (let count = 0; count < SEARCH_DAYS; count += 1) {
    day = day.add({ days: step });
    const period = workOn(day, context);
    if (period) return period;
  }
  return null;
}

function lunchClaim(schedule: WorkScheduleSettings, day: ZonedDateTime, now: number): AmbientClaim | null {
  const { lunch } = schedule;
  if (!lunch.enabled) return null;
  const start = at(day, lunch.start);
  const end = at(day, lunch.end);
  return now >= start && now < end ? { by: 'schedule', profileId: lunch.profileId, start, end } : null;
}

/**
 * What the work schedule wants at `now`, in the user's time zone: the off-work profile from the end
 * of one working day until the start of the next (weekends and Swedish public holidays skipped),
 * the lunch profile in the lunch window, and nothing during working hours.
 */
export function scheduleClaimAt(schedule: WorkScheduleSettings, context: TimeContext, now: number): AmbientClaim | null {
  if (!schedule.enabled) return null;
  const today = zoned(now, context.timeZone).set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
  const work = workOn(today, context);
  if (work && now >= work.start && now < work.end) return lunchClaim(schedule, today, now);
  const previous = work && now >= work.end ? work : nearestWork(today, -1, context);
  const next = work && now < work.start ? work : nearestWork(today, 1, context);
  if (!previous || !next) return null;
  return { by: 'schedule', profileId: schedule.offProfileId, start: previous.end, end: next.start };
}

/** The next moment the schedule's wish changes, for the timer; null when it never will. */
export function nextScheduleChange(schedule: WorkScheduleSettings, context: TimeContext, now: number): number | null {
  if (!schedule.enabled) return null;
  const claim = scheduleClaimAt(schedule, context, now);
  if (claim) return claim.end;
  const today = zoned(now, context.timeZone).set({ hour: 12, minute: 0, second: 0, millisecond: 0 });
  const work = workOn(today, context);
  if (!work) return null;
  const lunchStart = schedule.lunch.enabled ? at(today, schedule.lunch.start) : Number.POSITIVE_INFINITY;
  return lunchStart > now && lunchStart < work.end ? lunchStart : work.end;
}
