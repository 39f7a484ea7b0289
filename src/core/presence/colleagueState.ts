import type { ColleagueCallState, VisibleCallState } from './callState';
import type { ColleaguePresence } from './parse';

/** RFC 4480 §3.2 activities the colleague list names in words; others are shown only by their note. */
export const SHOWN_ACTIVITIES = [
  'on-the-phone',
  'meeting',
  'appointment',
  'presentation',
  'lunch',
  'breakfast',
  'dinner',
  'meal',
  'vacation',
  'holiday',
  'travel',
  'in-transit',
  'steering',
  'busy',
  'away',
  'permanent-absence',
  'sleeping',
] as const;

export type ShownActivity = (typeof SHOWN_ACTIVITIES)[number];

/**
 * Activities that say the colleague cannot take a call now. `working`, `unknown` and `other` do not:
 * they say nothing against a call, and `other` is what a custom profile (also an available one) carries.
 */
const UNAVAILABLE_ACTIVITIES: ReadonlySet<string> = new Set<string>(SHOWN_ACTIVITIES);

/** What the colleague list shows of one colleague, from everything the PBX told us about them. */
export interface ColleagueState {
  /** Signed in with an open service, or visibly in a call on a phone that publishes only dialogs. */
  online: boolean;
  /** Our app's profile name; other clients do not send one. */
  profileName: string | null;
  /** The first activity the list can name, e.g. `meeting` ("I möte"). */
  activity: ShownActivity | null;
  note: string | null;
  until: number | null;
  /** null when nobody said anything about calls: an ordinary client without a phone line. */
  callState: ColleagueCallState | null;
  /** "Meddela mig när … blir tillgänglig" fires when this turns true. */
  available: boolean;
}

export const OFFLINE_COLLEAGUE: Readonly<ColleagueState> = Object.freeze({
  online: false,
  profileName: null,
  activity: null,
  note: null,
  until: null,
  callState: null,
  available: false,
});

const CALL_STATE_WEIGHT: Record<VisibleCallState, number> = { idle: 0, 'ringing-out': 1, 'ringing-in': 2, busy: 3 };

/**
 * Merges the two packages watched for a colleague (RFC 3856 `presence`, RFC 4235 `dialog`) into one
 * state. `presence` or `dialog` is null when that package has told nothing, or its state was cleared
 * (an empty NOTIFY, a terminated subscription).
 */
export function mergeColleagueState(presence: ColleaguePresence | null, dialog: VisibleCallState | null): ColleagueState {
  const open = presence?.basic === 'open';
  const callState = mergeCallStates(open ? presence.callState : null, dialog);
  // A desk phone publishes no PIDF; a call it is in still shows the colleague is there.
  const inCall = callState !== null && callState !== 'idle' && callState !== 'hidden';
  if (!open && !inCall) return { ...OFFLINE_COLLEAGUE };
  const activities = open ? presence.activities : [];
  const activity = (SHOWN_ACTIVITIES as readonly string[]).find((name) => activities.includes(name)) as ShownActivity | undefined;
  return {
    online: true,
    profileName: open ? presence.profileName : null,
    activity: activity ?? null,
    note: open ? presence.note : null,
    until: open ? presence.until : null,
    callState,
    available: open && (callState === null || callState === 'idle') && !activities.some((name) => UNAVAILABLE_ACTIVITIES.has(name)),
  };
}

/**
 * Our app's `hidden` (a profile that shows no calls) wins, so a dialog state still live on the PBX
 * cannot reveal a call the colleague chose to hide. Otherwise the busier of the two states wins: a
 * client that sends `on-the-phone` in its PIDF may lag behind its dialog state, or the other way round.
 */
function mergeCallStates(fromPresence: ColleagueCallState | null, dialog: VisibleCallState | null): ColleagueCallState | null {
  if (fromPresence === 'hidden') return 'hidden';
  if (fromPresence === null) return dialog;
  if (dialog === null) return fromPresence;
  return CALL_STATE_WEIGHT[dialog] > CALL_STATE_WEIGHT[fromPresence] ? dialog : fromPresence;
}

/** True when the colleague has just become available: the moment a "Meddela mig" watch is waiting for. */
export function becameAvailable(before: ColleagueState | null, after: ColleagueState): boolean {
  return before?.available !== true && after.available;
}
