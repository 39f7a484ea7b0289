import { describe, expect, it } from 'vitest';
import { reconcileCalendar } from '../../../src/core/calendar/reconcile';
import type { CalendarActivation } from '../../../src/core/calendar/schedule';
import type { SuppressedActivation } from '../../../src/core/calendar/settings';
import { markChosenByHand, skipActivation, unskipActivation } from '../../../src/core/calendar/suppression';
import { activateProfile } from '../../../src/core/profiles/activation';
import { DEFAULT_WORKING_HOURS } from '../../../src/core/time/workingHours';
import type { Activation } from '../../../src/core/profiles/activationRecord';
import { defaultSettings, type Settings } from '../../../src/core/settings/schema';

/** 2026-04-15 in Stockholm (UTC+2), to the millisecond. */
const T = (hhmm: string, ms = 0) => new Date(`2026-04-15T${hhmm}:00+02:00`).getTime() + ms;
const CONTEXT = { timeZone: 'Europe/Stockholm', workingHours: DEFAULT_WORKING_HOURS };

const NUMBERS: Record<string, number> = {
  available: 1,
  lunch: 2,
  meeting: 3,
  sick: 6,
  'temporarily-out': 7,
  'care-of-child': 9,
  training: 10,
};

function event(key: string, profileId: string, start: string, end: string): CalendarActivation {
  return { key, profileId, profileNumber: NUMBERS[profileId] ?? 0, start: T(start), end: T(end) };
}

const byHand = (profileId: string, since: string, until: string | null, temporaryMessage: string | null = null): Activation => ({
  profileId,
  since: T(since),
  until: until === null ? null : T(until),
  temporaryMessage,
  source: { kind: 'manual' },
});

const startupBase: Activation = { profileId: 'available', since: T('07:00'), until: null, temporaryMessage: null };

function settingsWith(active: Activation, suppressed: SuppressedActivation[] = []): Settings {
  const defaults = defaultSettings(T('07:00'));
  return { ...defaults, active, calendar: { ...defaults.calendar, suppressed } };
}

/** Runs reconcile at each instant in turn, as the service's timer would, and returns the outcomes. */
function walk(settings: Settings, activations: CalendarActivation[], instants: number[]) {
  const outcomes = [];
  let current = settings;
  for (const now of instants) {
    const outcome = reconcileCalendar(current, activations, now);
    outcomes.push({ now, active: outcome.settings.active, ended: outcome.ended?.id ?? null, changed: outcome.settings !== current });
    current = outcome.settings;
  }
  return { outcomes, settings: current };
}

const meeting = event('mtg|1', 'meeting', '09:00', '10:00');

describe('reconcileCalendar: an event starts and ends', () => {
  it('changes nothing before the start', () => {
    const settings = settingsWith(startupBase);
    const outcome = reconcileCalendar(settings, [meeting], T('09:00', -1));
    expect(outcome.settings).toBe(settings);
    expect(outcome.ended).toBeNull();
  });

  it('activates the profile at the start until the end, remembering what was on', () => {
    const outcome = reconcileCalendar(settingsWith(startupBase), [meeting], T('09:00'));
    expect(outcome.settings.active).toEqual({
      profileId: 'meeting',
      since: T('09:00'),
      until: T('10:00'),
      temporaryMessage: null,
      source: { kind: 'calendar', key: 'mtg|1', returnTo: { profileId: 'available', since: T('07:00'), until: null, byHand: false } },
    });
    expect(outcome.ended).toBeNull();
  });

  it('gives back the earlier profile at the end, with its own end and without its temporary message', () => {
    const before = byHand('temporarily-out', '08:30', '14:00', 'Hos kund i Kista');
    const { outcomes } = walk(settingsWith(before), [meeting], [T('09:00'), T('10:00', -1), T('10:00')]);
    expect(outcomes.map((o) => [o.active.profileId, o.changed])).toEqual([
      ['meeting', true],
      ['meeting', false],
      ['temporarily-out', true],
    ]);
    expect(outcomes[2]?.active).toEqual({
      profileId: 'temporarily-out',
      since: T('08:30'),
      until: T('14:00'),
      temporaryMessage: null,
      source: { kind: 'manual' },
    });
    expect(outcomes[2]?.ended).toBe('meeting');
  });

  it('gives the base profile instead when the earlier profile ended during the event, from the moment it ended', () => {
    const { outcomes } = walk(settingsWith(byHand('temporarily-out', '08:30', '09:30')), [meeting], [T('09:00'), T('09:30'), T('10:00')]);
    expect(outcomes[1]).toMatchObject({ active: { profileId: 'meeting' }, changed: false, ended: null });
    expect(outcomes[2]?.active).toEqual({ profileId: 'available', since: T('09:30'), until: null, temporaryMessage: null });
    expect(outcomes[2]?.ended).toBe('meeting');
  });

  it('is idempotent: a second run at the same instant returns the same settings object', () => {
    const first = reconcileCalendar(settingsWith(startupBase), [meeting], T('09:10'));
    expect(reconcileCalendar(first.settings, [meeting], T('09:10')).settings).toBe(first.settings);
  });
});

