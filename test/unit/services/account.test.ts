import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../src/core/state/appState';
import type { DialTarget } from '../../../src/core/phone/numbers/phoneNumber';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';
import { missedCall } from '../../helpers/historyEntry';

const newDir = useTempDirs();

function settingsText(dir: string): string {
  return readFileSync(join(dir, 'settings.json'), 'utf8');
}

describe('account settings', () => {
  it('normalise typed numbers to E.164 and keep the SIP settings', () => {
    const app = openTestApp(newDir());
    const result = app.services.invoke('account:update', {
      numbers: { landline: '08-123 456 78', mobile: '070-123 45 67' },
      sip: { serverUrl: 'wss://pbx.example.se/ws', uri: 'sip:anna@example.se', displayName: 'Anna Andersson' },
    });
    expect(result.ok).toBe(true);
    expect(app.services.state.account.numbers).toEqual({ landline: '+46812345678', mobile: '+46701234567', switchboard: null });
    expect(app.services.state.account.sip).toMatchObject({ serverUrl: 'wss://pbx.example.se/ws', uri: 'sip:anna@example.se' });
  });

  it('report every wrong field and change nothing', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    const before = settingsText(dir);
    const result = app.services.invoke('account:update', {
      numbers: { mobile: 'ring mig' },
      sip: { serverUrl: 'https://pbx.example.se', uri: 'not a uri' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.details?.map((error) => [error.code, error.field])).toEqual([
      ['number-invalid-characters', 'numbers.mobile'],
      ['sip-server-not-websocket', 'sip.serverUrl'],
      ['sip-uri-invalid', 'sip.uri'],
    ]);
    expect(settingsText(dir)).toBe(before);
  });

  it('keep the password out of the settings file and out of the state', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    app.services.invoke('account:set-password', { password: 'hemligt-123' });
    expect(settingsText(dir)).not.toContain('hemligt-123');
    expect(JSON.stringify(app.services.state)).not.toContain('hemligt-123');
    expect(app.services.state.sipPasswordSet).toBe(true);
    expect(app.services.invoke('account:sip-credentials', null)).toEqual({ ok: true, value: { password: 'hemligt-123' } });
  });
});

