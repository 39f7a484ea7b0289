import type { IcsErrorCode } from './types';
import type { CalendarSourceError } from './view';

/**
 * A parse failure as a source error. ical.js quotes the offending line in its message, and in a
 * cut-off file that line may be a meeting title, so the quote is dropped: only the kind of fault
 * (e.g. `invalid line (no token ";" or ":")`) reaches the UI.
 */
export function sourceErrorOfParse(error: { code: IcsErrorCode; message: string }): CalendarSourceError {
  return { code: error.code, message: withoutQuotedLine(error.message) };
}

function withoutQuotedLine(message: string): string {
  const afterParenthesis = message.indexOf(') "');
  if (afterParenthesis >= 0) return message.slice(0, afterParenthesis + 1);
  const quote = message.indexOf(' "');
  return quote >= 0 && message.startsWith('The calendar could not be read') ? message.slice(0, quote) : message;
}