describe('reconcileCalendar: a profile chosen by hand during the event', () => {
  function chooseByHand(
    settings: Settings,
    profileId: string,
    minutes: number | null,
    now: number,
    activations: CalendarActivation[],
  ): Settings {
    const length = minutes === null ? { kind: 'untilChanged' as const } : { kind: 'minutes' as const, minutes };
    const activated = activateProfile(settings, { profileId, length, temporaryMessage: null }, now, CONTEXT);
    if (!activated.ok) throw new Error(activated.error.message);
    return markChosenByHand(activated.value, activations, now);
  }

  it('wins until the event ends, and the calendar does not take it back', () => {
    const inMeeting = reconcileCalendar(settingsWith(startupBase), [meeting], T('09:00')).settings;
    const chosen = chooseByHand(inMeeting, 'available', null, T('09:15'), [meeting]);
    expect(chosen.active).toEqual({
      profileId: 'available',
      since: T('09:15'),
      until: null,
      temporaryMessage: null,
      source: { kind: 'manual' },
    });
    expect(chosen.calendar.suppressed).toEqual([{ key: 'mtg|1', end: T('10:00'), reason: 'overridden' }]);

    const { outcomes, settings } = walk(chosen, [meeting], [T('09:30'), T('10:00', -1), T('10:00')]);
    expect(outcomes.map((o) => o.active.profileId)).toEqual(['available', 'available', 'available']);
    expect(outcomes.map((o) => o.ended)).toEqual([null, null, null]);
    expect(settings.calendar.suppressed).toEqual([]);
  });

  it('does not bring the event back when the hand-chosen timed profile ends before the event does', () => {
    const inMeeting = reconcileCalendar(settingsWith(startupBase), [meeting], T('09:00')).settings;
    const chosen = chooseByHand(inMeeting, 'lunch', 30, T('09:15'), [meeting]);
    const { outcomes } = walk(chosen, [meeting], [T('09:45')]);
    expect(outcomes[0]?.active).toEqual({ profileId: 'available', since: T('09:45'), until: null, temporaryMessage: null });
    expect(outcomes[0]?.ended).toBe('lunch');
  });

  it('wins when chosen at the very instant the event starts', () => {
    const settings = settingsWith(byHand('lunch', '09:00', '10:15'));
    expect(reconcileCalendar(settings, [meeting], T('09:00')).settings).toBe(settings);
  });

  it('is kept even against an event the feed only revealed after the choice', () => {
    const settings = settingsWith(byHand('lunch', '09:15', '10:15'));
    expect(reconcileCalendar(settings, [meeting], T('09:20')).settings).toBe(settings);
  });

  it('lets the next meeting switch at its own start', () => {
    const next = event('mtg|2', 'training', '10:00', '11:00');
    const inMeeting = reconcileCalendar(settingsWith(startupBase), [meeting, next], T('09:00')).settings;
    const chosen = chooseByHand(inMeeting, 'available', null, T('09:15'), [meeting, next]);
    const { outcomes } = walk(chosen, [meeting, next], [T('10:00'), T('11:00')]);
    expect(outcomes[0]?.active).toMatchObject({ profileId: 'training', since: T('10:00'), until: T('11:00') });
    expect(outcomes[1]?.active).toEqual({
      profileId: 'available',
      since: T('09:15'),
      until: null,
      temporaryMessage: null,
      source: { kind: 'manual' },
    });
  });

  it('suppresses every activation in force, and none still ahead', () => {
    const overlapping = event('out|1', 'temporarily-out', '08:00', '12:00');
    const ahead = event('trn|1', 'training', '10:00', '11:00');
    const chosen = markChosenByHand(settingsWith(startupBase), [overlapping, meeting, ahead], T('09:30'));
    expect(chosen.calendar.suppressed).toEqual([
      { key: 'out|1', end: T('12:00'), reason: 'overridden' },
      { key: 'mtg|1', end: T('10:00'), reason: 'overridden' },
    ]);
    expect(chosen.active.source).toEqual({ kind: 'manual' });
  });
});

