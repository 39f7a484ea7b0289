import { describe, expect, it } from 'vitest';
import { expandOccurrences } from '../../../src/core/calendar/expand';
import {
  activationKey,
  nextCalendarChange,
  planCalendarActivations,
  resolveCalendarProfileAt,
  type CalendarActivation,
  type CalendarProfile,
} from '../../../src/core/calendar/schedule';
import type { Occurrence } from '../../../src/core/calendar/types';
import { at, iso, parsedFixture } from './fixtures';

const STOCKHOLM = 'Europe/Stockholm';

const profiles: CalendarProfile[] = [
  { id: 'available', number: 1, calendarPriority: 0 },
  { id: 'temporarily-out', number: 2, calendarPriority: 20 },
  { id: 'meeting', number: 3, calendarPriority: 50 },
  { id: 'customer', number: 4, calendarPriority: 20 },
  { id: 'vacation', number: 5, calendarPriority: 80 },
];

function occurrence(partial: Partial<Occurrence> & Pick<Occurrence, 'uid' | 'title' | 'start' | 'end'>): Occurrence {
  return { allDay: false, transparent: false, cancelled: false, private: false, ...partial };
}

function planFixture(name: string, from: string, to: string, defaultProfileNumberForUnmarkedBusy: number | null = null) {
  const occurrences = expandOccurrences(parsedFixture(name), at(from), at(to), STOCKHOLM);
  return planCalendarActivations(occurrences, profiles, { defaultProfileNumberForUnmarkedBusy });
}

describe('planCalendarActivations on a Google export', () => {
  const plan = planFixture('google.ics', '2026-03-01T00:00:00Z', '2026-08-01T00:00:00Z');

  it('activates marked events, skips cancelled ones and leaves unmarked ones alone by default', () => {
    expect(plan.activations.map((a) => [a.profileNumber, iso(a.start), iso(a.end)])).toEqual([
      [3, '2026-03-02T08:00:00.000Z', '2026-03-02T09:00:00.000Z'],
      [3, '2026-03-09T08:00:00.000Z', '2026-03-09T09:00:00.000Z'],
      [2, '2026-03-10T13:00:00.000Z', '2026-03-10T14:00:00.000Z'],
      [3, '2026-03-24T12:00:00.000Z', '2026-03-24T13:00:00.000Z'],
      [3, '2026-03-30T07:00:00.000Z', '2026-03-30T08:00:00.000Z'],
      [3, '2026-04-13T07:00:00.000Z', '2026-04-13T08:00:00.000Z'],
      [3, '2026-04-20T07:00:00.000Z', '2026-04-20T08:00:00.000Z'],
      // Google makes all-day events free; the marker still counts
      [5, '2026-07-12T22:00:00.000Z', '2026-07-31T22:00:00.000Z'],
    ]);
  });

  it('warns about a marker for a profile that does not exist', () => {
    expect(plan.warnings).toEqual([
      {
        key: activationKey({ uid: '8h9i0j1k2l3m4n5o6p7q8r9s0t@google.com', start: at('2026-03-13T07:00:00Z') }),
        code: 'unknown-profile-number',
        number: 42,
        start: at('2026-03-13T07:00:00Z'),
      },
    ]);
  });

  it('carries no titles: only key, profile and times', () => {
    for (const activation of plan.activations) {
      expect(Object.keys(activation).sort()).toEqual(['end', 'key', 'profileId', 'profileNumber', 'start']);
    }
    expect(JSON.stringify(plan)).not.toMatch(/Styrelsemöte|Semester|Volvo|Frukost/);
  });

  it('gives each activation a key made of uid and start', () => {
    expect(plan.activations[0]?.key).toBe(`7kukuqrfedlm2f9t0vqsmg8ffd@google.com|${at('2026-03-02T08:00:00Z')}`);
    expect(new Set(plan.activations.map((a) => a.key)).size).toBe(plan.activations.length);
  });
});

describe('busy events without a marker', () => {
  it('activate the default profile only when it is set, and never when shown as free', () => {
    const plan = planFixture('google.ics', '2026-03-11T00:00:00Z', '2026-03-13T00:00:00Z', 2);
    // "Lunch med Erik" is transparent and the cancelled budget meeting is ignored; "Kundsamtal" is busy
    expect(plan.activations.map((a) => [a.profileNumber, iso(a.start)])).toEqual([[2, '2026-03-12T09:00:00.000Z']]);
    expect(planFixture('google.ics', '2026-03-11T00:00:00Z', '2026-03-13T00:00:00Z', null).activations).toEqual([]);
  });

  it('warn when the default profile number does not exist', () => {
    const plan = planFixture('workday.ics', '2026-04-15T11:00:00Z', '2026-04-15T12:00:00Z', 9);
    expect(plan.warnings).toEqual([
      {
        key: `planning@workday.test|${at('2026-04-15T11:00:00Z')}`,
        code: 'unknown-profile-number',
        number: 9,
        start: at('2026-04-15T11:00:00Z'),
      },
    ]);
  });
});

