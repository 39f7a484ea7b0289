import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../helpers/manualClock';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const at = (iso: string) => new Date(iso).getTime();

describe('activation and expiry with an injected clock', () => {
  it('activates Lunch for one hour, then returns to the base profile and asks for a notification', () => {
    const app = openTestApp(newDir(), new ManualClock('2026-11-23T11:30:00+01:00'));
    app.services.invoke('profile:activate', { profileId: 'lunch', length: { kind: 'default' }, temporaryMessage: null });
    expect(app.services.state.active).toMatchObject({ profileId: 'lunch', until: at('2026-11-23T12:30:00+01:00') });

    app.clock.advance(59 * 60_000);
    expect(app.services.state.active.profileId).toBe('lunch');

    app.clock.advance(60_000);
    expect(app.services.state.active).toEqual({
      profileId: 'available',
      since: at('2026-11-23T12:30:00+01:00'),
      until: null,
      temporaryMessage: null,
    });
    expect(app.shown.at(-1)).toMatchObject({ kind: 'profileEnding', title: 'Profilen Lunch har avslutats', body: 'Du är nu Tillgänglig.' });
    expect(app.services.state.notifications.at(-1)?.title).toBe('Profilen Lunch har avslutats');
  });

  it('activates until a chosen moment, or until changed', () => {
    const app = openTestApp(newDir());
    const until = app.clock.now() + 3 * 3_600_000;
    app.services.invoke('profile:activate', { profileId: 'meeting', length: { kind: 'until', until }, temporaryMessage: null });
    expect(app.services.state.active.until).toBe(until);
    app.services.invoke('profile:activate', { profileId: 'meeting', length: { kind: 'untilChanged' }, temporaryMessage: null });
    app.clock.advance(30 * 24 * 3_600_000);
    expect(app.services.state.active).toMatchObject({ profileId: 'meeting', until: null });
    expect(app.clock.pendingTimers).toBe(0);
  });

  it('keeps a temporary message only until the profile changes', () => {
    const app = openTestApp(newDir());
    app.services.invoke('profile:activate', {
      profileId: 'meeting',
      length: { kind: 'default' },
      temporaryMessage: '  Kundbesök i Kista  ',
    });
    expect(app.services.state.active.temporaryMessage).toBe('Kundbesök i Kista');
    app.services.invoke('profile:activate', { profileId: 'lunch', length: { kind: 'default' }, temporaryMessage: null });
    expect(app.services.state.active.temporaryMessage).toBeNull();
  });

  it('refuses a temporary message over 200 characters', () => {
    const app = openTestApp(newDir());
    const result = app.services.invoke('profile:activate', {
      profileId: 'lunch',
      length: { kind: 'default' },
      temporaryMessage: 'x'.repeat(201),
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'message-too-long', field: 'temporaryMessage', message: 'The status message may be at most 200 characters.' },
    });
    expect(app.services.state.active.profileId).toBe('available');
  });

  it('ends on start a profile that ran out while the app was closed', () => {
    const dir = newDir();
    const first = openTestApp(dir, new ManualClock('2026-11-23T11:30:00+01:00'));
    first.services.invoke('profile:activate', { profileId: 'lunch', length: { kind: 'default' }, temporaryMessage: null });
    first.services.dispose();

    const next = openTestApp(dir, new ManualClock('2026-11-23T15:00:00+01:00'));
    expect(next.services.state.active).toMatchObject({ profileId: 'available', since: at('2026-11-23T12:30:00+01:00') });
    expect(next.shown.map((record) => record.kind)).toEqual(['profileEnding']);
  });

  it('keeps on start a profile that is still running', () => {
    const dir = newDir();
    const first = openTestApp(dir, new ManualClock('2026-11-23T11:30:00+01:00'));
    first.services.invoke('profile:activate', { profileId: 'lunch', length: { kind: 'default' }, temporaryMessage: null });
    first.services.dispose();
    const next = openTestApp(dir, new ManualClock('2026-11-23T12:00:00+01:00'));
    expect(next.services.state.active.profileId).toBe('lunch');
  });

  it('notices a system clock jump at the next check, and at once on resume', () => {
    const app = openTestApp(newDir(), new ManualClock('2026-11-23T11:30:00+01:00'));
    app.services.invoke('profile:activate', { profileId: 'temporarily-out', length: { kind: 'default' }, temporaryMessage: null });
    app.clock.jump(2 * 3_600_000);
    app.services.profiles.recheck();
    expect(app.services.state.active.profileId).toBe('available');
  });

  it('notices a clock jump by itself within a minute, without any report', () => {
    const app = openTestApp(newDir(), new ManualClock('2026-11-23T11:30:00+01:00'));
    app.services.invoke('profile:activate', { profileId: 'vacation', length: { kind: 'default' }, temporaryMessage: null });
    app.clock.jump(10 * 24 * 3_600_000);
    expect(app.services.state.active.profileId).toBe('vacation');
    app.clock.advance(60_000);
    expect(app.services.state.active.profileId).toBe('available');
  });

  it('shows the profile-ended notification only where the profile now active allows it', () => {
    const app = openTestApp(newDir(), new ManualClock('2026-11-23T11:30:00+01:00'));
    const base = app.services.state.profiles[0]!;
    const quiet = { ...base.notifications, profileEnding: { desktop: false, mobile: true, web: true } };
    app.services.invoke('profile:update', { ...base, notifications: quiet });
    app.services.invoke('profile:activate', { profileId: 'lunch', length: { kind: 'default' }, temporaryMessage: null });
    app.clock.advance(61 * 60_000);
    expect(app.services.state.active.profileId).toBe('available');
    expect(app.shown.map((record) => record.title)).not.toContain('Profilen Lunch har avslutats');
  });

  it('reminds once, the configured time before the end, while the ending profile allows it', () => {
    const app = openTestApp(newDir(), new ManualClock('2026-11-23T11:30:00+01:00'));
    app.services.invoke('profile:activate', { profileId: 'lunch', length: { kind: 'default' }, temporaryMessage: null });
    app.clock.advance(54 * 60_000);
    expect(app.shown).toEqual([]);
    app.clock.advance(60_000);
    expect(app.shown.map((record) => [record.title, record.body, record.at])).toEqual([
      ['Profilen Lunch tar slut 12:30', 'Om 5 minuter återgår du till din grundprofil.', at('2026-11-23T12:25:00+01:00')],
    ]);
    app.services.profiles.recheck();
    app.clock.advance(2 * 60_000);
    expect(app.shown).toHaveLength(1);
  });

  it('does not remind of an activation shorter than the reminder lead', () => {
    const app = openTestApp(newDir(), new ManualClock('2026-11-23T11:30:00+01:00'));
    app.services.invoke('profile:activate', { profileId: 'lunch', length: { kind: 'minutes', minutes: 3 }, temporaryMessage: null });
    app.clock.advance(2 * 60_000);
    expect(app.shown).toEqual([]);
  });

  it('resolves a quick length at the moment of activation', () => {
    const app = openTestApp(newDir(), new ManualClock('2026-11-27T15:10:00+01:00'));
    app.services.invoke('profile:activate', {
      profileId: 'meeting',
      length: { kind: 'quick', quick: 'endOfWorkingDay' },
      temporaryMessage: null,
    });
    expect(app.services.state.active.until).toBe(at('2026-11-27T17:00:00+01:00'));
    app.services.invoke('profile:activate', {
      profileId: 'meeting',
      length: { kind: 'quick', quick: 'tomorrow0800' },
      temporaryMessage: null,
    });
    expect(app.services.state.active.until).toBe(at('2026-11-28T08:00:00+01:00'));
    app.services.invoke('profile:activate', { profileId: 'meeting', length: { kind: 'quick', quick: '2h' }, temporaryMessage: null });
    expect(app.services.state.active.until).toBe(at('2026-11-27T17:10:00+01:00'));
  });
});

