import { z } from 'zod';
import { boundedInteger } from '../bounds';
import { fromAbsolute, type ZonedDateTime } from '@internationalized/date';

/** A time of day as HH:MM, 00:00–23:59. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
export const TimeOfDaySchema = z.string().regex(TIME_OF_DAY, 'expected HH:MM');

export const WorkingHoursSchema = z
  .object({
    start: TimeOfDaySchema,
    end: TimeOfDaySchema,
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    days: z
      .array(boundedInteger(1, 7))
      .min(1)
      .max(7)
      .refine((days) => new Set(days).size === days.length, { message: 'a day is named twice', params: { bound: 'out-of-bounds' } }),
  })
  .strict();
export type WorkingHours = z.infer<typeof WorkingHoursSchema>;

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '08:00', end: '17:00', days: [1, 2, 3, 4, 5] };

export interface TimeContext {
  timeZone: string;
  workingHours: WorkingHours;
}

export function isoWeekday(date: ZonedDateTime): number {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function atTimeOfDay(date: ZonedDateTime, hhmm: string): ZonedDateTime {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  return date.set({ hour, minute, second: 0, millisecond: 0 });
}

export function zoned(epochMs: number, timeZone: string): ZonedDateTime {
  return fromAbsolute(epochMs, timeZone);
}

export function isWorkingDay(date: ZonedDateTime, hours: WorkingHours): boolean {
  return hours.days.includes(isoWeekday(date));
}

/** The first working day strictly after `date`'s day. */
export function nextWorkingDay(date: ZonedDateTime, hours: WorkingHours): ZonedDateTime {
  let day = date.add({ days: 1 });
  while (!isWorkingDay(day, hours)) day = day.add({ days: 1 });
  return day;
}
