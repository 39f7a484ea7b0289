import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultProfiles } from '../../../src/core/profiles/defaults';
import type { Profile, ProfileDraft } from '../../../src/core/profiles/model';
import { openTestApp } from '../../helpers/services';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();

/** Writes account numbers into the settings file, as provisioning will, and reopens the app on it. */
function withAccountNumbers(dataDir: string, numbers: Record<'landline' | 'mobile' | 'switchboard', string | null>) {
  openTestApp(dataDir).services.dispose();
  const file = join(dataDir, 'settings.json');
  const settings = JSON.parse(readFileSync(file, 'utf8'));
  settings.account.numbers = numbers;
  writeFileSync(file, JSON.stringify(settings));
  return openTestApp(dataDir);
}

function draftFrom(profile: Profile, changes: Partial<ProfileDraft>): ProfileDraft {
  const { id: _id, ...rest } = profile;
  return { ...rest, number: undefined, ...changes };
}

/** Runs a request that must be refused, and checks that neither memory nor the file changed. */
function expectRefused(dataDir: string, app: ReturnType<typeof openTestApp>, channel: string, payload: unknown) {
  const fileBefore = readFileSync(join(dataDir, 'settings.json'), 'utf8');
  const stateBefore = app.services.state;
  const result = app.services.invoke(channel, payload);
  expect(result.ok).toBe(false);
  expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).toBe(fileBefore);
  expect(app.services.state.profiles).toEqual(stateBefore.profiles);
  expect(app.services.state.active).toEqual(stateBefore.active);
  return result.ok ? null : result.error;
}

describe('profile rules, each with its own error and nothing changed', () => {
  const lunch = defaultProfiles()[1]!;

  it('refuses an empty name', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    expect(expectRefused(dir, app, 'profile:create', draftFrom(lunch, { name: '   ' }))).toEqual({
      code: 'name-empty',
      field: 'name',
      message: 'The profile name must not be empty.',
    });
  });

  it('refuses a duplicate name, whatever its case', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    expect(expectRefused(dir, app, 'profile:create', draftFrom(lunch, { name: 'LUNCH' }))).toEqual({
      code: 'name-duplicate',
      field: 'name',
      message: 'Another profile is already named "Lunch".',
    });
  });

  it('refuses a duplicate number', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    expect(expectRefused(dir, app, 'profile:create', draftFrom(lunch, { name: 'Fika', number: 3 }))).toEqual({
      code: 'number-duplicate',
      field: 'number',
      message: 'Profile number 3 is already used by "Möte".',
    });
  });

  it('refuses deleting the base profile', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    app.services.invoke('profile:activate', { profileId: 'lunch', length: { kind: 'default' }, temporaryMessage: null });
    expect(expectRefused(dir, app, 'profile:delete', { profileId: 'available' })).toEqual({
      code: 'delete-base',
      message: '"Tillgänglig" is the base profile and cannot be deleted.',
    });
  });

  it('refuses deleting the active profile', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    app.services.invoke('profile:activate', { profileId: 'meeting', length: { kind: 'default' }, temporaryMessage: null });
    expect(expectRefused(dir, app, 'profile:delete', { profileId: 'meeting' })).toEqual({
      code: 'delete-active',
      message: '"Möte" is active and cannot be deleted. Switch to another profile first.',
    });
  });

  it('refuses a caller ID the account does not own', () => {
    const dir = newDir();
    const app = withAccountNumbers(dir, { landline: '+4681234567', mobile: '+46701234567', switchboard: null });
    expect(expectRefused(dir, app, 'profile:update', { ...lunch, callerId: { calls: 'switchboard', sms: 'landline' } })).toEqual({
      code: 'caller-id-not-owned',
      field: 'callerId.calls',
      message: 'The account has no switchboard number to show.',
    });
  });

  it('refuses a default length of zero or less', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    for (const minutes of [0, -15]) {
      expect(expectRefused(dir, app, 'profile:update', { ...lunch, defaultLength: { kind: 'minutes', minutes } })).toEqual({
        code: 'length-not-positive',
        field: 'defaultLength.minutes',
        message: 'The default length must be greater than zero.',
      });
    }
  });

  it('refuses activating for a negative, zero or past length', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    expect(
      expectRefused(dir, app, 'profile:activate', { profileId: 'lunch', length: { kind: 'minutes', minutes: -5 }, temporaryMessage: null }),
    ).toEqual({
      code: 'length-not-positive',
      field: 'length',
      message: 'The length must be greater than zero.',
    });
    expect(
      expectRefused(dir, app, 'profile:activate', { profileId: 'lunch', length: { kind: 'minutes', minutes: 0 }, temporaryMessage: null })
        ?.code,
    ).toBe('length-not-positive');
    expect(
      expectRefused(dir, app, 'profile:activate', {
        profileId: 'lunch',
        length: { kind: 'until', until: app.clock.now() - 60_000 },
        temporaryMessage: null,
      }),
    ).toEqual({ code: 'until-in-past', field: 'until', message: 'The end time must be in the future.' });
  });

  it('refuses an unknown profile', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    expect(expectRefused(dir, app, 'profile:delete', { profileId: 'nope' })).toEqual({
      code: 'profile-not-found',
      field: 'id',
      message: 'No profile has the id "nope".',
    });
  });

  it('keeps the base profile at number 1', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    expect(expectRefused(dir, app, 'profile:update', { ...defaultProfiles()[0]!, number: 11 })?.code).toBe('number-base-fixed');
  });
});

