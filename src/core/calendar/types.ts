/**
 * The calendar domain as plain data. A ParsedCalendar holds no ical.js objects, so it can be
 * cached, compared and sent between processes; ical.js is used again only while expanding.
 */

/** A date and time as written in the file, before any time zone is applied. */
export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type TimeZoneRef =
  | { kind: 'utc' }
  /** No zone in the file: read in the user's zone when expanding. All-day dates are floating too. */
  | { kind: 'floating' }
  /** An IANA name, either written so in the file or mapped from a Windows zone name. */
  | { kind: 'iana'; name: string }
  /** Defined by a VTIMEZONE in the same file; its definition is in `ParsedCalendar.vtimezones`. */
  | { kind: 'vtimezone'; tzid: string };

export interface CalendarTime {
  wall: WallClock;
  /** A DATE value: the whole day, midnight to midnight in the user's zone. */
  allDay: boolean;
  zone: TimeZoneRef;
}

export type EventEnd =
  /** Calendar days first (so a day stays a day across DST), then an exact number of milliseconds. */
  | { kind: 'duration'; days: number; ms: number }
  /** A DATE-TIME DTEND: every instance lasts exactly as long as DTEND − DTSTART (RFC 5545 §3.8.5.3). */
  | { kind: 'at'; time: CalendarTime };

export interface RecurrenceDate {
  start: CalendarTime;
  /** Set for an RDATE of type PERIOD, which carries its own end. */
  end: EventEnd | null;
}

export interface Recurrence {
  /** RRULE values as ical.js prints them; each was checked by ical.js while parsing. */
  rules: string[];
  exdates: CalendarTime[];
  rdates: RecurrenceDate[];
}

export interface CalendarEvent {
  uid: string;
  /** SUMMARY. Stays inside the app: nothing derived from it may carry it further. */
  title: string;
  start: CalendarTime;
  end: EventEnd;
  /** STATUS:CANCELLED */
  cancelled: boolean;
  /** TRANSP:TRANSPARENT (shown as free) */
  transparent: boolean;
  /** CLASS:PRIVATE or CLASS:CONFIDENTIAL */
  private: boolean;
  recurrence: Recurrence | null;
  /** Set when this VEVENT replaces one instance of the series with the same uid. */
  recurrenceId: CalendarTime | null;
}

/** A VTIMEZONE component in jCal form (RFC 7265), as ical.js produces it. */
export type JCalComponent = [string, unknown[], unknown[]];

export type CalendarWarningCode =
  | 'event-no-end'
  | 'event-end-before-start'
  | 'event-invalid'
  | 'event-unknown-timezone'
  | 'event-out-of-range'
  | 'recurrence-invalid'
  | 'timezone-invalid';

/** Something in the file that was skipped or guessed at. Never carries a title. */
export interface CalendarParseWarning {
  code: CalendarWarningCode;
  /** The event's UID, or the TZID for `timezone-invalid`. */
  uid: string | null;
  message: string;
}

export interface ParsedCalendar {
  events: CalendarEvent[];
  vtimezones: Record<string, JCalComponent>;
  warnings: CalendarParseWarning[];
}

export type IcsErrorCode = 'ics-empty' | 'ics-not-calendar' | 'ics-malformed' | 'ics-too-large';

export type ParseResult = { ok: true; value: ParsedCalendar } | { ok: false; error: { code: IcsErrorCode; message: string } };

/** One instance of an event, in epoch milliseconds, [start, end). */
export interface Occurrence {
  uid: string;
  /** The instance's original start, for instances of a recurring event (moved ones included). */
  recurrenceId?: number;
  title: string;
  start: number;
  end: number;
  allDay: boolean;
  transparent: boolean;
  cancelled: boolean;
  private: boolean;
}

export interface ExpansionWarning {
  code: 'recurrence-limit-reached' | 'recurrence-failed' | 'event-expansion-failed';
  uid: string;
  message: string;
}
