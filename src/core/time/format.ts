import type { Language } from '../i18n/language';
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

/** "1 h 05 min" style remaining time, rounded up to whole minutes. */
export function formatRemaining(until: number, now: number, language: Language): string {
  const minutes = Math.max(0, Math.ceil((until - now) / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = language === 'sv' ? { h: 'tim', min: 'min' } : { h: 'h', min: 'min' };
  if (hours === 0) return `${rest} ${unit.min}`;
  return `${hours} ${unit.h} ${String(rest).padStart(2, '0')} ${unit.min}`;
}
