import type { AmbientClaim } from '../automation/claims';
import { automationMayTakeOver, withAmbientClaims } from '../automation/precedence';
import { BASE_PROFILE_ID } from '../profiles/defaults';
import type { Profile } from '../profiles/model';
import { resolveCalendarProfileAt, type CalendarActivation } from './schedule';
import type { CalendarSettings } from './settings';
import type { Activation, ReturnTo } from '../profiles/activationRecord';
import { activeSuppressions } from './suppression';

/** The part of the settings the calendar reconciles: the active profile, the profiles, and the overrides. */
interface ReconcileSlice {
  profiles: Profile[];
  active: Activation;
  calendar: CalendarSettings;
}

export interface ReconcileOutcome<S extends ReconcileSlice> {
  /** The same object when nothing changed, so callers can skip the write. */
  settings: S;
  /** The profile whose time ran out, for the "profile ended" notice; null when none did. */
  ended: Profile | null;
}

/**
 * Puts the active profile right for the moment `now`, from the stored state alone, so it gives the
 * same answer on a timer, on start after the app was closed, and on resume from sleep.
 *
 * Two layers decide. Underneath is the profile the user chose (or the base profile once a timed one
 * ran out); on top is the calendar activation in force, if any. The calendar wins unless the user
 * chose their profile by hand after the event started, or that profile has a higher calendar
 * priority. When the calendar lets go, the layer underneath returns as it was.
 *
 * The other automatic sources (`ambient`: the work schedule, away when idle or locked) may stand in
 * for the base profile in the layer underneath; who wins is `automationMayTakeOver`, the same rule
 * for all of them.
 */
export function reconcileCalendar<S extends ReconcileSlice>(
  settings: S,
  activations: readonly CalendarActivation[],
  now: number,
  ambient: readonly AmbientClaim[] = [],
): ReconcileOutcome<S> {
  const { active } = settings;
  const suppressed = activeSuppressions(settings.calendar.suppressed, now);
  const chosen = layerBeneath(active);
  const settled = settle(chosen, settings.profiles, now);
  const layer = withAmbientClaims(settled, ambient, settings.profiles);
  const skippedKeys = new Set(suppressed.map((entry) => entry.key));
  const winner = resolveCalendarProfileAt(activations, settings.profiles, now, skippedKeys);

  const next =
    winner && automationMayTakeOver({ kind: 'calendar', profileId: winner.profileId, start: winner.start }, layer, settings.profiles)
      ? calendarActivation(active, winner, layer, now)
      : layerActivation(active, layer, settled, layer === chosen);

  const unchanged = next === active && suppressed.length === settings.calendar.suppressed.length;
  return {
    settings: unchanged ? settings : { ...settings, active: next, calendar: { ...settings.calendar, suppressed } },
    ended: endedProfile(settings.profiles, active, next, now),
  };
}

/**
 * The profile underneath: what the calendar or an ambient source would give back, or the active
 * profile itself when neither is on. An ambient profile under the calendar gives way to the base
 * profile, and its source decides again.
 */
function layerBeneath(active: Activation): ReturnTo {
  if (active.source?.kind === 'automatic') return active.source.returnTo;
  if (active.source?.kind === 'calendar') {
    const { returnTo } = active.source;
    return returnTo.automatic ? { profileId: BASE_PROFILE_ID, since: returnTo.since, until: null, byHand: false } : returnTo;
  }
  return { profileId: active.profileId, since: active.since, until: active.until, byHand: active.source?.kind === 'manual' };
}

/** The base profile takes over a layer whose time is up (from the moment it ended) or whose profile was deleted. */
function settle(layer: ReturnTo, profiles: readonly Profile[], now: number): ReturnTo {
  if (!profiles.some((profile) => profile.id === layer.profileId))
    return { profileId: BASE_PROFILE_ID, since: now, until: null, byHand: false };
  if (layer.until !== null && layer.until <= now) return { profileId: BASE_PROFILE_ID, since: layer.until, until: null, byHand: false };
  return layer;
}

function calendarActivation(active: Activation, winner: CalendarActivation, layer: ReturnTo, now: number): Activation {
  const current = active.source?.kind === 'calendar' ? active.source : null;
  if (current?.key === winner.key && active.profileId === winner.profileId) {
    // The same event, perhaps moved or lengthened in the feed: keep what it returns to.
    return active.until === winner.end ? active : { ...active, until: winner.end };
  }
  // The moment the switch was due: the event's start, or later when what stood before it ended later.
  const endedAt = active.until !== null && active.until <= now ? active.until : Number.NEGATIVE_INFINITY;
  const since = Math.min(now, Math.max(winner.start, layer.since, endedAt));
  return {
    profileId: winner.profileId,
    since,
    until: winner.end,
    temporaryMessage: null,
    source: { kind: 'calendar', key: winner.key, returnTo: layer },
  };
}

/**
 * The layer as the active activation. An untouched manual activation is kept as it is, temporary
 * message included; a returning one starts without one, because a temporary message lasts only
 * until the profile changes. An ambient profile remembers what it stands in for (`beneath`).
 */
function layerActivation(active: Activation, layer: ReturnTo, beneath: ReturnTo, layerUntouched: boolean): Activation {
  if (layer.automatic) {
    const current = active.source?.kind === 'automatic' ? active.source : null;
    if (current?.by === layer.automatic && active.profileId === layer.profileId && active.until === layer.until) return active;
    return {
      profileId: layer.profileId,
      since: layer.since,
      until: layer.until,
      temporaryMessage: null,
      source: { kind: 'automatic', by: layer.automatic, returnTo: beneath },
    };
  }
  if (active.source?.kind !== 'calendar' && active.source?.kind !== 'automatic' && layerUntouched) return active;
  const restored: Activation = { profileId: layer.profileId, since: layer.since, until: layer.until, temporaryMessage: null };
  return layer.byHand ? { ...restored, source: { kind: 'manual' } } : restored;
}

/**
 * Back-to-back meetings switch directly, so one meeting handing over to the next is no ending to
 * announce; nor is a profile that goes on under the calendar.
 */
function endedProfile(profiles: readonly Profile[], active: Activation, next: Activation, now: number): Profile | null {
  if (active.until === null || active.until > now) return null;
  if (next.profileId === active.profileId) return null;
  if (active.source?.kind === 'calendar' && next.source?.kind === 'calendar') return null;
  return profiles.find((profile) => profile.id === active.profileId) ?? null;
}
