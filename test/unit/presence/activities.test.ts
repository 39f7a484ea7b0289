import { describe, expect, it } from 'vitest';
import { activityForProfile } from '../../../src/core/presence/activities';
import { summariseCalls } from '../../../src/core/presence/callState';
import { defaultProfiles } from '../../../src/core/profiles/defaults';

/** RFC 4480 §3.2 activity values. */
const RFC4480_ACTIVITIES = [
  'appointment', 'away', 'breakfast', 'busy', 'dinner', 'holiday', 'in-transit', 'looking-for-work', 'lunch',
  'meal', 'meeting', 'on-the-phone', 'other', 'performance', 'permanent-absence', 'playing', 'presentation',
  'shopping', 'sleeping', 'spectator', 'steering', 'travel', 'tv', 'unknown', 'vacation', 'working', 'worship',
];

describe('activityForProfile', () => {
  it('maps each default profile to its RPID activity', () => {
    const mapped = Object.fromEntries(defaultProfiles().map((profile) => [profile.id, activityForProfile(profile)?.token ?? null]));
    expect(mapped).toEqual({
      available: null,
      lunch: 'lunch',
      meeting: 'meeting',
      'left-for-the-day': 'away',
      vacation: 'vacation',
      sick: 'away',
      'temporarily-out': 'away',
      'business-trip': 'travel',
      'care-of-child': 'away',
      training: 'appointment',
    });
  });

  it('uses only activities RFC 4480 defines', () => {
    for (const profile of defaultProfiles()) {
      const activity = activityForProfile(profile);
      if (activity !== null) expect(RFC4480_ACTIVITIES).toContain(activity.token);
    }
  });

  it('keeps the activity of a renamed default profile', () => {
    expect(activityForProfile({ id: 'meeting', name: 'Styrelserummet' })).toEqual({ token: 'meeting' });
  });

  it('maps a custom profile to other with its name', () => {
    expect(activityForProfile({ id: 'c-7f3a', name: 'Fokustid' })).toEqual({ token: 'other', description: 'Fokustid' });
  });

  it('treats ids that are object prototype keys as custom', () => {
    expect(activityForProfile({ id: 'constructor', name: 'X' })).toEqual({ token: 'other', description: 'X' });
    expect(activityForProfile({ id: '__proto__', name: 'Y' })).toEqual({ token: 'other', description: 'Y' });
  });
});

describe('the call state of a phone with several calls', () => {
  it('is busy in a call, then an incoming ring, then an outgoing one, else idle', () => {
    expect(summariseCalls([])).toEqual({ kind: 'idle' });
    expect(summariseCalls([{ direction: 'incoming', status: 'announcing' }])).toEqual({ kind: 'idle' });
    expect(summariseCalls([{ direction: 'outgoing', status: 'alerting' }])).toEqual({ kind: 'ringing', direction: 'outgoing' });
    expect(summariseCalls([{ direction: 'outgoing', status: 'dialing' }, { direction: 'incoming', status: 'ringing' }])).toEqual({
      kind: 'ringing',
      direction: 'incoming',
    });
    expect(summariseCalls([{ direction: 'incoming', status: 'ringing' }, { direction: 'outgoing', status: 'active' }])).toEqual({ kind: 'busy' });
  });
});
