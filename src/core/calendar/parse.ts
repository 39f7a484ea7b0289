import ICAL from 'ical.js';
import type { CalendarEvent, CalendarParseWarning, IcsErrorCode, JCalComponent, ParsedCalendar, ParseResult } from './types';
import { createTzidResolver, isIcalTime, type IcalComponent } from './icalValues';
import { EVENT_YEARS, EventReader } from './readEvent';
import { ruleMatchesWithin } from './recurrence';
import { reason } from './reason';
import { salvageComponents } from './salvage';

/** Far above real exports (a busy ten-year Outlook calendar is a few MB), far below what hurts. */
export const DEFAULT_MAX_ICS_BYTES = 20 * 1024 * 1024;

export interface ParseIcsOptions {
  maxBytes?: number;
}

function failure(code: IcsErrorCode, message: string): ParseResult {
  return { ok: false, error: { code, message } };
}

function exceedsBytes(text: string, maxBytes: number): boolean {
  // A UTF-16 code unit is 1–3 UTF-8 bytes, so most texts are decided without encoding them.
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return new TextEncoder().encode(text).length > maxBytes;
}

/**
 * Reads an iCalendar (RFC 5545) text. The whole calendar fails only when it is not iCalendar or
 * ical.js cannot read it; a bad event becomes a warning and the rest is kept.
 */
export function parseIcs(text: string, options: ParseIcsOptions = {}): ParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ICS_BYTES;
  if (exceedsBytes(text, maxBytes)) return failure('ics-too-large', `The calendar is larger than ${maxBytes} bytes`);

  // ical.js fails on a byte-order mark with a TypeError instead of a parse error.
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return failure('ics-empty', 'The calendar file is empty');
  if (!/^BEGIN:VCALENDAR[ \t]*\r?$/im.test(body)) {
    return failure('ics-not-calendar', 'This is not an iCalendar file (no BEGIN:VCALENDAR), perhaps a web page');
  }

  let roots: IcalComponent[];
  const salvageWarnings: CalendarParseWarning[] = [];
  try {
    const jcal: unknown[] = ICAL.parse(body);
    const calendars = Array.isArray(jcal[0]) ? (jcal as unknown[][]) : [jcal];
    roots = calendars.map((calendar) => new ICAL.Component(calendar));
  } catch (error) {
    const salvage = salvageComponents(body, (uid) => problemWithUid(uid) === null);
    if (!salvage) return failure('ics-malformed', `The calendar could not be read: ${reason(error)}`);
    roots = [salvage.root];
    salvageWarnings.push(...salvage.warnings);
  }
  if (roots.length === 0 || roots.some((root) => root.name !== 'vcalendar')) {
    return failure('ics-not-calendar', 'The file does not start with a VCALENDAR');
  }

  try {
    const calendar = readCalendars(roots);
    return { ok: true, value: { ...calendar, warnings: [...salvageWarnings, ...calendar.warnings] } };
  } catch (error) {
    return failure('ics-malformed', `The calendar could not be read: ${reason(error)}`);
  }
}

/** Far longer than any generator's UIDs; the UID is part of every activation key kept in the settings. */
export const MAX_UID_LENGTH = 1000;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

function readCalendars(roots: IcalComponent[]): ParsedCalendar {
  const warnings: CalendarParseWarning[] = [];
  // No prototype: a TZID such as "__proto__" or "constructor" is a name like any other.
  const vtimezones: Record<string, JCalComponent> = Object.create(null) as Record<string, JCalComponent>;
  for (const root of roots) {
    for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
      if (Object.keys(vtimezones).length >= MAX_VTIMEZONES) {
        warnings.push({
          code: 'timezone-invalid',
          uid: null,
          message: `VTIMEZONE ignored: the calendar defines more than ${MAX_VTIMEZONES}`,
        });
        continue;
      }
      const reading = readTimezone(vtimezone);
      if ('problem' in reading) warnings.push({ code: 'timezone-invalid', uid: reading.tzid || null, message: reading.problem });
      else if (!Object.hasOwn(vtimezones, reading.tzid)) vtimezones[reading.tzid] = reading.definition;
    }
  }

  // In-file VTIMEZONEs are not registered with ical.js's TimezoneService: it is one registry
  // for the whole process, so one calendar's "Customized Time Zone" would redefine another's.
  // ical.js 2 resolves a TZID through the VTIMEZONEs of the value's own calendar anyway.
  const resolveTzid = createTzidResolver(new Set(Object.keys(vtimezones)));
  const events: CalendarEvent[] = [];
  let eventsWithoutUid = 0;
  for (const root of roots) {
    for (const vevent of root.getAllSubcomponents('vevent')) {
      let uid: string | null = null;
      try {
        const uidValue = vevent.getFirstPropertyValue('uid');
        const candidate = uidValue ? String(uidValue) : `missing-uid-${++eventsWithoutUid}`;
        const uidProblem = problemWithUid(candidate);
        if (uidProblem) {
          warnings.push({ code: 'event-invalid', uid: null, message: uidProblem });
          continue;
        }
        uid = candidate;
        // Detached from the calendar: otherwise ical.js resolves every TZID it cannot find in the
        // file (a Windows name, say) by scanning all components of the calendar, for every value.
        // TZIDs are resolved by createTzidResolver instead.
        const detached = new ICAL.Component(vevent.jCal);
        const reading = new EventReader(detached, uid, resolveTzid).read();
        warnings.push(...reading.warnings);
        if (reading.event) events.push(reading.event);
      } catch (error) {
        warnings.push({ code: 'event-invalid', uid, message: `Event skipped: ${reason(error)}` });
      }
    }
  }
  return { events, vtimezones, warnings };
}

