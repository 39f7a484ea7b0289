import { atTimeOfDay, zoned, type TimeContext } from './workingHours';
import { endForLength } from './lengths';

/** The lengths offered beside every profile in the switcher and the tray. */
export const QUICK_LENGTH_IDS = ['30min', '1h', '2h', 'endOfWorkingDay', 'tomorrow0800'] as const;
export type QuickLengthId = (typeof QUICK_LENGTH_IDS)[number];

/** What a quick length means once it is resolved: minutes from now, or an end (epoch ms). */
export type ResolvedQuickLength = { kind: 'minutes'; minutes: number } | { kind: 'until'; until: number };

/** Resolved at the moment of activation, so a menu built hours ago still means "from now". */
export function resolveQuickLength(quick: QuickLengthId, now: number, context: TimeContext): ResolvedQuickLength {
  switch (quick) {
    case '30min':
      return { kind: 'minutes', minutes: 30 };
    case '1h':
      return { kind: 'minutes', minutes: 60 };
    case '2h':
      return { kind: 'minutes', minutes: 120 };
    case 'endOfWorkingDay':
      return { kind: 'until', until: endForLength({ kind: 'endOfWorkingDay' }, now, context) ?? now };
    case 'tomorrow0800':
      return {
        kind: 'until',
        until: atTimeOfDay(zoned(now, context.timeZone).add({ days: 1 }), '08:00')
          .toDate()
          .getTime(),
      };
  }
}
