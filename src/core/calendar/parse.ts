import ICAL from 'ical.js';
import type { CalendarEvent, CalendarParseWarning, IcsErrorCode, JCalComponent, ParsedCalendar, ParseResult } from './types';
import { createTzidResolver, type IcalComponent } from './icalValues';
import { EventReader } from './readEvent';
import { reason } from './reason';

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
  try {
    const jcal: unknown[] = ICAL.parse(body);
    const calendars = Array.isArray(jcal[0]) ? (jcal as unknown[][]) : [jcal];
    roots = calendars.map((calendar) => new ICAL.Component(calendar));
  } catch (error) {
    return failure('ics-malformed', `The calendar could not be read: ${reason(error)}`);
  }
  if (roots.length === 0 || roots.some((root) => root.name !== 'vcalendar')) {
    return failure('ics-not-calendar', 'The file does not start with a VCALENDAR');
  }

  try {
    return { ok: true, value: readCalendars(roots) };
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

function timezoneProblem(vtimezone: IcalComponent, tzid: string): string | null {
  if (!tzid) return 'VTIMEZONE without TZID ignored';
  try {
    const zone = new ICAL.Timezone({ component: vtimezone, tzid });
    zone.utcOffset(ICAL.Time.fromData({ year: 2026, month: 1, day: 15, hour: 12 }));
    zone.utcOffset(ICAL.Time.fromData({ year: 2026, month: 7, day: 15, hour: 12 }));
    return null;
  } catch (error) {
    return `VTIMEZONE "${tzid}" ignored: ${reason(error)}`;
  }
}