describe('reconcileCalendar: calendar priority decides overlaps with timed profiles and other events', () => {
  it('leaves a profile with a higher priority on (Sjuk 90 over Möte 50)', () => {
    const settings = settingsWith(byHand('sick', '08:00', '17:00'));
    expect(reconcileCalendar(settings, [meeting], T('09:00')).settings).toBe(settings);
  });

  it('gives an equal priority to the event, the later of the two (Vård av barn 90 over Sjuk 90)', () => {
    const care = event('care|1', 'care-of-child', '09:00', '10:00');
    const outcome = reconcileCalendar(settingsWith(byHand('sick', '08:00', '17:00')), [care], T('09:00'));
    expect(outcome.settings.active).toMatchObject({
      profileId: 'care-of-child',
      source: { kind: 'calendar', returnTo: { profileId: 'sick' } },
    });
  });

  it('switches a profile with a lower priority (Lunch 40 under Möte 50), and gives the base back when lunch ran out meanwhile', () => {
    const { outcomes } = walk(settingsWith(byHand('lunch', '08:30', '09:30')), [meeting], [T('09:00'), T('09:30'), T('10:00')]);
    expect(outcomes[0]?.active).toMatchObject({
      profileId: 'meeting',
      source: { kind: 'calendar', returnTo: { profileId: 'lunch', since: T('08:30'), until: T('09:30'), byHand: true } },
    });
    expect(outcomes[1]?.changed).toBe(false);
    expect(outcomes[2]?.active).toEqual({ profileId: 'available', since: T('09:30'), until: null, temporaryMessage: null });
  });

  it('lets an outranked event take over when the higher profile runs out, and only then', () => {
    const out = event('out|1', 'temporarily-out', '12:30', '13:00');
    const lunch = { ...byHand('lunch', '11:55', null), until: T('12:55') };
    const { outcomes } = walk(settingsWith(lunch), [out], [T('12:30'), T('12:55'), T('13:00')]);
    expect(outcomes[0]).toMatchObject({ changed: false });
    expect(outcomes[1]?.active).toEqual({
      profileId: 'temporarily-out',
      since: T('12:55'),
      until: T('13:00'),
      temporaryMessage: null,
      source: { kind: 'calendar', key: 'out|1', returnTo: { profileId: 'available', since: T('12:55'), until: null, byHand: false } },
    });
    expect(outcomes[1]?.ended).toBe('lunch');
    expect(outcomes[2]?.active).toEqual({ profileId: 'available', since: T('12:55'), until: null, temporaryMessage: null });
    expect(outcomes[2]?.ended).toBe('temporarily-out');
  });

  it('keeps the higher-priority event through an overlap, then hands over to the other without going back in between', () => {
    const out = event('out|1', 'temporarily-out', '09:30', '10:30');
    const { outcomes } = walk(settingsWith(startupBase), [meeting, out], [T('09:00'), T('09:30'), T('10:00'), T('10:30')]);
    expect(outcomes.map((o) => [o.active.profileId, o.ended])).toEqual([
      ['meeting', null],
      ['meeting', null],
      ['temporarily-out', null],
      ['available', 'temporarily-out'],
    ]);
    expect(outcomes[2]?.active).toMatchObject({
      since: T('10:00'),
      until: T('10:30'),
      source: { key: 'out|1', returnTo: { profileId: 'available', since: T('07:00') } },
    });
    expect(outcomes[3]?.active).toEqual(startupBase);
  });

  it('gives a later, higher-priority event the floor mid-meeting, and the meeting back after it', () => {
    const training = event('trn|1', 'training', '09:20', '09:40');
    const { outcomes } = walk(settingsWith(startupBase), [meeting, training], [T('09:00'), T('09:20'), T('09:40'), T('10:00')]);
    expect(outcomes.map((o) => [o.active.profileId, o.active.since])).toEqual([
      ['meeting', T('09:00')],
      ['training', T('09:20')],
      ['meeting', T('09:40')],
      ['available', T('07:00')],
    ]);
  });
});

