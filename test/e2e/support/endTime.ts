// A profile's end as the app writes it, computed by the app's own functions: "till 14:30" the same
// day, but "till tors 3 dec. 00:30" (or, spoken, "till i morgon 00:30") once the end falls after
// midnight. So the expectations hold at any time of day.
import { endPhrase } from '../../../src/core/phone/announcement';
import type { Language } from '../../../src/core/i18n/language';
import { formatEndTime } from '../../../src/core/time/format';

/** The time zone the browser shells run in (shellProcess.ts). */
export const SHELL_TIME_ZONE = 'Europe/Stockholm';

/** "14:30", or "tors 3 dec. 00:30" for another day: the end as the views and the tray show it when the app's clock says `now`. */
export function shownEnd(until: number, now: number, language: Language = 'sv'): string {
  return formatEndTime(until, now, language, SHELL_TIME_ZONE);
}

/** "till 14:30", "till i morgon 00:30": the end as an announcement says it. */
export function spokenEnd(until: number, now: number, language: Language = 'sv'): string {
  return endPhrase(until, now, language, SHELL_TIME_ZONE);
}

/**
 * Matches the whole text `write(until, now)` for any of the ends and moments given: a test knows
 * the moment a click took effect, and so its end, only between two readings of the clock.
 */
export function anyWritten(untils: readonly number[], nows: readonly number[], write: (until: number, now: number) => string): RegExp {
  const texts = new Set(untils.flatMap((until) => nows.map((now) => write(until, now))));
  const escaped = [...texts].map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(${escaped.join('|')})$`);
}
