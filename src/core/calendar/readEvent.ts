import ICAL from 'ical.js';
import type { CalendarEvent, CalendarParseWarning, CalendarTime, EventEnd, Recurrence, RecurrenceDate, TimeZoneRef } from './types';
import {
  calendarTimeOf,
  durationParts,
  endFromDuration,
  isIcalPeriod,
  isIcalTime,
  plainTimeOf,
  plainTimesOf,
  type IcalComponent,
  type IcalProperty,
  type PlainTime,
} from './icalValues';
import { reason } from './reason';
import { ruleProblem } from './recurrence';
import { DAY_MS, daysBetween, midnightOf, wallClockAsUtcMs } from './wallClock';

type ResolveTzid = (tzid: string) => TimeZoneRef | null;

export interface EventReading {
  event: CalendarEvent | null;
  warnings: CalendarParseWarning[];
}

/** Reads one VEVENT. Problems with it become warnings and at worst drop this event alone. */
/** CLASS (RFC 5545 §3.8.1.3): Outlook writes PRIVATE for a private appointment, some servers CONFIDENTIAL. */
const PRIVATE_CLASSES = new Set(['PRIVATE', 'CONFIDENTIAL']);

export class EventReader {
  private readonly warnings: CalendarParseWarning[] = [];
  private unknownTzidReported = false;

  constructor(
    private readonly vevent: IcalComponent,
    private readonly uid: string,
    private readonly resolveTzid: ResolveTzid,
  ) {}

  read(): EventReading {
    try {
      return { event: this.readEvent(), warnings: this.warnings };
    } catch (error) {
      if (!(error instanceof OutOfRange)) throw error;
      this.warn('event-out-of-range', `Event skipped: ${error.message}`);
      return { event: null, warnings: this.warnings };
    }
  }

  private warn(code: CalendarParseWarning['code'], message: string): void {
    this.warnings.push({ code, uid: this.uid, message });
  }

  private timeOf(value: PlainTime, property: IcalProperty): CalendarTime {
    const { year } = value.wall;
    if (!(year >= EVENT_YEARS.first && year <= EVENT_YEARS.last)) {
      throw new OutOfRange(`${property.name.toUpperCase()} is in the year ${year}, outside ${EVENT_YEARS.first}–${EVENT_YEARS.last}`);
    }
    const tzid = property.getParameter('tzid');
    const reading = calendarTimeOf(value, typeof tzid === 'string' ? tzid : null, this.resolveTzid);
    if (reading.unknownTzid !== null && !this.unknownTzidReported) {
      this.unknownTzidReported = true;
      this.warn('event-unknown-timezone', `Unknown time zone "${reading.unknownTzid}"; read in the user's time zone`);
    }
    return reading.time;
  }

  private firstTime(name: string): CalendarTime | null {
    const property = this.vevent.getFirstProperty(name);
    if (!property) return null;
    const plain = plainTimesOf(property)?.[0];
    if (plain) return this.timeOf(plain, property);
    const value = property.getFirstValue();
    if (!isIcalTime(value)) throw new Error(`${name.toUpperCase()} is not a date or date-time`);
    return this.timeOf(plainTimeOf(value), property);
  }

  /** The DATE and DATE-TIME values of `property`; others (a PERIOD) are left out. */
  private timesOf(property: IcalProperty): CalendarTime[] {
    const values = plainTimesOf(property) ?? property.getValues().filter(isIcalTime).map(plainTimeOf);
    return values.map((value) => this.timeOf(value, property));
  }

