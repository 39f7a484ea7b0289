import type { Language } from '../i18n/language';
import { dateTimeFormat } from '../time/dateFormat';
import { localeOf } from '../time/format';
import type { CallHistoryEntry } from './history';

/** Seconds the call was connected; null when nobody answered it (an announcement included). */
export function connectedSeconds(entry: Pick<CallHistoryEntry, 'answeredAt' | 'endedAt'>): number | null {
  if (entry.answeredAt === null) return null;
  return Math.max(0, Math.floor((entry.endedAt - entry.answeredAt) / 1000));
}

/** "0:42", "12:05", "1:02:05": as phones show a call's length. */
export function formatCallDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** The year `at` falls in, in `timeZone` ("2026"): all a call's start needs to know of the present. */
export function calendarYear(at: number, timeZone: string): string {
  return dateTimeFormat('en', { timeZone, year: 'numeric' }).format(at);
}

/** When a call began, always with its date ("2 dec. 14:30"), and the year when it is not `currentYear`. */
export function formatCallStart(at: number, currentYear: string, language: Language, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  return dateTimeFormat(localeOf(language), calendarYear(at, timeZone) === currentYear ? options : { ...options, year: 'numeric' }).format(
    at,
  );
}