describe('reconcileCalendar: back-to-back events', () => {
  it('switches directly at the boundary, keeping what to return to, with no ending announced', () => {
    const training = event('trn|1', 'training', '10:00', '11:00');
    const before = byHand('temporarily-out', '08:00', '16:00');
    const { outcomes } = walk(settingsWith(before), [meeting, training], [T('09:00'), T('10:00', -1), T('10:00'), T('11:00')]);
    expect(outcomes.map((o) => [o.active.profileId, o.ended])).toEqual([
      ['meeting', null],
      ['meeting', null],
      ['training', null],
      ['temporarily-out', 'training'],
    ]);
    expect(outcomes[2]?.active).toEqual({
      profileId: 'training',
      since: T('10:00'),
      until: T('11:00'),
      temporaryMessage: null,
      source: {
        kind: 'calendar',
        key: 'trn|1',
        returnTo: { profileId: 'temporarily-out', since: T('08:00'), until: T('16:00'), byHand: true },
      },
    });
  });
});

describe('reconcileCalendar: after the app was closed or asleep', () => {
  it('puts on a meeting that began meanwhile, from its start', () => {
    const outcome = reconcileCalendar(settingsWith(startupBase), [meeting], T('09:37'));
    expect(outcome.settings.active).toMatchObject({ profileId: 'meeting', since: T('09:00'), until: T('10:00') });
  });

  it('does nothing for a meeting that began and ended meanwhile', () => {
    const settings = settingsWith(startupBase);
    expect(reconcileCalendar(settings, [meeting], T('10:30')).settings).toBe(settings);
  });

  it('gives back the earlier profile after a meeting that ended meanwhile', () => {
    const inMeeting = reconcileCalendar(settingsWith(byHand('temporarily-out', '08:00', '16:00')), [meeting], T('09:00')).settings;
    const outcome = reconcileCalendar(inMeeting, [meeting], T('12:00'));
    expect(outcome.settings.active).toEqual(byHand('temporarily-out', '08:00', '16:00'));
    expect(outcome.ended?.id).toBe('meeting');
  });

  it('gives the base profile from its own end when the earlier profile also ended meanwhile', () => {
    const inMeeting = reconcileCalendar(settingsWith(byHand('temporarily-out', '08:00', '11:00')), [meeting], T('09:00')).settings;
    const outcome = reconcileCalendar(inMeeting, [meeting], T('12:00'));
    expect(outcome.settings.active).toEqual({ profileId: 'available', since: T('11:00'), until: null, temporaryMessage: null });
  });

  it('ends a timed profile and puts on the meeting that began after it, in one step', () => {
    const outcome = reconcileCalendar(settingsWith(byHand('lunch', '08:00', '08:45')), [meeting], T('09:30'));
    expect(outcome.settings.active).toEqual({
      profileId: 'meeting',
      since: T('09:00'),
      until: T('10:00'),
      temporaryMessage: null,
      source: { kind: 'calendar', key: 'mtg|1', returnTo: { profileId: 'available', since: T('08:45'), until: null, byHand: false } },
    });
    expect(outcome.ended?.id).toBe('lunch');
  });
});

