import type { AmbientClaim } from './claims';
import type { AwaySettings } from './settings';

/** What the computer last reported about its user; held in memory, since it means nothing after a restart. */
export interface AwayState {
  /** When the last input was, while none has come since; null after input. */
  idleSince: number | null;
  lockedSince: number | null;
  suspendedSince: number | null;
  /** A call is under way: the user is there, whatever the keyboard says. */
  inCall: boolean;
}

export const PRESENT: AwayState = { idleSince: null, lockedSince: null, suspendedSince: null, inCall: false };

/** The moment the user counts as away, if they do or will without further news; null when present. */
function awayFrom(settings: AwaySettings, state: AwayState): number | null {
  if (!settings.enabled || state.inCall) return null;
  const moments: number[] = [];
  if (settings.onLock && state.lockedSince !== null) moments.push(state.lockedSince);
  if (settings.onLock && state.suspendedSince !== null) moments.push(state.suspendedSince);
  if (state.idleSince !== null) moments.push(state.idleSince + settings.idleMinutes * 60_000);
  return moments.length === 0 ? null : Math.min(...moments);
}

/** The away profile from the moment the user went idle long enough, or locked the screen, until they return. */
export function awayClaimAt(settings: AwaySettings, state: AwayState, now: number): AmbientClaim | null {
  const from = awayFrom(settings, state);
  return from !== null && from <= now ? { by: 'away', profileId: settings.profileId, start: from, end: null } : null;
}

/** When the idle minutes will have run out, for the timer; null when nothing is coming. */
export function nextAwayChange(settings: AwaySettings, state: AwayState, now: number): number | null {
  const from = awayFrom(settings, state);
  return from !== null && from > now ? from : null;
}
