import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { DEFAULT_MAX_ICS_BYTES, parseIcs } from '../../../src/core/calendar/parse';
import { expandOccurrences } from '../../../src/core/calendar/expand';
import type { CalendarEvent, ParseResult } from '../../../src/core/calendar/types';
import { at, calendarText, iso, parsedFixture, parsedText, readFixture } from './fixtures';

function errorCode(result: ParseResult): string | null {
  return result.ok ? null : result.error.code;
}

function eventsOf(uid: string, events: CalendarEvent[]): CalendarEvent[] {
  return events.filter((event) => event.uid === uid);
}

describe('parseIcs rejects what is not a readable calendar', () => {
  it('an empty file is ics-empty', () => {
    expect(errorCode(parseIcs(readFixture('empty.ics')))).toBe('ics-empty');
  });

  it('a file of blank lines and a byte-order mark is ics-empty', () => {
    expect(errorCode(parseIcs('\uFEFF \r\n\r\n\t'))).toBe('ics-empty');
  });

  it('JSON is ics-not-calendar', () => {
    expect(errorCode(parseIcs(readFixture('not-ics.json')))).toBe('ics-not-calendar');
  });

  it('an HTML login page is ics-not-calendar', () => {
    expect(errorCode(parseIcs(readFixture('login-page.html')))).toBe('ics-not-calendar');
  });

  it('a vCard is ics-not-calendar', () => {
    expect(errorCode(parseIcs('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Berg\r\nEND:VCARD\r\n'))).toBe('ics-not-calendar');
  });

  it('a file cut off mid-line is ics-malformed and says why', () => {
    const result = parseIcs(readFixture('truncated.ics'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ics-malformed');
    expect(result.error.message).toContain('invalid line');
  });

  it('a file cut off at a line end (component never closed) is ics-malformed', () => {
    const cut = readFixture('google.ics').split('BEGIN:VALARM')[0] ?? '';
    const result = parseIcs(cut);
    expect(errorCode(result)).toBe('ics-malformed');
    expect(result.ok ? '' : result.error.message).toContain('did not end');
  });

  it('an RRULE that ical.js rejects while parsing skips that event alone, with a warning', () => {
    const text = calendarText(
      ['UID:x', 'DTSTART:20260105T090000Z', 'DTEND:20260105T100000Z', 'RRULE:FREQ=WEEKLY;BYHOUR=25'],
      ['UID:y', 'DTSTART:20260106T090000Z', 'DTEND:20260106T100000Z', 'SUMMARY:#3 Möte'],
    );
    const calendar = parsedText(text);
    expect(calendar.events.map((event) => event.uid)).toEqual(['y']);
    expect(calendar.warnings).toEqual([{ code: 'event-invalid', uid: 'x', message: expect.stringContaining('BYHOUR') }]);
  });

  it('a file above maxBytes is ics-too-large', () => {
    const text = readFixture('google.ics');
    expect(errorCode(parseIcs(text, { maxBytes: 1000 }))).toBe('ics-too-large');
    expect(parseIcs(text, { maxBytes: new TextEncoder().encode(text).length }).ok).toBe(true);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = calendarText(['UID:x', 'DTSTART:20260105T090000Z', 'DTEND:20260105T100000Z', `SUMMARY:${'ö'.repeat(600)}`]);
    const bytes = new TextEncoder().encode(text).length;
    expect(text.length).toBeLessThan(bytes);
    expect(errorCode(parseIcs(text, { maxBytes: text.length }))).toBe('ics-too-large');
    expect(parseIcs(text, { maxBytes: bytes }).ok).toBe(true);
  });

  it('has a default limit of 20 MiB', () => {
    expect(DEFAULT_MAX_ICS_BYTES).toBe(20 * 1024 * 1024);
    const huge = `BEGIN:VCALENDAR\r\n${'X-FILLER:0123456789\r\n'.repeat(1_100_000)}END:VCALENDAR\r\n`;
    expect(errorCode(parseIcs(huge))).toBe('ics-too-large');
  });

  it('reads a calendar behind a byte-order mark', () => {
    const result = parseIcs(`\uFEFF${readFixture('workday.ics')}`);
    expect(result.ok && result.value.events.length).toBe(4);
  });

  it('accepts an empty but valid calendar', () => {
    const result = parseIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
    expect(result).toEqual({ ok: true, value: { events: [], vtimezones: {}, warnings: [] } });
  });
});

describe('parseIcs keeps the calendar when single events are bad', () => {
  const calendar = parsedFixture('event-no-end.ics');

  it('warns with the exact code for each skipped event', () => {
    expect(calendar.warnings.map(({ code, uid }) => ({ code, uid }))).toEqual([
      { code: 'event-no-end', uid: 'timed-no-end@no-end.test' },
      { code: 'event-end-before-start', uid: 'ends-before-start@no-end.test' },
      { code: 'event-invalid', uid: 'bad-date@no-end.test' },
    ]);
  });

  it('keeps the good events, and an all-day event without end lasts one day', () => {
    expect(calendar.events.map((event) => event.uid)).toEqual(['all-day-no-end@no-end.test', 'fine@no-end.test']);
    const [allDay] = expandOccurrences(calendar, at('2026-03-01T00:00:00Z'), at('2026-04-01T00:00:00Z'), 'Europe/Stockholm');
    expect(allDay && [iso(allDay.start), iso(allDay.end), allDay.allDay]).toEqual([
      '2026-03-10T23:00:00.000Z',
      '2026-03-11T23:00:00.000Z',
      true,
    ]);
  });

  it('skips a timed event with a zero DURATION', () => {
    const zero = parsedText(calendarText(['UID:z', 'DTSTART:20260105T090000Z', 'DURATION:PT0S']));
    expect(zero.events).toEqual([]);
    expect(zero.warnings[0]?.code).toBe('event-end-before-start');
  });

  it('keeps the first instance of an event whose RRULE cannot be expanded', () => {
    const calendar = parsedFixture('hostile-rrule.ics');
    expect(calendar.warnings).toEqual([expect.objectContaining({ code: 'recurrence-invalid', uid: 'huge-interval@hostile.test' })]);
    const [event] = eventsOf('huge-interval@hostile.test', calendar.events);
    expect(event?.recurrence).toBeNull();
  });

  it('reads an unknown TZID in the user zone and says so', () => {
    const calendar = parsedText(
      calendarText(['UID:u', 'DTSTART;TZID=Mars/Olympus_Mons:20260105T090000', 'DTEND;TZID=Mars/Olympus_Mons:20260105T100000']),
    );
    expect(calendar.warnings).toEqual([expect.objectContaining({ code: 'event-unknown-timezone', uid: 'u' })]);
    expect(calendar.events[0]?.start.zone).toEqual({ kind: 'floating' });
    const [occurrence] = expandOccurrences(calendar, at('2026-01-01T00:00:00Z'), at('2026-02-01T00:00:00Z'), 'Europe/Stockholm');
    expect(occurrence && iso(occurrence.start)).toBe('2026-01-05T08:00:00.000Z');
  });

  it('never puts a title into a warning', () => {
    const all = [parsedFixture('event-no-end.ics'), parsedFixture('hostile-rrule.ics')].flatMap((c) => c.warnings);
    for (const warning of all) expect(warning.message).not.toMatch(/Påminnelse|Baklänges|Trasigt|miljardte/);
  });
});

describe('parseIcs reads a Google export', () => {
  const calendar = parsedFixture('google.ics');

  it('finds every event and no problems', () => {
    expect(calendar.warnings).toEqual([]);
    expect(calendar.events).toHaveLength(9);
    expect(Object.keys(calendar.vtimezones)).toEqual(['Europe/Stockholm']);
  });

  it('reads the series, its EXDATE, UNTIL and both RECURRENCE-ID instances', () => {
    const series = eventsOf('7kukuqrfedlm2f9t0vqsmg8ffd@google.com', calendar.events);
    expect(series).toHaveLength(3);
    const master = series.find((event) => event.recurrence);
    expect(master?.start).toEqual({
      wall: { year: 2026, month: 3, day: 2, hour: 9, minute: 0, second: 0 },
      allDay: false,
      zone: { kind: 'vtimezone', tzid: 'Europe/Stockholm' },
    });
    // ical.js leaves out WKST when it is the default, Monday.
    expect(master?.recurrence?.rules).toEqual(['FREQ=WEEKLY;BYDAY=MO;UNTIL=20260427T065959Z']);
    expect(master?.recurrence?.exdates.map((time) => time.wall.day)).toEqual([16]);
    const overrides = series.filter((event) => event.recurrenceId);
    expect(overrides.map((event) => [event.recurrenceId?.wall.day, event.cancelled])).toEqual([
      [23, false],
      [6, true],
    ]);
  });

  it('reads the all-day holiday as free with its title', () => {
    const [holiday] = eventsOf('2h0c6q0b1v7j3m4n5p6r7s8t9u@google.com', calendar.events);
    expect(holiday).toMatchObject({ title: '[5] Semester i Italien', transparent: true, cancelled: false });
    expect(holiday?.start.allDay).toBe(true);
    expect(holiday?.end).toEqual({ kind: 'duration', days: 19, ms: 0 });
  });

  it('is plain data that survives structured cloning', () => {
    const window = [at('2026-03-01T00:00:00Z'), at('2026-08-01T00:00:00Z')] as const;
    const copy = structuredClone(calendar);
    expect(expandOccurrences(copy, ...window, 'Europe/Stockholm')).toEqual(expandOccurrences(calendar, ...window, 'Europe/Stockholm'));
  });
});

describe('parseIcs reads an Outlook export', () => {
  const calendar = parsedFixture('outlook.ics');

  it('uses the VTIMEZONE Outlook wrote for its Windows zone name', () => {
    expect(calendar.warnings).toEqual([]);
    expect(Object.keys(calendar.vtimezones)).toEqual(['W. Europe Standard Time']);
    expect(calendar.events[0]?.start.zone).toEqual({ kind: 'vtimezone', tzid: 'W. Europe Standard Time' });
  });

  it('maps a Windows zone name without a VTIMEZONE to IANA', () => {
    const seattle = calendar.events.find((event) => event.title.startsWith('[6]'));
    expect(seattle?.start.zone).toEqual({ kind: 'iana', name: 'America/Los_Angeles' });
  });

  it('does not register the file’s zones in ical.js’s process-wide TimezoneService', () => {
    expect(ICAL.TimezoneService.has('W. Europe Standard Time')).toBe(false);
  });

  it('keeps two files’ zones with the same TZID apart', () => {
    const zone = (offset: string) =>
      [
        'BEGIN:VTIMEZONE',
        'TZID:Customized Time Zone',
        'BEGIN:STANDARD',
        'DTSTART:16010101T000000',
        `TZOFFSETFROM:${offset}`,
        `TZOFFSETTO:${offset}`,
        'END:STANDARD',
        'END:VTIMEZONE',
      ].join('\r\n');
    const event = [
      'BEGIN:VEVENT',
      'UID:c',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;TZID=Customized Time Zone:20260105T090000',
      'DURATION:PT1H',
      'END:VEVENT',
    ];
    const withZone = (offset: string) => ['BEGIN:VCALENDAR', 'VERSION:2.0', zone(offset), ...event, 'END:VCALENDAR'].join('\r\n');
    const tokyo = parsedText(withZone('+0900'));
    const newYork = parsedText(withZone('-0500'));
    const startOf = (calendar: typeof tokyo) =>
      iso(expandOccurrences(calendar, at('2026-01-01T00:00:00Z'), at('2026-02-01T00:00:00Z'), 'Europe/Stockholm')[0]?.start ?? NaN);
    expect(startOf(tokyo)).toBe('2026-01-05T00:00:00.000Z');
    expect(startOf(newYork)).toBe('2026-01-05T14:00:00.000Z');
    expect(startOf(tokyo)).toBe('2026-01-05T00:00:00.000Z');
  });
});
