import type { Profile } from '../profiles/model';

/**
 * RFC 4480 §3.2 activity tokens we publish. The list there is closed (plus `other` with free text),
 * so profiles without an exact token get the nearest true one rather than an invented element.
 */
export type RpidActivityToken = 'lunch' | 'meeting' | 'appointment' | 'vacation' | 'travel' | 'away';

export type ProfileActivity = { token: RpidActivityToken } | { token: 'other'; description: string };

type ActivityPlan = readonly RpidActivityToken[] | 'named-absence';

/**
 * Keyed by the default profiles' ids, which stay the same when a user renames a profile, so a renamed
 * "Möte" still publishes `meeting`.
 * - temporarily-out → away: "physically away from all interactive communication devices", for a while.
 * - sick, care-of-child, left-for-the-day: RFC 4480 has no illness, family or off-duty activity, so the
 *   most specific one is `other` with the profile's name ("Sjuk"), next to `away` (true for all three)
 *   for clients that only know the listed tokens. `permanent-absence` is for someone who will not return
 *   for the foreseeable future and would be wrong for someone back tomorrow.
 * - business-trip → travel ("on a business or personal trip, not necessarily in transit").
 * - training → appointment: a scheduled engagement of unspecified type; `meeting` is a narrower
 *   sub-class of appointment and would be wrong for a course taken alone.
 * - available → no activity: it is the absence of any special activity.
 */
const DEFAULT_PROFILE_ACTIVITIES: ReadonlyMap<string, ActivityPlan> = new Map<string, ActivityPlan>([
  ['available', []],
  ['lunch', ['lunch']],
  ['meeting', ['meeting']],
  ['left-for-the-day', 'named-absence'],
  ['vacation', ['vacation']],
  ['sick', 'named-absence'],
  ['temporarily-out', ['away']],
  ['business-trip', ['travel']],
  ['care-of-child', 'named-absence'],
  ['training', ['appointment']],
]);

/** The RPID activities a profile publishes, most specific first; none for the base profile. Custom profiles are `other` with their name. */
export function activitiesForProfile(profile: Pick<Profile, 'id' | 'name'>): ProfileActivity[] {
  // A Map, not an object literal: a custom id such as "constructor" must not hit a prototype key.
  const plan = DEFAULT_PROFILE_ACTIVITIES.get(profile.id);
  if (plan === undefined) return [{ token: 'other', description: profile.name }];
  if (plan === 'named-absence') return [{ token: 'other', description: profile.name }, { token: 'away' }];
  return plan.map((token) => ({ token }));
}
