import type { DefaultLength } from '../profiles/model';
import { atTimeOfDay, isWorkingDay, nextWorkingDay, zoned, type TimeContext } from './workingHours';

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
      return (candidate.toDate().getTime() > now ? candidate : atTimeOfDay(today.add({ days: 1 }), length.time))
        .toDate()
        .getTime();
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
