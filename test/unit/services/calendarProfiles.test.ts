import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppState } from '../../../src/core/state/appState';
import { icsCalendar } from '../../helpers/calendarApp';
import { ManualClock } from '../../helpers/manualClock';
import { openTestApp, type TestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const T = (hhmm: string) => new Date(`2026-04-15T${hhmm}:00+02:00`).getTime();
const MINUTE = 60_000;

/** 09:00–10:00 "#3 Styrelsemöte", back to back with 10:00–11:00 "[10] Kurs i Excel"; 13:00–14:00 an unmarked busy "Kundsamtal". */
const DAY = icsCalendar([
  { uid: 'board@day.test', summary: '#3 Styrelsemöte om budgeten', start: T('09:00'), end: T('10:00') },
  { uid: 'course@day.test', summary: '[10] Kurs i Excel', start: T('10:00'), end: T('11:00') },
  { uid: 'client@day.test', summary: 'Kundsamtal med Volvo', start: T('13:00'), end: T('14:00') },
  { uid: 'unknown@day.test', summary: '#42 Hemligt projekt', start: T('15:00'), end: T('15:30') },
]);
const TITLES = /Styrelsemöte|budgeten|Kurs i Excel|Kundsamtal|Volvo|Hemligt/;

const apps: TestApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.services.dispose();
});

async function openWithCalendar(dir: string, at: string, ics = DAY): Promise<TestApp> {
  const path = join(dir, 'dag.ics');
  writeFileSync(path, ics);
  const app = openTestApp(dir, new ManualClock(T(at)));
  apps.push(app);
  if (app.services.state.calendar.sources.length === 0) {
    expect(app.services.invoke('calendar:add-source', { location: path }).ok).toBe(true);
  }
  await app.services.calendar.whenIdle();
  return app;
}

function reopen(dir: string, at: string): TestApp {
  const app = openTestApp(dir, new ManualClock(T(at)));
  apps.push(app);
  return app;
}

/** Every distinct active profile the app went through, as the renderer would have seen it. */
function recordProfiles(app: TestApp): string[] {
  const seen: string[] = [app.services.state.active.profileId];
  app.services.onStateChanged((state: AppState) => {
    if (seen.at(-1) !== state.active.profileId) seen.push(state.active.profileId);
  });
  return seen;
}

const activate = (app: TestApp, profileId: string, length: { kind: 'default' } | { kind: 'until'; until: number } = { kind: 'default' }) =>
  app.services.invoke('profile:activate', { profileId, length, temporaryMessage: null });

