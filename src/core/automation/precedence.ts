import type { ReturnTo } from '../profiles/activationRecord';
import { BASE_PROFILE_ID } from '../profiles/defaults';
import type { Profile } from '../profiles/model';
import type { AmbientClaim } from './claims';

/** A claim of any automatic source on the active profile's place: the calendar's meeting, the work schedule or away. */
export interface AutomaticClaim {
  kind: 'calendar' | AmbientClaim['by'];
  profileId: string;
  start: number;
}

/** A profile that keeps everyone out (status Ej tillgänglig), the Do-Not-Disturb kind. */
function keepsEveryoneOut(profiles: readonly Profile[], profileId: string): boolean {
  return profiles.find((profile) => profile.id === profileId)?.status === 'unavailable';
}

function priorityOf(profiles: readonly Profile[], profileId: string): number {
  return profiles.find((profile) => profile.id === profileId)?.calendarPriority ?? 0;
}

/** The base profile as the app falls back to it, not kept on for a time: what the schedule and away may stand in for. */
function isPlainBase(layer: ReturnTo): boolean {
  return layer.profileId === BASE_PROFILE_ID && layer.until === null;
}

/**
 * The one precedence rule of every automatic source (calendar, work schedule, away when idle or
 * locked) over the profile in place (`layer`):
 * - a profile chosen by hand after the source took hold wins until the source lets go;
 * - a profile chosen by hand that keeps everyone out (Ej tillgänglig, the Do-Not-Disturb kind) is
 *   never lifted: only another such profile may follow it, as a meeting for Vård av barn over Sjuk;
 * - the calendar takes a profile's place when its profile's calendar priority is at least as high;
 * - the schedule and away take only the plain base profile's place: never a profile chosen by hand
 *   for a time or of another kind, nor one the calendar put on (that layer is above them).
 */
export function automationMayTakeOver(claim: AutomaticClaim, layer: ReturnTo, profiles: readonly Profile[]): boolean {
  if (layer.byHand && layer.since >= claim.start) return false;
  if (layer.byHand && keepsEveryoneOut(profiles, layer.profileId) && !keepsEveryoneOut(profiles, claim.profileId)) return false;
  if (claim.kind === 'calendar') return priorityOf(profiles, claim.profileId) >= priorityOf(profiles, layer.profileId);
  return isPlainBase(layer);
}

/**
 * The layer the calendar sits on: the chosen layer, or the first ambient claim (in the order given:
 * the schedule before away) that may take its place. Claims for a deleted profile are ignored.
 */
export function withAmbientClaims(layer: ReturnTo, claims: readonly AmbientClaim[], profiles: readonly Profile[]): ReturnTo {
  for (const claim of claims) {
    if (!profiles.some((profile) => profile.id === claim.profileId)) continue;
    if (!automationMayTakeOver({ kind: claim.by, profileId: claim.profileId, start: claim.start }, layer, profiles)) continue;
    return { profileId: claim.profileId, since: Math.max(claim.start, layer.since), until: claim.end, byHand: false, automatic: claim.by };
  }
  return layer;
}
