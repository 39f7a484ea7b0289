import { describe, expect, it } from 'vitest';
import { activitiesForProfile } from '../../../src/core/presence/activities';
import { summariseCalls } from '../../../src/core/presence/callState';
import { defaultProfiles } from '../../../src/core/profiles/defaults';

/** RFC 4480 §3.2 activity values. */
const RFC4480_ACTIVITIES = [
  'appointment',
  'away',
  'breakfast',
  'busy',
  'dinner',
  'holiday',
  'in-transit',
  'looking-for-work',
  'lunch',
  'meal',
  'meeting',
  'on-the-phone',
  'other',
  'performance',
  'permanent-absence',
  'playing',
  'presentation',
  'shopping',
  'sleeping',
  'spectator',
  'steering',
  'travel',
  'tv',
  'unknown',
  'vacation',
  'working',
  'worship',
];

describe('activitiesForProfile', () => {
  const tokens = (profile: { id: string; name: string }) =>
    activitiesForProfile(profile).map((activity) => (activity.token === 'other' ? `other:${activity.description}` : activity.token));

  it('maps each default profile to its most specific RPID activities', () => {
    const mapped = Object.fromEntries(defaultProfiles().map((profile) => [profile.id, tokens(profile)]));
    expect(mapped).toEqual({
      available: [],
      lunch: ['lunch'],
      meeting: ['meeting'],
      'left-for-the-day': ['other:Slutat för dagen', 'away'],
      vacation: ['vacation'],
      sick: ['other:Sjuk', 'away'],
      'temporarily-out': ['away'],
      'business-trip': ['travel'],
      'care-of-child': ['other:Vård av barn', 'away'],
      training: ['appointment'],
    });
  });

  it('tells the four absences apart', () => {
    const absences = defaultProfiles().filter((profile) =>
      ['sick', 'care-of-child', 'temporarily-out', 'left-for-the-day'].includes(profile.id),
    );
    expect(new Set(absences.map((profile) => tokens(profile).join(' '))).size).toBe(4);
  });

  it('uses only activities RFC 4480 defines', () => {
    for (const profile of defaultProfiles()) {
      for (const activity of activitiesForProfile(profile)) expect(RFC4480_ACTIVITIES).toContain(activity.token);
    }
  });

  it('keeps the activity of a renamed default profile, and names a renamed absence by its new name', () => {
    expect(activitiesForProfile({ id: 'meeting', name: 'Styrelserummet' })).toEqual([{ token: 'meeting' }]);
    expect(tokens({ id: 'sick', name: 'Sjukskriven' })).toEqual(['other:Sjukskriven', 'away']);
  });

  it('maps a custom profile to other with its name', () => {
    expect(activitiesForProfile({ id: 'c-7f3a', name: 'Fokustid' })).toEqual([{ token: 'other', description: 'Fokustid' }]);
  });

  it('treats ids that are object prototype keys as custom', () => {
    expect(activitiesForProfile({ id: 'constructor', name: 'X' })).toEqual([{ token: 'other', description: 'X' }]);
    expect(activitiesForProfile({ id: '__proto__', name: 'Y' })).toEqual([{ token: 'other', description: 'Y' }]);
  });
});

describe('the call state of a phone with several calls', () => {
  it('is busy in a call, then an incoming ring, then an outgoing one, else idle', () => {
    expect(summariseCalls([])).toEqual({ kind: 'idle' });
    expect(summariseCalls([{ direction: 'incoming', status: 'announcing' }])).toEqual({ kind: 'idle' });
    expect(summariseCalls([{ direction: 'outgoing', status: 'alerting' }])).toEqual({ kind: 'ringing', direction: 'outgoing' });
    expect(
      summariseCalls([
        { direction: 'outgoing', status: 'dialing' },
        { direction: 'incoming', status: 'ringing' },
      ]),
    ).toEqual({
      kind: 'ringing',
      direction: 'incoming',
    });
    expect(
      summariseCalls([
        { direction: 'incoming', status: 'ringing' },
        { direction: 'outgoing', status: 'active' },
      ]),
    ).toEqual({ kind: 'busy' });
  });
});