describe('provisioning', () => {
  const good = {
    account: {
      sip: { serverUrl: 'ws://127.0.0.1:8088', uri: 'sip:alice@127.0.0.1', authUser: '', displayName: 'Alice' },
      password: 'alice-pass',
      numbers: { landline: '+46 8 123 456 78', mobile: '0701234567' },
      addOns: { recording: true },
    },
    ui: { language: 'en' },
  };

  it('applies a good file whole', () => {
    const app = openTestApp(newDir());
    expect(app.services.invoke('provision:import', { json: JSON.stringify(good) }).ok).toBe(true);
    const state = app.services.state;
    expect([
      state.account.sip.uri,
      state.account.numbers.mobile,
      state.account.addOns.recording,
      state.ui.language,
      state.sipPasswordSet,
    ]).toEqual(['sip:alice@127.0.0.1', '+46701234567', true, 'en', true]);
  });

  it('sets the language callers hear announcements in; Swedish until then', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    expect(app.services.state.account.announcementLanguage).toBe('sv');
    expect(app.services.invoke('provision:import', { json: JSON.stringify({ account: { announcementLanguage: 'en' } }) }).ok).toBe(true);
    expect(app.services.state.account.announcementLanguage).toBe('en');
    expect(openTestApp(dir).services.state.account.announcementLanguage).toBe('en');
    expect(app.services.invoke('account:update', { announcementLanguage: 'sv' }).ok).toBe(true);
    expect(app.services.state.account.announcementLanguage).toBe('sv');
  });

  it('sets how long presence publications live, 300 s until then, and refuses a lifetime that breaks the ten-minute promise', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    expect(app.services.state.account.presenceLifetimeSeconds).toBe(300);
    expect(app.services.invoke('provision:import', { json: JSON.stringify({ account: { presenceLifetimeSeconds: 120 } }) }).ok).toBe(true);
    expect(openTestApp(dir).services.state.account.presenceLifetimeSeconds).toBe(120);
    const before = settingsText(dir);
    for (const presenceLifetimeSeconds of [3600, 10, 60.5]) {
      const refused = app.services.invoke('provision:import', { json: JSON.stringify({ account: { presenceLifetimeSeconds } }) });
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.field).toBe('account.presenceLifetimeSeconds');
    }
    expect(settingsText(dir)).toBe(before);
    expect(app.services.state.account.presenceLifetimeSeconds).toBe(120);
  });

  it('reads a settings file from before the announcement language as Swedish, and its {end} texts as "say the end"', () => {
    const dir = newDir();
    const first = openTestApp(dir);
    first.services.dispose();
    const file = join(dir, 'settings.json');
    const stored = JSON.parse(readFileSync(file, 'utf8')) as {
      account: Record<string, unknown>;
      profiles: { id: string; incoming: { action: Record<string, unknown> } }[];
    };
    delete stored.account.announcementLanguage;
    const meeting = stored.profiles.find((profile) => profile.id === 'meeting')!;
    meeting.incoming.action = { kind: 'announcement', text: 'Jag sitter i möte till {end}.', then: { kind: 'hangup' } };
    writeFileSync(file, JSON.stringify(stored));
    const state = openTestApp(dir).services.state;
    expect(state.notices).toEqual([]);
    expect(state.account.announcementLanguage).toBe('sv');
    expect(state.profiles.find((profile) => profile.id === 'meeting')?.incoming.action).toEqual({
      kind: 'announcement',
      text: 'Jag sitter i möte',
      sayEnd: true,
      then: { kind: 'hangup' },
    });
  });

  const bad: [string, string, string[]][] = [
    ['not JSON', '{"account": ', ['provisioning-not-json']],
    [
      'values nested 50,000 deep',
      `{"account": {"displayName": {"length": ${'['.repeat(50_000)}${']'.repeat(50_000)}}}}`,
      ['provisioning-invalid'],
    ],
    [
      'unknown fields and wrong types',
      JSON.stringify({ account: { sip: { serverUrl: 5 } }, colour: 'blue', ui: { language: 'fi' } }),
      ['account.sip.serverUrl', 'ui.language', 'colour'],
    ],
    ['an unknown time zone', JSON.stringify({ timeZone: 'Europe/Atlantis' }), ['timeZone']],
    ['a bad number', JSON.stringify({ account: { numbers: { mobile: '12' } } }), ['numbers.mobile']],
    [
      'an unknown caller ID policy',
      JSON.stringify({ account: { callerIdPolicy: { presentation: 'display-name', extra: 1 } } }),
      ['account.callerIdPolicy.presentation', 'account.callerIdPolicy.extra'],
    ],
    [
      'an announcement language the app cannot speak',
      JSON.stringify({ account: { announcementLanguage: 'fi' } }),
      ['account.announcementLanguage'],
    ],
    [
      'a supervisor role that is not true or false, on the user or a colleague',
      JSON.stringify({ account: { supervisor: 'yes', directory: [{ name: 'Bob', uri: 'sip:bob@127.0.0.1', supervisor: 1 }] } }),
      ['account.supervisor', 'account.directory.0.supervisor'],
    ],
  ];

  it('sets the user’s own supervisor role and the colleagues who are supervisors; settings from before have neither', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    expect(app.services.state.account.supervisor).toBe(false);
    const directory = [
      { name: 'Bob', uri: 'sip:bob@127.0.0.1', supervisor: true },
      { name: 'Carol', uri: 'sip:carol@127.0.0.1' },
    ];
    expect(
      app.services.invoke('provision:import', {
        json: JSON.stringify({ account: { supervisor: true, addOns: { listenIn: true }, directory } }),
      }).ok,
    ).toBe(true);
    const reopened = openTestApp(dir).services.state.account;
    expect(reopened.supervisor).toBe(true);
    expect(reopened.directory).toEqual(directory);
  });

  it('sets how the PBX takes the caller ID, and keeps the other half of the policy', () => {
    const app = openTestApp(newDir());
    expect(app.services.state.account.callerIdPolicy).toEqual({ presentation: 'p-preferred-identity', hiding: 'pbx' });
    expect(
      app.services.invoke('provision:import', { json: JSON.stringify({ account: { callerIdPolicy: { presentation: 'from-user' } } }) }).ok,
    ).toBe(true);
    expect(app.services.invoke('account:update', { callerIdPolicy: { hiding: 'client' } }).ok).toBe(true);
    expect(app.services.state.account.callerIdPolicy).toEqual({ presentation: 'from-user', hiding: 'client' });
  });

  for (const [what, text, expected] of bad) {
    it(`refuses ${what}, naming each field, and changes nothing`, () => {
      const dir = newDir();
      const app = openTestApp(dir);
      const before = settingsText(dir);
      const result = app.services.invoke('provision:import', { json: text });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const named = result.error.details?.map((error) => error.field) ?? [result.error.field ?? result.error.code];
      expect(named).toEqual(expected);
      expect(settingsText(dir)).toBe(before);
      expect(existsSync(join(dir, 'sip-password.bin'))).toBe(false);
    });
  }
});