describe('the calendar switches profiles through the profile service, on its own timer', () => {
  it('puts Möte on at 09:00 sharp, switches straight to Utbildning at 10:00, and gives back the earlier profile at 11:00', async () => {
    const app = await openWithCalendar(newDir(), '08:00');
    activate(app, 'temporarily-out', { kind: 'until', until: T('16:00') });
    const seen = recordProfiles(app);

    app.clock.advance(60 * MINUTE - 1);
    expect(app.services.state.active.profileId).toBe('temporarily-out');
    app.clock.advance(1);
    expect(app.services.state.active).toEqual({
      profileId: 'meeting',
      since: T('09:00'),
      until: T('10:00'),
      temporaryMessage: null,
      source: {
        kind: 'calendar',
        key: `board@day.test|${T('09:00')}`,
        returnTo: { profileId: 'temporarily-out', since: T('08:00'), until: T('16:00'), byHand: true },
      },
    });

    app.clock.advance(60 * MINUTE);
    expect(app.services.state.active).toMatchObject({ profileId: 'training', since: T('10:00'), until: T('11:00') });
    app.clock.advance(60 * MINUTE);
    expect(app.services.state.active).toEqual({
      profileId: 'temporarily-out',
      since: T('08:00'),
      until: T('16:00'),
      temporaryMessage: null,
      source: { kind: 'manual' },
    });
    expect(seen).toEqual(['temporarily-out', 'meeting', 'training', 'temporarily-out']);
    expect(app.shown.map((record) => record.title)).toEqual(['Profilen Utbildning har avslutats']);
  });

  it('keeps a profile chosen by hand during the meeting until the meeting ends, then the next meeting starts', async () => {
    const app = await openWithCalendar(newDir(), '08:55');
    app.clock.advance(5 * MINUTE);
    expect(app.services.state.active.profileId).toBe('meeting');
    app.clock.advance(15 * MINUTE);
    expect(activate(app, 'available').ok).toBe(true);
    expect(app.services.state.active).toEqual({
      profileId: 'available',
      since: T('09:15'),
      until: null,
      temporaryMessage: null,
      source: { kind: 'manual' },
    });
    expect(app.services.state.calendar.upcoming[0]).toMatchObject({ profileNumber: 3, state: 'overridden' });

    app.clock.advance(45 * MINUTE - 1);
    expect(app.services.state.active.profileId).toBe('available');
    app.clock.advance(1);
    expect(app.services.state.active).toMatchObject({ profileId: 'training', since: T('10:00') });
  });

  it('puts the state right on start after the app was closed through a start, and through an end', async () => {
    const dir = newDir();
    const first = await openWithCalendar(dir, '08:00');
    activate(first, 'temporarily-out', { kind: 'until', until: T('12:30') });
    first.services.dispose();

    const during = reopen(dir, '09:40');
    await during.services.calendar.whenCacheLoaded();
    expect(during.services.state.active).toMatchObject({ profileId: 'meeting', since: T('09:00'), until: T('10:00') });
    await during.services.calendar.whenIdle();
    during.services.dispose();

    const after = reopen(dir, '12:00');
    await after.services.calendar.whenCacheLoaded();
    expect(after.services.state.active).toEqual({
      profileId: 'temporarily-out',
      since: T('08:00'),
      until: T('12:30'),
      temporaryMessage: null,
      source: { kind: 'manual' },
    });
    await after.services.calendar.whenIdle();
  });

  it('puts the state right on resume after sleeping through a start', async () => {
    const app = await openWithCalendar(newDir(), '08:00');
    app.clock.jump(90 * MINUTE);
    app.services.resume();
    expect(app.services.state.active).toMatchObject({ profileId: 'meeting', since: T('09:00') });
    await app.services.calendar.whenIdle();
  });

  it('wakes at the next calendar change even with no timed profile on', async () => {
    const app = await openWithCalendar(newDir(), '08:00');
    expect(app.services.state.active.until).toBeNull();
    expect(app.clock.pendingTimers).toBe(2);
    app.clock.advance(60 * MINUTE);
    expect(app.services.state.active.profileId).toBe('meeting');
  });

  it('lets a higher calendar priority stand: Sjuk (90) is not switched to Möte (50)', async () => {
    const app = await openWithCalendar(newDir(), '08:00');
    activate(app, 'sick');
    app.clock.advance(90 * MINUTE);
    expect(app.services.state.active.profileId).toBe('sick');
    expect(app.services.state.calendar.upcoming[0]).toMatchObject({ profileNumber: 3, state: 'outranked' });
  });
});

