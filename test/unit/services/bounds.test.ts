import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HORIZON_MS } from '../../../src/core/bounds';
import { translate } from '../../../src/core/i18n/messages';
import { errorText } from '../../../src/core/userErrors/errorText';
import type { AppState } from '../../../src/core/state/appState';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';
import { missedCall } from '../../helpers/historyEntry';

const newDir = useTempDirs();
const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const MAX_MESSAGE = 400;

const settingsOf = (dir: string) => readFileSync(join(dir, 'settings.json'), 'utf8');

/** Each request is refused with `code`, the file stays byte for byte, and the state can still be read, also after a restart. */
function expectRefusedUnchanged(dir: string, channel: string, payload: unknown, code: string) {
  const app = openTestApp(dir);
  const before = settingsOf(dir);
  const result = app.services.invoke(channel, payload);
  expect(result.ok ? null : result.error.code).toBe(code);
  if (!result.ok) expect(result.error.message.length).toBeLessThan(MAX_MESSAGE);
  expect(settingsOf(dir)).toBe(before);
  expect(() => app.services.state).not.toThrow();
  app.services.dispose();
  const restarted = openTestApp(dir);
  expect(restarted.services.state.notices).toEqual([]);
  expect(restarted.services.state.tray.items.length).toBeGreaterThan(0);
  restarted.services.dispose();
}

describe('a length or an end beyond two years is refused, so it cannot brick the app', () => {
  const lengths: [string, unknown][] = [
    ['9e15 minutes', { kind: 'minutes', minutes: 9e15 }],
    ['an end at 1e300', { kind: 'until', until: 1e300 }],
    ['an end at -1e300', { kind: 'until', until: -1e300 }],
  ];
  for (const [what, length] of lengths) {
    it(`refuses ${what} with out-of-bounds and writes nothing`, () => {
      expectRefusedUnchanged(newDir(), 'profile:activate', { profileId: 'lunch', length, temporaryMessage: null }, 'out-of-bounds');
    });
  }

  it('refuses an end three years ahead, and takes one a year ahead', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    const now = app.clock.now();
    expect(
      app.services.invoke('profile:activate', {
        profileId: 'vacation',
        length: { kind: 'until', until: now + HORIZON_MS + 60_000 },
        temporaryMessage: null,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'out-of-bounds', field: 'length' },
    });
    const inAYear = now + 365 * 24 * 3_600_000;
    const taken = app.services.invoke('profile:activate', {
      profileId: 'vacation',
      length: { kind: 'until', until: inAYear },
      temporaryMessage: null,
    });
    expect(taken.ok && (taken.value as AppState).active.until).toBe(inAYear);
  });
});

describe('history timestamps lie in a plausible range, so the call list can always show them', () => {
  for (const startedAt of [1e308, -1, 8.64e15 + 1]) {
    it(`refuses a call that started at ${startedAt} and writes no history`, () => {
      const dir = newDir();
      const app = openTestApp(dir);
      const result = app.services.invoke('history:record', missedCall('call-1', startedAt));
      expect(result).toMatchObject({ ok: false, error: { code: 'out-of-bounds', field: 'startedAt' } });
      expect(app.services.state.history).toEqual([]);
      expect(() => readFileSync(join(dir, 'history.json'))).toThrow();
    });
  }
});

describe('ids and messages are bounded and free of control characters', () => {
  it('refuses a temporary message with control characters', () => {
    expectRefusedUnchanged(
      newDir(),
      'profile:activate',
      { profileId: 'lunch', length: { kind: 'default' }, temporaryMessage: 'Borta\u0007\u001b[2J' },
      'control-characters',
    );
  });

  it('refuses an id with a line break', () => {
    expectRefusedUnchanged(newDir(), 'profile:delete', { profileId: 'lunch\nvacation' }, 'control-characters');
  });

  it('refuses more than seven working days, or a day twice', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    const settings = app.services.profiles.settings;
    for (const days of [
      [1, 2, 3, 4, 5, 6, 7, 1],
      [1, 1],
    ]) {
      expect(
        app.services.profiles.apply({ ok: true, value: { ...settings, workingHours: { ...settings.workingHours, days } } }),
      ).toMatchObject({ ok: false, error: { code: 'settings-invalid' } });
    }
  });

  it('refuses a voicemail address the phone could not dial', () => {
    expectRefusedUnchanged(newDir(), 'account:update', { voicemail: 'ring my boss' }, 'voicemail-invalid');
  });

  it('takes a voicemail address that is a dial target', () => {
    const app = openTestApp(newDir());
    const result = app.services.invoke('account:update', { voicemail: ' 8800 ' });
    expect(result.ok && (result.value as AppState).account.voicemail).toBe('8800');
  });
});

