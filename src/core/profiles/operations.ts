import { describeInput } from '../describeInput';
import { fail, ok, type Result } from '../errors';
import type { AccountNumbers } from '../account/model';
import type { Activation } from './activationRecord';
import { BASE_PROFILE_ID } from './defaults';
import type { Profile, ProfileDraft } from './model';
import { nextFreeProfileNumber, validateProfile } from './validation';

/** The first broken rule, carrying every broken rule in `details` when there are several. */
function refusal<T>(errors: ReturnType<typeof validateProfile>): Result<T> | null {
  const [error] = errors;
  if (!error) return null;
  return { ok: false, error: errors.length > 1 ? { ...error, details: errors } : error };
}

const withTrimmedName = <P extends { name: string }>(profile: P): P => ({ ...profile, name: profile.name.trim() });

/** The part of the settings that profile operations read and write. */
export interface ProfileSlice {
  profiles: Profile[];
  active: Activation;
  account: { numbers: AccountNumbers };
}

export function findProfile(settings: { profiles: readonly Profile[] }, profileId: string): Profile | undefined {
  return settings.profiles.find((profile) => profile.id === profileId);
}

export function createProfile<S extends ProfileSlice>(settings: S, draft: ProfileDraft, id: string): Result<S> {
  const candidate: Profile = withTrimmedName({ ...draft, id, number: draft.number ?? nextFreeProfileNumber(settings.profiles) });
  const refused = refusal<S>(validateProfile(candidate, settings.profiles, settings.account.numbers));
  if (refused) return refused;
  return ok({ ...settings, profiles: sortByNumber([...settings.profiles, candidate]) });
}

export function updateProfile<S extends ProfileSlice>(settings: S, submitted: Profile): Result<S> {
  const profile = withTrimmedName(submitted);
  const previous = findProfile(settings, profile.id);
  if (!previous) return fail('profile-not-found', `No profile has the id ${describeInput(profile.id)}.`, 'id');
  const others = settings.profiles.filter((other) => other.id !== profile.id);
  const refused = refusal<S>(validateProfile(profile, others, settings.account.numbers, previous));
  if (refused) return refused;
  return ok({ ...settings, profiles: sortByNumber([...others, profile]) });
}

/** Why a profile cannot be deleted, or null when it can: the editor disables "Ta bort" by the same rule. */
export function deleteRefusal(profileId: string, activeProfileId: string): 'delete-base' | 'delete-active' | null {
  if (profileId === BASE_PROFILE_ID) return 'delete-base';
  return profileId === activeProfileId ? 'delete-active' : null;
}

export function deleteProfile<S extends ProfileSlice>(settings: S, profileId: string): Result<S> {
  const profile = findProfile(settings, profileId);
  if (!profile) return fail('profile-not-found', `No profile has the id ${describeInput(profileId)}.`, 'id');
  const refusal = deleteRefusal(profileId, settings.active.profileId);
  if (refusal === 'delete-base') return fail(refusal, `"${profile.name}" is the base profile and cannot be deleted.`);
  if (refusal === 'delete-active')
    return fail(refusal, `"${profile.name}" is active and cannot be deleted. Switch to another profile first.`);
  return ok({ ...settings, profiles: settings.profiles.filter((other) => other.id !== profileId) });
}

function sortByNumber(profiles: Profile[]): Profile[] {
  return profiles.sort((a, b) => a.number - b.number);
}
