import type { Profile } from '../profiles/model';

/**
 * RFC 4480 §3.2 activity tokens we publish. The list there is closed (plus `other` with free text),
 * so profiles without an exact token get the nearest true one rather than an invented element.
 */
export type RpidActivityToken = 'lunch' | 'meeting' | 'appointment' | 'vacation' | 'travel' | 'away';

export type ProfileActivity = { token: RpidActivityToken } | { token: 'other'; description: string };

/**
 * Keyed by the default profiles' ids, which stay the same when a user renames a profile, so a renamed
 * "Möte" still publishes `meeting`.
 * - left-for-the-day → away: the user is back tomorrow; RFC 4480 reserves `permanent-absence` for someone
 *   who will not return for the foreseeable future (e.g. left the company) and expects all services closed.
 * - sick, care-of-child, temporarily-out → away: RFC 4480 has no illness or family activity; `away`
 *   ("physically away from all interactive communication devices") is true for all three, and the
 *   profile name itself travels in our own extension element.
 * - business-trip → travel ("on a business or personal trip, not necessarily in transit").
 * - training → appointment: a scheduled engagement of unspecified type; `meeting` is a narrower
 *   sub-class of appointment and would be wrong for a course taken alone.
 * - available → no activity: it is the absence of any special activity.
 */
const DEFAULT_PROFILE_ACTIVITIES: ReadonlyMap<string, RpidActivityToken | null> = new Map<string, RpidActivityToken | null>([
  ['available', null],
  ['lunch', 'lunch'],
  ['meeting', 'meeting'],
  ['left-for-the-day', 'away'],
  ['vacation', 'vacation'],
  ['sick', 'away'],
  ['temporarily-out', 'away'],
  ['business-trip', 'travel'],
  ['care-of-child', 'away'],
  ['training', 'appointment'],
]);

/** The RPID activity a profile publishes, or null when it publishes none. Custom profiles are `other` with their name. */
export function activityForProfile(profile: Pick<Profile, 'id' | 'name'>): ProfileActivity | null {
  // A Map, not an object literal: a custom id such as "constructor" must not hit a prototype key.
  if (DEFAULT_PROFILE_ACTIVITIES.has(profile.id)) {
    const token = DEFAULT_PROFILE_ACTIVITIES.get(profile.id) ?? null;
    return token === null ? null : { token };
  }
  return { token: 'other', description: profile.name };
}
