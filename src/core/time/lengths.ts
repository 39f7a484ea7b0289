import { z } from 'zod';
import { boundedInteger, HORIZON_DAYS, HORIZON_MINUTES } from '../bounds';
import { atTimeOfDay, isWorkingDay, nextWorkingDay, TimeOfDaySchema, zoned, type TimeContext } from './workingHours';

/** How long a profile lasts when it is chosen without a length of its own. */
export const DefaultLengthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('untilChanged') }).strict(),
  z.object({ kind: z.literal('minutes'), minutes: boundedInteger(-HORIZON_MINUTES, HORIZON_MINUTES) }).strict(),
  z.object({ kind: z.literal('untilTimeOfDay'), time: TimeOfDaySchema }).strict(),
  z.object({ kind: z.literal('endOfWorkingDay') }).strict(),
  z.object({ kind: z.literal('nextWorkingDayStart') }).strict(),
  z.object({ kind: z.literal('days'), days: boundedInteger(-HORIZON_DAYS, HORIZON_DAYS) }).strict(),
]);
export type DefaultLength = z.infer<typeof DefaultLengthSchema>;

/** When a profile chosen at `now` with this length ends, as epoch ms; null means "until changed". */
export function endForLength(length: DefaultLength, now: number, context: TimeContext): number | null {
  const today = zoned(now, context.timeZone);
  const { workingHours } = context;
  switch (length.kind) {
    case 'untilChanged':
      return null;
    case 'minutes':
      return now + length.minutes * 60_000;
    case 'untilTimeOfDay': {
      const candidate = atTimeOfDay(today, length.time);
      return (candidate.toDate().getTime() > now ? candidate : atTimeOfDay(today.add({ days: 1 }), length.time)).toDate().getTime();
    }
    case 'endOfWorkingDay': {
      const todayEnd = atTimeOfDay(today, workingHours.end);
      if (isWorkingDay(today, workingHours) && todayEnd.toDate().getTime() > now) return todayEnd.toDate().getTime();
      return atTimeOfDay(nextWorkingDay(today, workingHours), workingHours.end).toDate().getTime();
    }
    case 'nextWorkingDayStart':
      return atTimeOfDay(nextWorkingDay(today, workingHours), workingHours.start).toDate().getTime();
    case 'days': {
      let day = today.add({ days: length.days });
      if (!isWorkingDay(day, workingHours)) day = nextWorkingDay(day, workingHours);
      return atTimeOfDay(day, workingHours.start).toDate().getTime();
    }
  }
}