describe('creating, editing and deleting', () => {
  it('checks caller IDs only once the account has numbers', () => {
    const app = openTestApp(newDir());
    const lunch = app.services.state.profiles[1]!;
    expect(app.services.invoke('profile:update', { ...lunch, callerId: { calls: 'switchboard', sms: 'mobile' } }).ok).toBe(true);
  });

  it('gives a new profile the next free number and keeps the list ordered', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    const created = app.services.invoke('profile:create', draftFrom(defaultProfiles()[1]!, { name: 'Fika' }));
    expect(created.ok ? 'ok' : created.error).toBe('ok');
    const fika = app.services.state.profiles.at(-1)!;
    expect([fika.number, fika.name, fika.id]).toEqual([11, 'Fika', 'custom-1']);
  });

  it('renames and edits, and the edit is on disk', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    const meeting = app.services.state.profiles[2]!;
    expect(app.services.invoke('profile:update', { ...meeting, name: 'Kundmöte', statusMessage: 'Åter snart' }).ok).toBe(true);
    const reopened = openTestApp(dir);
    expect(reopened.services.state.profiles[2]).toMatchObject({ name: 'Kundmöte', statusMessage: 'Åter snart', number: 3 });
  });

  it('deletes a profile that is neither base nor active', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    expect(app.services.invoke('profile:delete', { profileId: 'training' }).ok).toBe(true);
    expect(app.services.state.profiles.map((profile) => profile.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('accepts a caller ID the account owns, and Dold always', () => {
    const app = withAccountNumbers(newDir(), { landline: '+4681234567', mobile: null, switchboard: '+4687654321' });
    const lunch = app.services.state.profiles[1]!;
    expect(app.services.invoke('profile:update', { ...lunch, callerId: { calls: 'switchboard', sms: 'hidden' } }).ok).toBe(true);
    expect(app.services.state.profiles[1]!.callerId).toEqual({ calls: 'switchboard', sms: 'hidden' });
  });
});

describe('limits the form and the IPC share', () => {
  const lunch = defaultProfiles()[1]!;
  const cases: [string, Profile, string, string][] = [
    ['a name over 60 characters', { ...lunch, name: 'L'.repeat(61) }, 'name-too-long', 'name'],
    ['a status message over 200 characters', { ...lunch, statusMessage: 's'.repeat(201) }, 'status-message-too-long', 'statusMessage'],
    ['a calendar priority over 100', { ...lunch, calendarPriority: 101 }, 'calendar-priority-out-of-range', 'calendarPriority'],
    ['a default length over a year', { ...lunch, defaultLength: { kind: 'days', days: 366 } }, 'length-too-long', 'defaultLength.days'],
    [
      'a rule for the mobile number that forwards to something that is not a number',
      {
        ...lunch,
        incoming: {
          ...lunch.incoming,
          byLine: {
            mobile: { action: { kind: 'forward', target: { kind: 'number', number: '07x' } }, noAnswer: null, whenBusy: { kind: 'busy' } },
          },
        },
      },
      'forward-number-invalid',
      'incoming.byLine.mobile',
    ],
  ];
  for (const [what, profile, code, field] of cases) {
    it(`refuses ${what}`, () => {
      const dir = newDir();
      const app = openTestApp(dir);
      expect(expectRefused(dir, app, 'profile:update', profile)).toMatchObject({ code, field });
    });
  }

  it('refuses a rule for a line there is no such thing as', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    const fax = {
      ...lunch,
      incoming: { ...lunch.incoming, byLine: { fax: { action: { kind: 'ring' }, noAnswer: null, whenBusy: { kind: 'busy' } } } },
    };
    expect(expectRefused(dir, app, 'profile:update', fax)).toMatchObject({ code: 'invalid-payload' });
  });

  it('reports every broken rule at once', () => {
    const dir = newDir();
    const app = openTestApp(dir);
    const error = expectRefused(dir, app, 'profile:update', { ...lunch, name: '', number: 3 });
    expect(error?.details?.map((detail) => detail.code)).toEqual(['name-empty', 'number-duplicate']);
  });

  it('stores names without surrounding spaces', () => {
    const app = openTestApp(newDir());
    app.services.invoke('profile:update', { ...lunch, name: '  Långlunch  ' });
    expect(app.services.state.profiles[1]!.name).toBe('Långlunch');
  });
});
