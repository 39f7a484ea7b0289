import { describe, expect, it } from 'vitest';
import { defaultProfiles } from '../../../src/core/profiles/defaults';
import { ProfileSchema } from '../../../src/core/profiles/model';

describe('the ten standard profiles', () => {
  const profiles = defaultProfiles();

  it('come numbered 1 to 10 in the product order', () => {
    expect(profiles.map((profile) => `${profile.number} ${profile.name}`)).toEqual([
      '1 Tillgänglig',
      '2 Lunch',
      '3 Möte',
      '4 Slutat för dagen',
      '5 Semester',
      '6 Sjuk',
      '7 Tillfälligt ute',
      '8 Tjänsteresa',
      '9 Vård av barn',
      '10 Utbildning',
    ]);
  });

  it('have the status, length, incoming handling and caller ID of the product table', () => {
    const row = (name: string) => {
      const profile = profiles.find((candidate) => candidate.name === name)!;
      return [profile.status, profile.defaultLength, profile.incoming.action.kind, profile.callerId.calls];
    };
    expect(row('Tillgänglig')).toEqual(['available', { kind: 'untilChanged' }, 'ring', 'landline']);
    expect(row('Lunch')).toEqual(['available', { kind: 'minutes', minutes: 60 }, 'announcement', 'landline']);
    expect(row('Möte')).toEqual(['available', { kind: 'minutes', minutes: 60 }, 'announcement', 'landline']);
    expect(row('Slutat för dagen')).toEqual(['unavailable', { kind: 'nextWorkingDayStart' }, 'announcement', 'mobile']);
    expect(row('Semester')).toEqual(['unavailable', { kind: 'days', days: 7 }, 'announcement', 'mobile']);
    expect(row('Sjuk')).toEqual(['unavailable', { kind: 'nextWorkingDayStart' }, 'announcement', 'landline']);
    expect(row('Tillfälligt ute')).toEqual(['available', { kind: 'minutes', minutes: 30 }, 'forward', 'landline']);
    expect(row('Tjänsteresa')).toEqual(['available', { kind: 'endOfWorkingDay' }, 'forward', 'mobile']);
    expect(row('Vård av barn')).toEqual(['unavailable', { kind: 'nextWorkingDayStart' }, 'announcement', 'landline']);
    expect(row('Utbildning')).toEqual(['unavailable', { kind: 'endOfWorkingDay' }, 'announcement', 'landline']);
  });

  it('ring the base profile for 25 seconds before voicemail', () => {
    expect(profiles[0]!.incoming.noAnswer).toEqual({ afterSeconds: 25, target: { kind: 'voicemail' } });
  });

  it('announce the end time where the product says so', () => {
    const announced = Object.fromEntries(
      profiles.flatMap((profile) =>
        profile.incoming.action.kind === 'announcement' ? [[profile.id, profile.incoming.action.sayEnd]] : [],
      ),
    );
    expect(announced).toEqual({
      lunch: true,
      meeting: true,
      'left-for-the-day': true,
      vacation: true,
      sick: false,
      'care-of-child': false,
      training: true,
    });
  });

  it('each satisfy the profile schema', () => {
    for (const profile of profiles) expect(ProfileSchema.safeParse(profile).success).toBe(true);
  });

  it('are fresh copies each time, so editing one never edits the defaults', () => {
    const first = defaultProfiles();
    first[0]!.notifications.chat.desktop = false;
    expect(defaultProfiles()[0]!.notifications.chat.desktop).toBe(true);
  });
});
