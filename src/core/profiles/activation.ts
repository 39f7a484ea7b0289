import { z } from 'zod';
import { HORIZON_MINUTES, HORIZON_MS, boundedInteger, timestamp } from '../bounds';
import { describeInput } from '../describeInput';
import { fail, ok, type Result } from '../errors';
import type { Activation } from './activationRecord';
import { endForLength } from '../time/lengths';
import { QUICK_LENGTH_IDS, resolveQuickLength } from '../time/quickLengths';
import type { TimeContext, WorkingHours } from '../time/workingHours';
import { BASE_PROFILE_ID } from './defaults';
import type { Profile } from './model';
import { findProfile, type ProfileSlice } from './operations';

export const TEMPORARY_MESSAGE_MAX = 200;
/** Past this a message is refused by its size alone; up to it a too-long one gets its own error. */
export const TEMPORARY_MESSAGE_GUARD = 5 * TEMPORARY_MESSAGE_MAX;

export const ActivationLengthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('default') }).strict(),
  z.object({ kind: z.literal('untilChanged') }).strict(),
  z.object({ kind: z.literal('minutes'), minutes: boundedInteger(-HORIZON_MINUTES, HORIZON_MINUTES) }).strict(),
  z.object({ kind: z.literal('until'), until: timestamp() }).strict(),
  z.object({ kind: z.literal('quick'), quick: z.enum(QUICK_LENGTH_IDS) }).strict(),
]);
export type ActivationLength = z.infer<typeof ActivationLengthSchema>;

export interface ActivationRequest {
  profileId: string;
  length: ActivationLength;
  temporaryMessage: string | null;
}

export function timeContextOf(settings: { timeZone: string | null; workingHours: WorkingHours }, systemTimeZone: string): TimeContext {
  return { timeZone: settings.timeZone ?? systemTimeZone, workingHours: settings.workingHours };
}

function endOf(profile: Profile, length: ActivationLength, now: number, context: TimeContext): Result<number | null> {
  switch (length.kind) {
    case 'default':
      return ok(endForLength(profile.defaultLength, now, context));
    case 'untilChanged':
      return ok(null);
    case 'minutes':
      if (length.minutes <= 0) return fail('length-not-positive', 'The length must be greater than zero.', 'length');
      return ok(now + length.minutes * 60_000);
    case 'until':
      if (length.until <= now) return fail('until-in-past', 'The end time must be in the future.', 'until');
      return ok(length.until);
    case 'quick':
      return endOf(profile, resolveQuickLength(length.quick, now, context), now, context);
  }
}

/** A temporary message lives only as long as this activation; every new activation replaces it. */
export function activateProfile<S extends Pick<ProfileSlice, 'profiles' | 'active'>>(
  settings: S,
  request: ActivationRequest,
  now: number,
  context: TimeContext,
): Result<S> {
  const profile = findProfile(settings, request.profileId);
  if (!profile) return fail('profile-not-found', `No profile has the id ${describeInput(request.profileId)}.`, 'profileId');
  const message = temporaryMessageOf(request.temporaryMessage);
  if (!message.ok) return message;
  const until = endOf(profile, request.length, now, context);
  if (!until.ok) return until;
  if (until.value !== null && until.value > now + HORIZON_MS) {
    return fail('out-of-bounds', 'The profile may run for at most two years.', 'length');
  }
  const active: Activation = { profileId: profile.id, since: now, until: until.value, temporaryMessage: message.value };
  return ok({ ...settings, active });
}

/** The message as kept: trimmed, and null when nothing is left. */
function temporaryMessageOf(text: string | null): Result<string | null> {
  const message = text?.trim() ?? '';
  if (message.length > TEMPORARY_MESSAGE_MAX) {
    return fail('message-too-long', `The status message may be at most ${TEMPORARY_MESSAGE_MAX} characters.`, 'temporaryMessage');
  }
  return ok(message === '' ? null : message);
}

/**
 * The message typed in the switcher, for the profile active now; it lasts until the profile
 * changes, and null (or blank) brings back the profile's own message.
 */
export function setTemporaryMessage<S extends Pick<ProfileSlice, 'active'>>(settings: S, text: string | null): Result<S> {
  const message = temporaryMessageOf(text);
  if (!message.ok) return message;
  return ok({ ...settings, active: { ...settings.active, temporaryMessage: message.value } });
}

export function activeProfile(settings: Pick<ProfileSlice, 'profiles' | 'active'>): Profile {
  const profile = findProfile(settings, settings.active.profileId) ?? findProfile(settings, BASE_PROFILE_ID);
  if (!profile) throw new Error('settings hold no base profile');
  return profile;
}
