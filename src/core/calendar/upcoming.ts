import type { CalendarActivation } from './schedule';
import type { SuppressedActivation } from './settings';
import type { UpcomingActivation, UpcomingState } from './view';

/** An unknown-profile-number warning with the end of its event, so it can be listed like an activation. */
export interface UnknownProfileMarker {
  key: string;
  number: number;
  start: number;
  end: number;
}

export interface UpcomingInput {
  activations: readonly CalendarActivation[];
  unknownMarkers: readonly UnknownProfileMarker[];
  suppressed: readonly SuppressedActivation[];
  /** The key of the calendar activation that is on now, if any. */
  activeKey: string | null;
  /** The meeting behind each key, shown to the user in the list (and nowhere else). */
  titles: ReadonlyMap<string, string>;
  now: number;
  limit: number;
}

/** The activations still to come or under way, in start order, as the calendar view lists them. */
export function upcomingActivations(input: UpcomingInput): UpcomingActivation[] {
  const { now } = input;
  const suppressedBy = new Map(input.suppressed.map((entry) => [entry.key, entry.reason]));
  const stateOf = (activation: CalendarActivation): UpcomingState => {
    const reason = suppressedBy.get(activation.key);
    if (reason) return reason;
    if (activation.key === input.activeKey) return 'active';
    return activation.start <= now ? 'outranked' : 'planned';
  };
  const rows: UpcomingActivation[] = [
    ...input.activations
      .filter((activation) => activation.end > now)
      .map((activation) => ({
        key: activation.key,
        start: activation.start,
        end: activation.end,
        profileId: activation.profileId,
        profileNumber: activation.profileNumber,
        title: input.titles.get(activation.key) ?? '',
        state: stateOf(activation),
      })),
    ...input.unknownMarkers
      .filter((marker) => marker.end > now)
      .map((marker) => ({
        key: marker.key,
        start: marker.start,
        end: marker.end,
        profileId: null,
        profileNumber: marker.number,
        title: input.titles.get(marker.key) ?? '',
        state: 'unknown-profile' as const,
      })),
  ];
  rows.sort((a, b) => a.start - b.start || a.end - b.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return rows.slice(0, input.limit);
}
