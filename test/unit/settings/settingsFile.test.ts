import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateSettings } from '../../../src/core/settings/migrations';
import { defaultSettings, SETTINGS_VERSION } from '../../../src/core/settings/schema';
import { ManualClock } from '../../helpers/manualClock';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();
const NOW = '2026-11-23T09:00:00.000Z';

function openWithFile(contents: string) {
  const dir = newDir();
  writeFileSync(join(dir, 'settings.json'), contents);
  return { dir, app: openTestApp(dir, new ManualClock(NOW)) };
}

describe('a settings file that cannot be used', () => {
  const broken: [string, string, string][] = [
    ['truncated JSON', '{"schemaVersion": 1, "profiles": [', 'not valid JSON'],
    ['a JSON array', '[1, 2, 3]', 'the file does not hold a settings object'],
    ['a missing version', '{"profiles": []}', 'schemaVersion is missing or not a positive whole number'],
    [
      'a version from a newer app',
      JSON.stringify({ ...defaultSettings(0), schemaVersion: 99 }),
      'schemaVersion 99 is newer than this app understands (3)',
    ],
    [
      'a schema violation',
      JSON.stringify({ ...defaultSettings(0), ui: { language: 'fi', showProfileNumbers: false } }),
      'schema violation at ui.language',
    ],
    [
      'values nested 50,000 deep',
      `{"schemaVersion": 3, "ui": {"language": {"length": ${'['.repeat(50_000)}${']'.repeat(50_000)}}}}`,
      'values nested deeper than 32 levels',
    ],
  ];

  for (const [what, contents, reason] of broken) {
    it(`with ${what} is moved aside with a timestamp, defaults return, and the user is told`, () => {
      const { dir, app } = openWithFile(contents);
      const backup = join(dir, 'settings.corrupt-2026-11-23T09-00-00-000Z.json');
      expect(readFileSync(backup, 'utf8')).toBe(contents);
      const [notice] = app.services.state.notices;
      expect(notice).toMatchObject({ kind: 'settings-recovered', backupPath: backup });
      expect(notice?.kind === 'settings-recovered' && notice.reason).toContain(reason);
      expect(app.services.state.profiles).toHaveLength(10);
      expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).schemaVersion).toBe(SETTINGS_VERSION);
    });
  }

  it('is reported once: dismissing the notice removes it, and a bad dismissal changes nothing', () => {
    const { app } = openWithFile('garbage');
    const noticeId = app.services.state.notices[0]!.id;
    expect(app.services.invoke('notice:dismiss', { noticeId: 'other' })).toEqual({
      ok: false,
      error: { code: 'notice-unknown', field: 'noticeId', message: 'There is no notice "other".' },
    });
    expect(app.services.state.notices).toHaveLength(1);
    expect(app.services.invoke('notice:dismiss', { noticeId }).ok).toBe(true);
    expect(app.services.state.notices).toEqual([]);
  });
});

describe('a good settings file', () => {
  it('is read as it is, with no notice and no backup', () => {
    const dir = newDir();
    const first = openTestApp(dir, new ManualClock(NOW));
    first.services.invoke('ui:update', { showProfileNumbers: true, language: 'en' });
    const second = openTestApp(dir, new ManualClock(NOW));
    expect(second.services.state.ui).toEqual({ language: 'en', showProfileNumbers: true, holdNotificationsInCall: false });
    expect(second.services.state.notices).toEqual([]);
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('is written whole, leaving no temporary file behind', () => {
    const dir = newDir();
    const app = openTestApp(dir, new ManualClock(NOW));
    for (let round = 0; round < 20; round++) app.services.invoke('ui:update', { showProfileNumbers: round % 2 === 0 });
    expect(readdirSync(dir).sort()).toEqual(['logs', 'settings.json']);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).ui.showProfileNumbers).toBe(false);
  });

  it('starts a missing file from the defaults', () => {
    const dir = newDir();
    openTestApp(dir, new ManualClock(NOW));
    expect(existsSync(join(dir, 'settings.json'))).toBe(true);
  });
});

describe('a settings file from version 1', () => {
  it('gains the reminder setting, keeps everything else, and is written back as the current version', () => {
    const { reminderBeforeEndMinutes: _dropped, ...current } = defaultSettings(0);
    const version1 = { ...current, schemaVersion: 1, ui: { language: 'en', showProfileNumbers: true } };
    const { dir, app } = openWithFile(JSON.stringify(version1));
    expect(app.services.state.notices).toEqual([]);
    expect(app.services.state.ui).toEqual({ language: 'en', showProfileNumbers: true, holdNotificationsInCall: false });
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
    expect([onDisk.schemaVersion, onDisk.reminderBeforeEndMinutes]).toEqual([3, 5]);
  });
});

describe('a settings file from version 2', () => {
  it("gives every profile the colleague-available kind with that profile's chat flags", () => {
    const settings = defaultSettings(0);
    const profiles = settings.profiles.map((profile) => {
      const { colleagueAvailable: _new, ...notifications } = profile.notifications;
      return {
        ...profile,
        notifications: profile.id === 'meeting' ? { ...notifications, chat: { desktop: false, mobile: true, web: false } } : notifications,
      };
    });
    const { dir, app } = openWithFile(JSON.stringify({ ...settings, schemaVersion: 2, profiles }));
    expect(app.services.state.notices).toEqual([]);
    const byId = (id: string) => app.services.state.profiles.find((profile) => profile.id === id)!;
    expect(byId('meeting').notifications.colleagueAvailable).toEqual({ desktop: false, mobile: true, web: false });
    expect(byId('available').notifications.colleagueAvailable).toEqual({ desktop: true, mobile: true, web: true });
    expect(byId('vacation').notifications.colleagueAvailable).toEqual({ desktop: false, mobile: false, web: false });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).schemaVersion).toBe(3);
  });
});

describe('a settings file written before the caller ID policy existed', () => {
  it('is read with the default policy and no notice', () => {
    const { callerIdPolicy: _absent, ...account } = defaultSettings(0).account;
    const { app } = openWithFile(JSON.stringify({ ...defaultSettings(0), account }));
    expect(app.services.state.notices).toEqual([]);
    expect(app.services.state.account.callerIdPolicy).toEqual({ presentation: 'p-preferred-identity', hiding: 'pbx' });
  });
});

describe('migrations', () => {
  const toV3 = {
    1: (document: Record<string, unknown>) => ({ ...document, added: 'in 2' }),
    2: (document: Record<string, unknown>) => ({ ...document, renamed: document.added }),
  };

  it('run one version at a time up to the current one', () => {
    expect(migrateSettings({ schemaVersion: 1 }, toV3, 3)).toEqual({
      kind: 'migrated',
      from: 1,
      document: { schemaVersion: 3, added: 'in 2', renamed: 'in 2' },
    });
  });

  it('leave a current document alone', () => {
    expect(migrateSettings({ schemaVersion: 3, x: 1 }, toV3, 3)).toEqual({ kind: 'current', document: { schemaVersion: 3, x: 1 } });
  });

  it('refuse a gap in the chain', () => {
    expect(migrateSettings({ schemaVersion: 1 }, { 2: toV3[2] }, 3)).toEqual({
      kind: 'unsupported',
      reason: 'no migration from schemaVersion 1',
    });
  });
});