describe('call history', () => {
  it('keeps entries newest first across a restart', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    app.services.invoke('history:record', missedCall('a', 1_000));
    app.services.invoke('history:record', missedCall('b', 2_000));
    expect(openTestApp(dir).services.state.history.map((item) => item.id)).toEqual(['b', 'a']);
  });

  it('moves a damaged history file aside and says so', () => {
    const dir = newDir();
    writeFileSync(join(dir, 'history.json'), '{"entries": {"id": 1}}');
    const app = openTestApp(dir);
    expect(app.services.state.history).toEqual([]);
    expect(app.services.state.notices.map((notice) => notice.kind)).toEqual(['history-recovered']);
  });
});

describe('a second launch', () => {
  it('switches the profile with --profile, --for and --message', () => {
    const app = openTestApp(newDir());
    const result = app.services.handleLaunch(['/usr/bin/profiltelefon', '--profile', 'Möte', '--for', '45', '--message', 'Hos kund']);
    expect(result).toEqual({ ok: true, value: { kind: 'activated' } });
    expect(app.services.state.active).toMatchObject({
      profileId: 'meeting',
      until: app.clock.now() + 45 * 60_000,
      temporaryMessage: 'Hos kund',
    });
  });

  it('hands a tel: link to the phone', () => {
    const app = openTestApp(newDir());
    const dialled: DialTarget[] = [];
    app.services.onDialRequest((target) => dialled.push(target));
    app.services.handleLaunch(['/usr/bin/profiltelefon', 'tel:+46-8-123%20456%2078']);
    expect(dialled).toEqual([{ kind: 'number', e164: '+46812345678' }]);
  });

  it('refuses bad arguments with a notice and changes nothing', () => {
    const app = openTestApp(newDir());
    const result = app.services.handleLaunch(['app', '--profile', 'Fika']);
    expect(result.ok ? null : result.error.code).toBe('args-profile-unknown');
    expect(app.services.state.active.profileId).toBe('available');
    expect(app.services.state.notices.map((notice) => notice.kind)).toEqual(['launch-refused']);
  });
});

describe('notification requests from the phone', () => {
  it('follow the active profile desktop column', () => {
    const app = openTestApp(newDir());
    const ask = () => app.services.invoke('notification:request', { kind: 'incomingCall', title: 'Samtal från Bob', body: '' });
    expect(ask()).toEqual({ ok: true, value: { shown: true } });
    app.services.invoke('profile:activate', { profileId: 'lunch', length: { kind: 'default' }, temporaryMessage: null });
    expect(ask()).toEqual({ ok: true, value: { shown: false } });
    expect((app.services.invoke('state:get', null) as { value: AppState }).value.notifications.map((record) => record.title)).toEqual([
      'Samtal från Bob',
    ]);
  });
});
