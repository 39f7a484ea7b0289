import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDebugRequest } from '../../../electron/services/requestDispatcher';
import { defaultAutomationSettings } from '../../../src/core/automation/settings';
import type { AutomationUpdate } from '../../../src/core/automation/update';
import { DEFAULT_WORKING_HOURS } from '../../../src/core/time/workingHours';
import { ManualClock } from '../../helpers/manualClock';
import { openTestApp, type TestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const at = (iso: string) => new Date(iso).getTime();
const MINUTE = 60_000;

function automation(change: (update: AutomationUpdate) => void = () => {}): AutomationUpdate {
  const update: AutomationUpdate = {
    workingHours: { ...DEFAULT_WORKING_HOURS, days: [...DEFAULT_WORKING_HOURS.days] },
    ...structuredClone(defaultAutomationSettings()),
  };
  change(update);
  return update;
}

function openWith(start: string, change: (update: AutomationUpdate) => void): TestApp {
  const app = openTestApp(newDir(), new ManualClock(start));
  const saved = app.services.invoke('automation:update', automation(change));
  expect(saved.ok).toBe(true);
  return app;
}

const active = (app: TestApp) => app.services.state.active;
const schedule = (update: AutomationUpdate) => {
  update.schedule.enabled = true;
};
const away = (update: AutomationUpdate) => {
  update.away.enabled = true;
};

describe('the work schedule switches profiles by itself', () => {
  it('puts on Slutat för dagen at 17:00 on Friday until Monday 08:00, then the base profile', () => {
    const app = openWith('2026-11-27T16:00:00+01:00', schedule);
    app.clock.advance(59 * MINUTE);
    expect(active(app).profileId).toBe('available');
    app.clock.advance(MINUTE);
    expect(active(app)).toMatchObject({
      profileId: 'left-for-the-day',
      since: at('2026-11-27T17:00:00+01:00'),
      until: at('2026-11-30T08:00:00+01:00'),
      source: { kind: 'automatic', by: 'schedule' },
    });
    app.clock.advance(at('2026-11-30T07:59:00+01:00') - app.clock.now());
    expect(active(app).profileId).toBe('left-for-the-day');
    app.clock.advance(MINUTE);
    expect(active(app)).toMatchObject({ profileId: 'available', until: null });
    expect(active(app).source).toBeUndefined();
  });

  it('skips a public holiday: Juldagen, a Friday, stays off until Monday 28 December', () => {
    const app = openWith('2026-12-24T16:30:00+01:00', schedule);
    app.clock.advance(30 * MINUTE);
    expect(active(app)).toMatchObject({ profileId: 'left-for-the-day', until: at('2026-12-28T08:00:00+01:00') });
    app.clock.advance(at('2026-12-25T10:00:00+01:00') - app.clock.now());
    expect(active(app).profileId).toBe('left-for-the-day');
  });

  it('keeps a profile chosen by hand at 16:50 until 18:00, then the schedule applies', () => {
    const app = openWith('2026-11-27T16:50:00+01:00', schedule);
    const chosen = app.services.invoke('profile:activate', {
      profileId: 'meeting',
      length: { kind: 'until', until: at('2026-11-27T18:00:00+01:00') },
      temporaryMessage: null,
    });
    expect(chosen.ok).toBe(true);
    app.clock.advance(60 * MINUTE);
    expect(active(app)).toMatchObject({ profileId: 'meeting', source: { kind: 'manual' } });
    app.clock.advance(10 * MINUTE);
    expect(active(app)).toMatchObject({
      profileId: 'left-for-the-day',
      since: at('2026-11-27T18:00:00+01:00'),
      until: at('2026-11-30T08:00:00+01:00'),
    });
  });

  it('lets the user work late: Tillgänglig chosen by hand after 17:00 stays until the next working day', () => {
    const app = openWith('2026-11-27T17:10:00+01:00', schedule);
    expect(active(app).profileId).toBe('left-for-the-day');
    app.services.invoke('profile:activate', { profileId: 'available', length: { kind: 'default' }, temporaryMessage: null });
    app.clock.advance(3 * 60 * MINUTE);
    expect(active(app)).toMatchObject({ profileId: 'available', source: { kind: 'manual' } });
    app.clock.advance(at('2026-11-30T17:00:00+01:00') - app.clock.now());
    expect(active(app).profileId).toBe('left-for-the-day');
  });

  it('never overwrites a Do-Not-Disturb-like profile chosen by hand, nor any other profile chosen until changed', () => {
    const app = openWith('2026-11-27T16:00:00+01:00', (update) => {
      schedule(update);
      away(update);
    });
    app.services.invoke('profile:activate', { profileId: 'sick', length: { kind: 'untilChanged' }, temporaryMessage: null });
    app.services.presenceSignals.userActivity({ kind: 'locked' });
    app.clock.advance(4 * 24 * 60 * MINUTE);
    expect(active(app)).toMatchObject({ profileId: 'sick', since: at('2026-11-27T16:00:00+01:00'), source: { kind: 'manual' } });
  });

  it('puts on Lunch in the lunch window, and back', () => {
    const app = openWith('2026-11-25T11:00:00+01:00', (update) => {
      schedule(update);
      update.schedule.lunch.enabled = true;
    });
    app.clock.advance(60 * MINUTE);
    expect(active(app)).toMatchObject({ profileId: 'lunch', until: at('2026-11-25T13:00:00+01:00') });
    app.clock.advance(60 * MINUTE);
    expect(active(app).profileId).toBe('available');
  });

  it('gives way to a meeting in the evening and comes back after it', () => {
    const app = openWith('2026-11-27T18:00:00+01:00', schedule);
    expect(active(app).profileId).toBe('left-for-the-day');
    app.services.invoke('profile:activate', { profileId: 'meeting', length: { kind: 'minutes', minutes: 30 }, temporaryMessage: null });
    app.clock.advance(30 * MINUTE);
    expect(active(app)).toMatchObject({ profileId: 'left-for-the-day', since: at('2026-11-27T18:30:00+01:00') });
  });
});

describe('away when idle or locked', () => {
  it('switches to Tillfälligt ute after the idle minutes, and back on input', () => {
    const app = openWith('2026-11-25T10:00:00+01:00', away);
    app.services.presenceSignals.userActivity({ kind: 'idle', idleSeconds: 60 });
    app.clock.advance(8 * MINUTE);
    expect(active(app).profileId).toBe('available');
    app.clock.advance(MINUTE);
    expect(active(app)).toMatchObject({
      profileId: 'temporarily-out',
      since: at('2026-11-25T10:09:00+01:00'),
      until: null,
      source: { kind: 'automatic', by: 'away' },
    });
    app.services.presenceSignals.userActivity({ kind: 'idle', idleSeconds: 0 });
    expect(active(app)).toMatchObject({ profileId: 'available', until: null });
  });

  it('switches at once when the screen locks, and back when it unlocks; sleep counts as locked', () => {
    const app = openWith('2026-11-25T10:00:00+01:00', away);
    app.services.presenceSignals.userActivity({ kind: 'locked' });
    expect(active(app).profileId).toBe('temporarily-out');
    app.services.presenceSignals.userActivity({ kind: 'unlocked' });
    expect(active(app).profileId).toBe('available');
    app.services.presenceSignals.userActivity({ kind: 'suspended' });
    expect(active(app).profileId).toBe('temporarily-out');
    app.services.presenceSignals.userActivity({ kind: 'resumed' });
    expect(active(app).profileId).toBe('available');
  });

  it('does nothing while it is off, or the lock is left out of it', () => {
    const off = openWith('2026-11-25T10:00:00+01:00', () => {});
    off.services.presenceSignals.userActivity({ kind: 'idle', idleSeconds: 3600 });
    off.services.presenceSignals.userActivity({ kind: 'locked' });
    expect(active(off).profileId).toBe('available');
    const idleOnly = openWith('2026-11-25T10:00:00+01:00', (update) => {
      away(update);
      update.away.onLock = false;
    });
    idleOnly.services.presenceSignals.userActivity({ kind: 'locked' });
    expect(active(idleOnly).profileId).toBe('available');
  });

  it('never switches during a call', () => {
    const app = openWith('2026-11-25T10:00:00+01:00', away);
    app.services.invoke('phone:in-call', { inCall: true });
    app.services.presenceSignals.userActivity({ kind: 'idle', idleSeconds: 30 * 60 });
    app.clock.advance(30 * MINUTE);
    expect(active(app).profileId).toBe('available');
    app.services.invoke('phone:in-call', { inCall: false });
    expect(active(app).profileId).toBe('temporarily-out');
  });

  it('leaves a profile chosen by hand alone, the base profile chosen for a time included', () => {
    const app = openWith('2026-11-25T10:00:00+01:00', away);
    app.services.invoke('profile:activate', { profileId: 'meeting', length: { kind: 'default' }, temporaryMessage: null });
    app.services.presenceSignals.userActivity({ kind: 'idle', idleSeconds: 20 * 60 });
    expect(active(app).profileId).toBe('meeting');
    app.services.invoke('profile:activate', { profileId: 'available', length: { kind: 'minutes', minutes: 120 }, temporaryMessage: null });
    app.services.presenceSignals.userActivity({ kind: 'locked' });
    expect(active(app)).toMatchObject({ profileId: 'available', source: { kind: 'manual' } });
  });

  it('does not stand in for Slutat för dagen from the schedule, but covers a late evening chosen by hand', () => {
    const app = openWith('2026-11-27T18:00:00+01:00', (update) => {
      schedule(update);
      away(update);
    });
    app.services.presenceSignals.userActivity({ kind: 'locked' });
    expect(active(app).profileId).toBe('left-for-the-day');
    app.services.presenceSignals.userActivity({ kind: 'unlocked' });
    app.services.invoke('profile:activate', { profileId: 'available', length: { kind: 'default' }, temporaryMessage: null });
    app.clock.advance(MINUTE);
    app.services.presenceSignals.userActivity({ kind: 'locked' });
    expect(active(app).profileId).toBe('temporarily-out');
    app.services.presenceSignals.userActivity({ kind: 'unlocked' });
    expect(active(app)).toMatchObject({ profileId: 'available', source: { kind: 'manual' } });
  });
});

describe('the Automatik settings', () => {
  it('saves working hours, the schedule and away, sorted and whole', () => {
    const app = openTestApp(newDir());
    const saved = app.services.invoke(
      'automation:update',
      automation((update) => {
        update.workingHours = { start: '07:30', end: '16:00', days: [5, 1, 3] };
        update.away.idleMinutes = 5;
      }),
    );
    expect(saved.ok).toBe(true);
    expect(app.services.state.workingHours).toEqual({ start: '07:30', end: '16:00', days: [1, 3, 5] });
    expect(app.services.state.automation.away.idleMinutes).toBe(5);
  });

  it.each([
    ['working-hours-order', 'workingHours.end', (update: AutomationUpdate) => void (update.workingHours.end = '07:00')],
    ['time-invalid', 'workingHours.start', (update: AutomationUpdate) => void (update.workingHours.start = '8')],
    ['working-days-invalid', 'workingHours.days', (update: AutomationUpdate) => void (update.workingHours.days = [])],
    [
      'lunch-order',
      'schedule.lunch.end',
      (update: AutomationUpdate) => Object.assign(update.schedule.lunch, { enabled: true, end: '11:00' }),
    ],
    [
      'lunch-outside-working-hours',
      'schedule.lunch.start',
      (update: AutomationUpdate) => Object.assign(update.schedule.lunch, { enabled: true, start: '07:00' }),
    ],
    ['idle-minutes-out-of-range', 'away.idleMinutes', (update: AutomationUpdate) => void (update.away.idleMinutes = 0)],
    ['profile-not-found', 'away.profileId', (update: AutomationUpdate) => void (update.away.profileId = 'gone')],
  ])('refuses %s at %s and changes nothing', (code, field, change) => {
    const app = openTestApp(newDir());
    const before = app.services.state;
    const result = app.services.invoke('automation:update', automation(change));
    expect(result.ok ? null : result.error).toMatchObject({ code, field });
    expect(app.services.state.workingHours).toEqual(before.workingHours);
    expect(app.services.state.automation).toEqual(before.automation);
  });

  it('loads a settings file written before the automation settings with both turned off, and no notice', () => {
    const dir = newDir();
    openTestApp(dir).services.dispose();
    const stored = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
    delete stored.automation;
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(stored));
    const app = openTestApp(dir);
    expect(app.services.state.automation).toEqual(defaultAutomationSettings());
    expect(app.services.state.notices).toEqual([]);
  });

  it('puts an idle time outside the bounds in a settings file right, keeping the rest, and says so', () => {
    const dir = newDir();
    const first = openTestApp(dir);
    first.services.invoke('profile:activate', { profileId: 'meeting', length: { kind: 'untilChanged' }, temporaryMessage: null });
    first.services.dispose();
    const stored = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
    stored.automation.away.idleMinutes = 1e12;
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(stored));
    const app = openTestApp(dir);
    expect(app.services.state.automation).toEqual(defaultAutomationSettings());
    expect(app.services.state.active.profileId).toBe('meeting');
    expect(app.services.state.notices).toMatchObject([{ kind: 'settings-repaired', fields: ['automation.away.idleMinutes'] }]);
  });
});

describe('the reports of the user, checked before anything changes', () => {
  it('refuses a bad idle report on the debug channel and a bad call report, and keeps the profile', () => {
    expect(validateDebugRequest('debug:user-activity', { kind: 'idle', idleSeconds: -5 })).toMatchObject({
      ok: false,
      error: { code: 'out-of-bounds', field: 'idleSeconds' },
    });
    expect(validateDebugRequest('debug:user-activity', { kind: 'asleep' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(validateDebugRequest('debug:user-activity', { kind: 'locked' })).toEqual({
      ok: true,
      value: { channel: 'debug:user-activity', payload: { kind: 'locked' } },
    });
    const app = openWith('2026-11-25T10:00:00+01:00', away);
    expect(app.services.invoke('phone:in-call', { inCall: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', field: 'inCall' },
    });
    expect(app.services.presenceSignals.state.inCall).toBe(false);
    expect(active(app).profileId).toBe('available');
  });
});
