import type { SourceWarningCode } from '../../core/calendar/view';
import type { MessageKey } from '../../core/i18n/messages';
import type { Language } from '../../core/i18n/language';
import { dateTimeFormat } from '../../core/time/dateFormat';
import { localeOf } from '../../core/time/format';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

function dayKey(epochMs: number, timeZone: string): string {
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(epochMs);
}

function isMidnight(epochMs: number, timeZone: string): boolean {
  return dateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(epochMs) === '00:00';
}

/**
 * "14:00–15:00" today, "ons 16 apr. 14:00–15:00" another day, "ons 16 apr. hela dagen" for an
 * all-day event, and "mån 13 juli – fre 31 juli" for days on end.
 */
export function formatRange(start: number, end: number, now: number, language: Language, timeZone: string, t: Translate): string {
  const locale = localeOf(language);
  const time = dateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = dateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short' });
  if (isMidnight(start, timeZone) && isMidnight(end, timeZone) && end > start) {
    const lastDay = end - 1;
    if (dayKey(start, timeZone) === dayKey(lastDay, timeZone)) return t('calendar.upcoming.allDay', { day: day.format(start) });
    return `${day.format(start)} – ${day.format(lastDay)}`;
  }
  const sameDay = dayKey(start, timeZone) === dayKey(end, timeZone);
  const prefix = dayKey(start, timeZone) === dayKey(now, timeZone) ? '' : `${day.format(start)} `;
  if (sameDay) return `${prefix}${time.format(start)}–${time.format(end)}`;
  return `${prefix}${time.format(start)} – ${day.format(end)} ${time.format(end)}`;
}

export function warningText(code: SourceWarningCode, count: number, t: Translate): string {
  return t(`calendar.warning.${code}`, { count });
}