describe('a 10 MB value is never echoed in an error', () => {
  const cases: [string, string, unknown, string][] = [
    ['a profile id', 'profile:activate', { profileId: TEN_MB, length: { kind: 'default' }, temporaryMessage: null }, 'out-of-bounds'],
    ['a notice id', 'notice:dismiss', { noticeId: TEN_MB }, 'out-of-bounds'],
    ['a recording id', 'recording:append', { recordingId: TEN_MB, dataBase64: '' }, 'out-of-bounds'],
    ['an unknown key', 'profile:delete', { profileId: 'lunch', [TEN_MB]: 1 }, 'invalid-payload'],
    ['a channel name', TEN_MB, null, 'unknown-channel'],
  ];
  for (const [what, channel, payload, code] of cases) {
    it(`cuts ${what} to a short description`, () => {
      expectRefusedUnchanged(newDir(), channel, payload, code);
    });
  }

  it('describes an unknown id of allowed length instead of quoting it whole', () => {
    const app = openTestApp(newDir());
    const result = app.services.invoke('profile:delete', { profileId: 'y'.repeat(64) });
    expect(result).toMatchObject({ ok: false, error: { code: 'profile-not-found' } });
    expect(!result.ok && result.error.message).toContain('(a string of 64 characters)');
  });
});

describe('the bounds errors speak both languages', () => {
  it('names the field in Swedish and English', () => {
    const error = { code: 'out-of-bounds' as const, message: 'x', field: 'length.minutes' };
    expect(errorText('sv', error)).toContain('length.minutes');
    expect(errorText('sv', error)).toContain('utanför det tillåtna');
    expect(errorText('en', { ...error, code: 'control-characters' })).toContain('control characters');
  });
});

describe('files an older version wrote with values outside the bounds', () => {
  it('a settings file with a bricking length starts, keeps its profiles, and says what was reset', () => {
    const dir = newDir();
    const first = openTestApp(dir);
    first.services.dispose();
    const stored = JSON.parse(settingsOf(dir));
    stored.profiles[1].name = 'Egen';
    stored.active = { profileId: 'lunch', since: first.clock.now(), until: 9e15, temporaryMessage: 'Lunch\u0000' };
    stored.calendar.suppressed = [{ key: 'k', end: 1e300, reason: 'skipped' }];
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(stored));

    const app = openTestApp(dir);
    const state = app.services.state;
    expect(state.active).toMatchObject({ profileId: 'available', until: null, temporaryMessage: null });
    expect(state.profiles.map((profile) => profile.name)).toContain('Egen');
    expect(state.notices).toMatchObject([{ kind: 'settings-repaired', fields: ['active.until', 'calendar.suppressed.0.end'] }]);
    expect(translate('sv', 'notice.settingsRepaired', { fields: 'active.until' })).toContain('active.until');
    app.services.dispose();

    const restarted = openTestApp(dir);
    expect(restarted.services.state.notices).toEqual([]);
    expect(restarted.services.state.profiles.map((profile) => profile.name)).toContain('Egen');
  });

  it('a profile name with control characters is cleaned, not the file thrown away', () => {
    const dir = newDir();
    openTestApp(dir).services.dispose();
    const stored = JSON.parse(settingsOf(dir));
    stored.profiles[1].name = 'Lu\u0007nch';
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(stored));
    const app = openTestApp(dir);
    expect(app.services.state.profiles[1]?.name).toBe('Lunch');
    expect(app.services.state.notices).toMatchObject([{ kind: 'settings-repaired', fields: ['profiles.1.name'] }]);
  });

  it('a history entry nested thousands deep is dropped like any bad one; the good calls stay', () => {
    const dir = newDir();
    const good = missedCall('good', Date.UTC(2026, 10, 20, 9));
    // A string field holding `{"length": [[[…]]]}`: zod's length check reads such a value through.
    const deep = { ...missedCall('deep', Date.UTC(2026, 10, 20, 8)), id: { length: '['.repeat(5_000) + ']'.repeat(5_000) } };
    const text = JSON.stringify({ entries: [deep, good] }).replace(/"\[+\]+"/, '['.repeat(5_000) + ']'.repeat(5_000));
    writeFileSync(join(dir, 'history.json'), text);
    const app = openTestApp(dir);
    expect(app.services.state.history).toEqual([good]);
    expect(app.services.state.notices).toMatchObject([{ kind: 'history-repaired', dropped: 1 }]);
  });

  it('a history file with a call at 1e308 keeps the good calls, drops the bad one, and says so', () => {
    const dir = newDir();
    const good = missedCall('good', Date.UTC(2026, 10, 20, 9));
    writeFileSync(join(dir, 'history.json'), JSON.stringify({ entries: [missedCall('bad', 1e308), good] }));
    const app = openTestApp(dir);
    expect(app.services.state.history).toEqual([good]);
    expect(app.services.state.notices).toMatchObject([{ kind: 'history-repaired', dropped: 1 }]);
    app.services.dispose();

    const restarted = openTestApp(dir);
    expect(restarted.services.state.history).toEqual([good]);
    expect(restarted.services.state.notices).toEqual([]);
  });
});