describe('resolveCalendarProfileAt on a day of overlapping and back-to-back meetings', () => {
  // 09:00–10:00 #3 (priority 50), 09:30–10:30 #2 (priority 20), 10:00–11:00 [4] (priority 20)
  const { activations } = planFixture('workday.ics', '2026-04-15T00:00:00Z', '2026-04-16T00:00:00Z');
  const profileAt = (isoTime: string, skipped?: Set<string>) =>
    resolveCalendarProfileAt(activations, profiles, at(isoTime), skipped)?.profileNumber ?? null;

  it('is nothing before the first meeting', () => {
    expect(profileAt('2026-04-15T06:59:59Z')).toBeNull();
  });

  it('starts exactly at the first start', () => {
    expect(profileAt('2026-04-15T07:00:00Z')).toBe(3);
  });

  it('keeps the higher calendar priority when a lower one overlaps', () => {
    expect(profileAt('2026-04-15T07:45:00Z')).toBe(3);
  });

  it('switches directly at a back-to-back boundary, and a tie goes to the later start', () => {
    expect(profileAt('2026-04-15T07:59:59Z')).toBe(3);
    expect(profileAt('2026-04-15T08:00:00Z')).toBe(4);
  });

  it('falls back to the remaining overlap when the user skipped the winner', () => {
    const customer = activations.find((a) => a.profileNumber === 4);
    expect(profileAt('2026-04-15T08:00:00Z', new Set([customer?.key ?? '']))).toBe(2);
  });

  it('ends exactly at the last end', () => {
    expect(profileAt('2026-04-15T08:59:59Z')).toBe(4);
    expect(profileAt('2026-04-15T09:00:00Z')).toBeNull();
  });

  it('goes to the lower profile number when priority and start are equal', () => {
    const same: CalendarActivation[] = [
      { key: 'b|1', profileId: 'customer', profileNumber: 4, start: 0, end: 10 },
      { key: 'a|1', profileId: 'temporarily-out', profileNumber: 2, start: 0, end: 10 },
    ];
    expect(resolveCalendarProfileAt(same, profiles, 5)?.profileNumber).toBe(2);
  });

  it('ignores activations of profiles that no longer exist', () => {
    const gone: CalendarActivation[] = [{ key: 'x|0', profileId: 'deleted', profileNumber: 7, start: 0, end: 10 }];
    expect(resolveCalendarProfileAt(gone, profiles, 5)).toBeNull();
  });

  it('uses the priorities the profiles have now', () => {
    const reprioritised = profiles.map((p) => (p.number === 2 ? { ...p, calendarPriority: 99 } : p));
    expect(resolveCalendarProfileAt(activations, reprioritised, at('2026-04-15T07:45:00Z'))?.profileNumber).toBe(2);
  });
});

describe('nextCalendarChange', () => {
  const { activations } = planFixture('workday.ics', '2026-04-15T00:00:00Z', '2026-04-16T00:00:00Z');

  it('walks every start and end in order, strictly after the given instant', () => {
    const changes: string[] = [];
    for (
      let next = nextCalendarChange(activations, at('2026-04-15T00:00:00Z'));
      next !== null;
      next = nextCalendarChange(activations, next)
    ) {
      changes.push(iso(next));
    }
    expect(changes).toEqual([
      '2026-04-15T07:00:00.000Z',
      '2026-04-15T07:30:00.000Z',
      '2026-04-15T08:00:00.000Z',
      '2026-04-15T08:30:00.000Z',
      '2026-04-15T09:00:00.000Z',
    ]);
  });

  it('is null when nothing is left', () => {
    expect(nextCalendarChange(activations, at('2026-04-15T09:00:00Z'))).toBeNull();
    expect(nextCalendarChange([], 0)).toBeNull();
  });
});

describe('planCalendarActivations with hand-made occurrences', () => {
  it('activates a marked event shown as free but never a cancelled one', () => {
    const plan = planCalendarActivations(
      [
        occurrence({ uid: 'free', title: '[5] Semester', start: 0, end: 10, transparent: true }),
        occurrence({ uid: 'gone', title: '#3 Inställt', start: 0, end: 10, cancelled: true }),
      ],
      profiles,
      { defaultProfileNumberForUnmarkedBusy: 1 },
    );
    expect(plan.activations.map((a) => a.key)).toEqual(['free|0']);
  });

  it('lets an information-only event switch nothing, not even by the unmarked-busy rule, with the short forms on', () => {
    const events = [
      occurrence({ uid: 'info', title: '[i] Flytten', start: 0, end: 10 }),
      occurrence({ uid: 'code', title: '4: Kundbesök', start: 20, end: 30 }),
    ];
    const on = planCalendarActivations(events, profiles, { defaultProfileNumberForUnmarkedBusy: 1, shortFormMarkers: true });
    expect(on.activations.map((a) => [a.key, a.profileNumber])).toEqual([['code|20', 4]]);
    const off = planCalendarActivations(events, profiles, { defaultProfileNumberForUnmarkedBusy: 1 });
    expect(off.activations.map((a) => [a.key, a.profileNumber])).toEqual([
      ['info|0', 1],
      ['code|20', 1],
    ]);
  });

  it('skips private events, marked or busy, only when asked to', () => {
    const events = [
      occurrence({ uid: 'doctor', title: '#3 Läkare', start: 0, end: 10, private: true }),
      occurrence({ uid: 'dentist', title: 'Tandläkare', start: 20, end: 30, private: true }),
    ];
    expect(
      planCalendarActivations(events, profiles, { defaultProfileNumberForUnmarkedBusy: 1, ignorePrivateEvents: true }).activations,
    ).toEqual([]);
    expect(planCalendarActivations(events, profiles, { defaultProfileNumberForUnmarkedBusy: 1 }).activations).toHaveLength(2);
  });

  it('makes one activation of the same instance seen twice', () => {
    const twice = occurrence({ uid: 'same', title: '#3 Möte', start: 0, end: 10 });
    expect(
      planCalendarActivations([twice, { ...twice }], profiles, { defaultProfileNumberForUnmarkedBusy: null }).activations,
    ).toHaveLength(1);
  });
});