describe('the tray model', () => {
  it('checks the active profile, shows the status colour and the end in the tooltip', () => {
    const app = openTestApp(newDir(), new ManualClock('2026-11-23T11:30:00+01:00'));
    app.services.invoke('profile:activate', { profileId: 'sick', length: { kind: 'default' }, temporaryMessage: null });
    const { tray } = app.services.state;
    expect(tray.status).toBe('unavailable');
    expect(tray.tooltip).toBe('Profiltelefon – Sjuk till tis 24 nov. 08:00');
    expect(tray.items.filter((item) => item.kind === 'profile' && item.checked).map((item) => item.id)).toEqual(['profile:sick']);
    expect(tray.items.slice(-2).map((item) => item.id)).toEqual(['open', 'quit']);
  });

  it('adds how the phone stands once the phone reports it, and refuses an unknown status', () => {
    const app = openTestApp(newDir());
    expect(app.services.state.tray.tooltip).toBe('Profiltelefon – Tillgänglig');
    expect(app.services.invoke('phone:status', { status: 'registered' }).ok).toBe(true);
    expect(app.services.state.tray.tooltip).toBe('Profiltelefon – Tillgänglig · telefonen är registrerad');
    const refused = app.services.invoke('phone:status', { status: 'happy' });
    expect(refused.ok ? null : refused.error.code).toBe('invalid-payload');
    expect(app.services.state.tray.tooltip).toBe('Profiltelefon – Tillgänglig · telefonen är registrerad');
  });

  it('switches the profile through the same service call when an item is clicked', () => {
    const app = openTestApp(newDir());
    expect(app.services.clickTrayItem('profile:meeting')).toEqual({ ok: true, value: { kind: 'handled' } });
    expect(app.services.state.active.profileId).toBe('meeting');
    expect(app.services.clickTrayItem('quit')).toEqual({ ok: true, value: { kind: 'quit' } });
  });

  it('refuses an unknown item and changes nothing', () => {
    const app = openTestApp(newDir());
    expect(app.services.clickTrayItem('profile:ghost')).toEqual({
      ok: false,
      error: { code: 'tray-item-unknown', message: 'The tray menu has no item "profile:ghost".' },
    });
    expect(app.services.state.active.profileId).toBe('available');
  });
});
