import type { CalendarSourceError, SourceWarningCode } from '../../../core/calendar/view';
import { refusalMessage } from '../../../core/i18n/contractMessages';
import type { AppError } from '../../../core/errors';
import type { MessageKey } from '../../../core/i18n/messages';
import type { Language } from '../../../core/i18n/language';
import { dateTimeFormat } from '../../../core/time/dateFormat';
import { localeOf } from '../../../core/time/format';

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

function formatBytes(bytes: number, language: Language): string {
  const mebibytes = bytes / (1024 * 1024);
  const number = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 });
  return mebibytes >= 1 ? `${number.format(mebibytes)} MB` : `${number.format(bytes / 1024)} kB`;
}

/** The library's own wording after the code's, e.g. `invalid line (no token ";" or ":")`; already stripped of any quoted line. */
function detailOf(error: CalendarSourceError): string {
  const colon = error.message.indexOf(': ');
  const parenthesis = error.message.lastIndexOf('(');
  if (error.code === 'ics-malformed' && colon >= 0) return error.message.slice(colon + 2);
  if (parenthesis >= 0) return error.message.slice(parenthesis + 1).replace(/\)$/, '');
  return error.message;
}

export function sourceErrorText(error: CalendarSourceError, language: Language, t: Translate): string {
  switch (error.code) {
    case 'ics-too-large':
      return t('calendar.error.ics-too-large', { size: formatBytes(error.maxBytes ?? 0, language) });
    case 'feed-timeout':
      return t('calendar.error.feed-timeout', { seconds: Math.round((error.timeoutMs ?? 0) / 100) / 10 });
    case 'feed-too-many-redirects':
      return t('calendar.error.feed-too-many-redirects', { count: error.maxRedirects ?? '?' });
    case 'feed-http-status':
      return t('calendar.error.feed-http-status', { status: error.httpStatus ?? '?' });
    case 'ics-malformed':
    case 'file-unreadable':
    case 'feed-unreachable':
    case 'caldav-unreachable':
      return t(`calendar.error.${error.code}`, { detail: detailOf(error) });
    default:
      return t(`calendar.error.${error.code}`);
  }
}

export function warningText(code: SourceWarningCode, count: number, t: Translate): string {
  return t(`calendar.warning.${code}`, { count });
}

const ADD_ERRORS = new Set([
  'source-empty',
  'source-too-long',
  'url-invalid',
  'url-not-https',
  'url-credentials',
  'path-not-absolute',
  'source-duplicate',
  'source-limit',
]);

/** Why a calendar was not added: the field's own text, or the file's reason (missing, not a file, not a calendar…). */
export function addErrorText(error: AppError, t: Translate, language: Language): string {
  if (ADD_ERRORS.has(error.code)) return t(`calendar.addError.${error.code}` as MessageKey);
  if (isFileError(error)) return sourceErrorText(error, language, t);
  return t('calendar.error.generic', { message: refusalMessage(error, t) });
}

function isFileError(error: AppError): error is AppError & CalendarSourceError {
  return error.code.startsWith('file-') || error.code.startsWith('ics-');
}

const CALDAV_FORM_ERRORS = new Set([
  'caldav-server-empty',
  'url-not-https',
  'url-credentials',
  'caldav-username-empty',
  'caldav-username-too-long',
  'caldav-password-empty',
  'caldav-password-too-long',
]);

/** A refusal of the CalDAV form: a field's own text, or what the server said, worded as at a source. */
export function caldavErrorText(error: AppError, language: Language, t: Translate): string {
  if (CALDAV_FORM_ERRORS.has(error.code)) return t(`calendar.caldavError.${error.code}` as MessageKey);
  if (ADD_ERRORS.has(error.code)) return t(`calendar.addError.${error.code}` as MessageKey);
  if (isSourceError(error)) return sourceErrorText(error, language, t);
  return t('calendar.error.generic', { message: refusalMessage(error, t) });
}

function isSourceError(error: AppError): error is AppError & CalendarSourceError {
  return error.code.startsWith('caldav-') || error.code.startsWith('feed-') || error.code === 'ics-too-large';
}
