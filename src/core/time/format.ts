import type { Language } from '../i18n/language';
import { translate } from '../i18n/messages';
import { dateTimeFormat } from './dateFormat';

const locales: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

export function localeOf(language: Language): string {
  return locales[language];
}

function dayKey(epochMs: number, timeZone: string): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs);
}

/** "14:30" when the end is today, otherwise with the day: "mån 23 nov. 08:00". */
export function formatEndTime(until: number, now: number, language: Language, timeZone: string): string {
  const time: Intl.DateTimeFormatOptions = { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  const sameDay = dayKey(until, timeZone) === dayKey(now, timeZone);
  const options: Intl.DateTimeFormatOptions = sameDay ? time : { ...time, weekday: 'short', day: 'numeric', month: 'short' };
  return dateTimeFormat(localeOf(language), options).format(until);
}

const MINUTES_PER_DAY = 24 * 60;

/**
 * How long is left, rounded up to whole minutes: "45 min", "1 tim 05 min", and from a day on
 * whole days ("3 dagar"), rounded to the nearest, since minutes then say nothing.
 */
export function formatRemaining(until: number, now: number, language: Language): string {
  const minutes = Math.max(0, Math.ceil((until - now) / 60_000));
  if (minutes >= MINUTES_PER_DAY) return translate(language, 'time.left.days', { days: Math.round(minutes / MINUTES_PER_DAY) });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return translate(language, 'time.left.minutes', { minutes: rest });
  return translate(language, 'time.left.hoursMinutes', { hours, minutes: String(rest).padStart(2, '0') });
}
