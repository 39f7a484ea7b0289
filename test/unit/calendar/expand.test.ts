import { describe, expect, it } from 'vitest';
import { fromAbsolute } from '@internationalized/date';
import { expandCalendar, expandOccurrences, isBusy } from '../../../src/core/calendar/expand';
import type { Occurrence, ParsedCalendar } from '../../../src/core/calendar/types';
import { at, calendarText, iso, parsedFixture, parsedText } from './fixtures';

const STOCKHOLM = 'Europe/Stockholm';
const YEAR_2026 = [at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z')] as const;

function occurrencesOf(calendar: ParsedCalendar, uid: string, window = YEAR_2026, timeZone = STOCKHOLM): Occurrence[] {
  return expandOccurrences(calendar, window[0], window[1], timeZone).filter((occurrence) => occurrence.uid === uid);
}

function stockholmClock(ms: number): string {
  const time = fromAbsolute(ms, STOCKHOLM);
  return `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}

describe('a Google weekly series with EXDATE, UNTIL, a moved and a cancelled instance', () => {
  const calendar = parsedFixture('google.ics');
  const series = occurrencesOf(calendar, '7kukuqrfedlm2f9t0vqsmg8ffd@google.com');

  it('produces exactly these instances', () => {
    expect(series.map((o) => [iso(o.start), iso(o.end), o.cancelled])).toEqual([
      ['2026-03-02T08:00:00.000Z', '2026-03-02T09:00:00.000Z', false],
      ['2026-03-09T08:00:00.000Z', '2026-03-09T09:00:00.000Z', false],
      // 16 March is an EXDATE; 23 March moved to Tuesday 24 March 13:00
      ['2026-03-24T12:00:00.000Z', '2026-03-24T13:00:00.000Z', false],
      // after the switch to summer time: still 09:00 in Stockholm
      ['2026-03-30T07:00:00.000Z', '2026-03-30T08:00:00.000Z', false],
      ['2026-04-06T07:00:00.000Z', '2026-04-06T08:00:00.000Z', true],
      ['2026-04-13T07:00:00.000Z', '2026-04-13T08:00:00.000Z', false],
      // UNTIL=20260427T065959Z ends the series one second before 27 April 09:00
      ['2026-04-20T07:00:00.000Z', '2026-04-20T08:00:00.000Z', false],
    ]);
  });

  it('marks the moved instance with the start it replaces', () => {
    const moved = series.find((o) => o.start === at('2026-03-24T12:00:00Z'));
    expect(moved?.recurrenceId).toBe(at('2026-03-23T08:00:00Z'));
  });

  it('shows a moved instance in a window that holds only its new time', () => {
    const window = [at('2026-03-24T00:00:00Z'), at('2026-03-25T00:00:00Z')] as const;
    expect(occurrencesOf(calendar, '7kukuqrfedlm2f9t0vqsmg8ffd@google.com', window).map((o) => iso(o.start))).toEqual([
      '2026-03-24T12:00:00.000Z',
    ]);
  });

  it('shows nothing in a window that holds only the moved instance’s old time', () => {
    const window = [at('2026-03-23T00:00:00Z'), at('2026-03-24T00:00:00Z')] as const;
    expect(occurrencesOf(calendar, '7kukuqrfedlm2f9t0vqsmg8ffd@google.com', window)).toEqual([]);
  });

  it('flags cancelled and transparent events instead of dropping them', () => {
    const all = expandOccurrences(calendar, ...YEAR_2026, STOCKHOLM);
    const byTitle = (title: string) => all.find((o) => o.title === title);
    expect(byTitle('#3 Inställd budgetgenomgång')).toMatchObject({ cancelled: true, transparent: false });
    expect(byTitle('Lunch med Erik')).toMatchObject({ cancelled: false, transparent: true });
    expect(all.filter(isBusy).map((o) => o.title)).not.toContain('Lunch med Erik');
    expect(all.filter(isBusy).map((o) => o.title)).not.toContain('#3 Inställd budgetgenomgång');
  });

  it('reads a UTC time as it is', () => {
    const [volvo] = occurrencesOf(calendar, '0a1b2c3d4e5f6g7h8i9j0k1l2m@google.com');
    expect(volvo && [iso(volvo.start), iso(volvo.end)]).toEqual(['2026-03-10T13:00:00.000Z', '2026-03-10T14:00:00.000Z']);
  });

  it('returns occurrences sorted by start', () => {
    const starts = expandOccurrences(calendar, ...YEAR_2026, STOCKHOLM).map((o) => o.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('all-day events are midnight to midnight in the user’s zone', () => {
  const google = parsedFixture('google.ics');
  const holidayUid = '2h0c6q0b1v7j3m4n5p6r7s8t9u@google.com';

  it('a three-week holiday runs from 13 July 00:00 to 1 August 00:00 in Stockholm', () => {
    expect(occurrencesOf(google, holidayUid).map((o) => [iso(o.start), iso(o.end), o.allDay, o.transparent])).toEqual([
      ['2026-07-12T22:00:00.000Z', '2026-07-31T22:00:00.000Z', true, true],
    ]);
  });

  it('the same holiday follows the user to New York', () => {
    expect(occurrencesOf(google, holidayUid, YEAR_2026, 'America/New_York').map((o) => [iso(o.start), iso(o.end)])).toEqual([
      ['2026-07-13T04:00:00.000Z', '2026-08-01T04:00:00.000Z'],
    ]);
  });

  it('a long weekend over the March DST change is 71 hours long', () => {
    const [easter] = occurrencesOf(parsedFixture('dst-2026.ics'), 'easter-break@dst.test');
    expect(easter && [iso(easter.start), iso(easter.end)]).toEqual(['2026-03-26T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(easter && (easter.end - easter.start) / 3_600_000).toBe(71);
  });

  it('is still reported while it is going on', () => {
    const window = [at('2026-07-20T10:00:00Z'), at('2026-07-20T11:00:00Z')] as const;
    expect(occurrencesOf(google, holidayUid, window)).toHaveLength(1);
  });
});

describe('weekly 09:00 in Stockholm keeps its wall-clock time across both 2026 DST changes', () => {
  const calendar = parsedFixture('dst-2026.ics');
  const variants = ['weekly-vtimezone@dst.test', 'weekly-iana@dst.test', 'weekly-windows@dst.test', 'weekly-floating@dst.test'];

  for (const uid of variants) {
    it(uid, () => {
      const series = occurrencesOf(calendar, uid);
      const starts = series.map((o) => o.start);
      expect(starts).toContain(at('2026-03-23T08:00:00Z'));
      expect(starts).toContain(at('2026-03-30T07:00:00Z'));
      expect(starts).toContain(at('2026-10-19T07:00:00Z'));
      expect(starts).toContain(at('2026-10-26T08:00:00Z'));
      expect(series).toHaveLength(34);
      expect(iso(starts[0] ?? NaN)).toBe('2026-03-16T08:00:00.000Z');
      expect(iso(starts[33] ?? NaN)).toBe('2026-11-02T08:00:00.000Z');
      expect(new Set(series.map((o) => stockholmClock(o.start)))).toEqual(new Set(['09:00']));
      expect(new Set(series.map((o) => o.end - o.start))).toEqual(new Set([30 * 60_000]));
    });
  }
});

describe('an Outlook export', () => {
  const calendar = parsedFixture('outlook.ics');
  const all = expandOccurrences(calendar, ...YEAR_2026, STOCKHOLM);

  it('expands the weekday stand-up up to and including the UNTIL instant, without the EXDATE', () => {
    const standup = all.filter((o) => o.title === '#2 Daglig avstämning');
    expect(standup).toHaveLength(14);
    const starts = standup.map((o) => iso(o.start));
    expect(starts.slice(4, 6)).toEqual(['2026-03-27T08:15:00.000Z', '2026-03-30T07:15:00.000Z']);
    expect(starts).not.toContain('2026-04-02T07:15:00.000Z');
    expect(starts.at(-1)).toBe('2026-04-10T07:15:00.000Z');
  });

  it('reads W. Europe Standard Time through the VTIMEZONE Outlook wrote', () => {
    const review = all.find((o) => o.title === '[4] Projektgenomgång');
    expect(review && [iso(review.start), iso(review.end)]).toEqual(['2026-04-15T08:00:00.000Z', '2026-04-15T09:00:00.000Z']);
  });

  it('reads Pacific Standard Time without a VTIMEZONE as America/Los_Angeles (summer time in April)', () => {
    const seattle = all.find((o) => o.title === '[6] Samtal med Seattlekontoret');
    expect(seattle && [iso(seattle.start), iso(seattle.end)]).toEqual(['2026-04-20T15:00:00.000Z', '2026-04-20T16:00:00.000Z']);
  });
});

describe('the expansion window', () => {
  const calendar = parsedText(
    calendarText(['UID:w', 'DTSTART:20260105T090000Z', 'DTEND:20260105T100000Z', 'RRULE:FREQ=DAILY;COUNT=5', 'SUMMARY:#1 Daglig']),
  );

  it('includes an instance that overlaps the window start', () => {
    expect(expandOccurrences(calendar, at('2026-01-06T09:30:00Z'), at('2026-01-06T12:00:00Z'), STOCKHOLM).map((o) => iso(o.start))).toEqual(
      ['2026-01-06T09:00:00.000Z'],
    );
  });

  it('treats instances as [start, end): one ending at the window start or starting at its end is outside', () => {
    expect(expandOccurrences(calendar, at('2026-01-06T10:00:00Z'), at('2026-01-07T09:00:00Z'), STOCKHOLM)).toEqual([]);
  });

  it('stops at COUNT', () => {
    expect(expandOccurrences(calendar, ...YEAR_2026, STOCKHOLM).map((o) => iso(o.start))).toEqual([
      '2026-01-05T09:00:00.000Z',
      '2026-01-06T09:00:00.000Z',
      '2026-01-07T09:00:00.000Z',
      '2026-01-08T09:00:00.000Z',
      '2026-01-09T09:00:00.000Z',
    ]);
  });

  it('rejects an unknown user time zone', () => {
    expect(() => expandOccurrences(calendar, ...YEAR_2026, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('recurrence details', () => {
  it('adds RDATEs, including a PERIOD with its own length, and removes a DATE EXDATE from a timed series', () => {
    const calendar = parsedText(
      calendarText([
        'UID:r',
        'DTSTART;TZID=Europe/Stockholm:20260302T090000',
        'DTEND;TZID=Europe/Stockholm:20260302T100000',
        'RRULE:FREQ=WEEKLY;COUNT=3',
        'EXDATE;VALUE=DATE:20260309',
        'RDATE;TZID=Europe/Stockholm:20260304T140000',
        'RDATE;VALUE=PERIOD:20260305T120000Z/PT2H',
        'SUMMARY:#1 Serie',
      ]),
    );
    expect(expandOccurrences(calendar, ...YEAR_2026, STOCKHOLM).map((o) => [iso(o.start), iso(o.end)])).toEqual([
      ['2026-03-02T08:00:00.000Z', '2026-03-02T09:00:00.000Z'],
      ['2026-03-04T13:00:00.000Z', '2026-03-04T14:00:00.000Z'],
      ['2026-03-05T12:00:00.000Z', '2026-03-05T14:00:00.000Z'],
      ['2026-03-16T08:00:00.000Z', '2026-03-16T09:00:00.000Z'],
    ]);
  });

  it('matches a RECURRENCE-ID written in UTC against a series in a named zone', () => {
    const calendar = parsedText(
      calendarText(
        ['UID:m', 'DTSTART;TZID=Europe/Stockholm:20260302T090000', 'DURATION:PT1H', 'RRULE:FREQ=WEEKLY;COUNT=2', 'SUMMARY:#1 A'],
        ['UID:m', 'RECURRENCE-ID:20260309T080000Z', 'DTSTART:20260310T080000Z', 'DURATION:PT1H', 'SUMMARY:#1 A (flyttad)'],
      ),
    );
    expect(expandOccurrences(calendar, ...YEAR_2026, STOCKHOLM).map((o) => [iso(o.start), o.title])).toEqual([
      ['2026-03-02T08:00:00.000Z', '#1 A'],
      ['2026-03-10T08:00:00.000Z', '#1 A (flyttad)'],
    ]);
  });

  it('skips 29 February in years without one, where ical.js would give 1 March', () => {
    const calendar = parsedText(calendarText(['UID:leap', 'DTSTART;VALUE=DATE:20240229', 'RRULE:FREQ=YEARLY', 'SUMMARY:Skottdagsfest']));
    const window = [at('2024-01-01T00:00:00Z'), at('2029-01-01T00:00:00Z')] as const;
    expect(occurrencesOf(calendar, 'leap', window).map((o) => iso(o.start))).toEqual([
      '2024-02-28T23:00:00.000Z',
      '2028-02-28T23:00:00.000Z',
    ]);
  });

  it('skips months without a 31st for a monthly rule on the 31st', () => {
    const calendar = parsedText(
      calendarText(['UID:m31', 'DTSTART:20260131T090000Z', 'DURATION:PT1H', 'RRULE:FREQ=MONTHLY;COUNT=4', 'SUMMARY:Månadsslut']),
    );
    expect(occurrencesOf(calendar, 'm31').map((o) => iso(o.start).slice(0, 10))).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
      '2026-07-31',
    ]);
  });

  it('expands a series that started years ago to the right instances (fast-forward keeps the phase)', () => {
    const calendar = parsedText(
      calendarText(
        [
          'UID:d3',
          'DTSTART;TZID=Europe/Stockholm:20150101T090000',
          'DURATION:PT15M',
          'RRULE:FREQ=DAILY;INTERVAL=3',
          'SUMMARY:Var tredje dag',
        ],
        [
          'UID:w2',
          'DTSTART;TZID=Europe/Stockholm:20190101T080000',
          'DURATION:PT1H',
          'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH',
          'SUMMARY:Varannan vecka',
        ],
      ),
    );
    const window = [at('2026-03-01T00:00:00Z'), at('2026-03-15T00:00:00Z')] as const;
    // 2026-03-01 is day 4077 = 3 × 1359 after 2015-01-01, so the series falls on 1, 4, 7 … March.
    expect(occurrencesOf(calendar, 'd3', window).map((o) => iso(o.start))).toEqual([
      '2026-03-01T08:00:00.000Z',
      '2026-03-04T08:00:00.000Z',
      '2026-03-07T08:00:00.000Z',
      '2026-03-10T08:00:00.000Z',
      '2026-03-13T08:00:00.000Z',
    ]);
    // Tuesday 2019-01-01 + 2-week steps: 2026-03-03 is 374 weeks later, an even number, so that
    // week's Tuesday and Thursday count; the next pair (17 and 19 March) is past the window.
    expect(occurrencesOf(calendar, 'w2', window).map((o) => iso(o.start))).toEqual([
      '2026-03-03T07:00:00.000Z',
      '2026-03-05T07:00:00.000Z',
    ]);
  });
});

// A hang shows as the test's own timeout; what is asserted is that each rule stops at its step budget.
describe('hostile recurrence rules cannot hang parsing or expansion', () => {
  const calendar = parsedFixture('hostile-rrule.ics');

  it('parses every event, even a yearly rule ical.js would search until the year 20000', () => {
    expect(calendar.events.map((event) => event.uid)).toContain('never-yearly@hostile.test');
  });

  it('keeps only DTSTART of a yearly rule that never matches', () => {
    const expansion = expandCalendar(calendar, ...YEAR_2026, STOCKHOLM);
    expect(expansion.occurrences.filter((o) => o.uid === 'never-yearly@hostile.test').map((o) => iso(o.start))).toEqual([
      '2026-01-06T09:00:00.000Z',
    ]);
  });

  it('gives up on impossible and runaway rules with a warning and still expands the rest', () => {
    const expansion = expandCalendar(calendar, ...YEAR_2026, STOCKHOLM);
    expect(expansion.warnings.map(({ code, uid }) => ({ code, uid }))).toEqual([
      { code: 'recurrence-limit-reached', uid: 'never-matches@hostile.test' },
      { code: 'recurrence-limit-reached', uid: 'every-second@hostile.test' },
    ]);
    const normal = expansion.occurrences.filter((o) => o.uid === 'normal@hostile.test').map((o) => iso(o.start));
    expect(normal).toEqual(['2026-01-05T09:00:00.000Z', '2026-01-12T09:00:00.000Z', '2026-01-19T09:00:00.000Z']);
  });

  it('honours a smaller step budget', () => {
    const workday = parsedFixture('google.ics');
    const expansion = expandCalendar(workday, ...YEAR_2026, STOCKHOLM, { maxStepsPerSeries: 3, maxStepsTotal: 100 });
    expect(expansion.warnings).toEqual([
      expect.objectContaining({ code: 'recurrence-limit-reached', uid: '7kukuqrfedlm2f9t0vqsmg8ffd@google.com' }),
    ]);
  });
});