describe('reconcileCalendar: skipped, changed and vanished events', () => {
  it('leaves a skipped activation alone, and prunes the skip once it has ended', () => {
    const skipped: SuppressedActivation = { key: 'mtg|1', end: T('10:00'), reason: 'skipped' };
    const settings = settingsWith(startupBase, [skipped]);
    expect(reconcileCalendar(settings, [meeting], T('09:00')).settings).toBe(settings);
    const after = reconcileCalendar(settings, [meeting], T('10:00'));
    expect(after.settings.calendar.suppressed).toEqual([]);
    expect(after.settings.active).toBe(startupBase);
  });

  it('gives back the earlier profile when the activation on now is skipped, without announcing an ending', () => {
    const inMeeting = reconcileCalendar(settingsWith(startupBase), [meeting], T('09:00')).settings;
    const skipped = skipActivation(inMeeting, [meeting], 'mtg|1', T('09:10'));
    if (!skipped.ok) throw new Error(skipped.error.message);
    const outcome = reconcileCalendar(skipped.value, [meeting], T('09:10'));
    expect(outcome.settings.active).toEqual(startupBase);
    expect(outcome.ended).toBeNull();
  });

  it('follows a meeting lengthened in the feed, keeping its start and what it returns to', () => {
    const inMeeting = reconcileCalendar(settingsWith(startupBase), [meeting], T('09:00')).settings;
    const longer = { ...meeting, end: T('10:30') };
    const outcome = reconcileCalendar(inMeeting, [longer], T('09:30'));
    expect(outcome.settings.active).toEqual({ ...inMeeting.active, until: T('10:30') });
  });

  it('gives back the earlier profile at once when the meeting vanishes from the feed', () => {
    const inMeeting = reconcileCalendar(settingsWith(startupBase), [meeting], T('09:00')).settings;
    const outcome = reconcileCalendar(inMeeting, [], T('09:30'));
    expect(outcome.settings.active).toEqual(startupBase);
    expect(outcome.ended).toBeNull();
  });

  it('gives the base profile when the profile to return to was deleted meanwhile', () => {
    const inMeeting = reconcileCalendar(settingsWith(byHand('temporarily-out', '08:00', null)), [meeting], T('09:00')).settings;
    const withoutOut = { ...inMeeting, profiles: inMeeting.profiles.filter((profile) => profile.id !== 'temporarily-out') };
    const outcome = reconcileCalendar(withoutOut, [meeting], T('10:00'));
    expect(outcome.settings.active).toEqual({ profileId: 'available', since: T('10:00'), until: null, temporaryMessage: null });
  });
});

describe('skipping', () => {
  const settings = settingsWith(startupBase);

  it('records the skip with the end of the activation', () => {
    const skipped = skipActivation(settings, [meeting], 'mtg|1', T('08:00'));
    expect(skipped.ok && skipped.value.calendar.suppressed).toEqual([{ key: 'mtg|1', end: T('10:00'), reason: 'skipped' }]);
    const undone = skipped.ok ? unskipActivation(skipped.value, 'mtg|1', T('08:00')) : skipped;
    expect(undone.ok && undone.value.calendar.suppressed).toEqual([]);
  });

  it('refuses an unknown key, an activation that has ended, and undoing what was not skipped', () => {
    expect(skipActivation(settings, [meeting], 'nope|1', T('08:00'))).toEqual({
      ok: false,
      error: { code: 'calendar-activation-unknown', field: 'key', message: 'No upcoming calendar activation has this key.' },
    });
    expect(skipActivation(settings, [meeting], 'mtg|1', T('10:00'))).toEqual({
      ok: false,
      error: { code: 'calendar-activation-past', field: 'key', message: 'This calendar activation has already ended.' },
    });
    expect(unskipActivation(settings, 'mtg|1', T('08:00'))).toEqual({
      ok: false,
      error: { code: 'calendar-skip-unknown', field: 'key', message: 'This calendar activation is not skipped.' },
    });
  });
});
