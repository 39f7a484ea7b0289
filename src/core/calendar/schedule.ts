import type { Profile } from '../profiles/model';
import type { CalendarSettings } from './settings';
import type { Occurrence } from './types';
import { readMarker } from './markers';
import { isBusy } from './expand';

export type CalendarProfile = Pick<Profile, 'id' | 'number' | 'calendarPriority'>;

/** When the calendar wants a profile on. Holds no title: titles never leave the app. */
export interface CalendarActivation {
  /** Stable while the event keeps its uid and start; used to remember "the user overrode this one". */
  key: string;
  profileId: string;
  profileNumber: number;
  /** [start, end) in epoch ms */
  start: number;
  end: number;
}

export interface CalendarWarning {
  key: string;
  code: 'unknown-profile-number';
  number: number;
  start: number;
}

export interface PlanOptions {
  /** Profile number for busy events without a marker; null leaves them alone. */
  defaultProfileNumberForUnmarkedBusy: number | null;
  /** The leading `N:` code and the information-only mark (see markers.ts); off when absent. */
  shortFormMarkers?: boolean;
  /** CLASS:PRIVATE and CONFIDENTIAL events activate nothing, marker or not; off when absent. */
  ignorePrivateEvents?: boolean;
}

/** The plan options the calendar settings ask for. */
export function planOptionsOf(
  settings: Pick<CalendarSettings, 'unmarkedBusyProfileNumber' | 'shortFormMarkers' | 'ignorePrivateEvents'>,
): Required<PlanOptions> {
  return {
    defaultProfileNumberForUnmarkedBusy: settings.unmarkedBusyProfileNumber,
    shortFormMarkers: settings.shortFormMarkers,
    ignorePrivateEvents: settings.ignorePrivateEvents,
  };
}

export function activationKey(occurrence: Pick<Occurrence, 'uid' | 'start'>): string {
  return `${occurrence.uid}|${occurrence.start}`;
}

/**
 * Cancelled occurrences never activate. A marker activates its profile even on an event shown
 * as free: Google and Outlook make all-day events free by default, and `[5] Semester` is
 * exactly such an event. Transparency only keeps unmarked events from counting as busy.
 */
export function planCalendarActivations(
  occurrences: readonly Occurrence[],
  profiles: readonly CalendarProfile[],
  options: PlanOptions,
): { activations: CalendarActivation[]; warnings: CalendarWarning[] } {
  const profilesByNumber = new Map(profiles.map((profile) => [profile.number, profile]));
  const activations: CalendarActivation[] = [];
  const warnings: CalendarWarning[] = [];
  const seenKeys = new Set<string>();
  for (const occurrence of occurrences) {
    if (occurrence.cancelled || (options.ignorePrivateEvents === true && occurrence.private)) continue;
    const marker = readMarker(occurrence.title, { shortForms: options.shortFormMarkers === true });
    if (marker.kind === 'information-only') continue;
    const number = marker.kind === 'profile' ? marker.number : isBusy(occurrence) ? options.defaultProfileNumberForUnmarkedBusy : null;
    if (number === null) continue;
    const key = activationKey(occurrence);
    if (seenKeys.has(key)) continue;
    seenKeys.add(key);
    const profile = profilesByNumber.get(number);
    if (!profile) {
      warnings.push({ key, code: 'unknown-profile-number', number, start: occurrence.start });
      continue;
    }
    activations.push({ key, profileId: profile.id, profileNumber: profile.number, start: occurrence.start, end: occurrence.end });
  }
  return { activations, warnings };
}

/**
 * The activation in force at `atMs`, or null. Among overlapping ones: highest calendar priority,
 * then the one that started later (the newer meeting), then the lower profile number.
 * Intervals are [start, end): at a back-to-back boundary the next event is already in force.
 */
export function resolveCalendarProfileAt(
  activations: readonly CalendarActivation[],
  profiles: readonly CalendarProfile[],
  atMs: number,
  skippedKeys: ReadonlySet<string> = new Set(),
): CalendarActivation | null {
  const priorityOf = new Map(profiles.map((profile) => [profile.id, profile.calendarPriority]));
  let winner: CalendarActivation | null = null;
  let winnerPriority = 0;
  for (const activation of activations) {
    const priority = priorityOf.get(activation.profileId);
    if (priority === undefined || skippedKeys.has(activation.key)) continue;
    if (activation.start > atMs || atMs >= activation.end) continue;
    if (!winner || outranks(activation, priority, winner, winnerPriority)) {
      winner = activation;
      winnerPriority = priority;
    }
  }
  return winner;
}

function outranks(a: CalendarActivation, aPriority: number, b: CalendarActivation, bPriority: number): boolean {
  if (aPriority !== bPriority) return aPriority > bPriority;
  if (a.start !== b.start) return a.start > b.start;
  if (a.profileNumber !== b.profileNumber) return a.profileNumber < b.profileNumber;
  return a.key < b.key;
}

/** The next instant strictly after `afterMs` at which some activation starts or ends, or null. */
export function nextCalendarChange(activations: readonly CalendarActivation[], afterMs: number): number | null {
  let next: number | null = null;
  for (const { start, end } of activations) {
    if (start > afterMs && (next === null || start < next)) next = start;
    if (end > afterMs && (next === null || end < next)) next = end;
  }
  return next;
}
