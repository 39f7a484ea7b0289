import { describe, expect, it } from 'vitest';
import { expandCalendar } from '../../../src/core/calendar/expand';
import { MAX_UID_LENGTH, MAX_VTIMEZONES } from '../../../src/core/calendar/parse';
import type { CalendarEvent, ParsedCalendar } from '../../../src/core/calendar/types';
import { at, calendarText, parsedText } from './fixtures';

const STOCKHOLM = 'Europe/Stockholm';
const FROM = at('2026-04-13T00:00:00+02:00');
const TO = at('2026-04-20T00:00:00+02:00');

const GOOD = ['UID:good@isolation.test', 'DTSTART:20260415T070000Z', 'DTEND:20260415T080000Z', 'SUMMARY:#3 Styrelsemöte'];

/** A VTIMEZONE at a fixed +05:00, under the given TZID. */
function fixedZone(tzid: string): string[] {
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${tzid}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0500',
    'TZOFFSETTO:+0500',
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

function withTimezone(zone: string[], text: string): string {
  return text.replace('BEGIN:VEVENT', `${zone.join('\r\n')}\r\nBEGIN:VEVENT`);
}

const starts = (calendar: ParsedCalendar) =>
  expandCalendar(calendar, FROM, TO, STOCKHOLM).occurrences.map((occurrence) => [occurrence.uid, occurrence.start]);

describe.each(['__proto__', 'constructor', 'toString'])('a VTIMEZONE named "%s"', (tzid) => {
  it('is the file’s own zone like any other name', () => {
    const text = withTimezone(
      fixedZone(tzid),
      calendarText(GOOD, [
        'UID:zoned@isolation.test',
        `DTSTART;TZID=${tzid}:20260415T120000`,
        `DTEND;TZID=${tzid}:20260415T130000`,
        'SUMMARY:#4 Lunch',
      ]),
    );
    const calendar = parsedText(text);
    expect(calendar.warnings).toEqual([]);
    expect(starts(calendar)).toEqual([
      ['good@isolation.test', at('2026-04-15T07:00:00Z')],
      ['zoned@isolation.test', at('2026-04-15T07:00:00Z')],
    ]);
  });
});

describe('an event that cannot be expanded', () => {
  const good = parsedText(calendarText(GOOD)).events;

  it.each<[string, Partial<CalendarEvent>]>([
    [
      'a zone the runtime does not know',
      {
        start: {
          wall: { year: 2026, month: 4, day: 15, hour: 9, minute: 0, second: 0 },
          allDay: false,
          zone: { kind: 'iana', name: 'Nowhere/Land' },
        },
      },
    ],
    ['an end past the range of dates', { end: { kind: 'duration', days: 0, ms: 1e300 } }],
    ['an end that is not a number', { end: { kind: 'duration', days: Number.NaN, ms: 0 } }],
  ])('(%s) is a warning, and the other events still expand', (_what, broken) => {
    const [event] = good;
    if (!event) throw new Error('no event');
    const calendar: ParsedCalendar = {
      events: [{ ...event, uid: 'broken@isolation.test', ...broken }, ...good],
      vtimezones: {},
      warnings: [],
    };
    const expansion = expandCalendar(calendar, FROM, TO, STOCKHOLM);
    expect(expansion.warnings).toMatchObject([{ code: 'event-expansion-failed', uid: 'broken@isolation.test' }]);
    expect(expansion.occurrences.map((occurrence) => occurrence.uid)).toEqual(['good@isolation.test']);
  });
});

describe('an event outside the years and lengths a calendar has', () => {
  it.each([
    ['starts in 9999', ['DTSTART:99991231T090000Z', 'DTEND:99991231T100000Z']],
    ['starts in 1500', ['DTSTART;TZID=Europe/Stockholm:15000101T090000', 'DURATION:PT1H']],
    ['lasts millions of weeks', ['DTSTART:20260415T090000Z', 'DURATION:P99999999W']],
    ['lasts fifty years', ['DTSTART:20260415T090000Z', 'DTEND:20760415T090000Z']],
    ['lasts fifty years, all day', ['DTSTART;VALUE=DATE:20260415', 'DTEND;VALUE=DATE:20760415']],
    ['has an RDATE in 9999', ['DTSTART:20260415T090000Z', 'DTEND:20260415T100000Z', 'RDATE:99990101T090000Z']],
    [
      'has a PERIOD of a million hours',
      ['DTSTART:20260415T090000Z', 'DTEND:20260415T100000Z', 'RDATE;VALUE=PERIOD:20260416T090000Z/PT1000000H'],
    ],
  ])('(%s) is skipped with a warning, and the other events still expand', (_what, times) => {
    const calendar = parsedText(calendarText(['UID:far@isolation.test', ...times, 'SUMMARY:#5 Semester'], GOOD));
    expect(calendar.warnings).toMatchObject([{ code: 'event-out-of-range', uid: 'far@isolation.test' }]);
    expect(starts(calendar)).toEqual([['good@isolation.test', at('2026-04-15T07:00:00Z')]]);
  });
});

describe('a VTIMEZONE that ical.js could not expand in reasonable time', () => {
  it.each([
    ['changes every second', 'RRULE:FREQ=SECONDLY'],
    ['changes every minute', 'RRULE:FREQ=MINUTELY'],
    ['has a yearly rule that never matches', 'RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;BYDAY=MO'],
    ['changes every day', 'RRULE:FREQ=DAILY'],
  ])('(it %s) is ignored with a warning, at once, and its events are read in the user’s zone', (_what, rule) => {
    const zone = [
      'BEGIN:VTIMEZONE',
      'TZID:Hostile',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      rule,
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const text = withTimezone(
      zone,
      calendarText(GOOD, [
        'UID:zoned@isolation.test',
        'DTSTART;TZID=Hostile:20260415T120000',
        'DTEND;TZID=Hostile:20260415T130000',
        'SUMMARY:#4 Lunch',
      ]),
    );
    const calendar = parsedText(text);
    expect(calendar.warnings.map((warning) => [warning.code, warning.uid])).toEqual([
      ['timezone-invalid', 'Hostile'],
      ['event-unknown-timezone', 'zoned@isolation.test'],
    ]);
    expect(starts(calendar)).toEqual([
      ['good@isolation.test', at('2026-04-15T07:00:00Z')],
      ['zoned@isolation.test', at('2026-04-15T10:00:00Z')],
    ]);
  });
});

describe('a calendar with more VTIMEZONEs than any real one', () => {
  it(`keeps the first ${MAX_VTIMEZONES} and ignores the rest with a warning`, () => {
    const zones = Array.from({ length: MAX_VTIMEZONES + 2 }, (_, index) => fixedZone(`Zone ${index}`)).flat();
    const last = `Zone ${MAX_VTIMEZONES + 1}`;
    const calendar = parsedText(
      withTimezone(
        zones,
        calendarText(GOOD, ['UID:late@isolation.test', `DTSTART;TZID=${last}:20260415T120000`, 'DURATION:PT1H', 'SUMMARY:#4 Lunch']),
      ),
    );
    expect(Object.keys(calendar.vtimezones)).toHaveLength(MAX_VTIMEZONES);
    expect(calendar.warnings.map((warning) => warning.code)).toEqual(['timezone-invalid', 'timezone-invalid', 'event-unknown-timezone']);
  });
});

describe('a UID that could not be kept in the settings', () => {
  it.each([
    ['longer than the limit', `UID:${'x'.repeat(MAX_UID_LENGTH + 1)}`],
    ['with a control character', 'UID:a\\nb@isolation.test'.replace('\\n', '\u0007')],
  ])('(%s) skips that event with a warning that does not quote it', (_what, uidLine) => {
    const calendar = parsedText(calendarText([uidLine, 'DTSTART:20260415T090000Z', 'DTEND:20260415T100000Z', 'SUMMARY:#4 Lunch'], GOOD));
    expect(calendar.events.map((event) => event.uid)).toEqual(['good@isolation.test']);
    expect(calendar.warnings).toEqual([{ code: 'event-invalid', uid: null, message: expect.stringMatching(/^Event skipped: its UID /) }]);
  });
});