/** A UID is not quoted in the warning: one that is refused may be a megabyte long. */
function problemWithUid(uid: string): string | null {
  if (uid.length > MAX_UID_LENGTH) return `Event skipped: its UID is longer than ${MAX_UID_LENGTH} characters`;
  if (CONTROL_CHARACTER.test(uid)) return 'Event skipped: its UID contains control characters';
  return null;
}

type TimezoneReading = { tzid: string; definition: JCalComponent } | { tzid: string; problem: string };

function readTimezone(vtimezone: IcalComponent): TimezoneReading {
  let tzid = '';
  try {
    tzid = String(vtimezone.getFirstPropertyValue('tzid') ?? '');
    const problem = timezoneProblem(vtimezone, tzid);
    return problem ? { tzid, problem } : { tzid, definition: vtimezone.toJSON() as JCalComponent };
  } catch (error) {
    return { tzid, problem: `VTIMEZONE "${tzid}" ignored: ${reason(error)}` };
  }
}

/** Real zones have a few dozen parts at most (one per historical rule); each is a change ical.js keeps. */
const MAX_TIMEZONE_CHANGES = 2000;
/** A file names a handful of zones; each costs ical.js a pass over every year since its first change. */
export const MAX_VTIMEZONES = 50;
/** ical.js expands a zone five years past the latest date asked for; events end at most ten years after EVENT_YEARS. */
const LAST_TIMEZONE_YEAR = EVENT_YEARS.last + 20;

function timezoneProblem(vtimezone: IcalComponent, tzid: string): string | null {
  if (!tzid) return 'VTIMEZONE without TZID ignored';
  try {
    const problem = timezonePartsProblem(vtimezone);
    if (problem) return `VTIMEZONE "${tzid}" ignored: ${problem}`;
    const zone = new ICAL.Timezone({ component: vtimezone, tzid });
    zone.utcOffset(ICAL.Time.fromData({ year: 2026, month: 1, day: 15, hour: 12 }));
    zone.utcOffset(ICAL.Time.fromData({ year: 2026, month: 7, day: 15, hour: 12 }));
    return null;
  } catch (error) {
    return `VTIMEZONE "${tzid}" ignored: ${reason(error)}`;
  }
}

/**
 * ical.js turns a zone's STANDARD and DAYLIGHT parts into every change up to the date asked
 * for, with no limit of its own: an RRULE:FREQ=SECONDLY from 1970 would never finish. Real zones
 * change at most a few times a year, by yearly rules, so anything else is refused here.
 */
function timezonePartsProblem(vtimezone: IcalComponent): string | null {
  let changes = 0;
  for (const part of vtimezone.getAllSubcomponents()) {
    const dtstart = part.getFirstPropertyValue('dtstart');
    if (!isIcalTime(dtstart)) continue; // ical.js skips such a part
    if (dtstart.year < EVENT_YEARS.first || dtstart.year > LAST_TIMEZONE_YEAR) return `a part starts in the year ${dtstart.year}`;
    changes += 1 + part.getAllProperties('rdate').reduce((count, rdate) => count + rdate.getValues().length, 0);
    if (changes > MAX_TIMEZONE_CHANGES) return `more than ${MAX_TIMEZONE_CHANGES} changes`;
    for (const property of part.getAllProperties('rrule')) {
      const rule = property.getFirstValue();
      if (!(rule instanceof ICAL.Recur) || rule.freq !== 'YEARLY') return 'a rule that is not yearly';
      if (!ruleMatchesWithin(rule, dtstart, 2, 5_000)) return 'a yearly rule that hardly ever matches';
    }
  }
  return null;
}