  private readEvent(): CalendarEvent | null {
    const start = this.firstTime('dtstart');
    if (!start) {
      this.warn('event-invalid', 'Event has no DTSTART');
      return null;
    }
    const end = this.readEnd(start);
    if (!end) return null;
    const recurrenceId = this.firstTime('recurrence-id');
    return {
      uid: this.uid,
      title: String(this.vevent.getFirstPropertyValue('summary') ?? ''),
      start,
      end,
      cancelled: String(this.vevent.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED',
      transparent: String(this.vevent.getFirstPropertyValue('transp') ?? '').toUpperCase() === 'TRANSPARENT',
      private: PRIVATE_CLASSES.has(String(this.vevent.getFirstPropertyValue('class') ?? '').toUpperCase()),
      // A RECURRENCE-ID instance replaces one instance; its own rules (RANGE=THISANDFUTURE) are not followed.
      recurrence: recurrenceId ? null : this.readRecurrence(start),
      recurrenceId,
    };
  }

  private readEnd(start: CalendarTime): EventEnd | null {
    const dtend = this.firstTime('dtend');
    if (dtend) return this.endFromDtend(start, dtend);

    const duration = this.vevent.getFirstPropertyValue('duration');
    if (duration instanceof ICAL.Duration) {
      const parts = checkedLength(durationParts(duration));
      if (parts.negative || (!start.allDay && parts.days === 0 && parts.ms === 0)) {
        this.warn('event-end-before-start', 'Event has a negative or zero DURATION');
        return null;
      }
      return endFromDuration(parts);
    }

    // RFC 5545 §3.6.1: with neither DTEND nor DURATION a DATE event lasts one day and a
    // DATE-TIME event ends when it starts, which could never activate a profile.
    if (start.allDay) return { kind: 'duration', days: 1, ms: 0 };
    this.warn('event-no-end', 'Timed event has neither DTEND nor DURATION; skipped as zero-length');
    return null;
  }

  private endFromDtend(start: CalendarTime, dtend: CalendarTime): EventEnd | null {
    // Generators that write DTEND equal to an all-day DTSTART mean "that day".
    if (start.allDay)
      return { kind: 'duration', days: Math.max(1, checkedLength({ days: daysBetween(start.wall, dtend.wall), ms: 0 }).days), ms: 0 };
    const end: CalendarTime = dtend.allDay ? { wall: midnightOf(dtend.wall), allDay: false, zone: start.zone } : dtend;
    checkedLength({ days: daysBetween(start.wall, end.wall), ms: 0 });
    if (zoneKey(end.zone) === zoneKey(start.zone) && wallClockAsUtcMs(end.wall) <= wallClockAsUtcMs(start.wall)) {
      this.warn('event-end-before-start', 'Event ends at or before its start');
      return null;
    }
    return { kind: 'at', time: end };
  }

  private readRecurrence(start: CalendarTime): Recurrence | null {
    const rules: string[] = [];
    for (const property of this.vevent.getAllProperties('rrule')) {
      try {
        const rule = property.getFirstValue();
        if (!(rule instanceof ICAL.Recur)) throw new Error('not a recurrence rule');
        const problem = ruleProblem(rule, start);
        if (problem) this.warn('recurrence-invalid', `${problem}; only the first instance is kept`);
        else rules.push(rule.toString());
      } catch (error) {
        this.warn('recurrence-invalid', `Unreadable RRULE (${reason(error)}); only the first instance is kept`);
      }
    }
    const rdates = this.readRecurrenceDates();
    if (rules.length === 0 && rdates.length === 0) return null;
    return { rules, rdates, exdates: this.readExceptionDates() };
  }

  private readExceptionDates(): CalendarTime[] {
    return this.vevent.getAllProperties('exdate').flatMap((property) => this.timesOf(property));
  }

  private readRecurrenceDates(): RecurrenceDate[] {
    const dates: RecurrenceDate[] = [];
    for (const property of this.vevent.getAllProperties('rdate')) {
      const plain = plainTimesOf(property);
      if (plain) {
        dates.push(...plain.map((value) => ({ start: this.timeOf(value, property), end: null })));
        continue;
      }
      for (const value of property.getValues()) {
        if (isIcalTime(value)) {
          dates.push({ start: this.timeOf(plainTimeOf(value), property), end: null });
        } else if (isIcalPeriod(value)) {
          const end: EventEnd | null = value.end
            ? { kind: 'at', time: this.timeOf(plainTimeOf(value.end), property) }
            : value.duration
              ? endFromDuration(checkedLength(durationParts(value.duration)))
              : null;
          dates.push({ start: this.timeOf(plainTimeOf(value.start), property), end });
        }
      }
    }
    return dates;
  }
}

/**
 * The years an event may be in. Apple writes birthdays without a year in 1604; nothing real is
 * planned past 2200. Beyond them ical.js expands a file's VTIMEZONE year by year up to the date
 * asked for, which for the year 9999 takes seconds.
 */
export const EVENT_YEARS = { first: 1600, last: 2200 };
/** About ten years: longer than any leave, short enough that an end stays within EVENT_YEARS' reach. */
export const MAX_EVENT_DAYS = 3660;

class OutOfRange extends Error {}

function checkedLength<T extends { days: number; ms: number }>(length: T): T {
  const days = Math.abs(length.days) + Math.abs(length.ms) / DAY_MS;
  if (!(days <= MAX_EVENT_DAYS)) throw new OutOfRange(`it lasts more than ${MAX_EVENT_DAYS} days`);
  return length;
}

function zoneKey(zone: TimeZoneRef): string {
  if (zone.kind === 'iana') return `iana:${zone.name}`;
  if (zone.kind === 'vtimezone') return `vtimezone:${zone.tzid}`;
  return zone.kind;
}