describe('the list of upcoming activations', () => {
  it('lists times, profile numbers and the meeting, warns about an unknown profile number, and never switches to it', async () => {
    const app = await openWithCalendar(newDir(), '08:00');
    expect(app.services.state.calendar.upcoming).toEqual([
      {
        key: `board@day.test|${T('09:00')}`,
        start: T('09:00'),
        end: T('10:00'),
        profileId: 'meeting',
        profileNumber: 3,
        title: '#3 Styrelsemöte om budgeten',
        state: 'planned',
      },
      {
        key: `course@day.test|${T('10:00')}`,
        start: T('10:00'),
        end: T('11:00'),
        profileId: 'training',
        profileNumber: 10,
        title: '[10] Kurs i Excel',
        state: 'planned',
      },
      {
        key: `unknown@day.test|${T('15:00')}`,
        start: T('15:00'),
        end: T('15:30'),
        profileId: null,
        profileNumber: 42,
        title: '#42 Hemligt projekt',
        state: 'unknown-profile',
      },
    ]);
    app.clock.advance(7 * 60 * MINUTE + 10 * MINUTE);
    expect(app.services.state.active.profileId).toBe('available');
  });

  it('skips one activation ("Hoppa över"), keeps the skip across a restart, and prunes it once past', async () => {
    const dir = newDir();
    const app = await openWithCalendar(dir, '08:00');
    const key = `board@day.test|${T('09:00')}`;
    expect(app.services.invoke('calendar:skip', { key, skipped: true }).ok).toBe(true);
    expect(app.services.state.calendar.upcoming[0]).toMatchObject({ key, state: 'skipped' });
    app.services.dispose();

    const next = reopen(dir, '08:30');
    await next.services.calendar.whenIdle();
    expect(next.services.state.calendar.upcoming[0]).toMatchObject({ key, state: 'skipped' });
    next.clock.advance(30 * MINUTE);
    expect(next.services.state.active.profileId).toBe('available');
    next.clock.advance(60 * MINUTE);
    expect(next.services.state.active.profileId).toBe('training');
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
    expect(onDisk.calendar.suppressed).toEqual([]);
  });

  it('takes a skip back, and refuses to skip what is not listed', async () => {
    const app = await openWithCalendar(newDir(), '08:00');
    const key = `board@day.test|${T('09:00')}`;
    app.services.invoke('calendar:skip', { key, skipped: true });
    expect(app.services.invoke('calendar:skip', { key, skipped: false }).ok).toBe(true);
    expect(app.services.state.calendar.upcoming[0]?.state).toBe('planned');
    expect(app.services.invoke('calendar:skip', { key: 'nope|1', skipped: true })).toEqual({
      ok: false,
      error: { code: 'calendar-activation-unknown', field: 'key', message: 'No upcoming calendar activation has this key.' },
    });
  });
});

describe('the rule for busy events without a marker', () => {
  it('is off by default, and when on, activates its profile for the unmarked busy event', async () => {
    const app = await openWithCalendar(newDir(), '12:00');
    expect(app.services.state.calendar.unmarkedBusyProfileNumber).toBeNull();
    expect(app.services.invoke('calendar:set-unmarked-rule', { profileNumber: 7 }).ok).toBe(true);
    expect(app.services.state.calendar.upcoming[0]).toMatchObject({ start: T('13:00'), profileNumber: 7, state: 'planned' });
    app.clock.advance(60 * MINUTE);
    expect(app.services.state.active).toMatchObject({ profileId: 'temporarily-out', until: T('14:00') });
  });

  it('refuses a profile number that does not exist, and changes nothing', async () => {
    const app = await openWithCalendar(newDir(), '12:00');
    expect(app.services.invoke('calendar:set-unmarked-rule', { profileNumber: 42 })).toEqual({
      ok: false,
      error: { code: 'profile-number-unknown', field: 'profileNumber', message: 'No profile has the number 42.' },
    });
    expect(app.services.state.calendar.unmarkedBusyProfileNumber).toBeNull();
  });
});

describe('privacy', () => {
  it('shows titles only in the upcoming list: never in the rest of the state, the settings file, the log or a notification', async () => {
    const dir = newDir();
    const app = await openWithCalendar(dir, '08:00');
    const states: AppState[] = [];
    app.services.onStateChanged((state) => states.push(state));
    expect(app.services.state.calendar.upcoming.map((row) => row.title)).toContain('#3 Styrelsemöte om budgeten');
    app.clock.advance(8 * 60 * MINUTE);
    expect(states.length).toBeGreaterThan(0);
    const withoutUpcomingTitles = (state: AppState) => ({
      ...state,
      calendar: { ...state.calendar, upcoming: state.calendar.upcoming.map((row) => ({ ...row, title: '' })) },
    });
    expect(JSON.stringify([app.services.state, ...states].map(withoutUpcomingTitles))).not.toMatch(TITLES);
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).not.toMatch(TITLES);
    expect(JSON.stringify(app.shown)).not.toMatch(TITLES);
    expect(readFileSync(app.services.log.file, 'utf8')).not.toMatch(TITLES);
    expect(readdirSync(dir).sort()).toEqual(['calendar-cache', 'dag.ics', 'logs', 'settings.json']);
  });
});
